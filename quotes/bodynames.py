"""Names of bodies that a noun of their kind introduces: "l'association Eaux et Rivières de
Bretagne", "la compagnie maritime Îles et Courants", "le groupement forestier Bois et Scieries
de Bourgogne".  Such a name may join capitalised words with "et" and go on with a "de"
complement, where a person's name would stop; and its words name a body, not a person
("l'ONG Solidarités Sahel")."""

from __future__ import annotations

from typing import Sequence

from .tokens import DETERMINERS, Tok

_ARTICLES = DETERMINERS | {"d'", "d’"}
_AND = frozenset({"et", "&"})
_DE = frozenset({"de", "du", "des", "d'", "d’"})
_DE_ARTICLES = frozenset({"la", "l'", "l’"})


def named_by_body(toks: Sequence[Tok], a: int, bodies: frozenset[str]) -> bool:
    """Does a noun of `bodies`, after its article and perhaps an adjective, stand right
    before the capitalised word at `a`: "l'association Sources", "la compagnie maritime
    Îles"?"""
    k = a - 1
    if k >= 1 and not toks[k].cap and toks[k].low not in bodies and toks[k].low not in _DE and toks[k].text[:1].isalpha():
        k -= 1  # one adjective of the noun: "maritime", "forestier"
    return k >= 1 and toks[k].low in bodies and toks[k - 1].low in _ARTICLES


def body_name_end(toks: Sequence[Tok], j: int, glued) -> int:
    """Past the end `j` of a capitalised run a body's noun introduced, the end of its name
    when "et" joins a capitalised word to it ("Eaux et Rivières"), with the capitalised
    words and "de" complements after that ("de Bretagne", "de l'Ouest")."""
    n = len(toks)
    if not (j + 1 < n and toks[j].low in _AND and _capital(toks[j + 1]) and glued(toks[j - 1], toks[j]) and glued(toks[j], toks[j + 1])):
        return j
    j += 2
    while j < n:
        if _capital(toks[j]) and glued(toks[j - 1], toks[j]):
            j += 1
            continue
        k = j + 1 if toks[j].low in _DE else j
        if k > j and k < n and toks[k].low in _DE_ARTICLES and not toks[j].low.endswith(("'", "’")):
            k += 1
        if k > j and k < n and _capital(toks[k]) and all(glued(toks[x - 1], toks[x]) for x in range(j, k + 1)):
            j = k + 1
            continue
        break
    return j


def _capital(t: Tok) -> bool:
    return t.cap and t.text[0].isalpha()
