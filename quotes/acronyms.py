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
from typing import Optional

from .tokens import NOT_NAMES, fold, is_acronym

# Words an acronym may pass over: articles, prepositions, conjunctions.
SKIPPABLE = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "et", "en", "pour", "à", "au", "aux",
                       "sur", "par", "contre"})

# What stands before a body's acronym that names it: "la CGT", "du PS", "au PLR".
_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "du", "des", "au", "aux"})


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


class AcronymScan:
    """The entity table's pass over acronyms: "Expansion (ACR)", "ACR (Expansion)" and a
    short form written as a word ("(Snes)") name one organisation.  Mixed into
    `entities.EntityTable`, whose tokens, keys and entities it reads and writes."""

    def _acronym(self, i: int, j: int, given: Optional[tuple[int, int]] = None) -> None:
        """"Expansion (ACR)" and "ACR (Expansion)": one organisation named by its expansion
        (`given`: the expansion's tokens, already found)."""
        toks, n = self.toks, len(self.toks)
        acr = toks[i]
        if given is not None:
            expansion = given
        elif i >= 2 and toks[i - 1].text == "(" and j < n and toks[j].text == ")":
            expansion = self._expansion_before(i - 1, acr.text)
        elif j + 1 < n and toks[j].text == "(":
            close = next((k for k in range(j + 1, min(n, j + 12)) if toks[k].text == ")"), None)
            expansion = (j + 1, close) if close and close - j > 2 and toks[j + 1].cap else None
        else:
            return
        if expansion is None:
            return
        a, b = expansion
        name = self.text[toks[a].start: toks[b - 1].end]
        local = self._local_complement(j + 1) if b == i - 1 and j < n and toks[j].text == ")" else None
        if local is not None:
            name = f"{name} {self.text[toks[j + 1].start: toks[local - 1].end]}"  # "Union X (UX) du Gard": the Gard's
        entity = self.find(name)
        if entity is None or entity.type not in ("ORG", "GPE"):
            entity = self.new(name, "ORG")
        old = self._keys.get(fold(acr.text) or acr.text.lower())
        if old is not None and old is not entity:
            self._merge(old, entity)
        entity.acronym = acr.text
        self._keys[fold(acr.text) or acr.text.lower()] = entity
        self._keys.setdefault(fold(name), entity)
        self.mention(entity, toks[a].start, toks[b - 1].end, "name")
        self.mention(entity, acr.start, acr.end, "acronym")

    def _branch(self, k: int) -> None:
        """"la CGT du Finistère", "le PS de Rennes", "la CGT des dockers du Havre": a body's
        local branch, its acronym and where it stands (a place, perhaps after the members'
        noun).  That is the fullest name the text gives it, and its bare acronym later ("la
        CGT a prévenu") is that branch, as a reader takes it.  Not a title ("le PDG de
        Renault"), an outlet, nor a leader's name ("le RN de Marine Le Pen")."""
        toks, n = self.toks, len(self.toks)
        acr = toks[k]
        if acr.low in self.g.titles or acr.text in self.g.outlets or k + 1 >= n or k == 0 \
                or toks[k - 1].low not in _ARTICLES or fold(acr.text) in self._keys \
                or any(t.text == acr.text for t in toks[:k]):
            return  # nor "le secrétaire CGT du port", nor after "la CGT" alone: the whole union
        m = k + 1
        if m + 1 < n and toks[m].low == "des" and toks[m + 1].text.islower() and toks[m + 1].text.isalpha() \
                and toks[m + 1].low not in SKIPPABLE and toks[m + 1].text.endswith(("s", "x")):
            m += 2  # "des dockers": the members' noun, then their place
        end = self._local_complement(m)
        if end is None:
            return
        first = next(j for j in range(m + 1, end) if toks[j].cap)
        if self.g.given_name(toks[first].text) or end < n and toks[end].text == "(":
            return
        name = self.text[acr.start: toks[end - 1].end]
        entity = self.find(name) or self.new(name, "ORG")
        entity.acronym = acr.text
        self._keys[fold(acr.text) or acr.low] = entity
        self.mention(entity, acr.start, toks[end - 1].end, "name")
        self.mention(entity, acr.start, acr.end, "acronym")

    def _local_complement(self, k: int) -> Optional[int]:
        """The end of a place's "de" complement starting at token k ("du Var", "de l'Aveyron"), if any."""
        toks, n = self.toks, len(self.toks)
        if k >= n or toks[k].low not in ("de", "du", "des", "d'", "d’"):
            return None
        m = k + 1
        if m < n and toks[m].low in ("la", "le", "les", "l'", "l’"):
            m += 1
        end = m
        while end < n and toks[end].cap and not is_acronym(toks[end].text) and self._glued_words(end, end + 1):
            end += 1
        return end if end > m else None

    def _short_form(self, k: int) -> Optional[tuple[int, int]]:
        """"Syndicat national des enseignants du second degré (Snes)": an acronym written as a
        word, in brackets after the words it abbreviates; those words (the longest run, from
        a capital, that spells it: "et" may stand inside, as in the Insee's name)."""
        toks, t = self.toks, self.toks[k]
        if not (0 < k < len(toks) - 1 and toks[k - 1].text == "(" and toks[k + 1].text == ")" and t.cap
                and t.text.isalpha() and len(t.text) >= 3):
            return None
        best = None
        for a in range(k - 2, max(-1, k - 14), -1):
            if not toks[a].text[0].isalnum() or not self._glued_words(a, k - 1):
                break
            if toks[a].cap and abbreviates(t.text, [x.text for x in toks[a: k - 1]]):
                best = (a, k - 1)
        return best

    def _expansion_before(self, paren: int, acr: str) -> Optional[tuple[int, int]]:
        """The words before "(ACR)" that it abbreviates: the longest stretch starting with a
        capital (or an organisation noun) whose initial is the acronym's."""
        best = None
        for a in range(paren - 1, max(-1, paren - 10), -1):
            t = self.toks[a]
            if not t.text[0].isalnum() or not self._glued_words(a, paren) or t.low in ("et", "ou"):
                break
            if (t.cap or t.low in self.g.organisations) and t.text[0].upper() == acr[0].upper() and t.low not in NOT_NAMES:
                best = (a, paren)
        return best

    def _glued_words(self, a: int, b: int) -> bool:
        return all(self.toks[k].text[0].isalnum() or self.toks[k].text in "'’" for k in range(a, b))
