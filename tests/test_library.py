"""The library call: typed errors, offsets into the text the user gave."""

import unicodedata

import pytest

import quotes
from quotes.errors import DocumentTooLongError, EmptyDocumentError, InputError


def test_typed_errors_name_the_input():
    with pytest.raises(EmptyDocumentError, match="a1: empty document"):
        quotes.extract("   \n", id="a1", parser="none")
    with pytest.raises(DocumentTooLongError, match="a2: document has 12 characters, over the limit of 5"):
        quotes.extract("x" * 12, id="a2", parser="none", max_chars=5)
    with pytest.raises(InputError, match="a3: text must be a str"):
        quotes.extract(b"bytes", id="a3", parser="none")


def test_offsets_point_into_the_original_nfd_text():
    text = unicodedata.normalize("NFD", "« L'été sera décisif pour l'économie », a déclaré le ministre Éric Lévêque.")
    assert text != unicodedata.normalize("NFC", text)
    out = quotes.extract(text, id="nfd")
    assert out
    for q in out:
        assert text[q.quote.start:q.quote.end] == q.quote.text
        assert q.speaker is None or text[q.speaker.mention.start:q.speaker.mention.end] == q.speaker.mention.text
        assert text[q.cue_span.start:q.cue_span.end] == q.cue_span.text
    assert unicodedata.normalize("NFC", out[0].quote.text) == "L'été sera décisif pour l'économie"


def test_records_are_valid_json_with_schema_version():
    import json

    (q,) = quotes.extract("« Nous resterons ici jusqu'au bout », a déclaré le ministre Paul Girard.", id="x")
    record = json.loads(json.dumps(q.to_record()))
    assert record["schema"] == "1.0" and record["doc"] == "x" and record["balanced"] is True
