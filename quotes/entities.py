"""The entity table of one document: who and what the text names, clustered.

A document names one speaker many ways: "Anne Morel", "Mme Morel", "la ministre
des Finances", "elle".  Before any speaker is resolved, the table reads the
whole text (not only the parsed sentences) for

* name runs (capitalised words), clustered: "Morel" and "Anne Morel" are one
  person, spelling variants ("Beloussov" / "Belousov") too;
* acronyms and their expansions, in either order: "Fédération des cyclistes
  (FDC)", "FDC (Fédération des cyclistes)": a later "FDC" names the expansion;
* titles given by apposition, in either order: "Anne Morel, la ministre des
  Finances" and "la ministre des Finances Anne Morel" make Anne Morel the holder
  of the whole phrase "ministre des Finances";
* gender evidence: "M."/"Mme", an agreeing title ("la ministre"), a participle
  after the name ("s'est dite").

The resolver then maps the words at each attribution to an entity of the table
(descriptions and groups are added as they come), so that every quote of one
entity gets the same id.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Optional

import attrs
import regex

from .grammar import Grammar
from .titles import Holder, TitleScan
from .acronyms import AcronymScan
from .enumerations import places_in_lists
from .outlets import after_broadcast_lead
from .bodynames import body_complement, complement, joined_complement, named_by_body
from .nameruns import CAMEL as _CAMEL, capitalised_runs
from .clubs import clubs_named
from .toponyms import toponym
from .tokens import DE_WORDS, DEMONYM, DETERMINERS, NOT_NAMES, fullest, introduced_by, PLACE_NOUNS, Tok, fold, is_acronym, place_pattern, title_key, tokens, variant, whole_quotation, glued  # noqa: F401

# The article an outlet's listed name starts with, from the word before it ("au" is "à le").
_OUTLET_ARTICLES = {"le": "Le", "la": "La", "les": "Les", "l'": "L'", "l’": "L'", "au": "Le", "aux": "Les", "du": "Le", "des": "Les"}


@attrs.define
class EntityMention:
    start: int
    end: int
    text: str
    kind: str          # name, acronym, title, description, pronoun


def _one_apostrophe(name: str) -> str:
    """"Conseil d’État" and "Conseil d'État" are one name; which spelling an entity met
    first depends on which sentences were parsed (the gate parses fewer), so one form."""
    return name.replace("’", "'")


@attrs.define
class Entity:
    id: str
    name: str = attrs.field(converter=_one_apostrophe)
    type: str
    number: str = "s"
    acronym: Optional[str] = None
    mentions: list[EntityMention] = attrs.Factory(list)
    votes: Counter = attrs.Factory(Counter)   # gender evidence: "m"/"f" -> count

    @property
    def gender(self) -> Optional[str]:
        if not self.votes:
            return None
        (top, n), *rest = self.votes.most_common()
        return None if rest and rest[0][1] == n else top

    def record(self, doc: str, offset: Callable[[int], int] = lambda i: i, text: Optional[str] = None) -> dict:
        def mention(m: EntityMention) -> dict:
            a, b = offset(m.start), offset(m.end)
            return {"start": a, "end": b, "text": text[a:b] if text is not None else m.text, "kind": m.kind}

        return {"doc": doc, "id": self.id, "name": self.name, "type": self.type, "gender": self.gender,
                "number": "p" if self.type == "GROUP" else self.number, "acronym": self.acronym,
                "mentions": [mention(m) for m in sorted(self.mentions, key=lambda m: m.start)]}


class EntityTable(TitleScan, AcronymScan):
    """Built once per document from its (normalised) text."""

    def __init__(self, text: str, grammar: Grammar):
        self.text = text
        self.g = grammar
        self.toks = tokens(text)
        self.entities: list[Entity] = []
        self.holders: list[Holder] = []
        self._keys: dict[str, Entity] = {}      # folded name or acronym -> entity
        self._made = 0
        self._inner_caps = {t.text for k, t in enumerate(self.toks) if t.cap and k > 0 and not self._sentence_start(k)}
        self._lower = {t.text for t in self.toks if t.text[:1].islower() and not _CAMEL.match(t.text)}  # words the text writes in lower case
        self._scan()

    # ------------------------------------------------------------------ building

    def new(self, name: str, kind: str, number: str = "s") -> Entity:
        self._made += 1
        entity = Entity(f"e{self._made}", name, kind, number)
        self.entities.append(entity)
        self._keys.setdefault(fold(name) or name.lower(), entity)
        return entity

    def mention(self, entity: Entity, start: int, end: int, kind: str) -> None:
        if not any(m.start == start and m.end == end for m in entity.mentions):
            entity.mentions.append(EntityMention(start, end, self.text[start:end], kind))

    def _scan(self) -> None:
        # Places and acronyms first: "Corée du Nord" is one place, and the words of an
        # expansion are the organisation's name, no person's.
        self._places()
        self._known_organisations()
        for k, t in enumerate(self.toks):
            if self._club(k):
                continue  # "l'AS Monaco": the run of capitals below names the club
            if is_acronym(t.text):
                self._acronym(k, k + 1)
                self._branch(k)
            elif (expansion := self._short_form(k)) is not None:
                self._acronym(k, k + 1, expansion)
        covered = {k for e in self.entities for m in e.mentions for k in range(m.start, m.end)}
        for i, j in capitalised_runs(self.text, self.toks, self.g):
            if self.toks[i].start not in covered:
                self._name_run(i, j)
        for k, t in enumerate(self.toks):
            if self._is_title(k):
                self._apposition(k)
        places_in_lists(self.text, self.entities, self.titles_of)

    def _places(self) -> None:
        pattern = place_pattern(self.g.places)
        for m in pattern.finditer(self.text):
            if m.group() in self.g.first_names and regex.match(r"[ \t]+\p{Lu}", self.text[m.end():m.end() + 3]):
                continue  # "Sofia Brandt": a given name and a surname, not the city
            entity = self.find(m.group()) or self.new(m.group(), "GPE")
            self.mention(entity, m.start(), m.end(), "name")

    def _known_organisations(self) -> None:
        """"Force ouvrière", "Médecins du monde": names the grammar lists, lower-case words and all."""
        if not self.g.organisation_names:
            return
        for m in place_pattern(self.g.organisation_names).finditer(self.text):
            entity = self.find(m.group()) or self.new(m.group(), "ORG")
            self.mention(entity, m.start(), m.end(), "name")
        for m in clubs_named(self.text, self.g.club_words):
            # not one the list named already ("Stade rennais")
            if not any(m.start() < e.end and e.start < m.end() for x in self.entities if x.type == "ORG" for e in x.mentions):
                self.mention(self.find(m.group()) or self.new(m.group(), "ORG"), m.start(), m.end(), "name")

    def _name_span(self, i: int, j: int) -> Optional[tuple[int, int]]:
        """The part of a capitalised run that names someone, as token indices."""
        if i > 0 and j - i > 1 and complement(self.toks, i, self.g) and self.toks[i + 1].low not in self.g.organisations \
                and not body_complement(self.toks, i, j, self.g):
            i += 1  # "ministre de la Défense Belousov": Défense names the office ("du Rugby Club X" is a club)
        while i < j:
            low = self.toks[i].low
            # "Le Maire", "La Fontaine": a capitalised article before a capitalised title word is a surname.
            surname = low in ("le", "la") and i + 1 < j and self.toks[i + 1].low in self.g.titles and i > 0 and not self._sentence_start(i)
            if surname:
                break
            if low in NOT_NAMES or self.toks[i].text in self.g.honorifics or self.toks[i].text in self._lower \
                    or (low in self.g.titles and not (i > 0 and self.toks[i - 1].low in ("le", "la") and self.toks[i - 1].cap)):
                i += 1
                continue
            break
        while j > i and self.toks[j - 1].low in NOT_NAMES:
            j -= 1
        if j - i > 1 and is_acronym(self.toks[i].text) and not is_acronym(self.toks[i + 1].text) and not self._club(i) \
                and (j - i > 2 or self.g.given_name(self.toks[i + 1].text)) and not self._outlet(i, self.text[self.toks[i].start: self.toks[j - 1].end]):
            i += 1  # "l'AFP Jeanne Martin": an outlet or a party before a name is none of it ("SNCF Réseau", "RIA Novosti" are one)
        elif j - i > 2 and i > 0 and self.toks[i].text not in self.g.first_names and (
                self.toks[i - 1].low in ("le", "la", "l'", "l’") and self.g.given_name(self.toks[i + 1].text)
                or self.toks[i - 1].low in ("le", "la", "l'", "l’", "au", "du") and DEMONYM.search(self.toks[i].text)
                and self.toks[i].text not in self.g.places and not self._outlet(i, self.toks[i].text)):
            i += 1  # "la Belge Élise Vandermeulen", "face au Nigérian X": a nationality before a given name and a surname
        return (i, j) if i < j else None

    def _club(self, k: int) -> bool:
        """"l'AS Monaco", "le FC Nantes": a club's letters with a capitalised word after them."""
        return self.toks[k].text in self.g.club_prefixes and k + 1 < len(self.toks) and self.toks[k + 1].cap \
            and self.toks[k + 1].text[0].isalpha() and glued(self.text, self.toks[k], self.toks[k + 1])

    def _sentence_start(self, i: int) -> bool:
        return i == 0 or self.toks[i - 1].text in ".!?«»\"“”‹›„‘:—–-" or "\n" in self.text[self.toks[i - 1].end: self.toks[i].start]

    def _name_run(self, i: int, j: int) -> None:
        if i > 0 and self.toks[i - 1].low in self.g.streets:
            return  # "rue Gambetta", "l'avenue Jean-Jaurès", "le lycée Voltaire": a place's name, no one's
        if whole_quotation(self.text, self.toks[i].start, self.toks[j - 1].end):
            return  # "pour « La Mer »", "le défilé « Victoire »": the title of a work, no one's name
        span = self._name_span(i, j)
        if span is None:
            return
        a, b = span
        if after_broadcast_lead(self.text, self.toks[i].start):  # "au micro de RMC Sport": a broadcaster, whole
            given = next((k for k in range(i + 1, b - 1) if self.g.given_name(self.toks[k].text)), b)
            name = self.text[self.toks[i].start: self.toks[given - 1].end]
            self.mention(self.find(name) or self.new(name, "ORG"), self.toks[i].start, self.toks[given - 1].end, "name")
            return self._name_run(given, j) if given < b else None  # "au micro de RTL Paul Martin": the speaker after it
        if a > i and is_acronym(self.toks[a - 1].text):
            self._name_run(a - 1, a)  # "l'AFP Jeanne Martin": the AFP is an entity of its own
        for n in range(b - 2, a, -1):
            if self._outlet(a, self.text[self.toks[a].start: self.toks[n - 1].end]) and self.g.given_name(self.toks[n].text) \
                    and self.text[self.toks[n].start: self.toks[b - 1].end] not in self.g.places:
                # "a confié au Parisien Marc Roy": the outlet spoken to, then the speaker's
                # given name and surname ("BBC Afrique", "France Bleu Breizh Izel" are one outlet)
                self._name_run(a, n)
                a = n
                break
        if all(self.toks[k].text.isupper() and self.toks[k].low in self._lower for k in range(a, b)):
            return  # "ACTIONS PAS LÉGITIMES": a headline in capitals, no acronym
        name = self.text[self.toks[a].start: self.toks[b - 1].end]
        if len(name) == 1:
            return  # "sur X", "le plan B": one letter names no one
        outlet = self._outlet(a, name)
        if b - a == 1 and self._sentence_start(a) and name not in self._inner_caps and not outlet:
            return  # "Actuellement, ...": a lone capitalised word opening a sentence, seen nowhere else
        if b - a == 1 and self.toks[a].low in ("premier", "première") and b < len(self.toks) and self.toks[b].low in self.g.titles:
            return  # "Le Premier ministre, X": the capital of an office, no name
        if b - a == 1 and (complement(self.toks, a, self.g) or self.toks[a].low in self.g.organisations or joined_complement(self.toks, a, self.g)) \
                and name not in self.g.places:
            return  # "des Finances", "l'Université", "de Quimper et Léon": an office's domain or a bare noun, no name
        if b - a == 2 and self.toks[b - 1].text in self.g.places and self.toks[a].text not in self.g.places \
                and not self.g.given_name(self.toks[a].text) and not self._sentence_start(a):
            entity = self.find(name) or self.new(name, "ORG")  # "Santé Canada", "Emploi Québec": a body and its country
        elif name in self.g.places or name.title() in self.g.places or a > 0 and self.toks[a - 1].low in PLACE_NOUNS \
                or toponym(self.text, self.toks, a, b, self.g):
            entity = self.find(name) or self.new(name, "GPE")  # "la région Occitanie": a place by its noun
            if entity.type == "PER" and entity.name == name and not entity.votes and not self.titles_of(entity):
                entity.type = "GPE"  # "frappé Lannion", then "à Lannion": a place, nobody's name
        elif b - a == 1 and a > 0 and self.toks[a - 1].low in ("les", "des", "aux") and name.endswith(("s", "x")):
            entity = self.find(name) or self.new(name, "GROUP", "p")  # "les Tchèques", "des Lyonnais": a people
        elif is_acronym(self.toks[a].text) or outlet or self._club(a):
            entity = self.find(name) or self.new(name, "ORG")
        elif any(self.toks[k].low in self.g.organisations for k in range(a, b)) or introduced_by(self.text, self.toks[a].start, self.g.firms) \
                or b - a > 1 and body_complement(self.toks, a, b, self.g) \
                or named_by_body(self.toks, a, self.g.organisations) and not self.g.given_name(self.toks[a].text):
            entity = self.find(name) or self.new(name, "ORG")  # "la Fonderie X", "le constructeur X", "l'ONG X"
        elif a > 0 and self.toks[a - 1].text in ("la", "le", "l'", "l’") and not self.g.given_name(self.toks[a].text):
            entity = self.find(name) or self.new(name, "GPE")  # "la Route du Rhum", "la Corée": persons take no article
        else:
            entity = self.person(name, create=True)
        kind = "acronym" if is_acronym(name) else "name"
        self.mention(entity, self.toks[a].start, self.toks[b - 1].end, kind)
        if entity.type == "PER":
            self._gender_evidence(entity, a, b)

    def _outlet(self, a: int, name: str) -> bool:
        """A news outlet the grammar lists, perhaps with its article before it: "dans Le
        Parisien", "au Parisien", "du Monde" (contracted)."""
        if name in self.g.outlets or a > 0 and self.toks[a - 1].text.isdigit() and f"{self.toks[a - 1].text} {name}" in self.g.outlets:
            return True  # "20 Minutes": the number is no part of the capitalised run
        article = _OUTLET_ARTICLES.get(self.toks[a - 1].low) if a > 0 else None
        return article is not None and article + ("" if article.endswith("'") else " ") + name in self.g.outlets

    def _gender_evidence(self, entity: Entity, a: int, b: int) -> None:
        before = self.toks[a - 1].text if a > 0 else ""
        if before.lower() in ("de", "d'", "d’") and a > 1:
            before = self.toks[a - 2].text  # "M. de Villiers"
        if self.g.honorifics.get(before):
            entity.votes[self.g.honorifics[before]] += 1
        if b - a > 1:
            # A given name of one gender before a surname ("Jean-Marie" by its first part)
            first = self.toks[a].text
            given = self.g.first_names.get(first) or self.g.first_names.get(first.split("-")[0])
            if given:
                entity.votes[given] += 1
        # "Anne Morel s'est dite", "Paul Girard est venu": the participle agrees with its subject.
        after = [t.low for t in self.toks[b: b + 4]]
        if after[:2] in (["s'", "est"], ["s’", "est"]) and len(after) > 2:
            word = after[2]
        elif after[:1] == ["est"] and len(after) > 1:
            word = after[1]
        else:
            return
        if word.endswith("ée") or word in ("dite", "faite", "mise", "prise", "montrée"):
            entity.votes["f"] += 1
        elif word.endswith("é") or word in ("dit", "fait", "mis", "pris"):
            entity.votes["m"] += 1

    # ------------------------------------------------------------------ acronyms

    def _merge(self, old: Entity, into: Entity) -> None:
        for m in old.mentions:
            self.mention(into, m.start, m.end, m.kind)
        into.votes.update(old.votes)
        self.entities.remove(old)
        for key, e in list(self._keys.items()):
            if e is old:
                self._keys[key] = into

    # ------------------------------------------------------------------ lookups

    def find(self, name: str) -> Optional[Entity]:
        return self._keys.get(fold(name) or name.lower())

    def person(self, name: str, create: bool = False) -> Optional[Entity]:
        """The person a name form belongs to: same key, a part of a fuller name, or a
        spelling variant of one; the fuller form becomes the entity's name."""
        found = self.find(name)
        if found is not None:
            return found
        key, tokens_ = fold(name), set(name.split())
        for entity in self.entities:
            if entity.type != "PER" or name[:1].islower() and not entity.name[:1].islower():
                continue  # a description ("ministre") is no part of a capitalised one ("Première ministre")
            other = entity.name.split()
            if tokens_ <= set(other) or set(other) <= tokens_ or variant(key, other) or variant(fold(entity.name), name.split()):
                if len(name.split()) > len(other):
                    entity.name = name
                self._keys[key or name.lower()] = entity
                return entity
        return self.new(name, "PER") if create else None

    def holder(self, words: list[str], position: int, end: Optional[int] = None) -> Optional[Entity]:
        """The person the document gives this title: every word of the mention's phrase
        is in the holder's phrase and the head word is the same; the nearest before wins.
        A mention from `position` to `end` may be given its own holder ("selon le maire,
        Jean Roux, ...")."""
        key = title_key(words, self.g.titles)
        if not key:
            return None
        found = [h for h in self.holders if h.words[:1] == key[:1] and set(key) <= set(h.words)]
        if len(key) == 1:
            # A bare title ("Le ministre a ajouté") refers back: to someone the text gave it before.
            found = [h for h in found if h.position < position or end is not None and h.position < end]
        if not found:
            return None
        # The closest phrase first ("ministre des Affaires étrangères" is not the "ministre
        # nord-coréen des Affaires étrangères"), then the nearest given before the mention.
        return min(found, key=lambda h: (len(set(h.words) - set(key)), h.position > position, abs(position - h.position))).entity

    def fuller(self, noun: str, position: int) -> Optional[str]:
        """The fullest description the text gave a bare noun before `position` (tokens.fullest)."""
        return fullest(self.text, noun, position)

    def narrower(self, words: list[str]) -> list[Holder]:
        """Holders of a shorter form of this title: "le président du pays" for someone the
        text called "le président X" (same head word, every word of theirs in the mention)."""
        key = title_key(words, self.g.titles)
        return [h for h in self.holders if key and h.words[:1] == key[:1] and set(h.words) < set(key)]

    def titles_of(self, entity: Entity) -> list[tuple[str, ...]]:
        return [h.words for h in self.holders if h.entity is entity]

    def entity(self, name: str, kind: str, gender: Optional[str] = None) -> Entity:
        """The entity of a resolved speaker: a known one, or a new one (a description, a group)."""
        if kind == "PER":
            found = self.person(name) or self.find(name)
        else:
            found = self.find(name)
        if found is not None and found.type == "PER" and kind in ("ORG", "GPE", "GROUP") and not found.votes and not self.titles_of(found):
            found.type = kind  # "l'association Vélo pour tous", "de nombreux Sénégalais": a capitalised word the scan took for a person
        if found is None:
            found = self.new(name, kind, "p" if kind == "GROUP" else "s")
        if gender in ("m", "f") and not found.votes and found.type == "PER":
            found.votes[gender] += 1
        return found

    def renumber(self) -> None:
        """Ids in the order the text first mentions each entity: the same whichever
        sentences were parsed (the gate parses fewer than all); unmentioned ones last."""
        ordered = sorted(self.entities, key=lambda e: (not e.mentions, min((m.start for m in e.mentions), default=0)))
        for k, entity in enumerate(ordered, 1):
            entity.id = f"e{k}"
        self.entities = ordered

    def records(self, doc: str, offset: Callable[[int], int] = lambda i: i, text: Optional[str] = None) -> list[dict]:
        return [e.record(doc, offset, text) for e in self.entities if e.mentions]
