"""Fresh databases for tests: a SQLite file, or a private schema on the machine's PostgreSQL
(127.0.0.1:5432, database `test`, user `postgres`, trust auth), dropped afterwards.

One module for every test folder (store, api, web, robustness, scale): import it as `databases`
(pytest puts `tests/` on the path for its root conftest).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@contextlib.contextmanager
def database(kind: str, tmp_path: Path | None = None, name: str = "sitrep-test") -> Iterator[str]:
    """The URL of a fresh database of `kind` ("sqlite" or "postgresql"), removed afterwards.

    PostgreSQL that cannot be reached skips the test with a message; it is never mocked.
    """
    if kind == "sqlite":
        assert tmp_path is not None, "a SQLite database needs a folder"
        yield str(tmp_path / f"{name}.db")
        return
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(PG_SERVER)
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "not reachable"
        pytest.skip(
            f"PostgreSQL at 127.0.0.1:5432 (database test, user postgres) unreachable: {exc}"
        )
    schema = f"sitrep_test_{uuid.uuid4().hex[:12]}"
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        # libpq's options parameter sets the search path, so every table lands in the schema.
        yield f"{PG_SERVER}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()
