"""A private PostgreSQL schema for the scale tests (a module of its own: conftest is not importable
by name when the whole suite runs)."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator

import pytest

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


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
