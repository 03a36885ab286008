"""What kind of subject a mention is, for the speakers stage: a second subject that
describes the first, a name the parser read as a common noun, a human group, one of a
group, a noun of an agent; whether a name in it is a complement's, one set after it by a
comma, or an outlet's edition.  Mixed into `speakers.Resolver`; it reads the grammar
(`self.g`), the entity table (`self.table`) and the text (`self.text`)."""

from __future__ import annotations

import regex

from .attribution import Mention
from .outletnames import listed_outlet_at
from .tokens import PLACE_NOUNS, masculine

# Endings of nouns of agents, which name persons: "un céréalier", "une aide-soignante",
# "une chroniqueuse", "la pharmacienne", "une militante", "le politologue", "un soudeur".
# Not the masculine "-ant", which names bodies as often ("l'exploitant"); the bodies in
# "-eur" are in the lists of bodies ("le transporteur") or below.
_AGENT_ENDING = regex.compile(r"(?:ier|ière|euse|trice|ien|ienne|iste|logue|ante|eur)$")
_NOT_AGENTS = frozenset({"régulateur", "législateur", "employeur", "secteur", "acquéreur", "repreneur", "organisateur",
                         "annonceur", "émetteur", "bailleur", "investisseur"})
# Nouns of things that go by a name set after them: "la ligne Paris-Granville", "le lycée Hoche".
_NAMED_THINGS = frozenset({"ligne", "rue", "avenue", "boulevard", "quartier", "ville", "village", "cité", "place", "gare",
                           "station", "route", "autoroute", "résidence", "club", "équipe", "stade", "salle", "maison", "centre"})
# A person's name set after a description by a comma, ending the clause: "nuance le crémier, Paul Roux."
_NAME_SET_AFTER = regex.compile(r"\s*,\s*(?P<name>\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)+)\s*(?:[.!?;,]|$)")
# A "de" complement after a noun: "de la ligne", "du lycée", "d'".
_COMPLEMENT_LEAD = regex.compile(r"^.*\b(?:de|du|des|d['’])(?:\s|$|(?<=['’]))", regex.IGNORECASE)


class SubjectKinds:
    def _second_subject(self, mention: Mention) -> bool:
        """"Le Modem, le parti centriste, a appelé ...": a subject right after another subject
        of the same verb and a comma describes it (the parser gave the verb two subjects); the
        one entity is the first's, and "il" after it stands for that name."""
        head = mention.head
        return head.deprel.startswith("nsubj") and any(
            w.head == head.head and w.deprel == head.deprel and w.end <= mention.start
            and self.text[w.end: mention.start].strip() == "," for w in mention.sentence.words)

    def _named_at(self, head) -> bool:
        """A capitalised head the parser took for a common noun ("Roman" of a first name
        opening a sentence) that starts a person's name in the table."""
        return head.text[:1].isupper() and any(e.type == "PER" and m.kind == "name" and m.start == head.start
                                               for e in self.table.entities for m in e.mentions)

    def _named_role(self, mention: Mention) -> bool:
        """A common noun with a person's name set after it ("la skieuse Manon Deschamps",
        "le vigneron Paul Roux"): whatever the role, the name is a person's."""
        head = mention.head
        return any(w.head == head.id and w.start > head.end and w.upos == "PROPN" and w.deprel in ("appos", "flat:name", "nmod")
                   and not any(c.deprel == "case" for c in mention.sentence.children(w.id))
                   and any(e.type == "PER" and m.kind == "name" and m.start == w.start for e in self.table.entities for m in e.mentions)
                   for w in mention.words)

    def _human_group(self, mention: Mention) -> bool:
        """A plural subject of people ("des chercheurs de ...", "les habitants"): an antecedent
        for "ils", "leur étude", "les auteurs"."""
        head = mention.head
        return head.feat("Number") == "Plur" and (head.lemma.lower() + "s" in self.g.groups or head.text.lower() in self.g.groups)

    def _one_of_group(self, mention: Mention) -> bool:
        """One of a human group ("le capitaine", "une habitante"): a person, an antecedent for
        "il" and "elle" as a title is."""
        head = mention.head
        lemma = head.lemma.lower()
        return head.feat("Number") == "Sing" and lemma not in self.g.singular_things and (
            lemma + "s" in self.g.groups or masculine(lemma) + "s" in self.g.groups)

    def _agent_noun(self, mention: Mention) -> bool:
        """A singular common noun of an agent, in no list of bodies ("un céréalier de Melle")."""
        head = mention.head
        low = head.text.lower()
        return head.upos == "NOUN" and head.text.islower() and head.feat("Number") != "Plur" \
            and bool(_AGENT_ENDING.search(low)) and low not in _NOT_AGENTS and not any(
                head.lemma.lower() in nouns for nouns in (self.g.organisations, self.g.firms, self.g.documents, self.g.media))

    def _complement_name(self, mention: Mention, chain: str) -> bool:
        """Is the name in a complement of a common noun of persons, which it does not name
        ("une usagère de la ligne Paris-Granville": she is no Paris-Granville)?"""
        head = mention.head
        at = self.text.find(chain, head.end, mention.end)
        between = self.text[head.end:at]
        if head.upos != "NOUN" or not head.text.islower() or at <= head.end or "," in between \
                or not _COMPLEMENT_LEAD.match(between):
            return False
        # the name is the complement's when the preposition or a noun of named things stands
        # right before it; after other words it is the person's own ("la championne de judo
        # Léa Morvan", "le sismologue de l'ENS Paul Garnier")
        words = regex.split(r"[\s'’]+", between.strip().lower())
        last, before = words[-1], words[-2] if len(words) > 1 else ""
        if last in ("de", "du", "des", "d"):
            return True
        # a determined noun: "de la ligne X", not "son collègue de parti X"
        return before in ("le", "la", "les", "l", "du", "des", "au", "aux") and (
            last in PLACE_NOUNS or last in _NAMED_THINGS
            or any(last in nouns for nouns in (self.g.organisations, self.g.firms, self.g.named_with)))

    def _named_after(self, mention: Mention):
        """The person whose name a comma sets after the mention ("nuance le crémier, Paul Roux.")."""
        m = _NAME_SET_AFTER.match(self.text, mention.end)
        return self.table.person(m.group("name")) if m is not None else None

    def _outlet_edition(self, mention: Mention) -> bool:
        """Does the mention follow a listed outlet's name, as its edition ("à France Bleu Breizh
        Izel"), whatever the parse made of its words?"""
        before = [w for w in mention.sentence.words if w.end <= mention.start][-4:]
        for w in before:
            name = listed_outlet_at(self.text, w.start, self.g)
            if name is not None and w.start + len(name) <= mention.start and not self.text[w.start + len(name):mention.start].strip():
                return True
        return False

