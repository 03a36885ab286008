"""Where the Stanza French models come from, and loading them with no network.

Resolution order: a folder the user names (`--stanza-dir`, `QUOTES_STANZA_DIR`),
then official French models already in STANZA_RESOURCES_DIR, then the models
shipped inside this package.  Nothing is ever downloaded.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import json
import os
import sys
import types
from importlib import resources
from pathlib import Path

import attrs

from .errors import ModelError

PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
# File names inside a project-made model folder (training/train.py writes them).
FILES = {
    "tokenize": "tokenize.pt",
    "mwt": "mwt.pt",
    "pos": "pos.pt",
    "lemma": "lemma.pt",
    "depparse": "depparse.pt",
    "pretrain": "pretrain.pt",
}


@attrs.frozen
class ModelSource:
    origin: str            # "user", "official" or "shipped"
    path: Path
    scores: dict = attrs.field(factory=dict)

    def describe(self) -> str:
        return f"{self.origin} models in {self.path}"


def shipped_dir() -> Path:
    return Path(str(resources.files("quotes") / "resources" / "stanza" / "fr"))


def _complete(folder: Path) -> list[str]:
    return [name for name in FILES.values() if not (folder / name).is_file()]


def _official_dir() -> Path | None:
    root = Path(os.environ.get("STANZA_RESOURCES_DIR", Path.home() / "stanza_resources"))
    if (root / "resources.json").is_file() and (root / "fr" / "depparse").is_dir():
        return root
    return None


def resolve(stanza_dir: str | os.PathLike | None = None) -> ModelSource:
    explicit = stanza_dir or os.environ.get("QUOTES_STANZA_DIR")
    if explicit:
        folder = Path(explicit)
        if not folder.is_dir():
            raise ModelError(f"{folder}: Stanza model folder does not exist")
        missing = _complete(folder)
        if missing:
            raise ModelError(f"{folder}: Stanza model folder lacks {', '.join(missing)}")
        return ModelSource("user", folder, _scores(folder))
    official = _official_dir()
    if official is not None:
        return ModelSource("official", official)
    folder = shipped_dir()
    missing = _complete(folder)
    if missing:
        raise ModelError(f"{folder}: the shipped models are missing ({', '.join(missing)}); reinstall quotes or pass --stanza-dir")
    return ModelSource("shipped", folder, _scores(folder))


def _scores(folder: Path) -> dict:
    path = folder / "scores.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@contextlib.contextmanager
def _no_compiler_import():
    """Stanza's tokenizer, tagger and parser build optimizers even to predict.  Torch
    wraps an optimizer's methods so that its compiler (torch._dynamo) leaves them
    alone, and the first call imports that compiler: a second or more of start-up,
    for objects that are never used.  While the pipeline loads, the wrappers find
    their answer cached (the plain method); afterwards they are as before."""
    try:
        from torch.optim import Optimizer
    except ImportError:  # pragma: no cover - torch comes with stanza
        yield
        return
    primed = []
    for attr in vars(Optimizer).values():
        wrapped = getattr(attr, "__wrapped__", None)
        code = getattr(attr, "__code__", None)
        if wrapped is None or code is None or code.co_name != "inner" or not code.co_filename.endswith("_compile.py"):
            continue
        if getattr(wrapped, "__dynamo_disable", None) is None:
            wrapped.__dynamo_disable = wrapped
            primed.append(wrapped)
    try:
        yield
    finally:
        for wrapped in primed:
            if getattr(wrapped, "__dynamo_disable", None) is wrapped:
                del wrapped.__dynamo_disable


@contextlib.contextmanager
def _no_notebook_probe():
    """Importing stanza imports IPython, only to ask whether it runs in a notebook
    (to choose a progress bar): about 0.4 s of CPU at every start, and in each
    worker.  Outside a notebook, where IPython is not imported already, the
    import is answered 'not installed' while stanza loads: the answer the probe
    needs.  Inside one, IPython is there and nothing changes."""
    if "IPython" in sys.modules:
        yield
        return
    sys.modules["IPython"] = None  # makes `import IPython` raise ImportError
    try:
        yield
    finally:
        if "IPython" in sys.modules and sys.modules["IPython"] is None:
            del sys.modules["IPython"]


class _OnFirstUse(types.ModuleType):
    """Stands in sys.modules for a module not imported yet; the first name asked
    of it imports the module and takes on its names.  (importlib's LazyLoader
    cannot do this on Python 3.11: `import x` asks x for __spec__, which loads it.)"""

    def __getattr__(self, name):
        # Probes of a module's dunders (inspect.getmodule asks every module for
        # __file__, torch does it while it imports) are no use of it; __path__ is
        # asked by an import of a submodule, which is.
        if name.startswith("__") and name.endswith("__") and name != "__path__":
            raise AttributeError(name)
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        self.__dict__.update(vars(real))
        return getattr(real, name)


def _bind_stand_in(name: str) -> None:
    stand_in = _OnFirstUse(name)
    stand_in.__spec__ = None
    sys.modules[name] = stand_in


@contextlib.contextmanager
def _lazy_graph_library():
    """Stanza imports networkx at start, for enhanced dependency graphs this
    project never builds: 0.25 s of CPU at every start and in each worker.  While
    stanza loads, the name is bound to a stand-in that imports networkx when one
    of its names is first used."""
    if "networkx" not in sys.modules and importlib.util.find_spec("networkx") is not None:
        _bind_stand_in("networkx")
    yield


# Modules Stanza imports at start for what the extractor never does: `requests`
# for downloads and the CoreNLP client (download_method=None here), `emoji` for
# its language identifier.  0.09 s of every start, in a pipeline process only
# (`defer_unused_imports`): a program that imports the library may read a dunder
# such as `requests.__version__`, which a stand-in does not answer.
UNUSED_BY_THE_PIPELINE = ("requests", "emoji")


def defer_unused_imports() -> None:
    """For a process that runs the pipeline and nothing else: the modules of
    UNUSED_BY_THE_PIPELINE not imported yet are bound to stand-ins that import
    them when one of their names is first used."""
    for name in UNUSED_BY_THE_PIPELINE:
        if name not in sys.modules and importlib.util.find_spec(name) is not None:
            _bind_stand_in(name)


def defer_meta_kernels() -> None:
    """For a process that runs the pipeline and nothing else: the command line
    and its workers, not a program that imports the library.  `import torch`
    registers torch's Python meta kernels, the shapes-only versions of its
    operators that tracing and compiling use (fake tensors, torch.compile,
    torch.export) and eager inference on the CPU never calls: a third of the
    import, 0.5 s at every start and in each worker.  Before torch is imported,
    the module is bound to a stand-in that imports it, registrations and all,
    when one of its names is first used."""
    name = "torch._meta_registrations"
    if "torch" in sys.modules or name in sys.modules:
        return
    _bind_stand_in(name)


@contextlib.contextmanager
def _trusted_files(folder: Path):
    """Stanza reads every model with torch's weights-only unpickler, a Python loop
    that takes 0.4 s over the 60,000-word vocabulary of the word vectors alone
    (0.04 s with the C unpickler).  The files in the package are the project's
    own (training/ writes them): while the pipeline loads, files inside `folder`
    are read with the C unpickler; any other file, and any other folder, as
    before."""
    import torch

    original = torch.load
    root = folder.resolve()

    def load(f, *args, **kwargs):
        if isinstance(f, (str, os.PathLike)) and Path(f).resolve().parent == root:
            kwargs["weights_only"] = False
        return original(f, *args, **kwargs)

    torch.load = load
    try:
        yield
    finally:
        torch.load = original


@contextlib.contextmanager
def _no_random_init():
    """Building a model draws random starting weights for every layer (0.06 s of
    start-up in each process, most of it in the LSTMs), which the saved weights
    then replace.  Every tensor of the shipped models comes from their files (the
    same after loads under different seeds, tests/test_models.py), so while they
    load, the draws leave the memory as it is.  Other models are loaded as before:
    one of them may keep a drawn weight that no file holds."""
    import torch

    drawn = {name: getattr(torch.Tensor, name) for name in ("uniform_", "normal_")}
    for name in drawn:
        setattr(torch.Tensor, name, lambda self, *args, **kwargs: self)
    try:
        yield
    finally:
        for name, method in drawn.items():
            setattr(torch.Tensor, name, method)


def load_numpy_runtime(source: ModelSource):
    """The folder's models run by numpy (quotes.npruntime), or None where one of them has an
    architecture the numpy layers do not implement (Stanza runs them then)."""
    return _numpy_runtime(source)[0]


def runtime_of(source: ModelSource) -> str:
    """What runs the folder's models with `--parser stanza`, in words: numpy, or Stanza and why."""
    refused = _numpy_runtime(source)[1]
    return f"Stanza ({refused})" if refused else "numpy, without torch (--parser stanza-torch: Stanza's code)"


def _numpy_runtime(source: ModelSource):
    """(the runtime, None), or (None, why Stanza runs the folder).  Official models keep
    Stanza's own file layout and are left to Stanza."""
    if source.origin == "official":
        return None, "official models keep Stanza's layout"
    from . import npruntime
    from .npnet import UnsupportedModel

    try:
        return npruntime.Runtime.load(source.path, FILES), None
    except UnsupportedModel as exc:
        return None, str(exc)


def load_pipeline(source: ModelSource, use_gpu: bool = False, no_ssplit: bool = False):
    """A stanza.Pipeline over `source`, built with download_method=None."""
    import logging

    with _no_notebook_probe(), _lazy_graph_library():
        import stanza

    logging.getLogger("stanza").setLevel(logging.ERROR)
    shipped = source.origin == "shipped"
    trusted = _trusted_files(source.path) if shipped else contextlib.nullcontext()
    drawn = _no_random_init() if shipped else contextlib.nullcontext()
    try:
        with _no_compiler_import(), trusted, drawn:
            pipeline = _stanza_pipeline(stanza, source, use_gpu, no_ssplit)
    except ModelError:
        raise
    except Exception as exc:  # stanza raises many kinds; name the folder
        raise ModelError(f"{source.path}: could not load the Stanza models: {exc}") from exc
    from . import fastlemma, padding, vocabcache

    fastlemma.install(pipeline)
    vocabcache.install(pipeline)
    padding.install()
    if not use_gpu:
        from . import charcache, fastparse, fasttag

        fastparse.install(pipeline)
        fasttag.install(pipeline)
        charcache.install(pipeline)
    return pipeline


def _stanza_pipeline(stanza, source: ModelSource, use_gpu: bool, no_ssplit: bool):
    # lemma_store_results: a word the lemma dictionary lacks goes through the
    # character model once per process; its lemma, which depends on the word and
    # its tag alone, is then looked up like the dictionary's own words.
    if source.origin == "official":
        return stanza.Pipeline(
            "fr", dir=str(source.path), processors=",".join(PROCESSORS),
            download_method=None, use_gpu=use_gpu, logging_level="ERROR", tokenize_no_ssplit=no_ssplit,
            lemma_store_results=True,
        )
    folder = source.path
    index = folder / "resources.json"
    if not index.is_file():
        index = shipped_dir() / "resources.json"
    return stanza.Pipeline(
        "fr",
        dir=str(folder),
        resources_filepath=str(index),
        allow_unknown_language=True,
        processors={p: "default" for p in PROCESSORS},
        download_method=None,
        use_gpu=use_gpu,
        logging_level="ERROR",
        tokenize_no_ssplit=no_ssplit,
        lemma_store_results=True,
        tokenize_model_path=str(folder / FILES["tokenize"]),
        mwt_model_path=str(folder / FILES["mwt"]),
        pos_model_path=str(folder / FILES["pos"]),
        pos_pretrain_path=str(folder / FILES["pretrain"]),
        lemma_model_path=str(folder / FILES["lemma"]),
        depparse_model_path=str(folder / FILES["depparse"]),
        depparse_pretrain_path=str(folder / FILES["pretrain"]),
    )
