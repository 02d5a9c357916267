"""Lookup tables built from knowledge files, kept on disk between processes (issue 18).

Building the prefilter's automaton, the actor dictionary and its alias automatons is Python work
over thousands of rows that every process repeated at start (0.1-0.2 s each), and py3langid
decompresses its model (1-2 s) in every process that meets a text not plainly English; a pickle
of the built table loads in a fraction of that. A cached file is named by the sha256 of what the
table is built from: the bytes of the knowledge files it reads, the source of the modules that
build it, the path, size and time of any other file (a library's model), and the sitrep and
Python versions, so an edited CSV or builder is never answered with a stale table (an edited
file just gets a new name; old ones may be deleted).

The files live in `$XDG_CACHE_HOME/sitrep/tables/` (default `~/.cache/sitrep/tables/`), the
user's own cache, like the evaluation's parse cache; `SITREP_TABLE_CACHE=off` builds every time.
A cache that cannot be read or written is skipped (the table is built), never an error.
"""

from __future__ import annotations

import hashlib
import logging
import mmap
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from sitrep.errors import KnowledgeDataError
from sitrep.knowledge.loader import read_bytes

log = logging.getLogger(__name__)

T = TypeVar("T")
ENV = "SITREP_TABLE_CACHE"
_FORMAT = 1  # bump when what a cached file holds changes in a way the sources do not show


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitrep" / "tables"


def enabled() -> bool:
    return os.environ.get(ENV, "").lower() not in ("off", "0", "no", "false")


def table_key(
    name: str, files: Iterable[str], modules: Iterable[str], paths: Iterable[Path] = ()
) -> str:
    """The sha256 of what the table `name` is built from: knowledge files and builder sources by
    content, other files (a library's model) by path, size and modification time."""
    from sitrep import __version__

    digest = hashlib.sha256(f"{name}|{_FORMAT}|{__version__}|{sys.version}".encode())
    for file in files:
        try:
            data = read_bytes(file)
        except KnowledgeDataError:
            data = b"<missing>"
        digest.update(f"|{file}|{len(data)}|".encode())
        digest.update(data)
    for module in modules:
        path = getattr(sys.modules.get(module), "__file__", None)
        digest.update(f"|{module}|".encode())
        digest.update(Path(path).read_bytes() if path else b"<no source>")
    for other in paths:
        stat = other.stat()
        digest.update(f"|{other}|{stat.st_size}|{stat.st_mtime_ns}|".encode())
    return digest.hexdigest()[:32]


def cached_table(
    name: str,
    build: Callable[[], T],
    *,
    files: Iterable[str],
    modules: Iterable[str],
    paths: Iterable[Path] = (),
) -> T:
    """The table `build()` makes, loaded from the disk cache when an identical build is there."""
    return _through_cache(name, build, files, modules, paths, _load_pickle, _write_pickle)


_ALIGN = 64  # each buffer starts at a multiple of this in the side file


def mapped_table(
    name: str,
    build: Callable[[], T],
    *,
    files: Iterable[str],
    modules: Iterable[str],
    paths: Iterable[Path] = (),
) -> T:
    """`cached_table` for a table of large numpy arrays: pickled with their data out of band in a
    side file (`.buffers`) that is memory-mapped on load, so the arrays come back as read-only
    views that read only the pages a lookup touches (processes share them in the page cache)
    instead of being copied in whole (py3langid's model: 68 MB, 0.35-0.45 s to unpickle)."""
    return _through_cache(name, build, files, modules, paths, _load_mapped, _write_mapped)


def _through_cache(
    name: str,
    build: Callable[[], T],
    files: Iterable[str],
    modules: Iterable[str],
    paths: Iterable[Path],
    load: Callable[[str], Any],
    write: Callable[[str, object], None],
) -> T:
    """`build()`'s table read by `load` from the cache files named `stem` (the table's name and
    key), else built and handed to `write`; any cache failure just builds."""
    if not enabled():
        return build()
    try:
        stem = str(cache_dir() / f"{name}-{table_key(name, files, modules, paths)}")
    except OSError as exc:  # a builder module without readable source
        log.debug("table cache: no key for %s (%s)", name, exc)
        return build()
    try:
        table: T = load(stem)
        return table
    except FileNotFoundError:
        pass
    except Exception as exc:  # a truncated or foreign file: build and replace it
        log.debug("table cache: unreadable %s (%s)", stem, exc)
    table = build()
    write(stem, table)
    return table


def _load_pickle(stem: str) -> Any:
    with open(f"{stem}.pickle", "rb") as fh:
        return pickle.load(fh)


def _write_pickle(stem: str, table: object) -> None:
    path = Path(f"{stem}.pickle")
    try:
        _write_bytes(path, [pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)])
    except Exception as exc:  # an unwritable cache, or a table that does not pickle
        log.debug("table cache: not writing %s (%s)", path, exc)


def _load_mapped(stem: str) -> Any:
    head, data = Path(f"{stem}.mapped"), Path(f"{stem}.buffers")
    with head.open("rb") as fh:
        spans, payload = pickle.load(fh)
    buffers: list[memoryview] = []
    if spans:
        with data.open("rb") as fh:
            view = memoryview(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))
        buffers = [view[start : start + size] for start, size in spans]
    return pickle.loads(payload, buffers=buffers)


def _write_mapped(stem: str, table: object) -> None:
    head, data = Path(f"{stem}.mapped"), Path(f"{stem}.buffers")
    try:
        buffers: list[pickle.PickleBuffer] = []
        payload = pickle.dumps(table, protocol=5, buffer_callback=buffers.append)
        spans: list[tuple[int, int]] = []
        chunks: list[bytes | memoryview] = []
        at = 0
        for buffer in buffers:
            raw = buffer.raw()
            pad = -at % _ALIGN
            chunks += [b"\0" * pad, raw]
            spans.append((at + pad, raw.nbytes))
            at += pad + raw.nbytes
        # The buffers first: a reader that finds the head finds its buffers.
        _write_bytes(data, chunks)
        _write_bytes(head, [pickle.dumps((spans, payload), protocol=5)])
    except Exception as exc:  # an unwritable cache, or a table that does not pickle
        log.debug("table cache: not writing %s (%s)", head, exc)


def _write_bytes(path: Path, chunks: list[bytes | memoryview]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
