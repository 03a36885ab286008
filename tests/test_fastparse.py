"""The cheaper parser prediction gives Stanza's own trees and labels."""

import numpy as np
import pytest
import stanza
from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

from quotes.fastparse import best_heads, spanning_tree_one_root


def _log_softmax(x):
    x = x - x.max(axis=1, keepdims=True)
    return x - np.log(np.exp(x).sum(axis=1, keepdims=True))


def _scores(rng, n, tree=None, bonus=0.0):
    """Head scores as the parser gives them: row = dependent, column = head, log-probabilities."""
    raw = rng.normal(size=(n, n)).astype(np.float32)
    if tree is not None:
        raw[np.arange(1, n), tree[1:]] += bonus
    np.fill_diagonal(raw, -np.inf)
    return _log_softmax(raw).astype(np.float32)


def _random_tree(rng, n):
    """A random one-root tree over words 1..n-1 (0 is the root symbol)."""
    order = rng.permutation(np.arange(1, n))
    tree = np.zeros(n, dtype=int)
    for k, word in enumerate(order[1:], 1):
        tree[word] = order[rng.integers(0, k)]
    return tree


@pytest.mark.parametrize("seed", range(40))
def test_best_heads_is_the_spanning_tree_stanza_finds(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 40))
    noisy = _scores(rng, n)                                  # best heads seldom a tree: the full search
    clear = _scores(rng, n, _random_tree(rng, n), bonus=6)   # best heads a tree: no search
    for scores in (noisy, clear):
        theirs = chuliu_edmonds_one_root(scores.copy())
        assert np.array_equal(best_heads(scores.copy()), theirs)
        assert np.array_equal(spanning_tree_one_root(scores.copy()), theirs)


@pytest.mark.parametrize("seed", range(40))
def test_the_search_finds_stanzas_tree_when_the_best_heads_hold_cycles(seed):
    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(3, 60))
    # Pairs of words that prefer each other: many small cycles to contract, nested after contraction.
    raw = rng.normal(size=(n, n)).astype(np.float32)
    for a in range(1, n - 1, 2):
        raw[a, a + 1] += 4
        raw[a + 1, a] += 4
    np.fill_diagonal(raw, -np.inf)
    scores = _log_softmax(raw).astype(np.float32)
    assert np.array_equal(spanning_tree_one_root(scores.copy()), chuliu_edmonds_one_root(scores.copy()))


def test_a_tree_of_best_heads_is_taken_as_it_is():
    rng = np.random.default_rng(7)
    tree = _random_tree(rng, 12)
    assert np.array_equal(best_heads(_scores(rng, 12, tree, bonus=8)), tree)


# Sentences of our own, with the constructions the attribution rules read: clauses, inversions,
# two subjects in a row, coordination, relative clauses, long sentences.
SENTENCES = [
    "Le ministre a déclaré mardi que la réforme serait votée avant l'été.",
    "« Nous ne céderons pas », a-t-elle répondu aux journalistes qui l'attendaient devant la mairie.",
    "Selon le syndicat, les salariés de l'usine, inquiets pour leur avenir, ont voté la grève à une large majorité.",
    "Il estime que le projet, lancé il y a dix ans par l'ancienne équipe municipale, coûte trop cher "
    "et qu'il faudrait le revoir entièrement avant de le soumettre aux habitants du quartier.",
    "Les enquêteurs, qui ont entendu les témoins, affirment que le conducteur roulait trop vite.",
    "La présidente de l'association accuse la préfecture d'avoir ignoré les alertes répétées des riverains.",
]


def test_the_patched_parser_parses_as_stanza_does(torch_pipeline):
    parser = torch_pipeline.parser.pipeline
    model = parser.processors["depparse"].trainer.model
    assert "predict" in vars(model), "the cheaper prediction is installed on CPU"

    def parse():
        doc = parser.bulk_process([stanza.Document([], text=s) for s in SENTENCES])
        return [[(w.head, w.deprel) for s in d.sentences for w in s.words] for d in doc]

    ours = parse()
    patched = model.predict
    del model.predict
    try:
        theirs = parse()
    finally:
        model.predict = patched
    assert ours == theirs
    assert sum(len(x) for x in ours) > 100
