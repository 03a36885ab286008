import os
from pathlib import Path

import numpy  # noqa: F401  (loads the BLAS library the limit below applies to)
import pytest
from hypothesis import settings
from threadpoolctl import threadpool_limits

# The models' matrices are small: one BLAS thread, as the command line and its workers run them
# (with a thread per core, tests beside other work on two cores ran many times slower).
threadpool_limits(1, user_api="blas")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# The scanner properties run 500 examples each in CI; QUOTES_HYPOTHESIS_EXAMPLES overrides.
settings.register_profile("ci", max_examples=int(os.environ.get("QUOTES_HYPOTHESIS_EXAMPLES", "500")), deadline=None)
settings.load_profile("ci")


@pytest.fixture(scope="session")
def grammar():
    from quotes import grammar

    return grammar.load("fr")


@pytest.fixture(scope="session")
def pipeline():
    from quotes.pipeline import Pipeline

    return Pipeline("fr", "stanza")


@pytest.fixture(scope="session")
def torch_pipeline():
    """The pipeline with Stanza's own code running the models (what the numpy runtime must equal)."""
    from quotes.pipeline import Pipeline

    return Pipeline("fr", "stanza-torch")


@pytest.fixture(scope="session")
def seed_texts():
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
