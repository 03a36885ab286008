"""Tagged and parsed sentences for the numpy runtime, read and built as Stanza's documents are.

The repairs between the tagger and the parser (`quotes.stanzadocs`) and the
reading of the parse (`quotes.parsing`) use a small part of Stanza's Document:
sentences of tokens (with their character offsets) holding words (with id,
text, lemma, tags, head and relation), built from and written back to the list
of dictionaries Stanza's `to_dict` gives.  These classes give that part with no
torch behind it, under the same names, so the same repairs run on both.
"""

from __future__ import annotations

from typing import Optional

_FIELDS = ("text", "lemma", "upos", "xpos", "feats", "head", "deprel")


class Word:
    __slots__ = ("id",) + _FIELDS

    def __init__(self, entry: dict):
        self.id = entry["id"]
        for name in _FIELDS:
            value = entry.get(name)
            # Stanza keeps "_" as no value, except for the word "_" itself
            setattr(self, name, None if value == "_" and name != "text" else value)

    def to_dict(self) -> dict:
        out = {"id": self.id}
        out.update((name, getattr(self, name)) for name in _FIELDS if getattr(self, name) is not None)
        return out


class Token:
    __slots__ = ("id", "text", "start_char", "end_char", "misc", "words")

    def __init__(self, entry: dict, words: list[Word]):
        # a tuple as Stanza's: (n,) for a one-word token, (first, last) for several
        self.id = entry["id"] if isinstance(entry["id"], tuple) else (entry["id"],)
        self.text = entry["text"]
        self.start_char: Optional[int] = entry.get("start_char")
        self.end_char: Optional[int] = entry.get("end_char")
        self.misc = entry.get("misc")
        self.words = words


class Sentence:
    __slots__ = ("tokens", "words")

    def __init__(self, entries: list[dict]):
        self.tokens: list[Token] = []
        self.words: list[Word] = []
        k = 0
        while k < len(entries):
            entry = entries[k]
            if isinstance(entry["id"], tuple):
                first, last = entry["id"]
                words = [Word(e) for e in entries[k + 1: k + 2 + last - first]]
                k += 2 + last - first
            else:
                words = [Word(entry)]
                k += 1
            self.tokens.append(Token(entry, words))
            self.words.extend(words)

    def to_dict(self) -> list[dict]:
        out = []
        for token in self.tokens:
            offsets = {key: value for key, value in (("start_char", token.start_char), ("end_char", token.end_char),
                                                      ("misc", token.misc)) if value is not None}
            if len(token.id) > 1:
                out.append({"id": token.id, "text": token.text, **offsets})
                out.extend(w.to_dict() for w in token.words)
            else:
                out.append({**token.words[0].to_dict(), **offsets})
        return out


class Document:
    """Sentences given as Stanza's dictionaries: a token of several words is an entry with
    a (first, last) id followed by its words' entries."""

    def __init__(self, sentences: list[list[dict]], text: str = ""):
        self.text = text
        self.sentences = [Sentence(s) for s in sentences]

    def to_dict(self) -> list[list[dict]]:
        return [s.to_dict() for s in self.sentences]
