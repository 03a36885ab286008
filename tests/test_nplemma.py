"""The numpy lemmatizer gives the lemmas of Stanza's lemma processor as the project runs it (fastlemma
installed, results stored), call after call, and leaves the same dictionary behind."""

import copy
import re
import subprocess
import sys
from pathlib import Path

import pytest

import treebanks

TREEBANKS = ("UD_French-GSD/fr_gsd-ud-test.conllu", "UD_French-Sequoia/fr_sequoia-ud-test.conllu")
SENTENCES_PER_CALL = 50

# Names, neologisms and rare forms no dictionary holds, a few with characters the model never saw.
HANDWRITTEN = [
    "Les Zorglubov réinventeraient les déconfinés, a déclaré Ŧhérèse Ãvila-Kœnigsbørg.",
    "Nous reconfinerions volontiers les tiktokeuses désinstagrammées qui procrastinèrent.",
    "« Ils s'autocongratulaient », dit la maire de Trifouillis-les-Oies, Mme Pétronille Grzybowska.",
    "Les réinventeurs ubérisés déconfinés ont gloubiboulgatisé 12,5 % des quinoas bioéthiques.",
    "Elle zorglube, il zorglubait, nous zorglubâmes : la gloubinette défrisotée est partout.",
    "Les déconfinés réinventeraient-ils l'écoconception, demandait Ŧhérèse ?",
]


def _words(sentence):
    return re.findall(r"\w+(?:[-']\w+)*'?|[^\w\s]", sentence)



@pytest.fixture(scope="module")
def stanza_lemma():
    """The project's pipeline: its tagger and its lemma processor, and the lemma dictionary as loaded."""
    from quotes import models

    pipeline = models.load_pipeline(models.resolve(None))
    lemma = pipeline.processors["lemma"]
    assert "skip_seq2seq" in vars(lemma.trainer), "quotes.fastlemma is installed, as the project runs Stanza"
    return pipeline.processors["pos"], lemma, copy.deepcopy(lemma.trainer.pos_dict)


def _fresh(stanza_lemma):
    """Stanza's lemma processor with the file's dictionary again, and a numpy lemmatizer of the same file."""
    from quotes.nplemma import Lemmatizer

    _, processor, initial = stanza_lemma
    processor.trainer.pos_dict = copy.deepcopy(initial)
    return processor, Lemmatizer.load(processor.config["model_path"])


def _document(sentences, tags=None):
    import stanza

    return stanza.Document([
        [{"id": i + 1, "text": w, **({"upos": tags[n][i]} if tags else {})} for i, w in enumerate(words)]
        for n, words in enumerate(sentences)
    ])


def _compare(processor, ours, documents):
    """Each document is one call on both sides; returns how many lemmas and how many model inputs there were."""
    from quotes.fastlemma import IDENTITY

    total = new = 0
    for doc in documents:
        pairs = [(w.text, w.upos) for s in doc.sentences for w in s.words]
        new += len({p for p in pairs if p[1] not in IDENTITY and processor.trainer._lookup(*p) is None})
        processor.process(doc)
        theirs = [w.lemma for s in doc.sentences for w in s.words]
        mine = ours.lemmatize(pairs)
        diffs = [(p, t, m) for p, t, m in zip(pairs, theirs, mine) if t != m]
        assert not diffs, f"{len(diffs)} lemmas differ from Stanza's (pair, Stanza, numpy): {diffs[:10]}"
        assert len(mine) == len(pairs)
        total += len(pairs)
    assert ours.pos_dict == processor.trainer.pos_dict, "the stored results differ"
    return total, new


def _tagged(stanza_lemma, sentences):
    tagger = stanza_lemma[0]
    docs = []
    for start in range(0, len(sentences), SENTENCES_PER_CALL):
        doc = _document(sentences[start:start + SENTENCES_PER_CALL])
        tagger.process(doc)
        docs.append(doc)
    return docs


@pytest.mark.parametrize("treebank", TREEBANKS)
def test_treebank_sentences_get_stanzas_lemmas(stanza_lemma, treebank):
    sentences = treebanks.sentences(treebank, 200)
    processor, ours = _fresh(stanza_lemma)
    total, new = _compare(processor, ours, _tagged(stanza_lemma, sentences))
    assert total > 3000 and new > 50, (total, new)


def test_handwritten_sentences_get_stanzas_lemmas(stanza_lemma):
    sentences = [_words(s) for s in HANDWRITTEN]
    processor, ours = _fresh(stanza_lemma)
    # Twice: the second calls find the first ones' answers stored.
    total, new = _compare(processor, ours, _tagged(stanza_lemma, sentences[:3]) + _tagged(stanza_lemma, sentences)
                          + _tagged(stanza_lemma, sentences))
    assert new >= 15, new


def test_invented_forms_of_every_tag_get_stanzas_lemmas(stanza_lemma):
    """Many model inputs, tags set by hand: made-up variants of dictionary words, some with unseen characters."""
    base = sorted({w for s in treebanks.sentences(TREEBANKS[0], 60) for w in s if len(w) > 2})[:120]
    variants = [
        ["re" + w for w in base],
        [w + "ss" for w in base],
        [w.replace("a", "ã").replace("o", "ø").upper() if i % 3 == 0 else w.replace("e", "ĕ") for i, w in enumerate(base)],
        [w[::-1] * 3 for w in base[:20]],            # long and unlike French: decoding may reach its limit
    ]
    tags = ["NOUN", "VERB", "ADJ", "ADV", "X", "INTJ", "PROPN", "PRON", "DET", "AUX"]
    processor, ours = _fresh(stanza_lemma)
    documents = []
    for n, words in enumerate(variants):
        sentences = [words[i:i + 10] for i in range(0, len(words), 10)]
        sentences.append(sentences[0])               # repeats within the call
        labels = [[tags[(n + i + j) % len(tags)] for j in range(len(s))] for i, s in enumerate(sentences)]
        documents.append(_document(sentences, labels))
    documents.append(_document(sentences, labels))   # a whole call already answered
    total, new = _compare(processor, ours, documents)
    assert new > 300, new


def test_lemmatizer_imports_without_torch():
    code = "import quotes.nplemma, sys; assert 'torch' not in sys.modules, 'torch was imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[1])


def test_unsupported_models_are_refused():
    from quotes import nplemma

    with pytest.raises(ValueError, match="caseless"):
        nplemma._check_supported({"ensemble_dict": True, "pos": True, "copy": True, "attn_type": "soft",
                                  "num_layers": 1, "beam_size": 1, "caseless": True}, {})
