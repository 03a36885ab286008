"""The grammar stage's cue finder: reporting verbs and verb-less cues in raw text.

Works on words, not on a parse: each word is looked up in the grammar's table
of surface forms (one dictionary lookup per word, linear in the text).
Reflexive cues need their pronoun before the verb, phrases their words after.
"""

from __future__ import annotations

import re

import regex

from .grammar import Grammar
from .model import CueMatch

_REFLEXIVE = regex.compile(r"(?:\b(?:se|me|te|nous|vous)\s+|\b[smt]['’])(?:\w+\s+){0,2}$", regex.IGNORECASE)
_APOSTROPHES = str.maketrans({"’": "'"})


def trie_pattern(words: list[str]) -> str:
    """One regex for many literal words, shaped as a trie so the engine never backtracks
    over shared prefixes: the whole scan stays in C, at tens of MB/s."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [regex.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


class CueFinder:
    def __init__(self, grammar: Grammar):
        self.grammar = grammar
        pattern = r"(?<![\w-])" + trie_pattern(sorted(grammar.forms)) + r"(?![\w-])"
        # The standard library engine runs this trie several times faster than `regex`;
        # it scans lower-cased text, and `regex` takes the rare text whose case folding
        # changes its length (offsets must stay true).
        self._forms_fast = re.compile(pattern)
        self._forms = regex.compile(pattern, regex.IGNORECASE)
        words = {w.lower().translate(_APOSTROPHES) for p in grammar.prepositions for w in p.words}
        alternation = "|".join(regex.escape(w).replace("'", "['’]") for w in sorted(words, key=len, reverse=True))
        self._prepositions = re.compile(rf"\b(?:{alternation})\b") if words else None
        self._preposition_of = {}
        for p in grammar.prepositions:
            for w in p.words:
                self._preposition_of[w.lower().translate(_APOSTROPHES)] = p

    def find(self, text: str) -> list[CueMatch]:
        out: list[CueMatch] = []
        forms = self.grammar.forms
        lowered = text.lower()
        matches = self._forms_fast.finditer(lowered) if len(lowered) == len(text) else self._forms.finditer(text)
        for m in matches:
            lemmas = forms.get(m.group().lower())
            if not lemmas:
                continue
            lemma = self._choose(text, m, lemmas)
            if lemma is not None:
                out.append(CueMatch(m.start(), m.end(), text[m.start():m.end()], lemma, self.grammar.verb_class[lemma]))
        if self._prepositions is not None and len(lowered) == len(text):
            for m in self._prepositions.finditer(lowered):
                p = self._preposition_of[m.group().translate(_APOSTROPHES)]
                if p.sentence_initial and not _starts_sentence(text, m.start()):
                    continue
                out.append(CueMatch(m.start(), m.end(), text[m.start():m.end()], p.lemma, p.cue_class, "preposition"))
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
                    glued = len(rest) > len(word) and word[-1:] != "'" and (rest[len(word)].isalnum() or rest[len(word)] == "-")
                    if not rest.startswith(word) or glued:
                        break  # "fait part de", not "fait partie de"
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
