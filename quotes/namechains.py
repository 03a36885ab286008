"""The proper-name chains of a speaker's mention, and which of them names it:
"le ministre de la Défense Jan Hamáček" holds the chain "Jan Hamáček", not "Défense".
Mixed into `speakers.Resolver`; it reads the grammar (`self.g`) and the text."""

from __future__ import annotations

import functools
from typing import Optional

import regex

from .attribution import Mention
from .entities import is_acronym
from .namelists import NameList
from .tokens import DEMONYM, GLUED_CLITIC, place_pattern

_DETERMINERS = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’"})
_DE = frozenset({"de", "d'", "d’", "du", "des"})
_AFTER_PREP = regex.compile(r"\b(?:sur|à|au|aux|pour|par)\s+(?:l['’]\s*|la\s+|le\s+|les\s+)?$", regex.IGNORECASE)
_PARTICLES = frozenset({"Le", "La", "Du", "Des", "De"})
# "Pour" opening its sentence, perhaps after one word: the cue of the name after it ("Pour
# Ronan Le Gac, ..."), not a preposition before someone else's name.
_OPENING_POUR = regex.compile(r"(?:^|[.!?:;»\n]\s*)(?:\w+\s*,?\s+)?pour\s+$", regex.IGNORECASE)
_TIME_WORDS = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui".split())


class NameChains:
    def _chains(self, mention: Mention) -> list[list]:
        """Proper-name chains of a mention: not inside "de la X" (an office's domain, a place),
        not behind another preposition ("sur RTL Emmanuel Lépine"), not in brackets."""
        chains: list[list] = []
        current: list = []
        words = list(mention.words)
        depth = 0
        skipped: set[int] = set()
        domains: set[int] = set()    # names after "de" and an article: a place's, an office's
        titled = mention.head.lemma.lower() in self.g.titles or mention.head.text.lower() in self.g.titles
        for i, w in enumerate(words):
            if w.text in ("-", "–", "—") and self.text[w.start - 1: w.start] == " ":
                chains, current = [], []  # "PARIS (Reuters) - Le ministre ...": a dateline before the dash
                continue
            depth += (w.text == "(") - (w.text == ")")
            is_name = depth == 0 and (w.upos == "PROPN" or (w.upos in ("NOUN", "X", "ADJ", "NUM") and w.text[:1].isupper() and i > 0)
                                      or w.text in self.g.first_names) and not GLUED_CLITIC.search(w.text) \
                and w.text not in self.g.honorifics and w.text.lower() not in self.g.titles
            if is_name:
                k = i - 1
                while not current and k >= 0 and (words[k].upos == "DET" or words[k].text.lower() in _DETERMINERS) \
                        and words[k].text.lower() not in _DE:
                    k -= 1  # back over the article, not over "des"/"du" ("ministère turc des Affaires")
                particle = k >= 1 and words[k].text.lower() in _DE and words[k - 1].text in self.g.honorifics  # "M. de Villiers"
                # "le sismologue de l'ENS Paul Garnier": a given name after the acronym begins a person's name
                member = not current and i > 0 and words[i - 1].id in skipped and is_acronym(words[i - 1].text) \
                    and self.g.given_name(w.text)
                if not current and not particle and not member and (k >= 0 and (words[k].text.lower() in _DE or words[k].upos == "ADP") or _behind_preposition(
                        self.text, w.start) or (w.deprel in ("flat:name", "flat") and (
                        w.head in skipped or w.head in domains and not titled))):
                    # "ministre de la Défense", "Corée du Nord", "sur RTL"; a name right after a bare
                    # "de" is a person's, whole: "cabinet de Michel Sapin" (a place or an office takes
                    # an article, and the name after it is another: the title holder's in "le ministre
                    # de l'Intérieur Jan Hamáček", more of the body's own in "la section genevoise du
                    # Touring Club Suisse").
                    if i > 0 and words[i - 1].text.lower() in ("de", "d'", "d’") or w.head in skipped or is_acronym(w.text):
                        skipped.add(w.id)  # an acronym's name runs on: "de l'US Orléans" is a club
                    else:
                        domains.add(w.id)
                    continue
                if not current and k >= 0 and words[k].text.lower() in self.g.streets:
                    continue  # "un enseignant du collège Jean-Moulin": a place's name
                if not current and (w.text.lower() in _TIME_WORDS or w.text[:1].islower()):
                    continue  # "Mercredi, le ministre ...", "la présidence kényane" (an adjective the tagger called a name)
                if current and self.text[current[-1].end: w.start].strip():
                    chains.append(current)  # "la région Centre, Odile Ferrand": a comma parts two names
                    current = []
                current.append(w)
            elif current and w.text in _PARTICLES and i + 1 < len(words) and words[i + 1].text[:1].isupper() \
                    and self.text[current[-1].end: w.start] == " ":
                current.append(w)  # "Yann Le Bihan", "Marine Le Pen": a capitalised article inside the name
            elif current and w.start == current[-1].end and current[-1].text[-1:] in "'’":
                current.append(w)  # "Le Cléac'h", which the tokenizer cut after the apostrophe
            elif current:
                chains.append(current)
                current = []
        if current:
            chains.append(current)
        return chains

    def _chain(self, mention: Mention) -> Optional[str]:
        """The name of a mention: the chain holding its head, else the one hanging on the
        head ("le ministre Belousov"), else the first: an apposition's head wins over
        the names in its complement ("Paul Girard, professeur à l'université Laval")."""
        listed = self._listed_around(mention)
        if listed is not None:
            return listed
        chains = self._chains(mention)
        if not chains:
            # "Médecins du monde alerte": a listed name, its capitalised first word read as a noun
            # (the mention's head; "le gouverneur de la Banque de France" is no bank)
            return self._listed_name(mention.head.start) if mention.head.text[:1].isupper() else None
        head = mention.head
        # An acronym or a listed body's name hanging on a title is its party or union ("la députée
        # PS de Brest, Anne Lemoal", "le délégué Force ouvrière du site, Marc X").
        named = [c for c in chains if not (len(c) == 1 and is_acronym(c[0].text)) and not self._listed_name(c[0].start)
                 and not self._listed_over(mention, c[0].start)] if head.lemma.lower() in self.g.titles else chains
        chosen = next((c for c in chains if any(w.id == head.id for w in c)), None) \
            or next((c for c in named if any(w.head == head.id for w in c)), None) \
            or next((c for c in named if head.lemma.lower() in self.g.titles and self._set_off(c[0])), None) or (named or chains)[0]
        if len(chosen) == 1 and is_acronym(chosen[0].text) and any(w.text.lower() in self.g.titles for w in mention.words):
            chosen = next((c for c in chains if not (len(c) == 1 and is_acronym(c[0].text))), chosen)
        if len(chosen) > 1 and is_acronym(chosen[0].text) and not is_acronym(chosen[1].text) and any(
                w.text.lower() in self.g.titles or w.lemma.lower() in self.g.titles for w in mention.words if w.end <= chosen[0].start):
            chosen = chosen[1:]  # "le député LR Éric Ciotti": the party, then the name ("l'AS Monaco" is a club)
        article = regex.search(r"\b(le|la|les|l['’]|au|du)\s*$", self.text[max(0, chosen[0].start - 4): chosen[0].start], regex.IGNORECASE)
        if len(chosen) > 2 and article and chosen[0].text not in self.g.first_names and (
                chosen[1].text in self.g.first_names and article.group(1).lower() not in ("au", "du")
                or DEMONYM.search(chosen[0].text) and chosen[0].text not in self.g.places
                and f"Le {chosen[0].text}" not in self.g.outlets):  # "au Parisien X": the newspaper
            chosen = chosen[1:]  # "le Slovène Matej Kovačič", "la Belge Élise X": a nationality before the name
        # "le syndicat Force ouvrière": the name runs on in lower case; "une étude de Santé
        # publique France": a listed name that began before the chain's capitals
        return self._listed_name(chosen[0].start) or self._listed_over(mention, chosen[0].start) \
            or self._body_named_at(chosen[0].start, chosen[-1].end) or self.text[chosen[0].start: chosen[-1].end]

    def _body_named_at(self, start: int, end: int) -> Optional[str]:
        """A body's name the entity table read from `start` past `end`, which the parse cut
        at "et" ("le groupement forestier Bois | et Scieries de Bourgogne")."""
        return next((e.name for e in self.table.entities if e.type == "ORG" for m in e.mentions
                     if m.kind == "name" and m.start == start and m.end > end and " et " in m.text), None)

    def _set_off(self, first) -> bool:
        """A name set off by a comma, an honorific aside: the apposition that names a title
        ("La PDG du groupe Briochin Textiles, Sandrine Le Floch"), not its complement's name."""
        before = self.text[max(0, first.start - 12): first.start].rstrip()
        for honorific in self.g.honorifics:
            if before.endswith(" " + honorific) or before.endswith("," + honorific):
                before = before[: -len(honorific)].rstrip()
                break
        return before.endswith(",")

    def _listed_around(self, mention: Mention) -> Optional[str]:
        """A listed outlet or organisation whose written name holds the mention's head, its
        article included: "selon Le Canard enchaîné", "pour Sud Ouest", "Les Républicains"
        (read word by word, "Canard", "Ouest" or the plural "Républicains")."""
        names = self.g.outlets | self.g.organisation_names
        if not names or not mention.head.text[:1].isupper():
            return None
        # the written name may run past a mention the parse cut short ("écrit Le Canard | enchaîné")
        for m in _listed_pattern(names).finditer(self.text, mention.start, min(len(self.text), mention.end + 40)):
            if m.start() <= mention.head.start < m.end():
                return m.group()[0].upper() + m.group()[1:]
        return None

    def _listed_over(self, mention: Mention, start: int) -> Optional[str]:
        """The grammar's organisation name, in the mention, that holds the word at `start`."""
        if not self.g.organisation_names:
            return None
        return next((m.group() for m in _listed_pattern(self.g.organisation_names).finditer(self.text, mention.start, mention.end)
                     if m.start() < start < m.end()), None)

    def _listed_name(self, start: int) -> Optional[str]:
        """The grammar's organisation name that starts at `start`, if one does."""
        known = place_pattern(self.g.organisation_names).match(self.text, start) if self.g.organisation_names else None
        return known.group() if known is not None else None


@functools.lru_cache(maxsize=4)
def _listed_pattern(names: frozenset[str]) -> NameList:
    """Listed names, longest first, their article in either case ("le Canard enchaîné")."""
    lowered = {name[:1].lower() + name[1:] for name in names if name.split()[0] in ("Le", "La", "Les", "L'", "L’")}
    return place_pattern(names | lowered)   # found as whole words, as places are


def _behind_preposition(text: str, start: int) -> bool:
    """Does a preposition stand right before the name at `start` ("sur RTL Emmanuel Lépine":
    the outlet, then the speaker), but for an opening "Pour", which introduces the speaker?"""
    return _AFTER_PREP.search(text, max(0, start - 12), start) is not None \
        and _OPENING_POUR.search(text, max(0, start - 40), start) is None
