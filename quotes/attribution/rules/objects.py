"""Rules for a cue verb whose report is a prepositional object or an object with its
attribute: "l'opposition a averti du risque d'une crise", "s'est prononcée en faveur
d'un moratoire", "le parti juge la réforme inacceptable"."""

from __future__ import annotations

from typing import Optional

import regex

from ...outletnames import listed_outlet_at
from ...parsing import Sentence, Word
from ..context import Context
from ..spans import span_of
from . import rule
from .verbs import adjoined, can_speak, framed, in_object_slot, verb_rule

# Adverbial phrases that stand between a cue and its preposition: "s'inquiète tout
# de suite de ...", "a alerté de nouveau sur ...", "met à son tour en garde contre ...".
_ADVERBIAL = regex.compile(r"[\s\u00a0]*(?:tout\s+de\s+suite|de\s+nouveau|à\s+nouveau|une\s+nouvelle\s+fois|de\s+(?:son|leur)\s+côté"
                           r"|pour\s+(?:sa|leur)\s+part|à\s+(?:son|leur)\s+tour|elle\s+aussi|lui\s+aussi|déjà|encore|aussi)\b,?",
                           regex.IGNORECASE)
# "de" also stands contracted with the article that follows: "du risque", "des risques".
_CONTRACTED = regex.compile(r"(?:du|des)\b", regex.IGNORECASE)


def _preposition(p: str) -> regex.Pattern:
    words = [regex.escape(x) for x in p.split()]
    if words[-1] == "de":
        words[-1] = r"(?:de\b|d['’]|du\b|des\b)"
    else:
        words[-1] += r"\b"
    return regex.compile(r"[\s\u00a0]+".join(words), regex.IGNORECASE)


def _after_cue(ctx: Context, sent: Sentence, w: Word, own: set[str]) -> list[Word]:
    """The words after the cue without its phrase words ("met en garde"), adverbs,
    adverbial phrases and time words ("a averti lundi", "s'inquiète tout de suite")."""
    g = ctx.grammar
    words = [x for x in sent.words if x.start >= w.end and x.text.lower() not in own]
    while words:
        adverbial = _ADVERBIAL.match(ctx.text, words[0].start)
        if adverbial and adverbial.end() > words[0].start:
            words = [x for x in words if x.start >= adverbial.end()]
        elif words[0].upos == "ADV" and not _heads_phrase(sent, words[0]) or words[0].deprel == "fixed" \
                or words[0].lemma.lower() in g.time_words or words[0].text.lower() in g.time_words:
            words = words[1:]
        else:
            break
    return words


def _heads_phrase(sent: Sentence, adverb: Word) -> bool:
    """"a prévenu lors d'un point presse", "près de la mairie": an adverb with a phrase of
    its own is the phrase's preposition, and what follows is no object of the cue."""
    return any(c.deprel != "fixed" and c.start > adverb.end for c in sent.children(adverb.id))


def _constituent_end(sent: Sentence, first: Word, start: int, verb: Word) -> int:
    """The end of the largest constituent that starts with `first` below the verb."""
    top = first
    while top.head and top.head != verb.id:
        head = sent.word(top.head)
        if min(x.start for x in sent.subtree(head.id)) < start:
            break
        top = head
    return max(x.end for x in sent.subtree(top.id))


@rule("prepositional_object", gate=framed("prepositional_object"))
def prepositional_object(ctx: Context) -> None:
    """"a averti du risque d'une crise", "s'inquiète de l'état des routes", "s'est
    prononcée en faveur d'un moratoire": the object of the preposition the cue takes."""
    verb_rule(ctx, "prepositional_object", _prepositional_content)


def _prepositional_content(ctx: Context, sent: Sentence, w: Word, lemma: str) -> Optional[tuple[int, int]]:
    g = ctx.grammar
    preps = g.prepositional_object.get(lemma)
    if not preps or in_object_slot(ctx, sent, w) or not can_speak(ctx, ctx.syntax.subject(sent, w), sent):
        return None
    own = {x.lower() for x in g.phrases[lemma].words} if lemma in g.phrases else set()
    words = _after_cue(ctx, sent, w, own)
    if not words:
        return None
    at = words[0].start
    for p in preps:
        m = _preposition(p).match(ctx.text, at)
        if m is None:
            continue
        contracted = _CONTRACTED.fullmatch(m.group().split()[-1])
        start = words[0].start if contracted and len(p.split()) == 1 else m.end()
        rest = [x for x in words if x.start >= start and x.upos not in ("PUNCT", "ADP")]
        if not rest or rest[0].upos in ("VERB", "AUX") and rest[0].feat("VerbForm") != "Inf":
            return None
        first = next((x for x in rest if x.upos not in ("DET",)), rest[0])
        if listed_outlet_at(ctx.text, rest[0].start, g) or listed_outlet_at(ctx.text, first.start, g):
            return None  # "a-t-il insisté sur France Inter": where it was said, not what
        start = min(start if contracted else rest[0].start, rest[0].start)
        end = _constituent_end(sent, first, start, w)
        return start, adjoined(ctx, sent, w, end)
    return None


@rule("predicative", gate=framed("predicative"))
def predicative(ctx: Context) -> None:
    """"le parti juge la réforme inacceptable", "a qualifié le projet d'irréaliste":
    the object with what the speaker calls it."""
    verb_rule(ctx, "predicative", _predicative_content)


def _predicative_content(ctx: Context, sent: Sentence, w: Word, lemma: str) -> Optional[tuple[int, int]]:
    g = ctx.grammar
    if lemma not in g.predicative or not can_speak(ctx, ctx.syntax.subject(sent, w), sent):
        return None
    clitic = any(c.deprel == "obj" and c.upos == "PRON" and c.start < w.start for c in sent.children(w.id))
    if in_object_slot(ctx, sent, w) and not (clitic and ctx.syntax.incise_comma(sent, w) is None):
        return None
    kids = sorted((c for c in sent.children(w.id) if c.start > w.end), key=lambda c: c.start)
    objs = [c for c in kids if c.deprel == "obj" and c.upos in ("NOUN", "PROPN") and c.lemma.lower() not in g.time_words]
    # "juge inacceptable la décision", "juge « urgent » de revaloriser les salaires": the
    # attribute before a long object or an infinitive, as French puts it
    after = objs[:1] or [c for c in kids if c.feat("VerbForm") == "Inf" and any(
        m.deprel == "mark" and m.text.lower() in ("de", "d'", "d’") for m in sent.children(c.id))][:1]
    ahead = [c for c in kids if after and c.start < after[0].start and c.deprel == "xcomp" and c.upos == "ADJ"]
    if ahead:
        start = min(x.start for x in sent.subtree(ahead[0].id))
        return start, adjoined(ctx, sent, w, max(x.end for x in sent.subtree(after[0].id)))
    if not objs:
        # "le qualifier de « héros »": a clitic object, the report is what he is called
        if clitic:
            called = [c for c in kids if c.deprel in ("obl", "obl:arg", "obl:mod", "xcomp") and any(
                m.deprel == "case" and m.lemma.lower() in ("de", "comme") for m in sent.children(c.id))]
            if called:
                return span_of(sent, called[0])
        return None
    obj = objs[0]
    # The parser hangs the attribute on the verb or on the object itself ("juge la
    # réforme injuste": amod); either way it stands after the object's noun.
    candidates = [c for c in kids if c.start > obj.start] + [c for c in sent.children(obj.id) if c.start > obj.end]
    attributes = [c for c in candidates if c.upos in ("ADJ", "NOUN") and (
        c.deprel in ("xcomp", "amod") and c.upos == "ADJ" or c.deprel == "xcomp"
        or c.deprel in ("obl", "obl:arg", "obl:mod", "nmod")
        and any(m.deprel == "case" and m.lemma.lower() in ("de", "comme") for m in sent.children(c.id)))]
    # "juge cette loi « liberticide »", "juge cette décision « injustifiée »": an attribute in
    # marks right after the noun, which the parse may take for an apposition or a participle
    # or a phrase in marks: "juge la grève « en net recul »", "juge l'usine « hors de danger »"
    attributes += [c for c in sent.children(obj.id) + [k for k in kids if k.start > obj.end] if (
        c.deprel == "appos" and c.upos in ("ADJ", "NOUN") or c.deprel in ("acl", "xcomp") and c.feat("VerbForm") == "Part"
        or c.deprel in ("obl", "obl:mod", "nmod") and any(m.deprel == "case" and m.start > obj.end for m in sent.children(c.id))) and any(
        q.start <= min(x.start for x in sent.subtree(c.id) if x.upos != "PUNCT") and c.start < q.end
        and not ctx.text[obj.end: q.open_start].strip()
        for q in ctx.local_quotes(sent))]
    if not attributes:
        return None
    start = min(x.start for x in sent.subtree(obj.id))
    return start, adjoined(ctx, sent, w, max(max(x.end for x in sent.subtree(a.id)) for a in attributes))
