"""Running on a Dask cluster: JSONL (or any input) files in, JSONL partitions out.

Each input path is one task.  A worker process loads the pipeline once and
keeps it for every task it runs.  Each partition holds the records of one
input, in input order; failures go to `errors.jsonl` beside the partitions.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

from .runner import Counts, Settings

_PIPELINES: dict = {}


def _pipeline(settings: Settings):
    key = (settings.grammar, settings.parser, settings.stanza_dir, settings.gate)
    if key not in _PIPELINES:
        from .pipeline import Pipeline

        _PIPELINES[key] = Pipeline(*key)
    return _PIPELINES[key]


def extract_partition(path: str, out_path: str, settings: Settings) -> dict:
    """One task: every document of `path` -> `out_path` (JSONL).  Returns counts and failures."""
    from . import inputs, runner

    counts = Counts()
    failures = []
    with open(out_path, "w", encoding="utf-8") as out:
        for outcome in runner.run(inputs.read([path]), settings, counts, pipeline=_pipeline(settings)):
            for record in outcome.records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            if outcome.failure is not None:
                failures.append(outcome.failure.to_record())
    return {"path": path, "partition": out_path, "documents": counts.documents, "done": counts.done,
            "errors": counts.errors, "records": counts.records, "failures": failures}


def _expand(paths: list[str]) -> list[str]:
    out = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(str(c) for c in sorted(path.rglob("*")) if c.is_file() and not c.name.startswith("."))
        else:
            out.append(p)
    return out


def extract_to_partitions(client, paths: list[str], out_dir: str, settings: Optional[Settings] = None) -> list[dict]:
    """Submit one task per input file; wait; write errors.jsonl.  Returns the task results in input order."""
    settings = settings or Settings()
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    files = _expand(paths)
    futures = [
        client.submit(extract_partition, f, str(target / f"part-{i:05d}.jsonl"), settings, pure=False)
        for i, f in enumerate(files)
    ]
    results = client.gather(futures)
    with open(target / "errors.jsonl", "w", encoding="utf-8") as errors:
        for result in results:
            for failure in result["failures"]:
                errors.write(json.dumps(failure, ensure_ascii=False) + "\n")
    return results


def extract_with_dask(address: str, paths: list[str], output: Optional[str], settings: Settings) -> int:
    """`quotes extract --dask ADDRESS`: partitions under a folder, then the records streamed in order."""
    import tempfile

    from dask.distributed import Client

    with Client(address) as client:
        folder = tempfile.mkdtemp(prefix="quotes-dask-")
        results = extract_to_partitions(client, paths, folder, settings)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for result in results:
            with open(result["partition"], encoding="utf-8") as part:
                for line in part:
                    out.write(line)
    finally:
        if output:
            out.close()
    for result in results:
        for failure in result["failures"]:
            print(f"quotes: error: {json.dumps(failure, ensure_ascii=False)}", file=sys.stderr)
    docs = sum(r["documents"] for r in results)
    done = sum(r["done"] for r in results)
    errs = sum(r["errors"] for r in results)
    recs = sum(r["records"] for r in results)
    print(f"quotes: {docs} documents in, {done} done, {errs} errors, {recs} records out (partitions in {folder})", file=sys.stderr)
    return 0
