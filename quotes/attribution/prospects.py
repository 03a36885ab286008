"""Speech still to come: "annoncera jeudi sa liste", "va annoncer un plan", "s'il partait, il
annoncerait son successeur" report nothing yet: a preview of what someone will or would say
is no quote.  The tagger's tense features are not reliable for these forms, so the future
and the conditional are read off the verb's form and its lemma ("annonce-r-a",
"di-r-a", "soutiend-r-a").  With quotation marks in the sentence the words exist: the
narrative future of "« ... », dira-t-il plus tard" still reports."""

from __future__ import annotations

from ..parsing import Sentence, Word

# Endings after the future stem, of the persons a report can have a subject in.
_FUTURE = ("a", "ont", "as", "ai", "ons", "ez")
_CONDITIONAL = ("ait", "aient", "ais", "ions", "iez")
# Stems the lemma does not give by dropping its last letter or keeping it whole.
_IRREGULAR = {"faire": "fer", "voir": "verr", "savoir": "saur", "envoyer": "enverr", "pouvoir": "pourr",
              "vouloir": "voudr", "devoir": "devr", "aller": "ir", "être": "ser", "avoir": "aur"}
# "aller" + infinitive is the near future ("va annoncer"), except in a compound tense or the
# passé simple ("est allée dire au juge", "alla dire"), where the going took place.
_WENT = frozenset({"alla", "allèrent"})


def _stems(lemma: str) -> set[str]:
    if lemma in _IRREGULAR:
        return {_IRREGULAR[lemma]}
    if lemma.endswith("enir"):
        return {lemma[:-4] + "iendr"}         # "soutenir": "soutiendra"
    if lemma.endswith("re"):
        return {lemma[:-1]}                   # "dire": "dira", "répondre": "répondra"
    if not lemma.endswith(("er", "ir")):
        return set()
    stems = {lemma}
    if lemma.endswith(("eler", "eter")):
        stems.add(lemma[:-2] + lemma[-3] + "er")   # "rappeler": "rappellera"
    if len(lemma) > 4 and lemma[-4] == "é":
        stems.add(lemma[:-4] + "è" + lemma[-3:])    # "répéter": "répètera" beside "répétera"
    return stems


def _with_ending(w: Word, endings: tuple[str, ...]) -> bool:
    form, lemma = w.text.lower(), w.lemma.lower()
    return any(form == stem + ending for stem in _stems(lemma) for ending in endings)


def future(w: Word) -> bool:
    """A finite verb in the simple future: "annoncera", "diront", "préviendra"."""
    return w.upos in ("VERB", "AUX") and _with_ending(w, _FUTURE)


def _hypothetical(sent: Sentence, w: Word) -> bool:
    """A conditional whose condition the sentence states: "s'il partait, il annoncerait"."""
    if not _with_ending(w, _CONDITIONAL):
        return False
    return any(c.deprel.startswith("advcl") and any(m.deprel == "mark" and m.text.lower() in ("si", "s'", "s’")
                                                    for m in sent.children(c.id))
               for c in sent.children(w.id))


def _near_future(sent: Sentence, w: Word) -> bool:
    """"va annoncer", "allaient dévoiler"; not "va jusqu'à dire", "est allée dire"."""
    if w.feat("VerbForm") != "Inf" or not w.head:
        return False
    head = sent.word(w.head)
    if head.lemma.lower() != "aller" or head.text.lower() in _WENT or head.end > w.start:
        return False
    if any(c.deprel.startswith("aux") for c in sent.children(head.id)):
        return False
    between = [x.text.lower() for x in sent.words if head.end <= x.start and x.end <= w.start]
    return not any(x.startswith("jusqu") for x in between)


def yet_to_come(sent: Sentence, w: Word, marks_in_sentence: bool) -> bool:
    """Whether the cue verb `w` speaks of words not said yet, with no quotation in its sentence."""
    if marks_in_sentence:
        return False
    return future(w) or _hypothetical(sent, w) or _near_future(sent, w)
