"""Sentence units: the stretches of text that attribution works on.

A unit ends at sentence-final punctuation followed by a capital, or at a line
break, but never inside a quotation, so a quote and its attribution stay in
one unit.  Abbreviations ("M.", "Mme", initials) do not end a sentence.
"""

from __future__ import annotations

import re


from .model import QuotedSpan, Span

# The standard library engine is several times faster here than `regex`; French capitals
# are spelled out since it has no \p{Lu}.
_BOUNDARY = re.compile(r"(?:[.!?…]+(?:[ \u00a0\u202f]?[»”\"’)])*)(?=[ \t\u00a0\u202f]+[«“\"‘(A-ZÀ-ÖØ-ÞŒŸ\d—–-])|\n+")
_ABBREVIATIONS = frozenset({"m", "mm", "mme", "mlle", "dr", "pr", "me", "st", "ste", "etc", "cf", "av", "env", "no", "art", "vol", "gén", "col", "lt", "sgt"})


def split_units(text: str, quotes: list[QuotedSpan]) -> list[Span]:
    inside = sorted((q.open_start, q.close_end) for q in quotes if q.style != "dash")
    units: list[Span] = []
    start = 0
    k = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.end() if m.group().startswith("\n") is False else m.start()
        while k < len(inside) and inside[k][1] <= cut:
            k += 1
        if "\n" not in m.group():
            if any(a < cut < b for a, b in inside[max(0, k - 3): k + 3]):
                continue
            if text[m.start()] == ".":
                word = text[max(0, m.start() - 6): m.start()].rsplit(None, 1)[-1:]
                if word and (len(word[0]) == 1 or word[0].lower() in _ABBREVIATIONS):
                    continue
        _add(text, start, cut, units)
        start = m.end()
    _add(text, start, len(text), units)
    return units


def _add(text: str, start: int, end: int, units: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        units.append(Span(start, end, text[start:end]))
