"""The typographic scanner: every quotation in a text, with its exact span.

One left-to-right pass with a stack of open marks.  A mark's role (open,
close, apostrophe, stray) is decided from the pair table of the grammar and
from what touches it on each side.  Broken input never raises: a quotation
left open ends at its paragraph (or runs on when the next paragraph reopens
or closes it) and is flagged `balanced=False`.
"""

from __future__ import annotations

import re

import attrs

from .grammar import Grammar, MarkPair
from .model import QuotedSpan

_APOSTROPHES = frozenset("'’")
_SPACE = frozenset(" \t\r\n\u00a0\u202f\u2009\u2007\u200b\ufeff")
# What may stand before an opening mark / after a closing mark.
_OPEN_CONTEXT = _SPACE | frozenset("([{:;,—–-/")
_CLOSE_CONTEXT = _SPACE | frozenset(".,;:!?)]}…—–-/")


@attrs.define
class _Open:
    pair: MarkPair
    pos: int
    depth: int


class Scanner:
    """Compiled once per grammar; `scan(text)` is pure and deterministic."""

    def __init__(self, grammar: Grammar):
        self.pairs = grammar.pairs
        self.dashes = grammar.dashes
        self.opens: dict[str, list[MarkPair]] = {}
        self.closes: dict[str, list[MarkPair]] = {}
        for pair in self.pairs:
            self.opens.setdefault(pair.open, []).append(pair)
            self.closes.setdefault(pair.close, []).append(pair)
        chars = sorted(set(self.opens) | set(self.closes))
        # Apostrophes between two letters ("l'État", "aujourd’hui") are the commonest
        # mark characters and never marks.  Each pattern starts with one character
        # class, so the standard library engine skips in C to the next mark character
        # and refuses such an apostrophe there, without a Python step ([^\W\d_] is a
        # letter).  A line break matters only while a quotation is open.
        apostrophes = "".join(re.escape(c) for c in chars if c in _APOSTROPHES)
        everything = "".join(re.escape(c) for c in chars)
        glued = rf"(?:(?<![{apostrophes}])|(?<![^\W\d_].)|(?![^\W\d_]))" if apostrophes else ""
        self._marks = re.compile(rf"[{everything}\n]{glued}")
        self._marks_outside = re.compile(rf"[{everything}]{glued}")
        self._mark_chars = frozenset(chars)
        self._double = frozenset(p.open for p in self.pairs if p.name.endswith("double") or p.open in "«")
        # Closing double marks that open nothing ("»", "”"), with their own opener.
        self._other_closes = {p.close: p.open for p in self.pairs
                              if p.open in self._double and not p.symmetric and p.close not in self.opens}
        dash = "".join(re.escape(d) for d in self.dashes)
        # From each dash to its line's end; whether the dash opens the line is checked
        # in Python, since a pattern anchored at line starts is tried at every position.
        self._dialogue = re.compile(rf"([{dash}])[ \t\u00a0\u202f]+(\S[^\n]*)") if dash else None

    # ------------------------------------------------------------------ helpers

    def _next_paragraph(self, text: str, i: int) -> int:
        j = i
        while j < len(text) and text[j] in _SPACE:
            j += 1
        return j

    def _runs_on(self, text: str, stack: list[_Open], newline: int) -> tuple[bool, int | None]:
        """Does the quotation open at a paragraph end go on in the next paragraph?

        Returns (runs_on, position of a reopening mark to skip).
        """
        j = self._next_paragraph(text, newline)
        if j >= len(text):
            return False, None
        outer = stack[0].pair
        if text[j] == outer.open and not outer.symmetric:
            return True, j  # French style: each paragraph reopened with «
        end = text.find("\n", j)
        paragraph = text[j: len(text) if end < 0 else end]
        for entry in stack:
            close_at = paragraph.find(entry.pair.close)
            if close_at < 0 or entry.pair.symmetric:
                continue
            open_at = paragraph.find(entry.pair.open)
            if open_at < 0 or open_at > close_at:
                return True, None
        return False, None

    def _spaced_pair(self, text: str, i: int) -> bool:
        """A straight double mark with a space on each side opens when its paragraph holds
        the mark again: French spacing kept with straight marks (« " tous les bureaux sont ouverts " »);
        or a closing double mark of another style with no opener of its own before it
        (« " Nous partirons demain », a-t-il dit »: typed on one side, set by an editor on the other).
        Not an apostrophe: a paragraph holds many, none of them a closing mark."""
        c = text[i]
        if c in _APOSTROPHES:
            return False
        end = text.find("\n", i)
        paragraph = text[i + 1: len(text) if end < 0 else end]
        if c in paragraph:
            return True
        for close, open_ in self._other_closes.items():
            k = paragraph.find(close)
            if k >= 0 and open_ not in paragraph[:k]:
                return True
        return False

    @staticmethod
    def _span(text: str, entry: _Open, close_pos: int, close_len: int, balanced: bool) -> QuotedSpan | None:
        start, end = entry.pos + 1, close_pos
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return None
        return QuotedSpan(start, end, entry.pos, close_pos + close_len, entry.pair.name, entry.depth, balanced)

    def _close(self, text, stack, index, pos, close_len, balanced, out):
        """Close stack[index] at pos; anything opened inside it closes there too, unbalanced."""
        while len(stack) > index:
            entry = stack.pop()
            ok = balanced and len(stack) == index
            span = self._span(text, entry, pos, close_len if len(stack) == index else 0, ok)
            if span is not None:
                out.append(span)

    @staticmethod
    def _find(stack: list[_Open], pairs: list[MarkPair]) -> int | None:
        for k in range(len(stack) - 1, -1, -1):
            if stack[k].pair in pairs:
                return k
        return None

    # ------------------------------------------------------------------ scan

    def scan(self, text: str) -> list[QuotedSpan]:
        out: list[QuotedSpan] = []
        stack: list[_Open] = []
        skip: int | None = None
        pos = 0
        while True:
            match = (self._marks if stack else self._marks_outside).search(text, pos)
            if match is None:
                break
            i = match.start()
            pos = i + 1
            c = text[i]
            if i == skip:
                continue
            if c == "\n":
                if stack:
                    runs_on, skip = self._runs_on(text, stack, i)
                    if not runs_on:
                        end = i
                        self._close(text, stack, 0, end, 0, False, out)
                continue
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            closing = self.closes.get(c, [])
            opening = self.opens.get(c, [])
            # 1. A mark that closes something open.
            k = self._find(stack, closing) if closing else None
            if k is not None:
                pair = stack[k].pair
                if pair.symmetric and prev in _SPACE and nxt not in _CLOSE_CONTEXT:
                    # It opens.  A straight mark cannot nest in itself (a reader could
                    # not tell the levels apart): the open one lost its closing mark.
                    self._close(text, stack, k, i, 0, False, out)
                elif c == "’" and prev in _SPACE:
                    continue
                else:
                    self._close(text, stack, k, i, 1, True, out)
                    continue
            # 2. Broken closes: « glued to a word and followed by a space or
            #    punctuation closes an open «; a double opener glued to the word
            #    before it closes an open double quote of another style.
            if stack and prev not in _SPACE and nxt in _CLOSE_CONTEXT | {"\n"} and c in self._double:
                top = stack[-1].pair
                if top.open in self._double:
                    self._close(text, stack, len(stack) - 1, i, 1, False, out)
                    continue
            if stack and c in self._double and prev.isalpha() and nxt.isalpha() and stack[-1].pair.open in self._double and stack[-1].pair.open != c:
                self._close(text, stack, len(stack) - 1, i, 1, False, out)
                continue
            # 2b. Mixed styles: an open straight double mark closed by a double closer of
            #     another style whose own opener is not open (" ... »).
            if k is None and c in self._other_closes and stack and stack[-1].pair.symmetric and stack[-1].pair.open in self._double:
                self._close(text, stack, len(stack) - 1, i, 1, True, out)
                continue
            # 3. Openers.
            if opening:
                pair = opening[0]
                if pair.symmetric or c in ("‘",):
                    if prev not in _OPEN_CONTEXT and prev not in self._mark_chars:
                        continue
                    if nxt in _SPACE and not (pair.symmetric and self._spaced_pair(text, i)):
                        continue
                if c == "’":
                    continue
                stack.append(_Open(pair, i, len(stack)))
        if stack:
            self._close(text, stack, 0, len(text), 0, False, out)
        out.extend(self._dialogue_lines(text, out))
        out.sort(key=lambda q: (q.open_start, -q.close_end))
        return out

    def _dialogue_lines(self, text: str, found: list[QuotedSpan]) -> list[QuotedSpan]:
        if self._dialogue is None or not any(d in text for d in self.dashes):
            return []  # most texts have no dash at all, and `in` is a C scan
        lines = []
        for m in self._dialogue.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if text[line_start:m.start()].strip(" \t\u00a0"):
                continue  # a dash inside a line
            start, end = m.span(2)
            end -= len(m.group(2)) - len(m.group(2).rstrip(" \t"))
            if any(q.open_start <= start < q.close_end for q in found):
                continue
            lines.append(QuotedSpan(start, end, m.start(1), end, "dash", 0, True))
        return lines


def scan(text: str, grammar: Grammar) -> list[QuotedSpan]:
    return Scanner(grammar).scan(text)
