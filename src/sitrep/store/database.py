"""Opening a store: database URLs, the engine, and the migrations applied on open."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from sitrep.errors import ConfigError, StoreError
from sitrep.store.defaults import DEFAULT_DB

log = logging.getLogger(__name__)



def normalise_url(db: str) -> str:
    """A SQLAlchemy URL from what a user types: a file path, `sqlite:///…` or `postgresql://…`.

    `postgresql://` and `postgres://` are rewritten to the psycopg (v3) driver, the one sitrep
    depends on; a bare path is a SQLite file.
    """
    db = db.strip()
    if not db:
        raise ConfigError("empty database URL; pass a file path or postgresql+psycopg://…")
    for prefix in ("postgresql://", "postgres://"):
        if db.startswith(prefix):
            return "postgresql+psycopg://" + db[len(prefix) :]
    if "://" not in db:
        return "sqlite:///" + str(Path(db).expanduser())
    try:
        url = make_url(db)
    except ArgumentError as exc:
        raise ConfigError(f"cannot parse database URL {db!r}: {exc}") from exc
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigError(
            f"unsupported database {url.get_backend_name()!r}; use a SQLite file or PostgreSQL"
        )
    return db


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # SQLite ignores ON DELETE CASCADE unless foreign keys are switched on per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_store_engine(db: str) -> Engine:
    """An engine for `db` (path or URL), with SQLite's foreign keys enforced."""
    url = normalise_url(db)
    try:
        engine = create_engine(url, future=True, pool_pre_ping=True)
    except (ArgumentError, ImportError) as exc:
        raise ConfigError(f"cannot open database {make_url(url)!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema up to the newest migration (a no-op when it already is)."""
    from alembic import command  # only when a database is opened
    from alembic.config import Config

    script_location = str(resources.files("sitrep.store") / "migrations")
    config = Config()
    config.set_main_option("script_location", script_location)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        raise StoreError(
            f"cannot open or migrate the database {engine.url!r}: {exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0]}"
        ) from exc


def open_database(db: str = DEFAULT_DB) -> tuple[Engine, sessionmaker[Session]]:
    """Engine and session factory for a migrated database."""
    engine = create_store_engine(db)
    migrate(engine)
    log.debug("opened %r", engine.url)
    return engine, sessionmaker(engine, expire_on_commit=False)
