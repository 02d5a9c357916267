"""sitrep: an open, automatic, verifiable conflict-event coder.

    import sitrep
    doc = sitrep.extract("On 8 May 2020, protesters gathered in Idleb.", published="2020-05-12")
    [(e.event_type, e.sub_event_type, e.location) for e in doc.events]
"""

from typing import TYPE_CHECKING, Any

from sitrep.errors import ConfigError, InputError, KnowledgeDataError, SitrepError, StoreError
from sitrep.records import Actor, DateSpan, Document, Event, Place, Source, Span, Tally

if TYPE_CHECKING:
    from sitrep.pipeline import extract, extract_many

__all__ = [
    "Actor",
    "ConfigError",
    "DateSpan",
    "Document",
    "Event",
    "InputError",
    "KnowledgeDataError",
    "Place",
    "SitrepError",
    "Source",
    "Span",
    "StoreError",
    "Tally",
    "extract",
    "extract_many",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The coding functions import spaCy (about a second): only code that codes pays for it, not
    # `sitrep --help`, `sitrep serve` or a reader of stored events.
    if name in ("extract", "extract_many"):
        from sitrep import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
