"""The registry of construction rules.

A rule is a function that reads a `Context` and adds events to it, with a gate
condition that says, from a unit's marks and cues alone, whether the rule could
use that unit's parse.  Rules run in the order the grammar's `attribution.toml`
names, most precise first, each seeing what the ones before it made (the sieve
design of CoreNLP's quote attribution); a grammar turns one off by leaving it out.
"""

from __future__ import annotations

from typing import Callable

import attrs

from ..context import Context, UnitView


@attrs.frozen
class Rule:
    name: str
    apply: Callable[[Context], None]
    gate: Callable[[UnitView], bool]
    doc: str


RULES: dict[str, Rule] = {}


def rule(name: str, gate: Callable[[UnitView], bool]):
    """Register a construction rule under `name`, with its gate condition."""
    def wrap(fn: Callable[[Context], None]) -> Callable[[Context], None]:
        if name in RULES:
            raise ValueError(f"rule {name!r} registered twice")
        RULES[name] = Rule(name, fn, gate, (fn.__doc__ or "").strip().split("\n")[0])
        return fn
    return wrap


from . import clauses, colons, complements, incises, learned, objects, posts, prepositions, quotations, quoted  # noqa: E402,F401  (registers the rules)
