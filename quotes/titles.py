"""Titles given to a person by apposition, in either order: "Anne Morel, la ministre des
Finances" and "la ministre des Finances Anne Morel" make Anne Morel the holder of the whole
phrase "ministre des Finances" (never of its head word alone).  A mixin of the entity table:
it reads the table's tokens and records holders on it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import attrs
import regex

from .tokens import DE_WORDS, DETERMINERS, PLACE_NOUNS, glued, is_acronym, title_key

if TYPE_CHECKING:
    from .attribution import Mention
    from .entities import Entity

_DE = frozenset({"de", "d'", "d’", "du", "des"})
# "l'homme", "la femme", "l'intéressée": a person of that gender, named before
_BARE_PERSON = {"homme": "m", "femme": "f", "intéressé": "m", "intéressée": "f"}
_FEMININE_DET = frozenset({"la", "une", "cette", "sa"})
_COUNTS = {"deux": 2, "trois": 3, "quatre": 4}
_PLACE_BEFORE = regex.compile(r"\b(?:à|au|aux|en|dans|vers|depuis)\s+(?:l['’]|la\s+|le\s+|les\s+)?$", regex.IGNORECASE)
# Lower-case words that end a title phrase: verbs, relatives, conjunctions, time words.
_PHRASE_STOP = frozenset(
    "a ont avait avaient aura est sont était étaient sera fut qui que qu' qu’ dont où et ou mais selon lors "
    "se s' s’ ne n' n’ il elle ils elles on lui leur y pour par avec sans chez depuis après avant "
    "lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui aujourd’hui demain".split()
)

# Words that open a verb group: an auxiliary or a clitic before a verb.
_VERB_LEADS = frozenset("a ont avait avaient aura auront est sont était étaient sera seront fut ne n' n’ se s' s’".split())


@attrs.frozen
class Holder:
    """A title phrase the document gives a person: ("ministre", "des", "finances") -> entity."""

    words: tuple[str, ...]
    entity: Entity
    position: int


@attrs.frozen
class Lookup:
    """A search for an antecedent: from the mention at `position` back to the history
    entry at `found` (None: nothing compatible was found).  The gate reads these to
    parse the sentences such a search crossed without seeing."""

    position: int
    found: Optional[int]


class TitleScan:
    """Title phrases and their holders; needs the table's toks, g, text, holders, mention,
    find, _glued, _glued_words, _name_span, _sentence_start."""

    def _is_title(self, k: int) -> bool:
        t = self.toks[k]
        if t.low not in self.g.titles:
            return False
        if t.cap:  # "Premier ministre": a capitalised title word only before a lower-case one
            return k + 1 < len(self.toks) and self.toks[k + 1].low in self.g.titles and not self.toks[k + 1].cap \
                and not (k > 0 and self.toks[k - 1].low in ("le", "la") and self.toks[k - 1].cap and not self._sentence_start(k - 1))
        return not (k > 0 and self.toks[k - 1].low in self.g.titles)  # "Premier ministre" starts at Premier

    def phrase(self, k: int) -> int:
        """The end (token index) of the title phrase starting at k: "ministre des Finances",
        "professeur à l'université de Lyon", "maire UMP du Raincy"."""
        toks, n, j = self.toks, len(self.toks), k + 1
        while j < n and j - k < 10 and self._glued_words(j, j + 1) and glued(self.text, toks[j - 1], toks[j]):
            t = toks[j]
            if t.low in ("et", "ou") and j + 1 < n and toks[j + 1].low in self.g.titles:
                j += 2  # "vice-président et trésorier de l'association"
                continue
            if t.low in _PHRASE_STOP or (t.low in self.g.forms and not t.cap):
                break
            if t.cap:
                if is_acronym(t.text) and len(t.text) <= 4 and toks[j - 1].low not in DE_WORDS:
                    j += 1  # a party or union: "le député LR", "la candidate PS"
                    continue
                run_end = j + 1
                while run_end < n and toks[run_end].cap and glued(self.text, toks[run_end - 1], toks[run_end]):
                    run_end += 1
                if toks[j - 1].low in PLACE_NOUNS:
                    j = run_end  # "de la région Auvergne-Rhône-Alpes": the place's name, no holder
                    continue
                if toks[j - 1].low not in DE_WORDS:
                    break  # a name starts
                whole = self.text[t.start: toks[run_end - 1].end]
                j = run_end if (run_end - j == 1 or t.low in self.g.organisations or whole in self.g.places) else j + 1
                if run_end - j > 0:
                    break  # "ministre des Finances Michel Sapin": the rest of the run is the holder
                continue
            j += 1
        while j > k + 1 and toks[j - 1].low in DE_WORDS | DETERMINERS:
            j -= 1
        return j

    def _apposition(self, k: int) -> None:
        toks, n = self.toks, len(self.toks)
        end = self.phrase(k)
        words = [t.text for t in toks[k:end]]
        key = title_key(words, self.g.titles)
        det = toks[k - 1].low if k > 0 else ""
        gender = self.title_gender(det, toks[k].low)
        holder = None
        after = end
        if after + 3 < n and toks[after].text == "(" and toks[after + 2].text == ")" and toks[after + 3].text == ",":
            after += 3  # "le président du Syndicat X (SX), Marc Y": the body's acronym, then the holder
        nxt = after + 1 if after < n and toks[after].text == "," else end
        if nxt > end:
            nxt = self._second_title(nxt)
        if nxt < n and toks[nxt].cap and (nxt == end or self._closes(nxt, self._after_preposition(k))):
            holder = self._person_at(nxt)
        if holder is None and not (det in DETERMINERS and self._verb_after(end)):
            # not "Selon X, la ministre a menti": a title with its article that a verb
            # follows is the next clause's subject, no apposition of the name before
            start = k - 1 if det in DETERMINERS else k
            if start >= 2 and toks[start - 1].text == ",":
                holder = self._person_ending(start - 1)
        if holder is None:
            return
        if gender:
            holder.votes[gender] += 1
        self.holders.append(Holder(key, holder, toks[k].start))
        self.mention(holder, toks[k].start, toks[end - 1].end, "title")

    def _verb_after(self, k: int) -> bool:
        """Does a verb, an auxiliary or a verb's clitic stand at token k ("a", "était", "ne", "s'")?"""
        if k >= len(self.toks):
            return False
        t = self.toks[k]
        return not t.cap and (t.low in _VERB_LEADS or t.low in self.g.forms)

    def _second_title(self, k: int) -> int:
        """"son président, le docteur Jean Roux", "la ministre, la Dre Anne Morel": a second
        title with its article between the comma and the name; where the name starts."""
        toks = self.toks
        if k + 2 >= len(toks) or toks[k].low not in DETERMINERS:
            return k
        if toks[k + 1].text in self.g.honorifics:
            return k + 1
        if (toks[k + 1].low in self.g.titles or self.g.person_word(toks[k + 1].low)) and not toks[k + 1].cap:
            return self.phrase(k + 1)
        return k

    def _closes(self, k: int, strict: bool = False) -> bool:
        """After "title, Name": the name is an apposition when a comma, a verb or the end follows
        it; only a comma or the end after "selon le ministre, Name" ("Selon le ministre, Paul
        Martin a menti": the name is the subject of the clause the minister reports)."""
        j = k
        while j < len(self.toks) and self.toks[j].cap:
            j += 1
        if j >= len(self.toks) or self.toks[j].text in ",.;:)":
            return True
        return not strict and (self.toks[j].low in self.g.forms or self.toks[j].low in _PHRASE_STOP)

    def _after_preposition(self, k: int) -> bool:
        """Does the title at token k open a verb-less cue's phrase ("selon le ministre", "d'après sa porte-parole")?"""
        start = k - 1 if k > 0 and self.toks[k - 1].low in DETERMINERS else k
        return start > 0 and self.toks[start - 1].low in ("selon", "après", "pour")

    def _person_at(self, k: int) -> Optional[Entity]:
        j = k
        while j < len(self.toks) and self.toks[j].cap and (j == k or glued(self.text, self.toks[j - 1], self.toks[j])):
            j += 1
        span = self._name_span(k, j)
        if span is None:
            return None
        name = self.text[self.toks[span[0]].start: self.toks[span[1] - 1].end]
        entity = self.find(name)
        return entity if entity is not None and entity.type == "PER" else None

    def _person_ending(self, comma: int) -> Optional[Entity]:
        j = comma
        i = j
        while i > 0 and self.toks[i - 1].cap and glued(self.text, self.toks[i - 1], self.toks[i if i < j else j - 1]):
            i -= 1
        if i > 0 and self.toks[i - 1].low in ("de", "du", "des", "d'", "d’"):
            return None  # "les soubresauts de Wall Street, le sénateur ...": a complement, no apposition
        return self._person_at(i) if i < j else None

    def title_gender(self, det: str, word: str) -> Optional[str]:
        """A title's gender: a feminine determiner, or the title's own marked form
        ("présidente", "le directeur").  "Le ministre" says nothing: the masculine of an
        epicene title is used for women too."""
        if det in _FEMININE_DET:
            return "f"
        titles = self.g.titles
        if (word.endswith("e") and word[:-1] in titles) or (word.endswith("trice") and word[:-5] + "teur" in titles) \
                or (word.endswith("euse") and word[:-4] + "eur" in titles):
            return "f"
        if word + "e" in titles or (word.endswith("teur") and word[:-4] + "trice" in titles):
            return "m"
        return None


_PRIME = frozenset({"premier", "première"})   # "Premier ministre": an office of its own


class TitleReference:
    """A title or a description at an attribution without a name: its holder in the document
    (bare definite nouns that refer back are anaphors.py's).  A mixin of the speaker resolver:
    needs g, table, _gender, _named_people, history, _found."""

    def _titled(self, mention: Mention, position: int) -> Optional[Entity]:
        """The person the document gives this whole title phrase; None when it gives it nobody
        (the mention then stays a description: no guess at the most cited person).  A bare
        title refers back from `position`, before the words it reports ("« ... Odessa ... »,
        a lancé la ministre" is no one named in them)."""
        words = list(mention.words)
        first = next((k for k, w in enumerate(words) if w.text.lower() in self.g.titles or w.lemma.lower() in self.g.titles), None)
        office = self._periphrasis(mention)
        if office is not None or first is None:
            return office
        key = [w.text for w in words[first:] if w.upos != "PUNCT"]
        entity = self.table.holder(key, mention.start, mention.end)
        if entity is None and words[0].text.lower() in ("le", "la", "l'", "l’"):
            entity = self._narrower(key, position)
        # Only a bare title refers back ("Le dirigeant a ajouté"); one with its complement
        # ("le porte-parole de la mairie") names a role the text would have given by name.
        if entity is None and words[0].text.lower() in ("le", "la", "l'", "l’") and not any(w.lower() in _DE for w in key[1:]):
            entity = self._described(key[0].lower(), self._gender(mention), position)
            if entity is not None and len(key) == 1:
                # "Le ministre" said of someone: a later "le ministre des Sports" may be them.
                self.given.append(Holder((key[0].lower(),), entity, mention.start))
        if entity is not None:
            _vote(entity, self._gender(mention))
        return entity

    def _periphrasis(self, mention: Mention) -> Optional[Entity]:
        """"le locataire de Matignon", "le chef de la diplomatie": an office named by a
        periphrasis, taken as its title; the holder the text gave it before, if any."""
        office = self.g.periphrases.get(self._strip_det(mention).replace("’", "'").lower())
        if office is None:
            return None
        entity = self.table.holder(list(office), mention.start, mention.end)
        if entity is not None:
            _vote(entity, self._gender(mention))
        return entity

    def _narrower(self, key: list[str], position: int) -> Optional[Entity]:
        """"le sénateur de l'Ohio" where the text only said "le sénateur X" (of one or more
        people): the holder who spoke or acted last, else the one given the title last
        before.  A definite description names someone already introduced."""
        narrow = title_key(key, self.g.titles)
        given = [h for h in self.given if h.words[:1] == narrow[:1] and len(narrow) > 1]
        holders = [h for h in self.table.narrower(key) + given if h.position < position]
        if not holders:
            self._found = Lookup(position, None)  # a title given in a sentence not parsed yet
            return None
        people = {id(h.entity) for h in holders}
        for pos, entity in reversed(self.history):
            if pos < position and id(entity) in people:
                self._found = Lookup(position, pos)
                return entity
        return max(holders, key=lambda h: h.position).entity

    def _described(self, title: str, gender: Optional[str], position: int) -> Optional[Entity]:
        """"Kim Jong-un a reçu ... Le dirigeant a ajouté": a definite title that the document
        gives nobody by name refers back, like a pronoun, to the most recent person it
        agrees with, one who holds no other title in the document."""
        for pos, entity in sorted(self._named_people(position) + self.history, key=lambda x: x[0], reverse=True):
            if pos >= position or entity.type != "PER":
                continue
            if " " not in entity.name and regex.search(rf"\b(?:de|d['’])\s*{regex.escape(entity.name)}\b", self.text, endpos=position):
                continue  # "élue mairesse de Sherbrooke ... « Sherbrooke a choisi »": a place's name
            words = entity.name.lower().split()
            if title in words and words.index(title) > 0 and words[words.index(title) - 1] in _PRIME:
                continue  # "le ministre" is not "la Première ministre": another office
            names = self.g.generic_titles.get(title, frozenset({title}))
            if not entity.name[:1].isupper():
                if title in words or names.intersection(words):
                    return entity  # "le secouriste" after "le premier secouriste" spoke, "le prélat" after "l'évêque"
                continue  # an unnamed "directeur" is not who "le maire" names
            if gender and entity.gender and gender != entity.gender:
                continue
            titles = self.table.titles_of(entity)
            if titles and not any(t[:1] and t[0] in names for t in titles):
                continue
            return entity
        return None


    def _counted(self, mention: Mention) -> Optional[Entity]:
        """"les deux responsables", "les trois dirigeants" after the paragraph named that many
        people: a group naming them all; "les deux pays" after a coordination of two names is
        that group ("Le Kenya et l'Éthiopie ... Les deux pays"), else, no people, it stays its
        description."""
        words = [w for w in mention.words if w.upos != "PUNCT"]
        head = mention.head
        if len(words) != 3 or words[0].text.lower() not in ("les", "ces") or words[1].text.lower() not in _COUNTS \
                or words[2].id != head.id:
            return None
        n = _COUNTS[words[1].text.lower()]
        # "Le Kenya et l'Éthiopie ont signé ... Les deux pays": the coordination just named, if
        # it has that many members (this paragraph or the one before)
        since = self.text.rfind("\n", 0, max(0, self.text.rfind("\n", 0, mention.start))) + 1
        found = next(((pos, e) for pos, e in reversed(self.history) if since <= pos < mention.start and e.type == "GROUP"
                      and e.name.count(", ") + e.name.count(" et ") + 1 == n and e.name[:1].isupper()), None)
        # the search goes back through sentences the gate may not have parsed yet
        self._found = Lookup(mention.start, found[0] if found else None)
        if found is not None:
            return found[1]
        if not (head.lemma.lower() in self.g.titles or head.lemma.lower() in _BARE_PERSON):
            return None
        start = self.text.rfind("\n", 0, mention.start) + 1
        named: list[Entity] = []
        for pos, entity in sorted(self._named_people(mention.start), key=lambda x: x[0], reverse=True):
            if _PLACE_BEFORE.search(self.text, max(0, pos - 8), pos) or _ARTICLE_BEFORE.search(self.text, max(0, pos - 4), pos):
                continue  # "à Matignon", "en Bretagne": a place the people met in; "tout le Cher": no person takes an article
            if pos >= start and entity not in named:
                named.append(entity)
        if len(named) < n:
            return None
        people = [e.name for e in reversed(named[:n])]
        return self.table.entity(", ".join(people[:-1]) + " et " + people[-1], "GROUP")


_ARTICLE_BEFORE = regex.compile(r"(?:^|[\s'’])(?:le|la|les|l['’])\s*$", regex.IGNORECASE)


def _vote(entity: Entity, gender: Optional[str]) -> None:
    if gender in ("m", "f"):
        entity.votes[gender] += 1




def _agrees(entity: Entity, gender: str) -> bool:
    """"ils"/"elles" stand for a group; "il"/"elle" for a person of no other gender, or an
    organisation of that gender ("L'association ... précise-t-elle")."""
    if gender == "p":
        return entity.type == "GROUP" or entity.number == "p"
    if entity.type == "PER":
        return not (entity.gender and entity.gender != gender)
    return entity.type == "ORG" and entity.gender == gender
