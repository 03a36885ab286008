"""The dev set of real articles (../shared/dev, kept beside the project, not in it):
accuracy floors and gated == parse-everything.  Skipped where the set is absent.

The floors sit below the figures measured with `quotes eval` (docs/accuracy.md) so
that CI catches a regression, not noise."""

import json
import subprocess
import sys

import pytest

from quotes import evaluate

from conftest import ROOT

DEV = ROOT.parent / "shared" / "dev"
FLOORS = {"f1@0.3": 0.92, "f1@0.8": 0.87, "speaker": 0.93, "speaker_type": 0.94, "cited": 0.85}

pytestmark = pytest.mark.skipif(not (DEV / "gold.jsonl").is_file(), reason="no ../shared/dev beside the project")


def _extract(tmp_path_factory, *flags):
    out = tmp_path_factory.mktemp("dev") / "pred.jsonl"
    result = subprocess.run([sys.executable, "-m", "quotes.cli", "extract", str(DEV / "docs"), "-o", str(out), *flags],
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def gated(tmp_path_factory):
    return _extract(tmp_path_factory)


def test_dev_floors(gated):
    scores = evaluate.evaluate(evaluate.load_jsonl(DEV / "gold.jsonl"), gated, evaluate.load_texts(DEV / "docs"))
    report = evaluate.report(scores)
    assert scores["quote@0.3"]["f1"] >= FLOORS["f1@0.3"], report
    assert scores["quote@0.8"]["f1"] >= FLOORS["f1@0.8"], report
    assert scores["speaker_accuracy"] >= FLOORS["speaker"], report
    assert scores["cited_source_accuracy"] >= FLOORS["cited"], report
    assert scores["speaker_type_accuracy"] >= FLOORS["speaker_type"], report


def test_gate_changes_nothing_on_dev(gated, tmp_path_factory):
    everything = _extract(tmp_path_factory, "--no-gate")
    key = lambda r: json.dumps(r, sort_keys=True)  # noqa: E731
    assert sorted(map(key, gated)) == sorted(map(key, everything))
