"""The layers of Stanza's tagger and parser, for prediction, in numpy.

Each function takes a model's weights as the mapping its checkpoint holds
(torch's parameter names, arrays from `quotes.ptfile`) and a prefix naming the
layer, so that a model is read straight from its file with no torch module
built.  Recurrent layers run over packed rows (`Packing`), as torch's packed
sequences: a step updates only the sequences still running, so a sequence's
reverse pass starts at its own last word.

The arithmetic is torch's, in float32; sums may be taken in another order, so a
value may differ in its last bits.
"""

from __future__ import annotations

from typing import MutableMapping, Sequence

import numpy as np

from .npvocab import ROOT_ID, UNK_ID

Weights = MutableMapping[str, np.ndarray]     # derived arrays are kept beside the checkpoint's


class UnsupportedModel(ValueError):
    """A checkpoint whose architecture the numpy runtime does not implement: Stanza runs it."""


def sigmoid(x: np.ndarray) -> np.ndarray:
    # exp of a large negative overflows to inf and gives 0: the right limit.
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-x))


def log_softmax(x: np.ndarray, axis: int) -> np.ndarray:
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def linear(x: np.ndarray, weights: Weights, prefix: str) -> np.ndarray:
    """torch.nn.Linear: x W^T + b (no b when the layer has none)."""
    out = _matmul(x, weights[prefix + "weight"].T)
    bias = weights.get(prefix + "bias")
    return out + bias if bias is not None else out


def _matmul(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    # One 2-D product: a 3-D operand would make numpy loop over the batch.
    shape = x.shape
    return (x.reshape(-1, shape[-1]) @ w).reshape(*shape[:-1], w.shape[-1])


class Packing:
    """Where each (sequence, time) of a padded batch sits in time-major packed rows, as in
    torch's PackedSequence: sequences sorted longest first, so that the ones still running
    at time t are the first `sizes[t]` and their rows are contiguous."""

    def __init__(self, lengths: np.ndarray):
        self.lengths = lengths
        order = np.argsort(-lengths, kind="stable")
        longest = int(lengths.max(initial=0))
        self.sizes = np.searchsorted(-lengths[order], -np.arange(longest), side="left")
        self.offsets = np.concatenate([[0], np.cumsum(self.sizes)])
        self.batch = np.concatenate([order[:n] for n in self.sizes]) if longest else np.zeros(0, np.int64)
        self.time = np.repeat(np.arange(longest), self.sizes)

    def pack(self, padded: np.ndarray) -> np.ndarray:
        return padded[self.batch, self.time]

    def unpack(self, packed: np.ndarray) -> np.ndarray:
        out = np.zeros((len(self.lengths), len(self.sizes), packed.shape[-1]), dtype=packed.dtype)
        out[self.batch, self.time] = packed
        return out


def lstm(packed: np.ndarray, packing: Packing, weights: Weights, prefix: str, suffix: str,
         h0: np.ndarray, c0: np.ndarray) -> np.ndarray:
    """One direction of a torch.nn.LSTM layer ("_reverse" suffix: right to left) over packed rows.

    `h0`, `c0`: the starting state, one row for every sequence."""
    _, bias = _recurrent(weights, f"{prefix}{{}}_l0{suffix}")
    gates_in = packed @ weights[f"{prefix}weight_ih_l0{suffix}"].T + bias
    return _recurrence(gates_in, packing, weights, prefix, suffix, h0, c0)


def _recurrence(gates_in: np.ndarray, packing: Packing, weights: Weights, prefix: str, suffix: str,
                h0: np.ndarray, c0: np.ndarray) -> np.ndarray:
    """The steps of `lstm`, given the input's share of the gates (packed @ weight_ih^T + biases)."""
    w_hh, _ = _recurrent(weights, f"{prefix}{{}}_l0{suffix}")
    size = w_hh.shape[0]
    first = int(packing.sizes[0]) if len(packing.sizes) else 0
    h = np.array(np.broadcast_to(h0, (first, size)), dtype=np.float32)
    c = np.array(np.broadcast_to(c0, (first, size)), dtype=np.float32)
    out = np.empty((gates_in.shape[0], size), dtype=np.float32)
    # A step is a dozen numpy calls on small arrays: written into buffers kept
    # across steps, with no array made per call (a third of the step's time).
    gates_buf = np.empty((first, 4 * size), dtype=np.float32)
    cell_buf = np.empty((first, size), dtype=np.float32)
    steps = range(len(packing.sizes) - 1, -1, -1) if suffix else range(len(packing.sizes))
    with np.errstate(over="ignore"):       # exp(-x) of a very negative x: inf, and the sigmoid 0
        for t in steps:
            n, at = packing.sizes[t], packing.offsets[t]
            gates, cell, hn, cn = gates_buf[:n], cell_buf[:n], h[:n], c[:n]
            np.matmul(hn, w_hh, out=gates)
            gates += gates_in[at: at + n]
            np.tanh(gates[:, 2 * size: 3 * size], out=cell)
            np.negative(gates, out=gates)            # the sigmoid of every gate, in place
            np.exp(gates, out=gates)
            gates += 1.0
            np.reciprocal(gates, out=gates)
            cn *= gates[:, size: 2 * size]
            cell *= gates[:, :size]
            cn += cell
            np.tanh(cn, out=cell)
            np.multiply(gates[:, 3 * size:], cell, out=hn)
            out[at: at + n] = hn
    return out


def _recurrent(weights: Weights, name: str) -> tuple[np.ndarray, np.ndarray]:
    """A direction's recurrent weight, transposed into rows, and its two biases summed: made
    on the first call and kept beside the checkpoint's arrays (a copy of a 640 KB matrix
    in each call otherwise).  `name`: the parameter names with {} for weight_hh, bias_ih..."""
    key = name.format("transposed_weight_hh")
    if key not in weights:
        weights[key] = np.ascontiguousarray(weights[name.format("weight_hh")].T)
        weights[name.format("summed_bias")] = weights[name.format("bias_ih")] + weights[name.format("bias_hh")]
    return weights[key], weights[name.format("summed_bias")]


def highway_lstm(x: np.ndarray, lengths: np.ndarray, weights: Weights, prefix: str, layers: int,
                 h_init: np.ndarray, c_init: np.ndarray) -> np.ndarray:
    """Stanza's HighwayLSTM as its tagger and parser build it, over a padded batch: each
    layer's bidirectional output plus a gated tanh of a linear map of its input.

    `h_init`, `c_init`: the model's learned starting states, (2 * layers, 1, hidden).
    Positions past a sequence's length come out zero."""
    packing = Packing(lengths)
    return packing.unpack(packed_highway_lstm(packing.pack(x), packing, weights, prefix, layers, h_init, c_init))


def packed_highway_lstm(x: np.ndarray, packing: Packing, weights: Weights, prefix: str, layers: int,
                        h_init: np.ndarray, c_init: np.ndarray) -> np.ndarray:
    for layer in range(layers):
        lstm_prefix = f"{prefix}lstm.{layer}.lstm."
        h = np.concatenate([
            lstm(x, packing, weights, lstm_prefix, "", h_init[2 * layer, 0], c_init[2 * layer, 0]),
            lstm(x, packing, weights, lstm_prefix, "_reverse", h_init[2 * layer + 1, 0], c_init[2 * layer + 1, 0]),
        ], axis=1)
        gate = sigmoid(linear(x, weights, f"{prefix}gate.{layer}."))
        x = h + gate * np.tanh(linear(x, weights, f"{prefix}highway.{layer}."))
    return x


def char_vectors(words: Sequence[Sequence[int]], weights: Weights, prefix: str) -> np.ndarray:
    """Stanza's CharacterModel with attention: a word's vector is the sum over its
    characters of the LSTM's output, each weighted by a sigmoid of a linear score."""
    lengths = np.array([len(w) for w in words], dtype=np.int64)
    packing = Packing(lengths)
    ids = np.array([words[b][t] for b, t in zip(packing.batch.tolist(), packing.time.tolist())], dtype=np.int64)
    out = _recurrence(_char_gates(weights, prefix)[ids], packing, weights, prefix + "charlstm.lstm.", "",
                      weights[prefix + "charlstm_h_init"][0, 0], weights[prefix + "charlstm_c_init"][0, 0])
    out *= sigmoid(out @ weights[prefix + "char_attn.weight"].T)
    # Summed step by step, in time order as np.add.at would, at a tenth of its cost: the
    # words still running at a step lead the rows, longest first.
    running = np.zeros((len(words), out.shape[1]), dtype=np.float32)
    for n, at in zip(packing.sizes.tolist(), packing.offsets.tolist()):
        running[:n] += out[at: at + n]
    vectors = np.empty_like(running)
    vectors[packing.batch[: len(words)]] = running
    return vectors


def _char_gates(weights: Weights, prefix: str) -> np.ndarray:
    """Each character's share of the character LSTM's gates, made on first use and kept:
    a character's embedding enters the gates through the same product wherever it
    stands, so a word's characters are looked up instead of multiplied again."""
    key = prefix + "charlstm.gates_of_each_character"
    if key not in weights:
        lstm_prefix = prefix + "charlstm.lstm."
        _, bias = _recurrent(weights, lstm_prefix + "{}_l0")
        weights[key] = weights[prefix + "char_emb.weight"] @ weights[lstm_prefix + "weight_ih_l0"].T + bias
    return weights[key]


class CharVectors:
    """A model's character-model vectors, each word's computed once per process: a word's
    vector depends on its characters alone, and news repeats its words.  None stands for
    the parser's ROOT word."""

    LIMIT = 1 << 15          # words kept (about 1 KB each); when full it starts afresh

    def __init__(self, weights: Weights, prefix: str, chars):
        self.weights, self.prefix, self.chars = weights, prefix, chars
        self.known: dict = {}

    def __call__(self, words: Sequence) -> np.ndarray:
        new = [w for w in dict.fromkeys(words) if w not in self.known]
        if new:
            if len(self.known) > self.LIMIT:
                self.known.clear()
            ids = [[ROOT_ID] if w is None else self.chars.map(list(w)) or [UNK_ID] for w in new]
            self.known.update(zip(new, char_vectors(ids, self.weights, self.prefix)))
        return np.stack([self.known[w] for w in words])


def with_ones(x: np.ndarray) -> np.ndarray:
    """x with a column of ones, the bias side of Stanza's biaffine scorers."""
    return np.concatenate([x, np.ones((*x.shape[:-1], 1), dtype=x.dtype)], axis=-1)
