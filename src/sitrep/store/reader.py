"""Reading the store: filtered, paged events with their supporting documents, tallies, documents.

Events come back as plain dicts with the contract's field names, plus `documents` (each supporting
document with its own evidence spans and sources), `sources` (all of them, once each),
`evidence` (every span, tagged with the `doc_id` its offsets point into) and `n_documents`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, true
from sqlalchemy.orm import Session, load_only, selectinload

from sitrep.store.models import DocumentRow, EventRow, EventSupportRow, TallyRow


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return; every field is optional and they combine with AND."""

    since: date | None = None
    until: date | None = None
    country: str | None = None  # country name or ISO3 code, case-insensitive
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None  # substring of any actor name or the article's words for it
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    modality: str | None = None


def _event_conditions(f: EventFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if f.since:
        conditions.append(func.coalesce(EventRow.date_end, EventRow.event_date) >= f.since)
    if f.until:
        conditions.append(func.coalesce(EventRow.date_start, EventRow.event_date) <= f.until)
    if f.country:
        wanted = f.country.strip().lower()
        conditions.append(
            or_(func.lower(EventRow.country) == wanted, func.lower(EventRow.iso3) == wanted)
        )
    if f.admin1:
        conditions.append(func.lower(EventRow.admin1) == f.admin1.strip().lower())
    if f.event_type:
        conditions.append(func.lower(EventRow.event_type) == f.event_type.strip().lower())
    if f.modality:
        conditions.append(EventRow.modality == f.modality.strip().lower())
    if f.actor:
        needle = f.actor.strip().lower()
        columns = (
            EventRow.actor1,
            EventRow.actor2,
            EventRow.assoc_actor_1,
            EventRow.assoc_actor_2,
            EventRow.actor1_text,
            EventRow.actor2_text,
        )
        conditions.append(or_(*(func.lower(c).contains(needle, autoescape=True) for c in columns)))
    if f.bbox:
        west, south, east, north = f.bbox
        conditions.append(EventRow.latitude.between(south, north))
        if west <= east:
            conditions.append(EventRow.longitude.between(west, east))
        else:  # the box crosses the antimeridian
            conditions.append(or_(EventRow.longitude >= west, EventRow.longitude <= east))
    return conditions


def _event_query(f: EventFilter) -> Select[Any]:
    return select(EventRow).where(and_(true(), *_event_conditions(f)))


def _with_supports(query: Select[Any]) -> Select[Any]:
    document_columns = (
        DocumentRow.doc_id,
        DocumentRow.title,
        DocumentRow.outlet,
        DocumentRow.url,
        DocumentRow.published,
        DocumentRow.input_id,
        DocumentRow.knowledge_version,
    )
    support = selectinload(EventRow.supports)
    return query.options(
        support.selectinload(EventSupportRow.document).options(load_only(*document_columns)),
        support.selectinload(EventSupportRow.evidence),
        support.selectinload(EventSupportRow.sources),
    )


def count_events(session: Session, f: EventFilter) -> int:
    query = select(func.count()).select_from(EventRow).where(and_(true(), *_event_conditions(f)))
    return int(session.scalar(query) or 0)


def list_events(
    session: Session, f: EventFilter, *, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """One page of events, newest first, each with its supporting documents."""
    query = (
        _with_supports(_event_query(f))
        .order_by(EventRow.event_date.desc(), EventRow.id)
        .limit(limit)
        .offset(offset)
    )
    return [event_dict(row) for row in session.scalars(query)]


def iter_events(session: Session, f: EventFilter, *, chunk: int = 500) -> Iterator[dict[str, Any]]:
    """Every matching event, oldest first, read in chunks so memory stays bounded."""
    last_id = 0
    while True:
        query = (
            _with_supports(_event_query(f).where(EventRow.id > last_id))
            .order_by(EventRow.id)
            .limit(chunk)
        )
        rows = list(session.scalars(query))
        if not rows:
            return
        for row in rows:
            yield event_dict(row)
        last_id = rows[-1].id
        session.expunge_all()


def get_event(session: Session, event_id: str) -> dict[str, Any] | None:
    query = _with_supports(select(EventRow).where(EventRow.event_id == event_id))
    row = session.scalars(query).first()
    return event_dict(row) if row is not None else None


def event_dict(row: EventRow) -> dict[str, Any]:
    """A canonical event with the contract's fields, its documents, sources and evidence."""
    out: dict[str, Any] = {}
    for name in EventRow.__table__.columns.keys():
        if name == "id":
            continue
        value = getattr(row, name)
        out[name] = value.isoformat() if isinstance(value, date) else value
    documents: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    evidence: list[dict[str, Any]] = []
    seen_sources: set[tuple[str | None, ...]] = set()
    for support in row.supports:
        doc = support.document
        doc_sources = [
            {"name": s.name, "type": s.type, "channel": s.channel} for s in support.sources
        ]
        doc_evidence = [{"text": e.text, "start": e.start, "end": e.end} for e in support.evidence]
        documents.append(
            {
                "doc_id": doc.doc_id,
                "input_id": doc.input_id,
                "title": doc.title,
                "outlet": doc.outlet,
                "url": doc.url,
                "published": doc.published.isoformat() if doc.published else None,
                "knowledge_version": doc.knowledge_version,
                "doc_event_id": support.doc_event_id,
                "modality": support.modality,
                "confidence": support.confidence,
                "sources": doc_sources,
                "evidence": doc_evidence,
            }
        )
        for s in doc_sources:
            key = (s["name"], s["type"], s["channel"])
            if key not in seen_sources:
                seen_sources.add(key)
                sources.append(s)
        evidence.extend({"doc_id": doc.doc_id, **e} for e in doc_evidence)
    out["sources"] = sources
    out["evidence"] = evidence
    out["documents"] = documents
    out["n_documents"] = len(documents)
    return out


@dataclass(frozen=True, slots=True)
class TallyFilter:
    """Which tallies to return (period overlapping since…until, country, admin1)."""

    since: date | None = None
    until: date | None = None
    country: str | None = None  # country name or ISO3 code, case-insensitive
    admin1: str | None = None


def list_tallies(
    session: Session, f: TallyFilter, *, limit: int = 100, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    conditions: list[ColumnElement[bool]] = []
    if f.since:
        conditions.append(func.coalesce(TallyRow.period_end, TallyRow.period_start) >= f.since)
    if f.until:
        conditions.append(func.coalesce(TallyRow.period_start, TallyRow.period_end) <= f.until)
    if f.country:
        wanted = f.country.strip().lower()
        # Tallies carry the country's name only; an ISO3 code is read through the events, which
        # carry both (the same filter as for events, so one country box serves the two).
        named = select(EventRow.country).where(func.lower(EventRow.iso3) == wanted).distinct()
        conditions.append(
            or_(func.lower(TallyRow.country) == wanted, TallyRow.country.in_(named))
        )
    if f.admin1:
        conditions.append(func.lower(TallyRow.admin1) == f.admin1.strip().lower())
    where = and_(true(), *conditions)
    total = int(session.scalar(select(func.count()).select_from(TallyRow).where(where)) or 0)
    query = (
        select(TallyRow)
        .where(where)
        .options(
            selectinload(TallyRow.document).options(
                load_only(DocumentRow.doc_id, DocumentRow.outlet)
            ),
            selectinload(TallyRow.evidence),
            selectinload(TallyRow.sources),
        )
        .order_by(TallyRow.period_end.desc(), TallyRow.id)
        .limit(limit)
        .offset(offset)
    )
    return total, [tally_dict(row) for row in session.scalars(query)]


def tally_dict(row: TallyRow) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in TallyRow.__table__.columns.keys():
        if name in ("id", "document_pk"):
            continue
        value = getattr(row, name)
        out[name] = value.isoformat() if isinstance(value, date) else value
    out["doc_id"] = row.document.doc_id
    out["outlet"] = row.document.outlet
    out["sources"] = [{"name": s.name, "type": s.type, "channel": s.channel} for s in row.sources]
    out["evidence"] = [{"text": e.text, "start": e.start, "end": e.end} for e in row.evidence]
    return out


def get_document(session: Session, doc_id: str) -> dict[str, Any] | None:
    """A stored document with its text, the ids of the events it supports, and its tallies."""
    row = session.scalars(
        select(DocumentRow)
        .where(DocumentRow.doc_id == doc_id)
        .options(selectinload(DocumentRow.supports).selectinload(EventSupportRow.event))
    ).first()
    if row is None:
        return None
    return {
        "doc_id": row.doc_id,
        "input_id": row.input_id,
        "source": row.source,
        "url": row.url,
        "title": row.title,
        "published": row.published.isoformat() if row.published else None,
        "outlet": row.outlet,
        "language": row.language,
        "text": row.text,
        "knowledge_version": row.knowledge_version,
        "warnings": list(row.warnings or []),
        "skipped": row.skipped,
        "event_ids": [s.event.event_id for s in row.supports],
        "tally_ids": [t.tally_id for t in row.tallies],
    }


def counts(session: Session) -> dict[str, int]:
    """Row counts of the main tables (for `/health` and summaries)."""
    return {
        "documents": int(session.scalar(select(func.count()).select_from(DocumentRow)) or 0),
        "events": int(session.scalar(select(func.count()).select_from(EventRow)) or 0),
        "event_supports": int(
            session.scalar(select(func.count()).select_from(EventSupportRow)) or 0
        ),
        "tallies": int(session.scalar(select(func.count()).select_from(TallyRow)) or 0),
    }
