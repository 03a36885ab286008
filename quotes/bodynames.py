"""Names of bodies, and the names after a body's or an office's noun.

A noun of their kind introduces names like "l'association Eaux et Rivières de Bretagne", "la
compagnie maritime Îles et Courants": such a name may join capitalised words with "et" and go
on with a "de" complement, where a person's name would stop, and its words name a body, not a
person ("l'ONG Solidarités Sahel").  After a title's or a body's noun and "de", a capitalised
run is the office's domain or a place ("ministre de la Défense", "diocèse de Quimper et
Léon"), or, with no title and no given name, the body's own name ("le club turc de Bursa
Yıldızspor")."""

from __future__ import annotations

from typing import Sequence

import regex

from .grammar import Grammar
from .tokens import DETERMINERS, Tok, glued

_ARTICLES = DETERMINERS | {"d'", "d’"}
_AND = frozenset({"et", "&"})
_DE = frozenset({"de", "du", "des", "d'", "d’"})
_DE_ARTICLES = frozenset({"la", "l'", "l’"})


def named_by_body(toks: Sequence[Tok], a: int, bodies: frozenset[str]) -> bool:
    """Does a noun of `bodies`, after its article and perhaps an adjective, stand right
    before the capitalised word at `a`: "l'association Sources", "la compagnie maritime
    Îles"?"""
    k = a - 1
    if k >= 1 and not toks[k].cap and toks[k].low not in bodies and toks[k].low not in _DE and toks[k].text[:1].isalpha():
        k -= 1  # one adjective of the noun: "maritime", "forestier"
    return k >= 1 and toks[k].low in bodies and toks[k - 1].low in _ARTICLES


def body_name_end(text: str, toks: Sequence[Tok], j: int) -> int:
    """Past the end `j` of a capitalised run a body's noun introduced, the end of its name
    when "et" joins a capitalised word to it ("Eaux et Rivières"), with the capitalised
    words and "de" complements after that ("de Bretagne", "de l'Ouest")."""
    n = len(toks)
    if not (j + 1 < n and toks[j].low in _AND and _capital(toks[j + 1]) and glued(text, toks[j - 1], toks[j]) and glued(text, toks[j], toks[j + 1])):
        return j
    j += 2
    while j < n:
        if _capital(toks[j]) and glued(text, toks[j - 1], toks[j]):
            j += 1
            continue
        k = j + 1 if toks[j].low in _DE else j
        if k > j and k < n and toks[k].low in _DE_ARTICLES and not toks[j].low.endswith(("'", "’")):
            k += 1
        if k > j and k < n and _capital(toks[k]) and all(glued(text, toks[x - 1], toks[x]) for x in range(j, k + 1)):
            j = k + 1
            continue
        break
    return j


# Words that may follow an institution's name and are none of it: an auxiliary, a relative,
# a clitic of the verb.
_AFTER_NAME = frozenset({"a", "ont", "est", "sont", "avait", "avaient", "va", "vont", "sera", "serait", "qui", "que",
                         "qu'", "qu’", "dont", "ne", "n'", "n’", "se", "s'", "s’", "lui", "leur", "y", "estime",
                         "juge", "rappelle", "souligne", "annonce", "indique", "précise", "assure", "affirme"})
_ENDS_NAME = frozenset({",", ".", ";", ":", "!", "?", "(", ")", "«", "»", "\"", "“", "”"})
# "de nouveau", "de plus": adverbs after a name, not its complement.
_ADVERBIAL = frozenset({"nouveau", "plus", "même", "près", "loin", "fait", "suite", "manière", "façon", "facto", "toute"})
# Before an institution's name: its article, alone or with "de" or "à".
_BEFORE_INSTITUTION = frozenset({"le", "la", "l'", "l’", "du", "au"})
# The adjectives of institutions' names: "nationale", "français", "européenne", "supérieur",
# "constitutionnel", "consultatif", "régionale" (a word of these endings, not a verb form).
_INSTITUTION_ADJECTIVE = regex.compile(
    r"\p{Ll}[\p{Ll}\-]*(?:al|ale|aux|ier|ière|if|ive|aire|ien|ienne|el|elle|ais|aise|ois|oise|ain|aine|ique|eur|eure)$")


def institution_end(text: str, toks: Sequence[Tok], k: int, j: int, g: Grammar) -> int:
    """"la Fédération française de judo", "l'Office national des forêts", "la Cour de
    cassation": French capitalises an institution's first word only, so after its article a
    capitalised body noun alone (`k`, run ending at `j`) goes on with its adjectives and "de"
    complements, lower case and all, to the end of its name.  Not an infinitive ("demande à
    la Commission de revoir"), nor anything punctuation or a verb parts from it."""
    n = len(toks)
    if j == k + 2 and toks[k].low in _BEFORE_INSTITUTION:
        k += 1  # "La Fédération" opening a sentence: the article is capitalised too
    elif j != k + 1 or k == 0 or toks[k - 1].low not in _BEFORE_INSTITUTION:
        return j
    if toks[k].low not in g.organisations:
        return j
    pieces = 0
    while j < n and pieces < 5 and glued(text, toks[j - 1], toks[j]):
        t = toks[j]
        if t.text.islower() and _INSTITUTION_ADJECTIVE.match(t.text):
            j, pieces = j + 1, pieces + 1
            continue
        m = j + 1 if t.low in _DE else j
        article = m < n and toks[m].low in _DE_ARTICLES and not t.low.endswith(("'", "’"))
        m += article
        if m == j or m >= n or not all(glued(text, toks[x - 1], toks[x]) for x in range(j, m + 1)) or not toks[m].text[0].isalpha():
            break
        if toks[m].cap:
            while m + 1 < n and toks[m + 1].cap and glued(text, toks[m], toks[m + 1]):
                m += 1  # a place or a name ends it: "de la Marne"
            j = m + 1
            break
        if not toks[m].text.islower() or not article and (toks[m].low.endswith(("er", "ir")) or toks[m].low in _ADVERBIAL) \
                or toks[m].low in _AND:
            break
        j, pieces = m + 1, pieces + 1
    # Only a name whose end is plain: what follows may go on with it ("Commission nationale
    # de l'informatique et des libertés", "des Nations unies pour ..."), and the words the
    # text gives at each mention are then a surer name than a cut one.
    plain = j == n or toks[j].text in _ENDS_NAME or toks[j].low in _AFTER_NAME or not toks[j].text[0].isalnum()
    return j if plain else k + 1


def _capital(t: Tok) -> bool:
    return t.cap and t.text[0].isalpha()


def _de_before(toks: Sequence[Tok], i: int, words: frozenset[str]) -> list[str] | None:
    """The three words before the "de" (and article) that the run at `i` follows, if any."""
    k = i - 1
    while k >= 0 and toks[k].low in _DE_ARTICLES:
        k -= 1
    if k < 0 or toks[k].low not in words:
        return None
    return [t.low for t in toks[max(0, k - 3): k]]


def complement(toks: Sequence[Tok], i: int, g: Grammar) -> bool:
    """Does the run at token `i` follow "de"/"du"/"de la" after a title or an organisation's
    word ("ministre de la Défense", "l'université de Caen")?"""
    back = _de_before(toks, i, _DE)
    return back is not None and any(w in g.titles or w in g.organisations for w in back)


def body_complement(toks: Sequence[Tok], i: int, j: int, g: Grammar) -> bool:
    """"le club turc de Bursa Yıldızspor": the run from `i` to `j` after a body's noun and
    "de", with no title before it and no given name in it, is the body's name."""
    back = _de_before(toks, i, _DE - {"des"})
    return back is not None and any(w in g.organisations for w in back) and not any(w in g.titles for w in back) \
        and not any(g.given_name(t.text) for t in toks[i:j])


def joined_complement(toks: Sequence[Tok], i: int, g: Grammar) -> bool:
    """"du diocèse de Quimper et Léon": a word joined by "et" to a one-word complement."""
    return i >= 2 and toks[i - 1].low == "et" and toks[i - 2].cap and complement(toks, i - 2, g) \
        and (i < 3 or not toks[i - 3].cap)
