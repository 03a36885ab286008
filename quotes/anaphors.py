"""Definite descriptions that refer back, as a pronoun would: "l'homme", "la quinquagénaire",
"la nageuse" after "La nageuse Camille X", "le groupe" after "le groupe Renault", "l'accusé",
"la Belge", "le premier" / "la seconde", "ce dernier".  A mixin of the speaker resolver: needs
g, table, text, history, _named_people, _found."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import regex

from .outlets import after_broadcast_lead
from .tokens import DEMONYM
from .titles import _BARE_PERSON, _DE, _PLACE_BEFORE, Lookup, _agrees

if TYPE_CHECKING:
    from .attribution import Mention
    from .entities import Entity

# Nouns of a person's age, of either gender: the article says which ("la quinquagénaire").
_AGES = frozenset({"adolescent", "adolescente", "vingtenaire", "trentenaire", "quadragénaire", "quinquagénaire",
                   "sexagénaire", "septuagénaire", "octogénaire", "nonagénaire", "centenaire"})
# Nouns that stand for an organisation already named, as a pronoun would ("le groupe",
# "l'organisme", "l'instance" for a federation); not those of bodies that are speakers by
# themselves ("la préfecture").
_FIRMS = frozenset({"organisme", "entreprise", "groupe", "firme", "société", "constructeur", "établissement",
                    "enseigne", "fabricant", "opérateur", "industriel", "laboratoire", "club", "institution",
                    "instance"})


_DEFINITE = ("le", "la", "l'", "l’")
_WORD_BEFORE = regex.compile(r"(\p{L}[\p{L}\-]*)\s+$")
_POSSESSIVES = ("son", "sa", "leur")
# Nouns of the person paired with another: "son homologue", "son adversaire", "sa rivale".
_COUNTERPARTS = frozenset({"homologue", "adversaire", "rival", "rivale", "opposant", "opposante", "interlocuteur",
                           "interlocutrice"})


def _before_comma(mention: Mention) -> list:
    """The words of a mention up to the first comma after its head, punctuation left out:
    what a comma sets off after the noun is said of the person ("l'autrice, de passage à
    Paris"; "son homologue, Amadou Ba"), and so is an age ("la joueuse de 24 ans")."""
    words = list(mention.words)
    comma = next((k for k, w in enumerate(words) if w.text == "," and w.start > mention.head.start), None)
    return _without_age([w for w in words[:comma] if w.upos != "PUNCT"])


def _without_age(words: list) -> list:
    """`words` less an age that ends them: "de 24 ans"."""
    if len(words) > 3 and words[-3].text.lower() == "de" and words[-2].upos == "NUM" and words[-1].text.lower() in ("an", "ans"):
        return words[:-3]
    return words


def _bare_definite(mention: Mention) -> Optional[str]:
    """The article of a mention that is a definite article and its head noun alone ("la
    nageuse", "l'accusé"), else None.  What a comma sets off after the noun is said of the
    person, not part of the description ("l'autrice, de passage à Paris")."""
    words = _before_comma(mention)
    if len(words) != 2 or words[0].text.lower() not in _DEFINITE or words[1].id != mention.head.id:
        return None
    return words[0].text.lower()


def story_role(mention: Mention, roles: frozenset[str]) -> Optional[str]:
    """The definite article of a mention that is that article and a story role of `roles`
    ("l'enseignante", "le demi d'ouverture"), or such a role and where the person is from:
    "de", "d'" or "du" and capitalised words ("la skieuse de Morzine", "le joueur du Stade
    Rennais"); else None."""
    words = _before_comma(mention)
    head = mention.head
    if len(words) < 2 or words[0].text.lower() not in _DEFINITE or words[1].id != head.id or not head.text.islower():
        return None
    if head.text.lower() in roles and len(words) == 2:
        return words[0].text.lower()
    rest = words[2:]
    # the words as written: "du" is one word in the text, two in the parse
    whole = mention.text[head.start - mention.start: words[-1].end - mention.start].lower().replace("’", "'")
    if " ".join(whole.split()) in roles:
        return words[0].text.lower()
    if head.text.lower() in roles and len(rest) > 1 and rest[0].text.lower() in _DE and all(
            w.text[:1].isupper() or w.text.lower() in _DEFINITE for w in rest[1:]) and rest[-1].text[:1].isupper():
        return words[0].text.lower()
    return None


class Anaphors:
    def _chosen(self, position: int, pos: int, entity: Entity) -> Entity:
        """The entity found for the mention at `position`, named at `pos`; the lookup is kept
        for the gate (a position in the history, or none)."""
        self._found = Lookup(position, pos if any(p == pos for p, _ in self.history) else None)
        return entity

    def _description_before(self, mention: Mention) -> Optional[Entity]:
        """"le capitaine" after "le capitaine des sapeurs" spoke, "la porte-parole" after
        "une porte-parole de la mairie": a bare definite noun is the unnamed person the text
        described with that noun, the latest one."""
        head = mention.head
        if _bare_definite(mention) is None or head.upos != "NOUN" or not head.text.islower() or head.lemma.lower() in self.g.titles \
                or head.lemma.lower() in self.g.organisations:
            return None  # titles and organisations have references of their own
        forms = {head.text, head.text + "s", head.lemma.lower(), head.lemma.lower() + "s"}
        for pos, entity in reversed(self.history):
            if pos < mention.start and entity.type in ("PER", "ORG") and entity.name[:1].islower() and len(entity.name.split()) > 1 \
                    and forms & set(entity.name.split()):
                self._found = Lookup(mention.start, pos)
                return entity
        return None

    def _introduced(self, mention: Mention) -> Optional[Entity]:
        """"la nageuse" after "La nageuse Camille Lacourt", "le groupe" after "le groupe
        Renault": a bare definite noun (not a title, which has holders of its own) is the
        entity the text last named right after that noun; a firm's noun with none is the
        organisation last named."""
        head = mention.head
        # an adjective with the article is a noun too: "la péquiste", "l'écologiste"
        # "l'ONG": a body's noun in capitals is a noun still
        if _bare_definite(mention) is None or head.upos not in ("NOUN", "ADJ") or head.lemma.lower() in self.g.titles \
                or not (head.text.islower() or head.text.isupper() and head.text.lower() in self.g.organisations):
            return None
        noun = regex.escape(head.text)
        # "la nageuse Camille X", "la jeune cinéaste X"; not "pêcheur à Joal", a place after a preposition
        # or with the place it is of, set off by a comma: "la députée péquiste de Rimouski, X"
        before = regex.compile(r"(?:^|[\s'’])" + noun + r"(?:\s+(?!(?:à|au|aux|de|du|des|en|dans|pour|sur|chez|par)\b)\p{Ll}[\p{L}\-]*)?"
                               r"(?:\s+(?:de|d['’]|du)\s*\p{Lu}[\p{L}\-]*,)?\s+$", regex.IGNORECASE)
        # or set after it: "Moussa Diagne, 45 ans, cinéaste sénégalais"
        after = regex.compile(r",\s*(?:\d+\s+ans\s*,\s*)?(?:(?:l['’]|le\s|la\s|un\s|une\s)\s*)?(?:\p{Ll}[\p{L}\-]*\s+)?" + noun + r"\b",
                              regex.IGNORECASE)
        named = [(m.start, e) for e in self.table.entities if e.type in ("PER", "ORG") for m in e.mentions
                 if m.kind == "name" and m.start < mention.start and (before.search(self.text, max(0, m.start - 60), m.start)
                                                                     or after.match(self.text, m.end))]
        if not named and head.upos == "NOUN":
            # "Le Montreux Jazz Festival ... le festival", "la Fondation Abbé-Pierre ... la
            # fondation": a body whose name holds the noun, capitalised
            word = head.text.capitalize()
            named = [(m.start, e) for e in self.table.entities if e.type in ("PER", "ORG") and " " in e.name
                     and word in e.name.split() for m in e.mentions if m.kind == "name" and m.start < mention.start]
            if named and all(e.type == "PER" and not e.votes and not self.table.titles_of(e) for _, e in named):
                for _, e in named:
                    e.type = "ORG"  # a capitalised run the scan took for a person
            named = [(p, e) for p, e in named if e.type == "ORG"]
        if not named and head.lemma.lower() in _FIRMS:
            # "Météo-France a averti ... L'organisme a annoncé": the organisation named last,
            # not an outlet the words were said to ("au micro de beIN Sports")
            named = [(m.start, e) for e in self.table.entities if e.type == "ORG" and not self._listed_outlet(e.name)
                     for m in e.mentions if m.kind == "name" and m.start < mention.start and not after_broadcast_lead(self.text, m.start)
                     and not self._label_of_person(m.start)]
            # or one that spoke, described by its noun and name ("Le musée Lacaze de Figeac a
            # annoncé ... L'institution"); a firm's noun stays a firm's ("l'entreprise")
            named += [(pos, e) for pos, e in self.history if head.lemma.lower() not in self.g.firms
                      and pos < mention.start and e.type == "ORG" and len(e.name.split()) > 1
                      and any(w[:1].isupper() for w in e.name.split()[1:]) and not self._listed_outlet(e.name)]
        if not named:
            return None
        pos, entity = max(named, key=lambda x: x[0])
        return self._chosen(mention.start, pos, entity)

    def _listed_outlet(self, name: str) -> bool:
        """Is the name a listed outlet's, perhaps without the article the list gives it ("au
        Figaro": "Le Figaro")?"""
        return name in self.g.outlets or any(article + name in self.g.outlets for article in ("Le ", "La ", "Les ", "L'", "L’"))

    def _label_of_person(self, start: int) -> bool:
        """Is the name at `start` a person's party or union, right after their title ("le
        délégué Force ouvrière", "la députée Les Républicains"), not a body the text speaks of?"""
        before = _WORD_BEFORE.search(self.text, max(0, start - 30), start)
        return before is not None and before.group(1).lower() in self.g.titles

    def _bare_person(self, mention: Mention) -> Optional[Entity]:
        """"l'homme", "la femme", "le jeune homme", "la quinquagénaire" with nothing after them:
        the person last named, as a pronoun would ("l'homme d'affaires", "un homme" describe
        someone, and stay descriptions)."""
        words = _without_age([w for w in mention.words if w.upos != "PUNCT"])
        if len(words) > 2 and words[1].text.lower() == "jeune":
            words = words[:1] + words[2:]
        low = mention.head.lemma.lower()
        article = words[0].text.lower() if words else ""
        gender = _BARE_PERSON.get(mention.head.text.lower()) or _BARE_PERSON.get(low) or ({"le": "m", "la": "f"}.get(article, "any") if low in _AGES else None)
        if gender is None or len(words) < 2 or article not in _DEFINITE or words[1].id != mention.head.id \
                or len(words) > 2 and words[2].text.lower() in _DE or any(w.upos == "PROPN" for w in words):
            return None  # "le septuagénaire McCain" names him
        return self._latter(mention.start, gender)

    def _demonym(self, mention: Mention) -> Optional[Entity]:
        """"La Niçoise s'est qualifiée" after "Clémence Aubagne": a definite inhabitant's name
        with nothing after it is the person the text introduced with it ("le Français Paul X",
        "le cycliste français Paul X"), else the person last named of its gender, as "l'homme"
        is.  The article gives the gender ("le Belge", "la Belge"); after "l'" the ending does
        ("l'Allemande"), or nothing does."""
        head = mention.head
        article = _bare_definite(mention)
        if article is None or not head.text[:1].isupper() or not DEMONYM.search(head.text) or head.text in self.g.places \
                or f"{article.capitalize()} {head.text}".replace("' ", "'") in self.g.outlets:
            return None  # "Le Parisien" is a newspaper
        introduced = [(p, e) for p, e in self._named_people(mention.start)
                      if _same_people(_word_before(self.text, p), head.text)]
        if introduced:
            pos, entity = max(introduced, key=lambda x: x[0])
            return self._chosen(mention.start, pos, entity)
        gender = {"la": "f", "le": "m"}.get(article) or (
            "f" if _FEMININE_DEMONYM.search(head.text) else "m" if _MASCULINE_DEMONYM.search(head.text) else "any")
        return self._latter(mention.start, gender, unlike=head.text)

    def _relative(self, mention: Mention) -> Optional[Entity]:
        """"a dit un habitant, selon qui ...": a relative pronoun stands for the speaker named
        just before it in its sentence (the nearest one, as the relative's antecedent is)."""
        start = mention.sentence.start
        before = [(p, e) for p, e in self._named_people(mention.start) + self.history if start <= p < mention.start]
        if not before:
            return None
        pos, entity = max(before, key=lambda x: x[0])
        return self._chosen(mention.start, pos, entity)

    def _bare_role(self, mention: Mention) -> Optional[Entity]:
        """"l'artiste", "le cinéaste", "l'accusé", "le demi d'ouverture" with nothing after them
        but where the person is from ("la skieuse de Morzine"), a noun of the person's part in
        the story (the grammar's story roles): the person the text last named, of the
        article's or the noun's gender, as a pronoun would."""
        head = mention.head
        article = story_role(mention, self.g.story_roles)
        if article is None:
            return None  # an office ("le maire", "le capitaine") may be another person's
        low = head.text.lower()
        # The article gives the gender; after "l'" the ending may ("l'autrice"), or the noun's
        # feminine form among the roles ("l'écrivain" beside "écrivaine"), or nothing does
        # ("l'athlète", "l'interprète" are either).
        gender = {"la": "f", "le": "m"}.get(article) or (
            "f" if low.endswith(("trice", "euse", "ière", "enne", "ée", "ante", "ine", "esse", "ue"))
            else "m" if _feminine_forms(low) & self.g.story_roles else "any")
        # Someone the text introduced by such a role ("la chanteuse Fatoumata X") before
        # the person named last ("le directeur du festival, Jérôme Y"), as a reader takes it.
        roles = [(p, e) for p, e in self._named_people(mention.start)
                 if (gender == "any" or _agrees(e, gender)) and self.g.story_roles & set(_words_before(self.text, p))]
        if roles:
            pos, entity = max(roles, key=lambda x: x[0])
            return self._chosen(mention.start, pos, entity)
        return self._latter(mention.start, gender, named=True)

    def _counterpart(self, mention: Mention) -> Optional[Entity]:
        """"Son homologue a ajouté" after "la ministre X a reçu le ministre Y", "Son adversaire
        a reconnu" after "X a battu Y": the person paired with the one "son" stands for (the
        person last spoken of): of the other people named before, the latest who shares a
        title with them, else the latest."""
        words = _before_comma(mention)
        if len(words) < 2 or words[0].text.lower() not in _POSSESSIVES or mention.head.lemma.lower() not in _COUNTERPARTS \
                or words[1].id != mention.head.id or any(w.upos == "PROPN" for w in mention.words):
            return None  # "son homologue russe, Sergueï Lavrov": the name says who
        owner = next((e for p, e in reversed(self.history) if p < mention.start and e.type == "PER"), None)
        if owner is None:
            return None
        # people the text named in full: not a lone capitalised word ("la Française")
        others = [(p, e) for p, e in self._named_people(mention.start) if e is not owner and " " in e.name]
        if not others:
            return None
        offices = {t[0].lower() for t in self.table.titles_of(owner) if t}
        shared = [(p, e) for p, e in others if offices & {t[0].lower() for t in self.table.titles_of(e) if t}]
        pos, entity = max(shared or others, key=lambda x: x[0])
        return self._chosen(mention.start, pos, entity)

    def _one_of_two(self, position: int, which: int) -> Optional[Entity]:
        """"le premier", "la seconde": the first or the second of the two people the text
        named last, by their names."""
        people = [(p, e) for p, e in self._named_people(position) if p < position and e.type == "PER"
                  and not _PLACE_BEFORE.search(self.text, max(0, p - 8), p)]  # "à l'Ehpad": a place, no one
        latest: list = []
        for pos, entity in sorted(people, key=lambda x: x[0], reverse=True):
            if all(entity is not e for _, e in latest):
                latest.append((pos, entity))
            if len(latest) == 2:
                break
        if len(latest) < 2:
            return None
        pos, entity = latest[1 - which]
        return self._chosen(position, pos, entity)

    def _latter(self, position: int, gender: str, named: bool = False, unlike: str = "") -> Optional[Entity]:
        """"Ce dernier", "cette dernière": the person named last before, of that gender ("any":
        of whichever); `named`: only someone the text gave a name; `unlike`: an inhabitant's
        name, which is not the person the text named with another ("l'Allemande" is not
        "l'Espagnole Ana Ruiz")."""
        named_people = self._named_people(position)
        named_as = {}  # each person's inhabitant's names, wherever the text gave one
        if unlike:
            for p, e in named_people:
                word = _word_before(self.text, p)
                if DEMONYM.search(word) and word not in self.g.first_names and word.lower() not in _CONTINENTAL:
                    named_as.setdefault(id(e), []).append(word)
        # A one-word name after "à", "en", "dans" ("à Cahuzac", "à Roland-Garros") is more
        # often a place than the person a description stands for.
        people = [(p, e) for p, e in named_people + self.history if p < position and e.type == "PER"
                  and not (named and e.name[:1].islower())
                  and not (" " not in e.name and _PLACE_BEFORE.search(self.text, max(0, p - 8), p))
                  and not (unlike and _other_demonym(self.text[max(0, p - 30):p], unlike))
                  and not any(not _same_people(word, unlike) for word in named_as.get(id(e), ()))]
        for pos, entity in sorted(people, key=lambda x: x[0], reverse=True):
            if gender == "any" and entity.type == "PER" or _agrees(entity, gender):
                return self._chosen(position, pos, entity)
        return None


_NAMED_AS = regex.compile(r"(?:^|\s)(?:l['’]|la\s+|le\s+)(\p{Lu}[\p{L}\-]+)\s+$")


_FEMININE_DEMONYM = regex.compile(r"(?:oise|aise|[ée]nne|aine|ande|ole|arde|onne|anne|[iy]ane)$")
_MASCULINE_DEMONYM = regex.compile(r"(?:ois|ais|[ée]n|ain|and|ol|ard|on|[iy]an)$")
# Adjectives of a continent qualify an office ("la commissaire européenne"), not a nationality.
_CONTINENTAL = frozenset({"européen", "européenne", "africain", "africaine"})
_LAST_WORD = regex.compile(r"(\p{L}[\p{L}\-]*)[\s,]*$")


def _feminine_forms(noun: str) -> set[str]:
    """The feminine forms a masculine noun of a person may take: "écrivain" -> "écrivaine",
    "chanteur" -> "chanteuse", "acteur" -> "actrice", "musicien" -> "musicienne"."""
    forms = {noun + "e", noun + "ne"}
    if noun.endswith("eur"):
        forms |= {noun[:-3] + "euse", noun[:-3] + "rice", noun[:-4] + "rice"}
    if noun.endswith("ier"):
        forms.add(noun[:-3] + "ière")
    return forms


def _words_before(text: str, position: int) -> list[str]:
    """The lower-case words of the few words before `position`, within its clause: "la
    chanteuse malienne " before "Fatoumata X"."""
    before = text[max(0, position - 40):position]
    before = regex.split(r"[.;:!?«»\"]", before)[-1]
    return [w.lower() for w in regex.findall(r"\p{L}+", before)[-3:]]


def _word_before(text: str, position: int) -> str:
    """The word right before `position`, across a comma: "camerounais" in "le boxeur
    camerounais Aristide X", "Français" in "le Français Paul X"."""
    m = _LAST_WORD.search(text, max(0, position - 40), position)
    return m.group(1) if m else ""


def _same_people(word: str, demonym: str) -> bool:
    """Do an inhabitant's name and a word (its adjective, or either gender) name the same
    people: "Français" and "française", "Slovène" and "slovène", "Camerounaise" and
    "camerounais"; not "Slovène" and "Français"."""
    a, b = word.lower(), demonym.lower()
    if not a or not DEMONYM.search(a):
        return False
    for x, y in ((a, b), (b, a)):
        if x == y or x == y + "e" or x.endswith(("enne", "onne")) and x[:-2] == y:
            return True
    return False


def _other_demonym(before: str, demonym: str) -> bool:
    """Does `before` end with another inhabitant's name than `demonym` ("l'Espagnole ")?"""
    m = _NAMED_AS.search(before)
    if m is None or not DEMONYM.search(m.group(1)):
        return False
    a, b = m.group(1).lower(), demonym.lower()
    return not (a.startswith(b) or b.startswith(a) or a.rstrip("e") == b.rstrip("e"))
