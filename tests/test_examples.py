"""Every example of README.md and examples/ runs as written, after the README's set-up, in a
copy of the repository's files: a reader who copies a line gets no error.

The `quotes` command is this checkout's (a shim on PATH), so the test checks the code under
test whatever else is installed.  Changes to a line, where running it as written is not
possible in a test, are listed in SUBSTITUTIONS with their reason."""

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT

# (as written, as run): a ten-minute fuzzing run is a README suggestion, not a test.
SUBSTITUTIONS = {"python -m quotes.fuzz --minutes 10": "python -m quotes.fuzz --minutes 0.05 --parser none"}
# How each file of examples/ runs; the data files are the inputs README lines name.
EXAMPLES = {
    "extract_one.py": "python examples/extract_one.py",
    "duckdb_speakers.sh": "examples/duckdb_speakers.sh",
    "top_speakers.py": "quotes extract seeds/ -q | python examples/top_speakers.py 5",
    "dask_cluster.py": "python examples/dask_cluster.py seeds/ out/",
    "screenshots.sh": "examples/screenshots.sh shots",
}
DATA = {"docs.jsonl", "page.html"}


def readme_blocks() -> list[list[str]]:
    """The indented code blocks of README.md, each a list of lines without the indent."""
    blocks, current, previous_blank = [], None, True
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("    ") and (current is not None or previous_blank):
            current = current if current is not None else []
            current.append(line[4:])
        elif current is not None and not line.strip():
            continue
        else:
            if current:
                blocks.append(current)
            current = None
        previous_blank = not line.strip()
    if current:
        blocks.append(current)
    return blocks


BLOCKS = readme_blocks()
SETUP = BLOCKS[0]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A fresh folder holding the repository's inputs, after the README's set-up command."""
    work = tmp_path_factory.mktemp("fresh")
    for folder in ("seeds", "examples", "grammars", "tests/golden"):
        shutil.copytree(ROOT / folder, work / folder, symlinks=True)
    bin_dir = work / ".bin"
    bin_dir.mkdir()
    shim = bin_dir / "quotes"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m quotes.cli "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(ROOT)}
    [line] = SETUP
    steps = [s.strip() for s in line.split("&&")]
    assert steps[0].startswith("pip install") and steps[-1].startswith("quotes extract")
    for step in steps:
        if not step.startswith("pip install"):   # the install is what PYTHONPATH stands for here
            _ok(step, work, env)
    return work, env


def _ok(command: str, cwd: Path, env: dict, quiet: bool = True) -> subprocess.CompletedProcess:
    """Run a line; it must succeed and, where `quiet`, say nothing of an error."""
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=900)
    assert result.returncode == 0, f"{command}\n{result.stderr[-3000:]}"
    if quiet:
        assert "Traceback" not in result.stderr and "error:" not in result.stderr, f"{command}\n{result.stderr[-3000:]}"
    return result


def _is_python(block: list[str]) -> bool:
    return any(line.startswith(("import ", "from ")) for line in block)


@pytest.mark.parametrize("block", BLOCKS[1:], ids=[b[0][:40] for b in BLOCKS[1:]])
def test_readme_block_runs(block, workspace):
    work, env = workspace
    if block == ["python -m pytest -q"]:
        pytest.skip("the test suite itself")
    if _is_python(block):
        result = _ok(f"python -c {_shell_quote(chr(10).join(block))}", work, env)
        assert result.stdout.strip(), "a README snippet that prints shows something"
        return
    for line in block:
        command = SUBSTITUTIONS.get(line.split("  #")[0].strip(), line)
        _ok(command, work, env)


def _shell_quote(text: str) -> str:
    return "'" + text.replace("'", "'\"'\"'") + "'"


def test_readme_commands_leave_what_they_promise(workspace):
    """The set-up's records, and the pages of the README's show/eval/report lines."""
    work, env = workspace
    records = [json.loads(line) for line in (work / "seeds.quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) > 20 and {r["doc"] for r in records} == {p.name for p in (work / "seeds").glob("*.txt")}
    for page in ("seeds.html", "eval.html", "report.html"):
        if (work / page).exists():
            assert (work / page).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_runs(name, workspace):
    work, env = workspace
    # Dask's own logging of a cluster shutting down may name errors of its connections.
    result = _ok(EXAMPLES[name], work, env, quiet=name != "dask_cluster.py")
    if name in ("duckdb_speakers.sh", "top_speakers.py"):
        records = [json.loads(line) for line in (work / "seeds.quotes.jsonl").read_text(encoding="utf-8").splitlines()]
        counts: dict = {}
        for r in records:
            counts[r["speaker"]] = counts.get(r["speaker"], 0) + 1
        top = max(counts.values())
        assert any(f"│ {s} " in result.stdout for s, n in counts.items() if n == top and s), result.stdout
    if name == "screenshots.sh":
        if "skipped: no chromium" in result.stderr:
            return
        for png in ("show.png", "report.png"):
            data = (work / "shots" / png).read_bytes()
            assert data.startswith(b"\x89PNG") and 10_000 < len(data)


def test_every_example_file_is_run_or_an_input():
    assert {p.name for p in (ROOT / "examples").iterdir()} == set(EXAMPLES) | DATA


def test_examples_import_only_what_the_install_gives():
    """A fresh install has the standard library, quotes and its dependencies (test extras too)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    installed = {re.split(r"[\[<>=~ ]", d, maxsplit=1)[0].replace("-", "_").lower() for d in wanted}
    for path in (ROOT / "examples").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top == "quotes" or top in installed, f"{path.name}: {top}"


def test_committed_screenshots_are_small_pngs():
    for name in ("show.png", "report.png"):
        data = (ROOT / "docs" / "img" / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) < 200_000
        assert f"docs/img/{name}" in (ROOT / "README.md").read_text(encoding="utf-8")
