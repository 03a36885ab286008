"""A parse repair of the verb cues' sentences: a verb and its inverted subject clitic that
the tokenizer left as one word ("répond-elle", where it parts "dit-elle" and "répond-il").
The grammar stage found the cue's verb form at the word's start; the word becomes that
verb and, after it, the clitic its subject, as the tokenizer gives them elsewhere.  A step
of repairs.py, kept apart as the one repair that changes how many words a sentence has."""

from __future__ import annotations

import attrs
import regex

from .model import CueMatch
from .parsing import Sentence, Word

_CLITIC = regex.compile(r"-(?:t-)?(il|elle|ils|elles|on)")
_FEATS = {"il": "Gender=Masc|Number=Sing", "elle": "Gender=Fem|Number=Sing", "ils": "Gender=Masc|Number=Plur",
          "elles": "Gender=Fem|Number=Plur", "on": "Number=Sing"}


def part_glued_clitics(sent: Sentence, cues: dict[int, CueMatch]) -> Sentence:
    for w in sent.words:
        cue = cues.get(w.start)
        if cue is None or not w.start < cue.end < w.end:
            continue
        glued = _CLITIC.fullmatch(w.text, cue.end - w.start)
        if glued is None:
            continue
        verb = attrs.evolve(w, text=w.text[: cue.end - w.start], lemma=cue.lemma, upos="VERB",
                            feats="Mood=Ind|Person=3|VerbForm=Fin", end=cue.end)
        clitic = Word(w.id + 1, w.text[cue.end - w.start:], glued.group(1), "PRON",
                      f"{_FEATS[glued.group(1)]}|Person=3|PronType=Prs", w.id, "nsubj", cue.end, w.end)
        moved = [attrs.evolve(x, id=x.id + (x.id > w.id), head=x.head + (x.head > w.id)) for x in sent.words]
        words = moved[: w.id - 1] + [verb, clitic] + moved[w.id:]
        return part_glued_clitics(attrs.evolve(sent, words=tuple(words)), cues)
    return sent
