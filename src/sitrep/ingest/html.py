"""HTML pages: main text, title, date and site name via trafilatura (no network)."""

from __future__ import annotations

import dataclasses
import logging
import re
from datetime import date
from html.parser import HTMLParser
from typing import Any

from sitrep.ingest.limits import MAX_HTML_ELEMENTS
from sitrep.ingest.text import read_text
from sitrep.records import RawDocument

log = logging.getLogger(__name__)


_OPEN_TAG = re.compile(r"<[a-zA-Z]")


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or any(
        tag in head for tag in ("<body", "<article", "<p>", "<div", "<head")
    )


def read_html(
    html: str,
    *,
    published: date | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    input_id: str | None = None,
) -> RawDocument:
    """A `RawDocument` from an HTML page; falls back to the page's visible text."""
    warnings: list[str] = []
    extracted: Any = None  # a trafilatura Document (its type is not exported)
    elements = len(_OPEN_TAG.findall(html))
    if elements > MAX_HTML_ELEMENTS:
        warnings.append(
            f"page has {elements:,} elements, over the {MAX_HTML_ELEMENTS:,} main-text extraction "
            "handles in reasonable time; used its visible text"
        )
    else:
        import trafilatura  # a fifth of a second to import: only for pages

        try:
            extracted = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=False
            )
        except Exception as exc:  # trafilatura raises assorted errors on broken markup
            warnings.append(
                f"main-text extraction failed ({type(exc).__name__}); used visible text"
            )
    if extracted is not None and extracted.text:
        body = extracted.text
        title = title or extracted.title
        outlet = outlet or extracted.sitename
        if published is None and extracted.date:
            try:
                published = date.fromisoformat(extracted.date[:10])
            except ValueError:
                warnings.append(f"page date {extracted.date!r} not understood")
        if title and body.startswith(title + "\n"):
            body = body[len(title) + 1 :]  # the headline repeated as the first line
    else:
        body = _visible_text(html)
        # libxml2 drops whatever is nested deeper than its limit (256 levels) and gives up on
        # some broken markup; a flat tag stripper keeps no tree, so it has no depth to exceed.
        flat = _flat_text(html)
        if len(flat) > 2 * len(body) + 200 or (flat and not body):
            body = flat
            warnings.append("markup too deeply nested or broken to parse; used its bare text")
        elif body and elements <= MAX_HTML_ELEMENTS:
            warnings.append("no main text found by trafilatura; used the page's visible text")
    raw = read_text(
        body,
        published=published,
        outlet=outlet,
        title=title,
        url=url,
        source=source,
        input_id=input_id,
    )
    return dataclasses.replace(raw, warnings=tuple(warnings) + raw.warnings)


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment (feed entry bodies)."""
    return _visible_text(fragment)


# Characters XML cannot hold: lxml parses them into text nodes but raises when it rebuilds one.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _visible_text(html: str) -> str:
    from lxml import html as lxml_html

    html = _NOT_XML.sub(" ", html)
    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for bad in tree.xpath("//head|//script|//style|//noscript|//nav|//footer|//header"):
        bad.drop_tree()
    blocks = [
        " ".join(el.text_content().split()) for el in tree.iter("p", "li", "h1", "h2", "h3", "div")
    ]
    if not any(blocks):
        return " ".join(tree.text_content().split())
    # A block inside a kept block comes right after it in document order, so comparing with the
    # last kept block drops nested repeats in linear time (checking every kept block was
    # quadratic: seconds for a 40,000-element page).
    seen: set[str] = set()
    kept: list[str] = []
    for block in blocks:
        if block and block not in seen and not (kept and block in kept[-1]):
            seen.add(block)
            kept.append(block)
    return "\n".join(kept)


_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "title"})
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "article",
        "section",
        "tr",
        "blockquote",
    }
)


class _FlatText(HTMLParser):
    """Text outside scripts and styles, a newline at each block; keeps no tree, so any depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.closing = False
        self.in_open_comment = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.closing and data.startswith("<!--"):
            self.in_open_comment = True
        if not self.skipping and not self.in_open_comment:
            self.parts.append(data)

    def close(self) -> None:
        # At the end html.parser re-reads an unclosed `<!--` and what follows it as markup; a
        # browser shows none of it, as it is all one comment, so neither do we.
        self.closing = True
        super().close()


def _flat_text(html: str) -> str:
    parser = _FlatText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient, but a hostile page must not stop the batch
        log.warning("flat HTML text extraction failed", exc_info=True)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
