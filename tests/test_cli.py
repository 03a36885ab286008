"""The CLI end to end: inputs of every kind, error records, counts, exit codes."""

import json
import subprocess
import sys
from pathlib import Path

from conftest import SEEDS


def run(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "quotes.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, timeout=600)


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_grammar_stage_emits_every_direct_gold_quote_with_exact_offsets():
    result = run("extract", str(SEEDS), "--parser", "none")
    assert result.returncode == 0, result.stderr
    out = records(result.stdout)
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for r in out:
        assert texts[r["doc"]][r["start"]:r["end"]] == r["quote"]
        assert texts[r["doc"]][r["cue_start"]:r["cue_end"]] == r["cue_text"]
    found = {(r["doc"], r["quote"]) for r in out}
    gold = [json.loads(line) for line in (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    direct = [(g["doc"], g["quote"]) for g in gold if g["type"] == "direct"]
    assert direct and all(d in found for d in direct), [d for d in direct if d not in found]
    assert "5 documents in, 5 done, 0 errors" in result.stderr
    assert "gold.jsonl: skipped" in result.stderr


def test_jsonl_with_malformed_lines_keeps_going(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text(
        '{"id": "a", "text": "« Nous resterons ici jusqu\'au bout », a déclaré le ministre."}\n'
        '{"id": "b", "text": \n'
        '{"id": "c"}\n'
        '{"id": "d", "text": "   "}\n'
        '{"id": "e", "text": "Il a dit : « Nous partirons demain matin sans faute »."}\n',
        encoding="utf-8",
    )
    errors = tmp_path / "errors.jsonl"
    result = run("extract", str(src), "--parser", "none", "--errors", str(errors))
    assert result.returncode == 0
    assert [r["doc"] for r in records(result.stdout)] == ["a", "e"]
    errs = records(errors.read_text(encoding="utf-8"))
    assert [(e["line"], e["doc"]) for e in errs] == [(2, None), (3, None), (None, "d")]
    assert "malformed JSON" in errs[0]["error"] and "no 'text'" in errs[1]["error"] and "empty document" in errs[2]["error"]
    assert "5 documents in, 2 done, 3 errors, 2 records out" in result.stderr


def test_invalid_utf8_binary_and_too_long(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes("« Nous resterons ici jusqu'au bout », a déclaré le ministre.".encode("utf-8") + b"\xff\xfe fin.")
    (folder / "b.bin").write_bytes(b"\x00\x01\x02binary")
    (folder / "c.txt").write_text("« Une très longue citation de test ici », a dit X. " * 50, encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = run("extract", str(folder), "--parser", "none", "--errors", str(errors), "--max-chars", "1000")
    assert result.returncode == 0
    assert [r["doc"] for r in records(result.stdout)] == ["a.txt"]
    errs = records(errors.read_text(encoding="utf-8"))
    kinds = {(Path(e["source"]).name, e["level"]) for e in errs}
    assert ("a.txt", "warning") in kinds and ("b.bin", "error") in kinds and ("c.txt", "error") in kinds
    assert any("over the limit of 1000" in e["error"] for e in errs)
    assert "3 documents in, 1 done, 2 errors" in result.stderr


def test_stdin_text_and_jsonl():
    result = run("extract", "-", "--parser", "none", stdin="« Nous resterons ici jusqu'au bout », a déclaré le ministre.")
    assert records(result.stdout)[0]["doc"] == "stdin"
    result = run("extract", "-", "--parser", "none", stdin='{"id": "x", "text": "« Nous resterons ici jusqu\'au bout », a dit le ministre."}\n')
    assert records(result.stdout)[0]["doc"] == "x"


def test_missing_path_is_an_error_record_not_a_crash(tmp_path):
    result = run("extract", str(tmp_path / "nope.txt"), "--parser", "none")
    assert result.returncode == 0
    assert "no such file or folder" in result.stderr and "1 documents in, 0 done, 1 errors" in result.stderr


def test_bad_usage_exits_2_and_broken_grammar_exits_1(tmp_path):
    assert run("extract").returncode == 2
    (tmp_path / "grammar.toml").write_text("name = 'x'\nfiles = ['marks.toml']\n", encoding="utf-8")
    result = run("extract", str(SEEDS), "--parser", "none", "--grammar", str(tmp_path))
    assert result.returncode == 1 and "grammar.toml" in result.stderr and "must list cues.toml" in result.stderr


def test_no_progress_bar_on_a_pipe():
    result = run("extract", str(SEEDS / "000_2e3b475c0d79dcf0.txt"), "--parser", "none")
    assert "doc/s" not in result.stderr and "it/s" not in result.stderr


def test_grammar_check_command():
    result = run("grammar", "check", "fr")
    assert result.returncode == 0 and "cue lemmas" in result.stdout and "attribution rules" in result.stdout


def test_grammar_check_names_an_unknown_rule(tmp_path):
    import shutil

    from quotes import grammar

    target = tmp_path / "g"
    shutil.copytree(grammar.resolve("fr"), target)
    (target / "attribution.toml").write_text('[rules]\norder = ["que_clause", "no_such_rule"]\n', encoding="utf-8")
    result = run("grammar", "check", str(target))
    assert result.returncode != 0
    assert "attribution.toml:2" in result.stderr and "no_such_rule" in result.stderr


def test_two_workers_give_the_same_stream_as_one(tmp_path):
    one = run("extract", str(SEEDS), "-o", str(tmp_path / "one.jsonl"))
    two = run("extract", str(SEEDS), "-o", str(tmp_path / "two.jsonl"), "--workers", "2", "--batch-size", "2")
    assert one.returncode == 0 and two.returncode == 0, two.stderr
    first = (tmp_path / "one.jsonl").read_text(encoding="utf-8")
    assert first and first == (tmp_path / "two.jsonl").read_text(encoding="utf-8")


def test_eval_reads_a_documents_folder_that_holds_other_files(tmp_path):
    (tmp_path / "a.txt").write_text("Il a dit : « Nous partons demain matin. »", encoding="utf-8")
    (tmp_path / "model.bin").write_bytes(b"\xfb\x00\x01")
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "a.txt", "quote": "Nous partons demain matin."}\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "quotes.cli", "eval", str(gold), str(gold)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "F1 1.000" in result.stdout
    gold.write_text('{"doc": "model.bin", "quote": "x"}\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "quotes.cli", "eval", str(gold), str(gold)], capture_output=True, text=True)
    assert result.returncode != 0 and "model.bin" in result.stderr and "UTF-8" in result.stderr


def test_workers_and_batch_size_below_one_are_refused_by_name():
    for option, value in (("--workers", "0"), ("--batch-size", "-1"), ("--batch-size", "huit")):
        result = run("extract", "seeds", "--parser", "none", option, value)
        assert result.returncode == 2
        assert f"argument {option}: '{value}': expected a whole number, at least 1" in result.stderr


def test_the_command_leaves_with_its_code_and_every_record_written(tmp_path):
    from quotes.cli import main

    fast, slow = tmp_path / "fast.jsonl", tmp_path / "slow.jsonl"
    result = run("extract", str(SEEDS), "-o", str(fast), "--workers", "2", "-q")
    assert result.returncode == 0
    assert main(["extract", str(SEEDS), "-o", str(slow), "-q"]) == 0
    assert fast.read_text(encoding="utf-8") == slow.read_text(encoding="utf-8") != ""
    assert run("grammar", "check", str(tmp_path / "nowhere")).returncode == 1
