"""The database tables: documents, canonical events, supporting reports, evidence, sources, tallies.

One happening reported by several outlets is one row in `events` (the canonical event) with one
`event_supports` row per document that reports it. Each support keeps that document's own coding of
the event (`record`), its evidence spans and its sources, so nothing a document said is lost when
reports are merged, and a canonical event can be rebuilt when a document changes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Explicit constraint names so that migrations are the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DocumentRow(Base):
    """One article as read and coded; `doc_key` is what identifies it across re-ingests."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(64), unique=True)
    # input id, else URL, else source path, else doc_id: the same key with new text is an update.
    doc_key: Mapped[str] = mapped_column(String(2048), unique=True)
    input_id: Mapped[str | None] = mapped_column(String(512))
    source: Mapped[str | None] = mapped_column(String(2048))
    url: Mapped[str | None] = mapped_column(String(2048))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    outlet: Mapped[str | None] = mapped_column(String(256))
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    knowledge_version: Mapped[str | None] = mapped_column(String(64))
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    skipped: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    supports: Mapped[list[EventSupportRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    tallies: Mapped[list[TallyRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )


class EventRow(Base):
    """A canonical event: one happening, whatever number of documents report it."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64), unique=True)
    event_date: Mapped[date | None] = mapped_column(Date, index=True)
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    time_precision: Mapped[int | None] = mapped_column(Integer)
    event_type: Mapped[str | None] = mapped_column(String(64), index=True)
    sub_event_type: Mapped[str | None] = mapped_column(String(64))
    disorder_type: Mapped[str | None] = mapped_column(String(64))
    acled_codable: Mapped[bool] = mapped_column(Boolean)
    plover: Mapped[str | None] = mapped_column(String(32))
    plover_mode: Mapped[str | None] = mapped_column(String(64))
    cameo: Mapped[str | None] = mapped_column(String(16))
    actor1: Mapped[str | None] = mapped_column(String(256))
    assoc_actor_1: Mapped[str | None] = mapped_column(String(512))
    actor2: Mapped[str | None] = mapped_column(String(256))
    assoc_actor_2: Mapped[str | None] = mapped_column(String(512))
    actor1_text: Mapped[str | None] = mapped_column(Text)
    actor2_text: Mapped[str | None] = mapped_column(Text)
    inter1: Mapped[int | None] = mapped_column(Integer)
    inter2: Mapped[int | None] = mapped_column(Integer)
    interaction: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String(128), index=True)
    iso3: Mapped[str | None] = mapped_column(String(3))
    admin1: Mapped[str | None] = mapped_column(String(128))
    admin2: Mapped[str | None] = mapped_column(String(128))
    admin3: Mapped[str | None] = mapped_column(String(128))
    location: Mapped[str | None] = mapped_column(String(256))
    location_text: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    fatalities_qualifier: Mapped[str] = mapped_column(String(16))
    injuries: Mapped[int | None] = mapped_column(Integer)
    injuries_qualifier: Mapped[str] = mapped_column(String(16))
    material_damage: Mapped[bool] = mapped_column(Boolean)
    modality: Mapped[str] = mapped_column(String(16))
    outlet: Mapped[str | None] = mapped_column(String(256))
    loaded_terms: Mapped[list[str]] = mapped_column(JSON, default=list)
    confidence: Mapped[float] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text)

    supports: Mapped[list[EventSupportRow]] = relationship(
        back_populates="event", order_by="EventSupportRow.id", passive_deletes=True
    )


class EventSupportRow(Base):
    """One document's report of a canonical event, with that document's own coding of it."""

    __tablename__ = "event_supports"
    __table_args__ = (UniqueConstraint("document_pk", "doc_event_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_pk: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    document_pk: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    doc_event_id: Mapped[str] = mapped_column(String(64))
    modality: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float)
    # The document's whole event record (Event.to_dict()), to rebuild the canonical event from.
    record: Mapped[dict[str, Any]] = mapped_column(JSON)

    event: Mapped[EventRow] = relationship(back_populates="supports")
    document: Mapped[DocumentRow] = relationship(back_populates="supports")
    evidence: Mapped[list[EvidenceRow]] = relationship(
        order_by="EvidenceRow.ordinal", cascade="all, delete-orphan", passive_deletes=True
    )
    sources: Mapped[list[SourceRow]] = relationship(
        order_by="SourceRow.ordinal", cascade="all, delete-orphan", passive_deletes=True
    )


class TallyRow(Base):
    """An aggregate statement of one document; never expanded into events."""

    __tablename__ = "tallies"
    __table_args__ = (UniqueConstraint("document_pk", "tally_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    tally_id: Mapped[str] = mapped_column(String(64))
    counted: Mapped[str] = mapped_column(Text)
    counted_event_type: Mapped[str | None] = mapped_column(String(64))
    count: Mapped[int | None] = mapped_column(Integer)
    count_qualifier: Mapped[str] = mapped_column(String(16))
    actor1: Mapped[str | None] = mapped_column(String(256))
    actor2: Mapped[str | None] = mapped_column(String(256))
    actor1_text: Mapped[str | None] = mapped_column(Text)
    actor2_text: Mapped[str | None] = mapped_column(Text)
    period_start: Mapped[date | None] = mapped_column(Date, index=True)
    period_end: Mapped[date | None] = mapped_column(Date)
    time_precision: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String(128))
    admin1: Mapped[str | None] = mapped_column(String(128))
    fatalities: Mapped[int | None] = mapped_column(Integer)
    fatalities_qualifier: Mapped[str] = mapped_column(String(16))
    injuries: Mapped[int | None] = mapped_column(Integer)
    injuries_qualifier: Mapped[str] = mapped_column(String(16))
    material_damage: Mapped[bool] = mapped_column(Boolean, default=False)
    modality: Mapped[str] = mapped_column(String(16))
    loaded_terms: Mapped[list[str]] = mapped_column(JSON, default=list)

    document: Mapped[DocumentRow] = relationship(back_populates="tallies")
    evidence: Mapped[list[EvidenceRow]] = relationship(
        order_by="EvidenceRow.ordinal", cascade="all, delete-orphan", passive_deletes=True
    )
    sources: Mapped[list[SourceRow]] = relationship(
        order_by="SourceRow.ordinal", cascade="all, delete-orphan", passive_deletes=True
    )


class EvidenceRow(Base):
    """A span of a document's text supporting one event report or one tally."""

    __tablename__ = "evidence_spans"
    __table_args__ = (
        CheckConstraint("(support_id IS NULL) <> (tally_pk IS NULL)", name="one_owner"),
        Index("ix_evidence_spans_support_id", "support_id"),
        Index("ix_evidence_spans_tally_pk", "tally_pk"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    support_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_supports.id", ondelete="CASCADE")
    )
    tally_pk: Mapped[int | None] = mapped_column(ForeignKey("tallies.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class SourceRow(Base):
    """Who says so, for one event report or one tally."""

    __tablename__ = "sources"
    __table_args__ = (
        CheckConstraint("(support_id IS NULL) <> (tally_pk IS NULL)", name="one_owner"),
        Index("ix_sources_support_id", "support_id"),
        Index("ix_sources_tally_pk", "tally_pk"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    support_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_supports.id", ondelete="CASCADE")
    )
    tally_pk: Mapped[int | None] = mapped_column(ForeignKey("tallies.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(512))
    type: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str | None] = mapped_column(String(128))
