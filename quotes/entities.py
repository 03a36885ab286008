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

import functools
import unicodedata
from collections import Counter
from typing import Callable, Optional

import attrs
import regex
from rapidfuzz import fuzz

from .grammar import Grammar

_TOKEN = regex.compile(
    r"(?:M|MM|Mme|Mlle|Dr|Pr)\.(?=\s)"                  # honorifics keep their dot
    r"|(?:[ldjnsctm]|[LDJSC]|[Qq]u)['’](?=\p{L})"      # elisions: l'AFP, d'Ivoire, qu'il
    r"|[\p{L}\p{N}][\p{L}\p{N}\-’'/&]*"
    r"|[^\s\p{L}\p{N}]"
)
_FOLD = [("ch", "sh"), ("ou", "u"), ("ss", "s"), ("y", "i"), ("kh", "h"), ("j", "zh"), ("w", "v")]
DE_WORDS = frozenset({"de", "du", "des", "d'", "d’", "la", "l'", "l’", "à", "au", "aux"})
DETERMINERS = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "ce", "cet", "cette", "ces",
                         "son", "sa", "ses", "leur", "leurs", "notre", "votre"})
_FEMININE_DET = frozenset({"la", "une", "cette", "sa"})
_MASCULINE_DET = frozenset({"le", "un", "ce", "cet", "son"})
# Lower-case words that end a title phrase: verbs, relatives, conjunctions, time words.
_PHRASE_STOP = frozenset(
    "a ont avait avaient aura est sont était étaient sera fut qui que qu' qu’ dont où et ou mais selon lors "
    "se s' s’ ne n' n’ il elle ils elles on lui leur y pour par avec sans chez depuis après avant "
    "lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui aujourd’hui demain".split()
)
# Capitalised words that start a sentence or a phrase but name nobody.
_NOT_NAMES = frozenset(
    "le la les l' l’ un une des du de d' d’ au aux selon dans en lors pour par sur avec sans il elle ils elles "
    "ce cette ces son sa ses leur leurs et ou mais a à après avant depuis comme si quand alors ainsi "
    "jusqu’à jusqu'à m. mme mlle mm. dr. pr. lundi mardi mercredi jeudi vendredi samedi dimanche janvier février "
    "mars avril mai juin juillet août septembre octobre novembre décembre".split()
)


def fold(name: str) -> str:
    """A spelling key for transliterated names: Beloussov ~ Belousov, Choïgou ~ Shoigu."""
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = regex.sub(r"[^a-z ]", " ", s)
    for a, b in _FOLD:
        s = s.replace(a, b)
    return " ".join(s.split())


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@attrs.frozen
class Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


@attrs.define
class EntityMention:
    start: int
    end: int
    text: str
    kind: str          # name, acronym, title, description, pronoun


@attrs.define
class Entity:
    id: str
    name: str
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


@attrs.frozen
class Holder:
    """A title phrase the document gives a person: ("ministre", "des", "finances") -> entity."""

    words: tuple[str, ...]
    entity: Entity
    position: int


def tokens(text: str) -> list[Tok]:
    return [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def title_key(words: list[str], titles: frozenset[str]) -> tuple[str, ...]:
    """The words of a title phrase that identify it: no determiners, lower case."""
    return tuple(w.lower() for w in words if w.lower() not in DETERMINERS and w.lower() not in ("de", "d'", "d’", "du", "à", "au"))


class EntityTable:
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
        self._lower = {t.text for t in self.toks if t.text[:1].islower()}
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
        for k, t in enumerate(self.toks):
            if is_acronym(t.text):
                self._acronym(k, k + 1)
        covered = {k for e in self.entities for m in e.mentions for k in range(m.start, m.end)}
        for i, j in self._runs():
            if self.toks[i].start not in covered:
                self._name_run(i, j)
        for k, t in enumerate(self.toks):
            if self._is_title(k):
                self._apposition(k)

    def _places(self) -> None:
        pattern = _place_pattern(self.g.places)
        for m in pattern.finditer(self.text):
            entity = self.find(m.group()) or self.new(m.group(), "GPE")
            self.mention(entity, m.start(), m.end(), "name")

    def _glued(self, a: Tok, b: Tok) -> bool:
        gap = self.text[a.end: b.start]
        return not gap.strip() and "\n" not in gap

    def _runs(self) -> list[tuple[int, int]]:
        """Token ranges of capitalised words standing together: "Jean-Luc Mélenchon"."""
        out, k, n = [], 0, len(self.toks)
        while k < n:
            if not self.toks[k].cap or not self.toks[k].text[0].isalpha():
                k += 1
                continue
            j = k + 1
            while j < n and self.toks[j].cap and self.toks[j].text[0].isalpha() and self._glued(self.toks[j - 1], self.toks[j]):
                j += 1
            out.append((k, j))
            k = j
        return out

    def _name_span(self, i: int, j: int) -> Optional[tuple[int, int]]:
        """The part of a capitalised run that names someone, as token indices."""
        if i > 0 and j - i > 1 and self._complement(i):
            i += 1  # "ministre de la Défense Belousov": Défense names the office
        while i < j:
            low = self.toks[i].low
            # "Le Maire", "La Fontaine": a capitalised article before a capitalised title word is a surname.
            surname = low in ("le", "la") and i + 1 < j and self.toks[i + 1].low in self.g.titles and i > 0 and not self._sentence_start(i)
            if surname:
                break
            if low in _NOT_NAMES or self.toks[i].text in self.g.honorifics or self.toks[i].text in self._lower \
                    or (low in self.g.titles and not (i > 0 and self.toks[i - 1].low in ("le", "la") and self.toks[i - 1].cap)):
                i += 1
                continue
            break
        while j > i and self.toks[j - 1].low in _NOT_NAMES:
            j -= 1
        if j - i > 1 and is_acronym(self.toks[i].text) and not is_acronym(self.toks[i + 1].text):
            i += 1  # "l'AFP Jeanne Martin": an outlet or a party before a name is none of it
        return (i, j) if i < j else None

    def _sentence_start(self, i: int) -> bool:
        return i == 0 or self.toks[i - 1].text in ".!?«»\"“”:—–-" or "\n" in self.text[self.toks[i - 1].end: self.toks[i].start]

    def _complement(self, i: int) -> bool:
        """Does the run at token i follow "de"/"du"/"de la" after a title or organisation word?"""
        k = i - 1
        while k >= 0 and self.toks[k].low in ("la", "l'", "l’"):
            k -= 1
        if k < 0 or self.toks[k].low not in ("de", "du", "des", "d'", "d’"):
            return False
        back = [t.low for t in self.toks[max(0, k - 3): k]]
        return any(w in self.g.titles or w in self.g.organisations for w in back)

    def _name_run(self, i: int, j: int) -> None:
        span = self._name_span(i, j)
        if span is None:
            return
        a, b = span
        name = self.text[self.toks[a].start: self.toks[b - 1].end]
        if b - a == 1 and self._sentence_start(a) and name not in self._inner_caps:
            return  # "Actuellement, ...": a lone capitalised word opening a sentence, seen nowhere else
        if b - a == 1 and (self._complement(a) or self.toks[a].low in self.g.organisations) and name not in self.g.places:
            return  # "des Finances", "l'Université": an office's domain or a bare noun, no name
        if name in self.g.places or name.title() in self.g.places:
            entity = self.find(name) or self.new(name, "GPE")
        elif (b - a == 1 and is_acronym(name)) or name in self.g.outlets:
            entity = self.find(name) or self.new(name, "ORG")
        elif self.toks[a].low in self.g.organisations:
            entity = self.find(name) or self.new(name, "ORG")
        else:
            entity = self.person(name, create=True)
        kind = "acronym" if is_acronym(name) else "name"
        self.mention(entity, self.toks[a].start, self.toks[b - 1].end, kind)
        if entity.type == "PER":
            self._gender_evidence(entity, a, b)

    def _gender_evidence(self, entity: Entity, a: int, b: int) -> None:
        before = self.toks[a - 1].text if a > 0 else ""
        if before in self.g.honorifics:
            entity.votes[self.g.honorifics[before]] += 1
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

    def _acronym(self, i: int, j: int) -> None:
        """"Expansion (ACR)" and "ACR (Expansion)": one organisation named by its expansion."""
        toks, n = self.toks, len(self.toks)
        acr = toks[i]
        if i >= 2 and toks[i - 1].text == "(" and j < n and toks[j].text == ")":
            expansion = self._expansion_before(i - 1, acr.text)
        elif j + 1 < n and toks[j].text == "(":
            close = next((k for k in range(j + 1, min(n, j + 12)) if toks[k].text == ")"), None)
            expansion = (j + 1, close) if close and close - j > 2 and toks[j + 1].cap else None
        else:
            return
        if expansion is None:
            return
        a, b = expansion
        name = self.text[toks[a].start: toks[b - 1].end]
        entity = self.find(name)
        if entity is None or entity.type not in ("ORG", "GPE"):
            entity = self.new(name, "ORG")
        old = self._keys.get(fold(acr.text) or acr.text.lower())
        if old is not None and old is not entity:
            self._merge(old, entity)
        entity.acronym = acr.text
        self._keys[fold(acr.text) or acr.text.lower()] = entity
        self._keys.setdefault(fold(name), entity)
        self.mention(entity, toks[a].start, toks[b - 1].end, "name")
        self.mention(entity, acr.start, acr.end, "acronym")

    def _expansion_before(self, paren: int, acr: str) -> Optional[tuple[int, int]]:
        """The words before "(ACR)" that it abbreviates: the longest stretch starting with a
        capital (or an organisation noun) whose initial is the acronym's."""
        best = None
        for a in range(paren - 1, max(-1, paren - 10), -1):
            t = self.toks[a]
            if not t.text[0].isalnum() or not self._glued_words(a, paren) or t.low in ("et", "ou"):
                break
            if (t.cap or t.low in self.g.organisations) and t.text[0].upper() == acr[0].upper() and t.low not in _NOT_NAMES:
                best = (a, paren)
        return best

    def _glued_words(self, a: int, b: int) -> bool:
        return all(self.toks[k].text[0].isalnum() or self.toks[k].text in "'’" for k in range(a, b))

    def _merge(self, old: Entity, into: Entity) -> None:
        for m in old.mentions:
            self.mention(into, m.start, m.end, m.kind)
        into.votes.update(old.votes)
        self.entities.remove(old)
        for key, e in list(self._keys.items()):
            if e is old:
                self._keys[key] = into

    # ------------------------------------------------------------------ titles

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
        while j < n and j - k < 10 and self._glued_words(j, j + 1) and self._glued(toks[j - 1], toks[j]):
            t = toks[j]
            if t.low in ("et", "ou") and j + 1 < n and toks[j + 1].low in self.g.titles:
                j += 2  # "vice-Premier ministre et ministre de l'Intérieur"
                continue
            if t.low in _PHRASE_STOP or (t.low in self.g.forms and not t.cap):
                break
            if t.cap:
                if is_acronym(t.text) and len(t.text) <= 4 and toks[j - 1].low not in DE_WORDS:
                    j += 1  # a party or union: "le député LR", "la candidate PS"
                    continue
                if toks[j - 1].low not in DE_WORDS:
                    break  # a name starts
                run_end = j + 1
                while run_end < n and toks[run_end].cap and self._glued(toks[run_end - 1], toks[run_end]):
                    run_end += 1
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
        nxt = end + 1 if end < n and toks[end].text == "," else end
        if nxt < n and toks[nxt].cap and (nxt == end or self._closes(nxt)):
            holder = self._person_at(nxt)
        if holder is None:
            start = k - 1 if det in DETERMINERS else k
            if start >= 2 and toks[start - 1].text == ",":
                holder = self._person_ending(start - 1)
        if holder is None:
            return
        if gender:
            holder.votes[gender] += 1
        self.holders.append(Holder(key, holder, toks[k].start))
        self.mention(holder, toks[k].start, toks[end - 1].end, "title")

    def _closes(self, k: int) -> bool:
        """After "title, Name": the name is an apposition when a comma, a verb or the end follows it."""
        j = k
        while j < len(self.toks) and self.toks[j].cap:
            j += 1
        return j >= len(self.toks) or self.toks[j].text in ",.;:)" or self.toks[j].low in self.g.forms or self.toks[j].low in _PHRASE_STOP

    def _person_at(self, k: int) -> Optional[Entity]:
        j = k
        while j < len(self.toks) and self.toks[j].cap and (j == k or self._glued(self.toks[j - 1], self.toks[j])):
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
        while i > 0 and self.toks[i - 1].cap and self._glued(self.toks[i - 1], self.toks[i if i < j else j - 1]):
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
            if entity.type != "PER":
                continue
            other = entity.name.split()
            if tokens_ <= set(other) or set(other) <= tokens_ or _variant(key, other) or _variant(fold(entity.name), name.split()):
                if len(name.split()) > len(other):
                    entity.name = name
                self._keys[key or name.lower()] = entity
                return entity
        return self.new(name, "PER") if create else None

    def holder(self, words: list[str], position: int) -> Optional[Entity]:
        """The person the document gives this title: every word of the mention's phrase
        is in the holder's phrase and the head word is the same; the nearest before wins."""
        key = title_key(words, self.g.titles)
        if not key:
            return None
        found = [h for h in self.holders if h.words[:1] == key[:1] and set(key) <= set(h.words)]
        if not found:
            return None
        # The closest phrase first ("ministre des Affaires étrangères" is not the "ministre
        # nord-coréen des Affaires étrangères"), then the nearest given before the mention.
        return min(found, key=lambda h: (len(set(h.words) - set(key)), h.position > position, abs(position - h.position))).entity

    def titles_of(self, entity: Entity) -> list[tuple[str, ...]]:
        return [h.words for h in self.holders if h.entity is entity]

    def entity(self, name: str, kind: str, gender: Optional[str] = None) -> Entity:
        """The entity of a resolved speaker: a known one, or a new one (a description, a group)."""
        if kind == "PER":
            found = self.person(name) or self.find(name)
        else:
            found = self.find(name)
        if found is not None and found.type == "PER" and kind in ("ORG", "GPE") and not found.votes and not self.titles_of(found):
            found.type = kind  # "l'association Vélo pour tous": a capitalised word the scan took for a person
        if found is None:
            found = self.new(name, kind, "p" if kind == "GROUP" else "s")
        if gender in ("m", "f") and not found.votes and found.type == "PER":
            found.votes[gender] += 1
        return found

    def records(self, doc: str, offset: Callable[[int], int] = lambda i: i, text: Optional[str] = None) -> list[dict]:
        return [e.record(doc, offset, text) for e in self.entities if e.mentions]


@functools.lru_cache(maxsize=4)
def _place_pattern(places: frozenset[str]) -> regex.Pattern:
    """The grammar's places as one pattern, longest first ("Corée du Nord" before "Corée")."""
    words = sorted(places, key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}\-])(?:" + "|".join(regex.escape(w) for w in words) + r")(?![\p{L}\-])")


def _variant(key: str, other_tokens: list[str]) -> bool:
    if len(key) < 4 or not other_tokens:
        return False
    last, first, whole = fold(other_tokens[-1]), fold(other_tokens[0]), fold(" ".join(other_tokens))
    return fuzz.ratio(key, last) >= 85 or fuzz.ratio(key, first) >= 90 or fuzz.ratio(key, whole) >= 90
