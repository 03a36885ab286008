"""Rules for a cue that follows its content: "Les négociations reprendront lundi,
a précisé le ministre.", and a quotation split by its own cue: "« Je suis inquiet,
glisse-t-il. Tout peut arriver. »" (one record per part)."""

from __future__ import annotations

from typing import Optional

import attrs
import regex

from ...outletnames import listed_outlet_at
from ...parsing import Sentence, Word
from ..context import Context, UnitView
from ..events import Event, Mention, trim
from ..spans import kind_of, source_name
from ..syntax import REFLEXIVE_CLITICS
from . import rule

_BEFORE_CUE = regex.compile(r",[ \t\u00a0\u202f]*(?:[\w'’-]+[ \t\u00a0\u202f]+){0,2}$")
# "Un suspect a été placé en détention a indiqué le parquet": an auxiliary after a word,
# where a comma was lost, behind a clause with a verb of its own
_LOST_COMMA = regex.compile(r"[\w»”\")][ \t\u00a0\u202f]+(?:a|ont)[ \t\u00a0\u202f]+$")
_FINITE = regex.compile(r"\b(?:a|ont|est|sont|était|étaient|avait|avaient|sera|seront)\b")


def _lost_comma_before(u: UnitView, at: int) -> bool:
    aux = _LOST_COMMA.search(u.text, max(u.unit.start, at - 40), at)
    if aux is None:
        return False
    start = max(u.unit.start, *(u.text.rfind(c, 0, aux.start()) + 1 for c in ".!?"))
    return _FINITE.search(u.text, start, aux.start() + 1) is not None


def _comma_before_cue(u: UnitView) -> bool:
    return not u.headline and any(
        c.kind == "verb" and (_BEFORE_CUE.search(u.text, max(u.unit.start, c.start - 40), c.start)
                              or _lost_comma_before(u, c.start)) for c in u.cues)


def _after_colon(ctx: Context, start: int, end: int) -> int:
    """A colon before a quotation that runs to the incise: the quotation is the content,
    what stands before the colon introduces it ("À lire : « ... », a-t-il écrit")."""
    for q in ctx.quotes:
        if start < q.open_start < end and q.close_end >= end - 1 and ":" in ctx.text[start: q.open_start]:
            return ctx.text.rindex(":", start, q.open_start) + 1
    return start


def _incise_ends(sent: Sentence, after: int) -> bool:
    """Does the incise end after its subject, with at most a phrase of the verb's
    ("précise l'office dans un communiqué.")?  A verb there starts a new clause:
    "ces nations ont trouvé un terrain qui ..." is no incise."""
    for x in sent.words:
        if x.start < after:
            continue
        if x.upos == "PUNCT":
            return True
        if x.upos in ("VERB", "AUX") and x.feat("VerbForm") not in ("Inf", "Part"):
            return False  # a finite verb; "pour justifier ...", "en ajoutant ..." hang on the cue
    return True


def _lost_comma(sent: Sentence, w: Word) -> Optional[Word]:
    """"Le suspect a été placé en détention a indiqué le parquet": a cue in the compound
    past run on to the clause before it, with no conjunction, lost its comma; the
    auxiliary stands where the comma would."""
    if w.deprel != "conj" or not w.head or sent.word(w.head).start > w.start:
        return None
    kids = sent.children(w.id)
    aux = [c for c in kids if c.deprel == "aux:tense" and c.id == w.id - 1]
    if not aux or any(c.deprel == "cc" for c in kids):
        return None
    k = aux[0].id - 2
    while k >= 0 and sent.words[k].text.lower() in REFLEXIVE_CLITICS:
        k -= 1  # "« C'est fini ! » s'est écrié le maire": the clitic is the verb's, the mark before it ends the quotation
    return sent.words[k + 1] if k >= 0 and sent.words[k].upos != "PUNCT" else None


def _sentence_goes_on(sent: Sentence, after: int) -> bool:
    """Do words follow the incise's closing comma in its sentence?"""
    rest = [x for x in sent.words if x.start >= after]
    return len(rest) > 1 and rest[0].text == "," and any(x.upos != "PUNCT" for x in rest[1:])


def _inverted_clitic(text: str, sent: Sentence, w: Word, subject: Word) -> bool:
    """"a-t-il ajouté", "a-t-elle précisé": the subject pronoun glued to the auxiliary stands
    before the participle, yet after its verb."""
    return subject.upos == "PRON" and any(
        a.deprel.startswith("aux") and a.end <= subject.start and (text[a.end: subject.start] in ("-t-", "-", "‑t‑")
                                                                   or a.end == subject.start and subject.text[:1] in "-‑")
        for a in sent.children(w.id))  # the clitic cut off, or one token with its hyphens ("-t-elle")


def _subject_before(text: str, sent: Sentence, w: Word, comma: Word) -> bool:
    """Does the cue have its subject before it ("ces nations, souvent isolées, ont trouvé")?
    Not when a subject pronoun is glued after its auxiliary ("..., a-t-il précisé": the
    parse's other subject is a misreading), nor when a verb of its own stands between that
    noun and the comma, outside the noun's own relative clauses ("La situation est sous
    contrôle, a déclaré le préfet": the noun is the subject of "est")."""
    kids = sent.children(w.id)
    if any(c.deprel in ("nsubj", "nsubj:pass") and _inverted_clitic(text, sent, w, c) for c in kids):
        return False
    for c in kids:
        if c.deprel not in ("nsubj", "nsubj:pass") or c.start >= w.start:
            continue
        # the noun's own relative clauses ("Le maire, qui est arrivé hier, a déclaré"); a finite
        # verb the parse hung on it with no relative word is the noun's verb ("Les enquêteurs
        # privilégient la piste X, a indiqué le procureur")
        own = {x.id for d in sent.children(c.id) if d.deprel == "acl:relcl" or any(
            k.feat("PronType") == "Rel" for k in sent.children(d.id)) for x in sent.subtree(d.id)}
        if not any(x.upos in ("VERB", "AUX") and x.feat("VerbForm") == "Fin" and c.end <= x.start < comma.start and x.id not in own
                   for x in sent.words) and _set_off(sent, c, comma):
            return True
    return False


def _set_off(sent: Sentence, subject: Word, comma: Word) -> bool:
    """A lone comma never parts a subject from its verb: one before the verb closes what
    sets off the subject ("ces nations, souvent isolées, ont trouvé"), so another comma
    stands between them.  Without one, the parse took a clause whose verb it misread for a
    noun phrase ("La chaîne ferme dix magasins, rapporte Le Soir": "ferme" read as a noun)."""
    return any(x.text == "," for x in sent.words if subject.end <= x.start < comma.start)


def _holds_other_report(ctx: Context, start: int, end: int) -> bool:
    """Does a report made so far overlap the clause text[start:end], other than one nested in
    it ("Le suspect a reconnu les faits, indique une source": both are records)?"""
    return any(e.start < end and start < e.end and not _nested(e, start, end) for e in ctx.events) \
        or ctx.taken(start, end) and any(start <= q.open_start < end for q in ctx.quotes)


def _nested(e, start: int, end: int) -> bool:
    """Is the event a verb's object or infinitive that lies wholly, cue and speaker, inside
    text[start:end] ("Le suspect a reconnu les faits, indique une source")?  A que clause
    or a quotation there means the incise is no incise."""
    first = min([e.start, e.cue_start] + ([e.mention.start] if e.mention is not None else []))
    return e.rule in ("noun_object", "infinitive") and start <= first and max(e.end, e.cue_end) <= end


def _subject_for_nested(ctx: Context, sent: Sentence, w: Word, start: int, end: int) -> None:
    """"L'Union X a appelé à la grève, a rapporté l'agence Y": the parse may hang the clause's
    subject on the cue after it, leaving the clause's own report without one; that subject
    is its speaker."""
    subject = next((c for c in sent.children(w.id) if c.deprel in ("nsubj", "nsubj:pass") and start <= c.start < end), None)
    if subject is None:
        return
    for k, e in enumerate(ctx.events):
        if e.mention is None and _nested(e, start, end) and subject.start < e.cue_start:
            ctx.events[k] = attrs.evolve(e, mention=ctx.syntax.mention(sent, subject, ctx.text))


def _relayed_by_outlet(ctx: Context, mention: Mention, start: int, end: int) -> bool:
    """"Le maire a annoncé sa démission, rapporte Le Soir": a newspaper or an agency after
    the cue relays the report the clause holds with its own speaker; it is that report's
    cited source, not a speaker of its own ("Le suspect a reconnu les faits, indique une
    source": a source that is no outlet tells what it knows, two records)."""
    g = ctx.grammar
    named = source_name(mention, g.media)
    # the listed name as written, which the parse may cut ("Le Dauphiné | libéré")
    listed = listed_outlet_at(ctx.text, mention.start, g) or listed_outlet_at(ctx.text, mention.end - len(named), g)
    if listed is None and not (mention.head.lemma.lower() in g.media and named[:1].isupper()):
        return False
    nested = [k for k, e in enumerate(ctx.events) if _nested(e, start, end)]
    for k in nested:
        if ctx.events[k].cited_source is None:
            ctx.events[k] = attrs.evolve(ctx.events[k], cited_source=listed or named)
    return bool(nested)


@rule("postposed_cue", gate=_comma_before_cue)
def postposed_cue(ctx: Context) -> None:
    """"X, a précisé le ministre.": the clause before the comma, from the sentence start."""
    text = ctx.text
    for index, sent in ctx.sentences():
        for w, lemma in ctx.cue_verbs(sent):
            comma = ctx.syntax.incise_comma(sent, w) or _lost_comma(sent, w)
            if comma is None or _subject_before(text, sent, w, comma):
                continue  # "ces nations, souvent isolées, ont trouvé": the subject stands before
            subject = ctx.syntax.inverted_subject(sent, w)
            if subject is None:
                continue
            mention = ctx.syntax.mention(sent, subject, text)
            if not _incise_ends(sent, mention.end):
                continue
            start, end = trim(text, sent.start, comma.start)
            start = _after_colon(ctx, start, end)
            if len(text[start:end].split()) < 3:
                continue
            _subject_for_nested(ctx, sent, w, start, end)
            if _relayed_by_outlet(ctx, mention, start, end):
                ctx.claimed.add(w.start)
                continue
            if _holds_other_report(ctx, start, end):
                continue
            if _sentence_goes_on(sent, mention.end) and not any(
                    x.upos in ("VERB", "AUX") and start <= x.start < end for x in sent.words):
                continue  # "Dans un message, rapporte le journal, il écrivait ...": a phrase, not the report
            local = ctx.local_quotes(sent)
            kind, s, e, balanced = kind_of(text, start, end, local)
            if kind == "direct" or any(x.start < end and x.start != w.start and ctx.quoted_incise(sent, x)
                                       for x, _ in ctx.cue_verbs(sent)) \
                    or any(q.open_start < start and end <= q.close_end for q in ctx.quotes):
                # "« ... », a dit X", "« A », dit X « B », dit-il", and the last paragraph of a
                # quotation opened paragraphs before: the quotation rules'
                continue
            ctx.claimed.add(w.start)
            ctx.add(Event(s, e, kind, lemma, w.start, w.end, mention, index, balanced=balanced, rule="postposed_cue"))


@rule("interrupted_quote", gate=lambda u: bool(u.marks and u.cues))
def interrupted_quote(ctx: Context) -> None:
    """"« A, glisse-t-il. B »", "« A, a-t-il dit, B »": one record per part, each with
    the incise's cue and speaker."""
    text = ctx.text
    for q in list(ctx.free_quotes()):
        located = ctx.locate(q)
        if located is None:
            continue
        index = located[0]
        # "— A, a dit le capitaine.": a dialogue line may end with its incise
        dialogue = q.style == "dash"
        for sent in ctx.sentences_over(q.start, q.end):
            cut = _incise(ctx, sent, q.start, q.end, dialogue or not q.balanced)
            if cut is None:
                continue
            w, lemma, subject, left, right = cut
            mention = ctx.syntax.mention(sent, subject, text)
            parts = [trim(text, s, e) for s, e in ((q.start, left), (right, q.end))]
            if not q.balanced:
                # an unclosed mark runs on past the incise: only what stands before it is known
                # to be quoted, and only when the incise ends the run ("« A, a prévenu X.")
                if text[right: q.end].strip():
                    break
                parts = parts[:1]
            if dialogue:
                parts = [(s, e) for s, e in parts if e > s]
            if not parts or len(text[parts[0][0]:parts[0][1]].split()) < 2 or any(e <= s for s, e in parts):
                continue  # a second part may be one word: "« Nous ne céderons pas, a dit X. Jamais. »"
            for s, e in parts:
                if e - s >= 3:
                    ctx.add(Event(s, e, "direct", lemma, w.start, w.end, mention, index, balanced=q.balanced, rule="interrupted_quote"))
            break


_INCISE_OPENERS = frozenset({",", "?", "!", "…"})
_INCISE_END = regex.compile(r"[^,.;!?]*[,.;!?]")
# A short verbless apposition after the incise's name, up to a stop and a capital.
_APPOSED_TAIL = regex.compile(r"[^,.;:!?«»“”\"]{1,40}?[.;](?=[ \t\u00a0\u202f]+\p{Lu})")


def _apposed_to_end(ctx: Context, rest: str) -> bool:
    """A short description of a person, or an age, that ends the quotation after the incise."""
    rest = rest.strip().rstrip(".;")
    first = rest.split(" ", 1)[0].lower() if rest else ""
    return bool(rest) and len(rest.split()) <= 6 and not regex.search(r"[,;:!?«»“”\"]", rest) and (
        first in ctx.grammar.titles or ctx.grammar.person_word(first) or regex.match(r"\d+ ans\b", rest) is not None)


def _incise(ctx: Context, sent: Sentence, start: int, end: int, final: bool = False):
    """A cue inside the quotation between a comma and a comma or full stop, with its
    subject after it: the cue, its speaker and where the two parts end and start
    (`final`: the incise may end the quotation)."""
    syn, text = ctx.syntax, ctx.text
    for w in sent.words:
        if not (start < w.start < end):
            continue
        lemma = syn.cue_lemma(sent, w)
        if lemma is None:
            continue
        # "« Pourquoi ? demande-t-il. Personne ne sait »": the question ends the first part
        comma = syn.incise_comma(sent, w, _INCISE_OPENERS)
        subject = syn.inverted_subject(sent, w)
        if comma is None or subject is None or comma.start <= start:
            continue
        left = comma.start if comma.text == "," else comma.end
        # "« A, prévient X, économiste à la banque. B »": the speaker's apposition is the incise's
        tail = _phrase_end(sent, subject)
        after = _INCISE_END.match(text, tail)
        if after is None or after.end() >= end and not final:
            continue
        right = after.end()
        more = _APPOSED_TAIL.match(text, right) if after.group().endswith(",") else None
        if more is not None and more.end() < end and not any(
                x.upos in ("VERB", "AUX") and x.feat("VerbForm") == "Fin" and right <= x.start < more.end() for x in sent.words):
            right = more.end()  # "sourit X, 19 ans. Le ballon ...": the apposition ends the incise, not the quotation
        elif more is None and after.group().endswith(",") and subject.upos != "PRON" and _apposed_to_end(ctx, text[right:end]):
            right = end  # "— C'est fini, peste X, infirmière.": the line ends with the speaker's apposition
        if final and right < end and subject.upos != "PRON" and _verbless_tail(sent, text, right, end):
            # "— Pourquoi ? demande la présidente, Hélène Marchal.", "..., explique Lucien, 79 ans,
            # assis devant le café.": a dialogue line ends with the speaker's name or description
            right = end
        return w, lemma, subject, left, min(right, end)
    return None


def _verbless_tail(sent: Sentence, text: str, start: int, end: int) -> bool:
    """Is text[start:end] a few words with no finite verb and no mark, what is left of an incise?"""
    rest = text[start:end].strip().rstrip(".;…")
    return bool(rest) and len(rest.split()) <= 8 and not regex.search(r"[«»“”\"!?]", rest) and not any(
        x.upos in ("VERB", "AUX") and x.feat("VerbForm") == "Fin" for x in sent.words if start <= x.start < end)


def _phrase_end(sent: Sentence, subject) -> int:
    """Where the incise's subject phrase ends: its words that run on from it, with an
    apposition after its complement ("la directrice de l'Ehpad, Nathalie Roy"), up to the
    stop, whatever the parse hung on them after it."""
    own = {x.id for x in sent.subtree(subject.id)}
    end = subject.end
    for x in sent.words[subject.id:]:
        if x.id not in own or x.text in (".", "!", "?", "…", ";"):
            break
        if x.upos != "PUNCT":
            end = x.end
    return end


_COMME = regex.compile(r"\b(?:comme|ainsi[ \t\u00a0]+que?)[ \t\u00a0'’]+(?:[\w'’-]+[ \t\u00a0]+){0,3}$", regex.IGNORECASE)


def _opener(group: list) -> Optional[Word]:
    """The word that opens the incise: "comme", or "ainsi" of "ainsi que"."""
    for k in range(len(group) - 1, -1, -1):
        low = group[k].text.lower()
        if low == "comme":
            return group[k]
        if low in ("que", "qu'", "qu’") and k > 0 and group[k - 1].text.lower() == "ainsi":
            return group[k - 1]
    return None


def _comme_before_cue(u: UnitView) -> bool:
    return not u.headline and any(
        c.kind == "verb" and _COMME.search(u.text, max(u.unit.start, c.start - 30), c.start) for c in u.cues)


@rule("comme_incise", gate=_comme_before_cue)
def comme_incise(ctx: Context) -> None:
    """"Comme l'a révélé le quotidien X, CLAUSE." and "CLAUSE, comme l'a dit X." (or "ainsi
    que l'a rappelé X"): the clause the incise comments on."""
    text = ctx.text
    for index, sent in ctx.sentences():
        for w, lemma in ctx.cue_verbs(sent):
            group = [x for x in sent.words[max(0, w.id - 6): w.id - 1]]
            comme = _opener(group)
            if comme is None or any(x.upos in ("NOUN", "PROPN", "VERB") for x in group if x.start > comme.start):
                continue
            subject = ctx.syntax.inverted_subject(sent, w)
            if subject is None:
                continue
            mention = ctx.syntax.mention(sent, subject, text)
            after = regex.compile(r"[^,.;!?]*,").match(text, mention.end)
            lead = text[sent.start: comme.start].strip(" ,")
            marked = [q for q in ctx.local_quotes(sent) if q.open_start >= sent.start and 0 <= comme.start - q.close_end <= 3]
            if lead and marked:
                start, end = marked[-1].open_start, marked[-1].close_end  # "... une « X », comme l'a dit Y.": Y's words are X
            elif lead:
                start, end = trim(text, sent.start, comme.start)   # "CLAUSE, comme l'a dit X."
            elif after is not None:
                start, end = trim(text, after.end(), sent.end)      # "Comme l'a dit X, CLAUSE."
            else:
                continue
            if len(text[start:end].split()) < 3 or _holds_other_report(ctx, start, end):
                continue
            ctx.claimed.add(w.start)
            kind, s, e, balanced = kind_of(text, start, end, ctx.local_quotes(sent))
            ctx.add(Event(s, e, kind, lemma, w.start, w.end, mention, index, balanced=balanced, rule="comme_incise"))
