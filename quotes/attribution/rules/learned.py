"""Agency copy credits a fact to where it learned it: "X, a-t-on appris auprès de la
préfecture", "..., a-t-on appris jeudi de source judiciaire", "On a appris auprès du parquet
que ...".  The source is the speaker and "apprendre" the cue.  Only with the impersonal "on"
and a source: "a-t-on appris mercredi" names no one, and "Il a appris que sa mère était
malade" learns, it reports nothing."""

from __future__ import annotations

from typing import Optional

import regex

from ...parsing import Sentence, Word
from ...tokens import QUE_FORMS, clitic
from ..context import Context, UnitView
from ..events import Event, trim
from ..spans import kind_of
from . import rule

_LEARNED = regex.compile(r"\bappr(?:is|end|enait|enons)\b[^.!?;]{0,40}?(?:\bauprès\s+(?:de|du|des|d['’])|\bde\s+sources?\b)",
                         regex.IGNORECASE)
_DE = frozenset({"de", "du", "des", "d'", "d’"})


def _learned_from_source(u: UnitView) -> bool:
    return bool(_LEARNED.search(u.text, u.unit.start, u.unit.end))


@rule("learned_from", gate=_learned_from_source)
def learned_from(ctx: Context) -> None:
    """"X, a-t-on appris auprès de Y" / "On a appris auprès de Y que X": Y's report."""
    text = ctx.text
    for index, sent in ctx.sentences():
        for w in sent.words:
            if w.lemma.lower() != "apprendre" or w.upos != "VERB" or not any(
                    c.deprel.startswith("nsubj") and clitic(c.text) == "on" for c in sent.children(w.id)):
                continue
            source = _source(sent, w, text)
            if source is None:
                continue
            span = _clause(sent, w) or _before(sent, w)
            if span is None:
                continue
            start, end = trim(text, *span)
            if len(text[start:end].split()) < 3:
                continue
            kind, s, e, balanced = kind_of(text, start, end, ctx.local_quotes(sent))
            mention = ctx.syntax.mention(sent, source, text)
            ctx.add(Event(s, e, kind, "apprendre", w.start, w.end, mention, index, balanced=balanced, rule="learned_from"))


def _source(sent: Sentence, verb: Word, text: str) -> Optional[Word]:
    """The noun after "auprès de" or the "source" of "de source X", hung on the verb or
    on "auprès"."""
    for x in sent.words:
        if x.upos not in ("NOUN", "PROPN") or x.start < verb.end or not x.deprel.startswith(("obl", "nmod")):
            continue
        holder = next((h for h in sent.words if h.id == x.head), None)
        if holder is None or not (holder.id == verb.id or holder.text.lower() == "auprès" and holder.head == verb.id):
            continue
        if not any(c.deprel == "case" and c.text.lower() in _DE for c in sent.children(x.id)):
            continue
        lead = text[verb.end:x.start].lower()
        if "auprès" in lead or x.lemma.lower() == "source":
            return x
    return None


def _clause(sent: Sentence, verb: Word) -> Optional[tuple[int, int]]:
    """"On a appris auprès du parquet que X": the "que" clause."""
    for c in sent.children(verb.id):
        que = next((m for m in sent.children(c.id) if m.deprel == "mark" and m.lemma.lower() in QUE_FORMS), None)
        if c.deprel in ("ccomp", "advcl") and que is not None and que.start > verb.end:
            words = [x for x in sent.subtree(c.id) if x.upos != "PUNCT" and x.id != que.id]
            return min(x.start for x in words), max(x.end for x in words)
    return None


def _before(sent: Sentence, verb: Word) -> Optional[tuple[int, int]]:
    """"X, a-t-on appris ...": the clause from the sentence start to the comma before the verb
    and its auxiliary and clitic."""
    k = verb.id - 2
    while k >= 0 and (sent.words[k].upos in ("AUX", "ADV") or clitic(sent.words[k].text) == "on"):
        k -= 1
    if k < 1 or sent.words[k].text != ",":
        return None
    return sent.start, sent.words[k].start
