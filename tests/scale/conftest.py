"""Fixtures for the scale tests: real notes and articles, and the bench helpers on the path."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))  # the non-conflict text generator lives with the benches


@pytest.fixture(scope="session")
def dev_records(shared: Path) -> list[dict]:
    path = shared / "data" / "dev" / "acled_notes_dev.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def corpus_texts(shared: Path) -> dict[str, str]:
    paths = sorted((shared / "corpus").glob("*.txt"))
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


@pytest.fixture(scope="session")
def dev_raws(dev_records: list[dict]):
    from sitrep.records import RawDocument

    return [
        RawDocument(text=r["text"], published=date.fromisoformat(r["published"]), input_id=r["id"])
        for r in dev_records
    ]
