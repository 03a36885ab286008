"""Does a short form abbreviate the words before it?  French writes many acronyms as
words ("le Snes", "l'Insee", "le Medef", "l'Unef"), which no all-capitals test finds.

A short form abbreviates a run of words when its letters are, in order, the starts of
those words: each word gives the next letters of the short form from its own start, a
word of a few letters may give none ("de", "la", "des"), and at least two words give
some.  "Snes" is "S(yndicat) n(ational) des e(nseignants) du s(econd) degré", "Medef"
"M(ouvement) des e(ntreprises) de(de) F(rance)".
"""

from __future__ import annotations

import functools
import unicodedata

# Words an acronym may pass over: articles, prepositions, conjunctions.
SKIPPABLE = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "et", "en", "pour", "à", "au", "aux",
                       "sur", "par", "contre"})


def abbreviates(short: str, words: list[str]) -> bool:
    """True when `short` is spelt by the starts of `words` (see the module's note)."""
    letters = "".join(c for c in _plain(short) if c.isalpha())
    folded = tuple(_plain(w) for w in words)
    if len(letters) < 2 or not folded or not folded[0].startswith(letters[0]):
        return False
    return _spells(letters, folded) >= 2


def _plain(word: str) -> str:
    """Lower case without accents: "études" gives the "e" of "Insee"."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=4096)
def _spells(letters: str, words: tuple[str, ...]) -> int:
    """The most words that give letters in a reading of `letters` by `words`; -1 for none."""
    if not words:
        return 0 if not letters else -1
    word, rest = words[0], words[1:]
    best = -1
    if word in SKIPPABLE or len(word) <= 3 or not letters:
        found = _spells(letters, rest)     # this word gives nothing
        best = max(best, found)
    for n in range(1, min(len(letters), len(word)) + 1):
        if word[:n] != letters[:n]:
            break
        found = _spells(letters[n:], rest)
        if found >= 0:
            best = max(best, found + 1)
    return best
