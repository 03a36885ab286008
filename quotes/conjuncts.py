"""Parse repair of a reporting verb coordinated with the sentence's verb: "La préfète a
autorisé un tir de défense renforcée et promis « une aide »".  The parser hung "promis" on
the participle "renforcée", which qualifies a noun of the object, so the speaker became
"défense".  A step of repairs.py."""

from __future__ import annotations

import attrs

from .model import CueMatch
from .parsing import Sentence, Word


def participles_sharing_an_auxiliary(sent: Sentence, cues: dict[int, CueMatch]) -> list[Word]:
    """A cue's past participle with no auxiliary of its own, joined by "et" to a participle
    that qualifies a noun ("un tir de défense renforcée et promis"), is the conjunct of the
    verb with the auxiliary whose object holds that noun: "a autorisé ... et promis"."""
    words = list(sent.words)
    by_id = {w.id: w for w in sent.words}
    for w in sent.words:
        if w.start not in cues or w.upos != "VERB" or w.feat("VerbForm") != "Part" or w.deprel != "conj":
            continue
        kids = sent.children(w.id)
        if any(c.deprel.startswith("aux") for c in kids) or not any(c.deprel == "cc" and c.lemma.lower() == "et" for c in kids):
            continue
        qualifier = by_id.get(w.head)
        if qualifier is None or qualifier.deprel != "acl" or qualifier.feat("VerbForm") != "Part":
            continue
        verb = _verb_above(by_id, qualifier)
        if verb is not None and verb.end <= qualifier.start:
            words[w.id - 1] = attrs.evolve(w, head=verb.id)
    return words


def _verb_above(by_id: dict[int, Word], word: Word) -> Word | None:
    """The nearest past participle above `word` that has an auxiliary of "avoir", whose
    object (or its complement) `word` qualifies."""
    seen = set()
    node = by_id.get(word.head)
    while node is not None and node.id not in seen:
        seen.add(node.id)
        if node.upos == "VERB" and node.feat("VerbForm") == "Part" and any(
                c.head == node.id and c.deprel == "aux:tense" and c.lemma.lower() == "avoir" for c in by_id.values()):
            return node
        if node.upos == "VERB":
            return None  # another verb's clause: not the one the participle shares
        node = by_id.get(node.head)
    return None
