"""Stanza's vocabularies, read from a checkpoint's saved states: the same ids both ways.

A checkpoint keeps each vocabulary as the plain state Stanza's `state_dict`
writes (`_unit2id`, `_id2unit`, `lower`, and for composite ones `sep` and
`keyed`); these classes answer the lookups the models need from that state.
"""

from __future__ import annotations

from typing import Mapping, Sequence

PAD_ID, UNK_ID, EMPTY_ID, ROOT_ID = 0, 1, 2, 3
_UNK, _EMPTY = "<UNK>", "<EMPTY>"


class Vocab:
    """A word, character or tag vocabulary (Stanza's BaseVocab, WordVocab, CharVocab)."""

    def __init__(self, state: Mapping, pretrained: bool = False):
        self._unit2id = state["_unit2id"]
        self._id2unit = state["_id2unit"]
        self.lower = bool(state.get("lower"))
        self.ignore = frozenset(state.get("ignore") or ())
        # Pretrained vectors' words keep their spaces as no-break spaces.
        self.pretrained = pretrained
        self._unk = self._unit2id.get(_UNK, UNK_ID)

    def __len__(self) -> int:
        return len(self._id2unit)

    def unit2id(self, unit: str) -> int:
        if self.ignore and unit in self.ignore:
            return self._unit2id[_EMPTY]
        if self.lower:
            unit = unit.lower()
        if self.pretrained and unit:
            unit = unit.replace(" ", "\xa0")
        return self._unit2id.get(unit, self._unk)

    def map(self, units: Sequence[str]) -> list[int]:
        return [self.unit2id(u) for u in units]

    def id2unit(self, id: int) -> str:
        if self.ignore and id == EMPTY_ID:
            return "_"
        return self._id2unit[id]


class FeatureVocab:
    """Keyed composite values ("Gender=Fem|Number=Sing"): one id per key, EMPTY where the key is absent."""

    def __init__(self, state: Mapping):
        if not state.get("keyed") or state.get("sep") != "|":
            raise ValueError("only keyed feature vocabularies separated by '|' are read")
        self._unit2id = state["_unit2id"]
        self._id2unit = state["_id2unit"]
        self.keys = list(self._unit2id)

    def unit2id(self, unit: str) -> list[int]:
        parts = {} if unit in ("_", "", None) else dict(p.split("=", 1) for p in unit.split("|"))
        return [self._unit2id[k].get(parts[k], UNK_ID) if k in parts else EMPTY_ID for k in self.keys]

    def id2unit(self, ids: Sequence[int]) -> str:
        items = [f"{k}={self._id2unit[k][v]}" for v, k in zip(ids, self.keys) if v != EMPTY_ID]
        return "|".join(items) or "_"


def load_pretrained(path):
    """The pretrained word vectors the tagger and the parser share: (vocabulary, vectors)."""
    from . import ptfile

    data = ptfile.load(path)
    return Vocab(data["vocab"], pretrained=True), data["emb"]


def vocabularies(states: Mapping) -> dict:
    """The vocabularies of a tagger's or parser's checkpoint, by name."""
    classes = states["_key2class"]
    out = {}
    for name, kind in classes.items():
        out[name] = FeatureVocab(states[name]) if kind == "FeatureVocab" else Vocab(states[name])
    return out
