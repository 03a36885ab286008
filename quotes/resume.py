"""Resuming an extraction that stopped half-way (`quotes extract ... -o FILE --resume`).

Documents are written in input order, each document's records together, so
what a stopped run leaves is a prefix of the full output, possibly cut inside
its last document (or inside its last line).  Resuming therefore:

- cuts the output after its last complete line, then drops the records of its
  last document, which may be incomplete, and runs that document again;
- takes every other document named in the output, and every document with an
  error record in the error stream, as done, and skips it;
- appends the records of the rest.

The run restarts at the last document the files name (with --entities, the
last entity table, written after the document's records); the documents before
it that left no trace in them ran and gave nothing, and are skipped as well.
With --entities, the tables of documents not done are dropped and written again
when they are rerun, so each table is there once, in input order.
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
    restart: Optional[str] = None      # the document the stopped run was writing, run again

    def pending(self, items: Iterable[Item]) -> Iterator[Item]:
        """`items` less the documents done and the failures already reported.

        A document without a trace is held until the restart document comes: if it
        does, the held ones ran before the stop (and gave nothing) and are dropped;
        if it never does (another input), they run at the end."""
        held: list[Document] = []
        reached = self.restart is None
        for item in items:
            if isinstance(item, Document):
                if not reached and item.id == self.restart:
                    reached = True
                    held.clear()
                    yield item
                elif item.id in self.done:
                    continue
                elif not reached:
                    held.append(item)
                else:
                    yield item
            elif isinstance(item, InputFailure):
                if _canonical(item.to_record()) not in self.reported:
                    yield item
            else:
                yield item
        yield from held


def _last_run(lines: list[tuple[int, int, dict]]) -> int:
    """Where the lines of the last document named in `lines` begin."""
    k = len(lines)
    while k and lines[k - 1][2].get("doc") == lines[-1][2].get("doc"):
        k -= 1
    return k


def _canonical(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def _lines(path: Path) -> tuple[list[tuple[int, int, dict]], int]:
    """(line number, offset, record) of each complete line of a JSONL file this command
    wrote, and where the complete lines end.

    A last line with no newline is what a run killed mid-write leaves: it is not
    returned (the caller cuts the file there).  Any other line that is not a JSON
    object is damage we cannot repair by re-running, so it is an error naming the
    file and the line; nothing is changed in the file then."""
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    out, offset = [], 0
    for number, raw in enumerate(data[:end].splitlines(keepends=True), 1):
        if raw.strip():
            try:
                record = json.loads(raw)
            except ValueError as exc:
                raise ResumeError(f"{path}:{number}: not a JSON line ({exc}); cannot resume into this file") from exc
            if not isinstance(record, dict):
                raise ResumeError(f"{path}:{number}: not a JSON object; cannot resume into this file")
            out.append((number, offset, record))
        offset += len(raw)
    return out, end


def _truncate(path: Path, size: int) -> None:
    with open(path, "r+b") as f:
        f.truncate(size)
        f.flush()
        os.fsync(f.fileno())


def prepare(output: str, errors: Optional[str] = None, entities: Optional[str] = None) -> Progress:
    """Repair the files a stopped run left and say what is done; files not there yet are fine.

    Every file is read and checked before any is changed."""
    out, err, ent = Path(output), Path(errors) if errors else None, Path(entities) if entities else None
    records, records_end = _lines(out) if out.is_file() else ([], 0)
    for number, _, record in records:
        if not isinstance(record.get("doc"), str):
            raise ResumeError(f"{output}:{number}: not a quotes record (no 'doc'); cannot resume into this file")
    failures, failures_end = _lines(err) if err and err.is_file() else ([], 0)
    tables, _ = _lines(ent) if ent and ent.is_file() else ([], 0)
    # The last document the files name may have been cut short: its lines go, and it runs
    # again.  A document's entity table is written after its records: a last record whose
    # document has no table yet is the later of the two.
    last_record = records[-1][2]["doc"] if records else None
    tabled = {str(r["doc"]) for _, _, r in tables if r.get("doc") is not None}
    restart = str(tables[-1][2].get("doc")) if tables and (last_record is None or last_record in tabled) else last_record
    k = _last_run(records) if records and last_record == restart else len(records)
    if out.is_file():
        _truncate(out, records[k][1] if k < len(records) else records_end)
    done = {r["doc"] for _, _, r in records[:k]} | tabled
    if err and err.is_file():
        _truncate(err, failures_end)
    reported = set()
    for _, _, record in failures:
        reported.add(_canonical(record))
        if record.get("doc") is not None and record.get("level") != "warning":
            done.add(str(record["doc"]))
    done.discard(restart)
    if ent and ent.is_file():
        _keep_entities(ent, [r for _, _, r in tables if r.get("doc") in done])
    return Progress(frozenset(done), frozenset(reported), k, restart)


def _keep_entities(path: Path, keep: list[dict]) -> None:
    """Only the entity tables of done documents stay: the others are written again."""
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
