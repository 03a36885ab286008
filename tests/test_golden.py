"""Golden regression cases: each tests/golden/*.jsonl file must reproduce its expected records.

After a deliberate grammar change, review the diff that `quotes grammar test` prints and
accept it with --update."""

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
