import os
from pathlib import Path

import pytest
from hypothesis import settings

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
def seed_texts():
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
