"""Rules for a quotation a colon introduces: "X a déclaré : « ... »", "Marie Dupont,
maire de Lille : « ... »", "La procureure a été claire : « ... »"."""

from __future__ import annotations

from typing import Optional

import regex

from ...model import QuotedSpan
from ...parsing import Sentence
from ..context import Context, UnitView
from ..events import Event
from . import rule
from .quotations import _each_free_quote, _quote_and_cue
from .verbs import can_speak


def _ends_with_colon_cue(u: UnitView) -> bool:
    return bool(u.cues) and u.text[u.unit.start: u.unit.end].rstrip().endswith(":")


@rule("colon_intro", gate=lambda u: _quote_and_cue(u) or _ends_with_colon_cue(u))
def colon_intro(ctx: Context) -> None:
    """"X a déclaré : « ... »": the last cue verb before the colon, in the quotation's
    sentence or ending the paragraph before it ("Il a expliqué :" then the quotation)."""
    _each_free_quote(ctx, _colon)


def _colon(ctx: Context, sent: Sentence, q: QuotedSpan, index: int) -> Optional[Event]:
    text, syn = ctx.text, ctx.syntax
    if ":" not in text[max(0, q.open_start - 4): q.open_start]:
        return None
    cands = [w for w in sent.words if w.end <= q.open_start and syn.cue_lemma(sent, w)]
    if not cands:
        before = _colon_unit_before(ctx, sent)
        if before is None:
            return None
        sent = before
        cands = [w for w in sent.words if syn.cue_lemma(sent, w)]
        if not cands:
            return None
    w = cands[-1]
    subject = syn.subject(sent, w)
    mention = syn.mention(sent, subject, text, (q.open_start, q.close_end)) if subject is not None else None
    return Event(q.start, q.end, "direct", syn.cue_lemma(sent, w), w.start, w.end, mention, index, balanced=q.balanced, rule="colon_intro")


def _colon_unit_before(ctx: Context, sent: Sentence) -> Optional[Sentence]:
    """The parsed sentence that ends right before this one with a colon ("Il a expliqué :"
    and the quotation in the next paragraph), if the text between is blank."""
    prior = [s for u in ctx.parsed for s in u.sentences if s.end <= sent.start]
    if not prior:
        return None
    last = max(prior, key=lambda s: s.end)
    if ctx.text[last.end: sent.start].strip() or not ctx.text[last.start: last.end].rstrip().endswith(":"):
        return None
    return last


_NAME_COLON = regex.compile(r"[ \t\u00a0\u202f]*:[ \t\u00a0\u202f]*$")


def _colon_before_mark(u: UnitView) -> bool:
    return any(_NAME_COLON.search(u.text, max(u.unit.start, m.open_start - 4), m.open_start) for m in u.marks)


@rule("colon_name", gate=_colon_before_mark)
def colon_name(ctx: Context) -> None:
    """"Marie Dupont, maire de Lille : « ... »": a name and no verb before the colon;
    the cue is the colon itself."""
    _each_free_quote(ctx, _name_colon)


def _name_colon(ctx: Context, sent: Sentence, q: QuotedSpan, index: int) -> Optional[Event]:
    text = ctx.text
    colon = _NAME_COLON.search(text, max(sent.start, q.open_start - 4), q.open_start)
    if colon is None:
        return None
    at = colon.start() + colon.group().index(":")
    lead = [w for w in sent.words if w.end <= colon.start() and w.upos != "PUNCT"]
    if not lead or len(lead) > 20 or any(w.upos in ("VERB", "AUX") and w.feat("VerbForm") == "Fin" for w in lead):
        return None
    first = next((w for w in lead if w.upos == "PROPN" or w.lemma.lower() in ctx.grammar.titles), None)
    if first is None:
        return None
    head = first
    while head.head and sent.word(head.head).end <= colon.start() and sent.word(head.head).upos in ("PROPN", "NOUN") \
            and head.deprel in ("flat:name", "flat", "compound", "nmod"):
        head = sent.word(head.head)
    mention = ctx.syntax.mention(sent, head, text, (colon.start(), q.close_end))
    return Event(q.start, q.end, "direct", ":", at, at + 1,
                 mention, index, balanced=q.balanced, rule="colon_name")


# A unit that ends with a colon before a paragraph that opens with a quotation mark.
_COLON_THEN_QUOTE = regex.compile(r":[ \t\u00a0\u202f]*\n\s*[«“\"]")


def _colon_before_quote(u: UnitView) -> bool:
    return _colon_before_mark(u) or bool(_COLON_THEN_QUOTE.match(u.text, u.unit.start + len(u.unit.text.rstrip()) - 1))


@rule("colon_manner", gate=_colon_before_quote)
def colon_manner(ctx: Context) -> None:
    """"La procureure a été claire : « ... »", "Le maire ne mâche pas ses mots : « ... »":
    how the speaker put it, then the words; the cue is the colon itself."""
    _each_free_quote(ctx, _manner_colon)


def _manner_colon(ctx: Context, sent: Sentence, q: QuotedSpan, index: int) -> Optional[Event]:
    text = ctx.text
    colon = _NAME_COLON.search(text, max(sent.start, q.open_start - 4), q.open_start)
    if colon is None:
        before = _colon_unit_before(ctx, sent)
        if before is None:
            return None
        sent, at = before, text.rindex(":", before.start, before.end)
    else:
        at = colon.start() + colon.group().index(":")
    lead = [w for w in sent.words if w.end <= at]
    predicate = next((w for w in reversed(lead) if (w.lemma.lower() in ctx.grammar.colon_predicates
                                                    or w.text.lower() in ctx.grammar.colon_predicates)
                      and (w.upos in ("ADJ", "VERB") or any(c.deprel == "cop" for c in sent.children(w.id)))), None)
    if predicate is None or any(w.text in "«»“”\"" for w in lead if w.start > predicate.start):
        return None
    subject = next((c for c in sent.children(predicate.id) if c.deprel.startswith("nsubj")), None)
    if subject is None and predicate.deprel == "xcomp" and predicate.head:
        # "Le maire s'est montré prudent :", "La ministre reste optimiste :": the verb's subject
        subject = next((c for c in sent.children(predicate.head) if c.deprel.startswith("nsubj")), None)
    if subject is None or subject.upos == "PRON" and subject.text.lower() not in ctx.grammar.pronouns or not can_speak(ctx, subject, sent):
        return None
    mention = ctx.syntax.mention(sent, subject, text, (at, q.close_end))
    return Event(q.start, q.end, "direct", ":", at, at + 1, mention, index, balanced=q.balanced, rule="colon_manner")
