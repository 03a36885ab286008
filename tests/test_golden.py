"""Golden regression cases: each tests/golden/*.jsonl file must reproduce its expected records.

After a deliberate grammar change, review the diff that `quotes grammar test` prints and
accept it with --update."""

import json
from pathlib import Path

import pytest

from quotes.golden import run_cases

CASES = sorted((Path(__file__).parent / "golden").glob("*.jsonl"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden_cases_are_unchanged(path):
    lines = []
    changed = run_cases("fr", path, out=lines.append)
    assert changed == 0, "\n".join(lines)


def test_a_changed_grammar_shows_the_diff(tmp_path):
    import shutil

    from quotes import grammar

    target = tmp_path / "g"
    shutil.copytree(grammar.resolve("fr"), target)
    text = (target / "cues.toml").read_text(encoding="utf-8")
    (target / "cues.toml").write_text(text.replace('"confier", ', ""), encoding="utf-8")
    grammar._load_cached.cache_clear()
    lines = []
    changed = run_cases(str(target), Path(__file__).parent / "golden" / "grammar_typography.jsonl", out=lines.append)
    assert changed == 1
    assert any(line.strip().startswith("- ") and '"cue": "confier"' in line for line in lines), lines


def test_a_case_that_gives_speaker_types_is_checked_on_them(tmp_path):
    text = "Le maire a déclaré que la route rouvrira lundi."
    record = {"quote": "la route rouvrira lundi", "type": "indirect", "speaker": "maire", "cue": "déclarer",
              "cited_source": None}
    cases = tmp_path / "cases.jsonl"
    lines = []
    for kind, changed in (("PER", 0), ("ORG", 1)):
        cases.write_text(json.dumps({"id": "typed", "text": text, "expected": [{**record, "speaker_type": kind}]}) + "\n",
                         encoding="utf-8")
        assert run_cases("fr", cases, out=lines.append) == changed
    assert any('"speaker_type": "PER"' in line for line in lines if line.strip().startswith("+ ")), lines
    # Without types the case checks the other fields only.
    cases.write_text(json.dumps({"id": "untyped", "text": text, "expected": [record]}) + "\n", encoding="utf-8")
    assert run_cases("fr", cases, out=lines.append) == 0
