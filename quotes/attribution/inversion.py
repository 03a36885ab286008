"""The subject after an inverted cue verb: in an incise ("», a déclaré mardi la ministre")
or a postposed cue, French puts the subject after the verb, past adverbs, time words and
the phrase saying to whom or where it was said."""

from __future__ import annotations

from typing import Optional, Sequence

from ..grammar import Grammar
from ..parsing import Sentence, Word
from ..tokens import QUE_FORMS


def subject_after(g: Grammar, sent: Sentence, w: Word, phrase_words: Sequence[str] = ()) -> Optional[Word]:
    """The noun phrase right after an inverted cue verb ("..., a déclaré mardi à l'AFP la
    ministre"): past the cue's own phrase words, adverbs, time words between commas and
    prepositional phrases; None at a verb, a conjunction or the clause's end."""
    words = sent.words
    k = w.id  # the word after w (ids are 1-based)
    for word in phrase_words:
        if k < len(words) and words[k].text.lower() == word.lower():
            k += 1  # "..., a fait savoir la mairie": the phrase's own words
    floor = 0  # a name cut off a prepositional phrase keeps to itself
    while k < len(words):
        x = words[k]
        low = x.lemma.lower()
        if x.text == ",":
            j = _set_off_phrase(g, words, k)
            if j is not None:
                k = j
                continue
        if x.upos == "PUNCT" or x.upos in ("VERB", "AUX", "SCONJ", "CCONJ") or low in QUE_FORMS:
            return None
        if x.upos == "ADP" and x.text.lower() == "en" and k + 1 < len(words) and words[k + 1].feat("VerbForm") == "Part" \
                and words[k + 1].feat("Tense") == "Pres":
            k += 2  # "ajoute en riant sa femme": a gerund, not the phrase the parse hung the subject on
            continue
        if x.upos == "ADP":
            k = _past(g, sent, x)  # "à l'AFP", "devant la presse", "dans un communiqué"
            floor = words[k].start if k < len(words) else floor
            continue
        if x.upos == "ADJ" and k > 0 and words[k - 1].upos == "DET" and words[k - 1].head == x.id:
            # "reconnaît un proche de l'exécutif": an adjective with its own article is the
            # noun, even a time word's ("a déclaré ce dernier")
            return x
        if x.upos in ("ADV", "NUM") or (low in g.time_words or x.text.lower() in g.time_words) and not x.text[:1].isupper():
            k += 1  # a capitalised time word after the verb is a name: "rapporte Le Soir", "Le Matin"
            continue
        if x.upos in ("DET", "ADJ"):
            k += 1
            continue
        if x.upos in ("NOUN", "PROPN", "PRON"):
            while x.head and x.deprel in ("flat:name", "flat", "compound", "fixed") and sent.word(x.head).start >= floor:
                x = sent.word(x.head)
            return _named_after(g, sent, x) or x
        return None
    return None


def _named_after(g: Grammar, sent: Sentence, noun: Word) -> Optional[Word]:
    """"a confié son ami, le chanteur Marc Dulac.": a person's noun whose name the sentence
    ends with after a comma (perhaps with a title of its own) is that person, even where
    the parse made the two phrases object and subject."""
    if noun.upos != "NOUN" or not (noun.lemma.lower() in g.titles or g.person_noun(noun.lemma, noun.text)):
        return None
    words = sent.words
    phrase = {x.id for x in sent.subtree(noun.id)}
    k = max(phrase)  # the index of the word after the phrase (ids are 1-based)
    if k >= len(words) or words[k].text != "," or any(x.id in phrase for x in words[k:]):
        return None
    k += 1
    while k < len(words) and words[k].upos in ("DET", "NOUN", "ADJ") and words[k].text[:1].islower():
        k += 1
    if k >= len(words) or words[k].upos != "PROPN":
        return None
    name = words[k]
    while k < len(words) and (words[k].upos == "PROPN" or words[k].deprel == "flat:name"):
        k += 1
    if k < len(words) and words[k].text not in (".", "!", "?", ";", "…"):
        return None
    while name.head and name.deprel in ("flat:name", "flat") and sent.word(name.head).upos == "PROPN":
        name = sent.word(name.head)
    return name


def _set_off_phrase(g: Grammar, words: Sequence[Word], comma: int) -> Optional[int]:
    """The index after what stands between the comma at `comma` and the next one, when an
    inverted subject may come after it: time words (", hier,", ", ce matin,"), or a
    prepositional or adverbial phrase with no verb, conjunction or other punctuation, a word
    following it (", lors d'une conférence de presse,", ", devant les députés,"); else None."""
    j = comma + 1
    while j < len(words) and (words[j].upos in ("ADV", "DET") or words[j].lemma.lower() in g.time_words
                              or words[j].text.lower() in g.time_words):
        j += 1
    if j > comma + 1 and j < len(words) and words[j].text == ",":
        return j + 1
    k = comma + 1
    if k >= len(words) or words[k].upos not in ("ADP", "ADV"):
        return None
    while k < len(words) and words[k].text != ",":
        if words[k].upos in ("PUNCT", "VERB", "AUX", "SCONJ", "CCONJ", "PRON"):
            return None
        k += 1
    return k + 1 if k + 1 < len(words) and words[k + 1].upos != "PUNCT" else None


def _past(g: Grammar, sent: Sentence, prep: Word) -> int:
    """The index after a prepositional phrase: its noun's subtree, contiguous after it.
    A name right after the phrase's noun, with no preposition of its own, is the subject
    the parser hung on it: "à l'AFP Anne Morel", "sur RTL Paul Girard", "sans détour
    Anne Morel" (not "à l'agence Reuters": an outlet noun takes its name); so is a noun
    with its article and no preposition, there or further in the phrase ("dans l'hémicycle
    la présidente", "au micro de Radio Nord une habitante")."""
    head = sent.word(prep.head) if prep.head and prep.deprel in ("case", "fixed") else None
    if head is None or head.start < prep.start:
        return prep.id
    after = sent.words[head.id] if head.id < len(sent.words) else None
    if after is not None and after.upos == "PROPN" and after.head == head.id and after.deprel in ("flat:name", "flat", "nmod", "appos") \
            and (head.text in g.outlets or head.upos == "NOUN" and head.text.islower() and head.lemma.lower() not in g.media
                 and head.lemma.lower() not in g.organisations and head.lemma.lower() not in g.titles):
        return head.id
    end = max(x.id for x in sent.subtree(head.id) if x.start >= prep.start)
    for x in sent.words[head.id:end]:
        # "dans l'hémicycle la présidente du groupe", "au micro de Radio Nord une habitante":
        # a noun with its article and no preposition of its own starts a new phrase
        noun = sent.word(x.head) if x.upos == "DET" and x.head else None
        if noun is not None and noun.upos == "NOUN" and noun.start > x.start and sent.words[x.id - 2].text != "," \
                and not any(c.deprel == "case" for c in sent.children(noun.id)):
            return x.id - 1
    return end
