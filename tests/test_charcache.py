"""Word character vectors kept per process: the same tags and trees, the LSTM run on new words only."""

import stanza
import torch

from quotes import charcache

# Sentences of our own that repeat words within and across them.
SENTENCES = [
    "Le maire a déclaré que le maire de la ville voisine avait tort.",
    "« Nous ne céderons pas », a répondu la maire, qui a déclaré la séance ouverte.",
    "Selon la préfecture, la route de la vallée restera fermée jusqu'à la fin de la semaine.",
    "Les habitants de la vallée affirment que la route de la vallée est dangereuse.",
]


def _analyse(parser):
    docs = parser.bulk_process([stanza.Document([], text=s) for s in SENTENCES])
    return [(w.text, w.upos, w.feats, w.head, w.deprel) for d in docs for s in d.sentences for w in s.words]


def test_kept_vectors_give_the_tags_and_trees_of_the_plain_model(torch_pipeline):
    parser = torch_pipeline.parser.pipeline
    modules = [parser.processors[name].trainer.model.charmodel for name in ("pos", "depparse")]
    assert all("forward" in vars(m) for m in modules), "installed on CPU"
    for m in modules:
        m._quotes_words.clear()
    ours = _analyse(parser)
    patched = [vars(m).pop("forward") for m in modules]
    try:
        theirs = _analyse(parser)
    finally:
        for m, forward in zip(modules, patched):
            m.forward = forward
    assert ours == theirs
    words = {w for w, *_ in ours}
    # One vector per distinct word (and the parser's root symbol), not per occurrence.
    assert all(len(words) <= len(m._quotes_words) <= len(words) + 1 for m in modules)
    assert len(ours) > len(words) + 10


def test_a_known_word_is_not_run_through_the_lstm_again(torch_pipeline, monkeypatch):
    parser = torch_pipeline.parser.pipeline
    _analyse(parser)
    runs = []
    real = charcache._represent

    def counting(self, chars, wordlens):
        runs.append(len(wordlens))
        return real(self, chars, wordlens)

    monkeypatch.setattr(charcache, "_represent", counting)
    _analyse(parser)
    assert runs == []
    parser.bulk_process([stanza.Document([], text="Le zorglubeur a déclaré que la route restera fermée.")])
    assert runs and max(runs) == 1, "only the new word went through the LSTM"


def test_the_vector_is_the_one_the_batch_computes(torch_pipeline):
    module = torch_pipeline.parser.pipeline.processors["pos"].trainer.model.charmodel
    vocab = torch_pipeline.parser.pipeline.processors["pos"].trainer.vocab["char"]
    words = ["déclaré", "maire", "la", "a"]
    ids = [vocab.map(list(w)) for w in words]
    chars = torch.zeros(len(words), len(ids[0]), dtype=torch.long)
    for k, row in enumerate(ids):
        chars[k, :len(row)] = torch.tensor(row)
    with torch.no_grad():
        whole = charcache._represent(module, chars, [len(r) for r in ids])
        alone = charcache._represent(module, chars[1:2, :len(ids[1])], [len(ids[1])])
    assert torch.allclose(whole[1], alone[0], atol=1e-5)
