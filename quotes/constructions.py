"""Which construction a record belongs to, so that `quotes eval` can say where
recall goes.

A predicted record names the rule that made it (its `rule` field); `construction_of_rule`
maps that name onto the constructions below.  A gold record names no rule, so
`classify` guesses its construction from the record's fields (type, cue) and the
text around the quote.  This is a heuristic made for counting, not a parser: it
looks at a few characters on either side of the quote and at a stem of the cue
lemma, and a record it reads wrongly only moves one count to another row.

Constructions (the names the attribution rules use where they have one):

  preposition        selon X, ... / d'après X / pour X / à en croire X (cue is the preposition)
  colon_intro        X a déclaré : « ... » / X : « ... » / X a été clair : « ... » (cue ":")
  postposed_cue      « ... », a déclaré X / ..., a précisé X / « A, a-t-il dit, B » (both parts)
  dash_signature     « ... » — X
  que_clause         a déclaré que ... / qu'« ... » / demande si ...
  quoted_object      a qualifié X de « ... » / a lancé « ... » (marks right after the cue)
  infinitive         a dit attendre ... / s'est engagé à poursuivre ... / soupçonne de vouloir ...
  object_infinitive  accuse X d'avoir ... / appelle X à ...
  noun_object        a annoncé la fermeture du musée (indirect right after its cue)
  floating           « ... » with no cue of its own
  other              none of the above (indirect with nothing before or after it)
  unknown            a predicted record with no `rule` field (files from older versions)
"""

from __future__ import annotations

import re
import unicodedata

PREPOSITIONS = frozenset({"selon", "d'après", "pour", "à en croire"})

# Rule names that differ from the construction they produce.
RULE_ALIASES = {
    "selon": "preposition",
    "quote_then_cue": "postposed_cue",
    "cleft_cue": "postposed_cue",
    "learned_from": "postposed_cue",
}

OPENING = "«“„‹‘"
CLOSING = "»”›’"
MARKS = OPENING + CLOSING + '"'
_SPACES = " \t\n\u00a0\u202f"
_WINDOW = 160  # characters read on either side of a quote

# A subject pronoun after the verb: "a-t-il", "explique-t-elle", "dit-il".
_INVERTED = re.compile(r"\w-(?:t-)?(?:il|elle|on|ils|elles)\b", re.IGNORECASE)
# A sentence end inside the text before a quote: what precedes it is another sentence.
_SENTENCE_END = re.compile(r"[.!?…][\s\u00a0\u202f]*[»”\"]?[\s\u00a0\u202f]+(?=[«“\"A-ZÀ-ÖØ-Þ])|\n")
_QUE = re.compile(r"(?:\bque|\bqu['’]|\bsi|\bs['’])$", re.IGNORECASE)
_QUESTION = re.compile(r"(?:si\b|s['’]ils?\b)")  # "demande si ...": the content holds the "si" (lower case: not "Si ..., prévient X")
# An infinitive: -er, -ir, -oir, and the -re endings of verbs (nouns end in -ure,
# -tre, -oire too often: "fermeture", "ministre", "histoire").
_VERB_ENDINGS = (r"[^\W\d_]*(?:er|ir|oir|endre|ondre|prendre|mettre|battre|aître|uivre|vivre|crire|dire|uire|faire"
                 r"|croire|clure|soudre|rompre|perdre)|être|lire|élire|taire|plaire|boire")
# Words ending like an infinitive that are not verbs.
_NOT_VERBS = frozenset({"premier", "dernier", "hier", "cher", "mer", "fer", "hiver", "avenir", "plaisir", "désir",
                        "loisir", "espoir", "soir", "noir", "dossier", "quartier", "janvier", "février", "policier",
                        "leader", "laser", "cancer", "super", "manager"})
_INFINITIVE = rf"(?:ne\s+pas\s+|n['’])?(?P<verb>{_VERB_ENDINGS})\b"
_LEADING_INFINITIVE = re.compile(r"(?:(?:de|à)\s+|d['’])?" + _INFINITIVE, re.IGNORECASE)
_OBJECT_INFINITIVE = re.compile(r"[^,;:«»\"“”]{1,60}?\s(?:(?:de|à)\s+|d['’])" + _INFINITIVE, re.IGNORECASE)


def construction_of_rule(rule: str | None) -> str:
    """The construction a predicted record's rule stands for."""
    if not rule:
        return "unknown"
    return RULE_ALIASES.get(rule, rule)


def classify(record: dict, text: str, start: int, end: int) -> str:
    """The construction of a (gold) record whose quote is text[start:end]."""
    cue = (record.get("cue") or "").replace("’", "'").strip().lower()
    if cue in PREPOSITIONS:
        return "preposition"
    if cue == ":":
        return "colon_intro"
    near = _near_before(text, start)
    after = _near_after(text, end)
    stems = _stems(cue)
    if record.get("type") == "direct":
        return _direct(text, start, near, after, stems)
    return _indirect(record.get("quote") or text[start:end], near, after, stems)


def _direct(text: str, start: int, near: str, after: str, stems: list[str]) -> str:
    if _postposed(after, stems):
        return "postposed_cue"
    if re.match(r"[—–-]\s*[A-ZÀ-ÖØ-Þ]", after):
        return "dash_signature"
    if _resumes_after_cue(text, start, near, stems):
        return "postposed_cue"
    if near.endswith(":"):
        return "colon_intro"
    if _QUE.search(near):
        return "que_clause"
    if _cue_in(_clause(near)[-40:], stems):
        return "quoted_object"
    return "floating"


def _indirect(quote: str, near: str, after: str, stems: list[str]) -> str:
    if _QUE.search(near) or _QUESTION.match(quote):
        return "que_clause"
    if near.endswith(":"):
        return "colon_intro"
    clause = _clause(near)
    cue_before = _cue_in(clause[-50:], stems)
    if not cue_before and _postposed(after, stems):
        return "postposed_cue"
    if _leading_infinitive(quote):
        return "infinitive"
    if _object_infinitive(quote):
        return "object_infinitive"
    if cue_before or clause.strip():
        return "noun_object"  # content right after words of its own sentence: the cue's object
    return "postposed_cue" if _postposed(after, stems) else "other"


def _near_before(text: str, start: int) -> str:
    """The text before a quote, without the quote's own opening mark and the spaces."""
    before = text[max(0, start - _WINDOW):start].rstrip(_SPACES)
    if before and before[-1] in OPENING + '"':
        before = before[:-1]
    return before.rstrip(_SPACES)


def _near_after(text: str, end: int) -> str:
    """The text after a quote, without its closing mark and the spaces."""
    after = re.sub(r"^[\s.!?…]*", "", text[end:end + _WINDOW])  # "Fin ! »": the stop may stand outside the quote
    if after and after[0] in CLOSING + '"':
        after = after[1:]
    return after.lstrip(_SPACES)


def _clause(near: str) -> str:
    """The part of `near` in the quote's own sentence: nothing when `near` ends one."""
    if re.search(r"[.!?…][\s\u00a0\u202f]*[»”\"]?$", near):
        return ""
    cuts = [m.end() for m in _SENTENCE_END.finditer(near)]
    return near[cuts[-1]:] if cuts else near


def _stems(cue: str) -> list[str]:
    """Prefixes that most forms of the cue's words share ("décl" for déclarer, "di"
    for dire, "fai" and "sav" for faire savoir).  Irregular forms ("émis" for
    émettre) escape them; the inverted pronoun test catches many of those."""
    words = re.sub(r"^(?:se\s+|s')", "", _fold(cue)).split()
    return [w[:max(2, min(4, len(w) - 2))] for w in words if len(w) > 2 and w[0].isalpha()]


def _cue_in(window: str, stems: list[str]) -> bool:
    if _INVERTED.search(window):
        return True
    window = _fold(window)
    return any(re.search(rf"(?<!\w){re.escape(s)}", window, re.IGNORECASE) for s in stems)


def _fold(s: str) -> str:
    """Without accents: "relève" and "relever" share the stem "rele"."""
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def _postposed(after: str, stems: list[str]) -> bool:
    """", a précisé le ministre" after the content: the cue soon after it, a comma
    before it as a rule (a mark lost in the source may leave the comma out)."""
    m = re.match(r",?\s*(?=[^\W\d_A-ZÀ-ÖØ-Þ])", after)
    return bool(m) and _cue_in(after[m.end():m.end() + 40], stems)


def _resumes_after_cue(text: str, start: int, near: str, stems: list[str]) -> bool:
    """The second part of « A, a-t-il dit, B » or « A, glisse-t-il. B »: the quote
    starts after its cue's own clause.  After a comma the sentence goes on ("« A »,
    a-t-il dit, « B »"); after a full stop only marks still open make it one
    quotation ("« A », glisse-t-il. « B »" is a new one, with no cue of its own)."""
    tail = re.search(r",([^,«»“”\"]{1,50})([,.])$", near)
    if not tail or not _cue_in(tail.group(1), stems):
        return False
    near_end = max(0, start - _WINDOW) + len(near)  # `near` is the start of that window
    return tail.group(2) == "," or _inside_marks(text, near_end)


def _inside_marks(text: str, start: int) -> bool:
    """Whether marks opened before `start` (in its paragraph) are still open there."""
    paragraph = text[text.rfind("\n", 0, start) + 1:start]
    last = max(paragraph.rfind(c) for c in MARKS if c not in "‘’")  # those two are mostly apostrophes
    if last < 0:
        return False
    if paragraph[last] == '"':
        # A straight mark opens before a word ("Nous...) and closes after one (...fin",):
        # safer than counting them, since a paragraph often holds one lost or stray mark.
        return paragraph[last + 1:last + 2].isalnum()
    return paragraph[last] in OPENING


def _leading_infinitive(quote: str) -> bool:
    m = _LEADING_INFINITIVE.match(quote)
    return bool(m) and m.group("verb").lower() not in _NOT_VERBS


def _object_infinitive(quote: str) -> bool:
    m = _OBJECT_INFINITIVE.match(quote)
    return bool(m) and m.group("verb").lower() not in _NOT_VERBS
