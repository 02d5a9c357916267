"""Writing one coded document into the store: insert, update or leave it, and merge its events.

A document is identified by its key (URL, else input id, else source path, else text hash): the
same key with the same text is left alone, the same key with new text replaces what the document
said, and the same text under another key is a duplicate stored once. Each event of a new document
either joins a canonical event from another document (`dedup.same_happening`) or starts one.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from sitrep.records import Document, Event, Source, Span, Tally
from sitrep.store.dedup import CANDIDATE_WINDOW_DAYS, combine_reports, same_happening
from sitrep.store.models import (
    DocumentRow,
    EventRow,
    EventSupportRow,
    EvidenceRow,
    SourceRow,
    TallyRow,
)

log = logging.getLogger(__name__)

# Event fields copied as they are from a document's event into the canonical event.
_CANONICAL_FIELDS = tuple(
    f
    for f in EventRow.__table__.columns.keys()
    if f not in ("id", "event_id", "event_date", "date_start", "date_end")
)
_DATE_FIELDS = ("event_date", "date_start", "date_end")
_TALLY_DATE_FIELDS = ("period_start", "period_end")


@dataclass(frozen=True, slots=True)
class WriteOutcome:
    """What storing one document did: `new`, `updated`, `unchanged` or `duplicate`."""

    doc_id: str
    status: str
    events: int = 0  # canonical events this document started
    merged: int = 0  # events that joined a canonical event from another document
    tallies: int = 0


def text_hash(text: str) -> str:
    """Full SHA-256 of the normalised text (doc_id is a 16-character prefix of the same hash)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_key(*, url: str | None, input_id: str | None, source: str | None, doc_id: str) -> str:
    """What identifies a document across re-ingests (see the module docstring)."""
    if url:
        return f"url:{url}"
    if input_id:
        return f"id:{input_id}"
    if source:
        return f"source:{source}"
    return f"text:{doc_id}"


def key_of(document: Document) -> str:
    return document_key(
        url=document.url, input_id=document.input_id, source=document.source, doc_id=document.doc_id
    )


def is_current(session: Session, key: str, doc_id: str, hash_: str, version: str | None) -> bool:
    """Whether storing a document with this key and text would change nothing (so skip coding)."""
    row = session.scalars(select(DocumentRow).where(DocumentRow.doc_key == key)).first()
    if row is not None:
        return row.text_hash == hash_ and row.knowledge_version == version
    return (
        session.scalars(select(DocumentRow.id).where(DocumentRow.doc_id == doc_id)).first()
        is not None
    )


def write_document(session: Session, document: Document, *, force: bool = False) -> WriteOutcome:
    """Store `document` in the session's transaction; the caller commits or rolls back."""
    key, hash_ = key_of(document), text_hash(document.text)
    row = session.scalars(select(DocumentRow).where(DocumentRow.doc_key == key)).first()
    same_text = session.scalars(
        select(DocumentRow).where(DocumentRow.doc_id == document.doc_id)
    ).first()
    now = datetime.now(UTC).replace(tzinfo=None)
    if row is None:
        if same_text is not None:
            log.info("document %s already stored as %s", document.doc_id, same_text.doc_key)
            return WriteOutcome(document.doc_id, "duplicate")
        row = DocumentRow(doc_key=key, ingested_at=now)
        status = "new"
    else:
        unchanged = row.text_hash == hash_ and row.knowledge_version == document.knowledge_version
        if unchanged and not force:
            return WriteOutcome(document.doc_id, "unchanged")
        _detach(session, row)
        if same_text is not None and same_text.id != row.id:
            # The new text is already stored under another key: keep that one only.
            session.delete(row)
            session.flush()
            return WriteOutcome(document.doc_id, "duplicate")
        status = "updated"
    _fill_document(row, document, hash_, now)
    session.add(row)
    session.flush()
    for tally in document.tallies:
        session.add(_tally_row(row, tally))
    started = merged = 0
    used: set[int] = set()
    for event in document.events:
        canonical = _find_canonical(session, event, exclude=used, document_pk=row.id)
        if canonical is None:
            canonical = _new_canonical(session, event)
            started += 1
        else:
            merged += 1
        used.add(canonical.id)
        session.add(_support_row(canonical, row, event))
        if len(canonical.supports) > 1:
            _apply_record(canonical, _canonical_record(canonical))
    session.flush()
    return WriteOutcome(document.doc_id, status, started, merged, len(document.tallies))


def _fill_document(row: DocumentRow, document: Document, hash_: str, now: datetime) -> None:
    row.doc_id = document.doc_id
    row.input_id = document.input_id
    row.source = document.source
    row.url = document.url
    row.title = document.title
    row.published = document.published
    row.outlet = document.outlet
    row.language = document.language
    row.text = document.text
    row.text_hash = hash_
    row.knowledge_version = document.knowledge_version
    row.warnings = list(document.warnings)
    row.skipped = document.skipped
    row.updated_at = now


def _detach(session: Session, row: DocumentRow) -> None:
    """Remove what a document said (its reports and tallies), rebuilding the events it touched."""
    supports = session.scalars(
        select(EventSupportRow).where(EventSupportRow.document_pk == row.id)
    ).all()
    touched = {s.event_pk for s in supports}
    for support in supports:
        session.delete(support)
    for tally in session.scalars(select(TallyRow).where(TallyRow.document_pk == row.id)).all():
        session.delete(tally)
    session.flush()
    for event_pk in touched:
        canonical = session.get(EventRow, event_pk)
        if canonical is None:
            continue
        session.refresh(canonical, ["supports"])
        if not canonical.supports:
            session.delete(canonical)
        else:
            # The event keeps its id (links to it stay valid) but is rebuilt from what is left.
            _apply_record(canonical, _canonical_record(canonical))
    session.flush()


def delete_document(session: Session, doc_id: str) -> bool:
    """Remove a document and whatever only it reported; whether it was there."""
    row = session.scalars(select(DocumentRow).where(DocumentRow.doc_id == doc_id)).first()
    if row is None:
        return False
    _detach(session, row)
    session.delete(row)
    session.flush()
    return True


def _find_canonical(
    session: Session, event: Event, *, exclude: set[int], document_pk: int
) -> EventRow | None:
    """The canonical event from another document that `event` reports, if any."""
    start = _as_date(event.date_start or event.event_date)
    end = _as_date(event.date_end or event.event_date) or start
    if start is None or end is None:
        return None
    window = timedelta(days=CANDIDATE_WINDOW_DAYS)
    kind = (
        and_(
            EventRow.event_type == event.event_type, EventRow.sub_event_type == event.sub_event_type
        )
        if event.event_type
        else and_(EventRow.event_type.is_(None), EventRow.plover == event.plover)
    )
    own = select(EventSupportRow.event_pk).where(EventSupportRow.document_pk == document_pk)
    query = (
        select(EventRow)
        .where(
            kind,
            func.coalesce(EventRow.date_end, EventRow.event_date) >= min(start, end) - window,
            func.coalesce(EventRow.date_start, EventRow.event_date) <= max(start, end) + window,
            EventRow.id.not_in(own),
        )
        .options(selectinload(EventRow.supports))
        .order_by(EventRow.id)
    )
    if exclude:
        query = query.where(EventRow.id.not_in(exclude))
    if event.iso3:
        query = query.where(or_(EventRow.iso3.is_(None), EventRow.iso3 == event.iso3))
    record = event.to_dict()
    for candidate in session.scalars(query):
        # Every report already merged must agree, so that one vague report cannot chain two
        # distinct happenings together.
        if candidate.supports and all(same_happening(record, s.record) for s in candidate.supports):
            return candidate
    return None


def _new_canonical(session: Session, event: Event) -> EventRow:
    canonical = EventRow(event_id=event.event_id)
    _apply_record(canonical, event.to_dict())
    session.add(canonical)
    session.flush()
    return canonical


def _canonical_record(canonical: EventRow) -> dict[str, Any]:
    """The combined record of a canonical event's reports, with notes written for it."""
    record = combine_reports([s.record for s in canonical.supports])
    record["notes"] = _notes(record)
    return record


def _notes(record: dict[str, Any]) -> str:
    from sitrep.extract.assembly.notes import event_notes

    try:
        event = Event(
            **{
                **record,
                "sources": tuple(Source(**s) for s in record.get("sources") or ()),
                "evidence": tuple(Span(**e) for e in record.get("evidence") or ()),
                "loaded_terms": tuple(record.get("loaded_terms") or ()),
            }
        )
        return event_notes(event)
    except Exception:  # noqa: BLE001 - notes are a courtesy; a failure must not lose the document
        log.warning("could not write notes for merged event %s", record.get("event_id"))
        return str(record.get("notes") or "")


def _apply_record(canonical: EventRow, record: dict[str, Any]) -> None:
    for name in _CANONICAL_FIELDS:
        setattr(canonical, name, record.get(name))
    for name in _DATE_FIELDS:
        setattr(canonical, name, _as_date(record.get(name)))
    canonical.loaded_terms = list(record.get("loaded_terms") or [])


def _support_row(canonical: EventRow, document: DocumentRow, event: Event) -> EventSupportRow:
    support = EventSupportRow(
        event=canonical,
        document=document,
        doc_event_id=event.event_id,
        modality=event.modality,
        confidence=event.confidence,
        record=event.to_dict(),
    )
    support.evidence = [
        EvidenceRow(ordinal=i, text=span.text, start=span.start, end=span.end)
        for i, span in enumerate(event.evidence)
    ]
    support.sources = [
        SourceRow(ordinal=i, name=s.name, type=s.type, channel=s.channel)
        for i, s in enumerate(event.sources)
    ]
    return support


def _tally_row(document: DocumentRow, tally: Tally) -> TallyRow:
    record = tally.to_dict()
    row = TallyRow(document=document)
    for name in TallyRow.__table__.columns.keys():
        if name in ("id", "document_pk") or name not in record:
            continue
        value = record[name]
        setattr(row, name, _as_date(value) if name in _TALLY_DATE_FIELDS else value)
    row.loaded_terms = list(tally.loaded_terms)
    row.evidence = [
        EvidenceRow(ordinal=i, text=span.text, start=span.start, end=span.end)
        for i, span in enumerate(tally.evidence)
    ]
    row.sources = [
        SourceRow(ordinal=i, name=s.name, type=s.type, channel=s.channel)
        for i, s in enumerate(tally.sources)
    ]
    return row


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
