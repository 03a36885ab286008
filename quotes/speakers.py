"""Speaker resolution: from the words at an attribution to one entity per document.

* names: proper-noun chains of the mention, expanded to the fullest form the
  document gives ("M. Belousov" -> "Andreï Belousov"); spelling variants of one
  name ("Beloussov", "Choïgou"/"Shoigu") are joined with a fuzzy matcher over
  transliteration-folded forms, only between name chains;
* pronouns go to the most recent compatible person;
* a title without a name ("le ministre des Affaires étrangères") goes to the
  person the document gives that title, else to its most cited person;
* document nouns ("la déclaration") and outlet nouns ("le média") speak for
  the organisation last named;
* types: PER / ORG / GPE / GROUP from the grammar's word lists and the parse.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Optional

import attrs
import regex
from rapidfuzz import fuzz

from .attribution import Event, Mention
from .grammar import Grammar
from .model import Speaker, Span

_CAPS = regex.compile(r"(?<![\p{L}\d])\p{Lu}[\p{L}’'\-]*(?:[ \u00a0]+\p{Lu}[\p{L}’'\-]*)*")
_STOP = frozenset(
    "le la les l' l’ un une des du de d' d’ au aux selon dans en lors pour par sur avec sans "
    "il elle ils elles ce cette ces son sa ses leur leurs et ou mais a à après avant depuis "
    "comme si quand alors ainsi jusqu’à jusqu'à m. mme mlle".split()
)
_DETERMINERS = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’"})
_FOLD = [("ch", "sh"), ("ou", "u"), ("ss", "s"), ("y", "i"), ("kh", "h"), ("j", "zh"), ("w", "v")]


def fold(name: str) -> str:
    """A spelling key for transliterated names: Beloussov ~ Belousov, Choïgou ~ Shoigu."""
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = regex.sub(r"[^a-z ]", " ", s)
    for a, b in _FOLD:
        s = s.replace(a, b)
    return " ".join(s.split())


@attrs.frozen
class Lookup:
    """A search for an antecedent: from the mention at `position` back to the history
    entry at `found` (None: nothing compatible was found).  The gate reads these to
    parse the sentences such a search crossed without seeing."""

    position: int
    found: Optional[int]


@attrs.define
class _Entity:
    name: str
    type: str
    gender: Optional[str] = None
    count: int = 0


class Resolver:
    """Built once per document: it indexes the names and titles the text gives."""

    def __init__(self, text: str, grammar: Grammar):
        self.g = grammar
        self.text = text
        self.names = self._names(text)
        self.history: list[tuple[int, _Entity]] = []   # resolved speakers by position
        self.lookups: list[Lookup] = []                 # antecedent searches made for speakers
        self._derived: dict[int, Optional[int]] = {}    # history entry -> entry it was resolved to
        self._found: Optional[Lookup] = None
        self.salience = Counter(self.canonical(n) for n in self.names)

    # ------------------------------------------------------------------ names

    def _names(self, text: str) -> list[str]:
        lower_words = set(regex.findall(r"(?<![\p{L}])\p{Ll}[\p{L}’'\-]*", text))
        out = []
        for m in _CAPS.finditer(text):
            tokens = m.group().replace("\u00a0", " ").split(" ")
            if len(tokens) > 1 and self._office_before(text, m.start()):
                tokens = tokens[1:]  # "ministre de la Défense Belousov": Défense names the office
            while tokens and (tokens[0].lower() in _STOP or tokens[0].lower() in self.g.titles or tokens[0] in self.g.honorifics or tokens[0].lower() in lower_words):
                tokens.pop(0)
            while tokens and tokens[-1].lower() in _STOP:
                tokens.pop()
            if tokens and not any(t.isupper() and len(t) > 1 for t in tokens):
                name = " ".join(tokens)
                if name not in self.g.places:
                    out.append(name)
        return out

    def _office_before(self, text: str, pos: int) -> bool:
        """Is the capitalised word at pos the domain of an office ("ministre de la Défense")?"""
        before = text[max(0, pos - 60): pos]
        m = regex.search(r"([\p{L}’'\-]+)(?:\s+[\p{L}’'\-]+)?\s+(?:de|des|du|d['’]|de la|de l['’])\s*$", before, regex.IGNORECASE)
        if not m:
            return False
        words = [w.lower() for w in regex.findall(r"[\p{L}’'\-]+", before[m.start(): m.end()])]
        return any(w in self.g.titles or w in self.g.organisations for w in words)

    def canonical(self, name: str) -> str:
        """The fullest form of a person's name in this document."""
        tokens = name.split()
        if not tokens:
            return name
        best = name
        key = fold(name)
        for other in self.names:
            if len(other.split()) <= len(best.split()):
                continue
            other_tokens = other.split()
            if set(tokens) <= set(other_tokens) or self._variant(key, other_tokens):
                best = other
        return best

    @staticmethod
    def _variant(key: str, other_tokens: list[str]) -> bool:
        last = fold(other_tokens[-1])
        first = fold(other_tokens[0])
        whole = fold(" ".join(other_tokens))
        if len(key) < 4:
            return False
        return fuzz.ratio(key, last) >= 85 or fuzz.ratio(key, first) >= 90 or fuzz.ratio(key, whole) >= 90

    # ------------------------------------------------------------------ typing

    def _chain(self, mention: Mention) -> Optional[str]:
        """The proper-name chain of a mention: PROPN words not inside 'de la X'."""
        chains: list[list] = []
        current: list = []
        words = list(mention.words)
        for i, w in enumerate(words):
            is_name = (w.upos == "PROPN" or (w.upos in ("NOUN", "X", "ADJ", "NUM") and w.text[:1].isupper() and i > 0)) and w.text not in self.g.honorifics and w.text.lower() not in self.g.titles
            if is_name:
                k = i - 1
                while not current and k >= 0 and (words[k].upos == "DET" or words[k].text.lower() in _DETERMINERS - {"de", "d'", "d’", "du", "des"}):
                    k -= 1
                if not current and k >= 0 and words[k].text.lower() in ("de", "d'", "d’", "du", "des"):
                    continue  # "ministre de la Défense", "Corée du Nord": part of a title or a place
                current.append(w)
            elif current:
                chains.append(current)
                current = []
        if current:
            chains.append(current)
        if not chains:
            return None
        chain = chains[-1]
        return self.text[chain[0].start: chain[-1].end]

    def _gender(self, mention: Mention) -> Optional[str]:
        for w in mention.words:
            if w.text in self.g.honorifics:
                return self.g.honorifics[w.text]
            if w.upos == "DET" and w.feat("Gender"):
                return {"Masc": "m", "Fem": "f"}.get(w.feat("Gender"))
        return None

    def _strip_det(self, mention: Mention) -> str:
        words = list(mention.words)
        while words and (words[0].text.lower() in _DETERMINERS or words[0].upos in ("DET", "PUNCT")):
            words.pop(0)
        if not words:
            return mention.text
        return self.text[words[0].start: mention.end]

    # ------------------------------------------------------------------ resolve

    def resolve(self, event: Event) -> Optional[Speaker]:
        mention = event.mention
        if mention is None:
            return None
        entity = self._searched(mention)
        if entity is None:
            return None
        self.history.append((mention.start, entity))
        title = self._title_words(mention)
        return Speaker(entity.name, entity.type, Span(mention.start, mention.end, mention.text), title)

    def resolve_mention(self, mention: Mention) -> Optional[_Entity]:
        return self._searched(mention)

    def _searched(self, mention: Mention) -> Optional[_Entity]:
        """Resolve a speaker's mention, keeping the antecedent searches it relied on."""
        self._found = None
        entity = self._resolve(mention, mention.start)
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
        head = mention.head
        if head.upos == "PRON" and head.text.lower() not in self.g.pronouns:
            return
        lemma = head.lemma.lower()
        if head.upos == "NOUN" and lemma not in self.g.titles and lemma not in self.g.organisations:
            return
        if lemma in self.g.documents or lemma in self.g.media:
            return
        self._found = None
        entity = self._resolve(mention, mention.start)
        if entity is not None and entity.type in ("PER", "ORG"):
            self.history.append((mention.start, entity))
            if self._found is not None:
                self._derived[mention.start] = self._found.found

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

    def _resolve(self, mention: Mention, position: int) -> Optional[_Entity]:
        head = mention.head
        low = head.text.lower()
        lemma = head.lemma.lower()
        if low in self.g.pronouns:
            return self._antecedent(mention.start, self.g.pronouns[low])
        if head.upos == "PRON":
            return None  # "je", "nous", "on", "cela": no third person to look back for
        conj = [w for w in mention.words if w.deprel == "conj" and w.upos in ("NOUN", "PROPN") and w.start > head.start]
        if conj or sum(1 for w in mention.words if w.deprel.startswith("nsubj")) > 1:
            kind = self._type(mention, self._chain(mention))
            return _Entity(self._strip_det(mention), kind)
        chain = self._chain(mention)
        kind = self._type(mention, chain)
        if kind == "PER":
            if chain:
                name = self.canonical(chain)
                return _Entity(name, "PER", self._gender(mention))
            return self._titled(mention) or _Entity(self._strip_det(mention), "PER", self._gender(mention))
        if lemma in self.g.documents:
            author = regex.search(r"\bpar\s+(?:l[ae]\s+|l['’]\s*|les\s+)?(.+)$", mention.text)
            if author:
                return _Entity(author.group(1).strip(" ,"), "ORG")
        if lemma in self.g.documents or lemma in self.g.media and not chain:
            org = self._antecedent(mention.start, None, want="ORG")
            if org is not None:
                return org
        if kind == "ORG":
            if chain and (chain.isupper() or head.start < self.text.find(chain, mention.start)):
                return _Entity(chain, "ORG")
            return _Entity(self._strip_det(mention), "ORG")
        if kind == "GPE":
            return _Entity(chain or self._strip_det(mention), "GPE")
        return _Entity(mention.text if kind == "GROUP" else self._strip_det(mention), kind)

    def _type(self, mention: Mention, chain: Optional[str]) -> str:
        head = mention.head
        lemma = head.lemma.lower()
        stripped = self._strip_det(mention)
        if chain in self.g.places or stripped in self.g.places or head.text in self.g.places:
            return "GPE"
        if lemma in self.g.organisations or lemma in self.g.documents or any(w.lemma.lower() in self.g.organisations for w in mention.words if w.start < head.end + 1 and w.upos == "NOUN"):
            if lemma not in self.g.titles:
                return "ORG"
        if chain and chain.isupper() and len(chain) > 1:
            return "ORG"
        if lemma in self.g.groups or (head.upos == "NOUN" and head.feat("Number") == "Plur"):
            return "GROUP"
        if lemma in self.g.titles or chain or head.upos == "PROPN":
            articles = {"le", "la", "les", "l'", "l’"}
            if head.upos == "PROPN" and any(w.text.lower() in articles and w.head == head.id for w in mention.words):
                return "GPE"  # persons take no article in French: "la Corée", "les États-Unis"
            return "PER"
        return "ORG"

    def _antecedent(self, position: int, gender: Optional[str], want: str = "PER") -> Optional[_Entity]:
        for pos, entity in reversed(self.history):
            if pos >= position or entity.type != want:
                continue
            if gender in ("m", "f") and entity.gender and entity.gender != gender:
                continue
            self._found = Lookup(position, pos)
            return entity
        self._found = Lookup(position, None)
        return None

    def _titled(self, mention: Mention) -> Optional[_Entity]:
        words = {w.text.lower() for w in mention.words if w.upos not in ("DET", "ADP", "PUNCT")}
        head = mention.head.text.lower()
        best, best_score = None, 0.0
        for m in regex.finditer(r"\b" + regex.escape(mention.head.text) + r"\b", self.text, regex.IGNORECASE):
            after = self.text[m.start(): m.start() + 120]
            found = _CAPS.search(after, 1)
            while found and len(found.group().split()) == 1 and self._office_before(after, found.start()):
                found = _CAPS.search(after, found.end())
            if not found:
                continue
            name_tokens = [t for t in found.group().split() if t.lower() not in _STOP]
            if self._office_before(after, found.start()):
                name_tokens = name_tokens[1:]
            phrase = after[: found.start()]
            # Only adjectives and "de" complements stand between a title and its holder:
            # "le ministre nord-coréen des Affaires étrangères Choe Son-hui".
            if not name_tokens or not regex.fullmatch(r"[\p{L}’'\- ,]*", phrase) or len(phrase.split()) > 7 or phrase.count(",") > 1:
                continue
            phrase_words = {t.lower() for t in regex.findall(r"[\p{L}’'\-]+", phrase)} - _DETERMINERS
            name = self.canonical(" ".join(name_tokens))
            if name in self.g.places or fold(name) in {fold(p) for p in self.g.places}:
                continue
            union = words | phrase_words
            score = len(words & phrase_words) / len(union) if union else 0
            if head in phrase_words and score > best_score:
                best, best_score = name, score
        if best:
            return _Entity(best, "PER", self._gender(mention))
        persons = [n for n, _ in self.salience.most_common() if n not in self.g.places]
        if persons:
            return _Entity(persons[0], "PER", self._gender(mention))
        return None
