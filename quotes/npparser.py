"""Stanza's graph dependency parser, for prediction, in numpy: the same heads and labels.

The parser reads each word as its pretrained vector, its own and its lemma's
embeddings, its tags and a character LSTM, with a ROOT word put in front of
every sentence (position 0, the head of the main verb); a three-layer highway
BiLSTM runs over that.  Biaffine scorers then score every (dependent, head)
pair; linearization (is the head on the left or right?) and distance (how far?)
scorers correct those scores, and a log-softmax over the heads gives the head
log-probabilities.  Stanza decodes them as the best tree with one word on the
ROOT (Chu-Liu-Edmonds); as `quotes.fastparse` does, the search runs only when
each word's best head does not already make such a tree, and labels are scored
for the chosen heads only.

Sentences go in batches as Stanza's processor makes them (longest first, by
the checkpoint's word budget): a batch's padding enters the softmax over
heads, so the same batches keep the same numbers, not just the same trees.

Only the model the project trains is read (no character language model, no
transformer, no arc embedding, a plain XPOS vocabulary); `Parser.load` refuses
any other with the reason.
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

import numpy as np

from . import npnet, npvocab, ptfile
from .npnet import UnsupportedModel

# Stanza's simplify_punct: "?!!" reads as "?", "!?" as "!".
_QUESTION = re.compile("^[?？︖﹖⁇][?？︖﹖⁇!！︕﹗‼]+$")
_EXCLAM = re.compile("^[!！︕﹗‼][?？︖﹖⁇!！︕﹗‼]+$")
_SEPARATE = 150          # Stanza's DEFAULT_SEPARATE_BATCH: longer sentences get a batch of their own
_PREFIX = 4              # PAD, UNK, EMPTY, ROOT come before the labels in the deprel vocabulary


class Parser:
    def __init__(self, weights, config, vocab, pretrain):
        self.w = weights
        self.config = config
        self.vocab = vocab
        self.pretrain_vocab, self.pretrain_emb = pretrain
        self.labels = vocab["deprel"]._id2unit[_PREFIX:]
        # Stanza's processor: its default repairs two subjects or objects on one head, the checkpoint may say no.
        self.resolve = bool(config.get("resolve_head_constraints", True))
        self.chars = npnet.CharVectors(weights, "charmodel.", vocab["char"])
        # the label scorer's bilinear weight with the head side first, made once: a copy of
        # 8 MB, which took 4.6 ms of every call when made there
        bilinear = weights["deprel.scorer.W_bilin.weight"]                # (dependent i, head j, label)
        self.by_head = bilinear.transpose(1, 0, 2).reshape(bilinear.shape[1], -1)
        self.decoded = 0      # sentences whose best heads were not a tree: the search ran

    @classmethod
    def load(cls, path, pretrain) -> "Parser":
        """`pretrain`: (npvocab.Vocab, vectors) shared with the tagger (`npvocab.load_pretrained`)."""
        return cls.from_checkpoint(ptfile.load(path), path, pretrain)

    @classmethod
    def from_checkpoint(cls, checkpoint, path, pretrain) -> "Parser":
        """The parser of a checkpoint read from `path`, which a refusal names."""
        config = checkpoint["config"]
        reasons = [why for why, bad in (
            ("a parser other than the graph one", config.get("model_type", "graph") != "graph"),
            ("a character language model", config.get("charlm")),
            ("a transformer", config.get("bert_model")),
            ("arc embeddings", config.get("use_arc_embedding")),
            ("a reversed reading", config.get("reversed")),
            ("no character model", not config.get("char") or not config.get("char_emb_dim")),
            ("no pretrained vectors", not config.get("pretrain")),
            ("no word or tag embeddings", not config.get("word_emb_dim") or not config.get("tag_emb_dim")),
            ("tags left out", not config.get("use_upos", True) or not config.get("use_xpos", True)),
            ("no linearization or distance scorer", not config.get("linearization") or not config.get("distance")),
            ("a composite XPOS vocabulary", checkpoint["vocab"]["_key2class"]["xpos"] != "WordVocab"),
        ) if bad]
        if reasons:
            raise UnsupportedModel(f"{path}: the numpy parser does not handle {', '.join(reasons)}")
        return cls(checkpoint["model"], config, npvocab.vocabularies(checkpoint["vocab"]), pretrain)

    def parse(self, sentences: Sequence[Sequence[Mapping]]) -> list[list[tuple[int, str]]]:
        """(head, deprel) of each word, heads 1-based and 0 for the root, as Stanza's processor sets them."""
        out: list = [[] for _ in sentences]
        lengths = [len(s) + 1 if s else 0 for s in sentences]        # 0: nothing to parse, left out of the batches
        for batch in _batches(lengths, int(self.config.get("batch_size", 5000))):
            for k, parsed in zip(batch, self._parse_batch([sentences[k] for k in batch])):
                out[k] = parsed
        return out

    def _parse_batch(self, sentences):
        hidden, lengths = self._hidden(sentences)
        arcs = npnet.log_softmax(self._arc_scores(hidden), axis=2)
        trees = [self._decode(arcs[b, :n, :n]) for b, n in enumerate(lengths)]
        dep, head = _sides(hidden, self.w, "deprel.")
        length, size = dep.shape[1], dep.shape[2]
        rows = np.concatenate([b * length + np.arange(1, len(t)) for b, t in enumerate(trees)])
        head_rows = np.concatenate([b * length + t[1:] for b, t in enumerate(trees)])
        labels = self._label_scores(dep.reshape(-1, size)[rows], head.reshape(-1, size), head_rows).argmax(axis=1)
        out, start = [], 0
        for b, tree in enumerate(trees):
            n = len(tree)
            ids, start = labels[start:start + n - 1], start + n - 1
            if self.resolve and _violations(tree, [self.labels[i] for i in ids]):
                full = npnet.log_softmax(_pair_label_scores(dep[b, :n], head[b, :n], self.w), axis=2)
                tree, ids = resolve_constraints(arcs[b, :n, :n], full, tree, self.labels)
            out.append([(int(tree[j]), self.labels[int(ids[j - 1])]) for j in range(1, n)])
        return out

    def _label_scores(self, dep, heads, head_rows, chunk=128):
        """Label scores of each dependent row for its own head: (words, labels).

        The bilinear form is folded with each distinct head once (about half the
        words head none), a chunk of heads at a time to bound the memory."""
        weight = self.w["deprel.scorer.W_bilin.weight"]
        distinct, which = np.unique(head_rows, return_inverse=True)
        out = np.empty((len(dep), weight.shape[2]), dtype=np.float32)
        for a in range(0, len(distinct), chunk):
            folded = (heads[distinct[a:a + chunk]] @ self.by_head).reshape(-1, weight.shape[0], weight.shape[2])
            mine = (which >= a) & (which < a + chunk)
            out[mine] = (dep[mine][:, None, :] @ folded[which[mine] - a])[:, 0]
        return out + self.w["deprel.scorer.W_bilin.bias"]

    def _decode(self, scores):
        tree = greedy_tree(scores)
        if tree is None:
            self.decoded += 1
            tree = spanning_tree(scores)
        return tree

    def _hidden(self, sentences):
        lengths = np.array([len(s) + 1 for s in sentences], dtype=np.int64)
        words = [w for s in sentences for w in (None, *s)]            # None: the ROOT word before each sentence
        texts = [None if w is None else _simple_punct(w["text"]) for w in words]
        v, w = self.vocab, self.w

        def ids(vocab, values):                                       # ROOT has id ROOT in every vocabulary
            return [npvocab.ROOT_ID if x is None else vocab.unit2id(x) for x in values]

        def field(key):                                               # Stanza's data.py reads None as "_"
            return [None if x is None else "_" if x.get(key) is None else x[key] for x in words]

        pos = w["upos_emb.weight"][ids(v["upos"], field("upos"))] + w["xpos_emb.weight"][ids(v["xpos"], field("xpos"))]
        rows = np.concatenate([
            npnet.linear(self.pretrain_emb[ids(self.pretrain_vocab, [t and t.lower() for t in texts])],
                         w, "trans_pretrained."),
            w["word_emb.weight"][ids(v["word"], texts)],
            w["lemma_emb.weight"][ids(v["lemma"], field("lemma"))],
            # Stanza builds the feature embeddings, then appends the tag embedding a second time in their
            # place: the LSTM was trained on that, so the features are not read at all.
            *[pos] * (2 if self.config.get("use_ufeats", True) else 1),
            npnet.linear(self.chars(texts), w, "trans_char."),
        ], axis=1)
        x = np.zeros((len(sentences), int(lengths.max()), rows.shape[1]), dtype=np.float32)
        x[np.arange(x.shape[1])[None, :] < lengths[:, None]] = rows
        return npnet.highway_lstm(x, lengths, w, "parserlstm.", int(self.config["num_layers"]),
                                  w["parserlstm_h_init"], w["parserlstm_c_init"]), lengths

    def _arc_scores(self, hidden):
        """Stanza's head scores of every (dependent, head) pair, before the softmax: (batch, L, L)."""
        unlabeled = _pair_score(hidden, self.w, "unlabeled.")
        offset = np.arange(hidden.shape[1])[None, :] - np.arange(hidden.shape[1])[:, None]  # head - dependent
        lin = _pair_score(hidden, self.w, "linearization.")
        unlabeled += -np.logaddexp(np.float32(0), -lin * np.sign(offset).astype(np.float32))  # log sigmoid
        dist = _pair_score(hidden, self.w, "distance.")
        predicted = 1 + np.where(dist > 20, dist, np.log1p(np.exp(np.minimum(dist, 20))))       # torch's softplus
        unlabeled += -np.log((np.abs(offset).astype(np.float32) - predicted) ** 2 / 2 + 1)
        unlabeled[:, np.arange(hidden.shape[1]), np.arange(hidden.shape[1])] = -np.inf
        return unlabeled


def _simple_punct(text: str) -> str:
    return _EXCLAM.sub("!", _QUESTION.sub("?", text))


def _batches(lengths: list[int], budget: int) -> list[list[int]]:
    """Stanza's eval batches: longest first (ties: later sentence first), filled up to `budget` words."""
    order = sorted(range(len(lengths)), key=lambda k: (lengths[k], k), reverse=True)
    batches, current, size = [], [], 0
    for k in order:
        if not lengths[k]:
            continue
        if lengths[k] > _SEPARATE:
            batches += [current, [k]] if current else [[k]]
            current, size = [], 0
            continue
        if current and size + lengths[k] > budget:
            batches.append(current)
            current, size = [], 0
        current.append(k)
        size += lengths[k]
    return batches + [current] if current else batches


def _sides(hidden, w, prefix):
    """A deep biaffine scorer's dependent and head sides, each with its bias column."""
    dep = npnet.with_ones(np.maximum(npnet.linear(hidden, w, prefix + "W1."), 0))
    head = npnet.with_ones(np.maximum(npnet.linear(hidden, w, prefix + "W2."), 0))
    return dep, head


def _pair_score(hidden, w, prefix):
    """A one-output deep biaffine scorer over every pair of a batch: (batch, L, L)."""
    dep, head = _sides(hidden, w, prefix)
    folded = npnet._matmul(dep, w[prefix + "scorer.W_bilin.weight"][:, :, 0])
    return folded @ head.transpose(0, 2, 1) + w[prefix + "scorer.W_bilin.bias"][0]


def _pair_label_scores(dep, head, w):
    """Label scores of every (dependent, head) pair of one sentence: (n, n, labels)."""
    folded = np.einsum("ai,ijo->ajo", dep, w["deprel.scorer.W_bilin.weight"])
    return np.einsum("ajo,bj->abo", folded, head) + w["deprel.scorer.W_bilin.bias"]


# Labels of which a head takes one dependent at most (Stanza's SINGLETON_DEPREL_GROUPS).
_GROUPS = {"nsubj": "subj", "csubj": "subj", "nsubj:pass": "subj", "csubj:pass": "subj",
           "nsubj:outer": "subj_outer", "csubj:outer": "subj_outer", "obj": "obj"}


def greedy_tree(scores: np.ndarray) -> np.ndarray | None:
    """Each word's best head, when they make a tree with one word on the root; else None.

    Stanza's search lowers every root arc by the same amount, which moves every
    one-root tree's score alike: it finds the best one-root tree.  When the best
    heads already are one, nothing scores higher, so no search is needed."""
    s = _prepared(scores.astype(np.float64))
    tree = s.argmax(axis=1)
    if np.count_nonzero(tree[1:] == 0) != 1:
        return None
    reach = tree.copy()
    for _ in range(max(1, int(np.ceil(np.log2(len(tree)))))):
        reach = reach[reach]              # pointer jumping: 2^k steps up after k rounds
    return tree if np.all(reach == 0) else None


def spanning_tree(scores: np.ndarray) -> np.ndarray:
    """Chu-Liu-Edmonds as Stanza runs it: the best tree (row: dependent, column: head)
    with one word on the root, ties broken as its search breaks them.

    The root arcs are lowered by the lowest score times the size, so that a second
    root word costs more than any arc can gain.  Each round takes every word's best
    head; while those hold a cycle, the cycle whose lowest word is highest (the one
    Stanza's Tarjan search lists last) becomes one node, and the smaller problem is
    solved; the cycles are then opened again, last made first."""
    s = scores.astype(np.float64)
    s[:, 0] += s[np.isfinite(s)].min() * len(s)
    stack = []
    while True:
        s = _prepared(s)
        tree = s.argmax(axis=1)
        cycle = _last_cycle(tree)
        if cycle is None:
            break
        s, expansion = _contract(s, tree, cycle)
        stack.append((tree, expansion))
    while stack:
        outer, expansion = stack.pop()
        tree = _expand(outer, tree, *expansion)
    if np.count_nonzero(tree[1:] == 0) != 1:
        raise AssertionError("lowering the root arcs should have left one root word")
    return tree


def _prepared(s):
    np.fill_diagonal(s, -np.inf)          # no word heads itself
    s[0] = -np.inf                        # the root has no head ...
    s[0, 0] = 0                           # ... but argmax needs one: itself
    return s


def _last_cycle(tree: np.ndarray):
    """The words of the cycle (two or more) with the highest lowest word, or None."""
    heads = tree.tolist()
    state = [0] * len(heads)              # 0 unseen, 1 on this walk, 2 done
    last = None
    for start in range(len(heads)):
        path, i = [], start
        while state[i] == 0:
            state[i] = 1
            path.append(i)
            i = heads[i]
        if state[i] == 1 and path[-1] != i:
            cycle = path[path.index(i):]
            if last is None or min(cycle) > min(last):
                last = cycle
        for p in path:
            state[p] = 2
    return None if last is None else np.array(sorted(last))


def _contract(s, tree, cycle):
    """The scores with `cycle` made one node, the last: entering it costs breaking the cycle's arc there."""
    inside = np.zeros(len(s), dtype=bool)
    inside[cycle] = True
    outside = np.flatnonzero(~inside)
    kept = s[cycle, tree[cycle]]
    enter = s[np.ix_(cycle, outside)] - kept[:, None] + kept.sum()     # (cycle word, outside head)
    leave = s[np.ix_(outside, cycle)]                                    # (outside word, cycle head)
    entry, exit_ = enter.argmax(axis=0), leave.argmax(axis=1)
    m = len(outside)
    sub = np.zeros((m + 1, m + 1))
    sub[:m, :m] = s[np.ix_(outside, outside)]
    sub[m, :m] = enter[entry, np.arange(m)]
    sub[:m, m] = leave[np.arange(m), exit_]
    return sub, (cycle, outside, entry, exit_)


def _expand(tree, sub, cycle, outside, entry, exit_):
    """The tree of the larger problem from the contracted one's."""
    m = len(outside)
    out = tree.copy()                                  # the cycle's words keep their heads ...
    heads = sub[:m]
    to_cycle = heads == m
    out[outside[~to_cycle]] = outside[heads[~to_cycle]]
    out[outside[to_cycle]] = cycle[exit_[to_cycle]]
    out[cycle[entry[sub[m]]]] = outside[sub[m]]        # ... but the one its head enters by
    return out


def _violations(tree, labels):
    """(head, group, dependents) where a head has two dependents of one group, as Stanza lists them."""
    found: dict = {}
    for j, label in enumerate(labels, 1):
        group = _GROUPS.get(label)
        if group is not None:
            found.setdefault(int(tree[j]), {}).setdefault(group, []).append(j)
    return [(h, g, deps) for h, groups in found.items() for g, deps in groups.items() if len(deps) > 1]


def resolve_constraints(scores, label_logp, tree, labels, rounds=5):
    """Stanza's resolve_head_constraint_violations: for each choice of the dependent that keeps
    the group's label, the others' rows become arc plus best other label, the tree is searched
    again, and the best-scoring candidate stays.  Returns (tree, label indices of words 1..n-1)."""
    groups = [_GROUPS.get(label) for label in labels]
    excluded: dict = {}

    def best(dep, head, extra=None):
        ban = excluded.get((dep, head), set()) | ({extra} if extra else set())
        row = label_logp[dep, head]
        if ban:
            row = np.where([g in ban for g in groups], -np.inf, row)
        i = int(row.argmax())
        return i, row[i]

    def labelled(t):
        return [best(j, t[j])[0] for j in range(1, len(t))]

    ids = labelled(tree)
    for _ in range(rounds):
        found = _violations(tree, [labels[i] for i in ids])
        if not found:
            break
        head, group, deps = found[0]
        chosen = None
        for keep in range(len(deps)):
            trial = scores.copy()
            for k, dep in enumerate(deps):
                if k != keep:
                    trial[dep] = scores[dep] + np.array(
                        [best(dep, h, group if h == head else None)[1] for h in range(len(tree))])
            t = spanning_tree(trial)
            t_ids = labelled(t)
            for k, dep in enumerate(deps):
                if k != keep and t[dep] == head:
                    t_ids[dep - 1] = best(dep, head, group)[0]
            total = sum(scores[j, t[j]] + label_logp[j, t[j], t_ids[j - 1]] for j in range(1, len(t)))
            if chosen is None or total > chosen[0]:
                chosen = (total, t, t_ids, keep)
        _, tree, ids, kept = chosen
        for k, dep in enumerate(deps):
            if k != kept:
                excluded.setdefault((dep, head), set()).add(group)
    return tree, ids
