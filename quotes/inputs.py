"""Reading documents: text files, folders, JSONL, HTML pages and stdin.

`read(paths)` yields a `Document` or an `InputFailure` for every input, in
order, so a malformed line or an unreadable file is reported and the rest of
the stream goes on.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Iterator, Optional, Union

import attrs
import jsonlines

from .model import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@attrs.frozen
class InputFailure:
    source: str
    error: str
    line: Optional[int] = None
    doc: Optional[str] = None
    level: str = "error"       # "warning": reported, and the document is still processed

    def to_record(self) -> dict:
        return {"source": self.source, "line": self.line, "doc": self.doc, "level": self.level, "error": self.error}


@attrs.frozen
class Notice:
    """Something worth saying that is not a failure (a JSONL file holding no documents)."""

    source: str
    message: str


Item = Union[Document, InputFailure, Notice]


def _decode(data: bytes, source: str) -> tuple[str, Optional[InputFailure]]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        warning = InputFailure(source, f"invalid UTF-8 at byte {exc.start}; decoded with replacement characters", level="warning", doc=source)
        return data.decode("utf-8", errors="replace"), warning


def _is_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192]


def document_from_record(obj: dict, source: str, line: int) -> Document:
    """A JSONL record -> Document; raises ValueError naming what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    doc_id = str(obj.get("id") or f"{Path(source).name}:{line}")
    text = obj.get("text")
    meta = {}
    if text is None and obj.get("html") is not None:
        from .html import html_to_document

        return html_to_document(str(obj["html"]), doc_id, url=obj.get("url"), date=obj.get("date"), outlet=obj.get("source"))
    if not isinstance(text, str):
        raise ValueError("record has no 'text' (or 'html') string")
    for key in ("date", "url", "title"):
        if obj.get(key) is not None:
            meta[key] = str(obj[key])
    outlet = obj.get("source") or obj.get("outlet")
    return Document(doc_id, text, outlet=str(outlet) if outlet else None, **meta)


def _jsonl(stream, source: str) -> Iterator[Item]:
    documents = 0
    other = 0
    seen = [0]

    def numbered():
        for line in stream:
            seen[0] += 1
            yield line

    reader = jsonlines.Reader(numbered())
    while True:
        try:
            obj = reader.read(allow_none=True, skip_empty=True)
        except EOFError:
            break
        except jsonlines.InvalidLineError as exc:
            # The reader has consumed the bad line: report it and read on.
            cause = exc.__cause__
            detail = f"{cause.msg} (column {cause.colno})" if isinstance(cause, json.JSONDecodeError) else str(exc)
            yield InputFailure(source, f"malformed JSON: {detail}", exc.lineno)
            continue
        number = seen[0]
        if isinstance(obj, dict) and "text" not in obj and "html" not in obj and ("quote" in obj or "speaker" in obj):
            other += 1
            continue
        try:
            yield document_from_record(obj, source, number)
            documents += 1
        except ValueError as exc:
            yield InputFailure(source, str(exc), number)
    if other and not documents:
        yield Notice(source, f"skipped: {other} lines hold quote records, not documents")


def _jsonl_file(path: Path, source: str) -> Iterator[Item]:
    """JSONL read line by line: memory stays flat whatever the file's size."""
    def lines():
        with open(path, "rb") as f:
            for number, raw in enumerate(f, 1):
                text, warning = _decode(raw, source)
                if warning:
                    yield attrs.evolve(warning, line=number, doc=None)
                yield text

    pending: list[InputFailure] = []

    def text_lines():
        for item in lines():
            if isinstance(item, InputFailure):
                pending.append(item)
            else:
                yield item

    for item in _jsonl(text_lines(), source):
        yield from pending
        pending.clear()
        yield item
    yield from pending


def _file(path: Path) -> Iterator[Item]:
    source = str(path)
    try:
        with open(path, "rb") as f:
            head = f.read(8192)
    except OSError as exc:
        yield InputFailure(source, f"cannot read: {exc.strerror or exc}")
        return
    if _is_binary(head):
        yield InputFailure(source, "binary file (NUL bytes), not text")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_file(path, source)
        return
    text, warning = _decode(path.read_bytes(), source)
    if warning:
        yield warning
    if suffix in HTML_SUFFIXES:
        from .html import html_to_document

        yield html_to_document(text, path.name, source_path=source)
    else:
        yield Document(path.name, text)


def read(paths: list[str]) -> Iterator[Item]:
    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read()
            text, warning = _decode(data, "<stdin>")
            if warning:
                yield warning
            if text.lstrip().startswith("{"):
                yield from _jsonl(io.StringIO(text), "<stdin>")
            else:
                yield Document("stdin", text)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield from _file(child)
        elif path.is_file():
            yield from _file(path)
        else:
            yield InputFailure(raw, "no such file or folder")
