"""Construction rules over a parse given by hand: what they make of a parser's errors,
whatever the shipped models happen to parse today."""

from handbuilt import sentence, text_of

import quotes
from quotes.parsing import ParsedUnit, Sentence
from quotes.pipeline import Pipeline


class HandParser:
    """Gives every unit the one sentence it was built with (the document is that sentence)."""

    name = "hand"

    def __init__(self, rows: list[tuple[str, str, str, int, str]]):
        self.text = text_of(rows)
        self.sentence = sentence(rows)

    def parse(self, units):
        out = []
        for u in units:
            words = tuple(w for w in self.sentence.words if u.start <= w.start < u.end)
            if words:
                out.append(ParsedUnit(u, (Sentence(words, words[0].start, words[-1].end),)))
        return out


def records(rows):
    parser = HandParser(rows)
    return [(q.cue, q.quote.text) for q in Pipeline(parser=parser, gate=False).process(quotes.Document("t", parser.text))]


def test_a_que_clause_coordinated_with_the_cue_is_not_its_content():
    # "Le récit , publié par le site et que la radio a diffusé , est accablant .": the
    # parser hung the relative clause on the participle as its conjunct
    rows = [
        ("Le", "le", "DET", 2, "det"), ("récit", "récit", "NOUN", 16, "nsubj"), (",", ",", "PUNCT", 4, "punct"),
        ("publié", "publier", "VERB", 2, "acl"), ("par", "par", "ADP", 7, "case"), ("le", "le", "DET", 7, "det"),
        ("site", "site", "NOUN", 4, "obl:agent"), ("et", "et", "CCONJ", 13, "cc"), ("que", "que", "SCONJ", 13, "mark"),
        ("la", "le", "DET", 11, "det"), ("radio", "radio", "NOUN", 13, "nsubj"), ("a", "avoir", "AUX", 13, "aux:tense"),
        ("diffusé", "diffuser", "VERB", 4, "conj"), (",", ",", "PUNCT", 13, "punct"), ("est", "être", "AUX", 16, "cop"),
        ("accablant", "accablant", "ADJ", 0, "root"), (".", ".", "PUNCT", 16, "punct"),
    ]
    assert records(rows) == []
    # with the clause its complement ("publié que ..."), the same words are a report
    rows[12] = ("diffusé", "diffuser", "VERB", 4, "ccomp")
    rows[7] = ("et", "et", "CCONJ", 7, "cc")
    assert records(rows) == [("publier", "la radio a diffusé")]
