"""The grammar stage's cue finder: reporting verbs and verb-less cues in raw text.

Works on words, not on a parse: each word is looked up in the grammar's table
of surface forms (one dictionary lookup per word, linear in the text).
Reflexive cues need their pronoun before the verb, phrases their words after.
"""

from __future__ import annotations

import regex

from .grammar import Grammar
from .model import CueMatch

_WORD = regex.compile(r"\w+(?:-\w+)*")
_REFLEXIVE = regex.compile(r"(?:\b(?:se|me|te|nous|vous)\s+|\b[smt]['’])(?:\w+\s+){0,2}$", regex.IGNORECASE)
_APOSTROPHES = str.maketrans({"’": "'"})


class CueFinder:
    def __init__(self, grammar: Grammar):
        self.grammar = grammar
        words = {w.lower().translate(_APOSTROPHES) for p in grammar.prepositions for w in p.words}
        alternation = "|".join(regex.escape(w).replace("'", "['’]") for w in sorted(words, key=len, reverse=True))
        self._prepositions = regex.compile(rf"\b(?:{alternation})\b", regex.IGNORECASE) if words else None
        self._preposition_of = {}
        for p in grammar.prepositions:
            for w in p.words:
                self._preposition_of[w.lower().translate(_APOSTROPHES)] = p

    def find(self, text: str) -> list[CueMatch]:
        out: list[CueMatch] = []
        forms = self.grammar.forms
        for m in _WORD.finditer(text):
            lemmas = forms.get(m.group().lower())
            if not lemmas:
                continue
            lemma = self._choose(text, m, lemmas)
            if lemma is not None:
                out.append(CueMatch(m.start(), m.end(), m.group(), lemma, self.grammar.verb_class[lemma]))
        if self._prepositions is not None:
            for m in self._prepositions.finditer(text):
                p = self._preposition_of[m.group().lower().translate(_APOSTROPHES)]
                if p.sentence_initial and not _starts_sentence(text, m.start()):
                    continue
                out.append(CueMatch(m.start(), m.end(), m.group(), p.lemma, p.cue_class, "preposition"))
        out.sort(key=lambda c: c.start)
        return out

    def _choose(self, text: str, m: regex.Match, lemmas: tuple[str, ...]) -> str | None:
        after = text[m.end(): m.end() + 40].translate(_APOSTROPHES).lower()
        plain = None
        for lemma in lemmas:
            phrase = self.grammar.phrases.get(lemma)
            if phrase is not None:
                rest = after.lstrip()
                for word in phrase.words:
                    word = word.lower().translate(_APOSTROPHES)
                    if not rest.startswith(word):
                        break
                    rest = rest[len(word):].lstrip()
                else:
                    return lemma
            elif lemma.startswith(("s'", "se ")):
                if _REFLEXIVE.search(text, max(0, m.start() - 30), m.start()):
                    return lemma
            elif plain is None:
                plain = lemma
        return plain


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3): pos].rstrip(" \t\u00a0")
    return not before or before[-1] in ".!?\n»"
