"""Stanza's lemmatizer, as this project runs it, in numpy: the same lemmas without importing torch.

The project runs Stanza's lemma processor with `lemma_store_results` and the
patch of `quotes.fastlemma`, and this module gives the lemmas that combination
gives: the dictionary first; a word it lacks tagged PROPN, NUM, PUNCT or SYM is
its own lemma; any other new (word, tag) pair goes once per call through the
character model, and its answer is stored, so that later calls look it up as
Stanza's processor would after its own stored results.

The model is Stanza's Seq2SeqModel decoded greedily: a BiLSTM over the tag
and the word's characters, an LSTM decoder with dot attention and a copy gate,
and a classifier that may replace the decoded string by the word or the
lowered word.  The arithmetic follows torch's, in float32; a sum may be taken
in another order, so a score may differ in its last bits.
"""

from __future__ import annotations

import gzip
import json

import numpy as np

from . import ptfile
from .npnet import UnsupportedModel, log_softmax, sigmoid
from .fastlemma import IDENTITY   # the tags whose new words are their own lemma

PAD_ID, UNK_ID, SOS_ID, EOS_ID = 0, 1, 2, 3
UNK = "<UNK>"          # a decoded unknown character: Stanza then keeps the word
ANY_TAG = "*"          # Stanza's key for the lemmas of words whatever their tag
MASKED = np.float32(-1e12)   # Stanza's stand-in for minus infinity in the attention and copy scores
EDIT_WORD, EDIT_LOWER = 1, 2


class Lemmatizer:
    """One lemmatizer and the dictionary its answers extend, like one Stanza lemma processor."""

    def __init__(self, weights: dict, pos_dict: dict, chars: list, tags: dict, config: dict):
        self.w = weights
        self.pos_dict = pos_dict
        self.chars = chars
        self.char_ids = {c: i for i, c in enumerate(chars)}
        self.tags = tags
        self.max_len = config["max_dec_len"]
        self.edit = config.get("edit", False)

    @classmethod
    def load(cls, path) -> "Lemmatizer":
        checkpoint = ptfile.load(path)
        config = checkpoint["config"]
        _check_supported(config, checkpoint)
        vocab = checkpoint["vocab"]
        return cls(checkpoint["model"], _read_dicts(checkpoint), list(vocab["char"]["_id2unit"]),
                   dict(vocab["pos"]["_unit2id"]), config)

    def lemmatize(self, pairs: list[tuple[str, str]]) -> list[str]:
        """The lemma of each (word, upos) of one processor call; the model's answers are kept for later calls."""
        pairs = [tuple(p) for p in pairs]
        new = self._unknown(pairs)
        if new:
            predicted = self._predict(new)
            # Stanza's train_dict(update_word_dict=False), for pairs each seen once.
            independent = self.pos_dict.setdefault(ANY_TAG, {})
            for (word, tag), lemma in zip(new, predicted):
                entries = self.pos_dict.setdefault(tag, {})
                if independent.get(word) != lemma:
                    entries[word] = lemma
        out = []
        for word, tag in pairs:
            lemma = self._lookup(word, tag)
            lemma = word if lemma is None else lemma
            out.append(lemma if lemma else "_")   # the processor writes an empty lemma as "_"
        return out

    def _lookup(self, word, tag):
        lemma = self.pos_dict.get(tag, {}).get(word)
        return lemma if lemma is not None else self.pos_dict.get(ANY_TAG, {}).get(word)

    def _unknown(self, pairs):
        """The pairs the model must see, in order, once each; identity tags are stored as their own lemma."""
        known = [self._lookup(w, t) is not None for w, t in pairs]   # before any storing, as Stanza asks
        new, seen = [], set()
        for (word, tag), found in zip(pairs, known):
            if found:
                continue
            if tag in IDENTITY:
                self.pos_dict.setdefault(tag, {})[word] = word
            elif (word, tag) not in seen:
                seen.add((word, tag))
                new.append((word, tag))
        return new

    def _predict(self, pairs):
        """Stanza's predict and postprocess for `pairs`: the model's lemma, the word where it gives none."""
        chars, ids = self._delta_vocab(pairs)
        src = [[SOS_ID] + [ids[c] for c in word] + [EOS_ID] for word, _ in pairs]
        tags = np.array([self.tags.get("_" if t is None else t, UNK_ID) for _, t in pairs])
        seqs, edits = self._decode(src, tags)
        out = []
        for (word, _), seq, edit in zip(pairs, seqs, edits):
            lemma = word if edit == EDIT_WORD else word.lower() if edit == EDIT_LOWER else "".join(chars[i] for i in seq)
            out.append(word if not lemma or UNK in lemma else lemma)
        return out

    def _delta_vocab(self, pairs):
        # Stanza's DeltaVocab gives characters the model never saw ids past its
        # vocabulary, in sorted order, from the words, tags and ("_") lemmas of
        # the call's model inputs, so that the copy gate can output them.
        text = "".join(w + ("_" if t is None else t) + "_" for w, t in pairs)
        unseen = sorted({c for c in text if c not in self.char_ids})
        chars = self.chars + unseen
        return chars, {**self.char_ids, **{c: len(self.chars) + i for i, c in enumerate(unseen)}}

    def _decode(self, src, tags):
        """Greedy decoding of the whole batch at once: each row's output id sequence, and its edit class."""
        w = self.w
        vocab = w["dec2vocab.weight"].shape[0]
        lengths = np.array([len(s) for s in src])
        ids = np.zeros((len(src), lengths.max()), dtype=np.int64)
        for row, s in enumerate(src):
            ids[row, : len(s)] = s
        known = np.where(ids >= vocab, UNK_ID, ids)
        inputs = np.concatenate([w["pos_embedding.weight"][tags][:, None], w["embedding.weight"][known]], axis=1)
        ctx, h, c = _encode(inputs, lengths + 1, w)   # the tag is the first position
        mask = np.arange(ctx.shape[1])[None, :] >= (lengths + 1)[:, None]
        edits = _edit_classes(h, w) if self.edit else np.zeros(len(src), dtype=np.int64)
        # Stanza decodes 50 words at a time and widens the scores to the unseen
        # characters of those 50 only; a row's scores do not depend on its
        # neighbours, and an unseen character absent from a word scores as the
        # unknown character, which comes first and so wins their tie: one width
        # for the whole call gives each word the same output.
        width = max(vocab, int(ids.max()) + 1)
        outputs = [[] for _ in src]
        active = np.arange(len(src))
        prev = np.full(len(src), SOS_ID)
        for _ in range(self.max_len):
            if not len(active):
                break
            h, c = _lstm_cell(w["embedding.weight"][prev], h, c, w, "decoder.lstm_cell.")
            scores = _step_scores(h, ctx[active], mask[active], ids[active], width, w)
            best = scores.argmax(axis=1)            # the first of equal scores, as torch.max
            done = best == EOS_ID
            for row, token in zip(active[~done], best[~done]):
                outputs[row].append(int(token))
            keep = ~done
            active, h, c = active[keep], h[keep], c[keep]
            prev = np.where(best[keep] >= vocab, UNK_ID, best[keep])
        return outputs, edits.tolist()


def _step_scores(h, ctx, mask, src, width, w):
    """One decoder step's log-probabilities over the vocabulary and the call's unseen characters."""
    target = h @ w["decoder.attention_layer.linear_in.weight"].T
    attn = np.matmul(ctx, target[:, :, None])[:, :, 0]
    attn[mask] = MASKED
    log_attn = log_softmax(attn, axis=1)
    weighted = np.matmul(np.exp(log_attn)[:, None, :], ctx)[:, 0, :]
    h_tilde = np.tanh(np.concatenate([weighted, h], axis=1) @ w["decoder.attention_layer.linear_out.weight"].T)
    log_probs = log_softmax(h_tilde @ w["dec2vocab.weight"].T + w["dec2vocab.bias"], axis=1)
    gate = h_tilde @ w["copy_gate.weight"].T + w["copy_gate.bias"]
    # The tag's position cannot be copied: the attention is renormalised without it.
    log_copy = _log_sigmoid(gate) + log_softmax(log_attn[:, 1:], axis=1)
    top = log_copy.max(axis=1, keepdims=True)
    copied = np.zeros((len(h), width), dtype=np.float32)
    rows = np.repeat(np.arange(len(h)), src.shape[1])
    np.add.at(copied, (rows, src.ravel()), np.exp(log_copy - top).ravel())
    zero = copied == 0
    log_copied = np.where(zero, MASKED, np.log(np.where(zero, np.float32(1e-12), copied)) + top)
    vocab = log_probs.shape[1]
    if width > vocab:
        # Unseen characters get the unknown character's score, as in Stanza.
        log_probs = np.concatenate([log_probs, np.repeat(log_probs[:, UNK_ID:UNK_ID + 1], width - vocab, axis=1)], axis=1)
    with np.errstate(over="ignore"):
        log_nocopy = -np.log(1 + np.exp(gate))    # torch's formula: -inf, not an error, for a sure copy
    return _logaddexp(log_copied, log_probs + log_nocopy)


def _encode(x, lengths, w):
    """The bidirectional encoder: per-position outputs (zero past each length) and its final states, backward first."""
    fwd, hf, cf = _lstm(x, lengths, w, "", reverse=False)
    bwd, hb, cb = _lstm(x, lengths, w, "_reverse", reverse=True)
    return np.concatenate([fwd, bwd], axis=2), np.concatenate([hb, hf], axis=1), np.concatenate([cb, cf], axis=1)


def _lstm(x, lengths, w, suffix, reverse):
    """One direction of torch's LSTM over packed sequences: each row runs over its own length only."""
    batch, steps, _ = x.shape
    size = w["encoder.weight_hh_l0" + suffix].shape[1]
    pre = x @ w["encoder.weight_ih_l0" + suffix].T + w["encoder.bias_ih_l0" + suffix]
    w_hh, b_hh = w["encoder.weight_hh_l0" + suffix].T, w["encoder.bias_hh_l0" + suffix]
    h = np.zeros((batch, size), dtype=np.float32)
    c = np.zeros((batch, size), dtype=np.float32)
    out = np.zeros((batch, steps, size), dtype=np.float32)
    for t in (range(steps - 1, -1, -1) if reverse else range(steps)):
        running = (t < lengths)[:, None]
        h_new, c_new = _gates(pre[:, t] + (h @ w_hh + b_hh), c)
        h, c = np.where(running, h_new, h), np.where(running, c_new, c)
        out[:, t] = np.where(running, h, 0)
    return out, h, c


def _lstm_cell(x, h, c, w, prefix):
    gates = (x @ w[prefix + "weight_ih"].T + w[prefix + "bias_ih"]) + (h @ w[prefix + "weight_hh"].T + w[prefix + "bias_hh"])
    return _gates(gates, c)


def _gates(gates, c):
    """torch's LSTM update; its gates come in the order input, forget, cell, output."""
    i, f, g, o = np.split(gates, 4, axis=1)
    c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
    return sigmoid(o) * np.tanh(c), c


def _edit_classes(h, w):
    hidden = np.maximum(h @ w["edit_clf.0.weight"].T + w["edit_clf.0.bias"], 0)
    return (hidden @ w["edit_clf.2.weight"].T + w["edit_clf.2.bias"]).argmax(axis=1)


def _log_sigmoid(x):
    return np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))


def _logaddexp(a, b):
    # torch.logsumexp of the pair: the max plus the log of the shifted sum.
    top = np.maximum(a, b)
    top = np.where(np.isinf(top), 0, top)
    return np.log(np.exp(a - top) + np.exp(b - top)) + top


def _read_dicts(checkpoint) -> dict:
    """The {tag: {word: lemma}} dictionary of the file, "*" for any tag."""
    version = checkpoint.get("dicts_version", 1)
    if version == 3:
        return json.loads(gzip.decompress(checkpoint["dicts"]))
    if version == 1:   # the older (word, composite) pair, converted as Stanza converts it
        words, composite = checkpoint["dicts"]
        pos_dict = {ANY_TAG: dict(words)}
        for (word, tag), lemma in composite.items():
            if words.get(word) != lemma:
                pos_dict.setdefault(tag, {})[word] = lemma
        return pos_dict
    raise UnsupportedModel(f"lemmatizer dictionary of version {version} is not supported")


def _check_supported(config, checkpoint):
    """Models this module would lemmatize differently from Stanza with the fastlemma patch are refused."""
    wanted = {"ensemble_dict": True, "dict_only": False, "caseless": False, "charlm": False, "pos": True,
              "copy": True, "attn_type": "soft", "num_layers": 1, "beam_size": 1}
    odd = [f"{k}={config.get(k)!r}" for k, v in wanted.items() if (config.get(k) or False) != v]
    if checkpoint.get("contextual"):
        odd.append("contextual lemmatizers")
    if odd:
        raise UnsupportedModel(f"lemmatizer configuration not supported by the numpy runtime: {', '.join(odd)}")
