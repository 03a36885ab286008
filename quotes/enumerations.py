"""Places named in a list with places: "Dakar, Abidjan et Douala", "vers Lyon, Grenoble ou
Chambéry".  A one-word name the place lexicon does not know, coordinated with places it
knows, is a place too: taken for a person, it would stand for the person a pronoun or a
bare title names later ("Le responsable a ajouté" after a quotation naming cities)."""

from __future__ import annotations

from typing import Iterable

import regex

_NAME = r"\p{Lu}[\p{L}\-’']*"
# Two to six names, separated by commas, the last two by "et" or "ou".
_LIST = regex.compile(rf"(?<![\p{{L}}\-])(?:{_NAME}\s*,\s*){{0,4}}{_NAME}\s+(?:et|ou)\s+{_NAME}(?![\p{{L}}\-])")
_MEMBER = regex.compile(_NAME)


def places_in_lists(text: str, entities: Iterable, titled) -> None:
    """Retype as places (GPE) the one-word persons (PER) of a list whose other members the
    table holds as places, where nothing names them as people: no title (`titled(entity)`)
    and no mention outside such lists."""
    entities = list(entities)
    at = {(m.start, m.end): e for e in entities for m in e.mentions}
    listed: dict[int, list] = {}       # id(entity) -> its mentions' spans inside lists
    to_retype = []
    for lst in _LIST.finditer(text):
        members = [(m.start() + lst.start(), m.end() + lst.start()) for m in _MEMBER.finditer(lst.group())]
        kinds = [at.get(span) for span in members]
        if not any(e is not None and e.type == "GPE" for e in kinds):
            continue
        for span, e in zip(members, kinds):
            if e is not None and e.type == "PER":
                listed.setdefault(id(e), []).append(span)
                to_retype.append(e)
    for e in to_retype:
        if " " in e.name or titled(e) or any((m.start, m.end) not in listed[id(e)] for m in e.mentions):
            continue
        e.type = "GPE"
