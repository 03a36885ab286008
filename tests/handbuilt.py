"""Parses given by hand for tests: what the rules and repairs make of a parser's errors,
whatever the shipped models happen to parse today."""

from quotes.model import Span
from quotes.parsing import ParsedUnit, Sentence, Word


def words(rows) -> list[Word]:
    """(text, lemma, upos, head, deprel) rows, or (text, lemma, upos, feats, head, deprel);
    words separated by one space."""
    out, at = [], 0
    for k, row in enumerate(rows, 1):
        text, lemma, upos, *rest = row
        feats, head, deprel = rest if len(rest) == 3 else ("", *rest)
        out.append(Word(k, text, lemma, upos, feats, head, deprel, at, at + len(text)))
        at += len(text) + 1
    return out


def text_of(rows) -> str:
    return " ".join(row[0] for row in rows)


def sentence(rows) -> Sentence:
    built = words(rows)
    return Sentence(tuple(built), 0, built[-1].end)


def unit(rows) -> ParsedUnit:
    text = text_of(rows)
    return ParsedUnit(Span(0, len(text), text), (sentence(rows),))
