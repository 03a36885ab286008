"""The numpy runtime's file reader, layers, tagger and documents give what torch and Stanza give."""

import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch

from quotes import models, npdocs, npnet, nptagger, npvocab, ptfile

import treebanks

SHIPPED = models.shipped_dir()

# Sentences of our own: agreement, persons, moods, elisions, names and numbers.
SENTENCES = [
    "Nous avons vu les ouvrières déçues quitter l'usine de Villeneuve avant-hier .",
    "Elle aurait répondu qu' elle ne reviendrait jamais sur cette décision .",
    "Les 42 salariés licenciés réclament 3 500 euros d' indemnités à la direction .",
    "« Je ne lâcherai rien » , a martelé Gwenaëlle Le Bihan devant les caméras .",
    "Vous pourriez nous dire pourquoi ces immeubles ont été évacués ?",
]


def _walk(ours, theirs):
    if isinstance(theirs, torch.Tensor):
        expected = theirs.float().numpy() if theirs.is_floating_point() else theirs.numpy()
        assert isinstance(ours, np.ndarray) and ours.shape == expected.shape
        assert np.array_equal(ours, expected)
        return 1
    if isinstance(theirs, dict):
        assert set(ours) == set(theirs)
        return sum(_walk(ours[k], theirs[k]) for k in theirs)
    if isinstance(theirs, (list, tuple)):
        assert len(ours) == len(theirs)
        return sum(_walk(a, b) for a, b in zip(ours, theirs))
    assert ours == theirs
    return 0


@pytest.mark.parametrize("name", ["pos", "depparse", "lemma", "pretrain"])
def test_the_file_reader_gives_what_torch_load_gives(name):
    path = SHIPPED / models.FILES[name]
    assert _walk(ptfile.load(path), torch.load(path, map_location="cpu", weights_only=False)) > 0


def test_the_file_reader_reads_both_of_torchs_layouts(tmp_path):
    value = {"w": torch.arange(6, dtype=torch.float32).view(2, 3).t(), "n": [1, "a"]}
    for legacy in (False, True):
        path = tmp_path / f"m{legacy}.pt"
        torch.save(value, path, _use_new_zipfile_serialization=not legacy)
        assert zipfile.is_zipfile(path) is not legacy
        out = ptfile.load(path)
        assert np.array_equal(out["w"], value["w"].numpy()) and out["n"] == [1, "a"]


def test_the_file_reader_refuses_a_class_it_does_not_know(tmp_path):
    path = tmp_path / "odd.pt"
    torch.save({"x": Path("/tmp")}, path)
    with pytest.raises(ptfile.ModelFileError, match=r"odd\.pt.*pathlib"):
        ptfile.load(path)
    (tmp_path / "junk.pt").write_bytes(b"not a model")
    with pytest.raises(ptfile.ModelFileError, match="junk.pt"):
        ptfile.load(tmp_path / "junk.pt")


def test_the_highway_lstm_computes_stanzas():
    from stanza.models.common.hlstm import HighwayLSTM

    torch.manual_seed(3)
    layer = HighwayLSTM(30, 20, num_layers=2, bidirectional=True, pad=True, batch_first=True,
                        highway_func=torch.tanh).eval()
    for p in layer.parameters():
        p.data.normal_(0, 0.3)
    h_init, c_init = torch.randn(4, 1, 20), torch.randn(4, 1, 20)
    lengths = [9, 7, 7, 3, 1]
    x = torch.randn(5, 9, 30)
    with torch.no_grad():
        theirs, _ = layer(x, lengths, hx=(h_init.expand(4, 5, 20).contiguous(), c_init.expand(4, 5, 20).contiguous()))
    weights = {k: v.numpy() for k, v in layer.state_dict().items()}
    shuffled = np.array([2, 0, 4, 1, 3])       # sequences in any order
    ours = npnet.highway_lstm(x.numpy()[shuffled], np.array(lengths)[shuffled], weights, "", 2,
                              h_init.numpy(), c_init.numpy())
    mask = np.arange(9)[None, :] < np.array(lengths)[shuffled][:, None]
    assert np.allclose(ours[mask], theirs.numpy()[shuffled][mask], atol=1e-5)
    assert not ours[~mask].any()


def test_the_character_vectors_are_stanzas():
    pipeline = models.load_pipeline(models.resolve(None), no_ssplit=True)
    charmodel = pipeline.processors["pos"].trainer.model.charmodel
    tagger = nptagger.Tagger.load(SHIPPED / "pos.pt", npvocab.load_pretrained(SHIPPED / "pretrain.pt"))
    words = "Les salariés licenciés réclament 3 500 euros d' indemnités à Gwenaëlle".split()
    ids = [tagger.vocab["char"].map(list(w)) for w in words]
    ours = npnet.char_vectors(ids, tagger.w, "charmodel.")
    order = sorted(range(len(words)), key=lambda k: -len(ids[k]))
    lengths = [len(ids[k]) for k in order]
    padded = torch.zeros(len(words), lengths[0], dtype=torch.long)
    for row, k in enumerate(order):
        padded[row, : len(ids[k])] = torch.tensor(ids[k])
    from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

    with torch.no_grad():
        hx = tuple(p.expand(1, len(words), -1).contiguous() for p in (charmodel.charlstm_h_init, charmodel.charlstm_c_init))
        out = charmodel.charlstm(pack_padded_sequence(charmodel.char_emb(padded), lengths, batch_first=True), lengths, hx=hx)[0]
        weighted = PackedSequence(out.data * torch.sigmoid(charmodel.char_attn(out.data)), out.batch_sizes)
        theirs = pad_packed_sequence(weighted, batch_first=True)[0].sum(1).numpy()
    assert np.allclose(ours[order], theirs, atol=1e-5)



def test_the_numpy_tagger_gives_stanzas_tags():
    from stanza.models.common.doc import Document

    sentences = [s.split() for s in SENTENCES] + treebanks.sentences(treebanks.GSD_TEST, 200)
    pipeline = models.load_pipeline(models.resolve(None), no_ssplit=True)
    docs = pipeline.bulk_process([Document([[{"id": k, "text": w} for k, w in enumerate(s, 1)]]) for s in sentences],
                                 processors=["pos"])
    theirs = [[(w.upos, w.xpos, w.feats) for w in d.sentences[0].words] for d in docs]
    tagger = nptagger.Tagger.load(SHIPPED / "pos.pt", npvocab.load_pretrained(SHIPPED / "pretrain.pt"))
    ours = tagger.tag(sentences[:3]) + tagger.tag(sentences[3:])     # two calls: the cache carries over
    assert sum(len(s) for s in sentences) > 4000
    assert ours == theirs


def test_a_tagger_of_another_architecture_is_refused(tmp_path):
    checkpoint = torch.load(SHIPPED / "pos.pt", map_location="cpu", weights_only=False)
    checkpoint["config"]["charlm"] = True
    torch.save(checkpoint, tmp_path / "pos.pt")
    with pytest.raises(nptagger.UnsupportedModel, match="character language model"):
        nptagger.Tagger.load(tmp_path / "pos.pt", None)


def test_documents_read_stanzas_entries_as_stanza_does():
    from stanza.models.common.doc import Document as StanzaDocument

    entries = [[{"id": 1, "text": "Il", "start_char": 0, "end_char": 2},
                {"id": (2, 3), "text": "du", "start_char": 3, "end_char": 5},
                {"id": 2, "text": "de", "lemma": "de", "upos": "ADP"},
                {"id": 3, "text": "le", "upos": "DET", "feats": "Definite=Def"},
                {"id": 4, "text": "pain", "start_char": 6, "end_char": 10}]]

    def read(doc):
        return [[(t.id, t.text, t.start_char, t.end_char,
                  [(w.id, w.text, w.lemma, w.upos, w.feats) for w in t.words]) for t in s.tokens] for s in doc.sentences]

    ours, theirs = npdocs.Document(entries, text="Il du pain"), StanzaDocument(entries, text="Il du pain")
    assert read(ours) == read(theirs)
    # written back and read again, as the cut of "des" does
    assert read(npdocs.Document(ours.to_dict())) == read(StanzaDocument(theirs.to_dict()))


def test_the_runtime_modules_import_without_torch():
    code = "import quotes.nptagger, quotes.npdocs, quotes.ptfile, sys; assert 'torch' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
