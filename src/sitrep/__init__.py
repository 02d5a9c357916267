"""sitrep: an open, automatic, verifiable conflict-event coder.

    import sitrep
    doc = sitrep.extract("On 8 May 2020, protesters gathered in Idleb.", published="2020-05-12")
    [(e.event_type, e.sub_event_type, e.location) for e in doc.events]
"""

from sitrep.errors import ConfigError, InputError, KnowledgeDataError, SitrepError, StoreError
from sitrep.pipeline import extract, extract_many
from sitrep.records import Actor, DateSpan, Document, Event, Place, Source, Span, Tally

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
