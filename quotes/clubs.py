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
    return regex.compile(rf"(?<![\p{{L}}\-])(?:{alternatives})\s+(?P<city>(?-i:\p{{Ll}})[\p{{L}}\-]+)(?![\p{{L}}\-])")


def clubs_named(text: str, words: frozenset[str]) -> list[regex.Match]:
    """Where `text` names a club by one of `words` and an adjective of a city ("-ais",
    "-ois", "-in", "-ien", ...; not "le Stade sera rénové", "le Stade de France")."""
    return [m for m in _pattern(words).finditer(text)
            if DEMONYM.search(m.group("city")) or m.group("city").endswith(("in", "eau", "en"))]
