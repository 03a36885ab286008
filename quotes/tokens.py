"""Words of a French news text, as the entity table reads them: tokens with offsets,
spelling keys for transliterated names, acronyms, the little words around names."""

from __future__ import annotations

import functools
import unicodedata
from typing import Optional

import attrs
import regex
from rapidfuzz import fuzz

from .namelists import NameList

_TOKEN = regex.compile(
    r"\p{Lu}\.(?:-\p{Lu}\.)+(?=\s)"                      # a compound given name's initials: "J.-M."
    r"|(?:M|MM|Mme|Mlle|Dr|Pr)\.(?=\s)"                 # honorifics keep their dot
    r"|(?!X)\p{Lu}\.(?=\s+\p{Lu}\p{Ll})"                 # a given name's initial before a name: "P. Lemaire" (not "sur X.")
    r"|(?:[ldjnsctm]|[LDJSC]|[Qq]u)['’](?=\p{L})"      # elisions: l'AFP, d'Ivoire, qu'il
    r"|[\p{L}\p{N}][\p{L}\p{N}\-’'/&]*"
    r"|[^\s\p{L}\p{N}]"
)
_FOLD = [("ch", "sh"), ("ou", "u"), ("ss", "s"), ("y", "i"), ("kh", "h"), ("j", "zh"), ("w", "v")]
# A verb with its subject clitic, which the tokenizer may leave one word ("Avez-vous",
# "a-t-il"): never a name.
GLUED_CLITIC = regex.compile(r"-(?:t-)?(?:je|tu|il|elle|on|nous|vous|ils|elles)$", regex.IGNORECASE)
# The same clitic written after a word the tokenizer kept apart: matched at the word's end.
CLITIC_AFTER = regex.compile(r"-(?:t-)?(?:je|tu|il|elle|on|nous|vous|ils|elles)(?![\p{L}\-])", regex.IGNORECASE)
# "que" as written: the complementizer and the relative, elided or not.
# Inhabitants' names: "Niçoise", "Lyonnais", "Parisienne", "Européen", "Belge", "Bretonne",
# "Savoyarde", "Valaisanne", "Espagnole", "Italien", "Nigériane", "Kényan".
DEMONYM = regex.compile(r"(?:oise?|aise?|ien(?:ne)?|éen(?:ne)?|ge|ène|sse|aine?|ande?|ole?|arde?|bè|onne|anne|[iy]ane?)$")
# Words that stand for someone named before: "ce dernier", "la première", "le second".
REFERRING_BACK = frozenset({"dernier", "dernière", "premier", "première", "second", "seconde"})
QUE_FORMS = frozenset({"que", "qu'", "qu’"})
# Third-person subject pronouns: "il juge", "souffle-t-elle".
SUBJECT_CLITICS = frozenset({"il", "elle", "ils", "elles", "on"})
# Nouns of a place whose name follows them with no "de": "la région Occitanie".
PLACE_NOUNS = frozenset({"région", "département", "province", "canton", "commune", "métropole", "agglomération",
                         "circonscription", "arrondissement", "territoire", "comté", "émirat", "archipel"})
# The noun that introduces a name, an adjective or a complement between: "le constructeur
# Renault", "le groupe belge Brasseries Delvaux", "l'armateur Marenor", "l'industriel de
# l'agroalimentaire Kervalis".
# The noun and the words after it are lower case whatever the article's case ("du Crédit
# Vosgien à Épinal" introduces no name by a noun), but for a trade's letters ("le groupe de
# BTP X").
_NOUN_BEFORE = regex.compile(r"(?:\b(?:le|la|les|un|une|du|au|de)|\bl['’]|\bd['’])\s*(?P<noun>(?-i:\p{Ll})[\p{Ll}\-]*)"
                             r"(?:\s+(?:[dl]['’]\s*)?(?:(?-i:\p{Ll})[\p{Ll}\-]*|(?-i:\p{Lu}{2,5}))){0,3}\s+$", regex.IGNORECASE)


def introduced_by(text: str, position: int, nouns: frozenset[str]) -> bool:
    """Does one of `nouns`, after its article, introduce the name at `position`?"""
    # any of the nouns the name may follow: "les ventes du groupe horloger X" is the group's
    return any(m.group("noun").lower() in nouns
               for m in _NOUN_BEFORE.finditer(text, max(0, position - 60), position, overlapped=True))


# A noun's complement: "de police", "de la vallée du Rhône", "de l'Institut Pasteur".
# "de Quimper et Léon": a place's name joined to another by "et".
_COMPLEMENT = r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)[\p{L}][\p{L}\-]*(?:\s+(?-i:\p{Lu})[\p{L}\-]*)*" \
    r"(?:\s+et\s+(?-i:\p{Lu})[\p{L}\-]*)?"
# An adjective of the kind that qualifies a body's noun: "le tribunal administratif de X",
# "le centre hospitalier de Y", "la chambre régionale des comptes"; no verb form ("explique").
_BODY_ADJECTIVE = r"(?:\s+(?-i:\p{Ll})[\p{L}\-]*(?:al|ale|aux|ier|ière|if|ive|aire|ien|ienne|el|elle|ional|ionale))?"


def fullest(text: str, noun: str, position: int) -> Optional[str]:
    """The fullest description the text gave a bare noun before `position`: "la préfecture"
    after "la préfecture de police" is that one ("préfecture de police"), "les syndicats"
    after "les syndicats d'infirmiers" those, "les chercheurs" after "des chercheurs de
    l'Institut Pasteur de Lille" those, every complement of theirs."""
    if not noun[:1].islower():
        return None
    pattern = regex.compile(rf"(?<!\p{{L}})(?:l[ae]s?\s+|des\s+|l['’]\s*)(?P<d>{regex.escape(noun)}{_BODY_ADJECTIVE}(?:\s+{_COMPLEMENT})+)(?![\p{{L}}'’])",
                            regex.IGNORECASE)
    found = [m.group("d") for m in pattern.finditer(text, 0, position) if m.group("d").startswith(noun)]
    return " ".join(found[-1].split()) if found else None


# Quotation marks as tokens of a parse: those that open a quotation, those that close one.
OPENING_MARKS = frozenset("«“\"‹„")
CLOSING_MARKS = frozenset("»”\"›")


def whole_quotation(text: str, start: int, end: int) -> bool:
    """Are the words from `start` to `end` all that a pair of quotation marks holds?"""
    before, after = text[max(0, start - 3):start].rstrip(" \u00a0\u202f"), text[end:end + 3].lstrip(" \u00a0\u202f")
    return before[-1:] in OPENING_MARKS and after[:1] in CLOSING_MARKS


DE_WORDS = frozenset({"de", "du", "des", "d'", "d’", "la", "l'", "l’", "à", "au", "aux"})
DETERMINERS = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "ce", "cet", "cette", "ces",
                         "son", "sa", "ses", "leur", "leurs", "notre", "votre"})
# Capitalised words that start a sentence or a phrase but name nobody.
NOT_NAMES = frozenset(
    "le la les l' l’ un une des du de d' d’ au aux selon dans en lors pour par sur avec sans il elle ils elles "
    "ce cette ces son sa ses leur leurs et ou mais a à après avant depuis comme si quand alors ainsi "
    "jusqu’à jusqu'à m. mme mlle mm. dr. pr. lundi mardi mercredi jeudi vendredi samedi dimanche janvier février "
    "mars avril mai juin juillet août septembre octobre novembre décembre plusieurs certains certaines quelques "
    "nombreux nombreuses deux trois quatre cinq six sept huit neuf dix".split()
)


@functools.lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """A spelling key for transliterated names: Beloussov ~ Belousov, Choïgou ~ Shoigu.

    Kept per name: matching a new name against every person of a document folds
    each of their names again, so without the cache a long document's entity
    table cost grew with the square of its names times this function."""
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = regex.sub(r"[^a-z ]", " ", s)
    for a, b in _FOLD:
        s = s.replace(a, b)
    return " ".join(s.split())


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and not _INITIALS.match(word)


# A given name's initials: "J.-M.", "J.-B.", no acronym.
_INITIALS = regex.compile(r"\p{Lu}\.(?:-\p{Lu}\.)+$")


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


def tokens(text: str) -> list[Tok]:
    return [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def glued(text: str, a: Tok, b: Tok) -> bool:
    """Do two words of `text` stand together on one line, nothing but spaces between them?"""
    gap = text[a.end: b.start]
    return not gap.strip() and "\n" not in gap


def title_key(words: list[str], titles: frozenset[str]) -> tuple[str, ...]:
    """The words of a title phrase that identify it: no determiners, lower case."""
    return tuple(w.lower() for w in words if w.lower() not in DETERMINERS and w.lower() not in ("de", "d'", "d’", "du", "à", "au"))


@functools.lru_cache(maxsize=4)
def place_pattern(places: frozenset[str]) -> NameList:
    """The grammar's places where the text writes one as whole words, longest first
    ("Corée du Nord" before "Corée")."""
    return NameList(places, after=r"[\p{L}\-]", before=r"[\p{L}\-]")


def variant(key: str, other_tokens: list[str]) -> bool:
    if len(key) < 4 or not other_tokens:
        return False
    return _variant(key, tuple(other_tokens))


@functools.lru_cache(maxsize=1 << 16)
def _variant(key: str, other_tokens: tuple[str, ...]) -> bool:
    """Kept per pair, as fold is: a long document matches each new name against every
    person it names, again and again."""
    last, first, whole = fold(other_tokens[-1]), fold(other_tokens[0]), fold(" ".join(other_tokens))
    return fuzz.ratio(key, last) >= 85 or fuzz.ratio(key, first) >= 90 or fuzz.ratio(key, whole) >= 90


def unprefixed(word: str) -> str:
    """"l'ex-ministre", "les contre-manifestants": the noun of persons after a prefix, lower-cased."""
    low = word.lower()
    for prefix in ("ex-", "contre-", "co-", "néo-"):
        if low.startswith(prefix) and len(low) > len(prefix) + 2:
            return low[len(prefix):]
    return low


# Feminine endings of nouns of persons and their masculine: "habitante", "infirmière", "enquêtrice".
# (TitleScan.title_gender reads the feminine of a title word with endings of its own.)
_FEMININE_ENDINGS = (("ière", "ier"), ("ère", "er"), ("trice", "teur"), ("euse", "eur"), ("ienne", "ien"), ("enne", "en"), ("e", ""))


def masculine(noun: str) -> str:
    """The masculine a feminine noun of a person comes from ("voisine" -> "voisin"); the
    lemmatizer keeps some feminines as they are."""
    for feminine, masc in _FEMININE_ENDINGS:
        if noun.endswith(feminine) and len(noun) > len(feminine) + 2:
            return noun[: -len(feminine)] + masc
    return noun


def clitic(word: str) -> str:
    """An inverted subject as the tokenizer may leave it ("-t-il", "-elle") is its pronoun."""
    low = word.lower().lstrip("-")
    return low[2:] if low.startswith("t-") else low
