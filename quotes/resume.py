"""Resuming an extraction that stopped half-way (`quotes extract ... -o FILE --resume`).

Documents are written in input order, each document's records together, so
what a stopped run leaves is a prefix of the full output, possibly cut inside
its last document (or inside its last line).  Resuming therefore:

- cuts the output after its last complete line, then drops the records of its
  last document, which may be incomplete, and runs that document again;
- takes every other document named in the output, and every document with an
  error record in the error stream, as done, and skips it;
- appends the records of the rest.

A document that gave no records leaves no trace in the output and is run again:
it gives no records again, so the resumed output is the one an uninterrupted run
writes.  With --entities, the tables of documents not done are dropped and
written again when they are rerun, so each table is there once, though that of a
document without records may then stand after later documents' tables.
Documents are told apart by id, so the ids of one input must differ.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Iterable, Iterator, Optional

import attrs

from .inputs import InputFailure, Item
from .model import Document


class ResumeError(ValueError):
    """A file the run would append to holds something other than its own records."""


@attrs.frozen
class Progress:
    done: frozenset[str]               # document ids whose outcome is already written
    reported: frozenset[str]           # error-stream lines already written, as JSON text
    kept_records: int = 0

    def pending(self, items: Iterable[Item]) -> Iterator[Item]:
        """`items` less the documents done and the failures already reported."""
        for item in items:
            if isinstance(item, Document):
                if item.id not in self.done:
                    yield item
            elif isinstance(item, InputFailure):
                if _canonical(item.to_record()) not in self.reported:
                    yield item
            else:
                yield item


def _canonical(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def _lines(path: Path) -> list[tuple[int, dict]]:
    """(offset, record) of each complete line of a JSONL file this command wrote.

    A last line with no newline is what a run killed mid-write leaves: the file is
    cut before it.  Any other line that is not a JSON object is damage we cannot
    repair by re-running, so it is an error naming the file and the line."""
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    if end < len(data):
        with open(path, "r+b") as f:
            f.truncate(end)
            f.flush()
            os.fsync(f.fileno())
    out, offset = [], 0
    for number, raw in enumerate(data[:end].splitlines(keepends=True), 1):
        if raw.strip():
            try:
                record = json.loads(raw)
            except ValueError as exc:
                raise ResumeError(f"{path}:{number}: not a JSON line ({exc}); cannot resume into this file") from exc
            if not isinstance(record, dict):
                raise ResumeError(f"{path}:{number}: not a JSON object; cannot resume into this file")
            out.append((offset, record))
        offset += len(raw)
    return out


def _truncate(path: Path, size: int) -> None:
    with open(path, "r+b") as f:
        f.truncate(size)


def prepare(output: str, errors: Optional[str] = None, entities: Optional[str] = None) -> Progress:
    """Repair the files a stopped run left and say what is done; files not there yet are fine."""
    done: set[str] = set()
    kept = 0
    out = Path(output)
    if out.is_file():
        lines = _lines(out)
        for number, (_, record) in enumerate(lines, 1):
            if not isinstance(record.get("doc"), str):
                raise ResumeError(f"{output}:{number}: not a quotes record (no 'doc'); cannot resume into this file")
        if lines:
            last = lines[-1][1]["doc"]
            k = len(lines)
            while k and lines[k - 1][1]["doc"] == last:
                k -= 1
            _truncate(out, lines[k][0])
            done = {r["doc"] for _, r in lines[:k]}
            kept = k
    reported: set[str] = set()
    if errors and Path(errors).is_file():
        for _, record in _lines(Path(errors)):
            reported.add(_canonical(record))
            if record.get("doc") is not None and record.get("level") != "warning":
                done.add(str(record["doc"]))
    if entities and Path(entities).is_file():
        _keep_entities(Path(entities), done)
    return Progress(frozenset(done), frozenset(reported), kept)


def _keep_entities(path: Path, done: set[str]) -> None:
    """Only the entity tables of done documents stay: the others are written again."""
    keep = [record for _, record in _lines(path) if record.get("doc") in done]
    tmp = path.with_name(path.name + ".resume-tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in keep), encoding="utf-8")
    os.replace(tmp, path)


def start(args, items: Iterable[Item]) -> Iterator[Item]:
    """The command line's --resume: check the options, repair the files, and the inputs still to run."""
    if not args.output:
        raise ResumeError("--resume needs -o FILE: it reads the records a stopped run wrote there and appends to them")
    if args.dask:
        raise ResumeError("--resume is not available with --dask")
    progress = prepare(args.output, args.errors, args.entities)
    if not args.quiet:
        print(f"quotes: resuming {args.output}: {len(progress.done)} documents done, {progress.kept_records} records kept",
              file=sys.stderr)
    return progress.pending(items)
