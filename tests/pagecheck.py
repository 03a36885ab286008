"""Reading the generated HTML pages back with the standard library's parser, for the tests."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

# Anything a browser would fetch: a URL in src/href/action/poster, CSS url() or @import.
REMOTE = re.compile(r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)|url\(\s*["']?\s*(?:https?:)?//|@import""", re.I)


class Page(HTMLParser):
    """Collects, per document text (<div class="text" data-doc>), every marked span: its
    offset in the text, its text and attributes; the pieces of a split mark (same data-m)
    are joined.  Also the page's script bodies and chart rows (data-label/data-count)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self.marks: dict[tuple[str, str], dict] = {}
        self.scripts: list[tuple[dict, str]] = []
        self.charts: dict[str, list[tuple[str, int]]] = {}
        self.tags: list[tuple[str, dict]] = []
        self._doc = None
        self._depth = 0
        self._open: list = []
        self._script = None
        self._chart = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "script":
            self._script = (a, [])
        if "data-chart" in a:
            self._chart = a["data-chart"]
            self.charts[self._chart] = []
        if tag == "g" and "data-count" in a and self._chart:
            self.charts[self._chart].append((a["data-label"], int(a["data-count"])))
        if tag == "div" and "text" in a.get("class", "").split() and "data-doc" in a:
            self._doc, self._depth = a["data-doc"], 0
            # The eval page shows one document twice: key the second view apart.
            while self._doc in self.texts:
                self._doc += "'"
            self.texts[self._doc] = ""
            return
        if self._doc is not None:
            self._depth += 1
            if tag == "span" and "data-m" in a:
                key = (self._doc, a["data-m"])
                at = len(self.texts[self._doc])
                mark = self.marks.setdefault(key, {"start": at, "end": at, "text": "", "attrs": a, "pieces": 0})
                if mark["end"] != at:
                    raise AssertionError(f"pieces of mark {key} are not contiguous")
                mark["pieces"] += 1
                self._open.append(mark)
            else:
                self._open.append(None)

    def handle_endtag(self, tag):
        if tag == "script" and self._script:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None
        if tag == "section":
            self._chart = None
        if self._doc is not None:
            if self._depth == 0:
                self._doc = None
                return
            self._depth -= 1
            self._open.pop()

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)
        if self._doc is not None:
            self.texts[self._doc] += data
            for mark in self._open:
                if mark is not None:
                    mark["text"] += data
                    mark["end"] += len(data)

    def records(self) -> list[dict]:
        [body] = [text for a, text in self.scripts if a.get("id") == "records"]
        return json.loads(body)

    def marks_of(self, doc: str, cls: str) -> list[dict]:
        return [m for (d, _), m in self.marks.items() if d == doc and cls in m["attrs"].get("class", "").split()]
