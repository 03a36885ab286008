"""The grammar stage's cue finder: reporting verbs and verb-less cues in raw text.

Works on words, not on a parse.  Every surface form of every cue, and every
cue preposition, sits in one Aho-Corasick automaton (ahocorasick-rs, compiled
Rust): one call over the lower-cased text finds them all, whatever their
number, and Python sees only the few thousand candidates per megabyte.  Reflexive cues need
their pronoun before the verb, phrases their words after.
"""

from __future__ import annotations

import operator

import ahocorasick_rs
import regex

from .grammar import Grammar, Preposition
from .model import CueMatch

_START = operator.attrgetter("start")

# The pronoun may stand up to two words before the verb, inverted ones too
# ("s'est-il exclamé").
_REFLEXIVE = regex.compile(r"(?:\b(?:se|me|te|nous|vous)\s+|\b[smt]['’])(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)

# What may stand before a cue word: white space, an apostrophe ("qu'affirme"),
# an opening bracket, quotation mark or dash.  The automaton holds each cue once
# per separator, so a hit is a word start by construction and words that merely
# contain a form ("crédit", "prédit") never reach Python.  Each separator costs
# scan speed (a larger automaton), so the list is short: a cue glued to a comma
# or slash is a typo, not a quotation cue.  A hyphen is no separator: "-dit"
# belongs to a compound.
SEPARATORS = " \t\n\r\u00a0\u202f\u2009'’([«“\"—–"


# Before a sentence-initial cue ("Pour le ministre, ..."): a sentence end, then
# at most two spaces.  These are whole keys of the automaton too, so the many
# "pour" inside sentences never reach Python.
_SENTENCE_ENDS = ".!?»\n"
_SPACES = ("", " ", "\t", "\u00a0", *(a + b for a in " \t\u00a0" for b in " \t\u00a0"))


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


class CueFinder:
    def __init__(self, grammar: Grammar):
        self.grammar = grammar
        keys: list[str] = []
        self._values: list[tuple] = []  # per key: (word length, form or None, what to emit)
        for form, lemmas in grammar.forms.items():
            # Most forms belong to plain verbs only: their lemma needs no look at the context.
            plain = None
            if not any(lemma in grammar.phrases or lemma.startswith(("s'", "se ")) for lemma in lemmas):
                plain = (lemmas[0], grammar.verb_class[lemmas[0]])
            for sep in SEPARATORS:
                keys.append(sep + form)
                self._values.append((len(form), form, plain))
        for p in grammar.prepositions:
            before = [e + s for e in _SENTENCE_ENDS for s in _SPACES] if p.sentence_initial else SEPARATORS
            for w in p.words:
                for sep in before:
                    keys.append(sep + w.lower())
                    self._values.append((len(w), None, p))
        self._phrase_words = {lemma: tuple(w.lower().replace("’", "'") for w in phrase.words)
                              for lemma, phrase in grammar.phrases.items()}
        # The contiguous NFA: a few MB for the French grammar's 60,000 keys, where
        # the DFA would take some 70 MB per process for twice the scan speed.
        self._automaton = ahocorasick_rs.AhoCorasick(
            keys, implementation=ahocorasick_rs.Implementation.ContiguousNFA) if keys else None
        # Lower-casing changes the length of a few rare characters ("İ"); such a
        # text is searched by a case-insensitive pattern of the forms instead.
        self._forms = regex.compile(r"(?<![\w-])(?:" + "|".join(regex.escape(f) for f in sorted(grammar.forms, key=len, reverse=True))
                                    + r")(?![\w-])", regex.IGNORECASE) if grammar.forms else None

    def find(self, text: str, lowered: str | None = None) -> list[CueMatch]:
        """`lowered` is `text.lower()` when the caller has it already."""
        if lowered is None:
            lowered = text.lower()
        if len(lowered) != len(text):
            return self._find_unaligned(text)
        out: list[CueMatch] = []
        if self._automaton is None:
            return out
        n = len(lowered)
        # A line break before the text lets the first word match like any other (and
        # start a sentence); offsets on the padded text are one more than on the text.
        values = self._values
        for key, _, end in self._automaton.find_matches_as_indexes("\n" + lowered, overlapping=True):
            size, form, what = values[key]
            end -= 1
            start = end - size
            if form is None:
                cue = self._preposition(text, start, end, what)
            elif end < n and ((c := lowered[end]).isalnum() or c == "-" or c == "_"):
                continue  # the form begins a longer word
            elif what is not None:
                cue = CueMatch(start, end, text[start:end], *what)
            else:
                cue = self._verb(text, start, end, form, lowered[end:end + 40])
            if cue is not None:
                out.append(cue)
        out.sort(key=_START)
        return out

    def _verb(self, text: str, start: int, end: int, form: str, after: str) -> CueMatch | None:
        lemma = self._choose(text, start, self.grammar.forms[form], after)
        if lemma is None:
            return None
        return CueMatch(start, end, text[start:end], lemma, self.grammar.verb_class[lemma])

    def _preposition(self, text: str, start: int, end: int, p: Preposition) -> CueMatch | None:
        # A word boundary after the words: "d'après," and "aux dires d'experts"
        # match; "selonx" and "d' après" do not.
        if end < len(text) and _is_word_char(text[end - 1]) == _is_word_char(text[end]):
            return None
        return CueMatch(start, end, text[start:end], p.lemma, p.cue_class, "preposition")

    def _find_unaligned(self, text: str) -> list[CueMatch]:
        if self._forms is None:
            return []
        out = [self._verb(text, m.start(), m.end(), m.group().lower(), text[m.end():m.end() + 40].lower())
               for m in self._forms.finditer(text)]
        return [c for c in out if c is not None]

    def _choose(self, text: str, start: int, lemmas: tuple[str, ...], after: str) -> str | None:
        """The lemma a form stands for here; `after` is the lower-cased text after it."""
        after = after.replace("’", "'")
        plain = None
        for lemma in lemmas:
            words = self._phrase_words.get(lemma)
            if words is not None:
                rest = after.lstrip()
                for word in words:
                    glued = len(rest) > len(word) and word[-1:] != "'" and (rest[len(word)].isalnum() or rest[len(word)] == "-")
                    if not rest.startswith(word) or glued:
                        break  # "fait part de", not "fait partie de"
                    rest = rest[len(word):].lstrip()
                else:
                    return lemma
            elif lemma.startswith(("s'", "se ")):
                if _REFLEXIVE.search(text, max(0, start - 30), start):
                    return lemma
            elif plain is None:
                plain = lemma
        return plain

