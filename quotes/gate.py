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

from .attribution import UnitView, rules_of
from .grammar import Grammar
from .model import CueMatch, QuotedSpan, Span
from .speakers import Lookup

if TYPE_CHECKING:
    from .pipeline import GrammarResult



@attrs.frozen
class Gate:
    grammar: Grammar
    # How far back (in units) an antecedent search may send the parser.  Past this
    # the gate parses nothing more, and gated output may differ from parse-everything.
    # An embedded post (a tweet of several lines) counts a unit a line: 12 covers one
    # between a group and its "ils" / "les auteurs".
    reach: int = 12

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
        view = UnitView(text, unit, tuple(marks), tuple(cues), self.grammar)
        return any(r.gate(view) for r in self._rules)

    @functools.cached_property
    def _rules(self):
        return rules_of(self.grammar)

    def context(self, found: "GrammarResult", tried: set[int], lookups: Iterable[Lookup]) -> list[int]:
        """Units an antecedent search crossed without a parse, between the mention and
        what it found (within `reach`), all of them at once.

        Each round parses again and attributes the whole text again.  Asking for the
        nearest unit first, round after round, parsed the same units in more rounds: on
        the dev articles in batches of 8, 357 units in 11 parser calls against 6, and the
        rounds after the first took 1.22 CPU s of 6.24 against 0.70 of 5.43 (the same
        records, seeds and challenge output)."""
        starts = [u.start for u in found.units]
        need = set()
        for lookup in lookups:
            at = bisect.bisect_right(starts, lookup.position) - 1
            found_at = bisect.bisect_right(starts, lookup.found) - 1 if lookup.found is not None else -1
            need.update(j for j in range(max(found_at + 1, at - self.reach, 0), at) if j not in tried)
        return sorted(need)
