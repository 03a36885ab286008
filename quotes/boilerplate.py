"""Blank the lines of a web page that are not article text.

Lines are replaced by spaces of the same length, never removed, so every
offset computed on the cleaned text is valid on the text the user gave.
"""

from __future__ import annotations

import regex

from .grammar import Grammar

_COMBINED: dict[int, "regex.Pattern"] = {}


def _combined(grammar: Grammar) -> "regex.Pattern":
    """The grammar's line patterns as one alternation: one match per line, not one per pattern."""
    key = id(grammar)
    if key not in _COMBINED:
        _COMBINED[key] = regex.compile("|".join(f"(?:{p.pattern})" for p in grammar.boilerplate) or r"(?!)",
                                       regex.IGNORECASE | regex.MULTILINE)
    return _COMBINED[key]


def clean(text: str, grammar: Grammar, title: str | None = None, lowered: str | None = None) -> str:
    """`lowered` is `text.lower()` when the caller has it already: the patterns match
    without case and repeated lines are compared without case, so the lower-cased
    lines serve both."""
    if lowered is None or len(lowered) != len(text):
        lowered = None
    chars: list[str] | None = None
    seen: set[str] = set()
    title_key = title.strip().lower() if title else None
    first_line = True
    combined = _combined(grammar)
    end = -1
    for raw in (lowered or text).split("\n"):
        start, end = end + 1, end + 1 + len(raw)
        line = raw.strip()
        if not line:
            continue
        drop = bool(combined.fullmatch(raw))
        # Page titles printed again, and any long line seen before (lower() rather
        # than casefold(): the same lines, at twice the speed).
        if grammar.drop_repeated_lines and not drop and (len(line) >= 20 or title_key):
            key = line if lowered is not None else line.lower()
            if key in seen and len(line) >= 20:
                drop = True
            elif key == title_key and not first_line:
                drop = True
            seen.add(key)
        first_line = False
        if drop:
            if chars is None:
                chars = list(text)
            chars[start:end] = " " * (end - start)
    return text if chars is None else "".join(chars)
