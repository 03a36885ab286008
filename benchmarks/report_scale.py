"""Benchmark: `quotes report` on a large records file made by repeating real output.

    python benchmarks/report_scale.py RECORDS.jsonl [--records 100000] [--sources TSV] [--repeat 3]

RECORDS.jsonl is the output of `quotes extract` on some articles (the dev set:
`quotes extract ../shared/dev/docs -o dev.jsonl`).  Its records are repeated,
each copy with new document ids (`003.txt#17`), until there are --records of
them.  With --sources (a TSV of id, outlet, date: ../shared/dev/sources.tsv)
each copy takes its article's outlet and a date moved on by one day per copy,
so the outlet and time charts have real work to do.  The report runs as a
command in its own process (start-up included); the time is the fastest of
--repeat runs.  Prints one JSON object.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sources(path: str | None) -> dict[str, tuple[str, datetime.date]]:
    if not path:
        return {}
    out = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            try:
                out[row["id"]] = (row["outlet"], datetime.date.fromisoformat(row["date"][:10]))
            except (KeyError, ValueError):
                continue
    return out


def generate(records_path: str, n: int, out_path: Path, meta: dict) -> int:
    base = [json.loads(line) for line in open(records_path, encoding="utf-8") if line.strip()]
    if not base:
        raise SystemExit(f"{records_path}: no records")
    written = 0
    with open(out_path, "w", encoding="utf-8") as f:
        copy = 0
        while written < n:
            for r in base[: n - written]:
                r = {**r, "doc": f"{r['doc']}#{copy}"}
                known = meta.get(r["doc"].split(".")[0])
                if known:
                    r["source"] = known[0]
                    r["date"] = (known[1] + datetime.timedelta(days=copy)).isoformat()
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
                written += 1
            copy += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("records")
    parser.add_argument("--records", dest="n", type=int, default=100_000)
    parser.add_argument("--sources", help="TSV of id, outlet, date for the articles of RECORDS")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "records.jsonl"
        t0 = time.perf_counter()
        n = generate(args.records, args.n, big, sources(args.sources))
        generated = time.perf_counter() - t0
        page = Path(tmp) / "report.html"
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "quotes.cli", "report", str(big), "-o", str(page)], check=True, env=env)
            times.append(time.perf_counter() - t0)
        import duckdb

        result = {
            "records": n, "file_mb": round(big.stat().st_size / 2**20, 1), "generate_s": round(generated, 2),
            "report_s": round(min(times), 2), "report_runs_s": [round(t, 2) for t in times],
            "page_kb": round(page.stat().st_size / 1024), "duckdb": duckdb.__version__,
            # The largest of the report processes (the generator ran in this one, not a child).
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
