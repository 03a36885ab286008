"""Parse repair of a postposed cue whose subject the parser took from the clause before it:
"Les pilotes de la compagnie seront en grève lundi, a annoncé dimanche le syndicat".  The
parser made "pilotes" the subject of "annoncé" and "le syndicat" its object, so the report
had the wrong speaker and the speaker became its content.  A step of repairs.py."""

from __future__ import annotations

import attrs

from .model import CueMatch
from .parsing import Sentence, Word


def subjects_after_postposed_cues(sent: Sentence, cues: dict[int, CueMatch]) -> list[Word]:
    """A cue verb set after a comma that closes a clause with a predicate of its own, with a
    subject before that predicate and a noun phrase after the verb that ends the sentence:
    the noun phrase is the inverted subject, and the subject before is the clause's."""
    words = list(sent.words)
    for w in sent.words:
        if w.start not in cues or w.upos != "VERB":
            continue
        comma = _comma_before(sent, w)
        if comma is None:
            continue
        kids = sent.children(w.id)
        if any(c.deprel.startswith("aux") and c.start < comma.start for c in kids):
            continue  # "Les élus ont, eux, exigé ...": the verb's own clause, parted by an aside
        clause = sent.word(w.head) if w.head else next((c for c in kids if c.start < comma.start and _predicate(sent, c)), None)
        if clause is None or clause.start >= comma.start:
            continue
        subject = next((c for c in kids if c.deprel.startswith("nsubj") and c.start < comma.start), None)
        obj = next((c for c in reversed(kids) if c.deprel == "obj" and c.start > w.end and c.upos in ("NOUN", "PROPN")), None)
        if subject is None or obj is None or not _ends_sentence(sent, obj) \
                or any(c.deprel.startswith("nsubj") for c in sent.children(clause.id)):
            continue
        if not any(c.deprel == "det" for c in sent.children(obj.id)) and obj.upos != "PROPN":
            continue
        if max(x.end for x in sent.subtree(subject.id)) > clause.start:
            continue  # "C'est par ces mots que la présidente, X, a conclu": the subject's own apposition
        words[subject.id - 1] = attrs.evolve(subject, head=clause.id)
        words[obj.id - 1] = attrs.evolve(obj, deprel="nsubj")
    return words


def _predicate(sent: Sentence, word: Word) -> bool:
    """Is `word` a clause's predicate: a finite verb, or a word with a copula or an auxiliary?"""
    return word.upos in ("VERB", "AUX") and word.feat("VerbForm") == "Fin" or any(
        c.deprel in ("cop", "aux", "aux:tense", "aux:pass") for c in sent.children(word.id))


def _comma_before(sent: Sentence, w: Word) -> Word | None:
    """The comma right before the verb or its auxiliaries."""
    k = w.id - 2
    while k >= 0 and sent.words[k].upos == "AUX" and sent.words[k].head == w.id:
        k -= 1
    return sent.words[k] if k >= 0 and sent.words[k].text == "," else None


def _ends_sentence(sent: Sentence, word: Word) -> bool:
    """Is nothing but punctuation after the subtree of `word`?"""
    end = max(x.end for x in sent.subtree(word.id))
    return all(x.upos == "PUNCT" for x in sent.words if x.start >= end)
