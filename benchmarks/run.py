"""Benchmark: documents/s and peak memory of each mode, side by side, in one run.

    python benchmarks/run.py [--docs 60] [--sentences 20] [--out benchmarks/results.json]

The corpus is real French text: the seed articles plus the sentences of the
UD French treebanks in ../shared/data/ud, grouped into news-sized documents.
Modes: parse everything (--no-gate), gated, gated with 2 workers, and the
grammar stage alone (MB/s).  Each CLI mode runs in its own process, whose
peak RSS (process tree) is sampled.  Gated and parse-everything outputs are
compared record by record.

Each mode is timed twice: on the corpus, and on its first document alone.
The second run is the fixed cost (start-up, model load, one document); the
difference is the time the rest of the corpus took, which gives the
steady-state documents/s that a long run approaches.  With --repeat N each
timing is the fastest of N runs (as timeit does: the others measure the
machine's other work too).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UD = Path(os.environ.get("QUOTES_UD_DIR", ROOT.parent / "shared" / "data" / "ud"))
# Written French only (the spoken treebanks have no punctuation), in this order;
# about 250 documents of 20 sentences in all.
SOURCES = [
    "UD_French-GSD/fr_gsd-ud-test.conllu",
    "UD_French-Sequoia/fr_sequoia-ud-test.conllu",
    "UD_French-GSD/fr_gsd-ud-dev.conllu",
    "UD_French-Sequoia/fr_sequoia-ud-dev.conllu",
    "UD_French-Sequoia/fr_sequoia-ud-train.conllu",
]


def build_corpus(n_docs: int, per_doc: int) -> list[dict]:
    docs = [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted((ROOT / "seeds").glob("*.txt"))]
    sentences = []
    for source in SOURCES:
        for line in (UD / source).read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                sentences.append(line[len("# text = "):])
    i = 0
    while len(docs) < n_docs and i < len(sentences):
        chunk = sentences[i: i + per_doc]
        i += per_doc
        paragraphs = [" ".join(chunk[k: k + 4]) for k in range(0, len(chunk), 4)]
        docs.append({"id": f"ud-{len(docs):04d}", "text": "\n\n".join(paragraphs)})
    return docs


def _tree_rss(pid: int) -> int:
    try:
        import psutil
    except ImportError:
        return 0
    try:
        proc = psutil.Process(pid)
        procs = [proc] + proc.children(recursive=True)
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def compile_package() -> None:
    """Write the bytecode of quotes and grammars, as pip does when it installs a wheel, so that
    the timed runs measure the package as users run it.  A checkout run where bytecode is not
    written (PYTHONDONTWRITEBYTECODE, a read-only tree) compiles every changed module at each
    start: about 0.1 s of CPU for quotes alone, which the installed yardstick never pays."""
    import compileall
    import importlib.util

    for name in ("quotes", "grammars"):
        spec = importlib.util.find_spec(name)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            compileall.compile_dir(folder, quiet=1)


def measure(cmd: list[str], env: dict | None = None) -> dict:
    """Wall and CPU seconds and peak RSS of one command, its workers included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "peak_rss_mb": round(peak / 2**20, 1),
            "stdout": out.strip(), "stderr": err.strip().splitlines()[-1:] }


def run_mode(corpus: Path, out: Path, extra: list[str]) -> dict:
    cmd = [sys.executable, "-m", "quotes.cli", "extract", str(corpus), "-o", str(out), "-q", *extra]
    m = measure(cmd)
    return {"seconds": m["wall_s"], "peak_rss_mb": m["peak_rss_mb"], "summary": m["stderr"][-1] if m["stderr"] else ""}


def grammar_stage_speed(docs: list[dict], target_mb: float = 4.0, runs: int = 1) -> dict:
    """Megabytes of UTF-8 text per second through the grammar stage, the fastest of
    `runs` passes over about `target_mb` megabytes (the corpus, repeated)."""
    sys.path.insert(0, str(ROOT))
    from quotes.pipeline import Pipeline

    pipeline = Pipeline("fr", "none")
    texts = [d["text"] for d in docs]
    size = sum(len(t.encode("utf-8")) for t in texts)
    repeat = max(1, int(target_mb * 2**20 / size))
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        for _ in range(repeat):
            for t in texts:
                pipeline.grammar_stage(t)
        best = min(best, time.perf_counter() - started)
    mb = size * repeat / 2**20
    return {"megabytes": round(mb, 2), "seconds": round(best, 2), "mb_per_second": round(mb / best, 2), "runs": runs}


def compare(a: Path, b: Path) -> dict:
    key = lambda r: (r["doc"], r["start"], r["end"], r["type"], r["cue"], r["speaker"], r["cited_source"])  # noqa: E731
    ra = [key(json.loads(x)) for x in a.read_text(encoding="utf-8").splitlines()]
    rb = [key(json.loads(x)) for x in b.read_text(encoding="utf-8").splitlines()]
    only_a = sorted(set(ra) - set(rb))
    only_b = sorted(set(rb) - set(ra))
    return {"records_a": len(ra), "records_b": len(rb), "identical": ra == rb,
            "only_in_everything": [list(x) for x in only_a][:20], "only_in_gated": [list(x) for x in only_b][:20]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--sentences", type=int, default=20, help="sentences per treebank document")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results.json"))
    parser.add_argument("--markdown", help="also write the table as Markdown here")
    parser.add_argument("--repeat", type=int, default=1, help="runs per timing; the fastest counts")
    args = parser.parse_args(argv)
    docs = build_corpus(args.docs, args.sentences)
    repeat = max(1, args.repeat)
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        modes = {
            "parse everything": ["--no-gate"],
            "gated": [],
            "gated, 2 workers": ["--workers", "2", "--batch-size", "4"],
        }
        results = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
                   "repeat": repeat,
                   "documents": len(docs), "corpus_mb": round(corpus.stat().st_size / 2**20, 3), "modes": {}}
        outputs = {}
        first = tmp / "first.jsonl"
        first.write_text(json.dumps(docs[0], ensure_ascii=False) + "\n", encoding="utf-8")
        for name, extra in modes.items():
            outputs[name] = tmp / f"{len(outputs)}.jsonl"
            runs = [run_mode(corpus, outputs[name], extra) for _ in range(repeat)]
            r = min(runs, key=lambda x: x["seconds"])
            r["peak_rss_mb"] = max(x["peak_rss_mb"] for x in runs)
            r["docs_per_second"] = round(len(docs) / r["seconds"], 3)
            r["startup_seconds"] = min(run_mode(first, tmp / "first.out.jsonl", extra)["seconds"] for _ in range(repeat))
            r["steady_docs_per_second"] = round((len(docs) - 1) / max(r["seconds"] - r["startup_seconds"], 1e-3), 3)
            results["modes"][name] = r
            print(f"{name:18s} {r['docs_per_second']:7.3f} docs/s  {r['steady_docs_per_second']:7.3f} docs/s after start-up "
                  f"({r['startup_seconds']} s)  {r['peak_rss_mb']:7.1f} MB  ({r['summary']})", flush=True)
        results["gated_vs_everything"] = compare(outputs["parse everything"], outputs["gated"])
        results["workers_equal"] = compare(outputs["gated"], outputs["gated, 2 workers"])["identical"]
        modes_out = results["modes"]
        results["speedup_gated"] = round(modes_out["gated"]["docs_per_second"] / modes_out["parse everything"]["docs_per_second"], 2)
        results["speedup_gated_steady"] = round(
            modes_out["gated"]["steady_docs_per_second"] / modes_out["parse everything"]["steady_docs_per_second"], 2)
        results["grammar_stage"] = grammar_stage_speed(docs, runs=repeat)
    print(f"gated / everything: {results['speedup_gated']}x end to end, {results['speedup_gated_steady']}x after start-up; grammar stage {results['grammar_stage']['mb_per_second']} MB/s")
    print(f"gated output identical to parse-everything: {results['gated_vs_everything']['identical']}")
    Path(args.out).write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.markdown:
        Path(args.markdown).write_text(markdown(results), encoding="utf-8")
    return 0


def markdown(results: dict) -> str:
    lines = [
        "| mode | documents/s | documents/s after start-up | start-up (s) | peak RSS (MB) | seconds |",
        "|---|---|---|---|---|---|",
    ]
    for name, r in results["modes"].items():
        lines.append(f"| {name} | {r['docs_per_second']} | {r['steady_docs_per_second']} | {r['startup_seconds']} "
                     f"| {r['peak_rss_mb']} | {r['seconds']} |")
    g = results["grammar_stage"]
    lines.append(f"| grammar stage alone | {g['mb_per_second']} MB/s | | | | {g['seconds']} ({g['megabytes']} MB) |")
    same = results["gated_vs_everything"]
    lines += [
        "",
        f"Machine: {results['machine']}. Corpus: {results['documents']} documents, {results['corpus_mb']} MB.",
        f"Gated / parse-everything: {results['speedup_gated']}x end to end, {results['speedup_gated_steady']}x after start-up. Records: {same['records_a']} (everything) vs "
        f"{same['records_b']} (gated), identical: {same['identical']}. 2 workers give the same output as 1: {results['workers_equal']}.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
