"""RSS and Atom feeds: one document per entry, entry HTML reduced to text."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

import feedparser

from sitrep.ingest.failures import ReadFailure
from sitrep.ingest.html import html_to_text
from sitrep.ingest.text import read_text
from sitrep.records import RawDocument


def looks_like_feed(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def read_feed(
    data: str | bytes, *, source: str, outlet: str | None = None
) -> Iterator[RawDocument | ReadFailure]:
    """Each entry with text becomes a document; an entry without text is reported, not dropped."""
    feed = feedparser.parse(data)
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
            yield ReadFailure(where, "feed entry has no text")
            continue
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date.fromtimestamp(time.mktime(parsed)) if parsed else None
        yield read_text(
            text,
            published=published,
            outlet=outlet,
            title=entry.get("title"),
            url=entry.get("link"),
            source=where,
            input_id=entry.get("id") or entry.get("link"),
        )
