"""RSS and Atom feeds: one document per entry, entry HTML reduced to text."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser

from sitrep.ingest.failures import ReadFailure
from sitrep.ingest.html import html_to_text
from sitrep.ingest.text import read_text
from sitrep.records import RawDocument

_DECLARED = re.compile(r"""(\A\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])""")


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
    payload = _DECLARED.sub(r"\1utf-8\2", data, count=1).encode("utf-8") if isinstance(data, str) else data
    feed = feedparser.parse(io.BytesIO(payload))
    if feed.bozo and not feed.entries:
        yield ReadFailure(source, f"not a readable feed: {feed.get('bozo_exception')}")
        return
    outlet = outlet or feed.feed.get("title")
    for index, entry in enumerate(feed.entries, start=1):
        where = f"{source}#{index}"
        body = ""
        if entry.get("content"):
            body = " ".join(c.get("value", "") for c in entry["content"])
        body = body or entry.get("summary", "") or entry.get("description", "")
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
            title=entry.get("title"),
            url=entry.get("link"),
            source=where,
            input_id=entry.get("id") or entry.get("link"),
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
