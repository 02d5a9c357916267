"""The database of coded documents, deduplicated events, evidence, sources and tallies."""

from sitrep.store.database import DEFAULT_DB, normalise_url
from sitrep.store.dedup import same_happening
from sitrep.store.reader import EventFilter, TallyFilter
from sitrep.store.store import Store, open_store
from sitrep.store.writer import WriteOutcome

__all__ = [
    "DEFAULT_DB",
    "EventFilter",
    "Store",
    "TallyFilter",
    "WriteOutcome",
    "normalise_url",
    "open_store",
    "same_happening",
]
