"""Cheaper tag classifiers for Stanza's tagger, with the same tags.

(The scores are the same sums taken in another order: rounding could only
matter in a near tie between two tags, and changed none on the dev and seed
articles or the UD test sets, see docs/performance.md.)

The tagger scores each word's XPOS and each of its features (19 for French:
Gender, Number, Person, ...) with a bilinear form of two sides: the word's
hidden vector x and the embedding e of the UPOS tag it has just been given,
s = [x;1] W [e;1] + b, with W of size (tags, |x|+1, |e|+1).  The second side
takes one of a handful of values, one per UPOS tag, so W folded with each of
them is a plain matrix M_u = W [e_u;1], made once at load; a word then costs
|x| x tags products instead of |x| x |e| x tags.  For French that took the
features' share of the tagger's arithmetic from about a fifth to almost
nothing.  `install` swaps the classifiers of one loaded model for folded ones;
the words of a batch are grouped by their UPOS tag and each group is one
matrix product.

Only a tagger whose XPOS and feature columns hang off UPOS through its tag
embedding is handled; any other keeps Stanza's classifiers.
"""

from __future__ import annotations

import torch
from torch import nn


def install(pipeline) -> bool:
    """Fold the tag classifiers of the pipeline's tagger; False when the model is not one it handles."""
    from stanza.models.common.biaffine import BiaffineScorer
    from stanza.models.pos.model import TAG_LINK_EMB

    processor = pipeline.processors.get("pos")
    model = getattr(getattr(processor, "trainer", None), "model", None)
    if isinstance(getattr(model, "upos_emb", None), _Recorder):
        return True
    parents = getattr(model, "column_parents", None)
    if (model is None or getattr(model, "link_mode", None) != TAG_LINK_EMB or getattr(model, "share_hid", True)
            or model.bert_model is not None or not parents):
        return False
    columns = list(model.tag_clf.keys())
    if any(tuple(parents.get(name, ())) != ("upos",) for name in columns):
        return False

    def scorers(name):
        clf = model.tag_clf[name]
        return list(clf) if isinstance(clf, nn.ModuleList) else [clf]

    if not all(type(s) is BiaffineScorer for name in columns for s in scorers(name)):
        return False
    recorder = _Recorder(model.upos_emb, {name: model.tag_clf[name] for name in columns})
    for name in columns:
        column = _Column(scorers(name), model.upos_emb.weight, recorder)
        folded = [_Folded(column, i) for i in range(len(column.slices))]
        model.tag_clf[name] = nn.ModuleList(folded) if isinstance(model.tag_clf[name], nn.ModuleList) else folded[0]
    model.upos_emb = recorder
    return True


def uninstall(pipeline) -> bool:
    """Stanza's own classifiers back; False when none were folded."""
    model = getattr(getattr(pipeline.processors.get("pos"), "trainer", None), "model", None)
    recorder = getattr(model, "upos_emb", None)
    if not isinstance(recorder, _Recorder):
        return False
    for name, module in recorder.originals.items():
        model.tag_clf[name] = module
    model.upos_emb = recorder.embedding
    return True


class _Recorder(nn.Module):
    """The UPOS embedding, keeping the tag ids it was last asked for: the
    classifiers that follow read them instead of the embeddings."""

    def __init__(self, embedding, originals: dict):
        super().__init__()
        self.embedding = embedding
        self.originals = originals
        self.ids = None
        self.columns: list = []

    @property
    def weight(self):
        return self.embedding.weight

    def forward(self, ids):
        self.ids = ids
        for column in self.columns:
            column.forget()
        return self.embedding(ids)


class _Column:
    """The folded classifiers of one tag column (XPOS, or the features), scored
    together: one product per UPOS group of the batch for all of them."""

    def __init__(self, scorers, table, recorder: _Recorder):
        with torch.no_grad():
            sides = torch.cat([table, table.new_ones(table.size(0), 1)], 1)           # (U, E+1)
            weights = [s.W_bilin.weight for s in scorers]                              # (k, I+1, E+1) each
            self.folded = torch.cat([torch.einsum("kij,uj->uik", w, sides) for w in weights], 2).contiguous()
            self.bias = torch.cat([s.W_bilin.bias for s in scorers]).detach()
        self.slices, start = [], 0
        for w in weights:
            self.slices.append(slice(start, start + w.size(0)))
            start += w.size(0)
        self.recorder = recorder
        recorder.columns.append(self)
        self._last = None

    def forget(self) -> None:
        self._last = None

    def scores(self, hid):
        """Every classifier's scores for the words of `hid`, as (words, all tags)."""
        # The tagger hands each classifier of a column the same hidden layer
        # (through a dropout that, predicting, gives back the same values).
        last = self._last
        if last is not None and last[0].data_ptr() == hid.data_ptr() and last[0].shape == hid.shape:
            return last[1]
        ids = self.recorder.ids
        x = torch.cat([hid, hid.new_ones(hid.size(0), 1)], 1)
        order = torch.argsort(ids, stable=True)
        counts = torch.bincount(ids, minlength=self.folded.size(0)).tolist()
        grouped = x[order]
        out = hid.new_empty(hid.size(0), self.folded.size(2))
        start = 0
        for tag, count in enumerate(counts):
            if count:
                torch.mm(grouped[start:start + count], self.folded[tag], out=out[start:start + count])
                start += count
        scores = torch.empty_like(out)
        scores[order] = out
        scores += self.bias
        self._last = (hid, scores)
        return scores


class _Folded(nn.Module):
    """One classifier of a column: its slice of the column's scores.  The second
    side (the UPOS embeddings) is not read: the recorder has the ids."""

    def __init__(self, column: _Column, index: int):
        super().__init__()
        self.column = column
        self.index = index

    def forward(self, hid, parent=None):
        return self.column.scores(hid)[:, self.column.slices[self.index]]
