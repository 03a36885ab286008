"""What a construction rule reads and writes: the document's parse, marks and cues,
the events found so far (a rule sees what the rules before it made, as a sieve),
and the cue verbs already claimed.  Also the unit view a rule's gate condition reads
before anything is parsed."""

from __future__ import annotations

from typing import Iterator, Optional

import attrs
import regex

from ..grammar import Grammar
from ..model import CueMatch, QuotedSpan, Span
from ..parsing import ParsedUnit, Sentence, Word
from ..tokens import CLITIC_AFTER, GLUED_CLITIC
from .events import Event, is_headline
from .prospects import yet_to_come
from .spans import fit, kind_of
from .syntax import REFLEXIVE_CLITICS, Syntax

# Where a sentence starts: the text's start, a stop, a colon, a closing mark, a line, a dash.
SENTENCE_OPENING = regex.compile(r"(?:^|[.!?…:»”\"\n])[ \t\u00a0\u202f—–-]*$")


def _asked(text: str, sent: Sentence, w: Word) -> bool:
    """"Avez-vous dit que ... ?", "Le ministre a-t-il affirmé que ... ?": a question asks
    whether it was said, it reports nothing.  (An incise after a quoted question,
    "« Qui paiera ? » demande-t-il.", ends with its own stop.)"""
    # the verb, its auxiliary, or a subject the tokenizer left glued to it ("Avez-vous" as one word)
    verb = [w] + [c for c in sent.children(w.id) if c.deprel.startswith(("aux", "nsubj")) and c.start < w.start]
    if not any(GLUED_CLITIC.search(x.text) or CLITIC_AFTER.match(text, x.end) for x in verb):
        return False
    rest = text[w.end: sent.end].rstrip(" \t\u00a0\u202f»”\"")
    return rest.endswith("?") and not any(ch in text[w.end: sent.end] for ch in "«“")


def starts_sentence(text: str, open_start: int) -> bool:
    return bool(SENTENCE_OPENING.search(text, max(0, open_start - 20), open_start))


def is_said(text: str, q: QuotedSpan, grammar: Grammar) -> bool:
    """Longer than a title or a scare quote, or a short sentence of its own ("« Le temps
    presse. »": capitalised, with its final stop, opening a sentence), which no scare quote is."""
    inner = text[q.start:q.end].strip()
    words = len(inner.split())
    return words > grammar.scare_max_words or words >= 2 and inner[:1].isupper() and inner[-1:] in ".!?…" \
        and starts_sentence(text, q.open_start)


@attrs.define
class Context:
    text: str
    parsed: list[ParsedUnit]
    quotes: list[QuotedSpan]            # top-level quotations only
    cues: list[CueMatch]
    grammar: Grammar
    syntax: Syntax
    events: list[Event] = attrs.field(factory=list)
    claimed: set[int] = attrs.field(factory=set)   # start offsets of cue verbs a rule has used
    _verbs: dict[int, list[tuple[Word, str]]] = attrs.field(factory=dict)  # per sentence, every rule asks

    def sentences(self) -> Iterator[tuple[int, Sentence]]:
        """The parsed sentences of units that can report (not headlines), with their unit index."""
        for unit in self.parsed:
            if is_headline(unit.unit.text):
                continue
            for sent in unit.sentences:
                yield unit.index, sent

    def sentence_at(self, pos: int, slack: int = 0) -> Optional[tuple[int, Sentence]]:
        """The parsed sentence over `pos` (or ending up to `slack` characters before
        it), with the index of its unit."""
        for unit in self.parsed:
            for sent in unit.sentences:
                if sent.start <= pos < sent.end + slack:
                    return unit.index, sent
        return None

    def locate(self, q: QuotedSpan) -> Optional[tuple[int, Sentence]]:
        """The sentence a quotation opens in; a mark just after a sentence's last word counts."""
        return self.sentence_at(q.open_start, slack=1)

    def sentences_over(self, start: int, end: int) -> Iterator[Sentence]:
        """Parsed sentences that share a character with [start, end)."""
        for unit in self.parsed:
            for sent in unit.sentences:
                if sent.end > start and sent.start < end:
                    yield sent

    def local_quotes(self, sent: Sentence) -> list[QuotedSpan]:
        return [q for q in self.quotes if sent.start <= q.open_start < sent.end or q.open_start <= sent.start < q.close_end]

    def quoted_incise(self, sent: Sentence, w: Word) -> bool:
        """Is the cue an incise right after a closing mark, its subject after it ("« A »,
        dit M. X")?  The quotation before it is what it reports."""
        comma = self.syntax.incise_comma(sent, w)
        if comma is None or self.syntax.inverted_subject(sent, w) is None:
            return False
        return any(q.close_end <= comma.start and not self.text[q.close_end: comma.start].strip() for q in self.local_quotes(sent))

    def free_quotes(self) -> Iterator[QuotedSpan]:
        """Quotations no event covers yet, in text order, re-checked as events are added."""
        for q in self.quotes:
            if self.is_free(q):
                yield q

    def is_free(self, q: QuotedSpan) -> bool:
        return not any(e.start <= q.start < e.end or q.start <= e.start < q.end for e in self.events)

    def taken(self, start: int, end: int) -> bool:
        """Does an event made so far overlap this span?"""
        return any(e.start < end and start < e.end for e in self.events)

    def cue_verbs(self, sent: Sentence, naming: bool = False) -> Iterator[tuple[Word, str]]:
        """Unclaimed cue verbs of a sentence that can report: outside quotations (the verbs
        of quoted speech report nothing themselves), not negated, not a plain passive.  The
        grammar's naming verbs ("parler") only when asked for: they report what they call
        something in marks, nothing else."""
        if id(sent) not in self._verbs:
            self._verbs[id(sent)] = list(self._reporting_verbs(sent))
        for w, lemma in self._verbs[id(sent)]:
            if w.start not in self.claimed and (naming or lemma not in self.grammar.naming):
                yield w, lemma

    def _reporting_verbs(self, sent: Sentence) -> Iterator[tuple[Word, str]]:
        local = self.local_quotes(sent)
        for w in sent.words:
            if any(q.open_start < w.start < q.close_end for q in local):
                continue
            lemma = self.syntax.cue_lemma(sent, w)
            if lemma is None or self.syntax.negated(sent, w) or self.syntax.unreported(sent, w) or _asked(self.text, sent, w) \
                    or yet_to_come(sent, w, bool(local)):
                continue
            kids = sent.children(w.id)
            if any(c.deprel == "aux:pass" for c in kids) and not any(c.text.lower() in REFLEXIVE_CLITICS for c in kids):
                continue
            if w.feat("VerbForm") == "Part" and w.feat("Tense") == "Past" and w.deprel.startswith(("acl", "advcl")) and not any(
                    c.deprel.startswith("aux") for c in kids) and not any(
                    x.lemma.lower() == "avoir" for x in sent.words[max(0, w.id - 5): w.id - 1]):
                continue  # "les entrepreneurs accusés de ...", "Appelé à se prononcer, X ...": a passive participle
            yield w, lemma

    def add(self, event: Event) -> None:
        self.events.append(event)
        self.events.sort(key=lambda e: (e.start, e.end))

    def verb_event(self, rule: str, index: int, sent: Sentence, w: Word, lemma: str, span: tuple[int, int]) -> Optional[Event]:
        """The event of a cue verb whose content a rule found: the verb is claimed even
        when the event is refused (too short, a subject that cannot speak)."""
        self.claimed.add(w.start)
        syn, text = self.syntax, self.text
        local = self.local_quotes(sent)
        start, end = fit(text, span, local, w)
        if end - start < 3:
            return None
        subject = syn.subject(sent, w)
        if subject is not None and subject.lemma.lower() in self.grammar.excluded_subjects:
            return None
        mention = syn.mention(sent, subject, text, (start, end)) if subject is not None else None
        if mention is not None:
            mention = syn.coordinated(text, sent, w, subject, mention)
        kind, start, end, balanced = kind_of(text, start, end, local)
        cited = syn.citing(text, sent, w)
        event = Event(start, end, kind, lemma, w.start, w.end, mention, index, balanced=balanced, cited_mention=cited, rule=rule)
        self.add(event)
        return event


@attrs.frozen
class UnitView:
    """One unit as the gate sees it: its text, marks and cues, no parse."""

    text: str
    unit: Span
    marks: tuple[QuotedSpan, ...]
    cues: tuple[CueMatch, ...]
    grammar: Grammar

    @property
    def headline(self) -> bool:
        return is_headline(self.unit.text)

    def long_marks(self) -> list[QuotedSpan]:
        return [m for m in self.marks if is_said(self.text, m, self.grammar)]

    def followed_by(self, pattern: regex.Pattern) -> bool:
        return any(pattern.match(self.text, m.close_end) for m in self.marks)
