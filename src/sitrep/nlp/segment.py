"""Sentences and paragraphs of the parsed text, as spans extractors can index."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState
from sitrep.knowledge.lexicons import number_words
from sitrep.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


@extractor("segment", requires=("doc",), assigns=("sentences", "paragraphs"))
def segment(state: DocState) -> None:
    """Split into paragraphs (line breaks) and sentences (the parser's, never across paragraphs)."""
    text = state.text
    paragraphs = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if text[start : m.start()].strip():
            paragraphs.append(state.span(start, m.start()))
        start = m.end()
    if text[start:].strip():
        paragraphs.append(state.span(start, len(text)))
    state.paragraphs = paragraphs

    sentences: list[Span] = []
    assert state.doc is not None
    for sent in state.doc.sents:
        s_start, s_end = sent.start_char, sent.end_char
        # The parser sometimes runs a sentence over a line break; a paragraph always ends one.
        for para in paragraphs:
            lo, hi = max(s_start, para.start), min(s_end, para.end)
            if lo < hi and text[lo:hi].strip():
                lo += len(text[lo:hi]) - len(text[lo:hi].lstrip())
                hi -= len(text[lo:hi]) - len(text[lo:hi].rstrip())
                if sentences and not _has_word(text[lo:hi]) and sentences[-1].end >= lo - 1:
                    # A closing quote or bracket split off by the parser belongs to the sentence
                    # before it.
                    sentences[-1] = state.span(sentences[-1].start, hi)
                    continue
                if sentences and _lone_number(sentences[-1].text) and (
                    sentences[-1].end >= lo - 1 and para.start <= sentences[-1].start
                ):
                    # "… clashed near the village. 14 Al Shabaab militants were killed.": the
                    # parser cut the figure off the words that count it.
                    sentences[-1] = state.span(sentences[-1].start, hi)
                    continue
                sentences.append(state.span(lo, hi))
    state.sentences = sentences


_LONE_NUMBER = re.compile(r"\d[\d,]*|[A-Za-z]+")


def _lone_number(text: str) -> bool:
    """A sentence that is one number ("14", "Three"): the parser's cut, not a sentence."""
    if not _LONE_NUMBER.fullmatch(text):
        return False
    entry = number_words().get(text.lower())
    return text[0].isdigit() or (entry is not None and entry.kind == "number")


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


_TEXT_KEY = "sitrep.text"


def keep_text(doc: Doc, text: str) -> None:
    """Keep `text`, which `doc` was parsed from, as its text: spaCy's tokenizer keeps every
    character, so they are the same string (the last token's end is checked against its length)
    and `doc_text` need not join the tokens again."""
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data[_TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """The doc's text, kept with it: spaCy's `Doc.text` joins every token's text at each access
    (the type rules ask for it once per trigger; 7,800 joins on 3,000 notes)."""
    text: str | None = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TOKENS_KEY = "sitrep.tokens"


def span_tokens(span: SpacySpan) -> tuple[Token, ...]:
    """The tokens of `span`, from a tuple of its doc's tokens made once: spaCy makes a new `Token`
    object at every index and at every step of a walk over a span (2.9 M on 850 notes, from a
    hundred rules walking the same sentences)."""
    doc = span.doc
    every: tuple[Token, ...] | None = doc.user_data.get(_TOKENS_KEY)
    if every is None:
        every = doc.user_data[_TOKENS_KEY] = tuple(doc)
    return every[span.start : span.end]


def release_tokens(doc: Doc) -> None:
    """Drop the tuple `span_tokens` keeps: its tokens point back at the doc, a cycle that would
    hold each coded doc until the cyclic garbage collector runs."""
    doc.user_data.pop(_TOKENS_KEY, None)


_PARSED_KEY = "sitrep.parsed_text"


def span_text(span: SpacySpan) -> str:
    """`span.text`, cut from the doc's text joined once: spaCy's `Span.text` joins the span's
    tokens at each access (~20 µs for a sentence of 40 words), and the type rules and the event
    finder ask for the same sentence's several times. The text parsed (ACLED's remarks blanked),
    which `doc_text` is not."""
    doc = span.doc
    parsed: str | None = doc.user_data.get(_PARSED_KEY)
    if parsed is None:
        parsed = doc.user_data[_PARSED_KEY] = doc.text
    return parsed[span.start_char : span.end_char] if len(span) else ""


# ACLED's place remarks inside a sentence: "(coded to X)", "[coded to Y with GP2]" ("coded as"
# may name an actor, which the parse must read).
_REMARK = re.compile(r"[\[(]\s*coded\s+to\b[^\[\]()]*[\])]", re.IGNORECASE)


def blank_remarks(text: str) -> str:
    """`text` with ACLED's bracketed coding remarks blanked out (spaces, so every character keeps
    its offset): the parser reads the sentence without them, the extractors read them in the
    text."""
    if "coded" not in text.lower():
        return text
    return _REMARK.sub(lambda m: " " * len(m.group()), text)
