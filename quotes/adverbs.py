"""A parse repair of the verb cues' sentences: a sentence adverb the tagger read as a verb
("Les syndicats réclament pourtant une hausse": "pourtant" a verb with the object hung on it,
so the cue had none).  It becomes an adverb of the verb it hangs on, and what hung on it hangs
on that verb.  A step of repairs.py."""

from __future__ import annotations

import attrs

from .parsing import Sentence, Word

# Adverbs that stand between a verb and its object in news prose.
_SENTENCE_ADVERBS = frozenset({"pourtant", "toutefois", "cependant", "néanmoins", "aussitôt", "également",
                               "désormais", "notamment", "surtout", "d'ailleurs", "alors", "aussi", "encore", "déjà"})


def adverbs_read_as_verbs(sent: Sentence) -> list[Word]:
    words = list(sent.words)
    for w in sent.words:
        if w.text.lower() not in _SENTENCE_ADVERBS or w.upos not in ("VERB", "AUX") or not w.head:
            continue
        words[w.id - 1] = attrs.evolve(w, upos="ADV", lemma=w.text.lower(), feats="", deprel="advmod")
        for c in sent.children(w.id):
            words[c.id - 1] = attrs.evolve(words[c.id - 1], head=w.head)
    return words
