"""Shared fixtures: the shared data folder beside the repository, and one pipeline per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The suite tests sitrep as shipped: a village gazetteer someone built into their data directory
# (`sitrep gazetteer build`) would change places, and so results, from one machine to the next.
# Tests of the village gazetteer point SITREP_GAZETTEER at their own build.
os.environ["SITREP_GAZETTEER"] = "off"

from copied_text import SHARED  # noqa: E402 (after the environment is set)

CORPUS = SHARED / "corpus"
DEV_NOTES = SHARED / "data" / "dev" / "acled_notes_dev.jsonl"
EXAMPLE = CORPUS / "almayadeen-2023-12-09-us-drills-syria.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Re-anchor the golden files' evidence offsets and rewrite them canonically "
        "(tests/golden; the hand-coded fields are kept). Review the diff!",
    )


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"the shared data folder is missing: expected it at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():
    from sitrep.pipeline import Pipeline

    return Pipeline(strict=True)


@pytest.fixture(scope="session")
def code(pipeline):
    """Code plain `text` as published on `published` (YYYY-MM-DD): the coded document."""
    from sitrep.ingest.readers import read_string

    return lambda text, published: pipeline(read_string(text, published=published))


@pytest.fixture(scope="session")
def example_doc(pipeline, shared):
    from sitrep.ingest.readers import read_paths

    (raw,) = read_paths([str(EXAMPLE)])
    return pipeline(raw)


@pytest.fixture(scope="session")
def example_path(shared) -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def dev_notes(shared) -> Path:
    return DEV_NOTES
