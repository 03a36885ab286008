"""Corrections of the parse that the grammar's cues allow.

The parser reads "L'opposition juge que la réforme est injuste" as a noun phrase
("the opposition judge") with a clause hung on it: "juge", "critique", "note",
"estime" are nouns as well as verb forms.  The grammar stage found a verb cue
there.  A cue form tagged as a noun or an adjective, with no article of its own
("l'annonce que ..." is a noun), right before "que" and after a noun phrase it
was hung on or that the parse already gives it as subject, is the verb of the
sentence: the noun phrase its subject, the clause its complement.
"""

from __future__ import annotations

import attrs

from .model import CueMatch
from .parsing import ParsedUnit, Sentence

_QUE = frozenset({"que", "qu'", "qu’"})


def verb_cues(units: list[ParsedUnit], cues: tuple[CueMatch, ...]) -> list[ParsedUnit]:
    """The units with each sentence's misread cue verbs read as verbs."""
    starts = {c.start: c for c in cues if c.kind == "verb"}
    if not starts:
        return units
    return [attrs.evolve(u, sentences=tuple(_sentence(s, starts) for s in u.sentences)) for u in units]


def _sentence(sent: Sentence, cues: dict[int, CueMatch]) -> Sentence:
    words = list(sent.words)
    for k in range(1, len(words) - 1):
        w, que = words[k], words[k + 1]
        cue = cues.get(w.start)
        if cue is None or cue.end != w.end or w.upos not in ("NOUN", "ADJ"):
            continue
        if que.text.lower() not in _QUE or que.deprel != "mark" or not que.head or que.head == w.id:
            continue
        if any(c.deprel == "det" for c in sent.children(w.id)):
            continue  # a noun with its own article: "l'annonce que le président démissionne"
        verb = attrs.evolve(w, upos="VERB", lemma=cue.lemma, feats="Mood=Ind|Person=3|VerbForm=Fin")
        if any(c.deprel.startswith("nsubj") and c.start < w.start for c in sent.children(w.id)):
            words[k] = verb  # the parse gave it a subject already: "Un sondage ..., juge que"
        else:
            holder = sent.word(w.head) if w.head else None
            if holder is None or holder.upos not in ("NOUN", "PROPN") or holder.start > w.start:
                continue
            # The verb takes the noun phrase's place in the tree; the noun phrase
            # becomes its subject.
            words[k] = attrs.evolve(verb, head=holder.head, deprel=holder.deprel)
            words[holder.id - 1] = attrs.evolve(words[holder.id - 1], head=w.id, deprel="nsubj")
            for j, x in enumerate(words):
                if x.head == holder.id and x.upos == "PUNCT" and x.start > w.start:
                    words[j] = attrs.evolve(x, head=w.id)
        words[que.head - 1] = attrs.evolve(words[que.head - 1], head=w.id, deprel="ccomp")
    return attrs.evolve(sent, words=tuple(words))
