"""Negated reports: "n'a pas dit que", "ne veut pas confirmer", "loin de condamner" report
nothing; "dit ne pas comprendre" reports the negated infinitive."""

from __future__ import annotations

from ..parsing import Sentence, Word

NEGATIONS = frozenset({"ne", "n'", "n’"})
# What follows "ne": "ne pas", "n'avoir rien", "ne jamais"
NEGATION_ADVERBS = frozenset({"pas", "plus", "jamais", "rien", "point", "guère"})
# The words of an infinitive's own negation: "ne pas", "n'avoir rien", "ne jamais".
INFINITIVE_NEGATION = NEGATIONS | NEGATION_ADVERBS
MODALS = frozenset({"pouvoir", "vouloir", "savoir", "devoir", "oser", "aller", "falloir"})
# Verbs a negation turns into an affirmation of the verb after them: "ne cesse de répéter",
# "ne manque pas de rappeler", "n'hésite pas à dénoncer", "n'a de cesse de dénoncer".
KEEPS_ON = frozenset({"cesser", "manquer", "hésiter", "cesse"})


def negated(sent: Sentence, w: Word) -> bool:
    """"n'a pas dit que", "ne veut pas confirmer", "n'était pas en mesure de
    confirmer", "loin de condamner": nothing was reported."""
    heads = [w] + [a for a in sent.ancestors(w.id)[:1] if w.deprel == "xcomp" and not _keeps_on(sent, a)]
    if any(c.text.lower() in NEGATIONS and not _before_infinitive(sent, h, c) for h in heads for c in sent.children(h.id)):
        return True
    if w.feat("VerbForm") != "Inf":
        return False
    before = [x.text.lower() for x in sent.words[max(0, w.id - 3): w.id - 1]]
    if before[-2:] in (["loin", "de"], ["loin", "d'"], ["loin", "d’"]):
        return True
    for a in sent.ancestors(w.id)[:2]:
        kids = sent.children(a.id)
        modal = a.lemma.lower() in MODALS or any(c.deprel == "cop" for c in kids)
        if modal and any(c.text.lower() in NEGATIONS for c in kids):
            return True
    return False


def _before_infinitive(sent: Sentence, verb: Word, neg: Word) -> bool:
    """"dit ne pas comprendre", "assure n'avoir rien reçu", "dit « ne rien attendre »": a
    negation after the verb, right before its infinitive, negates the infinitive (a verb's own
    "ne" comes before it or its auxiliary, whatever form the tagger gave it)."""
    if neg.start < verb.end:
        return False
    k = neg.id   # the word after the negation, past "pas", "plus", "jamais", "rien"
    while k < len(sent.words) and sent.words[k].text.lower() in NEGATION_ADVERBS:
        k += 1
    nxt = sent.words[k] if k < len(sent.words) else None
    return nxt is not None and (nxt.feat("VerbForm") == "Inf" or nxt.text.lower() in ("avoir", "être"))


def with_own_negation(sent: Sentence, verb: Word, start: int) -> int:
    """"dit ne pas comprendre", "assure n'avoir « rien reçu »": where an infinitive complement
    starting at `start` begins once its own negation, between the verb and it, is taken in."""
    before = [x for x in sent.words if verb.end <= x.start and x.end <= start]
    while before and before[-1].text.lower() in INFINITIVE_NEGATION:
        start = before.pop().start
    return start


def _keeps_on(sent: Sentence, verb: Word) -> bool:
    return verb.lemma.lower() in KEEPS_ON or any(
        c.lemma.lower() in KEEPS_ON and c.deprel in ("obj", "obl:arg", "obl") for c in sent.children(verb.id))
