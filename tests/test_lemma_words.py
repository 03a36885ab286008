"""The lemmatizer ships its own answers for the vectors' common words; they are the answers its model gives."""

import copy
import random
import sys
from pathlib import Path

import stanza
import torch

from quotes.models import shipped_dir

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
import lemma_words  # noqa: E402


def _lemma_processor(torch_pipeline):
    return torch_pipeline.parser.pipeline.processors["lemma"]


def _added(trainer):
    """(word, tag) -> lemma entries for words the tag-free dictionary lacks: those the step wrote."""
    plain = trainer.pos_dict["*"]
    return {(w, tag): lemma for tag in lemma_words.TAGS for w, lemma in trainer.pos_dict.get(tag, {}).items()
            if w not in plain}


def test_the_shipped_lemmatizer_carries_the_vectors_words():
    saved = torch.load(shipped_dir() / "lemma.pt", map_location="cpu", weights_only=False)
    mark = saved[lemma_words.MARK]
    assert mark["tags"] == list(lemma_words.TAGS)
    assert mark["pairs"] > 50_000


def test_stored_lemmas_are_the_models_own(torch_pipeline):
    processor = _lemma_processor(torch_pipeline)
    trainer = processor.trainer
    added = _added(trainer)
    assert len(added) > 50_000
    sample = random.Random(7).sample(sorted(added), 300)
    saved = trainer.pos_dict
    trainer.pos_dict = copy.deepcopy(saved)
    for word, tag in sample:
        del trainer.pos_dict[tag][word]
    try:
        assert all(trainer._lookup(w, t) is None for w, t in sample)
        doc = stanza.Document([[{"id": 1, "text": w, "upos": t}] for w, t in sample])
        with torch.no_grad():
            doc = processor.process(doc)
    finally:
        trainer.pos_dict = saved
    decoded = {(s.words[0].text, s.words[0].upos): s.words[0].lemma for s in doc.sentences}
    assert decoded == {pair: added[pair] for pair in sample}
    # The sample holds real morphology, not only words that are their own lemma.
    assert sum(decoded[p] != p[0] for p in sample) > 30


def test_common_inflected_words_no_longer_go_through_the_model(torch_pipeline):
    trainer = _lemma_processor(torch_pipeline).trainer
    for word, tag, lemma in [("déclarées", "VERB", "déclarer"), ("syndicales", "ADJ", "syndical"),
                             ("inquiets", "ADJ", "inquiet")]:
        assert trainer._lookup(word, tag) == lemma


def test_candidates_are_words_the_dictionary_lacks_under_each_tag():
    known = {("chat", "NOUN"): "chat"}

    def lookup(word, tag):
        return known.get((word, tag))

    vocabulary = ["<PAD>", "chat", "chiens", "aujourd’hui", "porte-parole", "Paris", "2024", ",", "l'"]
    pairs = lemma_words.candidates(vocabulary, lookup, ("NOUN", "VERB"))
    assert pairs == [("chiens", "NOUN"), ("aujourd’hui", "NOUN"), ("porte-parole", "NOUN"), ("l'", "NOUN"),
                     ("chat", "VERB"), ("chiens", "VERB"), ("aujourd’hui", "VERB"), ("porte-parole", "VERB"),
                     ("l'", "VERB")]
