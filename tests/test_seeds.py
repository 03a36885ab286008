"""The whole pipeline on the seed articles, scored against gold.jsonl with `quotes eval`."""

import json
import subprocess
import sys

import pytest

from quotes import evaluate
from quotes.pipeline import Pipeline

from conftest import SEEDS


@pytest.fixture(scope="module")
def predicted(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds") / "pred.jsonl"
    result = subprocess.run([sys.executable, "-m", "quotes.cli", "extract", str(SEEDS), "-o", str(out)],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def scores(predicted):
    gold = evaluate.load_jsonl(SEEDS / "gold.jsonl")
    return evaluate.evaluate(gold, predicted, evaluate.load_texts(SEEDS))


def test_quote_f1_and_speaker_accuracy(scores):
    assert scores["quote@0.3"]["f1"] >= THRESHOLDS["f1"], evaluate.report(scores)
    assert scores["speaker_accuracy"] >= THRESHOLDS["speaker"], evaluate.report(scores)
    assert scores["cue_accuracy"] >= THRESHOLDS["cue"], evaluate.report(scores)


def test_every_offset_points_at_its_text(predicted):
    texts = evaluate.load_texts(SEEDS)
    for r in predicted:
        text = texts[r["doc"]]
        assert text[r["start"]:r["end"]] == r["quote"]
        assert text[r["cue_start"]:r["cue_end"]] == r["cue_text"]
        if r["speaker_start"] is not None:
            assert text[r["speaker_start"]:r["speaker_end"]] == r["speaker_mention"]


def test_cited_sources_of_matched_quotes(scores):
    assert scores["cited_source_accuracy"] >= THRESHOLDS["cited"], evaluate.report(scores)


def test_dates_on_the_seeds(predicted):
    by_doc = {}
    for r in predicted:
        by_doc.setdefault(r["doc"], []).append(r)
    assert {r["date"] for r in by_doc["001_a515092d39b7bbda.txt"]} == {"2024-11-01T14:19"}
    assert {r["date"] for r in by_doc["004_1aa1331738360327.txt"]} == {"2024-09"}
    texts = [r["quote_date_text"] for r in predicted if r["quote_date_text"]]
    assert "le 30 novembre" in texts


def test_gated_output_equals_parse_everything(pipeline):
    from quotes.model import Document

    everything = Pipeline(pipeline.grammar, pipeline.parser, gate=False)
    for path in sorted(SEEDS.glob("*.txt")):
        doc = Document(path.name, path.read_text(encoding="utf-8"))
        assert [q.to_record() for q in pipeline.process(doc)] == [q.to_record() for q in everything.process(doc)], path.name


THRESHOLDS = {"f1": 0.95, "speaker": 0.97, "cue": 0.95, "cited": 0.90}


def test_the_numpy_runtime_gives_the_records_stanzas_code_gives(pipeline, torch_pipeline, seed_texts):
    from quotes.model import Document

    docs = [Document(name, text) for name, text in seed_texts.items()]
    ours = [[q.to_record() for q in quotes] for quotes in pipeline.process_batch(docs)]
    theirs = [[q.to_record() for q in quotes] for quotes in torch_pipeline.process_batch(docs)]
    assert sum(map(len, ours)) > 30
    assert ours == theirs
