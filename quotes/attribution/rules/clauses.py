"""Rules for a cue verb and its complement: a "que" clause, a noun with its clause,
and an object with its "de" infinitive (a quotation as object: quoted.py)."""

from __future__ import annotations

from typing import Optional

import regex

from ...parsing import Sentence, Word
from ...tokens import QUE_FORMS
from ..context import Context, UnitView
from ..spans import RELATIVE_LEAD, sentence_end, span_of
from ..syntax import PURPOSE
from . import rule
from .verbs import before_relative_report, framed, relative_que, verb_rule

QUE = QUE_FORMS
_QUE = regex.compile(r"\bqu(?:e\b|['’])", regex.IGNORECASE)
# "tel que", "ainsi que", "bien que": a "que" that opens no reported clause.
# So do the conjunctions "depuis que", "sans que", "avant que", "pour que", "dès que".
_NOT_CLAUSE = regex.compile(r"\b(?:tel(?:le)?s?|ainsi|même|alors|bien|parce|depuis|sans|avant|après|pour|dès|afin|pendant|tandis|lors)\s+$", regex.IGNORECASE)
# Between two quotations of one list: "« A », « B » ou encore « C »".
_NOT_CLAUSE_WORDS = ("tel", "ainsi", "même", "alors", "bien", "parce", "depuis", "sans", "avant", "après", "pour", "dès",
                     "afin", "pendant", "tandis", "lors")


# An indirect question after a question verb: "si" ("a demandé au témoin s'il ...") or a
# question word ("lui a demandé pourquoi il avait fui", "se demande comment payer").
_QUESTION = regex.compile(r"\b(?:s(?:i\b|['’](?=ils?\b))|pourquoi|comment|combien|quand|où|quel(?:le)?s?)\b", regex.IGNORECASE)
_QUESTION_WORDS = ("si", "s'", "s’", "pourquoi", "comment", "combien", "quand", "où", "quel", "quelle", "quels", "quelles")


def _que_after(u: UnitView) -> bool:
    """A verb cue with a "que" after it (a "si" after a question verb), in a unit that can report."""
    if u.headline:
        return False
    if any(c.kind == "verb" and c.lemma in u.grammar.questions and _QUESTION.search(u.text, c.end, u.unit.end) for c in u.cues):
        return True
    return any(c.kind == "verb" and any(not _NOT_CLAUSE.search(u.text, max(c.end, m.start() - 8), m.start())
                                       for m in _QUE.finditer(u.text, c.end, u.unit.end)) for c in u.cues)


def _trailing(ctx: Context, sent: Sentence, w: Word, end: int) -> int:
    """Dependents of the cue verb standing after the content ("... à ce stade") belong to it."""
    for c in sent.children(w.id):
        if c.start >= end and c.deprel not in ("punct", "parataxis", "conj", "cc") and not ctx.syntax.cue_lemma(sent, c):
            end = max(end, span_of(sent, c)[1])
    return end


@rule("que_clause", gate=_que_after)
def que_clause(ctx: Context) -> None:
    """"X a déclaré que ...": the clause after "que"."""
    verb_rule(ctx, "que_clause", _que_content)


# "... un moratoire pour qu'il n'y ait pas de fermeture": a purpose or cause clause glued to
# the content, without a comma, is part of it wherever the parser hung it.
_GLUED = regex.compile(r"[ \u00a0]+(?:pour|afin|parce)\s+qu(?:e\b|['’])", regex.IGNORECASE)
_THEN_MARK = regex.compile(r"[ \u00a0]+[«“]")
_AND_QUE = regex.compile(r"[\s\u00a0»”\"–—]*,?\s*(?:et|mais|ou)\s+qu(?:e\b|['’])", regex.IGNORECASE)


def _coordinated(ctx: Context, sent: Sentence, end: int) -> int:
    """"estime que A et que B" ("mais que B", "ou que B"): the second clause is the same report, wherever the
    parser attached it; so is a purpose or cause clause right after the content."""
    marked = _THEN_MARK.match(ctx.text, end)
    if marked:
        # "qu'il était prêt à partir « si on le lui demande »": marked words glued to the content
        q = next((q for q in ctx.quotes if q.open_start == marked.end() - 1), None)
        if q is not None and q.balanced:
            end = q.close_end
    m = _AND_QUE.match(ctx.text, end) or _GLUED.match(ctx.text, end)
    if m is None:
        return end
    que = next((x for x in sent.words if x.start >= m.end() - 3 and x.lemma.lower() in QUE), None)
    if que is None or not que.head:
        return end
    words = [x for x in sent.subtree(que.head) if x.upos != "PUNCT"]
    return max([end] + [x.end for x in words])


def _before_selon_relative(ctx: Context, start: int, end: int) -> int:
    """"... si la ville exige des tests, qui, selon X, coûtent cher": the relative is X's
    report, not part of this one."""
    for c in ctx.cues:
        if c.kind == "preposition" and start < c.start < end:
            m = RELATIVE_LEAD.search(ctx.text, max(start, c.start - 16), c.start)
            if m:
                return m.start()
    return end


def _relative_on_object(ctx: Context, sent: Sentence, w: Word, clause: Word, que: Word) -> bool:
    """"a critiqué la préfecture, qu'il accuse de ...": a verb has one direct object, so a
    "que" after a comma that closes its nominal object is the relative pronoun of that
    object (the object of the clause's verb, which has none of its own), whatever the
    parser made of it; the clause is not what the verb reports."""
    objects = [c for c in sent.children(w.id) if c.deprel == "obj" and c.upos in ("NOUN", "PROPN") and c.start < que.start]
    if not objects or any(c.deprel == "obj" for c in sent.children(clause.id)):
        return False
    return ctx.text[span_of(sent, objects[-1])[1]: que.start].strip() == ","


def _clause_after_addressee(ctx: Context, sent: Sentence, w: Word) -> Optional[tuple[Word, Word]]:
    """"a raconté à la radio locale qu'elle avait attendu des renforts": the words after the
    cue are its addressee ("à" or "aux" and a noun phrase), and the "que" after them opens
    the cue's completive wherever the parser hung it: as the relative object of a clause
    on the addressee whose verb has an object of its own (a verb has one), or as the clause
    of a word of the addressee's phrase that takes none ("au Dauphiné libéré que ...")."""
    after = [x for x in sent.words[w.id:] if x.upos != "PUNCT"]
    if len(after) < 3 or after[0].lemma.lower() != "à":
        return None
    for k, x in enumerate(after[1:], 1):
        if x.text.lower() in QUE:
            verb = sent.word(x.head) if x.head else None
            if verb is None or verb.upos != "VERB" or w.id not in {a.id for a in sent.ancestors(verb.id)}:
                return None
            if x.deprel == "obj" and any(c.deprel == "obj" and c.id != x.id for c in sent.children(verb.id)):
                return x, verb
            holder = sent.word(verb.head) if verb.head else None
            if x.deprel == "mark" and holder is not None and w.end <= holder.start < x.start and not ctx.syntax.cue_lemma(sent, holder):
                return x, verb
            return None
        if x.upos not in ("DET", "NOUN", "PROPN", "ADJ", "ADP") and x.feat("VerbForm") != "Part" or k > 8:
            return None
    return None


def _que_content(ctx: Context, sent: Sentence, w: Word, lemma: str) -> Optional[tuple[int, int]]:
    for c in sent.children(w.id):
        if c.start < w.end or c.deprel in ("nsubj", "nsubj:pass", "expl:subj", "punct"):
            continue
        marks = [m for m in sent.children(c.id) if m.deprel == "mark" and m.lemma.lower() in QUE and m.start < c.start + 1]
        if c.deprel in ("ccomp", "obj", "advcl", "xcomp", "conj", "acl") and marks:
            que = marks[0]
            before = sent.words[que.id - 2] if que.id >= 2 else None
            if before is not None and before.lemma.lower() in _NOT_CLAUSE_WORDS:
                continue
            if _relative_on_object(ctx, sent, w, c, que) or relative_que(ctx, sent, c, w.end):
                continue
            if c.deprel == "conj" and any(x.deprel == "cc" and x.start < que.start for x in sent.children(c.id)):
                continue  # "publié par X et que Y a consulté": coordinated with the verb, not its complement
            start, end = _own_span(ctx, sent, c)
            between = [x for x in sent.words if w.end <= x.start < que.start and x.upos != "PUNCT"]
            if between and between[0].text.lower() in QUE and len(between) > 1:
                que = between[0]  # "estimant que A et que B": the parser hung B on the verb, not A
            return que.end, _before_selon_relative(ctx, que.end, _coordinated(ctx, sent, _trailing(ctx, sent, w, end)))
    clause = _clause_after_addressee(ctx, sent, w)
    if clause is not None:
        que, verb = clause
        return que.end, _coordinated(ctx, sent, max(x.end for x in sent.subtree(verb.id) if x.upos != "PUNCT"))
    # "que" right after the verb, whatever the parser attached it to: "a déclaré aux
    # journalistes que", "a convenu à l'époque que".
    nxt = [x for x in sent.words[w.id: w.id + 7] if x.upos != "PUNCT"]
    aside = regex.match(r"[ \u00a0]*,[^,.;:«»\"]{3,60},[ \u00a0]*", ctx.text[w.end: w.end + 64])
    if aside:
        # "attendant, après avoir saisi la justice, que ...": an aside between verb and "que"
        after = [x for x in sent.words if x.start >= w.end + aside.end()][:1]
        if after and after[0].text.lower() in QUE:
            return after[0].end, sentence_end(sent)
    in_pp = False
    own = {x.lower() for x in ctx.grammar.phrases[lemma].words} if lemma in ctx.grammar.phrases else set()
    nxt = [x for x in nxt if x.text.lower() not in own]  # "fait valoir que": the phrase's own words
    for k, x in enumerate(nxt):
        if x.text.lower() in QUE:
            return x.end, sentence_end(sent)
        if x.text.lower() in _QUESTION_WORDS and lemma in ctx.grammar.questions:
            return x.start, sentence_end(sent)  # "a demandé au témoin s'il ...": the question, its "si" too
        if x.text.lower() in _NOT_CLAUSE_WORDS and k + 1 < len(nxt) and nxt[k + 1].text.lower() in QUE:
            return None  # "depuis que", "sans que": a conjunction; "pour sa part que" is not
        if x.lemma.lower() in ctx.grammar.content_nouns:
            return None  # "sa conviction que": the noun_clause rule's
        if x.upos in ("DET", "ADJ") or x.lemma.lower() in ctx.grammar.time_words:
            continue  # "a confirmé mardi que", whatever the parser made of the day
        if x.upos == "ADP" and not in_pp and k < 2:
            in_pp = True
            continue
        if in_pp and x.upos in ("NOUN", "PROPN", "NUM"):
            continue
        if x.upos not in ("ADV", "PRON", "AUX") and x.deprel not in ("advmod", "obl:mod"):
            break
    return None


@rule("noun_clause", gate=lambda u: _que_after(u) or framed("noun_clause")(u))
def noun_clause(ctx: Context) -> None:
    """"a exprimé sa conviction que ...", "sa volonté de ...": the noun's clause."""
    verb_rule(ctx, "noun_clause", _noun_content)


def _noun_content(ctx: Context, sent: Sentence, w: Word, lemma: str) -> Optional[tuple[int, int]]:
    g = ctx.grammar
    children = sent.children(w.id)
    nxt = [x for x in sent.words[w.id: w.id + 7] if x.upos != "PUNCT"]
    content_noun = False
    for x in nxt:
        if x.text.lower() in QUE:
            if content_noun:
                return x.end, sentence_end(sent)
            break
        if x.lemma.lower() in g.content_nouns and not content_noun:
            content_noun = True
            continue
        if x.upos in ("DET", "ADJ") and not content_noun:
            continue
        if x.upos not in ("ADV", "PRON", "AUX") and x.deprel not in ("advmod", "obl:mod"):
            break
    # the verb's object: its first, not a noun set after it by a comma ("a annoncé la
    # suppression de postes, une décision que les syndicats jugent « brutale »": a relative)
    first = next((c for c in children if c.deprel == "obj" and c.start > w.end and c.upos in ("NOUN", "PROPN")
                  and c.lemma.lower() not in g.time_words), None)
    for c in children:
        if c is first:
            for d in sent.children(c.id):
                marks = [m for m in sent.children(d.id) if m.deprel == "mark" and m.lemma.lower() in QUE]
                if marks and d.deprel in ("acl", "ccomp", "advcl"):
                    return span_of(sent, d, after=marks[0])
                if lemma in g.noun_clause and d.upos == "VERB" and d.deprel in ("acl", "nmod", "xcomp", "advcl"):
                    if any(m.lemma.lower() in ("de", "d'", "à") for m in sent.children(d.id) if m.deprel in ("mark", "case")):
                        return span_of(sent, c)
    if lemma in g.noun_clause:
        objs = [c for c in children if c.deprel == "obj" and c.start > w.end and c.upos == "NOUN"]
        infs = [c for c in children if c.deprel in ("xcomp", "advcl") and c.upos == "VERB" and objs and c.start > objs[0].start
                and any(m.lemma.lower() in ("de", "d'", "d’") for m in sent.children(c.id) if m.deprel == "mark")]
        if objs and infs:
            return min(x.start for x in sent.subtree(objs[0].id)), max(span_of(sent, i)[1] for i in infs)
    return None


@rule("object_infinitive", gate=framed("object_infinitive"))
def object_infinitive(ctx: Context) -> None:
    """"accuse la Corée du Nord d'avoir envoyé ...": the object with its infinitive."""
    verb_rule(ctx, "object_infinitive", _object_infinitive_content)


def _own_span(ctx: Context, sent: Sentence, root: Word) -> tuple[int, int]:
    """A constituent's span without a coordinated report hung under it by the parser
    ("accuse la direction de mentir ... et assuré que ...": the second is a report of its own)."""
    cut = {x.id for c in sent.words if c.deprel == "conj" and c.upos == "VERB" and ctx.syntax.cue_lemma(sent, c)
           and c.id != root.id and root.id in {a.id for a in sent.ancestors(c.id)} for x in sent.subtree(c.id)}
    words = [x for x in sent.subtree(root.id) if x.id not in cut and x.upos != "PUNCT" or x.id == root.id]
    cc = [x for x in words if x.upos == "CCONJ" and x.head in cut]
    words = [x for x in words if x not in cc]
    return min(x.start for x in words), max(x.end for x in words)


# "a remercié les bénévoles avant de rappeler que ...": an infinitive of time is no complement
_WHEN = frozenset({"avant", "après"})


def _object_infinitive_content(ctx: Context, sent: Sentence, w: Word, lemma: str) -> Optional[tuple[int, int]]:
    if lemma not in ctx.grammar.object_infinitive:
        return None
    children = sent.children(w.id)
    objs = [c for c in children if c.deprel == "obj" and c.start > w.end and c.lemma.lower() not in ctx.grammar.time_words]
    infs = [c for c in children if c.deprel in ("xcomp", "advcl", "obl", "ccomp", "acl") and c.upos == "VERB" and c.start > w.end
            and not any(m.deprel == "mark" and m.lemma.lower() in PURPOSE | _WHEN for m in sent.children(c.id))]
    if objs and infs:
        start = min(x.start for x in sent.subtree(objs[0].id))
        end = max(_own_span(ctx, sent, infs[-1])[1], _own_span(ctx, sent, objs[0])[1])
        return start, before_relative_report(ctx, sent, start, end)
    for o in objs:
        for d in sent.children(o.id):
            if d.upos == "VERB" and any(m.lemma.lower() in ("de", "d'") for m in sent.children(d.id)):
                return _own_span(ctx, sent, o)
    return None
