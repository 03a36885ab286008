"""Blank the lines of a web page that are not article text.

Lines are replaced by spaces of the same length, never removed, so every
offset computed on the cleaned text is valid on the text the user gave.
"""

from __future__ import annotations

import regex

from .grammar import Grammar

_LINE = regex.compile(r"[^\n]*")


_COMBINED: dict[int, "regex.Pattern"] = {}


def _combined(grammar: Grammar) -> "regex.Pattern":
    """The grammar's line patterns as one alternation: one match per line, not one per pattern."""
    key = id(grammar)
    if key not in _COMBINED:
        _COMBINED[key] = regex.compile("|".join(f"(?:{p.pattern})" for p in grammar.boilerplate) or r"(?!)",
                                       regex.IGNORECASE | regex.MULTILINE)
    return _COMBINED[key]


def _blank(text: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        text[i] = " "


def clean(text: str, grammar: Grammar, title: str | None = None) -> str:
    chars: list[str] | None = None
    seen: set[str] = set()
    first_line: str | None = None
    for match in _LINE.finditer(text):
        line = match.group().strip()
        if not line:
            continue
        drop = bool(_combined(grammar).fullmatch(match.group()))
        if grammar.drop_repeated_lines and not drop:
            key = line.casefold()
            # Page titles printed again, and any long line seen before.
            if key in seen and len(line) >= 20:
                drop = True
            elif title and key == title.strip().casefold() and first_line is not None:
                drop = True
            seen.add(key)
        if first_line is None:
            first_line = line
        if drop:
            if chars is None:
                chars = list(text)
            _blank(chars, match.start(), match.end())
    return text if chars is None else "".join(chars)
