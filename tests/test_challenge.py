"""benchmarks/challenge.py scores a set of cases against the records they expect."""

import importlib.util
import json
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "challenge.py"


def load():
    spec = importlib.util.spec_from_file_location("challenge", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_set_is_scored_record_by_record(tmp_path):
    challenge = load()
    cases = [
        {"id": "a", "text": "« Nous ne céderons pas », a déclaré le maire.", "construction": "postposed",
         "expect": [{"quote": "Nous ne céderons pas", "speaker": "le maire", "type": "direct", "cue": "déclarer",
                     "speaker_type": "PER", "cited_source": None}]},
        {"id": "b", "text": "Le film « Les Ailes » sort mercredi.", "construction": "title, no record", "expect": []},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")

    def extract(text, id):
        import quotes
        return quotes.extract(text, id=id)

    counts, failures = challenge.run_set(path, extract)
    assert (counts["cases"], counts["expected"], counts["matched"], counts["speaker"], counts["spurious"]) == (2, 1, 1, 1, 0)
    assert failures == []


def test_a_miss_and_a_spurious_record_are_listed(tmp_path):
    challenge = load()
    case = {"id": "c", "text": "x", "construction": "made up",
            "expect": [{"quote": "Rien ne va plus", "speaker": "Paul Roy", "type": "direct", "cue": "dire"}]}
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(case) + "\n", encoding="utf-8")

    class Found:
        def to_record(self):
            return {"quote": "autre chose", "speaker": "Luc", "type": "indirect", "cue": "dire"}

    counts, failures = challenge.run_set(path, lambda text, id: [Found()])
    assert (counts["matched"], counts["spurious"]) == (0, 1)
    assert "MISS" in failures[0] and "SPURIOUS" in failures[0]
