"""Reading inputs of any supported kind into `RawDocument`s, reporting what cannot be read.

Files are sniffed by content as well as extension (a feed saved as .txt is still a feed); bytes
are decoded as UTF-8 or, failing that, by charset detection with a warning.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from sitrep.ingest.failures import ReadFailure
from sitrep.ingest.html import looks_like_html, read_html
from sitrep.ingest.jsonl import read_jsonl, read_jsonl_record
from sitrep.ingest.limits import DEFAULT_MAX_BYTES
from sitrep.ingest.rss import looks_like_feed, read_feed
from sitrep.ingest.text import read_text
from sitrep.records import RawDocument

log = logging.getLogger(__name__)

JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUFFIXES = {
    ".txt",
    ".text",
    ".html",
    ".htm",
    ".xhtml",
    ".xml",
    ".rss",
    ".atom",
    ".jsonl",
    ".ndjson",
}
# Signatures of the binary files that end up in news folders, named so the reason says what it was.
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a DOCX/XLSX/EPUB file)",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "an old Microsoft Office document",
    b"{\\rtf": "an RTF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"RIFF": "a RIFF file (WebP image, WAV or AVI)",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"\x1f\x8b": "gzip-compressed data",
    b"\xfd7zXZ\x00": "xz-compressed data",
    b"(\xb5/\xfd": "zstd-compressed data",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!\x1a\x07": "a RAR archive",
    b"\x7fELF": "an executable",
    b"SQLite format 3\x00": "an SQLite database",
    b"ID3": "an MP3 file",
    b"OggS": "an Ogg media file",
    b"\x1aE\xdf\xa3": "a Matroska/WebM video",
    b"\x00\x00\x01\x00": "an icon",
}
# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_DECLARATION = re.compile(
    rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']"""
    rb"""|<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""",
    re.IGNORECASE,
)
_MAX_CONTROL_SHARE = 0.05  # real text has next to no control characters; decoded binary has many

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
        text,
        published=parse_date(published),
        outlet=outlet,
        title=title,
        url=url,
        source=source,
        input_id=input_id,
    )


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Text of `data`, with warnings; raises ValueError, naming the kind, for binary content.

    A byte-order mark decides first, then UTF-8; anything else is a guess by charset-normalizer,
    which the warning says.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked_text(data.decode(encoding)), []
            except UnicodeDecodeError:
                raise ValueError(
                    f"starts with a {encoding} byte-order mark but is not {encoding}"
                ) from None
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ValueError(f"binary content: {kind}, not text, HTML, a feed or JSONL")
    if b"\x00" in data[:8192]:
        raise ValueError("binary content: NUL bytes, not text, HTML, a feed or JSONL")
    try:
        return _checked_text(data.decode("utf-8")), []
    except UnicodeDecodeError:
        pass
    declared = _declared_encoding(data[:2048])
    if declared:
        try:
            return _checked_text(data.decode(declared)), []
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall through to detection
    from charset_normalizer import from_bytes  # only for text that is not UTF-8

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("undecodable bytes: no text encoding fits (binary content?)")
    text = _checked_text(str(best))
    warning = f"{source}: not UTF-8; decoded as {best.encoding} (a guess by charset detection)"
    log.warning("%s", warning)
    return text, [warning]


def _declared_encoding(head: bytes) -> str | None:
    """The encoding an XML declaration or an HTML `<meta>` charset names, if any."""
    m = _DECLARATION.search(head)
    if not m:
        return None
    return (m.group(1) or m.group(2)).decode("ascii").lower()


# C0 controls but tab, newline, form feed and carriage return; DEL and the C1 controls. Counted by
# the regex engine: a character loop in Python cost 0.15 ms a document (issue 18).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _checked_text(text: str) -> str:
    """`text`, unless it is so full of control characters that it must be decoded binary."""
    sample = text[:20_000]
    if sample:
        controls = len(_CONTROL_CHARS.findall(sample))
        if controls / len(sample) > _MAX_CONTROL_SHARE:
            raise ValueError(
                f"binary content: {controls:,} control characters in the first {len(sample):,}"
            )
    return text


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
            # One byte past the limit is enough to know it is over; the rest is never held.
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield from _read_bytes(data, "<stdin>", published, outlet, max_bytes)
            continue
        p = Path(path)
        if p.is_dir():
            files, others = _folder_files(p)
            if others:
                kinds = ", ".join(f"{n} {suffix or 'without extension'}" for suffix, n in others)
                log.warning(
                    "%s: skipped %d file%s of a type sitrep does not read (%s); it reads %s",
                    path,
                    sum(n for _, n in others),
                    "" if sum(n for _, n in others) == 1 else "s",
                    kinds,
                    " ".join(sorted(SUFFIXES)),
                )
            if not files:
                yield ReadFailure(path, "directory holds no readable files")
            for f in files:
                yield from _read_file(f, published, outlet, max_bytes)
        elif p.is_file():
            yield from _read_file(p, published, outlet, max_bytes)
        else:
            yield ReadFailure(path, "no such file or directory")


def _folder_files(folder: Path) -> tuple[list[Path], list[tuple[str, int]]]:
    """The readable files under `folder` in a stable order, and (suffix, count) of the others.

    Hidden files and folders (`.git`, `.DS_Store`) are neither read nor counted.
    """
    files: list[Path] = []
    others: dict[str, int] = {}
    for f in folder.rglob("*"):
        if any(part.startswith(".") for part in f.relative_to(folder).parts) or not f.is_file():
            continue
        suffix = f.suffix.lower()
        if suffix in SUFFIXES:
            files.append(f)
        else:
            others[suffix] = others.get(suffix, 0) + 1
    return sorted(files), sorted(others.items(), key=lambda kv: (-kv[1], kv[0]))


def _read_file(
    path: Path, published: date | None, outlet: str | None, max_bytes: int
) -> Iterator[ReadResult]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, published, outlet, max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield ReadFailure(str(path), f"file is {size:,} bytes, over the limit of {max_bytes:,}")
            return
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # a file that grew since stat() still stops here
    except OSError as exc:
        yield ReadFailure(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from _read_bytes(data, str(path), published, outlet, max_bytes, suffix)


def _read_jsonl_file(
    path: Path, published: date | None, outlet: str | None, max_bytes: int
) -> Iterator[ReadResult]:
    """A JSONL dump streamed line by line: any size of file, each line held at most once and
    limited to `max_bytes`; each bad line is reported by number and the rest still read."""
    source = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield ReadFailure(source, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        head = fh.read(4)
        fh.seek(0)
        if any(head.startswith(bom) for bom, enc in _BOMS if enc != "utf-8-sig"):
            # UTF-16/32 lines cannot be split at a newline byte: read the file whole.
            data = fh.read(max_bytes + 1)
            yield from _read_bytes(data, source, published, outlet, max_bytes, ".jsonl")
            return
        line_no, any_line = 0, False
        while True:
            try:
                line = fh.readline(max_bytes + 1)
            except OSError as exc:
                yield ReadFailure(
                    source, f"cannot read after line {line_no}: {exc.strerror or exc}"
                )
                return
            if not line:
                break
            line_no += 1
            where = f"{source}:{line_no}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of the oversized line without holding it
                yield ReadFailure(where, f"line is over the limit of {max_bytes:,} bytes")
                continue
            if line_no == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if not line.strip():
                continue
            any_line = True
            try:
                text, warnings = decode(line, where)
            except ValueError as exc:
                yield ReadFailure(where, str(exc))
                continue
            result = read_jsonl_record(text, where, published, outlet)
            yield from _checked(result, where, warnings)
        if not any_line:
            yield ReadFailure(source, "empty input")


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
    if suffix in JSONL_SUFFIXES or (not suffix and text.lstrip().startswith("{")):
        # Only "\n" ends a JSONL record: str.splitlines() would also split at U+2028 and other
        # separators that JSON strings may hold raw, breaking good records in two.
        lines = (line.removesuffix("\r") for line in text.split("\n"))
        results = read_jsonl(lines, source=source, published=published, outlet=outlet)
    elif looks_like_feed(text):
        results = read_feed(text, source=source, outlet=outlet)
    elif suffix in (".html", ".htm", ".xhtml") or looks_like_html(text):
        results = iter([read_html(text, published=published, outlet=outlet, source=source)])
    else:
        results = iter([read_text(text, published=published, outlet=outlet, source=source)])
    for result in results:
        yield from _checked(result, source, warnings)


def _checked(result: ReadResult, source: str, warnings: list[str]) -> Iterator[ReadResult]:
    """`result` with the decoding warnings, or a failure if cleaning left it without text."""
    if isinstance(result, RawDocument):
        if not result.text.strip():
            yield ReadFailure(result.source or source, "no article text after cleaning")
            return
        if warnings:
            result = dataclasses.replace(result, warnings=tuple(warnings) + result.warnings)
    yield result
