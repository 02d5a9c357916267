"""sitrep: an open, automatic, verifiable conflict-event coder.

    import sitrep
    doc = sitrep.extract("On 8 May 2020, protesters gathered in Idleb.", published="2020-05-12")
    [(e.event_type, e.sub_event_type, e.location) for e in doc.events]
"""

import importlib
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.errors import ConfigError, InputError, KnowledgeDataError, SitrepError, StoreError
from sitrep.records import Actor, DateSpan, Document, Event, Place, RawDocument, Source, Span, Tally

# The extractors' package shares its name with the coding function below. Importing it first (its
# __init__ is empty) means no later import of one of its modules rebinds `sitrep.extract`.
importlib.import_module("sitrep.extract")

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




# The coding functions import spaCy (about a second) when first called: `sitrep --help`,
# `sitrep serve` and readers of stored events do not pay for it.
def extract(text_or_html: str, **metadata: Any) -> Document:
    """Code one article (plain text or HTML); `metadata`: published, outlet, title, url."""
    from sitrep.pipeline import extract as code

    return code(text_or_html, **metadata)


def extract_many(items: Iterable[str | RawDocument]) -> Iterator[Document]:
    """Code many articles (strings or `RawDocument`s) in batches, in order."""
    from sitrep.pipeline import extract_many as code_many

    return code_many(items)
