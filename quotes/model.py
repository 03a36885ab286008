"""The data model: small frozen value classes that every stage passes along."""

from __future__ import annotations

from typing import Optional

import attrs

SCHEMA_VERSION = "1.0"
QUOTE_TYPES = ("direct", "indirect", "mixed")
SPEAKER_TYPES = ("PER", "ORG", "GPE", "GROUP")


@attrs.frozen(slots=True)
class Document:
    """One input document.  `id` names it in records and error messages."""

    id: str = attrs.field(validator=attrs.validators.instance_of(str))
    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    date: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None

    def span(self, start: int, end: int) -> "Span":
        return Span(start, end, self.text[start:end])


@attrs.frozen(slots=True)
class Span:
    """A stretch of a document's text: `text == doc.text[start:end]` always."""

    start: int
    end: int
    text: str

    # One check for the three fields rather than a validator each: a document makes
    # thousands of spans, and each validator is a Python call.
    def __attrs_post_init__(self):
        if not isinstance(self.text, str):
            raise TypeError(f"span text must be a string, got {type(self.text).__name__}")
        if not 0 <= self.start <= self.end or len(self.text) != self.end - self.start:
            if self.start < 0:
                raise ValueError(f"start must be >= 0, got {self.start}")
            if self.end < self.start:
                raise ValueError(f"span end {self.end} is before its start {self.start}")
            raise ValueError(f"span text has {len(self.text)} characters for offsets {self.start}-{self.end}")

    def check(self, text: str) -> None:
        if text[self.start:self.end] != self.text:
            raise ValueError(f"span {self.start}-{self.end} does not match the document text")

    def shift(self, offset: int) -> "Span":
        return Span(self.start + offset, self.end + offset, self.text)


@attrs.frozen(slots=True)
class QuotedSpan:
    """A quotation found by the typographic scanner.

    `start`/`end` bound the content without the marks and the padding spaces;
    `open_start`/`close_end` include the marks.  `balanced` is False when the
    closing mark is missing or of another style.
    """

    start: int
    end: int
    open_start: int
    close_end: int
    style: str
    depth: int = 0
    balanced: bool = True

    def __attrs_post_init__(self):
        if not (0 <= self.open_start <= self.start <= self.end <= self.close_end):
            raise ValueError(f"inconsistent quotation offsets {self}")


@attrs.frozen(slots=True)
class CueMatch:
    """A reporting cue found by the grammar: a verb form or a verb-less cue (selon)."""

    start: int
    end: int
    text: str
    lemma: str
    cue_class: str
    kind: str = "verb"  # "verb" or "preposition"


@attrs.frozen(slots=True)
class Speaker:
    name: str
    type: str = attrs.field(validator=attrs.validators.in_(SPEAKER_TYPES))
    mention: Optional[Span] = None
    title: Optional[str] = None
    id: Optional[str] = None          # the entity's id in its document's table: "e3"
    gender: Optional[str] = None      # "f" / "m" from the document's evidence, else None


@attrs.frozen(slots=True)
class Quote:
    """One reported-speech event, the unit of output."""

    doc: str
    quote: Span
    type: str = attrs.field(validator=attrs.validators.in_(QUOTE_TYPES))
    cue: str
    cue_span: Optional[Span] = None
    speaker: Optional[Speaker] = None
    cited_source: Optional[str] = None
    outlet: Optional[str] = None
    doc_date: Optional[str] = None
    quote_date: Optional[str] = None
    quote_date_text: Optional[str] = None
    balanced: bool = True
    rule: Optional[str] = None     # the attribution rule that made it

    def to_record(self) -> dict:
        speaker = self.speaker
        mention = speaker.mention if speaker else None
        return {
            "schema": SCHEMA_VERSION,
            "doc": self.doc,
            "quote": self.quote.text,
            "start": self.quote.start,
            "end": self.quote.end,
            "type": self.type,
            "speaker": speaker.name if speaker else None,
            "speaker_type": speaker.type if speaker else None,
            "speaker_id": speaker.id if speaker else None,
            "speaker_gender": speaker.gender if speaker else None,
            "speaker_title": speaker.title if speaker else None,
            "speaker_mention": mention.text if mention else None,
            "speaker_start": mention.start if mention else None,
            "speaker_end": mention.end if mention else None,
            "cue": self.cue,
            "cue_text": self.cue_span.text if self.cue_span else None,
            "cue_start": self.cue_span.start if self.cue_span else None,
            "cue_end": self.cue_span.end if self.cue_span else None,
            "cited_source": self.cited_source,
            "source": self.outlet,
            "date": self.doc_date,
            "quote_date": self.quote_date,
            "quote_date_text": self.quote_date_text,
            "balanced": self.balanced,
            "rule": self.rule,
        }
