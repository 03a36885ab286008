"""Outlet names the grammar lists, found where the text writes them: shared by attribution
(an outlet after a postposed cue relays the report before it) and the speakers stage."""

from __future__ import annotations

import functools
from typing import Optional

import regex

from .grammar import Grammar
from .namelists import NameList


@functools.lru_cache(maxsize=4)
def names_pattern(outlets: frozenset[str]) -> NameList:
    """The grammar's outlets, longest first, not inside a site's name ("Le Monde.fr")."""
    return NameList(outlets, after=r"[\p{L}\p{N}]|\.\p{L}")


def listed_outlet_at(text: str, start: int, grammar: Grammar) -> Optional[str]:
    """The grammar's outlet whose name is written at `start`, if any, and not the start of a
    longer name ("La Tribune" of "La Tribune de Genève")."""
    m = names_pattern(grammar.outlets).match(text, start) if grammar.outlets else None
    return m.group() if m and not _NAME_GOES_ON.match(text, m.end()) else None


_NAME_GOES_ON = regex.compile(r"\s+(?:de\s+|du\s+|des\s+|d['’])(?:la\s+|l['’])?\p{Lu}")
