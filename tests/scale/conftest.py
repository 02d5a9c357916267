"""Fixtures for the scale tests: real notes and articles, generated non-conflict text, databases."""

from __future__ import annotations

import contextlib
import json
import sys
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))  # the non-conflict text generator lives with the benches

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


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


@contextlib.contextmanager
def postgres_url() -> Iterator[str]:
    """A private schema on the machine's PostgreSQL (dropped afterwards), or a skip."""
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(PG_SERVER)
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "not reachable"
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 unreachable: {exc}")
    schema = f"sitrep_scale_{uuid.uuid4().hex[:12]}"
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_SERVER}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()
