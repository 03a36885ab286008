"""Speaker resolution: from the words at an attribution to one entity per document.

The document's entity table (entities.py) knows its names, acronyms, titles
and their holders; the resolver maps each attribution's mention onto it:

* names: the proper-noun chain the mention's head belongs to (an apposition's
  head wins: "Paul Girard, professeur à l'université de Lyon" is Paul Girard),
  expanded to the fullest form the document gives, spelling variants joined;
* acronyms go to their expansion when the document gives one;
* a title without a name ("la ministre des Finances") goes to the person the
  document gives that whole title phrase, else it stays a description;
* pronouns go to the most recent entity that agrees: "il"/"elle" a person or an
  organisation of that gender, "ils"/"elles" a group;
* document nouns ("la déclaration") and outlet nouns ("le média") speak for
  the organisation last named;
* types: PER / ORG / GPE / GROUP from the grammar's word lists and the parse.

The outlet a statement was made to ("a déclaré à l'AFP") is found by outlets.py;
titles (titles.py), documents and their authors (authors.py) and organisations
(organisations.py) are mixins of the resolver.
"""

from __future__ import annotations

from typing import Optional

import attrs
import regex

from .attribution import Event, Mention
from .authors import DocumentAuthors, Institutions
from .entities import Entity, EntityTable, is_acronym
from .grammar import Grammar
from .model import Speaker, Span
from .groupnames import GroupNames
from .namechains import NameChains
from .organisations import Organisations
from .outlets import past_outlet
from .sites import adverbial, euphonic, out_of_phrase, without_apposition, without_bracket, without_tail
from .subjects import SubjectKinds
from .tokens import GLUED_CLITIC, clitic, unprefixed
from .anaphors import Anaphors, story_role
from .titles import Holder, Lookup, TitleReference, _agrees, _vote

_DETERMINERS = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’"})
_GENDER = {"Masc": "m", "Fem": "f"}

# An organisation's noun, perhaps with an adjective, right before a name: "l'association étudiante ".
_BODY_BEFORE = regex.compile(r"(?:^|[\s'’])(\p{Ll}+)(?:\s+\p{Ll}+)?\s+$")
# Bodies called after the person who leads them: "le gouvernement Borne", "l'administration Biden".
_NAMED_AFTER_PEOPLE = frozenset({"gouvernement", "cabinet", "administration", "présidence", "direction", "service"})
_COMPLEMENT = regex.compile(r"\b(?:de|du|des|d['’])\s*$", regex.IGNORECASE)
_ON_OR_IN = regex.compile(r"(?<![\p{L}'’])(?:sur|dans)\s+$", regex.IGNORECASE)
# A name after a preposition is its complement ("Sur France Bleu, une infirmière ...",
# "Pour Paul Girard, le maire ..."): a place, an outlet or a point of view, not the
# person a description after it names.
_PREPOSITIONS = ("à", "au", "aux", "sur", "dans", "pour", "selon", "avec", "chez", "contre", "depuis", "par", "vers",
                 "en", "entre", "après", "avant", "pendant", "sous", "devant", "derrière", "d'après", "d’après")
_AFTER_PREPOSITION = regex.compile(r"(?<![\p{L}'’])(?:" + "|".join(_PREPOSITIONS) + r")\s+(?:l['’]\s*|la\s+|le\s+|les\s+)?$",
                                   regex.IGNORECASE)   # with its article: "Interrogé par l'AFP, un porte-parole ..."
_NAME_BEFORE = regex.compile(r"(?<![\p{L}\-])(?P<name>\p{Lu}[\p{L}’'\-]+(?:[ \u00a0]+\p{Lu}[\p{L}’'\-]+)*)"
                            r"\s*(?:\([^()]{0,60}\))?\s*,\s*$")
_RELATIVE_SUBJECT = regex.compile(r"[ \u00a0]*,?[ \u00a0]*(?:qui|lequel|laquelle|lesquels|lesquelles)\b", regex.IGNORECASE)


class Resolver(NameChains, GroupNames, TitleReference, Anaphors, DocumentAuthors, Institutions, Organisations, SubjectKinds):
    """Built once per document, over the document's entity table."""

    def __init__(self, text: str, grammar: Grammar, table: Optional[EntityTable] = None):
        self.g = grammar
        self.text = text
        self.table = table if table is not None else EntityTable(text, grammar)
        self.history: list[tuple[int, Entity]] = []    # resolved speakers by position
        self.lookups: list[Lookup] = []                 # antecedent searches made for speakers
        self._derived: dict[int, Optional[int]] = {}    # history entry -> entry it was resolved to
        self._found: Optional[Lookup] = None
        self._relatives: dict[int, int] = {}            # speaker "qui" at -> its sentence's start
        self.authored: list[tuple[int, Entity]] = []    # documents whose author the text named
        self.documents_at: dict[int, str] = {}           # a speaker that is a document -> its noun's gender
        self.given: list[Holder] = []                    # bare titles the text used for someone

    # ------------------------------------------------------------------ typing

    def _gender(self, mention: Mention) -> Optional[str]:
        """Gender from the head's own words: an honorific before the name, the head's
        determiner or adjective ("la ministre"), not any determiner in the mention."""
        head = mention.head
        words = list(mention.words)
        for k, w in enumerate(words):
            if w.text in self.g.honorifics and k + 1 < len(words) and (words[k + 1].id == head.id or w.head == head.id or words[k + 1].head == head.id):
                return self.g.honorifics[w.text]
        own = [w for w in words if w.head == head.id and w.upos in ("DET", "ADJ") and w.deprel in ("det", "amod") and w.feat("Gender")]
        if head.text.lower() in self.g.titles:
            # "la ministre" is a woman, "le ministre" may be either: an epicene title's
            # masculine says nothing; a marked form ("présidente", "le directeur") does.
            det = next((w.text.lower() for w in own if w.upos == "DET"), "")
            return self.table.title_gender(det, head.text.lower())
        if head.lemma.lower() in self.g.fixed_gender or head.text.lower() in self.g.fixed_gender:
            return None  # "une source", "le témoin": the noun's gender, not the person's
        return _GENDER.get(own[0].feat("Gender")) if own else None

    def _strip_det(self, mention: Mention) -> str:
        """The mention without its determiner, nor a bracket after it ("Fédération X (FX)") but
        for the complement that goes on after it ("Union X (UX) du Gard"), nor an apposition
        ("un porte-parole de la laiterie, propriétaire du site")."""
        return without_apposition(without_bracket(self._without_det(mention))) or mention.text

    def _without_det(self, mention: Mention) -> str:
        words = list(mention.words)
        # not a given name the tagger read as a determiner ("Claire Voisin")
        while words and (words[0].text.lower() in _DETERMINERS or words[0].upos in ("DET", "PUNCT")) \
                and words[0].text not in self.g.first_names:
            words.pop(0)
        if not words:
            return mention.text
        return self.text[words[0].start: mention.end]

    # ------------------------------------------------------------------ resolve

    def resolve(self, event: Event) -> Optional[Speaker]:
        mention = past_outlet(self.text, event.mention, event, self.g) if event.mention is not None else None
        mention = euphonic(self.text, mention, self.g)
        mention = without_tail(self.text, mention, self.g)
        if mention is not None and not any(p.lemma == event.cue for p in self.g.prepositions) and adverbial(mention, self.g) \
                and not _RELATIVE_SUBJECT.match(self.text, mention.end, event.cue_start):
            # not "selon la sociologue, qui a révélé que": the relative's antecedent is its subject
            mention = out_of_phrase(self.text, mention)
        if mention is None:
            return None
        # "Le club ne vendra pas ..., estime-t-il": the pronoun stands for someone named
        # before the words it reports, not for a subject inside them.
        entity = self._searched(mention, min(mention.start, event.start))
        if entity is None:
            return None
        self.history.append((mention.start, entity))
        low = clitic(mention.head.text)
        if low == "qui" or _in_relative(mention, event):
            self._relatives[mention.start] = mention.sentence.start
        self.table.mention(entity, mention.start, mention.end, "pronoun" if low in self.g.pronouns else "speaker")
        title = self._title_words(mention)
        # "poursuit-elle", "a-t-il": the pronoun, without the hyphens that glue it to its verb
        glued = len(mention.text) - len(clitic(mention.text)) if mention.text.startswith("-") else 0
        said = Span(mention.start + glued, mention.end, mention.text[glued:])
        return Speaker(entity.name, entity.type, said, title, entity.id)

    def finish(self, speakers: list[Optional[Speaker]]) -> list[Optional[Speaker]]:
        """The speakers with their entity's final name, gender and id: evidence later in the
        document counts, and ids follow the text, not the order of resolution."""
        entities = {e.id: e for e in self.table.entities}
        self.table.renumber()
        out = []
        for speaker in speakers:
            entity = entities.get(speaker.id) if speaker is not None else None
            if entity is None:
                out.append(speaker)
                continue
            # A person's gender; an organisation's grammatical gender stays in the table (it lets
            # "elle" find "l'association") and is not the speaker's.
            out.append(attrs.evolve(speaker, name=entity.name, id=entity.id, gender=entity.gender if entity.type == "PER" else None))
        return out

    def resolve_mention(self, mention: Mention) -> Optional[Entity]:
        return self._searched(mention)

    def _searched(self, mention: Mention, position: Optional[int] = None) -> Optional[Entity]:
        """Resolve a speaker's mention, keeping the antecedent searches it relied on; a
        pronoun's antecedent stands before `position` (the mention itself by default)."""
        self._found = None
        entity = self._resolve(mention, mention.start if position is None else position)
        lookup = self._found
        if lookup is not None:
            self._derived[mention.start] = lookup.found
        while lookup is not None:
            self.lookups.append(lookup)
            # An entry that was itself a pronoun relied on the search that resolved it.
            lookup = Lookup(lookup.found, self._derived[lookup.found]) if lookup.found in self._derived else None
        return entity

    def observe(self, mention: Mention) -> None:
        """A subject that is no speaker still makes its person the latest one mentioned."""
        mention = without_tail(self.text, mention, self.g)
        head = mention.head
        if head.upos == "PRON" and clitic(head.text) not in self.g.pronouns or not head.text[:1].isalpha() or GLUED_CLITIC.search(head.text):
            return  # nor a word glued to a quotation mark ("«L'") or a verb with its clitic ("Avez-vous"): misread words
        lemma = head.lemma.lower()
        if head.upos == "NOUN" and lemma not in self.g.titles and lemma not in self.g.organisations and head.text not in self.g.honorifics \
                and not self._named_at(head) and not self._named_role(mention) and not self._human_group(mention) \
                and not self._one_of_group(mention):
            return
        if lemma in self.g.documents or lemma in self.g.media or self._second_subject(mention) or self._outlet_edition(mention):
            return
        self._found = None
        # Which subjects are seen depends on which sentences were parsed (the gate parses
        # fewer): they may be antecedents, but a person's gender comes from speakers' own
        # words.  An organisation's is its noun's ("L'association"), seen either way.
        votes = {id(e): e.votes.copy() for e in self.table.entities if e.votes}  # the empty ones stay empty
        entity = self._resolve(mention, mention.start)
        for e in self.table.entities:
            if e.type == "PER" and (e.votes or id(e) in votes):
                e.votes = votes.get(id(e), e.votes.__class__())
        if entity is not None and entity.type == "PER" and not entity.votes and self._one_of_group(mention):
            _vote(entity, self._gender(mention))  # "le pompier", "la joueuse": the noun's own, as an organisation's
        if entity is not None and entity.type in ("PER", "ORG", "GROUP"):
            self.history.append((mention.start, entity))
            if self._found is not None:
                self._derived[mention.start] = self._found.found
        if entity is not None and entity.type == "GROUP":
            # "Le chef d'orchestre X et la soprano Y présentaient ... « ... », a-t-elle annoncé":
            # each named member is also someone "il" or "elle" may stand for.
            for chain in self._chains(mention):
                member = self.table.find(self.text[chain[0].start: chain[-1].end])
                if member is not None and member.type == "PER":
                    self.history.append((chain[0].start, member))

    def _title_words(self, mention: Mention) -> Optional[str]:
        titles = [w for w in mention.words if w.lemma.lower() in self.g.titles or w.text.lower() in self.g.titles]
        if not titles:
            return None
        start = titles[0].start
        chain = self._chain(mention)
        end = mention.end
        if chain:
            at = self.text.find(chain, start, mention.end)
            end = at if at > start else end
        return self.text[start:end].strip(" ,") or None

    def _resolve(self, mention: Mention, position: int) -> Optional[Entity]:
        head = mention.head
        low = clitic(head.text)
        lemma = head.lemma.lower()
        if low in ("celui-ci", "celle-ci"):  # the latter, as "ce dernier": the person named last, subject or not
            return self._latter(position, "m" if low == "celui-ci" else "f") or self._pronoun(position, self.g.pronouns.get(low, "m"))
        if low in self.g.pronouns:
            return self._pronoun(position, self.g.pronouns[low])
        if low == "qui":
            return self._relative(mention)
        if low == "on":
            return self._impersonal(mention)  # "ajoute-t-on à la direction", "À la mairie, on assure"
        if low in ("celle", "celui") and any(w.deprel == "acl:relcl" and w.head == head.id for w in mention.sentence.words):
            return self._latter(position, "f" if low == "celle" else "m")  # "celle qui l'accuse": the woman named last
        if head.upos == "PRON" and low in ("un", "une") and any(w.deprel == "nmod" and w.head == head.id for w in mention.words):
            return self._one_of_them(mention)
        if head.upos == "PRON":
            return None  # "je", "nous", "cela": no third person to look back for
        if lemma == "dernier" and mention.words[0].text.lower() in ("ce", "cette"):
            return self._latter(position, "f" if mention.words[0].text.lower() == "cette" else "m")
        if lemma in _ORDINALS and len(mention.words) == 2 and mention.words[0].text.lower() in ("le", "la"):
            return self._one_of_two(position, _ORDINALS[lemma])
        anaphor = self._bare_person(mention) or self._demonym(mention) or self._counterpart(mention) \
            or self._authors_anaphor(mention) or self._counted(mention) \
            or self._description_before(mention) or self._introduced(mention)
        if anaphor is not None:
            return anaphor
        chain = self._chain(mention)
        if (title := self._name_written_here(mention) or (self._called(mention) if lemma in self.g.media and chain else None)) is not None:
            entity = self._org(title)  # "l'hebdomadaire Le Courrier du Lot", "l'Agence France-Presse", "L'Est républicain"
            if entity.type == "ORG" and title not in self.g.outlets:
                self._article_gender(mention, entity)  # an institution's "elle"; an outlet quoted is no one's "il"
            return entity
        kind = self._type(mention, chain)
        # Coordinated roles ("vice-président et trésorier de l'association X", "X, sociologue et
        # autrice de ...") are one person; a noun with its own article or number ("le sénateur X
        # et la députée Y") or a name is another, and the whole is a group.
        upos = {w.id: w.upos for w in mention.words}
        conj = [w for w in mention.words if w.deprel == "conj" and w.upos in ("NOUN", "PROPN") and w.start > head.start
                and (w.upos == "PROPN" or self._determined(mention, w))
                and (w.head == head.id or upos.get(w.head) == "PROPN")
                and any(c.deprel == "cc" for c in mention.sentence.children(w.id))]  # a conjunct with no "et" is an apposition
        if conj:
            return self.table.entity(self._coordinated_name(mention), "GROUP")
        subjects = [w for w in mention.words if w.deprel.startswith("nsubj")]
        if len(subjects) > 1:
            # "Ancienne ministre et présidente de la région, Odile Ferrand a jugé": the parse made
            # the preposed description a second subject; the name is who speaks
            named = [c for c in self._chains(mention) if any(w in subjects and w.upos == "PROPN" for w in c)]
            if len(named) == 1:
                entity = self.table.person(self.text[named[0][0].start: named[0][-1].end], create=True)
                _vote(entity, self._gender(mention))
                return entity
            return self.table.entity(self._strip_det(mention), kind)
        if kind == "PER":
            if chain and not is_acronym(chain) and (lemma in self.g.titles or not self._complement_name(mention, chain)):
                entity = self.table.person(chain, create=True)
                _vote(entity, self._gender(mention))
                return entity
            return self._titled(mention, position) or self._apposed(mention) or self._named_after(mention) or self._bare_role(mention) \
                or self.table.entity(self._strip_det(mention), "PER", self._gender(mention))
        if lemma in self.g.documents or lemma in self.g.generic_sources or lemma in self.g.media and not chain:
            # "les chiffres du ministère": a source noun speaks for its author, as a document does
            # a name in the mention is the document's or its author's, not where it appeared ("publiée dans la revue X")
            at = self.text.find(chain, head.end, mention.end) if chain else -1
            own = bool(chain) and not any(w.deprel.startswith("acl") and head.end <= w.start < at for w in mention.words)
            author = self._document_author(mention, lemma in self.g.documents or lemma in self.g.generic_sources, own)
            if author is not None:
                return author
        if kind == "ORG":
            return self._organisation(mention, chain)
        if kind == "GPE":  # "la Côte d'Ivoire": a listed place whole, not its first word's chain
            return self.table.entity(stripped if (stripped := self._strip_det(mention)) in self.g.places else chain or stripped, "GPE")
        return self.table.entity(self._group_name(mention) if kind == "GROUP" else self._strip_det(mention), kind)

    def _type(self, mention: Mention, chain: Optional[str]) -> str:
        head = mention.head
        lemma = head.lemma.lower()
        stripped = self._strip_det(mention)
        if chain in self.g.places or stripped in self.g.places or head.text in self.g.places or (chain or "").title() in self.g.places:
            return "GPE"
        if chain and (len(chain.split()) > 1 and is_acronym(chain.split()[0]) and not is_acronym(chain.split()[1])
                      or not is_acronym(chain.split()[0]) and self._body_noun(chain.split()[0])):
            return "ORG"  # "l'AS Monaco", "Laiteries du Bocage": an acronym or a body's noun opens no person's name
        known = self.table.find(chain) if chain else None
        if chain in self.g.organisation_names or chain in self.g.outlets or known is not None and known.type == "ORG" and (
                known.acronym == chain or " et " in chain and known.name == chain):  # "Bois et Scieries de Bourgogne"
            return "ORG"   # a listed name, or the short form of one the text expanded ("l'Insee")
        counted = any(w.head == head.id and w.text.lower() in _PLURAL_DET for w in mention.words)
        if (head.upos == "NOUN" and head.feat("Number") == "Plur" or counted) and lemma in self.g.organisations:
            return "GROUP"  # "les syndicats", "plusieurs ONG": several organisations speaking together
        if lemma in self.g.organisations or lemma in self.g.documents or any(w.lemma.lower() in self.g.organisations for w in mention.words if w.start < head.end + 1 and w.upos == "NOUN"):
            if lemma not in self.g.titles:
                return "ORG"
        if chain and chain.isupper() and len(chain) > 1 and lemma not in self.g.titles and not self.g.person_word(head.text):
            plural = any(w.text.lower() in _PLURAL_DET and w.head == head.id for w in mention.words)
            return "GROUP" if plural else "ORG"  # "les ONG": several organisations; not "le député LR", "un agent SNCF": a person
        if lemma in self.g.collectives or (lemma in self.g.groups or head.upos == "NOUN" and head.feat("Number") == "Plur") and not any(
                w.head == head.id and w.deprel == "det" and w.text.lower() in _SINGULAR_DET for w in mention.words):
            return "GROUP"  # not "Son fils, X": a noun of one form in both numbers, with a singular determiner
        if head.upos in ("NOUN", "ADJ") and self._one_of_group(mention):
            return "PER"  # one of a human group: "un habitant", "une habitante", "un témoin", "une source"
        if head.upos in ("NOUN", "ADJ") and head.feat("Number") != "Plur" and head.text.islower() and (
                self.g.person_word(head.text) or story_role(mention, self.g.story_roles)):
            return "PER"  # "l'accusé", "la cinéaste", "le demi d'ouverture": a person's noun, one of them
        if head.upos == "NOUN" and head.feat("Number") != "Plur" and head.text[:1].isupper() and not head.text.isupper() \
                and lemma not in self.g.titles and unprefixed(head.text.lower()) not in self.g.titles and head.text not in self.g.honorifics \
                and self._article_before(mention, head):
            return "ORG"  # "la Régie autonome des transports": a common noun capitalised after its article names a body ("le Dr X" a person)
        if lemma in self.g.titles or unprefixed(head.text) in self.g.titles or chain or head.upos == "PROPN":
            articles = {"le", "la", "les", "l'", "l’"}
            # The article must stand right before the name, not before a word the name follows.
            first = next((w for w in mention.words if chain and w.start == self.text.find(chain, mention.start)), head)
            before = [w for w in mention.words if w.end <= first.start]
            if head.upos == "PROPN" and before and before[-1].text.lower() in articles and before[-1].head in (head.id, first.id):
                return "GPE"  # persons take no article in French: "la Corée", "les États-Unis"
            return "PER"
        return "PER" if self._agent_noun(mention) else "ORG"

    @staticmethod
    def _article_before(mention: Mention, word) -> bool:
        """Does a definite article of `word` stand right before it ("la Régie", "l'Office")?"""
        before = [w for w in mention.words if w.end <= word.start]
        return bool(before) and before[-1].head == word.id and before[-1].text.lower() in ("le", "la", "l'", "l’")

    def _pronoun(self, position: int, gender: str) -> Optional[Entity]:
        """The most recent entity a pronoun agrees with, or the author of the document it
        stands for ("Le rapport juge ... Il recommande"); a person gets the pronoun's gender."""
        agreeing = [(pos, entity) for pos, entity in reversed(self.history)
                    if pos < position and (_agrees(entity, gender) or self.documents_at.get(pos) == gender)]
        for pos, entity in agreeing[:1]:
            if pos in self._relatives:
                # "X a répondu à Y, qui l'accuse de ... Selon lui, ...": the subject of the main
                # clause is more salient than that of a relative clause after it
                pos, entity = next(((p, e) for p, e in agreeing[1:] if p not in self._relatives and p >= self._relatives[pos]
                                    and e is not entity), (pos, entity))
            self._found = Lookup(position, pos)
            if entity.type == "PER" and not entity.votes:
                _vote(entity, gender)
            return entity
        self._found = Lookup(position, None)
        # Nobody in the parsed sentences: the latest person the text names, if they agree;
        # else, past them, the latest known to be of the pronoun's gender ("Claire Roy et son
        # adjoint, Paul Vidal, ... Selon elle"), not one whose gender nothing tells.
        if gender in ("m", "f"):
            named = sorted(self._named_people(position), key=lambda x: x[0], reverse=True)
            if named and _agrees(named[0][1], gender):
                return named[0][1]
            return next((e for _, e in named if e.gender == gender), None)
        return None

    def _apposed(self, mention: Mention) -> Optional[Entity]:
        """"Loïc (son nom a été modifié), un ancien membre de ..., a rapporté": a description
        set after a name by a comma is that person."""
        m = _NAME_BEFORE.search(self.text, max(0, mention.start - 120), mention.start)
        if m is None or _COMPLEMENT.search(self.text, max(0, m.start() - 6), m.start()):
            return None
        if m.group("name").split()[0].lower() in _PREPOSITIONS or _AFTER_PREPOSITION.search(self.text, max(0, m.start() - 12), m.start()):
            return None
        entity = self.table.person(m.group("name"))
        if entity is not None:
            _vote(entity, self._gender(mention))
        return entity

    def _named_people(self, position: int) -> list[tuple[int, Entity]]:
        """Where the text names a person before `position`; a name after "de" ("les soubresauts
        de Wall Street") is a complement, more often a place or a thing than someone, and one
        after "sur" or "dans" where something was said or happened ("Sur Twitter, le député
        ..."), unless a given name opens it ("une pénalité de Paul Vidal")."""
        return [(m.start, e) for e in self.table.entities if e.type == "PER" for m in e.mentions
                if m.kind == "name" and m.start < position and not self._body_named(m.start)
                and (not (_COMPLEMENT.search(self.text, max(0, m.start - 6), m.start)
                          or _ON_OR_IN.search(self.text, max(0, m.start - 6), m.start))
                     or e.name.split()[0] in self.g.first_names)]

    def _body_named(self, start: int) -> bool:
        """Is the name at `start` a body's, by the noun right before it ("l'association
        étudiante Unistra Solidaire", "le syndicat Unia")?  Not "le gouvernement Borne"."""
        m = _BODY_BEFORE.search(self.text, max(0, start - 40), start)
        return m is not None and m.group(1).lower() in self.g.organisations and m.group(1).lower() not in _NAMED_AFTER_PEOPLE


_PLURAL_DET = frozenset({"les", "des", "ces", "plusieurs", "certains", "certaines", "quelques"})
_SINGULAR_DET = frozenset({"son", "sa", "mon", "ma", "ton", "ta", "le", "la", "ce", "cet", "cette"})
# "le premier", "la seconde": of the two people named last, the one named first or second
_ORDINALS = {"premier": 0, "première": 0, "second": 1, "seconde": 1, "deuxième": 1}


def _in_relative(mention: Mention, event: Event) -> bool:
    """Is the event's cue the verb of a relative clause ("..., qui l'accuse de ...")?"""
    sent = mention.sentence
    cue = next((w for w in sent.words if w.start == event.cue_start), None)
    return cue is not None and (cue.deprel == "acl:relcl" or any(
        c.feat("PronType") == "Rel" and c.deprel.startswith("nsubj") for c in sent.children(cue.id)))
