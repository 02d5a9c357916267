"""Plain-text articles: an optional `date YYYY-MM-DD <title>` header and a `By <outlet>` line.

Every reader ends here, so this is where text is repaired (mojibake), capped in length for the
NLP step and given its language.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from datetime import date

from sitrep.ingest.language import document_language
from sitrep.ingest.limits import MAX_TEXT_CHARS
from sitrep.ingest.normalize import (
    clean_field,
    normalize_text,
    repair_mojibake,
    strip_terminal_escapes,
)
from sitrep.records import RawDocument

_PRE_CUT = 4 * MAX_TEXT_CHARS  # raw text kept before cleaning, which may shrink it
# Relative dates are resolved by date arithmetic from the publication date; a typo such as year
# 9999 or 0001 would overflow it, and no news article is dated outside this range.
EARLIEST_PUBLISHED, LATEST_PUBLISHED = date(1900, 1, 1), date(2100, 12, 31)

# Metadata bounds, within the store's columns (input_id 512, url 2048, outlet 256 characters).
MAX_TITLE_CHARS, MAX_OUTLET_CHARS, MAX_ID_CHARS, MAX_URL_CHARS = 1_000, 200, 500, 2_000
_URL = re.compile(r"[a-z][a-z0-9+.-]*:[^\s\x00-\x1f\x7f]+", re.IGNORECASE)

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
    raw_length = len(text)
    if raw_length > _PRE_CUT:
        text = text[:_PRE_CUT]  # cleaning text that will be cut anyway is wasted work
    text, repaired = repair_mojibake(strip_terminal_escapes(text))
    if repaired:
        warnings.append(repaired)
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
    if published is not None:
        lines = [_without_header(line, published) for line in lines]
    if published is not None and not (EARLIEST_PUBLISHED <= published <= LATEST_PUBLISHED):
        warnings.append(f"publication date {published.isoformat()} is implausible; ignored")
        published = None
    if published is None:
        warnings.append("no publication date: relative dates stay unresolved")
    body = normalize_text("\n".join(lines))
    if len(body) > MAX_TEXT_CHARS or raw_length > _PRE_CUT:
        body = truncate_text(body, MAX_TEXT_CHARS)
        warnings.append(_truncated(len(body), raw_length, MAX_TEXT_CHARS))
    language, not_codable = document_language(body)
    if not_codable:
        warnings.append(not_codable)
    title, outlet, url, input_id = _bounded_metadata(title, outlet, url, input_id, warnings)
    return RawDocument(
        text=body,
        input_id=input_id,
        source=source,
        title=title,
        published=published,
        outlet=outlet,
        url=url,
        warnings=tuple(warnings),
        language=language,
    )


def _without_header(line: str, published: date) -> str:
    """A body line repeating the header's date ("date 2024-06-05 Hurfeish, a town …", "date
    2024-05-31 https://…", left by the tool that saved the page) is metadata: the date goes, and
    a bare address with it; the words after it are text."""
    m = _HEADER.match(line)
    if m is None or m.group(1) != published.isoformat():
        return line
    rest = m.group(2).strip()
    return "" if re.fullmatch(r"\S+://\S*", rest) else rest


def _bounded_metadata(
    title: str | None,
    outlet: str | None,
    url: str | None,
    input_id: str | None,
    warnings: list[str],
) -> tuple[str | None, str | None, str | None, str | None]:
    """Title, outlet, URL and id cleaned and kept within bounds, each change told in `warnings`."""
    title, outlet = clean_field(title), clean_field(outlet)
    if title and len(title) > MAX_TITLE_CHARS:
        warnings.append(f"title cut to {MAX_TITLE_CHARS:,} of its {len(title):,} characters")
        title = title[:MAX_TITLE_CHARS].rstrip()
    if outlet and len(outlet) > MAX_OUTLET_CHARS:
        warnings.append(f"outlet name over {MAX_OUTLET_CHARS} characters; ignored")
        outlet = None
    if url is not None:
        url = url.strip()
        if not _URL.fullmatch(url) or len(url) > MAX_URL_CHARS:
            warnings.append(
                f"URL {url[:60]!r} is not a URL of at most {MAX_URL_CHARS:,} characters; ignored"
            )
            url = None
    cleaned_id = clean_field(input_id)
    if cleaned_id and len(cleaned_id) > MAX_ID_CHARS:
        # A long id (a feed's entry URL) stays unique through the hash of the whole of it.
        digest = hashlib.sha256(cleaned_id.encode("utf-8")).hexdigest()[:16]
        cleaned_id = f"{cleaned_id[: MAX_ID_CHARS - 18]}#{digest}"
    if input_id is not None and cleaned_id != input_id:
        warnings.append(f"id {input_id[:40]!r} cleaned to {(cleaned_id or '')[:40]!r}")
    return title, outlet, url, cleaned_id


def truncate_text(text: str, limit: int) -> str:
    """At most `limit` characters of `text`, cut at a paragraph, sentence or word end if one is
    near the limit (within its last fifth), else exactly at it."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    floor = limit - limit // 5
    for boundary in ("\n", ". ", " "):
        cut = head.rfind(boundary)
        if cut >= floor:
            return head[: cut + (1 if boundary == ". " else 0)].rstrip()
    return head


def cap_length(raw: RawDocument, limit: int = MAX_TEXT_CHARS) -> RawDocument:
    """`raw` with its text cut to `limit` characters (and a warning saying so) if it is longer.

    The readers already cap what they read; this is for `RawDocument`s built by hand, before
    the parse (spaCy refuses text over its `nlp.max_length` and would fail the whole batch).
    """
    if len(raw.text) <= limit:
        return raw
    text = truncate_text(raw.text, limit)
    warning = _truncated(len(text), len(raw.text), limit)
    return dataclasses.replace(raw, text=text, warnings=(*raw.warnings, warning))


def _truncated(kept: int, total: int, limit: int) -> str:
    return (
        f"text truncated to its first {kept:,} characters (of {total:,}) for the NLP step; "
        f"the limit is {limit:,}"
    )
