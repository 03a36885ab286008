"""The cue gate: which units (sentences) the parser has to see.

The grammar stage has read the whole text; parsing is the cost.  The gate asks
for a parse of the units that can give a record, judged from marks and cues
alone, then, once speakers are resolved, of the units that an antecedent search
("il a ajouté que ...") went through without a parse.  What it leaves out gives
no record in parse-everything mode either: each rule below is a condition the
attribution rules need (benchmarks/run.py compares the two modes' records).
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING, Iterable

import attrs
import regex

from .attribution import SPEAKER_ONLY, is_headline
from .grammar import Grammar
from .model import CueMatch, QuotedSpan, Span
from .speakers import Lookup

if TYPE_CHECKING:
    from .pipeline import GrammarResult

_QUE = regex.compile(r"\bqu(?:e\b|['’])", regex.IGNORECASE)
# "tel que", "ainsi que", "bien que": a "que" that opens no reported clause.
_NOT_CLAUSE = regex.compile(r"\b(?:tel(?:le)?s?|ainsi|même|alors|bien|parce)\s+$", regex.IGNORECASE)
_DASH_AFTER = regex.compile(r"[ \t\u00a0\u202f]*[–—-]")


@attrs.frozen
class Gate:
    grammar: Grammar
    # How far back (in units) an antecedent search may send the parser.  Past this
    # the gate parses nothing more, and gated output may differ from parse-everything.
    reach: int = 8

    def first(self, found: "GrammarResult") -> list[int]:
        """Units worth parsing before anything is attributed."""
        marks = sorted(found.marks, key=lambda m: m.open_start)
        cues = list(found.cues)
        mark_starts = [m.open_start for m in marks]
        cue_starts = [c.start for c in cues]
        chosen = []
        for i, unit in enumerate(found.units):
            unit_marks = marks[bisect.bisect_left(mark_starts, unit.start): bisect.bisect_left(mark_starts, unit.end)]
            unit_cues = cues[bisect.bisect_left(cue_starts, unit.start): bisect.bisect_left(cue_starts, unit.end)]
            if self._wanted(found.text, unit, unit_marks, unit_cues):
                chosen.append(i)
        return chosen

    def _wanted(self, text: str, unit: Span, marks: list[QuotedSpan], cues: list[CueMatch]) -> bool:
        for m in marks:
            # A quotation reports on its own (floating quotes); a scare quote only
            # beside a cue ("« Non », a-t-il dit") or a dash and a name.
            if len(text[m.start: m.end].split()) > self.grammar.scare_max_words:
                return True
            if cues or _DASH_AFTER.match(text, m.close_end):
                return True
        if is_headline(unit.text):
            return False
        return any(self.may_report(text, c, unit.end) for c in cues)

    def may_report(self, text: str, cue: CueMatch, end: int) -> bool:
        """Can this cue give a record with no quotation mark in its unit (which ends at
        `end`)?  A verb needs a "que" after it, unless its frame takes an object and an
        infinitive or a noun and a clause; a verb-less cue needs a speaker after it."""
        g = self.grammar
        if cue.kind == "preposition":
            return cue.lemma not in SPEAKER_ONLY or self._speaker_after(text, cue.end)
        if cue.lemma in g.object_infinitive or cue.lemma in g.noun_clause:
            return True
        return any(not _NOT_CLAUSE.search(text, max(cue.end, m.start() - 8), m.start())
                   for m in _QUE.finditer(text, cue.end, end))

    def _speaker_after(self, text: str, end: int) -> bool:
        """A capitalised word, a title or a pronoun before the phrase's comma or among
        the next four words (where the parser may find the phrase's noun)."""
        window = text[end: end + 80]
        phrase = regex.split(r"[,.;:!?\n]", window, maxsplit=1)[0]
        words = regex.findall(r"[\p{L}][\p{L}’'\-]*", phrase) + regex.findall(r"[\p{L}][\p{L}’'\-]*", window)[:4]
        for word in words:
            if word[0].isupper():
                return True
            low = word.lower()
            if low in self._person_words or low.rstrip("sx") in self._person_words:
                return True
        return False

    @functools.cached_property
    def _person_words(self) -> frozenset[str]:
        return frozenset(self.grammar.titles | set(self.grammar.pronouns))

    def context(self, found: "GrammarResult", tried: set[int], lookups: Iterable[Lookup]) -> list[int]:
        """Units an antecedent search crossed without a parse: for each search, the
        nearest such unit between the mention and what it found (within `reach`)."""
        starts = [u.start for u in found.units]
        need = set()
        for lookup in lookups:
            at = bisect.bisect_right(starts, lookup.position) - 1
            found_at = bisect.bisect_right(starts, lookup.found) - 1 if lookup.found is not None else -1
            missing = [j for j in range(max(found_at + 1, at - self.reach, 0), at) if j not in tried]
            if missing:
                need.add(missing[-1])
        return sorted(need)
