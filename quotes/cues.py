"""The grammar stage's cue finder: reporting verbs and verb-less cues in raw text.

Works on words, not on a parse.  Every surface form of every cue, and every
cue preposition, sits in one Aho-Corasick automaton (ahocorasick-rs, compiled
Rust): one call over the lower-cased text finds them all, whatever their
number, and Python sees only the few thousand candidates per megabyte.
Reflexive cues need their pronoun before the verb, phrases their words after.
"""

from __future__ import annotations

import functools
import operator
import re

import ahocorasick_rs
import regex

from .grammar import Grammar, Preposition
from .model import CueMatch

_START = operator.attrgetter("start")

# The pronoun may stand up to two words before the verb, inverted ones too
# ("s'est-il exclamé").
_REFLEXIVE = regex.compile(r"(?:\b(?:se|me|te|nous|vous)\s+|\b[smt]['’])(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)

# What may stand before a cue word: white space, an apostrophe ("qu'affirme"),
# an opening bracket, quotation mark or dash.  A cue glued to a comma or slash is
# a typo, not a quotation cue; a hyphen is no separator: "-dit" belongs to a
# compound.
SEPARATORS = frozenset(" \t\n\r\u00a0\u202f\u2009'’([«“\"—–")
# Before a sentence-initial cue ("Pour le ministre, ..."): a sentence end, then
# at most two spaces.
_SENTENCE_ENDS = frozenset(".!?»\n")
_SPACES = frozenset(" \t\u00a0")
# An inverted subject clitic after a verb form: "assure-t-il", "dit-elle", "précise-t-on".
_INVERTED = re.compile(r"-(?:t-)?(?:il|elle|on|ils|elles)(?![\w-])")


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _starts_sentence(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and pos - i < 2 and text[i - 1] in _SPACES:
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_ENDS


class CueFinder:
    def __init__(self, grammar: Grammar):
        self.grammar = grammar
        keys: list[str] = []
        self._values: list[tuple] = []  # per key: (form or None, what to emit)
        for form, lemmas in grammar.forms.items():
            # Most forms belong to plain verbs only: their lemma needs no look at the context.
            plain = None
            if not any(lemma in grammar.phrases or lemma.startswith(("s'", "se ")) for lemma in lemmas):
                plain = (lemmas[0], grammar.verb_class[lemmas[0]])
            keys.append(form)
            self._values.append((form, plain))
        for p in grammar.prepositions:
            for w in p.words:  # a word that is also a verb form is both (both are reported)
                keys.append(w.lower())
                self._values.append((None, p))
        self._phrase_after = {lemma: _phrase_pattern(phrase.words) for lemma, phrase in grammar.phrases.items()}
        # A DFA: the French grammar's 3,700 forms take a few MB and are scanned at a
        # few hundred MB/s.  Hits inside words ("dit" in "crédit") are dropped by the
        # boundary checks below, a Python step each, some thousands per MB.
        self._automaton = ahocorasick_rs.AhoCorasick(
            keys, implementation=ahocorasick_rs.Implementation.DFA) if keys else None
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
        values = self._values
        separators = SEPARATORS
        for key, start, end in self._automaton.find_matches_as_indexes(lowered, overlapping=True):
            if start and lowered[start - 1] not in separators:
                continue  # inside a word
            form, what = values[key]
            if form is None:
                cue = self._preposition(text, start, end, what)
            elif end < n and (_is_word_char(lowered[end]) or lowered[end] == "-" and not _INVERTED.match(lowered, end)):
                continue  # the form begins a longer word; "assure-t-il" is the form and its subject
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
        if end < len(text) and text[end] == "-" and _is_word_char(text[end - 1]):
            return None  # "l'après-midi": a compound, no cue
        if p.sentence_initial and not (_starts_sentence(text, start) or self._after_connector(text, start)):
            return None
        return CueMatch(start, end, text[start:end], p.lemma, p.cue_class, "preposition")

    def _after_connector(self, text: str, start: int) -> bool:
        """A connector opens the sentence before the cue: "Mais pour X, ..."."""
        if self._connector is None:
            return False
        m = self._connector.search(text, max(0, start - 30), start)
        return m is not None and _starts_sentence(text, m.start(1))

    @functools.cached_property
    def _connector(self):
        words = self.grammar.connectors
        if not words:
            return None
        alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
        return regex.compile(r"(?i)\b(" + alternatives + r")[ \t\u00a0]*,?[ \t\u00a0]*$")

    @functools.cached_property
    def _forms(self):
        """The forms as one case-insensitive pattern, for a text whose lower-casing
        changes its length (a few rare characters, "İ"): built on first need, since
        compiling 3,700 alternatives costs half a second of every start-up."""
        if not self.grammar.forms:
            return None
        return regex.compile(r"(?<![\w-])(?:" + "|".join(regex.escape(f) for f in sorted(self.grammar.forms, key=len, reverse=True))
                             + r")(?!\w|-(?!" + _INVERTED.pattern[1:] + "))", regex.IGNORECASE)

    def _find_unaligned(self, text: str) -> list[CueMatch]:
        if self._forms is None:
            return []
        out = [self._verb(text, m.start(), m.end(), m.group().lower(), text[m.end():m.end() + 40].lower())
               for m in self._forms.finditer(text)]
        return [c for c in out if c is not None]

    def _choose(self, text: str, start: int, lemmas: tuple[str, ...], after: str) -> str | None:
        """The lemma a form stands for here; `after` is the lower-cased text after it."""
        plain = None
        for lemma in lemmas:
            phrase = self._phrase_after.get(lemma)
            if phrase is not None:
                if phrase.match(after):
                    return lemma
            elif lemma.startswith(("s'", "se ")):
                if _REFLEXIVE.search(text, max(0, start - 30), start):
                    return lemma
            elif plain is None:
                plain = lemma
        return plain


def _phrase_pattern(words: tuple[str, ...]) -> "re.Pattern":
    """The words a phrase verb needs after its form, each a whole word ("fait part de",
    not "fait partie de"; an elided word ends at its apostrophe), either apostrophe."""
    parts = []
    for word in words:
        escaped = "['’]".join(re.escape(piece) for piece in re.split("['’]", word.lower()))
        if len(word) > 3 and word[-1].isalpha():
            escaped += "s?"  # "tient pour responsables": the plural of the phrase's noun or adjective
        parts.append(escaped if word.endswith(("'", "’")) else escaped + r"(?![\w-])")
    return re.compile(r"\s*" + r"\s*".join(parts))
