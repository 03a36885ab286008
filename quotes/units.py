"""Sentence units: the stretches of text that attribution works on.

A unit ends at sentence-final punctuation followed by a capital, or at a line
break, but never inside a quotation, so a quote and its attribution stay in
one unit.  Abbreviations ("M.", "Mme", initials) do not end a sentence.  A wire
dateline ("PARIS (AFP) –") that opens a unit is left out of it.
"""

from __future__ import annotations

import re

from .model import QuotedSpan, Span

_ABBREVIATIONS = ("m", "mm", "mme", "mlle", "dr", "pr", "me", "st", "ste", "etc", "cf", "av", "env", "no",
                  "art", "vol", "gén", "col", "lt", "sgt")


# What stands before an abbreviation's word: a space; before one letter, a hyphen too
# (the second initial of "J.-M. Dupont").
_BEFORE = {False: r"\s", True: r"[\s-]"}


def _not_after_abbreviation() -> str:
    """Lookbehinds, placed after a full stop, that refuse it when the word before is
    one letter ("J. Dupont"), an abbreviation ("M. Dupont"), or a digit that opens
    a line ("1. Le texte", an item of a list).  A digit elsewhere ends a sentence
    ("la hausse sera de 3. Il a ajouté").  The one-character word is a letter, not
    any non-space: a closing mark after a space ("fin\u00a0».") is no initial, and
    its stop ends the sentence.  The standard library engine takes only fixed-width lookbehinds: one
    per word length."""
    by_length: dict[int, list[str]] = {1: [r"[^\W\d_Xx]"]}  # not the network: "a écrit sur X. Le maire ..."
    for a in _ABBREVIATIONS:
        if len(a) > 1:  # one letter: the class above
            by_length.setdefault(len(a), []).append(re.escape(a))
    return r"(?<!\n\d\.)(?<!^\d\.)" + "".join(
        rf"(?<!{_BEFORE[n == 1]}(?:{'|'.join(words)})\.)(?<!^(?:{'|'.join(words)})\.)" for n, words in sorted(by_length.items()))


# One pattern finds every cut.  It starts with a character class, so the engine
# skips in C to the next . ! ? … or line break and Python sees only the cuts.
# At a line break the match is the break and the white space after it; after
# punctuation, the punctuation run (with closing marks) ends the sentence at the
# empty group "end", and the spaces up to the capital belong to no unit.  The
# standard library engine is several times faster here than `regex`; French
# capitals are spelled out since it has no \p{Lu}.
_BOUNDARY = re.compile(
    r"[.!?…\n](?:"
    r"(?<=\n)\s*"
    r"|(?<![.!?…][.!?…])" + f"(?i:{_not_after_abbreviation()})"
    + r"[.!?…]*(?:[ \u00a0\u202f]?[»”\"’›“)])*(?P<end>)"
    r"[ \t\u00a0\u202f]+(?=[«“\"‘‹„(A-ZÀ-ÖØ-ÞŒŸ\d—–-]))"
)


# A wire dateline opening a paragraph: "PARIS (AFP) –", "REYKJAVIK –", "Bruxelles, 12 mars
# (Belga) –" says where and by whom the story was filed; a live report's "09h12 –", when.
# It is no part of the sentence after it: left in, the parser reads "Bruxelles" as that
# sentence's subject.
_UP, _LOW = "A-ZÀ-ÖØ-ÞŒŸ", "a-zß-öø-ÿœ"
_DATELINE = re.compile(
    rf"(?:[{_UP}]{{2,}}[{_UP}\-' ]*|[{_UP}][{_LOW}]+(?:[ \-][{_UP}][{_LOW}]+)*)"
    rf"(?:,[^()–—\n]{{1,25}}?)?[ \u00a0]*\([^()\n]{{1,30}}\)[ \u00a0]*[-–—][ \u00a0]+"
    rf"|[{_UP}]{{3,}}[{_UP}\-' ]*[ \u00a0]+[–—][ \u00a0]+"
    # a live report's time stamp: "09h12 –", "14:30 -"
    rf"|[0-2]?\d[h:][0-5]\d[ \u00a0]*[-–—][ \u00a0]+")


def split_units(text: str, quotes: list[QuotedSpan]) -> list[Span]:
    inside = _merged(sorted((q.open_start, q.close_end) for q in quotes if q.style != "dash"))
    units: list[Span] = []
    start = 0
    j = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end(1)  # the group "end"
        if end < 0:
            end = m.start()  # a line break ends a unit even inside a quotation
        elif inside:
            while j < len(inside) and inside[j][1] <= end:
                j += 1
            if j < len(inside) and inside[j][0] < end:
                continue  # a full stop inside a quotation does not end its unit
        _add(text, start, end, units)
        start = m.end()
    _add(text, start, len(text), units)
    return units


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Nested and overlapping quotations as disjoint stretches, in order."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _add(text: str, start: int, end: int, units: list[Span]) -> None:
    piece = text[start:end]
    if not piece:
        return
    if piece[0].isspace() or piece[-1].isspace():
        stripped = piece.strip()
        if not stripped:
            return
        start += len(piece) - len(piece.lstrip())
        piece = stripped
    dateline = _DATELINE.match(piece)
    if dateline is not None and dateline.end() < len(piece):
        start += dateline.end()
        piece = piece[dateline.end():]
    units.append(Span(start, start + len(piece), piece))
