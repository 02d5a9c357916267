"""The initial schema: documents, canonical events, their supports, evidence, sources, tallies.

Revision ID: 0001
Revises:
Create Date: 2026-11-26 01:17:45.618204
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_id", sa.String(length=64), nullable=False),
        sa.Column("doc_key", sa.String(length=2048), nullable=False),
        sa.Column("input_id", sa.String(length=512), nullable=True),
        sa.Column("source", sa.String(length=2048), nullable=True),
        sa.Column("url", sa.String(length=2048), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("outlet", sa.String(length=256), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("knowledge_version", sa.String(length=64), nullable=True),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("skipped", sa.Text(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("doc_id", name=op.f("uq_documents_doc_id")),
        sa.UniqueConstraint("doc_key", name=op.f("uq_documents_doc_key")),
    )
    op.create_index(op.f("ix_documents_published"), "documents", ["published"], unique=False)
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("time_precision", sa.Integer(), nullable=True),
        sa.Column("event_type", sa.String(length=64), nullable=True),
        sa.Column("sub_event_type", sa.String(length=64), nullable=True),
        sa.Column("disorder_type", sa.String(length=64), nullable=True),
        sa.Column("acled_codable", sa.Boolean(), nullable=False),
        sa.Column("plover", sa.String(length=32), nullable=True),
        sa.Column("plover_mode", sa.String(length=64), nullable=True),
        sa.Column("cameo", sa.String(length=16), nullable=True),
        sa.Column("actor1", sa.String(length=256), nullable=True),
        sa.Column("assoc_actor_1", sa.String(length=512), nullable=True),
        sa.Column("actor2", sa.String(length=256), nullable=True),
        sa.Column("assoc_actor_2", sa.String(length=512), nullable=True),
        sa.Column("actor1_text", sa.Text(), nullable=True),
        sa.Column("actor2_text", sa.Text(), nullable=True),
        sa.Column("inter1", sa.Integer(), nullable=True),
        sa.Column("inter2", sa.Integer(), nullable=True),
        sa.Column("interaction", sa.Integer(), nullable=True),
        sa.Column("country", sa.String(length=128), nullable=True),
        sa.Column("iso3", sa.String(length=3), nullable=True),
        sa.Column("admin1", sa.String(length=128), nullable=True),
        sa.Column("admin2", sa.String(length=128), nullable=True),
        sa.Column("admin3", sa.String(length=128), nullable=True),
        sa.Column("location", sa.String(length=256), nullable=True),
        sa.Column("location_text", sa.Text(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("fatalities_qualifier", sa.String(length=16), nullable=False),
        sa.Column("injuries", sa.Integer(), nullable=True),
        sa.Column("injuries_qualifier", sa.String(length=16), nullable=False),
        sa.Column("material_damage", sa.Boolean(), nullable=False),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("outlet", sa.String(length=256), nullable=True),
        sa.Column("loaded_terms", sa.JSON(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("event_id", name=op.f("uq_events_event_id")),
    )
    op.create_index(op.f("ix_events_country"), "events", ["country"], unique=False)
    op.create_index(op.f("ix_events_event_date"), "events", ["event_date"], unique=False)
    op.create_index(op.f("ix_events_event_type"), "events", ["event_type"], unique=False)
    op.create_table(
        "event_supports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_pk", sa.Integer(), nullable=False),
        sa.Column("document_pk", sa.Integer(), nullable=False),
        sa.Column("doc_event_id", sa.String(length=64), nullable=False),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_pk"],
            ["documents.id"],
            name=op.f("fk_event_supports_document_pk_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_pk"],
            ["events.id"],
            name=op.f("fk_event_supports_event_pk_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_supports")),
        sa.UniqueConstraint(
            "document_pk", "doc_event_id", name=op.f("uq_event_supports_document_pk")
        ),
    )
    op.create_index(
        op.f("ix_event_supports_document_pk"), "event_supports", ["document_pk"], unique=False
    )
    op.create_index(
        op.f("ix_event_supports_event_pk"), "event_supports", ["event_pk"], unique=False
    )
    op.create_table(
        "tallies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_pk", sa.Integer(), nullable=False),
        sa.Column("tally_id", sa.String(length=64), nullable=False),
        sa.Column("counted", sa.Text(), nullable=False),
        sa.Column("counted_event_type", sa.String(length=64), nullable=True),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("count_qualifier", sa.String(length=16), nullable=False),
        sa.Column("actor1", sa.String(length=256), nullable=True),
        sa.Column("actor2", sa.String(length=256), nullable=True),
        sa.Column("actor1_text", sa.Text(), nullable=True),
        sa.Column("actor2_text", sa.Text(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("time_precision", sa.Integer(), nullable=True),
        sa.Column("country", sa.String(length=128), nullable=True),
        sa.Column("admin1", sa.String(length=128), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("fatalities_qualifier", sa.String(length=16), nullable=False),
        sa.Column("injuries", sa.Integer(), nullable=True),
        sa.Column("injuries_qualifier", sa.String(length=16), nullable=False),
        sa.Column("material_damage", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("loaded_terms", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_pk"],
            ["documents.id"],
            name=op.f("fk_tallies_document_pk_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tallies")),
        sa.UniqueConstraint("document_pk", "tally_id", name=op.f("uq_tallies_document_pk")),
    )
    op.create_index(op.f("ix_tallies_document_pk"), "tallies", ["document_pk"], unique=False)
    op.create_index(op.f("ix_tallies_period_start"), "tallies", ["period_start"], unique=False)
    op.create_table(
        "evidence_spans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("support_id", sa.Integer(), nullable=True),
        sa.Column("tally_pk", sa.Integer(), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(support_id IS NULL) <> (tally_pk IS NULL)", name=op.f("ck_evidence_spans_one_owner")
        ),
        sa.ForeignKeyConstraint(
            ["support_id"],
            ["event_supports.id"],
            name=op.f("fk_evidence_spans_support_id_event_supports"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tally_pk"],
            ["tallies.id"],
            name=op.f("fk_evidence_spans_tally_pk_tallies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_spans")),
    )
    op.create_index("ix_evidence_spans_support_id", "evidence_spans", ["support_id"], unique=False)
    op.create_index("ix_evidence_spans_tally_pk", "evidence_spans", ["tally_pk"], unique=False)
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("support_id", sa.Integer(), nullable=True),
        sa.Column("tally_pk", sa.Integer(), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=512), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=128), nullable=True),
        sa.CheckConstraint(
            "(support_id IS NULL) <> (tally_pk IS NULL)", name=op.f("ck_sources_one_owner")
        ),
        sa.ForeignKeyConstraint(
            ["support_id"],
            ["event_supports.id"],
            name=op.f("fk_sources_support_id_event_supports"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tally_pk"],
            ["tallies.id"],
            name=op.f("fk_sources_tally_pk_tallies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
    )
    op.create_index("ix_sources_support_id", "sources", ["support_id"], unique=False)
    op.create_index("ix_sources_tally_pk", "sources", ["tally_pk"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_sources_tally_pk", table_name="sources")
    op.drop_index("ix_sources_support_id", table_name="sources")
    op.drop_table("sources")
    op.drop_index("ix_evidence_spans_tally_pk", table_name="evidence_spans")
    op.drop_index("ix_evidence_spans_support_id", table_name="evidence_spans")
    op.drop_table("evidence_spans")
    op.drop_index(op.f("ix_tallies_period_start"), table_name="tallies")
    op.drop_index(op.f("ix_tallies_document_pk"), table_name="tallies")
    op.drop_table("tallies")
    op.drop_index(op.f("ix_event_supports_event_pk"), table_name="event_supports")
    op.drop_index(op.f("ix_event_supports_document_pk"), table_name="event_supports")
    op.drop_table("event_supports")
    op.drop_index(op.f("ix_events_event_type"), table_name="events")
    op.drop_index(op.f("ix_events_event_date"), table_name="events")
    op.drop_index(op.f("ix_events_country"), table_name="events")
    op.drop_table("events")
    op.drop_index(op.f("ix_documents_published"), table_name="documents")
    op.drop_table("documents")
