"""Parse repair of a compound tense parted by an aside: "Le syndicat a, de son côté, annoncé
la suspension du mouvement".  The parser may make the aside's noun ("côté") the root, with
the auxiliary and the subject hung on it and the participle as its modifier, so the cue
has neither subject nor auxiliary.  A step of repairs.py."""

from __future__ import annotations

import attrs

from .model import CueMatch
from .parsing import Sentence, Word

_AUXILIARIES = frozenset({"avoir", "être"})


def participles_after_asides(sent: Sentence, cues: dict[int, CueMatch]) -> list[Word]:
    """A cue's participle right after an aside between commas that follows an auxiliary
    ("a, de son côté, annoncé") heads the clause where the parse made a word of the aside
    its head: the auxiliary, the subject and what else hung on that word outside the aside
    hang on the participle, and the aside hangs on it as a modifier."""
    words = list(sent.words)
    for w in sent.words:
        if w.start not in cues or w.upos != "VERB" or w.feat("VerbForm") != "Part":
            continue
        aside = _aside_before(sent, w)
        if aside is None:
            continue
        aux, inside = aside
        head = sent.word(aux.head) if aux.head else None
        if head is None or head.id not in inside or any(c.deprel.startswith("aux") for c in sent.children(w.id)):
            continue
        if w.id in {a.id for a in sent.ancestors(head.id)}:
            continue
        words[w.id - 1] = attrs.evolve(w, head=head.head, deprel=head.deprel)
        words[head.id - 1] = attrs.evolve(head, head=w.id, deprel="obl:mod" if head.upos in ("NOUN", "PROPN", "PRON") else "advmod")
        for c in sent.children(head.id):
            if c.id not in inside and c.id != w.id:
                words[c.id - 1] = attrs.evolve(c, head=w.id)
    return words


def _aside_before(sent: Sentence, w: Word) -> tuple[Word, set[int]] | None:
    """The auxiliary and the ids of the aside's words when `w` follows "AUX , aside ,"."""
    k = w.id - 1
    if k < 4 or sent.words[k - 1].text != ",":
        return None
    for j in range(k - 2, 0, -1):
        if sent.words[j].text == ",":
            aux = sent.words[j - 1]
            if aux.upos == "AUX" and aux.lemma.lower() in _AUXILIARIES and j + 1 < k - 1:
                return aux, {x.id for x in sent.words[j + 1:k - 1]}
            return None
    return None
