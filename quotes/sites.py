"""The words at an attribution site, reshaped before a speaker is looked for: the
inverted clitic after a euphonic t ("ajoute-t-il"), a prepositional phrase of
circumstance that stands where the subject should ("Elle a sur ce point affirmé"), a
day or a stress pronoun after the speaker ("a rectifié son cabinet vendredi"), an
apposition after a description ("un habitant, retraité de 70 ans")."""

from __future__ import annotations

from typing import Optional

import regex

from .attribution import Mention
from .grammar import Grammar
from .tokens import clitic


def adverbial(mention: Mention, g: Grammar) -> bool:
    """A prepositional phrase of circumstance ("à cet égard", "de son côté"), not one
    that names someone ("pour l'économiste", "au ministère")."""
    head = mention.head
    lemma = head.lemma.lower()
    if head.deprel == "obl:agent":
        return False  # "mis en cause par la presse": a passive's agent is its speaker
    if any(w.text.lower() == "auprès" and w.end <= head.start <= w.end + 12 for w in mention.sentence.words):
        return False  # "a-t-on appris auprès du parquet": whom one learns from names someone
    return head.upos == "NOUN" and head.deprel.startswith("obl") and head.text[:1].islower() and lemma not in g.titles \
        and lemma not in g.organisations and lemma not in g.media and lemma not in g.documents \
        and lemma + "s" not in g.groups and head.text.lower() not in g.groups


def euphonic(text: str, mention: Optional[Mention], grammar: Grammar) -> Optional[Mention]:
    """"ajoute-t-il" split as "-t" "-il": the euphonic t is no subject, the pronoun after it is."""
    if mention is None or clitic(mention.head.text) != "t":
        return mention
    after = next((w for w in mention.sentence.words if w.start >= mention.head.end), None)
    if after is None or clitic(after.text) not in grammar.pronouns:
        return mention
    start = after.start + (1 if after.text.startswith("-") else 0)
    return Mention(start, after.end, text[start:after.end], after, (after,), mention.sentence)


def out_of_phrase(text: str, mention: Mention) -> Optional[Mention]:
    """"Elle a sur ce point affirmé que": a prepositional phrase is never the speaker; the
    subject of the verb it hangs on is (None when that verb has none)."""
    sent, head = mention.sentence, mention.head
    if not any(c.deprel == "case" and c.start < head.start for c in sent.children(head.id)) or not head.head:
        return mention
    subject = next((c for c in sent.children(head.head) if c.deprel in ("nsubj", "nsubj:pass")), None)
    if subject is None or subject.id == head.id:
        return None
    words = tuple(w for w in sent.subtree(subject.id) if w.deprel not in ("acl:relcl", "punct") or w.id == subject.id)
    words = words if words and words[0].start <= subject.start else (subject,)
    start, end = words[0].start, words[-1].end
    return Mention(start, end, text[start:end], subject, words, sent)


_EMPHATIC = frozenset({"lui", "elle", "eux", "elles"})


# Past participles of reaching someone for a statement: "joints par téléphone", "contactée par X".
_REACHED = ("joint", "contacté", "interrogé", "interviewé", "questionné", "sondé")


def without_tail(text: str, mention: Optional[Mention], grammar: Grammar) -> Optional[Mention]:
    """The mention without what the parse hung after its head that names nobody: a day
    (", a rectifié son cabinet vendredi"), a stress pronoun ("Le buteur, lui, savourait")
    or the outlet spoken to, named by its kind ("un proche du parti au magazine")."""
    if mention is None:
        return None
    words = list(mention.words)
    days: set[int] = set()
    while len(words) > 1 and words[-1].start >= mention.head.end and (
            words[-1].text in grammar.time_words or words[-1].upos == "PUNCT" or words[-1].head in days
            or words[-1].text.lower() in _EMPHATIC and words[-2].text == ","):  # "Le buteur, lui, savourait"
        if words[-1].text in grammar.time_words:  # lower case: "le quotidien Le Soir" is a name
            days.add(words[-1].id)
        words.pop()
    # "des agents de santé joints par téléphone": how the reporter reached them is no part of who they are
    reached = next((w for w in words if w.start > mention.head.end and w.deprel.startswith("acl")
                    and w.text.lower().startswith(_REACHED)), None)
    if reached is not None and len(words) > 1:
        words = [w for w in words if w.start < reached.start]
    # "confie un cadre du parti au magazine": the outlet spoken to, by its kind
    if len(words) > 2 and words[-1].start > mention.head.end and words[-1].lemma.lower() in grammar.media \
            and words[-1].feat("Number") != "Plur":  # not an office's domain: "le délégué aux médias"
        lead = [w.text.lower() for w in words[-3:-1]]
        if lead[-1] in ("au", "aux"):
            words = words[:-2]
        elif lead[0] == "à" and lead[1] in ("le", "la", "les", "l'", "l’") and len(words) > 3:
            words = words[:-3]  # "au" cut into "à le"
    return mention.keeping(text, words)


# A comma and a lower-case word after a description open its apposition ("un habitant,
# retraité de 70 ans", "les aides-soignantes de l'Ehpad, à Moulins"); one before "et"
# lists members ("l'Ukraine, la Corée du Sud et plusieurs pays").
_APPOSITION = regex.compile(r",\s+(?=\p{Ll})(?![^,]*\bet\b)")


_BRACKET = regex.compile(r"\s*\([^()]*\)?")
# what goes on with the name after its bracket: "(SDIS) du Var", "(FDSEA) de l'Aveyron"
_GOES_ON = regex.compile(r"\s+(?:de|du|des)\s|\s+d['’]")


def without_bracket(description: str) -> str:
    """A description without its first bracket, and without what follows it unless that is
    the name's "de" complement."""
    m = _BRACKET.search(description)
    if m is None:
        return description
    rest = description[m.end():]
    return description[: m.start()] + (rest if _GOES_ON.match(rest) else "")


def without_apposition(description: str) -> str:
    return _APPOSITION.split(description, maxsplit=1)[0]
