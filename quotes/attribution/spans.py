"""Where a report's content starts and ends, and whether it is direct, indirect or
mixed: the span arithmetic every construction rule ends with."""

from __future__ import annotations

from typing import Optional

import regex

from ..model import QuotedSpan
from ..parsing import Sentence, Word
from .events import Mention, trim

# A participle or "ce qui" after a comma starts an aside, not more content:
# "X, affirmant que ..." ends X at the comma.
# So does a "selon" phrase that ends the clause (one inside it, between commas, is
# part of the content) and a "comme il l'a dit" comparison.
_ASIDE = regex.compile(r",\s+(?:tout\s+en\s+|en\s+)?(?=\w+ant\b)|,\s+(?:ce\s+qui|a-t-(?:il|elle)|ont-ils)\b"
                       r"|,\s+(?:selon|d['’]après)\b(?=[^,]*$)|,\s+comme\s+(?:il|elle|ils|elles|on|l['’]|le|la|les|nous)\b"
                       r"|[\s\u00a0\u202f]*:[\s\u00a0\u202f]*[«“\"]"  # "a réclamé X : « ... »": the colon opens another quotation
                       r"|(?<![–—][^–—\n]*)[\s\u00a0\u202f][–—][\s\u00a0\u202f](?![^–—]*[–—])",  # "X – le prix payé ...": an unpaired dash
                       regex.IGNORECASE)
# The relay's name ends at punctuation or where a clause opens ("dans des propos recueillis
# par Le Monde que ...").
_CITED_BY = regex.compile(r"(?:tel(?:le)?s?\s+que\s+|comme\s+)?(?:cité|rapporté|relayé|recueilli)e?s?\s+par\s+(l[ae]\s+|l['’]\s*|les\s+)?"
                          r"((?:(?![\s\u00a0](?:que|qu['’]|qui|dont|où|lorsque|quand|car|mais)\b)[^,.;:!?\n])+)", regex.IGNORECASE)


def span_of(sent: Sentence, root: Word, after: Optional[Word] = None) -> tuple[int, int]:
    words = sent.subtree(root.id)
    start = min(x.start for x in words)
    end = max(x.end for x in words)
    if after is not None:
        start = after.end
    return start, end


def sentence_end(sent: Sentence) -> int:
    words = [x for x in sent.words if x.upos != "PUNCT" or x.text in "»”\"’"]
    return words[-1].end if words else sent.end


def fit(text: str, span: tuple[int, int], quotes: list[QuotedSpan], cue: Word) -> tuple[int, int]:
    """The span cut at the cue and at an aside, widened to whole quotations."""
    start, end = span
    if start <= cue.start < end:
        if cue.start - start > end - cue.end:
            end = cue.start
        else:
            start = cue.end
    aside = _ASIDE.search(text, start, end)
    if aside and aside.start() > start:
        end = aside.start()
    for q in quotes:
        if q.open_start < end < q.close_end and q.open_start >= start:
            end = q.close_end  # a quotation cut by the clause edge is taken whole
        if q.open_start < start < q.close_end and q.close_end <= end:
            start = q.open_start
    return trim(text, start, end)


def kind_of(text: str, start: int, end: int, quotes: list[QuotedSpan]) -> tuple[str, int, int, bool]:
    """direct / indirect / mixed, the span without the marks when direct, and whether
    the marks it holds were balanced."""
    inside = [q for q in quotes if start <= q.open_start and q.close_end <= end + 1 or (start <= q.start < end)]
    if not inside:
        return "indirect", start, end, True
    balanced = all(q.balanced for q in inside)
    for q in inside:
        s, e = trim(text, start, end)
        if s >= q.open_start and e <= q.close_end and s <= q.start and (q.end - q.start) >= 0.6 * (e - s):
            return "direct", q.start, q.end, q.balanced
        if q.open_start <= s and abs(e - q.close_end) <= 1:
            return "direct", q.start, q.end, q.balanced
    return "mixed", start, end, balanced


# ", citant un proche du dossier", ", qui cite une source judiciaire": the source cited
# after the one that relays it (past the relay's acronym in brackets: "l'Agence X (AX), citant").
CITING = regex.compile(r"(?:[ \t\u00a0]*(?:\([^()\n]{1,15})?\))?[ \t\u00a0]*,?[ \t\u00a0]*(?:citant|qui\s+cit(?:e|ent|ait|aient))[ \t\u00a0]+",
                       regex.IGNORECASE)


def cited_by(text: str, sent: Sentence) -> Optional[regex.Match]:
    """"tel que rapporté par X", "cité par X": X (group 2, its article group 1) relays what the
    sentence reports."""
    return _CITED_BY.search(text, sent.start, sent.end)


# A relative pronoun right before a verb-less cue: "..., qui, selon X, coûtent cher"
# is X's report, neither part of the clause before nor a credit of its verb.
RELATIVE_LEAD = regex.compile(r",[\s\u00a0]*(?:qui|où|dont|lequel|laquelle|lesquels|lesquelles)[\s\u00a0]*,?[\s\u00a0]*$", regex.IGNORECASE)


def source_name(mention: Mention, media: frozenset[str]) -> str:
    """The intermediary as the text names it: "l'agence de presse officielle Xinhua" is
    Xinhua, a media noun before a name is no part of it ("agences de presse russes" stays)."""
    words = list(mention.words)
    while words and words[0].upos in ("DET", "ADP", "PUNCT"):
        words.pop(0)
    if not words:
        return mention.text
    if words[0].lemma.lower() in media:
        named = next((w for w in words[1:] if w.text[:1].isupper()), None)
        if named is not None:
            words = [w for w in words if w.start >= named.start]
    return mention.text[words[0].start - mention.start:]
