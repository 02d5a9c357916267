"""Fixtures for the hostile-input tests: the corpus (small files committed, large ones built here)
and a network that refuses every connection and records the attempt."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_inputs  # noqa: E402  (the corpus builder beside this file)


@pytest.fixture(scope="session")
def large_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The large hostile files (150,000-character line, 100,000 nested divs, an 80 MB page)."""
    dest = tmp_path_factory.mktemp("large-inputs")
    make_inputs.build_large(dest)
    return dest


@pytest.fixture(scope="session")
def corpus_paths(large_inputs: Path) -> list[str]:
    return [str(make_inputs.INPUTS), str(large_inputs)]


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every socket connection and name lookup fails, and is recorded: a library that swallows
    the error still shows up in the returned list."""
    attempts: list[str] = []

    def refuse(what: str):
        def blocked(*args, **kwargs):
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise OSError(f"network access blocked in tests: {what}")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts
