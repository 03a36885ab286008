"""Parse repairs of a cue verb's object that the parser hung on the phrase before it:
"a demandé à la banque régionale, la BAD, un prêt" (the addressee's conjunct), "a annoncé
sur les réseaux sociaux la fin de sa carrière" (a noun of the prepositional phrase).  Steps
of repairs.py."""

from __future__ import annotations

import attrs

from .grammar import Grammar
from .model import CueMatch
from .parsing import Sentence, Word


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


def objects_after_phrases(sent: Sentence, cues: dict[int, CueMatch], grammar: Grammar) -> list[Word]:
    """"a annoncé sur les réseaux sociaux la fin de sa carrière": a noun with its own
    determiner and no preposition, which the parser hung on the prepositional phrase before
    it, is the object of a cue verb that states or announces and has none (not a time:
    "a déclaré devant le tribunal la semaine dernière")."""
    words = list(sent.words)
    for w in sent.words:
        cue = cues.get(w.start)
        if cue is None or w.upos != "VERB" or cue.lemma not in grammar.noun_object or any(
                c.deprel in ("obj", "ccomp", "xcomp") for c in sent.children(w.id)):
            continue
        for to in sent.children(w.id):
            if not to.deprel.startswith("obl") or to.start < w.end or not any(m.deprel == "case" for m in sent.children(to.id)):
                continue
            for d in sent.subtree(to.id):
                kids = sent.children(d.id)
                if d.start > to.start and d.upos == "NOUN" and d.deprel in ("nmod", "conj") and any(c.deprel == "det" for c in kids) \
                        and not any(c.deprel in ("case", "cc") for c in kids) and d.lemma.lower() not in grammar.time_words \
                        and not any(x.upos == "PUNCT" for x in sent.words if to.start < x.start < d.start):
                    words[d.id - 1] = attrs.evolve(d, head=w.id, deprel="obj")
                    return words
    return words
