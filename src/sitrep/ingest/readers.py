"""Reading inputs of any supported kind into `RawDocument`s, reporting what cannot be read.

Files are sniffed by content as well as extension (a feed saved as .txt is still a feed); bytes
are decoded as UTF-8 or, failing that, by charset detection with a warning.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from charset_normalizer import from_bytes

from sitrep.ingest.failures import ReadFailure
from sitrep.ingest.html import looks_like_html, read_html
from sitrep.ingest.jsonl import read_jsonl
from sitrep.ingest.rss import looks_like_feed, read_feed
from sitrep.ingest.text import read_text
from sitrep.records import RawDocument

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20_000_000  # per file; a larger page is almost never one article
SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".jsonl", ".ndjson"}
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"\x7fELF")

ReadResult = RawDocument | ReadFailure


def parse_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])


def read_string(
    text: str,
    *,
    published: str | date | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    input_id: str | None = None,
) -> RawDocument:
    """One document from a string of plain text or HTML."""
    reader = read_html if looks_like_html(text) else read_text
    return reader(
        text, published=parse_date(published), outlet=outlet, title=title, url=url,
        source=source, input_id=input_id,
    )


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Text of `data`, with warnings; raises ValueError for binary content."""
    if any(data.startswith(m) for m in _BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise ValueError("binary content (not text, HTML, a feed or JSONL)")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ValueError("undecodable bytes: no text encoding fits")
    return str(best), [f"{source}: not UTF-8; decoded as {best.encoding} (a guess)"]


def read_paths(
    paths: Sequence[str],
    *,
    published: date | None = None,
    outlet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[ReadResult]:
    """Every document in `paths` (files, directories, or `-` for stdin), in a stable order."""
    for path in paths:
        if path == "-":
            yield from _read_bytes(sys.stdin.buffer.read(), "<stdin>", published, outlet, max_bytes)
            continue
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not files:
                yield ReadFailure(path, "directory holds no readable files")
            for f in files:
                yield from _read_file(f, published, outlet, max_bytes)
        elif p.is_file():
            yield from _read_file(p, published, outlet, max_bytes)
        else:
            yield ReadFailure(path, "no such file or directory")


def _read_file(
    path: Path, published: date | None, outlet: str | None, max_bytes: int
) -> Iterator[ReadResult]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield ReadFailure(str(path), f"file is {size:,} bytes, over the limit of {max_bytes:,}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadFailure(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from _read_bytes(data, str(path), published, outlet, max_bytes, path.suffix.lower())


def _read_bytes(
    data: bytes,
    source: str,
    published: date | None,
    outlet: str | None,
    max_bytes: int,
    suffix: str = "",
) -> Iterator[ReadResult]:
    if len(data) > max_bytes:
        yield ReadFailure(source, f"input is {len(data):,} bytes, over the limit of {max_bytes:,}")
        return
    if not data.strip():
        yield ReadFailure(source, "empty input")
        return
    try:
        text, warnings = decode(data, source)
    except ValueError as exc:
        yield ReadFailure(source, str(exc))
        return
    results: Iterator[ReadResult]
    if suffix in (".jsonl", ".ndjson") or (not suffix and text.lstrip().startswith("{")):
        results = read_jsonl(text.splitlines(), source=source, published=published, outlet=outlet)
    elif looks_like_feed(text):
        results = read_feed(text, source=source, outlet=outlet)
    elif suffix in (".html", ".htm", ".xhtml") or looks_like_html(text):
        results = iter([read_html(text, published=published, outlet=outlet, source=source)])
    else:
        results = iter([read_text(text, published=published, outlet=outlet, source=source)])
    for result in results:
        if isinstance(result, RawDocument):
            if not result.text.strip():
                yield ReadFailure(result.source or source, "no article text after cleaning")
                continue
            if warnings:
                result = dataclasses.replace(result, warnings=tuple(warnings) + result.warnings)
        yield result
