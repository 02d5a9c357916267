"""Fresh databases for the robustness tests: a SQLite file, or a private schema on the machine's
PostgreSQL (127.0.0.1:5432, database `test`, user `postgres`, trust auth), dropped afterwards."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@contextlib.contextmanager
def database(kind: str, tmp_path: Path, name: str) -> Iterator[str]:
    """A fresh SQLite file, or a private schema on the local PostgreSQL (dropped afterwards)."""
    if kind == "sqlite":
        yield str(tmp_path / f"{name}.db")
        return
    try:
        engine = sa.create_engine(PG_SERVER)
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "not reachable"
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 (database test) unreachable: {exc}")
    schema = f"sitrep_crash_{uuid.uuid4().hex[:12]}"
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_SERVER}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()
