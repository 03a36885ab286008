"""Rules for a quotation whose cue stands outside it: "« ... », a déclaré X",
"X a déclaré : « ... »", "« ... » – X", and a floating quote that continues the
report before it."""

from __future__ import annotations

from typing import Optional

import regex

from ...model import QuotedSpan
from ...tokens import QUE_FORMS
from ...parsing import Sentence
from ..context import Context, UnitView, is_said, starts_sentence
from ..events import Event, is_headline
from . import rule

_SEPARATOR = regex.compile(r"[ \t\u00a0\u202f]*(,|[–—-])[ \t\u00a0\u202f]*")
_SPACE = regex.compile(r"[ \t\u00a0\u202f]*")
_DASH_AFTER = regex.compile(r"[ \t\u00a0\u202f]*[–—-]")


def _unattributed(ctx: Context, q: QuotedSpan) -> bool:
    """A quotation no report covers yet, longer than a title or a scare quote (or a short
    sentence of its own)."""
    return ctx.is_free(q) and is_said(ctx.text, q, ctx.grammar)


def _quote_and_cue(u: UnitView) -> bool:
    return bool(u.marks and u.cues)


def _each_free_quote(ctx: Context, make) -> None:
    for q in list(ctx.quotes):
        if not ctx.is_free(q):
            continue
        located = ctx.locate(q)
        if located is None:
            continue
        index, sent = located
        event = make(ctx, sent, q, index)
        if event is not None:
            ctx.add(event)


# A sentence's words running straight into its quotation: two words or more, no
# punctuation, not ending in a comma ("Hier soir, « ... »" frames, it is not said).
_RUNS_INTO = regex.compile(r"[\s\u00a0]*\p{L}[^.!?;:,«»“”\"\n]*\p{L}[\s\u00a0]+(?:\p{L}+['’])?")


@rule("quote_then_cue", gate=_quote_and_cue)
def quote_then_cue(ctx: Context) -> None:
    """"« ... », a déclaré le ministre": a cue verb right after the closing mark."""
    _each_free_quote(ctx, _then_cue)


def _then_cue(ctx: Context, sent: Sentence, q: QuotedSpan, index: int) -> Optional[Event]:
    text, syn = ctx.text, ctx.syntax
    closing = ctx.sentence_at(q.close_end - 1)
    if closing is not None:
        sent = closing[1]  # a quotation over several paragraphs: its cue follows the last one
    m = _SEPARATOR.match(text, q.close_end)
    bare = m is None  # "« ... » lance la sénatrice", "« ..., » a-t-elle dit": no comma after the mark
    if bare:
        m = _SPACE.match(text, q.close_end)
    for w in sent.words:
        if w.start < m.end() or w.start > m.end() + (12 if bare else 30):
            continue
        if bare and (syn.inverted_subject(sent, w) is None or "," in text[q.close_end: w.start]):
            continue  # "Le projet « X » avance, a dit le maire": a clause runs on after the mark
        lemma = syn.cue_lemma(sent, w)
        if lemma is None or w.start in ctx.claimed or lemma in ctx.grammar.naming:
            continue
        subject = syn.subject(sent, w)
        inverted = syn.inverted_subject(sent, w)
        if subject is not None and inverted is not None and inverted.start < subject.start:
            subject = inverted  # "», répond le sénateur, lorsque celui qui l'interroge ...": the incise's own
        if subject is None or subject.start < q.close_end:
            if inverted is None and subject is not None and subject.start < q.open_start:
                # "Le syndicat, qui juge cette loi « liberticide », appelle à la grève": the
                # verb's subject stands before the quotation, which is not what it reports
                continue
            subject = inverted
        ctx.claimed.add(w.start)
        mention = syn.mention(sent, subject, text, (q.open_start, q.close_end)) if subject is not None else None
        lead = text[sent.start: q.open_start]
        named = regex.search(r"([\p{L}\-]+)[\s\u00a0]*$", lead)
        if named is not None and named.group(1).lower() in ctx.grammar.works:
            return None  # "Sous le slogan « ... », la ville lance": the name of a thing, not words said
        if _RUNS_INTO.fullmatch(lead) and "comme" not in text[q.close_end: w.start].lower() and not any(syn.cue_lemma(sent, x) for x in sent.words if x.end <= q.open_start):
            # "Une exclusion liée à « une perte de confiance », a-t-il dit": the words that run
            # into the quotation are said too ("« X », comme disait Y" credits the marked words only)
            return Event(sent.start, q.close_end, "mixed", lemma, w.start, w.end, mention, index, balanced=q.balanced,
                         rule="quote_then_cue")
        return Event(q.start, q.end, "direct", lemma, w.start, w.end, mention, index, balanced=q.balanced, rule="quote_then_cue")
    return None


# "« ... » : c'est ce qu'a déclaré X", "« ... ». C'est en substance ce que X a dit", "« ... » :
# c'est en ces termes que X a répondu": the cleft's "ce que" (or the words it names) stands
# for the quotation right before it.
_CLEFT = regex.compile(r"[ \t\u00a0\u202f]*[:,.]?[ \t\u00a0\u202f\n]*c['’]est[ \t\u00a0\u202f]+"
                       r"(?:(?:en[ \t\u00a0\u202f]+substance|du[ \t\u00a0\u202f]+moins|en[ \t\u00a0\u202f]+tout[ \t\u00a0\u202f]+cas"
                       r"|en[ \t\u00a0\u202f]+effet|aussi|notamment|justement)[ \t\u00a0\u202f]+)?"
                       r"(?:ce|(?:en|dans|par|avec)[ \t\u00a0\u202f]+(?:ces|ce)[ \t\u00a0\u202f]+(?:termes|mots|propos)|ainsi)"
                       r"[ \t\u00a0\u202f]+qu(?:e\b|['’])", regex.IGNORECASE)


@rule("cleft_cue", gate=lambda u: bool(u.marks and u.cues))
def cleft_cue(ctx: Context) -> None:
    """"« ... » : c'est ce qu'a déclaré X": the cleft's relative stands for the quotation."""
    _each_free_quote(ctx, _cleft)


def _cleft(ctx: Context, sent: Sentence, q: QuotedSpan, index: int) -> Optional[Event]:
    m = _CLEFT.match(ctx.text, q.close_end)
    if m is None or not _unattributed(ctx, q):
        return None
    found = ctx.sentence_at(m.end())
    if found is None:
        return None
    _, where = found
    syn = ctx.syntax
    # the relative's verb: "ce qu'a déclaré X", "ce que X a déclaré mardi"
    for w in where.words:
        if w.start < m.end() or w.start > m.end() + 80 or w.start in ctx.claimed:
            continue
        lemma = syn.cue_lemma(where, w)
        if lemma is None or lemma in ctx.grammar.naming:
            continue
        # "ce que X a déclaré": the subject before the verb; "ce qu'a déclaré X": after it
        before = syn.subject(where, w)
        subject = before if before is not None and m.end() <= before.start < w.start else syn.inverted_subject(where, w) or before
        if subject is not None and (subject.start < m.end() or subject.text.lower() in QUE_FORMS):
            subject = None
        ctx.claimed.add(w.start)
        mention = syn.mention(where, subject, ctx.text) if subject is not None else None
        return Event(q.start, q.end, "direct", lemma, w.start, w.end, mention, index, balanced=q.balanced, rule="cleft_cue")
    return None


@rule("dash_signature", gate=lambda u: u.followed_by(_DASH_AFTER))
def dash_signature(ctx: Context) -> None:
    """"« ... » – Jacques Chirac": the name after the dash speaks, its verb unsaid."""
    _each_free_quote(ctx, _signature)


def _signature(ctx: Context, sent: Sentence, q: QuotedSpan, index: int) -> Optional[Event]:
    m = _SEPARATOR.match(ctx.text, q.close_end)
    if not m or m.group(1) not in "–—-":
        return None
    names = [x for x in sent.words if m.end() <= x.start <= m.end() + 2 and x.upos in ("PROPN", "NOUN")]
    if not names:
        return None
    head = names[0]
    while head.head and sent.word(head.head).upos in ("PROPN", "NOUN") and sent.word(head.head).start >= names[0].start:
        head = sent.word(head.head)
    mention = ctx.syntax.mention(sent, head, ctx.text, (q.open_start, q.close_end))
    return Event(q.start, q.end, "direct", "dire", names[0].start, names[0].start, mention, index, balanced=q.balanced, rule="dash_signature")


@rule("floating", gate=lambda u: bool(u.long_marks()))
def floating(ctx: Context) -> None:
    """A quotation with no cue of its own right after a report (same or next unit)
    continues it: same speaker, same cue."""
    for q in list(ctx.quotes):
        if not _unattributed(ctx, q):
            continue
        # "Cette « remise de preuves »" is a phrase of the writer's sentence; a quotation
        # that opens a sentence, or follows the incise of the report before it
        # ("« A », a-t-il ajouté, « B »"), continues that report.
        before = [e for e in ctx.events if e.end <= q.open_start]
        after_incise = bool(before) and 0 <= q.open_start - max(e.cue_end for e in before) <= 30 and \
            regex.fullmatch(r"[^.!?«»“”\"]*,[ \t\u00a0\u202f]*", ctx.text[max(e.cue_end for e in before): q.open_start]) is not None
        if not (starts_sentence(ctx.text, q.open_start) or after_incise):
            continue
        located = ctx.locate(q)
        if located is None:
            continue
        index, _ = located
        before = [e for e in ctx.events if e.end <= q.open_start]
        if not before:
            continue
        prev = max(before, key=lambda e: e.end)
        if index - prev.unit_index > 1 and not (_headings_between(ctx.text, prev.end, q.open_start)
                                                and _ends_sentence(ctx.text, q.open_start)):
            continue
        if _own_line(ctx.text, q) and not _ends_sentence(ctx.text, q.open_start):
            continue  # a pull-quote or a subheading in marks, not the next words of the report
        if q.style == "dash" and any(d.style == "dash" and prev.end <= d.open_start <= q.open_start
                                     and ctx.text[d.start: d.end].rstrip().endswith("?") for d in ctx.quotes):
            continue  # "— Le livre est-il autobiographique ? — En partie.": an interview's question and answer
        ctx.add(Event(q.start, q.end, "direct", prev.cue, prev.cue_start, prev.cue_end, prev.mention, index,
                      cited_source=prev.cited_source, inherits=True, balanced=q.balanced, rule="floating"))


def _headings_between(text: str, end: int, start: int) -> bool:
    """"... selon le communiqué.\nUne décision attendue\n« ... »": nothing but subheadings
    (short lines without final punctuation) between a report's paragraph and the quotation
    after it; a subheading does not end the report."""
    lines = text[end:start].split("\n")
    between = lines[1:-1]
    return bool(between) and not lines[-1].strip() \
        and all(line.strip() and is_headline(line) and len(line.split()) <= 12 for line in between)


def _own_line(text: str, q) -> bool:
    """Is the quotation the whole of its line?"""
    start = text.rfind("\n", 0, q.open_start) + 1
    end = text.find("\n", q.close_end)
    return not text[start: q.open_start].strip() and not text[q.close_end: end if end >= 0 else len(text)].strip()


# A final stop inside or after the closing mark.
_FINAL_STOP = regex.compile(r"[.!?…][\s\u00a0»”\"]*$|[»”\"][\s\u00a0]*[.!?…]\s*$")


def _ends_sentence(text: str, start: int) -> bool:
    """Does the paragraph from `start` end as a sentence does?  A quotation alone on a line
    with no final stop ("« Tout reste à faire »") is a subheading, as a pull-quote is."""
    end = text.find("\n", start)
    return _FINAL_STOP.search(text[start: end if end >= 0 else len(text)]) is not None


# Between the quotations of a run: spaces, line breaks, the full stop a quotation may leave outside its marks.
_RUN_GAP = regex.compile(r"[\s.!?…]*")


@rule("quote_run", gate=lambda u: bool(u.long_marks()))
def quote_run(ctx: Context) -> None:
    """"« A. » « B », a-t-il dit": a quotation with no cue of its own, followed by
    nothing but other quotations up to one whose cue comes after it, belongs to that
    one's speaker.  Across paragraphs only when the paragraph before the run names
    that speaker ("X a donné une explication." then X's words, "a affirmé M. X"): after a
    report of someone else, a paragraph in marks may as well go on with that one."""
    text = ctx.text
    quotes = sorted(ctx.quotes, key=lambda x: x.open_start)
    joined: dict[int, int] = {}     # owner's cue -> where the last quotation given to it ends
    for k, q in enumerate(quotes):
        if not _unattributed(ctx, q) or not starts_sentence(text, q.open_start):
            continue
        located = ctx.locate(q)
        if located is None:
            continue
        owner, end = _run_owner(ctx, q, quotes[k + 1:])
        if owner is None:
            continue
        if "\n" in text[q.open_start:end] and not _RUN_GAP.fullmatch(text, joined.get(owner.cue_start, 0), q.open_start) \
                and not _introduced(text, q, owner):
            continue
        joined[owner.cue_start] = q.close_end
        ctx.add(Event(q.start, q.end, "direct", owner.cue, owner.cue_start, owner.cue_end, owner.mention, located[0],
                      cited_source=owner.cited_source, inherits=True, balanced=q.balanced, rule="quote_run"))


def _run_owner(ctx: Context, q: QuotedSpan, later: list[QuotedSpan]) -> tuple[Optional[Event], int]:
    """The report of the first cued quotation after `q` with only quotations between
    them, and where that quotation opens."""
    pos = q.close_end
    for nxt in later:
        if nxt.open_start < pos:
            continue  # nested in the one before
        if not _RUN_GAP.fullmatch(ctx.text, pos, nxt.open_start):
            break
        owner = next((e for e in ctx.events if e.start <= nxt.start < e.end), None)
        if owner is None:
            pos = nxt.close_end
            continue
        if owner.cue_start >= nxt.close_end and not owner.inherits:
            return owner, nxt.open_start
        break
    return None, 0


def _introduced(text: str, q: QuotedSpan, owner: Event) -> bool:
    """Does the paragraph before the run name the owner's speaker: a name of its
    mention ("M. Laporte": "Laporte"), else its head noun ("le ministre")?"""
    if owner.mention is None:
        return False
    head = owner.mention.head
    words = [w.text for w in owner.mention.words if w.upos == "PROPN"] or ([head.text] if head.upos == "NOUN" else [])
    end = text.rfind("\n", 0, q.open_start)
    if not words or end < 0:
        return False
    paragraph = text[text.rfind("\n", 0, end) + 1:end]
    return any(regex.search(rf"\b{regex.escape(w)}\b", paragraph) for w in words)
