"""What attribution produces: events (a report with its span, cue and the words naming
its speaker) and the small text helpers every rule shares."""

from __future__ import annotations

from typing import Optional

import attrs
import regex

from ..parsing import Sentence, Word

_FINAL = regex.compile(r"[.!?…»”\"')\]]\s*$")


def is_headline(text: str) -> bool:
    """A unit with no final punctuation is a title or a caption: no cue in it reports."""
    return not _FINAL.search(text)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return start, end


@attrs.frozen
class Mention:
    """The words that name a speaker at the attribution itself."""

    start: int
    end: int
    text: str
    head: Word
    words: tuple[Word, ...]
    sentence: Sentence

    def keeping(self, text: str, words: list[Word]) -> "Mention":
        """The mention cut back to its first `words` (none cut: itself)."""
        if len(words) == len(self.words) or not words:
            return self
        return attrs.evolve(self, end=words[-1].end, text=text[self.start: words[-1].end], words=tuple(words))

    def until(self, text: str, at: int) -> "Mention":
        """The mention without its words from `at` on and the punctuation before them;
        itself when nothing would be left."""
        words = [w for w in self.words if w.end <= at]
        while words and words[-1].upos == "PUNCT":
            words.pop()
        return self.keeping(text, words)


@attrs.frozen
class Event:
    start: int
    end: int
    type: str
    cue: str
    cue_start: int
    cue_end: int
    mention: Optional[Mention]
    unit_index: int
    cited_source: Optional[str] = None
    cited_mention: Optional[Mention] = None
    inherits: bool = False          # a floating quote: speaker of the event before it
    balanced: bool = True
    rule: str = "unknown"           # the construction rule that made it
