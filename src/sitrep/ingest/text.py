"""Plain-text articles: an optional `date YYYY-MM-DD <title>` header and a `By <outlet>` line."""

from __future__ import annotations

import re
from datetime import date

from sitrep.ingest.normalize import normalize_text
from sitrep.records import RawDocument

_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*By\s+(.{2,80}?)\s*$")


def read_text(
    text: str,
    *,
    published: date | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    input_id: str | None = None,
) -> RawDocument:
    """A `RawDocument` from plain text; the header and byline are metadata, not article text."""
    warnings: list[str] = []
    lines = text.replace("\r\n", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and (m := _HEADER.match(lines[0])):
        try:
            published = published or date.fromisoformat(m.group(1))
        except ValueError:
            warnings.append(f"header date {m.group(1)!r} is not a valid date")
        title = title or m.group(2).strip() or None
        lines.pop(0)
        while lines and not lines[0].strip():
            lines.pop(0)
    if lines and (m := _BYLINE.match(lines[0])):
        outlet = outlet or m.group(1)
        lines.pop(0)
    if published is None:
        warnings.append("no publication date: relative dates stay unresolved")
    return RawDocument(
        text=normalize_text("\n".join(lines)),
        input_id=input_id,
        source=source,
        title=title,
        published=published,
        outlet=outlet,
        url=url,
        warnings=tuple(warnings),
    )
