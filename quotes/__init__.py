"""quotes: quotations and their speakers in French news text.

    >>> import quotes
    >>> for q in quotes.extract(text, id="a1", date="2024-11-01"):
    ...     print(q.speaker.name, q.type, q.quote.text)
    >>> records, entities = quotes.extract_with_entities(text, id="a1")
"""

from __future__ import annotations

import functools
from typing import Optional

from .errors import DocumentTooLongError, EmptyDocumentError, GrammarError, InputError, ModelError, QuotesError
from .model import Document, Quote, Speaker, Span

__all__ = [
    "extract", "extract_with_entities", "Pipeline", "Document", "Quote", "Speaker", "Span",
    "QuotesError", "GrammarError", "InputError", "EmptyDocumentError", "DocumentTooLongError", "ModelError",
]
__version__ = "0.1.0"


@functools.lru_cache(maxsize=4)
def _pipeline(grammar: str, parser: str, stanza_dir: Optional[str], gate: bool):
    from .pipeline import Pipeline

    return Pipeline(grammar, parser, stanza_dir, gate)


def extract(text: str, *, id: str = "doc", date: Optional[str] = None, source: Optional[str] = None,
            url: Optional[str] = None, title: Optional[str] = None, grammar: str = "fr", parser: str = "stanza",
            stanza_dir: Optional[str] = None, gate: bool = True, max_chars: int = 1_000_000) -> list[Quote]:
    """Quotes of one document.  The pipeline (models included) is loaded once and reused."""
    if not isinstance(text, str):
        raise InputError(id, f"text must be a str, got {type(text).__name__}")
    doc = Document(id, text, date=date, outlet=source, url=url, title=title)
    from .runner import check

    check(doc, max_chars)
    return _pipeline(grammar, parser, stanza_dir, gate).process(doc)


def extract_with_entities(text: str, *, id: str = "doc", date: Optional[str] = None, source: Optional[str] = None,
                          url: Optional[str] = None, title: Optional[str] = None, grammar: str = "fr", parser: str = "stanza",
                          stanza_dir: Optional[str] = None, gate: bool = True,
                          max_chars: int = 1_000_000) -> tuple[list[Quote], list[dict]]:
    """Quotes of one document and its entity table: one dict per entity (doc, id, name,
    type, gender, number, acronym, mentions with offsets in `text`), the ids those of
    the quotes' `speaker.id`."""
    if not isinstance(text, str):
        raise InputError(id, f"text must be a str, got {type(text).__name__}")
    doc = Document(id, text, date=date, outlet=source, url=url, title=title)
    from .runner import check

    check(doc, max_chars)
    [(quotes, entities)] = _pipeline(grammar, parser, stanza_dir, gate).process_with_entities([doc])
    return quotes, entities


def __getattr__(name: str):
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
