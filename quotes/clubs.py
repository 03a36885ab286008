"""Clubs named by a word and their city's adjective: "le Stade lavallois", "le Sporting
toulonnais", "le Stade briochin".  The entity table takes them for organisations before it
reads capitalised runs, which would see a town ("Stade") or a person in them."""

from __future__ import annotations

import functools

import regex

from .tokens import DEMONYM


@functools.lru_cache(maxsize=4)
def _pattern(words: frozenset[str]) -> regex.Pattern:
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    two = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True) if " " in w) or "(?!)"
    # a name of two words may take the town's name itself: "l'Union sportive Cholet-Mauges"
    return regex.compile(rf"(?<![\p{{L}}\-])(?:(?:{alternatives})\s+(?P<city>(?-i:\p{{Ll}})[\p{{L}}\-]+)"
                         rf"|(?:{two})\s+(?P<town>(?-i:\p{{Lu}})[\p{{L}}\-]+))(?![\p{{L}}\-])")


def clubs_named(text: str, words: frozenset[str]) -> list[regex.Match]:
    """Where `text` names a club by one of `words` and an adjective of a city ("-ais",
    "-ois", "-in", "-ien", ...; not "le Stade sera rénové", "le Stade de France"), or by
    one of two words and a town ("Football Club Annecy")."""
    return [m for m in _pattern(words).finditer(text)
            if m.group("town") or DEMONYM.search(m.group("city")) or m.group("city").endswith(("in", "eau", "en"))]
