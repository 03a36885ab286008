"""Runs of capitalised words that may name someone or something: "Jean-Luc Mélenchon", "François
de Rugy", "Pieter van Doorn", "beIN Sports", "l'association Eaux et Rivières de Bretagne".  The
entity table reads each run for a name."""

from __future__ import annotations

from typing import Sequence

import regex

from .bodynames import body_name_end, institution_end, named_by_body
from .grammar import Grammar
from .tokens import Tok, glued, is_acronym

# A word that opens in lower case before its capitals ("beIN", "iTélé", "eBay").
CAMEL = regex.compile(r"\p{Ll}{1,3}\p{Lu}")
# Particles of Dutch, Flemish and German names, which join capitalised words wherever they stand.
_FOREIGN_PARTICLES = frozenset({"van", "von", "der", "den", "ter", "zu"})


def capitalised_runs(text: str, toks: Sequence[Tok], g: Grammar) -> list[tuple[int, int]]:
    """Token ranges of capitalised words standing together."""
    out, k, n = [], 0, len(toks)
    while k < n:
        # a name may open in lower case before its capitals: "beIN Sports", "iTélé"
        if not (toks[k].cap or CAMEL.match(toks[k].text)) or not toks[k].text[0].isalpha():
            k += 1
            continue
        j = k + 1
        while j < n:
            if toks[j].cap and toks[j].text[0].isalpha() and glued(text, toks[j - 1], toks[j]):
                j += 1
            elif step := _particle(text, toks, g, k, j):
                j += step
            else:
                break
        if named_by_body(toks, k, g.organisations):
            j = body_name_end(text, toks, j)  # "l'association Eaux et Rivières de Bretagne"
        j = institution_end(text, toks, k, j, g)
        out.append((k, j))
        k = j
    return out


def _particle(text: str, toks: Sequence[Tok], g: Grammar, k: int, j: int) -> int:
    """"François de Rugy", "Valéry Giscard d'Estaing": a name's particle between two
    capitalised words, after a given name; not the "de" of a place or an institution
    ("Banque de France", "Château de Lány", "Val d'Oise").  "van", "von" ("Pieter van
    Doorn", "Ursula von der Leyen") are a name's wherever they stand.  How many words the
    particle and the word after it make, or 0."""
    n = len(toks)
    if toks[j].low in _FOREIGN_PARTICLES:
        m = j + 2 if j + 2 < n and toks[j + 1].low in _FOREIGN_PARTICLES else j + 1
        ok = m < n and toks[m].cap and toks[m].text[0].isalpha() and all(glued(text, toks[x - 1], toks[x]) for x in range(j, m + 1))
        return m - j + 1 if ok else 0
    if j + 1 >= n or toks[j].low not in ("de", "d'", "d’", "du") or not toks[j + 1].cap or not toks[j + 1].text[0].isalpha():
        return 0
    if not (glued(text, toks[j - 1], toks[j]) and glued(text, toks[j], toks[j + 1])):
        return 0
    after = toks[j + 1]
    # a person's name: a given name before the particle ("Selon Valéry Giscard d'Estaing")
    given = any(t.text in g.first_names or t.text.split("-")[0] in g.first_names or t.text in g.epicene_names for t in toks[k:j])
    if not given or after.text in g.places or after.low in g.organisations or is_acronym(after.text):
        return 0
    return 2 if text[toks[k].start: toks[j - 1].end] not in g.places else 0
