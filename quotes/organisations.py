"""Organisations as speakers: a name or acronym (its expansion when the text gives
one), "la préfecture" after "la préfecture de police", "le syndicat" after the text
named one by its acronym, "la fédération" for the one federation the text names.  A
mixin of the speaker resolver: needs g, text, table, history, _found, _strip_det."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import regex

from .entities import is_acronym
from .outletnames import listed_outlet_at
from .tokens import introduced_by
from .titles import Lookup, _vote

if TYPE_CHECKING:
    from .attribution import Mention
    from .entities import Entity

_GENDER = {"Masc": "m", "Fem": "f"}
# Kinds of body whose name follows the noun, lower-case words and all ("l'ONG Eau vive Sahel").
_NAMED_AFTER = frozenset({"ong", "association", "collectif", "mouvement", "groupe", "parti", "syndicat", "liste",
                          "entreprise", "société", "compagnie", "coopérative"})
# Kinds of organisation a text names by an acronym ("la CGT ... le syndicat"); not the
# institutions that go without one ("le gouvernement", "la préfecture").
_NAMED_BY_ACRONYM = frozenset({"syndicat", "parti", "association", "fédération", "ong", "collectif", "mouvement", "coalition"})
# A name set after a body's noun by a comma, ending the sentence or closed by a comma before
# the clause: ", selon son club, le FC Nantes.", "Selon sa maison de disques, Nuit Blanche,
# une tournée ..." (not "Selon son club, Nantes a ...", where the name starts the main clause).
_APPOSED_LAST = regex.compile(r"\s*,\s*(?:(?:le|la|les)\s+|l['’])?(?P<name>\p{Lu}[\p{L}\p{N}\-]*"
                              r"(?:(?:\s+(?:de|du|des)\s+(?:la\s+|l['’])?|\s+d['’]|\s+)\p{Lu}[\p{L}\p{N}\-]*)*)"
                              r"\s*(?:[.!?;]|,(?=\s*\p{Ll}))")


_ACRONYM = regex.compile(r"(?<![\p{L}\-])\p{Lu}{2,}(?![\p{L}\-])")
# Words that join a name's capitalised words: "Papeteries de la Seine", "Laiteries de l'Arve".
_LINKS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’"})


class Organisations:
    """Which organisation entity a mention names or refers back to."""

    def _organisation(self, mention: Mention, chain: Optional[str]) -> Entity:
        """An organisation: its name or acronym (the expansion when the document gives one),
        else its description; its gender lets a later "elle"/"il" find it."""
        head = mention.head
        whole = f"{head.text} {chain}" if chain else ""
        if chain and (head.text.lower() in self.g.named_with or whole in self.g.outlets or whole in self.g.organisation_names) \
                and head.start < self.text.find(chain, mention.start):
            entity = self._org(whole)  # "l'institut Pasteur", "l'Agence France-Presse": the noun is part of the name
        elif chain and (is_acronym(chain) or head.start < self.text.find(chain, mention.start) or chain in self.g.organisation_names
                        or chain in self.g.outlets):
            entity = self._org(self._runs_on(mention, chain) or chain)
        elif (called := self._called(mention)) is not None:
            # "l'ONG Eau vive Sahel", "le groupe d'opposition Agir pour Brennes": the name runs on
            # in lower case after its capitalised first word
            entity = self._org(called)
        elif not chain and (apposed := _APPOSED_LAST.match(self.text, mention.end)) is not None:
            entity = self._org(apposed.group("name"))  # "..., selon son équipe, Cofidis.": the body named after a comma
        else:
            name = self._strip_det(mention)
            words = [w for w in mention.words if w.upos != "PUNCT"]
            if len(words) == 2 and words[0].text.lower() in ("le", "la", "l'", "l’") and words[1].id == head.id:
                name = self.table.fuller(head.text, mention.start) or name  # "la préfecture de police", then "la préfecture"
            if name[:1].islower():
                name = _ACRONYM.sub(self._acronym_named, name)
            found = self.table.find(name) or self._named_org(mention)
            entity = found if found is not None and found.type == "ORG" else self.table.entity(name, "ORG")
        self._article_gender(mention, entity)
        return entity

    @staticmethod
    def _article_gender(mention: Mention, entity: Entity) -> None:
        """An organisation's gender, for a later "il"/"elle": from the head's determiner, or a
        common noun's own gender ("L'association"); a proper name's parse gender is a guess."""
        head = mention.head
        dets = [w for w in mention.words if w.head == head.id and w.deprel == "det" and w.feat("Gender")]
        source = dets[0] if dets else head if head.upos == "NOUN" else None
        _vote(entity, _GENDER.get(source.feat("Gender") or "") if source is not None else None)

    def _acronym_named(self, m: regex.Match) -> str:
        """"la direction de la CFR" after "la Compagnie fluviale du Rhône (CFR)", "du CHU"
        after "le CHU de Brest": in a description, a body's acronym stands for the name the
        text gives the body, its expansion or its local branch."""
        entity = self.table.find(m.group())
        if entity is None or entity.type != "ORG" or entity.acronym != m.group():
            return m.group()
        rest = entity.name[len(m.group()):] if entity.name.startswith(m.group()) else None
        return m.group() if rest and m.string.startswith(rest, m.end()) else entity.name  # "du CHU de Brest" already whole

    def _body_noun(self, word: str) -> bool:
        """A noun of a kind of body, singular or plural, whatever its case ("Laiteries")."""
        return word.lower().rstrip("sx") in self.g.organisations

    def _org(self, name: str) -> Entity:
        """The organisation of that name: the table's, unless it met the name as someone else's."""
        found = self.table.find(name)
        return found if found is not None and found.type == "ORG" else self.table.entity(name, "ORG")

    def _called(self, mention: Mention) -> Optional[str]:
        """The name after a noun of the kind of body a name follows ("l'ONG X", "le collectif
        citoyen X", "le groupe d'opposition X", "le quotidien Le Courrier du Lot"): from the
        first capitalised word after the noun's own lower-case words to the end of the mention;
        none after "de" ("le collectif de Brennes" is from a place) nor after punctuation."""
        head = mention.head
        if head.text.lower() not in _NAMED_AFTER and head.lemma.lower() not in self.g.media:
            return None
        words = [w for w in mention.words if w.start > head.start]
        for k, w in enumerate(words):
            if w.upos == "PUNCT":
                return None
            if w.text[:1].isupper():
                j = k - 1 if k and words[k - 1].text.lower() in ("le", "la", "les", "l'", "l’") else k
                if j and words[j - 1].text.lower() in ("de", "du", "des", "d'", "d’"):
                    return None  # "de l'Ouest", "du Jura" ("de le" in the parse) too
                name = self.text[w.start: words[-1].end]
                if f"{head.text} {name}" in self.g.outlets:
                    return f"{head.text} {name}"  # "l'Agence France-Presse": the noun opens the title
                return None if name in self.g.places or any(x.upos == "PUNCT" for x in words[k:]) else name
            if w.upos not in ("ADJ", "ADP", "NOUN", "DET"):
                return None
        return None

    def _runs_on(self, mention: Mention, chain: str) -> Optional[str]:
        """"le groupe Papeteries de la Seine": a name made of a common noun, capitalised,
        takes its complement along, as a body's name after its noun does."""
        start = self.text.find(chain, mention.start)
        first = next((w for w in mention.words if w.start == start), None)
        # the tagger may read the capitalised noun as a name: "Laiteries" is still a firm's noun
        named_after = mention.head.text.lower() in _NAMED_AFTER and mention.head.end < start
        if first is None or " " in chain or first.upos != "NOUN" and not self._body_noun(chain) and not named_after:
            return None  # "l'association Robin des Bois", "l'ONG Médecins du Monde" run on after their noun
        called = self._called(mention)
        if called is None:
            # "le fromager Laiteries du Bocage": after any noun, the complement of names it takes
            run = [w for w in mention.words if w.start >= first.start]
            end = first.end
            for k, w in enumerate(run[1:], 1):
                if w.text[:1].isupper() and run[k - 1].text.lower() in _LINKS:
                    end = w.end
                elif w.text.lower() not in _LINKS:
                    break
            called = self.text[first.start: end]
        return called if called is not None and called.startswith(chain + " ") else None

    def _name_written_here(self, mention: Mention) -> Optional[str]:
        """"L'Est républicain", "le quotidien L'Est républicain", "Santé Canada": a listed outlet,
        or an organisation the entity table named, written where the mention is, which its head
        belongs to or names the kind of, however the parse cut its words ("Est" read as a verb,
        "Santé" as a noun with the country its complement)."""
        head = mention.head
        near = [w for w in mention.sentence.words if head.start - 40 <= w.start < head.start] + list(mention.words)
        for w in near:
            if not w.text[:1].isupper():
                continue
            name = listed_outlet_at(self.text, w.start, self.g)
            if name is not None and (w.start <= head.start < w.start + len(name) or head.lemma.lower() in self.g.media
                                     and head.start < w.start and w in mention.words):
                return name
            named = self._org_named_at(w.start)  # the whole mention from there, not a part ("Grande Mosquée" of "... de Lyon")
            if named is not None and " " in named.name and w.start <= head.start and w.start + len(named.name) >= mention.end:
                return named.name
        return None

    def _org_named_at(self, start: int) -> Optional[Entity]:
        """The organisation the table found by name at `start` ("du Fonds monétaire international")."""
        return next((e for e in self.table.entities if e.type == "ORG" for m in e.mentions
                     if m.kind == "name" and m.start == start), None)

    def _named_org(self, mention: Mention) -> Optional[Entity]:
        """"la fédération de rugby du pays" after "Fédération bretonne de rugby (FBR)": a
        definite organisation noun is the one organisation the text names with that noun."""
        head = mention.head
        if not any(w.text.lower() in ("le", "la", "l'", "l’") and w.head == head.id for w in mention.words):
            return None
        named = [e for e in self.table.entities if e.type == "ORG" and e.name.split()[0].lower() == head.text.lower()
                 and len(e.name.split()) > 1]
        # Several: the noun refers back to the one named last before it, not one named later.
        before = [(max(m.start for m in e.mentions if m.start < mention.start), e) for e in named
                  if any(m.start < mention.start for m in e.mentions)]
        if len(named) > 1 and before:
            return max(before, key=lambda x: x[0])[1]
        if len(named) == 1:
            return named[0]
        if head.lemma.lower() in _NAMED_BY_ACRONYM and len(mention.words) == 2:
            return self._acronym_org(mention)
        return self._firm(mention) if len(mention.words) == 2 else None

    def _firm(self, mention: Mention) -> Optional[Entity]:
        """"l'entreprise", "le groupe" alone after "le constructeur Renault", "l'armateur
        Marenor": the firm the text last introduced by a noun of firms, whichever; a union or
        an association named since is none ("L'ONG X accuse l'armateur Y ... L'entreprise")."""
        if mention.head.lemma.lower() not in self.g.firms:
            return None
        found = [(m.start, e) for e in self.table.entities if e.type == "ORG" for m in e.mentions
                 if m.start < mention.start and introduced_by(self.text, m.start, self.g.firms)]
        return max(found, key=lambda x: x[0])[1] if found else None

    def _acronym_org(self, mention: Mention) -> Optional[Entity]:
        """"le syndicat", "le parti" alone, after the text named an organisation by its acronym
        ("la CFDT", "le PCF"): that one, the nearest before (not an outlet, not a place)."""
        found = [(m.start, e) for e in self.table.entities if e.type == "ORG" and e.name not in self.g.outlets
                 for m in e.mentions if m.kind == "acronym" and m.start < mention.start]
        return max(found, key=lambda x: x[0])[1] if found else None

    def _last_org(self, position: int) -> Optional[Entity]:
        for pos, entity in reversed(self.history):
            if pos < position and entity.type == "ORG":
                self._found = Lookup(position, pos)
                return entity
        self._found = Lookup(position, None)
        return None
