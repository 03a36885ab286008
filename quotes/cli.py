"""The `quotes` command line: extract, eval, grammar check/test, models."""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from pathlib import Path

import jsonlines

from .errors import QuotesError
from .parsing import PARSERS


def _extract(args: argparse.Namespace) -> int:
    from . import inputs, runner

    settings = runner.Settings(args.grammar, args.parser, args.stanza_dir, not args.no_gate, args.max_chars, bool(args.entities))
    if args.dask and args.entities:
        raise ValueError("--entities is not available with --dask")
    items = inputs.read(args.paths)
    if args.resume:
        from .resume import start

        items = start(args, items)
    if args.dask:
        from .cluster import extract_with_dask

        return extract_with_dask(args.dask, args.paths, args.output, settings)
    mode = "a" if args.resume else "w"
    out = open(args.output, mode, encoding="utf-8") if args.output else sys.stdout
    writer = jsonlines.Writer(out, flush=True, dumps=functools.partial(json.dumps, ensure_ascii=False))
    errors = open(args.errors, mode, encoding="utf-8") if args.errors else None
    entities = open(args.entities, mode, encoding="utf-8") if args.entities else None
    counts = runner.Counts()
    bar = None
    if sys.stderr.isatty() and not args.quiet:
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=sys.stderr)
    try:
        # Load the models before reading stdin, so a broken install fails fast.
        pipeline = None
        if args.workers <= 1:
            pipeline = runner.load_for_process(settings, runner.torch_threads())
        for outcome in runner.run(items, settings, counts, args.workers, args.batch_size, pipeline):
            writer.write_all(outcome.records)
            out.flush()
            if entities is not None:
                entities.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in outcome.entities)
            if outcome.failure is not None:
                line = json.dumps(outcome.failure.to_record(), ensure_ascii=False)
                if errors:
                    errors.write(line + "\n")
                    errors.flush()
                else:
                    print(f"quotes: {outcome.failure.level}: {line}", file=sys.stderr)
            if outcome.notice is not None and not args.quiet:
                print(f"quotes: {outcome.notice.source}: {outcome.notice.message}", file=sys.stderr)
            if bar is not None and outcome.is_document:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        if args.output:
            out.close()
        if errors:
            errors.close()
        if entities is not None:
            entities.close()
    print(f"quotes: {counts.summary()}", file=sys.stderr)
    return 0


def _eval(args: argparse.Namespace) -> int:
    from . import evaluate

    docs = args.docs or str(Path(args.gold).parent)
    gold, pred, texts = evaluate.load_jsonl(args.gold), evaluate.load_jsonl(args.pred), evaluate.load_texts(docs)
    result = evaluate.evaluate(gold, pred, texts)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else evaluate.report(result))
    if args.html:
        from . import evalpage, pages

        pages.write(args.html, evalpage.render(gold, pred, texts, result))
    return 0


def _show(args: argparse.Namespace) -> int:
    from . import pages, show

    warn = (lambda message: None) if args.quiet else (lambda message: print(f"quotes: {message}", file=sys.stderr))
    if args.docs:
        if len(args.paths) != 1:
            raise ValueError("with --docs, give one records file")
        shown = show.from_records(args.paths[0], args.docs)
    else:
        shown = show.extracted(args.paths, args.grammar, args.parser, args.stanza_dir, warn)
    pages.write(args.output, show.render(shown, args.title))
    return 0


def _report(args: argparse.Namespace) -> int:
    from . import pages, report

    pages.write(args.output, report.render(report.build(args.records, args.top, args.rows), args.title))
    return 0


def _grammar_check(args: argparse.Namespace) -> int:
    from . import grammar
    from .attribution import rules_of

    g = grammar.load(args.grammar)
    rules = rules_of(g)  # the rule names are known only to the attribution package
    print(f"{g.path}: ok — {len(g.pairs)} mark pairs, {len(g.verb_class)} cue lemmas, {len(g.forms)} surface forms, "
          f"{len(g.prepositions)} verb-less cues, {len(g.titles)} titles, {len(g.boilerplate)} boilerplate patterns, "
          f"{len(rules)} attribution rules")
    return 0


def _grammar_test(args: argparse.Namespace) -> int:
    from .golden import run_cases

    changed = run_cases(args.grammar, args.cases, update=args.update, parser=args.parser, stanza_dir=args.stanza_dir)
    return 1 if changed and not args.update else 0


def _models(args: argparse.Namespace) -> int:
    from . import models

    source = models.resolve(args.stanza_dir)
    print(source.describe())
    print("words cut by rule (quotes.wordsplit); --parser stanza-tokenizer uses the tokenizer model")
    print(f"run by {models.runtime_of(source)}")
    if source.scores:
        print("scores, end to end from raw text with the tokenizer model (by rule: docs/models.md):")
    for name, value in sorted(source.scores.items()):
        print(f"  {name}: {value}")
    return 0


def _at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a whole number, at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotes", description="Quotations and their speakers in French news text.")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract quotes as JSONL")
    ex.add_argument("paths", nargs="+", help="text files, folders, .jsonl, .html, or - for stdin")
    ex.add_argument("-o", "--output", help="write records here instead of stdout")
    ex.add_argument("--resume", action="store_true", help="append to -o FILE, skipping the documents a stopped run already wrote")
    ex.add_argument("--errors", help="write error records (JSONL) here instead of stderr")
    ex.add_argument("--entities", metavar="FILE", help="write each document's entity table (JSONL, one entity a line) here")
    ex.add_argument("--grammar", default="fr", help="grammar name or folder (default: fr)")
    ex.add_argument("--parser", default="stanza", choices=list(PARSERS), help="'stanza': the models run by numpy; 'stanza-torch': by Stanza's own code; 'none': grammar stage only")
    ex.add_argument("--stanza-dir", help="folder of Stanza models to use (else QUOTES_STANZA_DIR, official, shipped)")
    ex.add_argument("--no-gate", action="store_true", help="parse every sentence, not only those with marks or cues")
    ex.add_argument("--workers", type=_at_least_one, default=1, help="worker processes, each loading the models once")
    ex.add_argument("--batch-size", type=_at_least_one, default=None,
                    help="documents parsed together in one Stanza call, per worker (default: 8; with several "
                         "workers, up to twice as many at the end of the input)")
    ex.add_argument("--max-chars", type=int, default=1_000_000, help="skip (and report) longer documents")
    ex.add_argument("--dask", metavar="SCHEDULER", help="run on a Dask cluster at this address")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar or notices")
    ex.set_defaults(func=_extract)

    ev = sub.add_parser("eval", help="score predicted records against gold records, by construction too")
    ev.add_argument("gold")
    ev.add_argument("pred")
    ev.add_argument("--docs", help="folder of the documents (default: the gold file's folder)")
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--html", metavar="PAGE", help="also write gold and predicted records side by side in their documents")
    ev.set_defaults(func=_eval)

    sh = sub.add_parser("show", help="documents with their quotes highlighted, as an HTML page")
    sh.add_argument("paths", nargs="+", help="any input of extract; with --docs, a records file")
    sh.add_argument("-o", "--output", required=True, help="the HTML page to write")
    sh.add_argument("--docs", nargs="+", metavar="PATH", help="the documents of a records file (folders, files, .jsonl)")
    sh.add_argument("--title", default="quotes", help="the page's title")
    sh.add_argument("--grammar", default="fr")
    sh.add_argument("--parser", default="stanza", choices=list(PARSERS))
    sh.add_argument("--stanza-dir")
    sh.add_argument("-q", "--quiet", action="store_true", help="no notices about skipped inputs")
    sh.set_defaults(func=_show)

    rp = sub.add_parser("report", help="a corpus report of records (who is quoted, by type, gender, outlet, cue, date)")
    rp.add_argument("records", help="records JSONL (the output of extract)")
    rp.add_argument("-o", "--output", required=True, help="the HTML page to write")
    rp.add_argument("--top", type=int, default=20, help="speakers, outlets and cues in the charts (default 20)")
    rp.add_argument("--rows", type=int, default=2000, help="records in the searchable table (default 2000)")
    rp.add_argument("--title", default="quotes report")
    rp.set_defaults(func=_report)

    gr = sub.add_parser("grammar", help="check a grammar, or run its golden cases")
    gsub = gr.add_subparsers(dest="action", required=True)
    gc = gsub.add_parser("check", help="load and validate a grammar")
    gc.add_argument("grammar")
    gc.set_defaults(func=_grammar_check)
    gt = gsub.add_parser("test", help="run golden cases and show what changed")
    gt.add_argument("grammar")
    gt.add_argument("cases", help="golden cases file (JSONL)")
    gt.add_argument("--update", action="store_true", help="rewrite the expected records")
    gt.add_argument("--parser", default="stanza", choices=list(PARSERS))
    gt.add_argument("--stanza-dir")
    gt.set_defaults(func=_grammar_test)

    mo = sub.add_parser("models", help="which Stanza models are in use, and their scores")
    mo.add_argument("--stanza-dir")
    mo.set_defaults(func=_models)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        # The reader went away (`quotes extract ... | head`): stop quietly, as Unix tools do.
        # Point stdout at /dev/null so the flush at exit does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except QuotesError as exc:
        print(f"quotes: error: {exc}", file=sys.stderr)
        return 1
    except (ValueError, OSError) as exc:
        print(f"quotes: error: {exc}", file=sys.stderr)
        return 1


def run() -> None:
    """The `quotes` command: main(), then leave without tearing the interpreter down.
    Unloading torch, Stanza and the models at exit took 0.13-0.24 s of every run (0.03
    s without); the outputs are closed by then.  Where another library may still have
    work to finish at exit (Dask's cluster, a live child process), the usual exit."""
    code = main()
    import multiprocessing

    if "dask" in sys.modules or multiprocessing.active_children():
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)


if __name__ == "__main__":
    run()
