"""Evaluate a Stanza French model folder end to end, from raw text, with the
CoNLL 2018 shared-task scorer that Stanza ships (stanza.models.common.utils.ud_scores).

    python training/evaluate.py                      # the models quotes would use
    python training/evaluate.py --stanza-dir training/work/models --write-scores

Test sets: UD_French-Sequoia test and UD_French-GSD test, both held out of
training.  `--write-scores` writes scores.json beside the models (shown by
`quotes models`) and the table of docs/models.md.

    python training/evaluate.py --words rules stanza

scores the two ways of cutting words (quotes.stanzadocs.WORDS) on the same models,
one gold sentence at a time, as the extractor parses its units: the treebank's
sentence boundaries are given, so Sentences is 100 and the other columns differ
by the words alone.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UD = Path(os.environ.get("QUOTES_UD_DIR", ROOT.parent / "shared" / "data" / "ud"))
TESTS = {
    "Sequoia test": UD / "UD_French-Sequoia" / "fr_sequoia-ud-test.conllu",
    "GSD test": UD / "UD_French-GSD" / "fr_gsd-ud-test.conllu",
}
METRICS = ["Tokens", "Sentences", "UPOS", "UFeats", "Lemmas", "UAS", "LAS"]


def evaluate(stanza_dir: str | None) -> dict:
    import stanza
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL
    from stanza.utils.datasets.conllu_to_text import convert_text

    sys.path.insert(0, str(ROOT))
    from quotes import models

    source = models.resolve(stanza_dir)
    pipeline = models.load_pipeline(source)
    results = {"models": source.describe()}
    for name, gold in TESTS.items():
        with tempfile.TemporaryDirectory() as tmp:
            text_file = Path(tmp) / "raw.txt"
            convert_text(str(gold), str(text_file))
            text = text_file.read_text(encoding="utf-8")
            started = time.perf_counter()
            doc = pipeline(stanza.Document([], text=text))
            seconds = time.perf_counter() - started
            pred = Path(tmp) / "pred.conllu"
            CoNLL.write_doc2conll(doc, str(pred))
            scores = ud_scores(str(gold), str(pred))
        results[name] = {m: round(100 * scores[m].f1, 2) for m in METRICS}
        results[name]["words_per_second"] = round(doc.num_words / seconds, 1)
        print(name, results[name], flush=True)
    return results


def evaluate_words(stanza_dir: str | None, ways: list[str]) -> dict:
    """Each way of cutting words, on the treebanks' own sentences."""
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL

    sys.path.insert(0, str(ROOT))
    from quotes import models, stanzadocs

    pipeline = models.load_pipeline(models.resolve(stanza_dir), no_ssplit=True)
    results: dict = {}
    for name, gold in TESTS.items():
        texts = [line[len("# text = "):].rstrip("\n") for line in gold.open(encoding="utf-8") if line.startswith("# text = ")]
        for way in ways:
            started = time.process_time()
            docs = stanzadocs.WORDS[way](pipeline, texts)
            seconds = time.process_time() - started
            with tempfile.TemporaryDirectory() as tmp:
                pred = Path(tmp) / "pred.conllu"
                with pred.open("w", encoding="utf-8") as out:
                    for doc in docs:
                        out.write(f"{doc:C}\n\n")
                scores = ud_scores(str(gold), str(pred))
            row = {m: round(100 * scores[m].f1, 2) for m in METRICS if m != "Sentences"}
            row["Words"] = round(100 * scores["Words"].f1, 2)
            row["cpu_seconds"] = round(seconds, 1)
            results[f"{name}, words by {way}"] = row
            print(name, way, row, flush=True)
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stanza-dir")
    parser.add_argument("--write-scores", action="store_true", help="write scores.json beside the models")
    parser.add_argument("--words", nargs="+", metavar="WAY", help="compare ways of cutting words (rules, stanza) on gold sentences")
    args = parser.parse_args(argv)
    if args.words:
        print(json.dumps(evaluate_words(args.stanza_dir, args.words), indent=1, ensure_ascii=False))
        return 0
    results = evaluate(args.stanza_dir)
    if args.write_scores:
        folder = Path(args.stanza_dir) if args.stanza_dir else ROOT / "quotes" / "resources" / "stanza" / "fr"
        flat = {f"{test} {m}": results[test][m] for test in TESTS for m in ("UPOS", "UFeats", "Lemmas", "UAS", "LAS")}
        (folder / "scores.json").write_text(json.dumps(flat, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
