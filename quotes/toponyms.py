"""Places the grammar does not list, told by their form or by the words before them.

French towns are many and most are no one's name.  A capitalised run is a place when its
form says so ("Janville-en-Beauce", "Boulogne-sur-Mer": capitalised parts joined by a
lower-case "en", "sur", "lès", "de"; "Saint-Nazaire", "Sainte-Foy": a saint's name with
no given name before it), or when one word stands after "à", "vers" or "entre" ("un
céréalier à Lannion", "entre Mâcon et Saint-Étienne") and the text never gives it as a
person's (after a given name or an honorific).
"""

from __future__ import annotations

from typing import Sequence

import regex

from .grammar import Grammar
from .tokens import Tok, glued

# Capitalised parts joined by a lower-case link: "Janville-en-Beauce", "Châlons-en-Champagne",
# "Saint-Martin-de-Ré", "Villers-lès-Nancy".
_LINKED = regex.compile(r"^\p{Lu}[\p{L}’']*(?:-\p{Lu}[\p{L}’']*)*-(?:en|sur|sous|lès|lez|les|le|la|de|du|des|aux|au|d['’]?)-?\p{Lu}")
_SAINT = regex.compile(r"^(?:Saint|Sainte|St|Ste)-\p{Lu}")
# One word after these is where something is or goes: "à Lannion", "vers Brest", "entre Mâcon".
_WHERE = frozenset({"à", "vers", "entre"})


def toponym(text: str, toks: Sequence[Tok], a: int, b: int, g: Grammar) -> bool:
    """Is the capitalised run from token `a` to `b` a place, by its form or its context?"""
    first = toks[a].text
    if _LINKED.match(first) or any(_LINKED.match(t.text) for t in toks[a + 1:b]):
        return not g.given_name(first) or _SAINT.match(first) is not None
    if _SAINT.match(first):
        return True
    if b - a != 1 or g.given_name(first) or a == 0:
        return False
    before = toks[a - 1].low
    after_entre = before == "et" and a >= 3 and toks[a - 3].low == "entre"  # "entre Mâcon et Saint-Étienne"
    return (before in _WHERE or after_entre) and not _named_as_person(text, toks, first, g)


def _named_as_person(text: str, toks: Sequence[Tok], word: str, g: Grammar) -> bool:
    """Does the text give `word` anywhere as part of a person's name: after a given name or an
    honorific ("Paul Dupont", "M. Dupont"), or before another capitalised word ("Kim Jong-un",
    then "à Kim")?"""
    return any(t.text == word and (k > 0 and (g.given_name(toks[k - 1].text) or toks[k - 1].text in g.honorifics)
                                   or k + 1 < len(toks) and toks[k + 1].cap and glued(text, t, toks[k + 1]))
               for k, t in enumerate(toks))
