"""RSS and Atom feeds: one document per entry, entry HTML reduced to text."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from sitrep.ingest.failures import ReadFailure
from sitrep.ingest.html import html_to_text
from sitrep.ingest.text import read_text
from sitrep.records import RawDocument

_DECLARED = re.compile(r"""(\A\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])""")

# Numeric character references: feedparser raises on one that names a surrogate or no character.
_BAD_CHARREF = re.compile(rb"&#(x[0-9a-f]+|[0-9]+);?", re.IGNORECASE)


def _replace_charref(match: re.Match[bytes]) -> bytes:
    ref = match.group(1)
    try:
        code = int(ref[1:], 16) if ref[:1] in (b"x", b"X") else int(ref)
    except ValueError:
        return b"&#xFFFD;"
    valid = 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF
    return match.group(0) if valid else b"&#xFFFD;"


def looks_like_feed(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def read_feed(
    data: str | bytes, *, source: str, outlet: str | None = None
) -> Iterator[RawDocument | ReadFailure]:
    """Each entry with text becomes a document; an entry without text is reported, not dropped."""
    # A stream, never a string: feedparser fetches a string that parses as a URL and opens one
    # that names an existing file, so hostile feed text could make it read disk or network.
    # Text was already decoded, so its declaration must now say UTF-8 (else a cp1256 feed's UTF-8
    # bytes would be decoded a second time as cp1256).
    payload = (
        _DECLARED.sub(r"\1utf-8\2", data, count=1).encode("utf-8", errors="replace")
        if isinstance(data, str)
        else data
    )
    import feedparser  # a twentieth of a second to import: only when a feed is read

    try:
        feed = feedparser.parse(io.BytesIO(_BAD_CHARREF.sub(_replace_charref, payload)))
    except Exception as exc:  # feedparser has its own bugs on hostile input; one feed, one failure
        yield ReadFailure(source, f"not a readable feed: {type(exc).__name__}: {exc}")
        return
    if feed.bozo and not feed.entries:
        yield ReadFailure(source, f"not a readable feed: {feed.get('bozo_exception')}")
        return
    outlet = outlet or _string(feed.feed.get("title"))
    for index, entry in enumerate(feed.entries, start=1):
        where = f"{source}#{index}"
        body = _entry_body(entry)
        text = html_to_text(body) if "<" in body else body
        if not text.strip():
            broken = f" (the feed is malformed: {feed.get('bozo_exception')})" if feed.bozo else ""
            yield ReadFailure(where, f"feed entry has no text{broken}")
            continue
        published = _entry_date(entry)
        raw = read_text(
            text,
            published=published,
            outlet=outlet,
            title=_string(entry.get("title")),
            url=_string(entry.get("link")),
            source=where,
            input_id=_string(entry.get("id")) or _string(entry.get("link")),
        )
        yield raw if raw.text else ReadFailure(where, "feed entry has no text after cleaning")


def _entry_date(entry: Any) -> date | None:
    """The entry's publication (or update) day as feedparser parsed it (UTC), if it is a date."""
    # dict.get: feedparser's own lookup of a missing `updated_parsed` warns and falls back.
    parsed = entry.get("published_parsed") or dict.get(entry, "updated_parsed")
    if not parsed:
        return None
    try:
        return date(parsed[0], parsed[1], parsed[2])
    except (TypeError, ValueError, IndexError):
        return None


def _string(value: Any) -> str | None:
    """A feed field as text: feedparser leaves None (or worse) where broken markup had a value."""
    return value if isinstance(value, str) and value.strip() else None


def _entry_body(entry: Any) -> str:
    """The entry's full content if it has one, else its summary or description."""
    contents = entry.get("content")
    if isinstance(contents, list):
        body = " ".join(v for c in contents if isinstance(v := c.get("value"), str))
        if body.strip():
            return body
    return _string(entry.get("summary")) or _string(entry.get("description")) or ""
