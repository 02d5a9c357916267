"""The database of coded documents, deduplicated events, evidence, sources and tallies."""

from typing import TYPE_CHECKING, Any

from sitrep.store.defaults import DEFAULT_DB

if TYPE_CHECKING:
    from sitrep.store.database import normalise_url
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

# Where each public name lives. SQLAlchemy and Alembic take about half a second to import, so
# they are imported when a name is first used, not when a command that never opens a database
# (`sitrep extract` without --db) reads DEFAULT_DB.
_HOMES = {
    "normalise_url": "sitrep.store.database",
    "same_happening": "sitrep.store.dedup",
    "EventFilter": "sitrep.store.reader",
    "TallyFilter": "sitrep.store.reader",
    "Store": "sitrep.store.store",
    "open_store": "sitrep.store.store",
    "WriteOutcome": "sitrep.store.writer",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'sitrep.store' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(home), name)
