"""The `Store`: a migrated database with one transaction per document written."""

from __future__ import annotations

import logging
from types import TracebackType
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from sitrep.errors import StoreError
from sitrep.records import Document
from sitrep.store import reader, writer
from sitrep.store.database import DEFAULT_DB, open_database
from sitrep.store.reader import EventFilter, TallyFilter
from sitrep.store.writer import WriteOutcome

log = logging.getLogger(__name__)


class Store:
    """Documents, canonical events and tallies in SQLite (a file path) or PostgreSQL (a URL).

    >>> with Store("sitrep.db") as store:
    ...     store.add(document)
    ...     store.events(EventFilter(country="Syria"))
    """

    def __init__(self, db: str = DEFAULT_DB, *, create: bool = True):
        # create=False: refuse a database that does not exist yet (see `database.require_store`).
        self.engine, self.sessions = open_database(db, create=create)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # --- writing -------------------------------------------------------------------------------

    def add(self, document: Document, *, force: bool = False) -> WriteOutcome:
        """Store one coded document in its own transaction (rolled back whole if anything fails)."""
        try:
            with self.sessions.begin() as session:
                return writer.write_document(session, document, force=force)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"cannot store document {document.doc_id}: {type(exc).__name__}: "
                f"{str(exc).splitlines()[0]}"
            ) from exc

    save = add  # the name `sitrep extract --db` uses

    def is_current(
        self,
        *,
        text: str,
        doc_id: str,
        knowledge_version: str | None,
        url: str | None = None,
        input_id: str | None = None,
        source: str | None = None,
    ) -> bool:
        """Whether a document is already stored exactly so (then coding it again can be skipped)."""
        key = writer.document_key(url=url, input_id=input_id, source=source, doc_id=doc_id)
        with self.sessions() as session:
            return writer.is_current(
                session, key, doc_id, writer.text_hash(text), knowledge_version
            )

    def delete_document(self, doc_id: str) -> bool:
        with self.sessions.begin() as session:
            return writer.delete_document(session, doc_id)

    # --- reading -------------------------------------------------------------------------------

    def events(
        self, f: EventFilter | None = None, *, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[dict[str, Any]]]:
        """(total matching, one page of events) for the filter."""
        f = f or EventFilter()
        with self.sessions() as session:
            return reader.count_events(session, f), reader.list_events(
                session, f, limit=limit, offset=offset
            )

    def iter_events(self, f: EventFilter | None = None) -> Any:
        """Every matching event (a generator; holds a session while it is consumed)."""
        with self.sessions() as session:
            yield from reader.iter_events(session, f or EventFilter())

    def event(self, event_id: str) -> dict[str, Any] | None:
        with self.sessions() as session:
            return reader.get_event(session, event_id)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        with self.sessions() as session:
            return reader.get_document(session, doc_id)

    def tallies(
        self, f: TallyFilter | None = None, *, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[dict[str, Any]]]:
        with self.sessions() as session:
            return reader.list_tallies(session, f or TallyFilter(), limit=limit, offset=offset)

    def counts(self) -> dict[str, int]:
        with self.sessions() as session:
            return reader.counts(session)


def open_store(db: str = DEFAULT_DB, *, create: bool = True) -> Store:
    """Open (creating, unless `create=False`, and migrating as needed) the store at `db`."""
    return Store(db, create=create)
