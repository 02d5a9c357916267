"""JSONL dumps: one document a line (`text` or `html`, optional id/title/published/outlet/url)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from sitrep.ingest.failures import ReadFailure
from sitrep.ingest.html import read_html
from sitrep.ingest.text import read_text
from sitrep.records import RawDocument

_STRING_FIELDS = ("title", "outlet", "url")


def read_jsonl(
    lines: Iterable[str], *, source: str, published: date | None = None, outlet: str | None = None
) -> Iterator[RawDocument | ReadFailure]:
    """Each good line is a document; each bad line is a failure naming its line number."""
    for line_no, line in enumerate(lines, start=1):
        if line.strip():
            yield read_jsonl_record(line, f"{source}:{line_no}", published, outlet)


def read_jsonl_record(
    line: str, where: str, published: date | None = None, outlet: str | None = None
) -> RawDocument | ReadFailure:
    """One JSONL line as a document, or the failure saying what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadFailure(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return ReadFailure(where, "invalid JSON: nested too deeply")
    try:
        raw = _document(record, where, published, outlet)
    except ValueError as exc:
        return ReadFailure(where, str(exc))
    return raw if raw.text else ReadFailure(where, "no article text after cleaning")


def _document(record: Any, where: str, published: date | None, outlet: str | None) -> RawDocument:
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    body, is_html = record.get("text"), False
    if body is None:
        body, is_html = record.get("html"), True
    if not isinstance(body, str) or not body.strip():
        raise ValueError("needs a non-empty string field 'text' or 'html'")
    meta = {}
    for key in _STRING_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"field {key!r} must be a string, got {type(value).__name__}")
        meta[key] = value
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
        raise ValueError(f"field 'id' must be a string or integer, got {type(raw_id).__name__}")
    when = record.get("published")
    if when is not None:
        if not isinstance(when, str):
            raise ValueError("field 'published' must be an ISO date string")
        try:
            published = date.fromisoformat(when[:10])
        except ValueError:
            raise ValueError(f"field 'published' is not an ISO date: {when[:40]!r}") from None
    reader = read_html if is_html else read_text
    return reader(
        body,
        published=published,
        outlet=meta["outlet"] or outlet,
        title=meta["title"],
        url=meta["url"],
        source=where,
        input_id=None if raw_id is None else str(raw_id),
    )
