"""Verb-less attributions: "selon X, ...", "d'après X", "pour X, ..." report their
clause, or credit X as the cited source when the sentence reports with a verb."""

from __future__ import annotations

import functools
from typing import Optional

import attrs
import regex

from ...grammar import Grammar
from ...parsing import Sentence, Word
from ...tokens import QUE_FORMS
from ..context import Context, UnitView
from ..events import Event, Mention, trim
from ..spans import RELATIVE_LEAD, cited_by, kind_of, sentence_end, source_name
from .phrase_clause import opens_sentence, phrase_tail, reported_clause
from . import rule

# Verb-less cues that report only when a person or an organisation follows them:
# "Pour le ministre, ..." reports, "Pour la première fois, ..." does not.
SPEAKER_ONLY = frozenset({"pour"})


def _gate(u: UnitView) -> bool:
    return not u.headline and any(
        c.kind == "preposition" and (c.lemma not in SPEAKER_ONLY or _speaker_after(u.text, c.end, u.grammar)) for c in u.cues)


def _speaker_after(text: str, end: int, g: Grammar) -> bool:
    """A capitalised word, a title or a pronoun before the phrase's comma or among
    the next four words (where the parser may find the phrase's noun)."""
    window = text[end: end + 80]
    phrase = regex.split(r"[,.;:!?\n]", window, maxsplit=1)[0]
    # an elided article is a word of its own: "l'économiste"
    words = regex.findall(r"[\p{L}][\p{L}\-]*", phrase) + regex.findall(r"[\p{L}][\p{L}\-]*", window)[:5]
    person = _person_words(g)
    for word in words:
        if word[0].isupper():
            return True
        low = word.lower()
        if low in person or low.rstrip("sx") in person or low + "s" in person:  # "un habitant": one of "habitants"
            return True
    return False


@functools.lru_cache(maxsize=8)
def _person_words(g: Grammar) -> frozenset[str]:
    return frozenset(g.titles | set(g.pronouns) | g.groups | g.organisations)


@rule("preposition", gate=_gate)
def preposition(ctx: Context) -> None:
    """"Selon X, ...", "..., selon X.", "un prélude, selon X, à ...": X speaks the clause."""
    text = ctx.text
    for index, sent in ctx.sentences():
        for cue in ctx.cues:
            if cue.kind != "preposition" or not (sent.start <= cue.start < sent.end):
                continue
            if any(e.cue_start == cue.start for e in ctx.events):
                continue
            last = [w for w in sent.words if cue.start <= w.start < cue.end]
            if not last:
                continue
            anchor = last[-1]
            after = sent.words[anchor.id] if anchor.id < len(sent.words) else None
            if after is not None and after.text.lower() in QUE_FORMS:
                continue  # "Selon que la météo le permettra": a conjunction, "depending on whether"
            nominal = _nominal(sent, anchor)
            if nominal is None:
                continue
            relay = cited_by(text, sent)
            if relay is not None and cue.end <= relay.start() and not text[nominal.end: relay.start()].strip():
                continue  # "selon des propos rapportés par X": words X relays, of the sentence's speaker
            if cue.lemma in SPEAKER_ONLY and (not (_speaker_like(ctx.grammar, nominal) or _named(ctx.grammar, sent, nominal))
                                              or _for_whom(ctx.grammar, sent, nominal)):
                continue
            before = text[sent.start: cue.start]
            if cue.lemma in SPEAKER_ONLY and not opens_sentence(before) and not before.rstrip().endswith(","):
                continue  # "une question de survie pour les familles": for whom, in no one's words
            if not text[sent.start: cue.start].rstrip().endswith(",") and any(
                    a.upos == "VERB" and a.start < cue.start
                    and (a.lemma.lower() in ctx.grammar.criteria or a.text.lower() in ctx.grammar.criteria)
                    for a in sent.ancestors(nominal.id)):
                continue  # "les tarifs varient selon les opérateurs": by what, not who says
            if _made_after(sent, cue.lemma, anchor, nominal):
                continue
            mention = ctx.syntax.mention(sent, nominal, text, keep_clauses=True)
            comma = text.find(",", cue.end, mention.end)
            if comma > nominal.start:
                # "Selon RIA Novosti, le 30 novembre, ...": the phrase ends at its comma.
                kept = tuple(w for w in mention.words if w.end <= comma)
                mention = Mention(kept[0].start, kept[-1].end, text[kept[0].start: kept[-1].end], nominal, kept, sent) if kept else mention
            mention = _with_name_set_off(ctx.grammar, text, sent, mention)
            phrase_end = max(mention.end, anchor.end)
            mention = attrs.evolve(mention, words=tuple(w for w in mention.words if w.start >= cue.end))
            cited, relay_name = None, None
            relayed = _read_by(ctx, mention)
            if relayed is not None:
                # "selon une note du PAM consultée par Reuters": the note speaks, Reuters relays it
                mention, cited = relayed
                relay_name = cited.text if cited.text in ctx.grammar.outlets else source_name(cited, ctx.grammar.media)
                if not relay_name[:1].isupper():
                    cited, relay_name = None, None  # "consultés par l'hebdomadaire": no intermediary named
            # Reports inside the phrase ("Selon X, qui a confirmé hier que ..., le ...") are X's
            # own, not the sentence's report that X would relay.
            opening = opens_sentence(text[sent.start: cue.start])
            tail = phrase_tail(text, sent, phrase_end, nominal, ctx.grammar.titles) if opening else phrase_end
            verb_events = [e for e in ctx.events if e.rule != "preposition" and sent.start <= e.cue_start < sent.end
                           and not cue.start <= e.cue_start < tail]
            for k, e in enumerate(ctx.events if opening else ()):
                if cue.start <= e.cue_start < tail < e.end:
                    # "Selon X, qui a confirmé que A, B": the relative's report ends with it
                    start, end = trim(text, e.start, tail)
                    if end > start:
                        kind, start, end, balanced = kind_of(text, start, end, ctx.local_quotes(sent))
                        ctx.events[k] = attrs.evolve(e, type=kind, start=start, end=end, balanced=balanced)
            if any(e.start <= cue.start < e.end for e in verb_events):
                continue
            if nominal.lemma.lower() in ctx.grammar.excluded_subjects:
                # "Selon l'accord, les deux pays s'engagent à ...": what a text provides, nobody says
                for e in verb_events:
                    if e.cue_start > cue.start:
                        ctx.events.remove(e)
                continue
            if nominal.lemma.lower() in ctx.grammar.generic_sources and not _authored(ctx.grammar, sent, nominal) \
                    and not _capitalised_name(sent, nominal):
                continue  # "selon les premiers éléments", "d'après nos informations": nobody's report
            relative = RELATIVE_LEAD.search(text, max(sent.start, cue.start - 16), cue.start)
            if verb_events and not relative:
                if cue.lemma in SPEAKER_ONLY:
                    continue  # "pour X" holds an opinion, it relays none ("un entretien pour le journal X")
                # The sentence reports with a verb: X is the intermediary it credits
                # (not in "..., qui, selon X, coûtent cher": a relative X speaks for).
                source = source_name(mention, ctx.grammar.media)
                for e in verb_events:
                    if e.cited_source is None:
                        ctx.events[ctx.events.index(e)] = attrs.evolve(e, cited_source=source, cited_mention=mention)
                continue
            span = reported_clause(ctx, sent, cue.start, phrase_end, nominal)
            if span is None:
                continue
            kind, start, end, balanced = kind_of(text, span[0], span[1], ctx.local_quotes(sent))
            ctx.add(Event(start, end, kind, cue.lemma, cue.start, cue.end, mention, index, balanced=balanced, rule="preposition",
                          cited_source=relay_name, cited_mention=cited))


# "le maire, pour qui ...", "les syndicats, selon lesquels ...": a relative whose
# antecedent is the speaker.
_RELATIVE = regex.compile(r"\b(pour|selon|d['’]après)[ \u00a0]+(?:qui|lequel|laquelle|lesquels|lesquelles)\b", regex.IGNORECASE)


@rule("relative_preposition", gate=lambda u: not u.headline and bool(_RELATIVE.search(u.text, u.unit.start, u.unit.end)))
def relative_preposition(ctx: Context) -> None:
    """"le maire, pour qui la réforme est une erreur", "les syndicats, selon lesquels
    la grève continue": the relative's antecedent speaks its clause."""
    text = ctx.text
    for index, sent in ctx.sentences():
        for m in _RELATIVE.finditer(text, sent.start, sent.end):
            before = [w for w in sent.words if w.end <= m.start() and w.upos != "PUNCT"]
            while before and before[-1].upos == "ADJ":
                before.pop()  # "le ministre français, pour qui"
            if not before or before[-1].upos not in ("NOUN", "PROPN"):
                continue
            head = before[-1]
            while head.head and head.deprel in ("nmod", "flat", "flat:name", "appos") and sent.word(head.head).start < head.start:
                head = sent.word(head.head)  # "le porte-parole de l'agence, pour qui": the spokesman
            start, end = trim(text, m.end(), _relative_end(text, sent, m.end()))
            if end - start < 10 or ctx.taken(start, end) or ctx.taken(m.start(), m.end()):
                continue
            mention = ctx.syntax.mention(sent, head, text, stop=(m.start(), end))
            kind, start, end, balanced = kind_of(text, start, end, ctx.local_quotes(sent))
            lemma = m.group(1).lower().replace("’", "'")
            ctx.add(Event(start, end, kind, lemma, m.start(1), m.end(1), mention, index, balanced=balanced, rule="relative_preposition"))


def _relative_end(text: str, sent: Sentence, start: int) -> int:
    """The relative ends where the main clause resumes after a comma ("Le maire, pour
    qui ..., a quitté la salle"), else with the sentence."""
    root = next((w for w in sent.words if not w.head), None)
    for w in sent.words:
        if w.start <= start or text[max(start, w.start - 2): w.start].strip() != ",":
            continue
        verb = w if w.upos in ("VERB", "AUX") else None
        if verb is not None and (verb is root or verb.head and sent.word(verb.head) is root and verb.deprel.startswith("aux")):
            return w.start
    return sentence_end(sent)


def _nominal(sent: Sentence, anchor: Word) -> Optional[Word]:
    if anchor.deprel in ("case", "fixed", "mark") and anchor.head:
        head = sent.word(anchor.head)
        if head.deprel in ("fixed", "case") and head.upos == "ADP" and head.head:
            head = sent.word(head.head)  # "d'après": "après" hangs on "d'", which hangs on the noun
        if head.upos in ("NOUN", "PROPN", "PRON", "X"):
            return head
        if head.upos == "ADJ" and any(c.deprel == "det" for c in sent.children(head.id)):
            return head  # an adjective with an article is a noun: "selon un proche du ministre"
    if anchor.lemma.lower() == "croire":
        objs = [c for c in sent.children(anchor.id) if c.deprel == "obj"]
        return objs[0] if objs else None
    for w in sent.words[anchor.id: anchor.id + 4]:
        if w.upos in ("PROPN", "NOUN", "PRON"):
            return w
    return None


def _read_by(ctx: Context, mention: Mention) -> Optional[tuple[Mention, Mention]]:
    """"une note interne consultée par Reuters", "des courriels obtenus par le journal X": a
    document in the phrase with the participle of one who read it and its agent; the
    document without them, and the agent."""
    for w in mention.words:
        if w.upos != "VERB" or w.feat("VerbForm") != "Part" or w.lemma.lower() not in ctx.grammar.document_readers:
            continue
        agent = next((c for c in mention.sentence.children(w.id) if c.deprel == "obl:agent"), None)
        if agent is not None and w.start > mention.head.end:
            return mention.until(ctx.text, w.start), ctx.syntax.mention(mention.sentence, agent, ctx.text)
    return None


def _made_after(sent: Sentence, lemma: str, anchor: Word, nominal: Word) -> bool:
    """"un film tourné d'après le roman de X", "un portrait peint d'après une photo": "d'après"
    right after a participle that describes a noun says what a work was made from, not who
    said it ("la grève a été suivie d'après la CGT par ..." is the union's report)."""
    if lemma != "d'après" or not nominal.head:
        return False
    verb = sent.word(nominal.head)
    between = [w for w in sent.words if verb.end <= w.start and w.end <= anchor.end]
    return (verb.deprel.startswith("acl") and verb.feat("VerbForm") == "Part" and verb.end <= anchor.start
            and all(w.upos == "ADP" for w in between))


def _authored(g: Grammar, sent: Sentence, nominal: Word) -> bool:
    """"les chiffres du ministère", "les estimations de l'ONU", "le décompte établi par la
    préfecture": a source noun with its author (a name, a title, a group or an organisation
    after "de", or the agent of a participle that did not merely see it)."""
    return any(c.deprel == "nmod" and _speaker_like(g, c) and any(
        m.deprel == "case" and m.lemma.lower() == "de" for m in sent.children(c.id)) or
        c.deprel.startswith("acl") and c.lemma.lower() not in g.document_readers and any(
            a.deprel == "obl:agent" and _speaker_like(g, a) for a in sent.children(c.id)) for c in sent.children(nominal.id))


def _with_name_set_off(g: Grammar, text: str, sent: Sentence, mention: Mention) -> Mention:
    """"Selon son agent, Marc Duvernet, un appel ...": a person's noun, then a name between
    commas before the clause, is that person named (the parse may make the name the clause's
    subject).  Not "Selon le ministre, Paul Martin a menti": no comma after the name."""
    head = mention.head
    if head.upos != "NOUN" or not head.text.islower() or not (head.lemma.lower() in g.titles or g.person_noun(head.lemma, head.text)):
        return mention
    k = mention.words[-1].id   # the word after the mention (ids are 1-based)
    words = sent.words
    if k >= len(words) or words[k].text != ",":
        return mention
    j = k + 1
    while j < len(words) and words[j].text in g.honorifics:
        j += 1
    first = j
    while j < len(words) and words[j].upos == "PROPN":
        j += 1
    if j == first or j >= len(words) or words[j].text != "," or j + 1 >= len(words):
        return mention
    kept = mention.words + tuple(words[k:j])
    return Mention(mention.start, words[j - 1].end, text[mention.start: words[j - 1].end], head, kept, sent)


def _capitalised_name(sent: Sentence, nominal: Word) -> bool:
    """A generic noun capitalised with no article is a body's name: "selon Statistique
    Canada", "d'après Prévisions Québec" (not "selon les statistiques")."""
    return nominal.text[:1].isupper() and nominal.id > 1 and not any(c.deprel == "det" for c in sent.children(nominal.id))


def _speaker_like(g: Grammar, w: Word) -> bool:
    """A person, a group or an organisation: "pour le ministre", "pour les chercheurs",
    "pour le Parti québécois"; not "pour la première fois"."""
    low = w.lemma.lower()
    return (w.upos == "PROPN" or w.text[:1].isupper() or low in g.titles or w.text.lower() in g.pronouns
            or w.text.lower() in g.groups or low + "s" in g.groups or low in g.organisations)  # "pour un proche du maire"


def _for_whom(g: Grammar, sent: Sentence, nominal: Word) -> bool:
    """"Pour les voyageurs, la SNCF a mis en place des bus": a group of people that
    something was done for, not their opinion.  A group's opinion says how things are or
    will be ("Pour les habitants, la situation est intenable") or what happened ("Pour les
    enquêteurs, le suspect a agi seul"); that somebody did something to an object for them
    is a fact the paper reports.  Someone named or titled may judge it ("Pour le ministre,
    le gouvernement a trahi ses promesses")."""
    low = nominal.lemma.lower()
    if nominal.upos != "NOUN" or nominal.text[:1].isupper() or low in g.titles or low in g.organisations:
        return False
    if not (nominal.text.lower() in g.groups or low + "s" in g.groups) or not nominal.head:
        return False
    event = sent.word(nominal.head)
    tense = [c for c in sent.children(event.id) if c.deprel == "aux:tense"]
    done = bool(tense) or event.feat("Tense") in ("Past", "Imp")
    return event.upos == "VERB" and done and any(c.deprel in ("obj", "obl:arg") for c in sent.children(event.id))


def _named(g: Grammar, sent: Sentence, nominal: Word) -> bool:
    """A noun with a person's name after it is someone, whatever the noun: "pour la
    glaciologue Perrine Ollagnier" (a given name, or a first name and a surname)."""
    return any(c.upos == "PROPN" and c.text[:1].isupper() and c.deprel in ("appos", "flat:name", "nmod")
               and c.start > nominal.end and not any(m.deprel == "case" for m in sent.children(c.id))
               and (c.text in g.first_names or any(f.deprel == "flat:name" for f in sent.children(c.id))
                    # a first name the tagger read as a word ("la géologue Claire | Mounier")
                    or c.id >= 2 and sent.words[c.id - 2].text in g.first_names and sent.words[c.id - 2].start > nominal.end)
               for c in sent.children(nominal.id))
