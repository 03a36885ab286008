"""Parse repairs of the verb cues' sentences for words the tagger gave the wrong part of
speech: a sentence adverb read as a verb ("Les syndicats réclament pourtant une hausse":
"pourtant" a verb with the object hung on it, so the cue had none) becomes an adverb of the
verb it hangs on, and what hung on it hangs on that verb; a rare infinitive read as a noun
("accuse le maire de brader le patrimoine") becomes the infinitive it is; "La première
estime que ...", an ordinal the parse hung elsewhere, is the subject of the verb after it;
"nie tout manquement", a noun in -ment read as an adverb after its quantifier, is the
verb's object; "Contacté, son avocat dément", the subject read as the fronted participle's
object, is the verb's subject.  Steps of repairs.py."""

from __future__ import annotations

import attrs

from .grammar import Grammar
from .model import CueMatch
from .parsing import Sentence, Word
from .tokens import REFERRING_BACK

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


_INFINITIVE_ENDINGS = ("er", "ir", "re")


def infinitives_read_as_nouns(sent: Sentence, cues: dict[int, CueMatch], grammar: Grammar) -> list[Word]:
    """"accuse le maire de brader le patrimoine": a rare infinitive the tagger took for a
    noun after "de".  A noun with an infinitive's ending, after a bare "de" and with no
    determiner of its own, right before a determiner whose noun comes after it, hung on a
    cue verb or on that verb's object: a noun does not take a bare noun phrase after it, an
    infinitive takes it as its object."""
    words = list(sent.words)
    for k in range(1, len(words) - 1):
        w, de, det = words[k], words[k - 1], words[k + 1]
        if w.upos != "NOUN" or not w.text.lower().endswith(_INFINITIVE_ENDINGS) or de.text.lower() not in ("de", "d'", "d’"):
            continue
        if de.head != w.id or det.deprel != "det" or any(c.deprel == "det" for c in sent.children(w.id)):
            continue
        obj = sent.word(det.head) if det.head else None
        if obj is None or obj.upos not in ("NOUN", "PROPN") or obj.start < w.end or obj.text.lower() in grammar.time_words:
            continue
        holder = sent.word(w.head) if w.head else None
        verb = holder if holder is not None and holder.start in cues else (
            sent.word(holder.head) if holder is not None and holder.deprel == "obj" and holder.head else None)
        if verb is None or verb.start not in cues or verb.upos != "VERB":
            continue
        words[k] = attrs.evolve(w, upos="VERB", lemma=w.text.lower(), feats="VerbForm=Inf",
                                deprel="xcomp" if holder is verb else "acl")
        words[k - 1] = attrs.evolve(de, deprel="mark")
        words[obj.id - 1] = attrs.evolve(words[obj.id - 1], head=w.id, deprel="obj")
    return words


# Words that open a noun phrase and that the tagger may read as adverbs ("tout").
QUANTIFIERS = frozenset({"tout", "toute", "tous", "toutes", "aucun", "aucune", "chaque", "plusieurs", "certains", "certaines"})


# Adverbs of quantity that head a noun phrase with "de": "plus de moyens", "moins d'impôts".
QUANTITIES = frozenset({"plus", "moins", "davantage", "beaucoup", "peu", "trop", "autant", "assez"})


def quantified_objects(sent: Sentence, cues: dict[int, CueMatch], grammar: Grammar) -> list[Word]:
    """"nie tout manquement", "conteste tout manquement à ses obligations": right after a
    cue verb whose noun object is the report and that has no object, a quantifier and the
    word after it, read as adverbs or adjectives of the verb or of each other (the tagger
    reads the nouns in -ment as adverbs), are a noun phrase: the quantifier its
    determiner, the word its noun and the verb's object."""
    words = list(sent.words)
    for k in range(len(words) - 2):
        verb, quantifier, noun = words[k], words[k + 1], words[k + 2]
        cue = cues.get(verb.start)
        if cue is None or verb.upos != "VERB" or cue.lemma not in grammar.noun_object or quantifier.text.lower() not in QUANTIFIERS:
            continue
        if quantifier.upos == "DET" or noun.upos not in ("ADV", "ADJ") or noun.head != verb.id or quantifier.head not in (verb.id, noun.id):
            continue
        if any(c.deprel in ("obj", "ccomp", "xcomp") for c in sent.children(verb.id)):
            continue
        words[k + 2] = attrs.evolve(noun, upos="NOUN", lemma=noun.text.lower(), feats="", deprel="obj")
        words[k + 1] = attrs.evolve(quantifier, upos="DET", head=noun.id, deprel="det")
        return words
    return words


def dates_read_as_objects(sent: Sentence, cues: dict[int, CueMatch], grammar: Grammar) -> list[Word]:
    """"a appelé mardi les enseignants à la grève", "a exhorté mardi Moscou à cesser le feu":
    a bare day right after a cue verb, read as its object, says when; the noun the parse hung
    on it is the object, and an object of the verb's own after it stays one."""
    words = list(sent.words)
    for d in sent.words:
        verb = sent.word(d.head) if d.head else None
        if verb is None or verb.start not in cues or verb.upos != "VERB" or d.deprel != "obj" or d.start < verb.end:
            continue
        if d.text.lower() not in grammar.time_words or any(c.deprel in ("det", "case", "nummod") for c in sent.children(d.id)):
            continue
        between = [x for x in sent.words if verb.end <= x.start < d.start]
        if any(x.upos != "ADV" for x in between):
            continue
        words[d.id - 1] = attrs.evolve(d, deprel="obl:mod")
        for c in sent.children(d.id):
            if c.start > d.end and c.deprel in ("nmod", "appos", "flat:name") and c.upos in ("NOUN", "PROPN"):
                words[c.id - 1] = attrs.evolve(c, head=verb.id, deprel="obj")
    return words


def subjects_after_fronted_participles(sent: Sentence, cues: dict[int, CueMatch]) -> list[Word]:
    """"Contacté, son avocat dément : ...", "Interrogée, la ministre a assuré que ...": a past
    participle set off by a comma before the clause says what was done to the subject; it
    has no object, so the noun phrase after the comma that the parse made its object is the
    subject of the cue verb it modifies, when that verb has none."""
    words = list(sent.words)
    for p in sent.words:
        if p.upos != "VERB" or p.feat("VerbForm") != "Part" or p.feat("Tense") != "Past" or p.deprel != "advcl" or not p.head:
            continue
        verb = sent.word(p.head)
        comma = next((w for w in sent.words if w.start > p.start and w.text == ","), None)
        if verb.start not in cues or verb.upos != "VERB" or comma is None or verb.start < comma.start \
                or any(c.deprel.startswith("nsubj") for c in sent.children(verb.id)):
            continue
        obj = next((c for c in sent.children(p.id) if c.deprel == "obj" and c.start > comma.start and c.upos in ("NOUN", "PROPN")), None)
        if obj is not None:
            words[obj.id - 1] = attrs.evolve(obj, head=verb.id, deprel="nsubj")
        return words
    return words


def appositions_read_as_subjects(sent: Sentence, cues: dict[int, CueMatch]) -> list[Word]:
    """"Interrogé par la rapporteure, Anne Morel, sur ce point, le ministre a assuré": a name
    between commas right after a noun, which the parse made a first subject of the cue verb
    besides the one that stands before it, names that noun (an apposition); the subject
    nearest the verb is its own."""
    words = list(sent.words)
    for verb in sent.words:
        subjects = [c for c in sent.children(verb.id) if c.deprel.startswith("nsubj") and c.start < verb.start]
        if verb.start not in cues or len(subjects) != 2 or subjects[0].upos != "PROPN" or subjects[1].upos not in ("NOUN", "PROPN"):
            continue
        name, own = subjects
        k = name.id - 1   # the name's index in words; the comma and the noun before it
        if k < 2 or words[k - 1].text != "," or words[k - 2].upos != "NOUN" or not any(
                c.deprel == "det" for c in sent.children(words[k - 2].id)):
            continue  # "organisée lundi, Alain Juppé, le maire ... s'est déclaré": no noun phrase to name
        between = [w for w in sent.words if name.end <= w.start < own.start and w.head != own.id]
        if not any(w.text == "," for w in between) or all(w.upos == "PUNCT" or w.head == name.id for w in between):
            continue  # "X, le maire de Y s'est déclaré": the second subject is the name's own apposition
        words[k] = attrs.evolve(name, head=words[k - 2].id, deprel="appos")
        return words
    return words


_ORDINALS = REFERRING_BACK | {"deuxième"}


def ordinals_as_subjects(sent: Sentence, cues: dict[int, CueMatch]) -> list[Word]:
    """"La première estime que", "Le second a jugé": an article and an ordinal opening the
    sentence, then a cue verb with no subject: the ordinal is that subject (it stands for one
    of the people named before)."""
    words = list(sent.words)
    if len(words) < 3 or words[0].text.lower() not in ("le", "la") or words[1].text.lower() not in _ORDINALS:
        return words
    verb = next((w for w in words[2:4] if w.upos in ("VERB", "AUX") and (w.start in cues or w.upos == "AUX")), None)
    if verb is not None and verb.upos == "AUX":
        verb = sent.word(verb.head) if verb.head else None
    if verb is None or verb.upos != "VERB" or verb.start not in cues or any(c.deprel.startswith("nsubj") for c in sent.children(verb.id)):
        return words
    ordinal = words[1]
    words[1] = attrs.evolve(ordinal, upos="NOUN", head=verb.id, deprel="nsubj")
    words[0] = attrs.evolve(words[0], head=ordinal.id, deprel="det")
    for c in sent.children(ordinal.id):
        if c.id != 1:
            words[c.id - 1] = attrs.evolve(words[c.id - 1], head=verb.id)
    return words
