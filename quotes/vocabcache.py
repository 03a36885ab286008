"""Stanza's vocabulary lookups, remembered per process: the same ids and strings, fewer Python steps.

Before each batch the tagger and the parser turn every word into character
ids, one dictionary lookup per character, and every morphological feature
string ("Gender=Fem|Number=Sing") into one id per feature; after it, the tagger
turns each word's feature ids back into a string, one `format` per feature.
News text repeats its words and feature sets, so these answers are kept: on
the dev articles these lookups were about a tenth of the tagger's and the
parser's CPU.  The functions are pure (a vocabulary does not change after
loading), so a remembered answer is the answer.  Caches are bounded, and
answers go out as fresh lists, as Stanza's own do.
"""

from __future__ import annotations

import functools

# Distinct words a process keeps the character ids of; feature sets are far fewer.
WORDS = 1 << 16
FEATURE_SETS = 1 << 12


def install(pipeline) -> list[str]:
    """Remember the lookups of the tagger's and the parser's vocabularies; the names of those changed."""
    changed = []
    for name in ("pos", "depparse"):
        vocab = getattr(getattr(pipeline.processors.get(name), "trainer", None), "vocab", None)
        if vocab is None:
            continue
        if "char" in vocab and _remember_words(vocab["char"]):
            changed.append(f"{name}.char")
        if "feats" in vocab and _remember_features(vocab["feats"]):
            changed.append(f"{name}.feats")
    return changed


def _remember_words(vocab) -> bool:
    """`map` over one word's characters, remembered by the word."""
    if "map" in vars(vocab):
        return False
    plain = vocab.map

    @functools.lru_cache(maxsize=WORDS)
    def ids(chars: tuple) -> tuple:
        return tuple(plain(list(chars)))

    vocab.map = lambda units: list(ids(tuple(units)))
    return True


def _remember_features(vocab) -> bool:
    """A feature string to its ids and back, both remembered."""
    if "unit2id" in vars(vocab) or not hasattr(vocab, "keyed"):
        return False
    to_ids, to_string = vocab.unit2id, vocab.id2unit

    @functools.lru_cache(maxsize=FEATURE_SETS)
    def ids(unit: str) -> tuple:
        return tuple(to_ids(unit))

    @functools.lru_cache(maxsize=FEATURE_SETS)
    def string(key: tuple) -> str:
        return to_string(list(key))

    vocab.unit2id = lambda unit: list(ids(unit))
    vocab.id2unit = lambda id: string(tuple(id)) if isinstance(id, (list, tuple)) else to_string(id)
    return True
