"""API fixtures: a test client over a fresh database (SQLite and the real PostgreSQL)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from store_factories import database_url  # noqa: E402


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def shared_db_url(db_kind: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One database per module and dialect, for tests that only read (or write nothing)."""
    with database_url(db_kind, tmp_path_factory.mktemp("api")) as url:
        yield url


@pytest.fixture
def fresh_db_url(db_kind: str, tmp_path: Path) -> Iterator[str]:
    """A database of its own, for tests that write."""
    with database_url(db_kind, tmp_path) as url:
        yield url
