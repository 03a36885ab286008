"""The pipeline: text -> marks and cues -> parse -> attribution -> speakers -> records.

Each stage is a plain object built once and reused for every document; a
stage is chosen by name (grammar "fr", parser "stanza" or "none").
"""

from __future__ import annotations

import bisect
import functools
from typing import Iterable, Optional

import attrs
import regex

from . import boilerplate, dates, sources
from .attribution import Attributor, Event, Mention
from .cues import CueFinder
from .grammar import Grammar, load
from .model import CueMatch, Document, Quote, QuotedSpan, Speaker, Span
from .normalize import normalize
from .parsing import PARSERS, ParsedUnit, Parser
from .scanner import Scanner
from .speakers import Resolver
from .units import split_units


@attrs.frozen
class GrammarResult:
    """What the grammar stage finds in a text, before any parse."""

    text: str                      # normalised, boilerplate blanked
    marks: tuple[QuotedSpan, ...]
    cues: tuple[CueMatch, ...]
    units: tuple[Span, ...]


class Pipeline:
    def __init__(
        self,
        grammar: str | Grammar = "fr",
        parser: str | Parser = "stanza",
        stanza_dir: Optional[str] = None,
        gate: bool = True,
    ):
        self.grammar = grammar if isinstance(grammar, Grammar) else load(grammar)
        if isinstance(parser, str):
            if parser not in PARSERS:
                raise ValueError(f"unknown parser {parser!r} (known: {', '.join(PARSERS)})")
            parser = PARSERS[parser](stanza_dir) if parser == "stanza" else PARSERS[parser]()
        self.parser = parser
        self.gate = gate
        self.scanner = Scanner(self.grammar)
        self.cue_finder = CueFinder(self.grammar)
        self.attributor = Attributor(self.grammar)

    # ------------------------------------------------------------------ stages

    def grammar_stage(self, text: str, title: Optional[str] = None) -> GrammarResult:
        clean = boilerplate.clean(text, self.grammar, title)
        marks = self.scanner.scan(clean)
        cues = self.cue_finder.find(clean)
        units = split_units(clean, marks)
        return GrammarResult(clean, tuple(marks), tuple(cues), tuple(units))

    def select(self, found: GrammarResult) -> list[int]:
        """The units worth parsing: those holding a mark or a cue, and the unit
        before each one whose speaker may be a pronoun or a bare title."""
        if not self.gate:
            return list(range(len(found.units)))
        chosen: set[int] = set()
        marks = sorted(m.open_start for m in found.marks)
        cues = sorted(c.start for c in found.cues if self._may_report(found.text, c))
        for i, unit in enumerate(found.units):
            for positions in (marks, cues):
                k = bisect.bisect_left(positions, unit.start)
                if k < len(positions) and positions[k] < unit.end:
                    chosen.add(i)
                    break
        for i in sorted(chosen):
            if i > 0 and self._needs_context.search(found.units[i].text):
                chosen.add(i - 1)
        return sorted(chosen)

    _QUE = regex.compile(r"\bqu(?:e\b|['’])|:", regex.IGNORECASE)

    def _may_report(self, text: str, cue: CueMatch) -> bool:
        """Can this cue give a record without a quotation mark in its sentence?  A verb
        needs a "que" clause after it (or a colon), unless its frame takes an object and
        an infinitive; verb-less cues always can.  Units with marks are parsed anyway."""
        if cue.kind == "preposition" or cue.lemma in self.grammar.phrases:
            return True
        if cue.lemma in self.grammar.object_infinitive or cue.lemma in self.grammar.noun_clause:
            return True
        window = text[cue.end: cue.end + 80]
        stop = regex.search(r"[.!?\n]", window)
        return bool(self._QUE.search(window[: stop.start() if stop else len(window)]))

    @functools.cached_property
    def _needs_context(self) -> "regex.Pattern":
        """Words whose referent may stand in the sentence before: pronouns, bare titles, documents."""
        g = self.grammar
        words = set(g.pronouns) | g.titles | g.documents | g.media | g.organisations
        alternation = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
        return regex.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])|-t-(?:il|elle)", regex.IGNORECASE)

    def parse(self, found: GrammarResult) -> list[ParsedUnit]:
        selected = self.select(found)
        parsed = self.parser.parse([found.units[i] for i in selected])
        index_of = {found.units[i].start: i for i in selected}
        return [attrs.evolve(p, index=index_of.get(p.unit.start, 0)) for p in parsed]

    def events(self, found: GrammarResult, parsed: list[ParsedUnit]) -> list[Event]:
        if not parsed:
            return self._grammar_only(found)
        return self.attributor.attribute(found.text, parsed, list(found.marks), list(found.cues))

    def _grammar_only(self, found: GrammarResult) -> list[Event]:
        """Without a parse: every quotation longer than a scare quote, with the nearest cue of its unit."""
        out = []
        for q in found.marks:
            if q.depth or len(found.text[q.start:q.end].split()) <= self.grammar.scare_max_words:
                continue
            k = next((i for i, u in enumerate(found.units) if u.start <= q.open_start < u.end), None)
            if k is None:
                continue
            unit = found.units[k]
            near = [c for c in found.cues if unit.start <= c.start < unit.end and not (q.open_start <= c.start < q.close_end)]
            if not near and k > 0 and not found.text[unit.start: q.open_start].strip():
                # A unit that is only a quotation floats: the last cue of the unit before it.
                before = found.units[k - 1]
                near = [c for c in found.cues if before.start <= c.start < before.end][-1:]
            if not near:
                continue
            cue = min(near, key=lambda c: min(abs(c.start - q.close_end), abs(q.open_start - c.end)))
            out.append(Event(q.start, q.end, "direct", cue.lemma, cue.start, cue.end, None, 0, balanced=q.balanced))
        return out

    def speakers(self, found: GrammarResult, parsed: list[ParsedUnit], events: list[Event]) -> list[Optional[Speaker]]:
        resolver = Resolver(found.text, self.grammar)
        items: list[tuple[int, int, object]] = []
        for unit in parsed:
            for sent in unit.sentences:
                for w in sent.words:
                    if w.deprel == "nsubj" and w.upos in ("PROPN", "NOUN", "PRON"):
                        items.append((w.start, 1, self.attributor.mention(sent, w, found.text)))
        for k, e in enumerate(events):
            if e.mention is not None and not e.inherits:
                items.append((e.mention.start, 0, k))
        items.sort(key=lambda item: (item[0], item[1]))
        out: list[Optional[Speaker]] = [None] * len(events)
        for _, kind, item in items:
            if kind == 0:
                out[item] = resolver.resolve(events[item])
            elif isinstance(item, Mention):
                resolver.observe(item)
        for k, e in enumerate(events):
            # A relaying subject ("le média a cité ...") is resolved like a speaker; the event
            # list is updated in place so the caller's records carry the source.
            if e.cited_source is None and e.cited_mention is not None:
                relay = resolver.resolve_mention(e.cited_mention)
                if relay is not None:
                    events[k] = attrs.evolve(e, cited_source=relay.name)
        for k, e in enumerate(events):
            if e.inherits:
                prior = [j for j in range(k) if events[j].end <= e.start and out[j] is not None]
                if prior:
                    out[k] = out[prior[-1]]
        return out

    # ------------------------------------------------------------------ documents

    def process(self, doc: Document) -> list[Quote]:
        norm = normalize(doc.text)
        found = self.grammar_stage(norm.text, doc.title)
        parsed = self.parse(found)
        events = self.events(found, parsed)
        speakers = self.speakers(found, parsed, events)
        doc_date = dates.document_date(doc, found.text)
        outlet = sources.outlet(doc, found.text)
        records = []
        for event, speaker in zip(events, speakers):
            records.append(self._record(doc, norm, found, event, speaker, doc_date, outlet))
        return records

    def process_many(self, docs: Iterable[Document]) -> Iterable[tuple[Document, list[Quote]]]:
        for doc in docs:
            yield doc, self.process(doc)

    def _record(self, doc, norm, found, event: Event, speaker, doc_date, outlet) -> Quote:
        def span(start: int, end: int) -> Span:
            a, b = norm.original(start), norm.original(end)
            return Span(a, b, doc.text[a:b])

        if speaker is not None and speaker.mention is not None:
            m = speaker.mention
            speaker = attrs.evolve(speaker, mention=span(m.start, m.end))
        verbless = any(p.lemma == event.cue for p in self.grammar.prepositions)
        when = dates.quote_date(found.text, event, doc_date, verbless)
        return Quote(
            doc=doc.id,
            quote=span(event.start, event.end),
            type=event.type,
            cue=event.cue,
            cue_span=span(event.cue_start, event.cue_end),
            speaker=speaker,
            cited_source=event.cited_source,
            outlet=outlet,
            doc_date=doc_date.iso if doc_date else None,
            quote_date=when.iso if when else None,
            quote_date_text=when.text if when else None,
            balanced=event.balanced,
        )
