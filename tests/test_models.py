"""The shipped Stanza models load and parse with the network blocked."""

import os
import socket
import subprocess
import sys

import pytest

from quotes import models
from quotes.errors import ModelError
from quotes.model import Span
from quotes.parsing import StanzaParser

SENTENCE = ("Selon RIA Novosti, le 30 novembre, le ministre russe de la Défense Andreï Belousov a déclaré que "
            "la ratification du Traité confirme l'intérêt des deux pays.")


@pytest.fixture
def offline(monkeypatch, tmp_path):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted during an offline test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.delenv("QUOTES_STANZA_DIR", raising=False)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "no-official-models"))


def test_shipped_pipeline_parses_a_seed_sentence_offline(offline):
    source = models.resolve()
    assert source.origin == "shipped"
    parser = StanzaParser()
    (unit,) = parser.parse([Span(0, len(SENTENCE), SENTENCE)])
    words = [w for s in unit.sentences for w in s.words]
    sentence = next(s for s in unit.sentences if any(w.text == "déclaré" for w in s.words))
    verb = next(w for w in sentence.words if w.text == "déclaré")
    assert verb.lemma == "déclarer" and verb.upos == "VERB"
    subjects = [w for w in sentence.children(verb.id) if w.deprel == "nsubj"]
    assert subjects, [(w.text, w.deprel, w.head) for w in words]
    subtree = " ".join(w.text for w in sentence.subtree(subjects[0].id))
    assert "Belousov" in subtree
    assert all(SENTENCE[w.start:w.end] for w in words)


def test_user_folder_missing_a_model_is_a_model_error(tmp_path):
    (tmp_path / "tokenize.pt").write_bytes(b"")
    with pytest.raises(ModelError, match="lacks"):
        models.resolve(str(tmp_path))


def test_missing_user_folder(tmp_path):
    with pytest.raises(ModelError, match="does not exist"):
        models.resolve(str(tmp_path / "nope"))


def test_models_command_names_the_models_and_their_scores(tmp_path):
    env = {"STANZA_RESOURCES_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "quotes.cli", "models"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("shipped models in")
    assert "LAS" in result.stdout
    assert "run by numpy" in result.stdout


def _run_fresh(code: str, tmp_path) -> None:
    """Run `code` in a new interpreter (what a process imports is the point), with no
    models but the shipped ones; its assertions fail the test with its traceback."""
    env = {"STANZA_RESOURCES_DIR": str(tmp_path), "PATH": "/usr/bin:/bin",
           **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"}}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]


def test_loading_the_pipeline_does_not_import_torchs_compiler(tmp_path):
    # Stanza builds optimizers it never uses at prediction time; their first method
    # call would import torch._dynamo, a second or more of every start-up.
    code = (
        "import sys\n"
        "from torch.optim import Optimizer\n"
        "from quotes.parsing import StanzaParser\n"
        "from quotes.model import Span\n"
        "parser = StanzaParser(runtime='torch')\n"
        "text = 'Le ministre a déclaré que la guerre était finie.'\n"
        "(unit,) = parser.parse([Span(0, len(text), text)])\n"
        "assert any(w.lemma == 'déclarer' for s in unit.sentences for w in s.words)\n"
        "assert 'torch._dynamo' not in sys.modules, 'compiler imported'\n"
        "assert not hasattr(Optimizer.add_param_group.__wrapped__, '__dynamo_disable'), 'wrappers not restored'\n"
    )
    _run_fresh(code, tmp_path)


def test_loading_the_pipeline_skips_stanzas_notebook_probe_and_leaves_ipython_importable(tmp_path):
    pytest.importorskip("IPython")
    code = (
        "import sys\n"
        "from quotes import models\n"
        "models.load_pipeline(models.resolve(None), no_ssplit=True)\n"
        "assert 'IPython' not in sys.modules, 'IPython imported, or its block left behind'\n"
        "import IPython\n"
    )
    _run_fresh(code, tmp_path)


def test_meta_kernels_wait_for_first_use_in_a_pipeline_process(tmp_path):
    code = (
        "import sys\n"
        "from quotes import models\n"
        "models.defer_meta_kernels()\n"
        "from quotes.parsing import StanzaParser\n"
        "from quotes.model import Span\n"
        "text = 'Le ministre a déclaré que la réforme serait votée.'\n"
        "(unit,) = StanzaParser(runtime='torch').parse([Span(0, len(text), text)])\n"
        "assert [w.deprel for w in unit.sentences[0].words][:3] == ['det', 'nsubj', 'aux:tense'], unit\n"
        "stand_in = sys.modules['torch._meta_registrations']\n"
        "assert type(stand_in).__name__ == '_OnFirstUse', 'meta kernels registered at import'\n"
        "import torch\n"
        "assert torch.empty(3, 4, device='meta').sum(0).shape == (4,)\n"
        "assert callable(stand_in.meta_index_Tensor)\n"
        "assert type(sys.modules['torch._meta_registrations']).__name__ == 'module'\n"
        "models.defer_meta_kernels()\n"
        "assert type(sys.modules['torch._meta_registrations']).__name__ == 'module', 'bound after torch loaded'\n"
    )
    _run_fresh(code, tmp_path)


def test_modules_the_pipeline_never_uses_wait_for_first_use_in_a_pipeline_process(tmp_path):
    code = (
        "import sys\n"
        "from quotes import runner\n"
        "from quotes.model import Document\n"
        "pipeline = runner.load_for_process(runner.Settings(), 1)\n"
        "(quotes,) = pipeline.process_batch([Document('d', '« Nous partirons demain », a déclaré Jean Dupont.')])\n"
        "assert [q.speaker.name for q in quotes] == ['Jean Dupont'], quotes\n"
        "for name in ('requests', 'emoji'):\n"
        "    assert type(sys.modules[name]).__name__ == '_OnFirstUse', name + ' imported at start'\n"
        "import requests\n"
        "assert requests.Session().headers, 'the stand-in imports requests on first use'\n"
        "assert type(sys.modules['requests']).__name__ == 'module'\n"
    )
    _run_fresh(code, tmp_path)


def _weights(pipeline) -> dict:
    import torch

    out = {}
    for name, processor in pipeline.processors.items():
        trainer = getattr(processor, "_trainer", None)
        for attr, module in vars(trainer).items() if trainer is not None else ():
            if isinstance(module, torch.nn.Module):
                for key, tensor in [*module.named_parameters(), *module.named_buffers()]:
                    out[f"{name}.{attr}.{key}"] = tensor.detach().clone()
    return out


def test_every_weight_of_the_shipped_models_comes_from_their_files(offline, monkeypatch):
    # The shipped models load without drawing random starting weights; that is
    # exact only while every tensor they use is read from a file.
    import contextlib

    import torch

    source = models.resolve()
    assert source.origin == "shipped"
    torch.manual_seed(1)
    skipped = _weights(models.load_pipeline(source, no_ssplit=True))
    assert torch.Tensor.uniform_(torch.zeros(50), 1.0, 2.0).min() >= 1.0, "random draws not restored after the load"
    monkeypatch.setattr(models, "_no_random_init", contextlib.nullcontext)
    torch.manual_seed(2)
    drawn = _weights(models.load_pipeline(source, no_ssplit=True))
    assert len(drawn) > 150 and drawn.keys() == skipped.keys()
    assert [key for key in drawn if not torch.equal(drawn[key], skipped[key])] == []


def test_the_command_lines_process_runs_the_shipped_models_without_torch(tmp_path):
    code = (
        "import sys\n"
        "from quotes import runner\n"
        "from quotes.model import Document\n"
        "pipeline = runner.load_for_process(runner.Settings(), 1)\n"
        "(quotes,) = pipeline.process_batch([Document('d', 'Le ministre a déclaré que la réforme serait votée.')])\n"
        "assert [q.speaker.mention.text for q in quotes] == ['Le ministre'], quotes\n"
        "assert 'torch' not in sys.modules and 'stanza' not in sys.modules, 'torch or Stanza imported'\n"
        "from threadpoolctl import threadpool_info\n"
        "assert {p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas'} == {1}\n"
    )
    _run_fresh(code, tmp_path)


def test_a_model_the_numpy_runtime_does_not_implement_runs_in_stanza(tmp_path):
    import shutil

    import torch

    for name in models.FILES.values():
        shutil.copy(models.shipped_dir() / name, tmp_path / name)
    checkpoint = torch.load(tmp_path / "lemma.pt", map_location="cpu", weights_only=False)
    checkpoint["config"]["beam_size"] = 2          # Stanza decodes with a beam; the numpy runtime does not
    torch.save(checkpoint, tmp_path / "lemma.pt")
    parser = StanzaParser(str(tmp_path))
    assert parser.runtime is None and parser.pipeline is not None
    (unit,) = parser.parse([Span(0, len(SENTENCE), SENTENCE)])
    assert any(w.lemma == "déclarer" for s in unit.sentences for w in s.words)
    shipped = StanzaParser()
    assert shipped.runtime is not None and shipped.pipeline is None
