"""The quoted_object rule: a quotation as the cue's object ("a qualifié la réforme de
« ... »", "a lancé « ... »", "lui a dit la même chose : « ... »"), with the words around
the marks that still belong to the object."""

from __future__ import annotations

from typing import Optional

import attrs
import regex

from ...parsing import Sentence, Word
from ..context import Context
from ..negation import with_own_negation
from ..spans import sentence_end, span_of
from . import rule


_LIST_GAP = regex.compile(r"[\s\u00a0\u202f»”\"]*(?:,|\bet\b|\bou\b)(?:\s+encore)?[\s\u00a0\u202f«“\"]*", regex.IGNORECASE)

_LOWER_START = regex.compile(r"[\s\u00a0\u202f]*\p{Ll}")

_AND_WHO = regex.compile(r"[ \u00a0]+et\s+qui\b", regex.IGNORECASE)


# "« des flux suspects », dont un versement de ...", "« un plan », qui prévoit ...": a relative
# clause after the closing mark still describes the object, and is part of it.
_OBJECT_RELATIVE = regex.compile(r"[ \u00a0\u202f]*,?[ \u00a0\u202f]*(?:qui|dont|où|lequel|laquelle|lesquels|lesquelles)\b",
                                 regex.IGNORECASE)


def _relative_end(sent: Sentence, obj: Word, after: int) -> Optional[int]:
    """Where the relative clause that the object carries after `after` ends."""
    inside = {x.id for x in sent.subtree(obj.id)}
    relative = next((x for x in sent.words if x.deprel == "acl:relcl" and x.head in inside and x.start > after), None)
    if relative is None:
        return None
    # it ends at its own comma or dash: what follows is the sentence's again ("qui durent
    # depuis des années, lors d'une conférence"), wherever the parser hung it
    words = [x for x in sent.subtree(relative.id) if x.start > after]
    stop = next((x.start for x in words if x.upos == "PUNCT" and x.text in (",", "–", "—", ";", "(")), None)
    return max(x.end for x in words if x.upos != "PUNCT" and (stop is None or x.end <= stop))


def _and_relative(ctx: Context, sent: Sentence, end: int) -> int:
    """"le « nouveau plan » lancé en mai et qui doit ...": a second relative on the object
    describes it too, wherever the parser hung it."""
    m = _AND_WHO.match(ctx.text, end)
    who = next((x for x in sent.words if m and x.start >= m.end() - 3 and x.text.lower() == "qui"), None)
    if who is None or not who.head:
        return end
    return max([end] + [x.end for x in sent.subtree(who.head) if x.upos != "PUNCT"])

@rule("quoted_object", gate=lambda u: bool(u.marks and u.cues))
def quoted_object(ctx: Context) -> None:
    """"a qualifié la réforme de « ... »", "a lancé « ... »": a quotation as the cue's
    object, infinitive or the complement of a phrase cue; "entonnaient « A », « B » ou
    encore « C »": one record per quotation of the list."""
    for index, sent in ctx.sentences():
        for w, lemma in ctx.cue_verbs(sent, naming=True):
            if ctx.quoted_incise(sent, w):
                continue  # "« A », dit M. X « B »": A is what it reports, the quotation rules'
            span = _quoted_content(ctx, sent, w, lemma)
            if span is None:
                continue
            event = ctx.verb_event("quoted_object", index, sent, w, lemma, span)
            if event is None or event.type != "direct":
                continue
            last = event
            for q in ctx.local_quotes(sent):
                if q.open_start >= last.end and _LIST_GAP.fullmatch(ctx.text, last.end, q.open_start):
                    last = attrs.evolve(event, start=q.start, end=q.end, balanced=q.balanced)
                    ctx.add(last)


# Objects that stand for words about to be given: "la même chose", "ceci", "ces mots".
_ANNOUNCING = frozenset({"chose", "ceci", "cela", "ça", "mot", "phrase", "formule", "message", "propos", "sentence"})
_COLON = regex.compile(r"[ \u00a0\u202f]*:[ \u00a0\u202f]*")


def _after_colon(ctx: Context, sent: Sentence, obj: Word, quotes) -> Optional[tuple[int, int]]:
    """"lui dit la même chose : X « ... »", "a répété ces mots : « ... »": an object the colon
    announces; what was said is what follows the colon, to the end of the sentence."""
    if obj.deprel != "obj" or obj.lemma.lower() not in _ANNOUNCING:
        return None
    colon = ctx.text.find(":", obj.end, sent.end)
    if colon < 0:
        return None
    end = max(x.end for x in sent.subtree(obj.id) if x.start < colon)
    gap = _COLON.match(ctx.text, end)
    if gap is None:
        return None  # words of the sentence between the object and the colon
    start, stop = gap.end(), sentence_end(sent)
    if start >= stop or not any(start <= q.open_start < stop for q in quotes):
        return None
    if any(x.start >= start and ctx.syntax.cue_lemma(sent, x) for x in sent.words):
        return None  # "réclame X : « ... », a-t-elle écrit": the quotation has its own cue
    return start, stop


def _names_a_work(ctx: Context, lead: list[Word], q) -> bool:
    """"publie son roman « X »", "publie « X », son cinquième roman", "publie « X » aux
    éditions Y": the marks hold the name of a work, set by a noun of works before them, in
    apposition after them, or by its publisher after them."""
    works = ctx.grammar.works
    if lead and lead[-1].upos == "NOUN" and lead[-1].lemma.lower() in works:
        return True
    if _PUBLISHER.match(ctx.text, q.close_end):
        return True  # "publie « X » aux éditions du Lambi", "chez Gallimard"
    after = _WORK_APPOSITION.match(ctx.text, q.close_end)
    return after is not None and any(word.lower() in works for word in regex.findall(r"[\p{L}\-]+", after.group("words")))


_PUBLISHER = regex.compile(r"[ \u00a0\u202f]*,?[ \u00a0]*(?:aux[ \u00a0]+[ÉéEe]ditions\b|chez[ \u00a0]+\p{Lu})")
# ", son cinquième roman", ", un premier album", ", le film de ...": up to three words after the article
_WORK_APPOSITION = regex.compile(r"[ \u00a0\u202f]*,[ \u00a0]*(?:son|sa|ses|leur|leurs|le|la|les|l['’]|un|une)[ \u00a0]*"
                                 r"(?P<words>(?:[\p{L}\-]+[ \u00a0]*){1,3})", regex.IGNORECASE)


def _praised(g, sent: Sentence, c: Word, lemma: str) -> bool:
    """"s'est félicité d'« un geste fort »", "se réjouit de « ... »", "parlent d'une « braderie »":
    what praise is about, or what one speaks of, comes after "de"; in marks, it is what the
    speaker called it."""
    return (g.verb_class.get(lemma) == "praise" or lemma in g.naming) and c.deprel in ("obl:arg", "obl") and any(
        m.deprel == "case" and m.lemma.lower() == "de" for m in sent.children(c.id))


def _quoted_content(ctx: Context, sent: Sentence, w: Word, lemma: str) -> Optional[tuple[int, int]]:
    g = ctx.grammar
    quotes = ctx.local_quotes(sent)
    for c in sent.children(w.id):
        if c.start < w.end or c.deprel not in ("obj", "xcomp", "ccomp", "nmod", "obl", "obl:arg", "iobj", "advcl"):
            continue
        if lemma in g.naming and not _praised(g, sent, c, lemma):
            continue  # "parler" reports only what it speaks "of" in marks
        if c.deprel == "advcl" and not (c.upos == "VERB" and any(m.deprel == "mark" and m.lemma.lower() in ("à", "de") for m in sent.children(c.id))):
            continue
        if c.deprel in ("obl", "iobj", "obl:arg", "nmod") and lemma not in g.phrases and not (
                c.deprel == "obl:arg" and c.upos == "VERB") and not _praised(g, sent, c, lemma):
            continue
        if c.deprel == "xcomp" and c.upos == "ADJ" and lemma in g.predicative and any(
                o.start > c.end and (o.deprel == "obj" or o.feat("VerbForm") == "Inf") for o in sent.children(w.id)):
            continue  # "juge « indécent » le budget", "« urgent » de ...": an attribute before its object, the predicative rule's
        start, end = span_of(sent, c)
        announced = _after_colon(ctx, sent, c, quotes)
        if announced is not None:
            return announced
        timed = [x for x in sent.subtree(c.id) if x.start >= start]
        while timed and timed[0].lemma.lower() in g.time_words:
            timed = timed[1:]  # "a averti samedi du risque de « ... »": the object starts after the day
        start = timed[0].start if timed else start
        inside = [q for q in quotes if start <= q.open_start < end or q.open_start <= start < q.close_end]
        if not inside:
            continue
        lead = [x for x in sent.subtree(c.id) if x.start < inside[0].open_start]
        if any(x.upos == "VERB" and ctx.syntax.cue_lemma(sent, x) for x in lead):
            continue  # "a cité le dirigeant qui a fait l'éloge de « ... »": the relative's report
        if _names_a_work(ctx, lead, inside[0]):
            return None
        if c.deprel in ("obj", "xcomp", "obl:arg", "ccomp", "advcl") and all(x.upos in ("DET", "ADP", "PUNCT") or x.text.lower() in ("à", "de", "d'") for x in lead):
            # The object is the quotation with its determiner and what follows the
            # closing mark ("un « moment de faiblesse »", "« ... » de ces policiers"):
            # direct when nothing stands outside the marks, mixed otherwise.
            q = inside[0]
            dets = [x for x in lead if x.upos == "DET"]
            tail = ctx.text[q.close_end: end]
            relative = _relative_end(sent, c, q.close_end) if _OBJECT_RELATIVE.match(tail) else None
            if _OBJECT_RELATIVE.match(tail) and len(inside) == 1:
                end = relative or q.close_end
            elif relative is not None and all(x.open_start < relative for x in inside[1:]):
                # "dénonce « une purge » qui va « vider les services »": the relative, marks and all
                end = max([relative] + [x.close_end for x in inside])
            elif not regex.match(r"[ \u00a0\u202f]*\p{Ll}", tail) or len(inside) > 1 and c.feat("VerbForm") != "Inf":
                end = q.close_end  # ", tel que cité par ...", another quotation: not the object's
                # (an infinitive in marks keeps its object: "a dit « regretter » ces actes « isolés »")
            return (dets[0].start if dets else q.open_start), _and_relative(ctx, sent, max(end, q.close_end))
        if lemma in g.noun_object or lemma in g.prepositional_object or lemma in g.predicative:
            return None  # "a ordonné la saisie des usines « ... »": the whole object, that rule's
        if lead and lead[-1].upos == "NOUN" and not ctx.text[lead[-1].end: inside[0].open_start].strip():
            q = inside[0]
            if _LOWER_START.match(ctx.text, q.start) and q.close_end >= end - 1:
                return start, q.close_end  # "des contrôles « systématiques »": the noun with what it is called
            return q.open_start, q.close_end  # "les airs « Le Temps des cerises »": the quotation names it
        if lemma in g.phrases:
            # "a fait l'éloge de X": the report is X, after the phrase's own words.
            last = g.phrases[lemma].words[-1].replace("’", "'").split("'")[-1].lower()
            words = [x for x in sent.subtree(c.id) if x.start >= w.end]
            cut = next((k for k, x in enumerate(words) if x.text.replace("’", "'").lower().endswith(last)), None)
            if cut is not None:
                rest = words[cut + 1:]
                while rest and rest[0].text.lower() in ("de", "d'", "d’", "du", "des"):
                    rest = rest[1:]
                if rest:
                    return rest[0].start, end
            case = [x for x in sent.children(c.id) if x.deprel == "case"]
            return (case[0].end if case else start), end
        first = next((x for x in sent.words if x.start >= start), None)
        if first is not None and first.feat("VerbForm") == "Inf":
            start = with_own_negation(sent, w, start)  # "assure n'avoir « aucun regret »"
        return start, end
    return None
