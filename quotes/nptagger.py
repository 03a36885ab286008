"""Stanza's part-of-speech tagger, for prediction, in numpy: the same UPOS, XPOS and features.

The model reads each word three ways (its own embedding, its pretrained vector
and a character LSTM), runs a two-layer highway BiLSTM over the sentence, and
gives each word a UPOS tag; XPOS and each morphological feature are then scored
by a bilinear form of the word's hidden vector and the embedding of the UPOS
tag just given.  That second side takes one value per UPOS tag, so the form is
folded with each at load (as `quotes.fasttag` does inside Stanza): a word's
features cost one matrix product with the folded matrix of its tag.

Only taggers whose XPOS and features hang off UPOS through its tag embedding,
without a character language model or a transformer, are read; `Tagger.load`
refuses any other with the reason.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from . import npnet, npvocab, ptfile
from .npnet import UnsupportedModel


class Tagger:
    def __init__(self, weights, config, vocab, pretrain):
        self.w = weights
        self.layers = int(config["num_layers"])
        self.vocab = vocab
        self.pretrain_vocab, self.pretrain_emb = pretrain
        self.chars = npnet.CharVectors(weights, "charmodel.", vocab["char"])
        upos_emb = npnet.with_ones(weights["upos_emb.weight"])                  # (tags, e+1)
        # Each column's bilinear weights folded with every UPOS tag's embedding: (tags, outputs, h+1)
        self.columns = {}
        for name in ("xpos", "feats"):
            prefixes = ([f"tag_clf.{name}."] if name == "xpos"
                        else [f"tag_clf.{name}.{k}." for k in range(len(vocab[name].keys))])
            stacked = np.concatenate([weights[p + "W_bilin.weight"] for p in prefixes], axis=0)
            folded = np.einsum("oij,tj->toi", stacked, upos_emb).astype(np.float32)
            bias = np.concatenate([weights[p + "W_bilin.bias"] for p in prefixes])
            sizes = [weights[p + "W_bilin.weight"].shape[0] for p in prefixes]
            self.columns[name] = (np.ascontiguousarray(folded.transpose(0, 2, 1)), bias, np.cumsum([0] + sizes))

    @classmethod
    def load(cls, path, pretrain) -> "Tagger":
        """`pretrain`: (npvocab.Vocab, vectors), shared with the parser."""
        return cls.from_checkpoint(ptfile.load(path), path, pretrain)

    @classmethod
    def from_checkpoint(cls, checkpoint, path, pretrain) -> "Tagger":
        """The tagger of a checkpoint read from `path`, which a refusal names."""
        config = checkpoint["config"]
        reasons = [why for why, bad in (
            ("a character language model", config.get("charlm")),
            ("a transformer", config.get("bert_model")),
            ("shared hidden layers", config.get("share_hid")),
            ("tag columns not linked by embedding", config.get("tag_column_link", "tag_emb") != "tag_emb"),
            ("no character model", not config.get("char")),
            ("no pretrained vectors", not config.get("pretrain")),
        ) if bad]
        if reasons:
            raise UnsupportedModel(f"{path}: the numpy tagger does not handle {', '.join(reasons)}")
        return cls(checkpoint["model"], config, npvocab.vocabularies(checkpoint["vocab"]), pretrain)

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[str, str | None, str | None]]]:
        """(upos, xpos, feats) of each word of each sentence; None where Stanza leaves a field empty."""
        sentences = list(sentences)
        if not sentences:
            return []
        flat = self._hidden(sentences)                                           # (words, 2h)
        upos_hid = np.maximum(npnet.linear(flat, self.w, "upos_hid."), 0)
        upos = npnet.linear(upos_hid, self.w, "upos_clf.").argmax(axis=1)
        xpos = self._column("xpos", flat, upos)
        feats = self._column("feats", flat, upos)
        upos_vocab, xpos_vocab, feats_vocab = self.vocab["upos"], self.vocab["xpos"], self.vocab["feats"]
        out, k = [], 0
        for sentence in sentences:
            tags = []
            for _ in sentence:
                tags.append((upos_vocab.id2unit(int(upos[k])),
                             _null(xpos_vocab.id2unit(int(xpos[k][0]))),
                             _null(feats_vocab.id2unit([int(v) for v in feats[k]]))))
                k += 1
            out.append(tags)
        return out

    def _hidden(self, sentences):
        """Each word's BiLSTM vector, the words of all sentences in a row."""
        words = [w for s in sentences for w in s]
        inputs = np.concatenate([
            self.w["word_emb.weight"][self.vocab["word"].map(words)],
            npnet.linear(self.pretrain_emb[self.pretrain_vocab.map([w.lower() for w in words])],
                         self.w, "trans_pretrained."),
            npnet.linear(self.chars(words), self.w, "trans_char."),
        ], axis=1).astype(np.float32)
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        packing = npnet.Packing(lengths)
        rows = (np.cumsum(lengths) - lengths)[packing.batch] + packing.time
        packed = npnet.packed_highway_lstm(inputs[rows], packing, self.w, "taggerlstm.", self.layers,
                                           self.w["taggerlstm_h_init"], self.w["taggerlstm_c_init"])
        hidden = np.empty_like(packed)
        hidden[rows] = packed
        return hidden

    def _column(self, name, hidden, upos):
        folded, bias, bounds = self.columns[name]
        side = npnet.with_ones(np.maximum(npnet.linear(hidden, self.w, f"tag_hid.{name}."), 0))
        scores = np.empty((len(upos), folded.shape[2]), dtype=np.float32)
        for tag in np.unique(upos):
            rows = upos == tag
            scores[rows] = side[rows] @ folded[tag]
        scores += bias
        return np.stack([scores[:, a:b].argmax(axis=1) for a, b in zip(bounds[:-1], bounds[1:])], axis=1)


def _null(value: str) -> str | None:
    return None if value in ("_", None) else value
