"""Parse repairs of a cue verb's object that the parser hung on the phrase before it:
"a demandé à la banque régionale, la BAD, un prêt" (the addressee's conjunct), "a annoncé
sur les réseaux sociaux la fin de sa carrière" (a noun of the prepositional phrase).  Steps
of repairs.py."""

from __future__ import annotations

import attrs

from .grammar import Grammar
from .misread import QUANTITIES
from .model import CueMatch
from .parsing import Sentence, Word
from .tokens import CLOSING_MARKS, OPENING_MARKS


def objects_after_addressees(sent: Sentence, cues: dict[int, CueMatch]) -> list[Word]:
    """"a demandé à la banque régionale, la BAD, un prêt": a noun phrase with neither
    preposition nor conjunction after the addressee, which the parser made its conjunct, is
    the object of a cue verb that has none."""
    words = list(sent.words)
    for w in sent.words:
        cue = cues.get(w.start)
        if cue is None or w.upos != "VERB" or any(c.deprel == "obj" for c in sent.children(w.id)):
            continue
        for to in sent.children(w.id):
            if not to.deprel.startswith("obl") or to.start < w.end or not any(
                    m.deprel == "case" and m.lemma.lower() == "à" for m in sent.children(to.id)):
                continue
            for d in sent.children(to.id):
                if d.deprel == "conj" and d.upos in ("NOUN", "PROPN") and not any(
                        m.deprel in ("cc", "case") for m in sent.children(d.id)):
                    words[d.id - 1] = attrs.evolve(d, head=w.id, deprel="obj")
                    return words
    return words


# Quotation marks may open the object: "a réclamé au passage « plus de moyens »".
_MARKS = OPENING_MARKS | CLOSING_MARKS


def _bare_cue_verbs(sent: Sentence, cues: dict[int, CueMatch], lemmas: frozenset[str]) -> list[Word]:
    """The cue verbs of those lemmas that have no object, clause or infinitive of their own."""
    return [w for w in sent.words if w.start in cues and w.upos == "VERB" and cues[w.start].lemma in lemmas
            and not any(c.deprel in ("obj", "ccomp", "xcomp") for c in sent.children(w.id))]


def _phrases_after(sent: Sentence, cues: dict[int, CueMatch], lemmas: frozenset[str]):
    """(verb, phrase): the prepositional phrases after each bare cue verb of those lemmas."""
    for w in _bare_cue_verbs(sent, cues, lemmas):
        for to in sent.children(w.id):
            if to.deprel.startswith("obl") and to.start >= w.end and any(m.deprel == "case" for m in sent.children(to.id)):
                yield w, to


def quantities_as_objects(sent: Sentence, cues: dict[int, CueMatch], grammar: Grammar) -> list[Word]:
    """"exigent davantage de personnel", "réclame plus de moyens": the parse hung the noun on
    the adverb of quantity, and the adverb on the verb; the noun is the object of a cue verb
    that takes one and has none."""
    words = list(sent.words)
    for w in _bare_cue_verbs(sent, cues, grammar.noun_object):
        for d in sent.children(w.id):
            if d.start > w.end and _noun_phrase(sent, d) and d.upos == "ADV":
                return _quantity_object(sent, words, w, d)
    return words


def infinitives_after_phrases(sent: Sentence, cues: dict[int, CueMatch], grammar: Grammar) -> list[Word]:
    """"affirme au contraire avoir respecté la loi", "assure pour sa part ne rien savoir": an
    infinitive with no "de" or "à" of its own, which the parser hung on the phrase between
    it and a cue verb that takes one, is that verb's complement."""
    words = list(sent.words)
    for w in _bare_cue_verbs(sent, cues, grammar.infinitive):
        for to in sent.children(w.id):
            if not to.deprel.startswith("obl") or to.start < w.end or to.lemma.lower() in ("côté", "part"):
                continue  # "de son côté", "pour sa part": asides the infinitive rule reads past
            for d in sent.children(to.id):
                if d.deprel == "acl" and d.start > to.end and sent.infinitive(d.id) and not any(
                        m.deprel == "mark" for m in sent.children(d.id)):
                    words[d.id - 1] = attrs.evolve(d, head=w.id, deprel="xcomp")
                    return words
    return words


def articles_read_as_contractions(sent: Sentence, cues: dict[int, CueMatch], grammar: Grammar) -> list[Word]:
    """"ont dénoncé dans un communiqué des salaires indignes", "a annoncé sur son site des
    fermetures": "des" after the noun of a prepositional phrase was read as "de les", the
    noun after it as that noun's complement; with a cue verb that states or announces and
    has no object, it is the plural article and the noun the verb's object.  Not when the
    noun is who wrote or said it ("dans un communiqué des syndicats") or a time."""
    words = list(sent.words)
    for w, to in _phrases_after(sent, cues, grammar.noun_object):
        if _reported_by(sent, to, grammar.prepositional_object.get(cues[w.start].lemma, ())):
            continue  # "plaide pour une hausse des salaires": the phrase is what is pleaded for, "des" its complement's
        for d in sent.children(to.id):
            kids = sent.children(d.id)
            de = next((c for c in kids if c.deprel == "case" and c.lemma.lower() == "de"), None)
            les = next((c for c in kids if c.deprel == "det" and de is not None and (c.start, c.end) == (de.start, de.end)), None)
            if les is None or d.deprel != "nmod" or d.upos != "NOUN" or d.start < to.end or _speaks(grammar, d) \
                    or d.lemma.lower() in grammar.time_words \
                    or any(x.upos == "PUNCT" and x.text not in _MARKS for x in sent.words if to.start < x.start < d.start):
                continue
            words[d.id - 1] = attrs.evolve(d, head=w.id, deprel="obj")
            words[de.id - 1] = attrs.evolve(de, upos="DET", deprel="det")
            return words
    return words


def _reported_by(sent: Sentence, phrase: Word, prepositions: tuple[str, ...]) -> bool:
    """Does the phrase open with a preposition whose object the cue reports ("plaider pour",
    "mettre en garde contre", "se prononcer en faveur de")?"""
    case = [m for m in sent.children(phrase.id) if m.deprel == "case"]
    if not prepositions or not case:
        return False
    first = min(m.start for m in case)
    lead = [x.text.lower().replace("’", "'") for x in sent.words if first <= x.start < phrase.start]
    said = " ".join("de" if x == "d'" else x for x in lead) + " "
    return any(said.startswith(p + " ") for p in prepositions)


def _speaks(grammar: Grammar, noun: Word) -> bool:
    low = noun.lemma.lower()
    return grammar.person_noun(low, noun.text) or low in grammar.titles or low in grammar.organisations


def _quantity_object(sent: Sentence, words: list[Word], verb: Word, adverb: Word) -> list[Word]:
    """The noun after the quantity becomes the verb's object, the quantity says how much of it."""
    kids = sent.children(adverb.id)
    noun = next(c for c in kids if c.start > adverb.end and c.upos in ("NOUN", "PROPN"))
    words[noun.id - 1] = attrs.evolve(noun, head=verb.id, deprel="obj")
    words[adverb.id - 1] = attrs.evolve(adverb, head=noun.id, deprel="advmod")
    for c in kids:
        if c.upos == "PUNCT":
            words[c.id - 1] = attrs.evolve(c, head=noun.id)
    return words


def _quantity_before(sent: Sentence, noun: Word):
    """"plus de moyens": the adverb of quantity before the noun's "de", wherever the parse hung it."""
    case = next((c for c in sent.children(noun.id) if c.deprel == "case" and c.lemma.lower() == "de"), None)
    before = [x for x in sent.words if case is not None and x.end <= case.start]
    return before[-1] if before and before[-1].upos == "ADV" and before[-1].lemma.lower() in QUANTITIES else None


def _noun_phrase(sent: Sentence, d: Word) -> bool:
    """A noun with its own determiner, or a quantity of something ("plus de moyens")."""
    kids = sent.children(d.id)
    if d.upos == "NOUN":
        return any(c.deprel == "det" for c in kids) or _quantity_before(sent, d) is not None
    return d.upos == "ADV" and d.lemma.lower() in QUANTITIES and any(
        c.start > d.end and c.upos in ("NOUN", "PROPN") and any(m.deprel == "case" and m.lemma.lower() == "de" for m in sent.children(c.id))
        for c in kids)


def objects_after_phrases(sent: Sentence, cues: dict[int, CueMatch], grammar: Grammar) -> list[Word]:
    """"a annoncé sur les réseaux sociaux la fin de sa carrière", "a réclamé au passage « plus
    de moyens »": a noun with its own determiner (or a quantity) and no preposition, which
    the parser hung on the prepositional phrase before it, is the object of a cue verb that
    states or announces and has none (not a time: "a déclaré devant le tribunal la semaine
    dernière")."""
    words = list(sent.words)
    for w, to in _phrases_after(sent, cues, grammar.noun_object):
        for d in sent.subtree(to.id):
            kids = sent.children(d.id)
            quantity = _quantity_before(sent, d) if d.upos == "NOUN" else None
            if d.start > to.start and _noun_phrase(sent, d) and d.deprel in ("nmod", "conj") \
                    and not any(c.deprel == "cc" or c.deprel == "case" and quantity is None for c in kids) and d.lemma.lower() not in grammar.time_words \
                    and not any(x.upos == "PUNCT" and x.text not in _MARKS for x in sent.words if to.start < x.start < d.start):
                if d.upos == "ADV":
                    return _quantity_object(sent, words, w, d)
                words[d.id - 1] = attrs.evolve(d, head=w.id, deprel="obj")
                if quantity is not None:
                    words[quantity.id - 1] = attrs.evolve(quantity, head=d.id, deprel="advmod")
                return words
    return words
