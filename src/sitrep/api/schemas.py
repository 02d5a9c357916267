"""The API's request and response models (pydantic lives here, at the edge, and nowhere else).

Response models for events, tallies and documents are generated from the frozen records in
`sitrep.records`, so the OpenAPI schema always has the contract's field names.
"""

from __future__ import annotations

import dataclasses
import typing
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from sitrep.records import Document, Event, Tally

MAX_TEXT_CHARS = 1_000_000


def _model_from_record(cls: type, name: str, skip: tuple[str, ...] = (), **extra: Any) -> Any:
    """A pydantic model with the record's fields and types, plus `extra` (name=(type, default))."""
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in skip:
            continue
        hint = hints[f.name]
        if hint is date or hint == (date | None):
            hint = str | None  # records carry dates; the API sends ISO strings
        fields[f.name] = (hint, None)
    fields.update(extra)
    return create_model(name, __doc__=cls.__doc__, **fields)


class SpanOut(BaseModel):
    """A stretch of a document's text: `text == document.text[start:end]`."""

    text: str
    start: int
    end: int
    doc_id: str | None = Field(None, description="The document the offsets point into.")


class SourceOut(BaseModel):
    """Who says so."""

    name: str
    type: str
    channel: str | None = None


class SupportOut(BaseModel):
    """One document's report of an event, with its own evidence and sources."""

    doc_id: str
    input_id: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    knowledge_version: str | None = None
    doc_event_id: str = Field(description="The event's id within that document.")
    modality: str
    confidence: float
    sources: list[SourceOut]
    evidence: list[SpanOut]


EventOut = _model_from_record(
    Event,
    "EventOut",
    skip=("sources", "evidence"),
    sources=(list[SourceOut], []),
    evidence=(list[SpanOut], []),
    documents=(list[SupportOut], []),
    n_documents=(int, 0),
)

TallyOut = _model_from_record(
    Tally,
    "TallyOut",
    skip=("sources", "evidence"),
    sources=(list[SourceOut], []),
    evidence=(list[SpanOut], []),
    doc_id=(str | None, None),
    outlet=(str | None, None),
)

CodedDocumentOut = _model_from_record(Document, "CodedDocumentOut")


class StoredDocumentOut(BaseModel):
    """A stored document with its text and the events and tallies it supports."""

    doc_id: str
    input_id: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    text: str
    knowledge_version: str | None = None
    warnings: list[str] = []
    skipped: str | None = None
    event_ids: list[str] = []
    tally_ids: list[str] = []


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[EventOut]  # type: ignore[valid-type]


class TallyPage(BaseModel):
    total: int
    limit: int
    offset: int
    tallies: list[TallyOut]  # type: ignore[valid-type]


class DocumentIn(BaseModel):
    """One article: plain text (optionally with the `date YYYY-MM-DD title` header) or HTML.

    `url` is stored as metadata only: the service never fetches anything a request names.
    """

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, max_length=MAX_TEXT_CHARS)
    html: str | None = Field(None, max_length=MAX_TEXT_CHARS)
    title: str | None = Field(None, max_length=2000)
    published: date | None = None
    outlet: str | None = Field(None, max_length=256)
    url: str | None = Field(None, max_length=2048)
    id: str | None = Field(None, max_length=512, description="The input's own id.")

    @model_validator(mode="after")
    def _one_body(self) -> DocumentIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of `text` or `html`")
        if not (self.text or self.html or "").strip():
            raise ValueError("the document is empty")
        return self


class DocumentsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[DocumentIn] = Field(min_length=1)


class IngestResult(BaseModel):
    doc_id: str | None = None
    status: str = Field(description="new, updated, unchanged, duplicate or failed")
    events: int = 0
    merged: int = 0
    tallies: int = 0
    error: str | None = None


class IngestOut(BaseModel):
    results: list[IngestResult]


class Health(BaseModel):
    status: str
    version: str
    database: str
    counts: dict[str, int] = Field(description="Row counts, at most a second old.")
    coding: dict[str, int] = Field(
        {}, description="The coding pool: workers, capacity (workers + queue), in_flight."
    )
