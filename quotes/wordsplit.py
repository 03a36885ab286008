"""French words by rule, cut the way the French UD treebanks cut them.

The parse stage gets sentences from the grammar stage already, so what is left
of tokenization is cutting a sentence into words.  Stanza's tokenizer does it
with a character LSTM, a fifth of the parse stage's cost on news; French words
follow a few regular conventions that a pattern states exactly:

- an elided word keeps its apostrophe and stands alone: "l'", "qu'", "jusqu'";
  a few words hold an apostrophe inside: "aujourd'hui", "quelqu'un", "l'on";
- hyphenated compounds are one word ("porte-parole", "Saint-Denis"), but the
  pronouns hyphenated after a verb are words of their own: "dit" "-il",
  "a" "-t-il", "donne" "-le" "-moi";
- abbreviations keep their full stop ("M.", "etc."), as do initials before a
  name ("J. Dupont") and dotted acronyms ("O.N.U.");
- numbers keep their separators ("3,5", "10 000", "1914-1918"); an hour is cut
  at its "h" ("18" "h" "15"); every other sign is a token.

The contractions "du", "au", "aux" and the relatives "duquel", "auxquels"...
are always two words (de + le, à + les).  "des" is two words ("de les") or one
(the plural article), which its neighbours' classes decide, so it is left whole
for the tagger and cut after (`contracted_des`): after a noun, an adjective, a
name, a number or a pronoun it is "de les" ("la liste des élus", "trois des
blessés", "l'un des"), as after the adverbs that take "de" ("lors des", "auprès
des") and the verbs whose object "de" introduces ("parler des", "bénéficier
des"); elsewhere it is the article ("avec des amis", "il cite des chiffres").
After "et" or "ou" it repeats the conjunct's construction ("de X et des Y").
Measured on the UD test sets (training/evaluate.py --words), the words agree
with the treebanks more often than Stanza's tokenizer model's (docs/models.md).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_APOSTROPHES = "'’ʼ"
_A = f"[{_APOSTROPHES}]"
_W = r"[^\W_]"                        # a letter or a digit
_CAPITAL = r"[A-ZÀ-ÖØ-Þ]"

# Words with an apostrophe inside that the treebanks keep whole.
_WHOLE = rf"aujourd{_A}hui|quelqu{_A}une?|l{_A}on|c{_A}est-à-dire|prud{_A}hom\w*|presqu{_A}île"
_ELIDED = r"jusqu|lorsqu|puisqu|quoiqu|qu|[ldjmnstc]"
_ABBREVIATIONS = ("M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Me", "St", "Ste", "etc", "cf", "av",
                  "env", "No", "no", "art", "vol", "Vol", "gén", "Gén", "col", "Col", "lt", "sgt", "p", "pp", "ex",
                  "éd", "coll", "Cie", "cie", "ibid", "op", "cit", "fig", "chap", "c-à-d", "J.-C", "apr", "hab")
_TOKEN = re.compile(rf"""
 (?P<url>(?:https?://|www\.)[^\s«»"]+?)(?=[.,;:!?)\]»"]*(?:\s|$))
|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
|(?P<domain>{_W}+(?:[-.]{_W}+)*\.(?:fr|com|org|net|info|eu|be|ch|ca|lu|io|tv)(?!{_W}))
|(?P<whole>(?i:{_WHOLE})(?!{_W}))
|(?P<elided>(?<!{_W})(?i:{_ELIDED}){_A}(?=\S))
|(?P<abbr>(?<!{_W})(?:{'|'.join(map(re.escape, sorted(_ABBREVIATIONS, key=len, reverse=True)))})\.(?!{_W})
         |(?<!{_W}){_CAPITAL}\.(?:-{_CAPITAL}\.)+(?=\s)
         |(?<!{_W}){_CAPITAL}\.(?=\s+{_CAPITAL}))
|(?P<acronym>(?:[^\W\d_]\.){{2,}})
|(?P<hour>(?<!{_W})\d{{1,2}}[hH](?:\d{{2}})?(?!{_W}))
|(?P<number>(?<![\d.,])\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d.,]\d)
           |[+-]?\d+(?:[.,]\d+)+\.?(?!{_W})
           |\d+(?:[-/]\d+)+(?!{_W}))
|(?P<word>{_W}+(?:[-‐‑]{_W}+)*(?:{_A}{_W}+(?:[-‐‑]{_W}+)*)*)
|(?P<sign>\.{{2,}}|…|[?!]{{2,}}|-{{2,}}|\+/-|n°|°C)
|(?P<other>\S)
""", re.VERBOSE)
_HOUR = re.compile(r"(\d+)([hH])(\d*)")
_CLITIC = re.compile(r"-(?:t-(?:ils?|elles?|on)|ils?|elles?|on|je|tu|nous|vous|moi|toi|le|la|les|lui|leur|y|en|ce)$",
                     re.IGNORECASE)
_NOT_A_CLITIC = frozenset({"rendez-vous", "sauve-qui-peut"})

# The two words each contraction stands for.
CONTRACTIONS = {"du": ("de", "le"), "au": ("à", "le"), "aux": ("à", "les"), "des": ("de", "les"),
                "duquel": ("de", "lequel"), "desquels": ("de", "lesquels"), "desquelles": ("de", "lesquelles"),
                "auquel": ("à", "lequel"), "auxquels": ("à", "lesquels"), "auxquelles": ("à", "lesquelles")}
# "des" after a word of these classes is "de les".
_BEFORE_DE_LES = frozenset({"NOUN", "PROPN", "ADJ", "PRON", "NUM", "SYM"})
# Quantities of a set ("l'un des", "chacun des", "plusieurs des", "beaucoup des"), and the
# adverbs and verbs whose complement "de" introduces.
_TAKE_DE = frozenset("""
un une uns unes chacun chacune aucun aucune certains certaines plusieurs beaucoup peu tant autant combien
nombre plupart quelques-uns quelques-unes
lors auprès autour près loin hors au-delà au-dessus au-dessous en-dessous en-dessus vis-à-vis deçà delà
parler agir profiter bénéficier dépendre provenir venir partir sortir témoigner occuper traiter méfier manquer
disposer résulter inquiéter plaindre éloigner débarrasser féliciter remercier accuser priver rapprocher libérer
avertir prévenir protéger séparer distinguer différer hériter jouir nourrir abuser user douter rêver mêler emparer
moquer souvenir informer charger écarter retirer discuter
""".split())


_WEEKDAYS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"})


class Token(NamedTuple):
    start: int
    end: int
    words: tuple[str, ...]   # one, or the two a contraction stands for ("des" is left whole: see contracted_des)


class Tagged(NamedTuple):
    text: str
    upos: str
    lemma: str


def words(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each token of a sentence, in order."""
    out: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        kind, (start, end) = m.lastgroup, m.span()
        if kind == "word":
            out.extend(_peel_clitics(start, m.group()))
        elif kind == "hour":
            h = _HOUR.fullmatch(m.group())
            out.extend((start + h.start(i), start + h.end(i)) for i in (1, 2, 3) if h.end(i) > h.start(i))
        else:
            out.append((start, end))
    return out


def tokens(text: str) -> list[Token]:
    """The tokens of a sentence, with the words of the contractions that stand for two.
    "des" is cut here only after a word that takes "de" ("l'un des", "lors des"): the
    tagger reads the pronoun "un" as one when "de les" follows."""
    out: list[Token] = []
    for start, end in words(text):
        form = text[start:end]
        after_de = bool(out) and form.lower() == "des" and text[out[-1].start: out[-1].end].lower() in _TAKE_DE
        out.append(Token(start, end, expand(form, after_de)))
    return out


def expand(form: str, des: bool = False) -> tuple[str, ...]:
    """"du" -> ("de", "le"), "Aux" -> ("À", "les"), "DES" -> ("DE", "les"); any other
    form stays one word, and so does "des" unless `des`."""
    low = form.lower()
    if low == "des" and not des or low not in CONTRACTIONS:
        return (form,)
    first, second = CONTRACTIONS[low]
    if form.isupper():
        first = first.upper()
    elif form[0].isupper():
        first = first.capitalize()
    return first, second


def contracted_des(sentence: list[Tagged]) -> set[int]:
    """Positions of the words "des" that stand for "de les", in a tagged sentence."""
    out: set[int] = set()
    for k, word in enumerate(sentence):
        if word.text.lower() != "des" or not k:
            continue
        before = sentence[k - 1]
        if before.upos in ("VERB", "AUX") and (k == 1 or sentence[k - 2].upos == "PUNCT"):
            continue  # "», témoignent des habitants": the verb of an incise, its subject after it
        if before.text.lower() in _WEEKDAYS:
            continue  # "a démenti mardi des informations": a date, then the object
        if before.upos == "CCONJ":
            if _conjunct_has_de(sentence, k, out):
                out.add(k)
        elif before.upos in _BEFORE_DE_LES or before.lemma.lower() in _TAKE_DE or before.text.lower() in _TAKE_DE:
            out.add(k)
    return out


def _conjunct_has_de(sentence: list[Tagged], k: int, contracted: set[int]) -> bool:
    """"la liste des élus et des maires": the nearest "des" or "de" before the conjunction."""
    for j in range(k - 2, -1, -1):
        form = sentence[j].text.lower()
        if form == "des":
            return j in contracted
        if form in ("de", "d'", "d’", "à"):  # a contraction is its two words here ("du": "de" "le")
            return True
    return False


def _peel_clitics(start: int, word: str) -> list[tuple[int, int]]:
    tail = []
    while "-" in word and word.lower() not in _NOT_A_CLITIC:
        m = _CLITIC.search(word)
        if m is None or m.start() == 0 or word[m.start() + 1].isupper() and not word.isupper():
            break  # "Kerbrat-Le Roux": a capital opens a name's part, not a pronoun
        tail.append((start + m.start(), start + len(word)))
        word = word[: m.start()]
    return [(start, start + len(word))] + tail[::-1]
