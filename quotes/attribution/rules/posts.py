"""Embedded social-media posts: the post's text, then a line "— Name (@handle) date"
(the form news pages keep when a post is embedded).  The post is a direct quote
of the named account; its cue is the dash."""

from __future__ import annotations

from typing import Optional

import regex

from ...parsing import Sentence
from ..context import Context, UnitView
from ..events import Event, Mention, trim
from . import rule

_SIGNATURE = regex.compile(r"^[ \t]*([—–])[ \t\u00a0]*(?P<name>[^\n()@]{2,80}?)[ \t\u00a0]*\(@\w{1,30}\)[^\n]*$", regex.MULTILINE)
# Marks of a post's own text: a hashtag, a handle, a link, an emoji.
_POST_LIKE = regex.compile(r"(?:^|\s)[#@]\w|https?://|pic\.twitter\.com|[\U0001F000-\U0001FAFF\u2600-\u27BF]")


def _gate(u: UnitView) -> bool:
    return bool(_SIGNATURE.search(u.text, u.unit.start, u.unit.end))


@rule("embedded_post", gate=_gate)
def embedded_post(ctx: Context) -> None:
    """"Texte du message https://t.co/x" then "— Jean Dupont (@jdupont) 3 mars 2020":
    the lines above the signature are the account's words."""
    text = ctx.text
    for m in _SIGNATURE.finditer(text):
        # The signature line is no dialogue line, whatever its dash says.
        ctx.quotes[:] = [q for q in ctx.quotes if not (m.start() <= q.open_start < m.end())]
        span = _post_span(text, m.start())
        if span is None or ctx.taken(*span):
            continue
        located = ctx.sentence_at(m.start("name"))
        if located is None:
            continue
        index, sent = located
        mention = _name_mention(sent, text, m.start("name"), m.end("name"))
        dash = m.start(1)
        ctx.add(Event(span[0], span[1], "direct", "—", dash, dash + 1, mention, index, rule="embedded_post"))


def _post_span(text: str, signature: int) -> Optional[tuple[int, int]]:
    """The line right above the signature, and the lines above it while they read
    like a post (a hashtag, a handle, a link or an emoji in them)."""
    end = signature
    lines = text[:end].rstrip("\n").split("\n")
    if not lines or not lines[-1].strip():
        return None
    taken = 1
    while taken < len(lines) and lines[-taken - 1].strip() and _POST_LIKE.search(lines[-taken - 1]) \
            and not lines[-taken - 1].rstrip().endswith(":"):
        taken += 1
    body = "\n".join(lines[-taken:])
    start = len(text[:end].rstrip("\n")) - len(body)
    return trim(text, start, start + len(body))


def _name_mention(sent: Sentence, text: str, start: int, end: int) -> Optional[Mention]:
    words = tuple(w for w in sent.words if start <= w.start and w.end <= end)
    if not words:
        return None
    heads = [w for w in words if not (w.head and start <= sent.word(w.head).start < end)]
    head = heads[0] if heads else words[0]
    return Mention(words[0].start, words[-1].end, text[words[0].start: words[-1].end], head, words, sent)
