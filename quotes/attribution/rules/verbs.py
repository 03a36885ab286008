"""What the rules on a cue verb share: the gate by the verb's frame, the loop over
a sentence's cue verbs, and the checks on the verb's subject, the slot after it
and the phrases adjoined to its object."""

from __future__ import annotations

from typing import Optional

import regex

from ...parsing import Sentence, Word
from ...tokens import CLOSING_MARKS, OPENING_MARKS, QUE_FORMS, REFERRING_BACK, unprefixed
from ..context import Context, UnitView

# Prepositions of time: their phrase after an object says when the report holds.
_WHEN = frozenset({"avant", "après", "depuis", "pendant", "lors", "dès", "durant"})
_THROUGHOUT = regex.compile(r"(?:tout\s+(?:au|le)\s+long|au\s+cours|à\s+l['’]issue|au\s+terme|au\s+lendemain|à\s+la\s+veille)\b", regex.IGNORECASE)
# Plural nouns of people by their ending, where no list names them: "les occupants", "les
# paroissiens", "les frontaliers", "les signataires" (not "-eurs": "les indicateurs confirment").
_PEOPLE_ENDING = regex.compile(r"(?:ants|antes|iens|iennes|iers|ières|istes|aires)$")


def framed(frame: str):
    """Gate: a verb cue of one of the grammar's frames, in a unit that can report."""
    def gate(u: UnitView) -> bool:
        return not u.headline and any(c.kind == "verb" and c.lemma in getattr(u.grammar, frame) for c in u.cues)
    return gate


def verb_rule(ctx: Context, name: str, content) -> None:
    """Runs `content(ctx, sent, verb, lemma)` on every cue verb of the parsed
    sentences; each span it gives is an event of rule `name`."""
    for index, sent in ctx.sentences():
        for w, lemma in ctx.cue_verbs(sent):
            span = content(ctx, sent, w, lemma)
            if span is not None:
                ctx.verb_event(name, index, sent, w, lemma, span)


def in_object_slot(ctx: Context, sent: Sentence, w: Word) -> bool:
    """Is the word after the cue no complement of it?  In an incise ("», confirme le
    professeur X") it is the subject; after a relative object ("ce que réfutent X",
    "qu'elle souhaite organiser") the slot is taken; a participle naming a noun ("un
    riverain préférant garder l'anonymat") describes, it does not report."""
    gerund = w.feat("VerbForm") == "Part" and w.feat("Tense") == "Pres" and not w.deprel.startswith("acl")
    if not gerund and ctx.syntax.incise_comma(sent, w) is not None and not any(
            c.deprel in ("nsubj", "nsubj:pass") and c.start < w.start for c in sent.children(w.id)):
        return True
    if regex.search(r"[»”\"][ \u00a0\u202f]*,?[ \u00a0\u202f]*$", ctx.text[max(0, w.start - 4): w.start]):
        return True
    if ctx.syntax.cue_lemma(sent, w) not in ctx.grammar.object_infinitive and any(
            c.upos == "PRON" and c.deprel in ("obj", "iobj") and c.start < w.start and c.lemma.lower() not in ("se", "soi")
            for c in sent.children(w.id)):
        return True  # "comme le révélait X", "qu'il le confirme"; "l'accuse de" names whom, not what
    return w.deprel.startswith("acl") and w.text.lower().endswith("ant")




def can_speak(ctx: Context, subject: Optional[Word], sent: Optional[Sentence] = None) -> bool:
    """A name, a pronoun, or a noun of a person, a group, an organisation or a document
    that speaks for its author, or any noun with a name in apposition ("la judokate Chloé
    X"); an abstract noun does not state or deny."""
    if subject is None:
        return True  # the speaker is found later (an incise, a pronoun's antecedent)
    if subject.upos in ("PROPN", "PRON") or subject.text[:1].isupper():
        return True
    g = ctx.grammar
    if subject.lemma.lower() in REFERRING_BACK:
        return True  # "Ce dernier a dénoncé", "la seconde dément": someone named before
    if sent is not None and any(_apposed(sent, c) and (c.upos == "PROPN" or c.upos == "NOUN" and can_speak(ctx, c))
                                for c in sent.children(subject.id)):
        return True  # "l'exploitant, la société X,": what the apposition says it is
    for low, text in ((subject.lemma.lower(), subject.text.lower()), (unprefixed(subject.lemma), unprefixed(subject.text))):
        if (low in g.titles or low in g.organisations or low in g.documents or low in g.media or low in g.story_roles
                or text in g.groups or low in g.groups or low in g.speaking_nouns
                or low + "s" in g.groups or text + "s" in g.groups):  # one of a group: "le suspect"
            return True
    return subject.upos == "NOUN" and subject.feat("Number") == "Plur" and bool(_PEOPLE_ENDING.search(subject.text.lower()))


def _apposed(sent: Sentence, c: Word) -> bool:
    """An apposition, or one the parse took for a conjunct: set off by a comma, no "et"."""
    if c.deprel == "appos":
        return True
    if c.deprel != "conj" or any(x.deprel == "cc" for x in sent.children(c.id)):
        return False
    k = c.id - 2
    if k > 0 and sent.words[k].upos == "DET":
        k -= 1
    return k > 0 and sent.words[k].text == ","


_OF = frozenset({"de", "d'", "d’", "des", "du"})


# "„ ... “" closes with the mark that opens elsewhere
_CLOSING = CLOSING_MARKS | {"“"}


def adjoined(ctx: Context, sent: Sentence, w: Word, end: int) -> int:
    """The verb's phrases right after its object belong to what was said ("a mis en
    cause la direction pour la fermeture de l'usine"), unless a comma parts them or they
    say when ("en début d'après-midi") in the writer's words, not in quotation marks."""
    g = ctx.grammar
    for c in sorted(sent.children(w.id), key=lambda x: x.start):
        if c.start < end or ctx.syntax.cue_lemma(sent, c):
            continue
        words = sent.subtree(c.id)
        if c.deprel in ("xcomp", "obj") and not ctx.text[end: words[0].start].strip() and (
                words[0].text.lower() in _OF or c.deprel == "xcomp" and c.upos == "VERB" and c.feat("VerbForm") == "Part"):
            # the parse hung the object's complement on the verb: "toute intention | d'augmenter
            # la TVA", "un audit | des finances de la ville", "un cadeau | fait aux promoteurs"
            end = max(x.end for x in words)
            continue
        if c.deprel not in ("obl", "obl:mod", "obl:arg", "advcl"):
            continue
        lead = [x for x in words if x.upos not in ("ADP", "DET", "PUNCT")][:3]
        if words[0].text == ",":
            break  # "réclament un moratoire, tandis que la droite ...": the comma the phrase opens with parts them
        if ctx.text[end: words[0].start].strip():
            break
        if words[0].text in OPENING_MARKS and words[-1].text in _CLOSING:
            end = max(x.end for x in words)  # "a promis de rouvrir la piscine « avant l'été »": the speaker's own words
            continue
        if c.lemma.lower() in g.time_words or c.upos == "NUM" or any(
                x.lemma.lower() in g.time_words or x.upos == "NUM" and _dating(g, sent, x) and not _counted_for(sent, c) for x in lead):
            break  # "en début d'après-midi", "le 4 novembre": when, not what
        if words[0].feat("PronType") == "Rel" and not (words[0].lemma.lower() == "dont" and not any(
                x.upos in ("VERB", "AUX") for x in words)):
            break  # "... qui, selon lui, ...": a relative with a report of its own (not "dont un avec sursis")
        if any(m.deprel == "case" and m.lemma.lower() in _WHEN for m in sent.children(c.id)) \
                or _THROUGHOUT.match(ctx.text, words[0].start):
            break  # "avant les élections", "depuis mardi", "tout au long du procès": when, not what
        if c.lemma.lower() in g.manner and any(m.deprel == "case" and m.lemma.lower() in ("avec", "sans") for m in sent.children(c.id)):
            break  # "avec fermeté", "sans détour": how it was said, not what
        end = max(x.end for x in words)
    return end


_YEAR = regex.compile(r"^(?:1[89]|20)\d\d$")


def _dating(g, sent: Sentence, number: Word) -> bool:
    """Does a number date or time something ("le 4 novembre", "en 2026", "à 18 heures"),
    rather than count what was said ("sur 2 000 produits", "un prêt de 200 millions")?"""
    head = sent.word(number.head) if number.head else None
    return _YEAR.match(number.text) is not None or head is None or head.id == number.id \
        or head.lemma.lower() in g.time_words or head.upos == "NUM"


def _counted_for(sent: Sentence, c: Word) -> bool:
    """"la suspension pour six matches": "pour" and a counted noun say how much, not when."""
    return c.upos == "NOUN" and any(m.deprel == "case" and m.lemma.lower() == "pour" for m in sent.children(c.id))


def before_relative_report(ctx: Context, sent: Sentence, start: int, end: int) -> int:
    """"appelle la police à sévir contre les casseurs qu'il accuse de piller", "... les
    élus, qui affirment que ...": a relative clause inside the content whose verb is a
    cue reports for its own subject (a record of its own), so the content stops before it."""
    for verb in sent.words:
        if not (start < verb.start < end) or not ctx.syntax.cue_lemma(sent, verb):
            continue
        lead = [x for x in sent.subtree(verb.id) if x.feat("PronType") == "Rel" and start < x.start < verb.start
                ] if verb.deprel == "acl:relcl" else []
        lead = lead or relative_que(ctx, sent, verb, start)
        if not lead:
            continue
        cut = lead[0].start
        while cut > start and ctx.text[cut - 1] in " \u00a0,":
            cut -= 1
        return cut
    return end


def relative_que(ctx: Context, sent: Sentence, verb: Word, start: int) -> list[Word]:
    """"les dirigeants du collectif qu'il accuse de mentir": a verb that names whom it accuses
    or invites (an object and an infinitive) but has no object of its own takes the "que"
    right after a noun as that object, a relative pronoun, even where the parser read it
    as "que" opening a clause."""
    if ctx.syntax.cue_lemma(sent, verb) not in ctx.grammar.object_infinitive:
        return []
    children = sent.children(verb.id)
    if any(c.deprel == "obj" for c in children):
        return []
    que = [c for c in children if c.deprel == "mark" and c.text.lower() in QUE_FORMS and start < c.start < verb.start]
    before = sent.words[que[0].id - 2] if que and que[0].id >= 2 else None
    if before is None or before.upos not in ("NOUN", "PROPN") or ctx.text[before.end: que[0].start].strip():
        return []
    return que
