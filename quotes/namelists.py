"""Any name of a list, found where a text writes it whole: what one regular expression
of the names' alternation, longest first, between two boundaries would find, without
building that expression.

The grammar's lists (places, outlets, organisations: 30 to 350 names) made alternations
of up to 3,600 characters, which the `regex` module parses in Python: 40 to 60 ms of
every process that met its first document, again in each worker.  Here the names are
kept by their first character, a small pattern finds where one may start, and the
names that start with that character are compared there, longest first, as the
alternation tries them: a name whose right-hand boundary fails gives way to a shorter
one at the same place ("Corée du Nordiste" still holds "Corée").  Matching is exact and
case-sensitive, as the alternation's was.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Optional

import regex


class NameMatch:
    """Where a listed name was found: group(), start(), end() and span(), as a match has."""

    __slots__ = ("string", "_start", "_end")

    def __init__(self, string: str, start: int, end: int):
        self.string, self._start, self._end = string, start, end

    def group(self) -> str:
        return self.string[self._start: self._end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def __repr__(self) -> str:
        return f"<NameMatch span={self.span()} {self.group()!r}>"


class NameList:
    """The names, found by `match` and `finditer` with the arguments of a compiled pattern's.

    `after`: what the text right after a name must not be (a negative lookahead's body);
    `before`: the same for the character before it (a negative lookbehind's body), or None.
    As with a pattern, the text ends at `endpos` for the boundary after a name, while the
    one before it may look back past `pos`."""

    def __init__(self, names: Iterable[str], after: str, before: Optional[str] = None):
        self.by_first: dict[str, list[str]] = {}
        for name in sorted({n for n in names if n}, key=len, reverse=True):
            self.by_first.setdefault(name[0], []).append(name)
        first = "".join(regex.escape(c) for c in sorted(self.by_first))
        lookbehind = f"(?<!{before})" if before else ""
        # no name, no start: a class of no character would not compile
        self._starts = regex.compile(f"{lookbehind}[{first}]" if first else r"(?!)")
        self._after = regex.compile(after)

    def match(self, text: str, pos: int = 0, endpos: Optional[int] = None) -> Optional[NameMatch]:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        if self._starts.match(text, pos, endpos) is None:
            return None
        return self._at(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: Optional[int] = None) -> Iterator[NameMatch]:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        while True:
            start = self._starts.search(text, pos, endpos)
            if start is None:
                return
            found = self._at(text, start.start(), endpos)
            if found is None:
                pos = start.start() + 1
                continue
            yield found
            pos = found.end()

    def _at(self, text: str, at: int, endpos: int) -> Optional[NameMatch]:
        for name in self.by_first.get(text[at], ()):
            end = at + len(name)
            if end <= endpos and text.startswith(name, at) and self._after.match(text, end, endpos) is None:
                return NameMatch(text, at, end)
        return None
