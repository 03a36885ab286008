"""The pipeline: text -> marks and cues -> parse -> attribution -> speakers -> records.

Each stage is a plain object built once and reused for every document; a
stage is chosen by name (grammar "fr", parser "stanza", "stanza-tokenizer" or "none").
"""

from __future__ import annotations

from typing import Optional

import attrs

from . import boilerplate, dates, sources
from .attribution import Attributor, Event, Mention, opens_narrative
from .cues import CueFinder
from .gate import Gate
from .grammar import Grammar, load
from .model import CueMatch, Document, Quote, QuotedSpan, Speaker, Span
from .normalize import normalize
from .parsing import PARSERS, ParsedUnit, Parser
from .stanzadocs import cue_verbs
from .tokens import clitic
from .repairs import verb_cues
from .scanner import Scanner
from .entities import EntityTable
from .outlets import cited_outlet
from .speakers import Lookup, Resolver
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
            parser = PARSERS[parser]() if parser == "none" else PARSERS[parser](stanza_dir, verbs=cue_verbs(self.grammar.forms))
        self.parser = parser
        self.gate = gate
        self.scanner = Scanner(self.grammar)
        self.cue_finder = CueFinder(self.grammar)
        self.attributor = Attributor(self.grammar)
        self.gate_stage = Gate(self.grammar)

    # ------------------------------------------------------------------ stages

    def grammar_stage(self, text: str, title: Optional[str] = None) -> GrammarResult:
        lowered = text.lower()
        clean = boilerplate.clean(text, self.grammar, title, lowered)
        marks = self.scanner.scan(clean)
        cues = self.cue_finder.find(clean, lowered if clean is text else None)
        units = split_units(clean, marks)
        return GrammarResult(clean, tuple(marks), tuple(cues), tuple(units))

    def select(self, found: GrammarResult) -> list[int]:
        """The units parsed before attribution: all of them, or the gate's choice."""
        if not self.gate:
            return list(range(len(found.units)))
        return self.gate_stage.first(found)

    def analyse(self, founds: list[GrammarResult]) -> list[tuple[list[ParsedUnit], list[Event], list[Optional[Speaker]], EntityTable]]:
        """Parse, attribute, resolve a batch of documents, one Stanza call per round for
        the whole batch.  With the gate on, later rounds parse the units an antecedent
        search crossed unseen, until no search asks for more."""
        tried = [set(self.select(f)) for f in founds]
        parsed = self._parse_batch(founds, tried)
        results: list = [None] * len(founds)
        todo = list(range(len(founds)))
        while todo:
            asks: dict[int, list[int]] = {}
            for k in todo:
                events = self.events(founds[k], parsed[k])
                speakers, lookups, table = self.speakers(founds[k], parsed[k], events)
                results[k] = (parsed[k], events, speakers, table)
                more = self.gate_stage.context(founds[k], tried[k], lookups) if self.gate and parsed[k] else []
                if more:
                    asks[k] = more
                    tried[k].update(more)
            if asks:
                extra = self._parse_batch([founds[k] for k in asks], list(asks.values()))
                for k, units in zip(asks, extra):
                    parsed[k] = sorted(parsed[k] + units, key=lambda p: p.index)
            todo = list(asks)
        return results

    def _parse_batch(self, founds: list[GrammarResult], indices: list) -> list[list[ParsedUnit]]:
        """Parse the chosen units of several documents in one bulk call."""
        spans, owner = [], {}
        for k, (found, chosen) in enumerate(zip(founds, indices)):
            for i in sorted(chosen):
                owner[id(found.units[i])] = (k, i)
                spans.append(found.units[i])
        out: list[list[ParsedUnit]] = [[] for _ in founds]
        for unit in self.parser.parse(spans) if spans else []:
            k, i = owner[id(unit.unit)]
            out[k].append(attrs.evolve(unit, index=i))
        return [verb_cues(units, found.cues, self.grammar) for units, found in zip(out, founds)]

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

    def speakers(self, found: GrammarResult, parsed: list[ParsedUnit], events: list[Event]) -> tuple[list[Optional[Speaker]], list[Lookup], EntityTable]:
        table = EntityTable(found.text, self.grammar)
        resolver = Resolver(found.text, self.grammar, table)
        items: list[tuple[int, int, object]] = []
        for unit in parsed:
            for sent in unit.sentences:
                for w in sent.words:
                    # A named passive subject too ("Jean Dupont a été élu. Il a déclaré ..."), or
                    # people ("Les maires ont été reçus. Ils ont réclamé"), not an organisation:
                    # what is done to "la délégation" does not make it the one speaking next.
                    # Not inside a quotation, nor inside reported words: who they talk about is not
                    # who speaks next ("X a affirmé que le club resterait ... Il a ajouté": X).
                    # A reflexive verb's subject acts ("le ministre s'est exprimé"), whatever the parse's voice.
                    if (w.deprel == "nsubj" and w.upos in ("PROPN", "NOUN", "PRON")
                            or w.deprel == "nsubj:pass" and (w.upos == "PROPN" or _reflexive(sent, w) or _people(self.grammar, sent, w))) and not any(
                            q.start <= w.start < q.end for q in found.marks) and not any(e.start <= w.start < e.end for e in events):
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
        _narrators(found.text, events, out, resolver.history, resolver.lookups)
        self._content_subjects(found.text, events, out, resolver)
        out = resolver.finish(out)
        _participles(found.text, parsed, events, out)
        self._outlets(found, parsed, events, out)
        for k, e in enumerate(events):
            if e.inherits:
                # the report whose cue it shares (before it, or after it in a run of
                # quotations), else the last report before it that has a speaker
                owner = [j for j, o in enumerate(events) if not o.inherits and o.cue_start == e.cue_start and out[j] is not None]
                prior = owner or [j for j in range(k) if events[j].end <= e.start and out[j] is not None]
                if prior:
                    out[k] = out[prior[-1]]
                    if e.cited_source is None:
                        events[k] = attrs.evolve(e, cited_source=events[prior[-1]].cited_source)
        return out, resolver.lookups, table

    def _content_subjects(self, text: str, events: list[Event], out: list[Optional[Speaker]], resolver: Resolver) -> None:
        """"L'entreprise va fermer son usine, a-t-elle annoncé": a subject pronoun after the
        words it reports, left without an antecedent before them, stands for their subject
        when that subject agrees with it."""
        for k, e in enumerate(events):
            m = e.mention
            if out[k] is not None or e.inherits or m is None or m.start < e.end:
                continue
            gender = self.grammar.pronouns.get(clitic(m.head.text))
            subject = next((w for w in m.sentence.words if e.start <= w.start < e.end and w.deprel.startswith("nsubj")
                            and w.upos in ("NOUN", "PROPN")), None) if gender in ("m", "f", "p") else None
            if subject is None or not _agrees_with(m.sentence, subject, gender):
                continue
            entity = resolver.resolve_mention(self.attributor.mention(m.sentence, subject, text))
            if entity is not None and entity.type in ("PER", "ORG", "GROUP"):
                out[k] = Speaker(entity.name, entity.type, Span(m.start, m.end, m.text), None, entity.id)

    def _outlets(self, found: GrammarResult, parsed: list[ParsedUnit], events: list[Event], out: list[Optional[Speaker]]) -> None:
        """The outlet a verb cue's statement was made to ("a déclaré à l'AFP"), read off the
        cue's sentence; the event list is updated in place, like the relays above."""
        verbless = {p.lemma for p in self.grammar.prepositions}
        sentences = [s for unit in parsed for s in unit.sentences]
        for k, e in enumerate(events):
            if e.cited_source is not None or e.inherits:
                continue
            sent = next((s for s in sentences if s.start <= e.cue_start < s.end), None)
            if sent is not None:
                outlet = cited_outlet(found.text, sent, e, self.grammar, out[k].name if out[k] else None, e.cue in verbless)
                if outlet is not None:
                    events[k] = attrs.evolve(e, cited_source=outlet)
        for k, e in enumerate(events):
            # "a raconté à Reuters une riveraine, selon qui ...": the relative's report reaches us the same way.
            if e.cited_source is None and e.cue in verbless and e.mention is not None and (
                    e.mention.head.text.lower() == "qui" or e.rule == "relative_preposition") and out[k]:
                sent = next((s for s in sentences if s.start <= e.cue_start < s.end), None)
                same = [f for j, f in enumerate(events) if j != k and f.cited_source and out[j] and out[j].id == out[k].id
                        and sent is not None and sent.start <= f.cue_start < sent.end]
                if same:
                    events[k] = attrs.evolve(e, cited_source=same[0].cited_source)

    # ------------------------------------------------------------------ documents

    def process(self, doc: Document) -> list[Quote]:
        return self.process_batch([doc])[0]

    def process_batch(self, docs: list[Document]) -> list[list[Quote]]:
        """Records of each document, in order; the parser sees the batch at once."""
        return [quotes for quotes, _ in self.process_with_entities(docs)]

    def process_with_entities(self, docs: list[Document]) -> list[tuple[list[Quote], list[dict]]]:
        """Records of each document with its entity table (one dict per entity, offsets
        in the document's own text); the parser sees the batch at once."""
        norms = [normalize(doc.text) for doc in docs]
        founds = [self.grammar_stage(norm.text, doc.title) for doc, norm in zip(docs, norms)]
        out = []
        for doc, norm, found, (_, events, speakers, table) in zip(docs, norms, founds, self.analyse(founds)):
            doc_date = dates.document_date(doc, found.text)
            outlet = sources.outlet(doc, found.text)
            quotes = [self._record(doc, norm, found, e, s, doc_date, outlet) for e, s in zip(events, speakers)]
            out.append((quotes, table.records(doc.id, norm.original, doc.text)))
        return out

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
            rule=event.rule,
        )


def _people(g: Grammar, sent, subject) -> bool:
    """A common noun of persons: a title, a human group or one of one, or a role with a name."""
    low = subject.lemma.lower()
    if subject.upos != "NOUN" or low in g.organisations or low in g.singular_things:
        return False
    return low in g.titles or g.person_noun(subject.lemma, subject.text) or any(
        c.upos == "PROPN" and c.deprel in ("appos", "flat:name") for c in sent.children(subject.id))


def _agrees_with(sent, noun, gender: str) -> bool:
    """Do `noun` and its article agree with a pronoun of `gender` ("m", "f", or "p" plural)?"""
    words = [noun] + [c for c in sent.children(noun.id) if c.deprel == "det"]
    if gender == "p":
        return any(w.feat("Number") == "Plur" for w in words)
    wanted = "Masc" if gender == "m" else "Fem"
    return all(w.feat("Number") != "Plur" for w in words) and any(w.feat("Gender") == wanted for w in words)


def _reflexive(sent, subject) -> bool:
    return subject.upos in ("NOUN", "PROPN") and any(c.deprel == "expl:pv" for c in sent.children(subject.head)) if subject.head else False


def _narrators(text: str, events: list[Event], out: list[Optional[Speaker]], history: list, lookups: list[Lookup]) -> None:
    """A narrative infinitive has no subject of its own: it speaks for the one the text
    spoke of last, the latest speaker or subject before it.  The search is kept, so the
    gate parses the sentences it went back through."""
    for k, e in enumerate(events):
        if out[k] is not None or e.inherits or not opens_narrative(text, e.cue_start):
            continue
        before = [(pos, entity) for pos, entity in history if pos < e.cue_start and entity.type in ("PER", "ORG", "GROUP")]
        lookups.append(Lookup(e.cue_start, before[-1][0] if before else None))
        if before:
            entity = before[-1][1]
            out[k] = Speaker(entity.name, entity.type, None, None, entity.id)


def _participles(text: str, parsed: list[ParsedUnit], events: list[Event], out: list[Optional[Speaker]]) -> None:
    """"X a indiqué ..., soulignant que ...": a present participle whose own subject names
    no one (a pronoun of the quotation before it) shares the speaker of the report before
    it in its sentence."""
    sentences = [s for unit in parsed for s in unit.sentences]
    for k, e in enumerate(events):
        if out[k] is not None or e.inherits or not text[e.cue_start: e.cue_end].lower().endswith("ant"):
            continue
        sent = next((s for s in sentences if s.start <= e.cue_start < s.end), None)
        before = [j for j, f in enumerate(events) if j != k and out[j] is not None and sent is not None
                  and sent.start <= f.cue_start < e.cue_start]
        if before:
            out[k] = out[max(before, key=lambda j: events[j].cue_start)]
