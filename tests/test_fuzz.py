"""Hostile text through the whole pipeline: no exception, valid offsets, deterministic output."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.fuzz import PIECES, SENTENCES, check

hostile = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(SENTENCES), st.text(max_size=20)), max_size=40).map("".join)
nfc_mix = st.tuples(hostile, st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"]))


@settings(max_examples=300)
@given(hostile)
def test_grammar_stage_survives_hostile_text(text):
    check(_grammar_only(), text)


_GRAMMAR_ONLY = []


def _grammar_only():
    if not _GRAMMAR_ONLY:
        from quotes.pipeline import Pipeline

        _GRAMMAR_ONLY.append(Pipeline("fr", "none"))
    return _GRAMMAR_ONLY[0]


@settings(max_examples=40)
@given(nfc_mix)
def test_whole_pipeline_survives_hostile_text(pipeline, case):
    import unicodedata

    text, form = case
    check(pipeline, unicodedata.normalize(form, text))


def test_one_megabyte_line(pipeline):
    rng = random.Random(1)
    text = "« Début », a déclaré M. Blanc. " + " ".join(rng.choice(["mot", "«", "»", "a", "déclaré"]) for _ in range(300_000))
    assert len(text) > 1_000_000
    check(pipeline, text)


def test_runaway_sentence_is_left_unparsed_not_fatal(pipeline):
    text = "Il a déclaré que " + "très " * 5000 + "bien."
    check(pipeline, text)
