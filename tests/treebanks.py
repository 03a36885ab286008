"""Sentences of the French UD treebanks in the shared data, for the tests that compare the numpy
runtime with Stanza on real text; a test skips when the shared data is absent."""

from pathlib import Path

import pytest

UD = Path(__file__).resolve().parents[2] / "shared" / "data" / "ud"
GSD_TEST = "UD_French-GSD/fr_gsd-ud-test.conllu"


def sentences(treebank: str, limit: int) -> list[list[str]]:
    """The syntactic words of the first `limit` sentences of `treebank` (a path under the UD folder):
    a multiword token as its words, no empty nodes."""
    path = UD / treebank
    if not path.is_file():
        pytest.skip(f"{path} is absent: the UD treebanks come with the shared data beside the project")
    out, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                out.append(words)
                words = []
            if len(out) >= limit:
                break
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                words.append(cols[1])
    return out
