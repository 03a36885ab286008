"""The numpy parser gives the trees and labels of Stanza's parser as the project runs it."""

import itertools
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from quotes import npparser, npvocab
from quotes.npparser import greedy_tree, spanning_tree

import treebanks

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "quotes" / "resources" / "stanza" / "fr"
LIMIT = 150

# Long sentences of our own: coordination, relative clauses, incises, reported speech.
SENTENCES = [
    "Le maire, qui avait promis de rénover l'école que les parents réclamaient depuis des années, "
    "a finalement annoncé que les travaux commenceraient en septembre et qu'ils dureraient deux ans.",
    "« Nous ne lâcherons rien », ont affirmé les représentants des salariés, qui dénoncent un plan social "
    "brutal et demandent à la direction de revenir sur sa décision avant la fin du mois.",
    "La ministre, dont le projet de loi a été rejeté par le Sénat puis amendé par l'Assemblée, estime que "
    "le texte, tel qu'il a été voté, ne répond ni aux attentes des agriculteurs ni à celles des consommateurs.",
    "Les enquêteurs, qui ont entendu les témoins et visionné les images des caméras que la mairie avait "
    "installées l'an dernier, pensent que le conducteur roulait vite et qu'il n'a pas vu le piéton.",
    "Selon le rapport que la Cour des comptes a publié mardi, l'État a dépensé plus qu'il ne l'avait prévu, "
    "notamment pour les hôpitaux, les écoles et les routes, dont l'entretien avait été longtemps négligé.",
]



def _tagged(doc):
    return [{"text": w.text, "lemma": w.lemma, "upos": w.upos, "xpos": w.xpos, "feats": w.feats}
            for s in doc.sentences for w in s.words]


def _parsed(doc):
    return [(w.head, w.deprel) for s in doc.sentences for w in s.words]


@pytest.fixture(scope="module")
def stanza_runs():
    """Tagged words and Stanza's parse of each sentence (one document each), the repair off and on."""
    from stanza.models.common.doc import Document

    from quotes import models, stanzadocs

    pipeline = models.load_pipeline(models.resolve(None))
    processor = pipeline.processors["depparse"]
    assert "predict" in vars(processor.trainer.model), "the project's fastparse prediction is installed"
    docs = [Document([[{"id": i, "text": w} for i, w in enumerate(s, 1)]]) for s in treebanks.sentences(treebanks.GSD_TEST, LIMIT)]
    tagging = [p for p in pipeline.processors if p not in ("tokenize", "mwt", "depparse")]
    docs = pipeline.bulk_process(docs, processors=tagging)
    docs = pipeline.bulk_process(docs, processors=["depparse"])
    docs += stanzadocs.rule_words(pipeline, SENTENCES)      # the project's own path: words cut by rule
    words = [_tagged(d) for d in docs]
    plain = [_parsed(d) for d in docs]
    default = processor.config.get("resolve_head_constraints", True)
    processor.config["resolve_head_constraints"] = not default
    try:
        other = [_parsed(d) for d in pipeline.bulk_process(docs, processors=["depparse"])]
    finally:
        processor.config["resolve_head_constraints"] = default
    return words, {default: plain, not default: other}


@pytest.fixture(scope="module")
def parser():
    return npparser.Parser.load(MODELS / "depparse.pt", npvocab.load_pretrained(MODELS / "pretrain.pt"))


def _differences(ours, theirs):
    assert len(ours) == len(theirs)
    return [(k, j, a, b) for k, (x, y) in enumerate(zip(ours, theirs)) for j, (a, b) in enumerate(zip(x, y)) if a != b]


def test_the_parser_gives_stanzas_heads_and_labels(stanza_runs, parser):
    words, runs = stanza_runs
    theirs = runs[parser.resolve]
    decoded = parser.decoded
    ours = parser.parse(words)
    assert [len(s) for s in ours] == [len(s) for s in words]
    assert _differences(ours, theirs) == []
    assert sum(len(s) for s in ours) > 3000
    assert parser.decoded - decoded > 0, "some best heads held a cycle: the spanning-tree search ran"


def test_the_head_constraint_repair_gives_stanzas(stanza_runs, parser):
    words, runs = stanza_runs
    repaired, plain = runs[True], runs[False]
    changed = [k for k, (a, b) in enumerate(zip(repaired, plain)) if a != b]
    assert changed, "the repair changed no sentence: this test would check nothing"
    before = parser.resolve
    parser.resolve = True
    try:
        ours = parser.parse([words[k] for k in changed])
    finally:
        parser.resolve = before
    assert _differences(ours, [repaired[k] for k in changed]) == []


def test_batching_does_not_change_the_parse(stanza_runs, parser):
    words, runs = stanza_runs
    few = words[:40]
    together = parser.parse(few)
    assert [parser.parse([s])[0] for s in few] == together


def test_empty_input():
    parser = npparser.Parser.load(MODELS / "depparse.pt", npvocab.load_pretrained(MODELS / "pretrain.pt"))
    assert parser.parse([]) == []
    assert parser.parse([[]]) == [[]]


def _brute_force(scores):
    """The best tree with exactly one word on the root, by scoring every head array."""
    n = len(scores)
    choices = [[h for h in range(n) if h != d] for d in range(1, n)]
    heads = np.array(list(itertools.product(*choices)), dtype=np.int64).reshape(-1, n - 1)
    trees = np.concatenate([np.zeros((len(heads), 1), dtype=np.int64), heads], axis=1)
    reach = trees.copy()
    for _ in range(n):
        reach = np.take_along_axis(trees, reach, axis=1)
    valid = (np.count_nonzero(heads == 0, axis=1) == 1) & np.all(reach == 0, axis=1)
    totals = np.where(valid, scores[np.arange(1, n), heads].sum(axis=1), -np.inf)
    assert np.count_nonzero(totals == totals.max()) == 1, "a tie: the best tree is not one"
    return trees[totals.argmax()]


@pytest.mark.parametrize("seed", range(60))
def test_chu_liu_edmonds_finds_the_best_one_root_tree(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 7)) if seed < 50 else 7          # up to 6 words and the root
    raw = rng.normal(size=(n, n))
    if seed % 2:
        raw[1:, 0] += 2                                      # several words want the root
    for a in range(1, n - 1, 2):
        raw[a, a + 1] += rng.uniform(0, 3)                   # pairs that want each other: cycles
        raw[a + 1, a] += rng.uniform(0, 3)
    np.fill_diagonal(raw, -np.inf)
    scores = raw - np.log(np.exp(raw).sum(axis=1, keepdims=True))
    expected = _brute_force(scores)
    assert np.array_equal(spanning_tree(scores.copy()), expected)
    greedy = greedy_tree(scores.copy())
    assert greedy is None or np.array_equal(greedy, expected)


def test_the_search_leaves_its_scores_alone():
    rng = np.random.default_rng(3)
    scores = rng.normal(size=(6, 6))
    copy = scores.copy()
    spanning_tree(scores)
    assert np.array_equal(scores, copy)


def test_importing_the_parser_does_not_import_torch():
    code = "import quotes.npparser, sys; assert 'torch' not in sys.modules and 'stanza' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
