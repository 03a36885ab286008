"""A cheaper prediction for Stanza's graph dependency parser, with the same trees and labels.

(The label scores are the same sums taken in another order: rounding could only
matter in a near tie between two labels, and changed none on the dev and seed
articles or the UD test sets, see docs/performance.md.)

Stanza's `GraphParser.predict` scores every label for every (dependent, head)
pair, takes a log-softmax over all of them, and runs its maximum spanning tree
decoder (Chu-Liu-Edmonds, in Python, with a Tarjan cycle search per word) on
every sentence.  An extractor needs one label per word, and most sentences'
best heads already form a tree.  `install` replaces the method on one loaded
model so that:

- each word's best head is taken in numpy, and the full decoder runs only
  when those heads hold a cycle or more than one root: when they do not, they
  are the tree the decoder finds (see `best_heads`);
- labels are scored only for each word's chosen head;
- Stanza's head-constraint repair (two subjects or two objects on one head)
  runs, as before, on the full label scores of that sentence, computed then.

Only the graph parser without arc embeddings is handled; any other model keeps
Stanza's own method.
"""

from __future__ import annotations

import types

import numpy as np


def install(pipeline) -> bool:
    """Swap in the cheaper predict on the pipeline's parser; False when the model is not one it handles."""
    from stanza.models.depparse.model import GraphParser

    processor = pipeline.processors.get("depparse")
    model = getattr(getattr(processor, "trainer", None), "model", None)
    if type(model) is not GraphParser or model.args.get("use_arc_embedding") or model.bert_model is not None:
        return False
    model.predict = types.MethodType(_predict, model)
    return True


def _arc_scores(model, lstm, head):
    """Stanza's `forward_scores` less the label scorer: head scores of every pair."""
    import torch
    import torch.nn.functional as F

    unlabeled = model.unlabeled(lstm, lstm).squeeze(3)
    offset = None
    if model.args["linearization"] or model.args["distance"]:
        n, length = head.size(0), lstm.size(1)
        offset = (torch.arange(length).view(1, 1, -1).expand(n, -1, -1)
                  - torch.arange(length).view(1, -1, 1).expand(n, -1, -1))
    if model.args["linearization"]:
        lin = model.linearization(lstm, lstm).squeeze(3)
        unlabeled += F.logsigmoid(lin * torch.sign(offset).float())
    if model.args["distance"]:
        dist = model.distance(lstm, lstm).squeeze(3)
        pred = 1 + F.softplus(dist)
        unlabeled += -torch.log((torch.abs(offset).float() - pred) ** 2 / 2 + 1)
    diag = torch.eye(head.size(-1) + 1, dtype=torch.bool).unsqueeze(0)
    unlabeled.masked_fill_(diag, -float("inf"))
    return unlabeled


def _label_inputs(model, lstm):
    """The label scorer's two sides, each with its bias column, as the pairwise scorer builds them."""
    import torch.nn.functional as F

    scorer = model.deprel
    dep = F.relu(scorer.W1(lstm))
    hd = F.relu(scorer.W2(lstm))
    dep = _with_ones(dep)
    hd = _with_ones(hd)
    return dep, hd, scorer.scorer.W_bilin


def _with_ones(x):
    import torch

    return torch.cat([x, x.new_ones(*x.size()[:-1], 1)], x.dim() - 1)


def _chosen_labels(model, lstm, heads, sentlens):
    """Label log-probabilities of each word for its chosen head only, per sentence.

    The bilinear form x W y is folded with each head's side once (W y, for
    the heads actually chosen, about half the words), then with each dependent;
    padding is left out."""
    import torch
    import torch.nn.functional as F

    dep, hd, bilinear = _label_inputs(model, lstm)
    length = lstm.size(1)
    rows = torch.cat([torch.arange(1, n) + i * length for i, n in enumerate(sentlens)])
    head_rows = torch.cat([heads[i, 1:n] + i * length for i, n in enumerate(sentlens)])
    distinct, which = torch.unique(head_rows, return_inverse=True)
    folded = torch.einsum("HJ,IJO->HIO", hd.reshape(-1, hd.size(2))[distinct], bilinear.weight)
    scores = torch.einsum("PI,PIO->PO", dep.reshape(-1, dep.size(2))[rows], folded[which]) + bilinear.bias
    probs = F.log_softmax(scores, 1).numpy()
    out, start = [], 0
    for n in sentlens:
        out.append(probs[start:start + n - 1])
        start += n - 1
    return out


def _all_labels(model, lstm, i):
    """Stanza's full label log-probabilities of one sentence: (L, L, labels)."""
    import torch.nn.functional as F

    one = lstm[i:i + 1]
    return F.log_softmax(model.deprel(one, one), 3)[0].numpy()


def best_heads(scores: np.ndarray) -> np.ndarray:
    """Chu-Liu-Edmonds with one root, as Stanza decodes, the full search only when needed.

    Stanza lowers every root arc by the same amount so that the spanning tree it
    finds has one root; every one-root tree's score moves by that amount, so the
    tree it finds is the best one-root tree under the scores as they were.  When
    each word's best head already makes such a tree, nothing scores higher: it is
    that tree, and no search is needed."""
    s = scores.astype(np.float64)
    np.fill_diagonal(s, -np.inf)
    s[0] = -np.inf
    s[0, 0] = 0
    tree = np.argmax(s, axis=1)
    if _is_tree(tree):
        return tree
    return spanning_tree_one_root(scores)


def spanning_tree_one_root(scores: np.ndarray) -> np.ndarray:
    """Stanza's `chuliu_edmonds_one_root`, step for step, with the cycles of each
    step's best heads found by one walk per word instead of its Tarjan search
    (the same cycles, in the same order: by their first word)."""
    from stanza.models.common.chuliu_edmonds import expand_contracted_tree, prepare_scores, process_cycle

    scores = scores.astype(np.float64)
    scores[:, 0] = scores[:, 0] + scores[np.isfinite(scores)].min() * scores.shape[0]
    stack = []
    prepare_scores(scores)
    tree = np.argmax(scores, axis=1)
    cycles = _cycles(tree)
    while cycles:
        subscores, *contraction = process_cycle(tree, cycles.pop(), scores)
        stack.append((tree, contraction))
        scores = subscores
        prepare_scores(scores)
        tree = np.argmax(scores, axis=1)
        cycles = _cycles(tree)
    while stack:
        contracted = tree
        tree, contraction = stack.pop()
        tree = expand_contracted_tree(tree, contracted, *contraction)
    if np.count_nonzero(tree[1:] == 0) != 1:
        raise AssertionError("Rescaling by the lowest score should have prevented using multiple root edges")
    return tree


def _cycles(tree: np.ndarray) -> list[np.ndarray]:
    """The cycles (of two words or more) of a head array, as masks, ordered by their lowest word.

    Each word has one head, so a walk up from a word not yet seen either meets a
    word seen on an earlier walk or closes a cycle of its own.  Stanza's Tarjan
    search finds a cycle when its loop reaches the cycle's lowest word, hence the
    order."""
    heads = tree.tolist()
    state = [0] * len(heads)          # 0 unseen, 1 on this walk, 2 seen before
    found = []
    for start in range(len(heads)):
        path = []
        i = start
        while state[i] == 0:
            state[i] = 1
            path.append(i)
            i = heads[i]
        if state[i] == 1:
            cycle = path[path.index(i):]
            if len(cycle) > 1:
                mask = np.zeros(len(heads), dtype=bool)
                mask[cycle] = True
                found.append((min(cycle), mask))
        for p in path:
            state[p] = 2
    return [mask for _, mask in sorted(found, key=lambda item: item[0])]


def _is_tree(tree: np.ndarray) -> bool:
    """Every word reaches the root (no cycle), through exactly one word attached to it."""
    if np.count_nonzero(tree[1:] == 0) != 1:
        return False
    reach = tree.copy()
    steps = 1
    while steps < len(tree):
        reach = reach[reach]          # pointer jumping: 2^k steps up after k rounds
        steps *= 2
    return bool(np.all(reach == 0))


def _predict(self, word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma, head, deprel,
             word_orig_idx, sentlens, wordlens, text, resolve_head_constraints=False):
    import torch
    import torch.nn.functional as F
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.depparse.head_constraints import (find_head_constraint_violations,
                                                         resolve_head_constraint_violations)

    lstm = self.embed(word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma, head, deprel,
                      word_orig_idx, sentlens, wordlens, text)
    arcs = F.log_softmax(_arc_scores(self, lstm, head), 2).numpy()
    trees = [best_heads(arcs[i][:n, :n]) for i, n in enumerate(sentlens)]
    heads = torch.zeros(lstm.shape[:2], dtype=torch.long)
    for i, tree in enumerate(trees):
        heads[i, :len(tree)] = torch.from_numpy(tree)
    labels = _chosen_labels(self, lstm, heads, sentlens)
    vocab = self.vocab["deprel"]
    out = []
    for i, n in enumerate(sentlens):
        tree = trees[i]
        raw = labels[i].argmax(axis=1).tolist()
        names = vocab.unmap([r + VOCAB_PREFIX_SIZE for r in raw])
        if resolve_head_constraints and find_head_constraint_violations(tree, names):
            tree, raw = resolve_head_constraint_violations(arcs[i][:n, :n], _all_labels(self, lstm, i)[:n, :n, :], tree, vocab)
            names = vocab.unmap([r + VOCAB_PREFIX_SIZE for r in raw])
        out.append([[tree[j + 1], names[j]] for j in range(n - 1)])
    return out
