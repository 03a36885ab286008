"""Where words come from: the outlet that published a document.

(The cited intermediary of each quote, "selon RIA Novosti", is found by the
attribution stage, which sees the clause it belongs to.)
"""

from __future__ import annotations

from typing import Optional
from urllib.parse import urlparse

import regex

from .model import Document

_TITLE_SUFFIX = regex.compile(r"[ \t]+[–—|-][ \t]+([\p{Lu}\d][\w.\- ]{1,40}?)[ \t]*$", regex.MULTILINE)
_BYLINE = [
    regex.compile(r"^[ \t]*Rédaction[ \t]+([\p{Lu}][\w\-]+(?:[ \t]+[\p{Lu}][\w\-]+)*)[ \t]*$", regex.MULTILINE),
    regex.compile(r"^\s*-\s*BY\s+(.+?)\s*$", regex.MULTILINE),
]


def outlet(doc: Document, text: str) -> Optional[str]:
    if doc.outlet:
        return doc.outlet
    if doc.url:
        host = urlparse(doc.url).hostname
        if host:
            return host.removeprefix("www.")
    first = text.lstrip().split("\n", 1)[0]
    m = _TITLE_SUFFIX.search(first)
    if m:
        return m.group(1).strip()
    original = doc.text
    for pattern in _BYLINE:
        m = pattern.search(original)
        if m:
            name = m.group(1).strip()
            return name if name.lower().startswith("rédaction") else ("Rédaction " + name if pattern is _BYLINE[0] else name)
    return None
