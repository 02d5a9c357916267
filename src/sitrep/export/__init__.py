"""Writers for coded documents: JSONL documents, ACLED-style CSV events, GeoJSON points."""

from sitrep.export.formats import (
    ACLED_COLUMNS,
    FORMATS,
    event_rows,
    stored_event_document,
    write_documents,
    write_events,
)

__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "event_rows",
    "stored_event_document",
    "write_documents",
    "write_events",
]
