"""The folded tag classifiers give the tags Stanza's own classifiers give."""

import pytest
import stanza
import torch
from stanza.models.common.biaffine import BiaffineScorer

from quotes import fasttag
from quotes.fasttag import _Column, _Folded, _Recorder


@pytest.mark.parametrize("seed", range(5))
def test_a_folded_column_scores_as_the_bilinear_forms(seed):
    torch.manual_seed(seed)
    tags = [6, 15, 5, 8]
    scorers = [BiaffineScorer(100, 50, k) for k in tags]
    for s in scorers:
        torch.nn.init.normal_(s.W_bilin.weight)
        torch.nn.init.normal_(s.W_bilin.bias)
    embedding = torch.nn.Embedding(20, 50)
    recorder = _Recorder(embedding, {})
    column = _Column(scorers, embedding.weight, recorder)
    hid = torch.randn(300, 100)
    ids = torch.randint(0, 20, (300,))
    with torch.no_grad():
        parent = recorder(ids)
        for i, scorer in enumerate(scorers):
            theirs = scorer(hid, parent)
            ours = _Folded(column, i)(hid, parent)
            assert ours.shape == theirs.shape
            assert torch.allclose(ours, theirs, rtol=1e-4, atol=1e-3)
            assert torch.equal(ours.argmax(1), theirs.argmax(1))


def test_a_new_batch_is_scored_afresh():
    torch.manual_seed(0)
    scorer = BiaffineScorer(10, 5, 3)
    torch.nn.init.normal_(scorer.W_bilin.weight)
    embedding = torch.nn.Embedding(4, 5)
    recorder = _Recorder(embedding, {})
    folded = _Folded(_Column([scorer], embedding.weight, recorder), 0)
    with torch.no_grad():
        for n in (7, 7, 12):
            hid, ids = torch.randn(n, 10), torch.randint(0, 4, (n,))
            parent = recorder(ids)
            assert torch.allclose(folded(hid, parent), scorer(hid, parent), atol=1e-4)


# Sentences of our own: agreement in gender and number, persons, tenses, moods, elisions.
SENTENCES = [
    "Les ministres ont déclaré mardi que la réforme serait votée avant l'été.",
    "« Nous ne céderons pas », a-t-elle répondu aux journalistes qui l'attendaient devant la mairie.",
    "Selon la syndicaliste, les salariées de l'usine, inquiètes pour leur avenir, ont voté la grève.",
    "Je pense qu'il faudrait que vous veniez demain, dit-il en souriant à ses voisines.",
    "Elles avaient été prévenues par le préfet, qui leur aurait promis une réponse rapide.",
]


def test_the_folded_tagger_tags_as_stanza_does(torch_pipeline):
    parser = torch_pipeline.parser.pipeline
    assert fasttag.install(parser), "the folded classifiers are installed on CPU"

    def tag():
        docs = parser.bulk_process([stanza.Document([], text=s) for s in SENTENCES])
        return [[(w.upos, w.xpos, w.feats) for s in d.sentences for w in s.words] for d in docs]

    ours = tag()
    assert fasttag.uninstall(parser)
    try:
        theirs = tag()
    finally:
        fasttag.install(parser)
    assert ours == theirs
    assert sum(len(x) for x in ours) > 80
    assert sum(1 for x in ours for _, _, feats in x if feats and "Gender=Fem" in feats) > 5
