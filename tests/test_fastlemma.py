"""The lemmatizer's model sees each new word once per batch, and every occurrence gets Stanza's own lemma;
names no dictionary holds are their own lemma."""

import copy

import stanza

# Invented words, so that no dictionary holds them; each stands several times in the batch.
SENTENCES = [
    "Les gloubinettes du marché zorglubent les ratafioles, disent les vendeurs.",
    "Une gloubinette zorglube toujours deux ratafioles avant midi.",
    "Les ratafioles zorglubées par les gloubinettes sont vendues au poids.",
    "Elle zorglube, il zorglube, nous zorglubons : la gloubinette est partout.",
]


def _lemmatize(parser, sentences, trainer):
    """Lemmas of `sentences` from a copy of the dictionary as it was, and the (word, tag) pairs the model saw."""
    saved = trainer.pos_dict
    trainer.pos_dict = copy.deepcopy(saved)
    seen = []
    skip = trainer.skip_seq2seq

    def counting(pairs):
        flags = skip(pairs)
        seen.extend(tuple(pair) for pair, known in zip(pairs, flags) if not known)
        return flags

    trainer.skip_seq2seq = counting
    try:
        docs = parser.bulk_process([stanza.Document([], text=s) for s in sentences])
    finally:
        trainer.skip_seq2seq = skip
        trainer.pos_dict = saved
    lemmas = [(w.text, w.upos, w.lemma) for d in docs for s in d.sentences for w in s.words]
    return lemmas, seen


def test_repeated_new_words_go_through_the_model_once_with_the_same_lemmas(torch_pipeline):
    parser = torch_pipeline.parser.pipeline
    trainer = parser.processors["lemma"].trainer
    assert "skip_seq2seq" in vars(trainer), "the deduplication is installed"

    ours, seen_ours = _lemmatize(parser, SENTENCES, trainer)
    patched = trainer.skip_seq2seq
    del trainer.skip_seq2seq
    try:
        theirs, seen_theirs = _lemmatize(parser, SENTENCES, trainer)
    finally:
        trainer.skip_seq2seq = patched

    assert ours == theirs
    assert len(seen_ours) == len(set(seen_ours)), "no (word, tag) pair twice"
    assert set(seen_ours) == set(seen_theirs)
    assert len(seen_theirs) > len(seen_ours), "Stanza alone sends the repeats"
    assert all(lemma and lemma != "_" for _, _, lemma in ours)


def test_a_name_no_dictionary_holds_is_its_own_lemma(torch_pipeline):
    parser = torch_pipeline.parser.pipeline
    trainer = parser.processors["lemma"].trainer
    text = "Madame Zwarteveld-Okonkwo a rencontré Kristoffersdóttir à Trzcianka le 17 brumaire."
    lemmas, seen = _lemmatize(parser, [text], trainer)
    names = [(word, lemma) for word, tag, lemma in lemmas if tag == "PROPN"]
    assert names and all(word == lemma for word, lemma in names)
    assert not any(tag == "PROPN" for _, tag in seen), "no name went through the model"
