"""Opening a store: database URLs, the engine, and the migrations applied on open."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from sitrep.errors import ConfigError, StoreError
from sitrep.store.defaults import DEFAULT_DB

log = logging.getLogger(__name__)


# Tables that only a sitrep store has: a database without them was never written by sitrep.
SITREP_TABLES = ("documents", "events", "alembic_version")


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


def check_connection(engine: Engine) -> None:
    """Connect once, so that a wrong URL, a server that is down or a database that does not
    exist is a configuration error named at start, not a failure of the first document."""
    try:
        with engine.connect():
            pass
    except (OperationalError, DBAPIError) as exc:
        reason = _first_line(exc.orig or exc)
        hint = ""
        if engine.dialect.name == "postgresql" and "does not exist" in reason:
            hint = f"; create it first (createdb {engine.url.database}), then ingest into it"
        raise ConfigError(f"cannot open the database {engine.url!r}: {reason}{hint}") from exc


def require_store(engine: Engine, db: str) -> None:
    """Refuse a database that does not exist or holds no sitrep store (for commands that read).

    Opening a SQLite path creates the file, so a mistyped `--db` would silently read an empty
    new database; only the commands that write (`ingest`, `extract --db`) may create one.
    """
    how = f"create one with `sitrep ingest FILE... --db {db}`"
    if engine.dialect.name == "sqlite":
        path = engine.url.database
        if path and path != ":memory:" and not path.startswith("file:"):
            if not Path(path).exists():
                raise ConfigError(f"no database at {path}; {how}")
            if Path(path).is_dir():
                raise ConfigError(f"{path} is a directory, not a database file")
    check_connection(engine)
    try:
        tables = set(inspect(engine).get_table_names())
    except (OperationalError, DBAPIError) as exc:
        raise ConfigError(
            f"cannot read {engine.url!r} as a database: {_first_line(exc.orig or exc)}"
        ) from exc
    if not set(SITREP_TABLES) <= tables:
        raise ConfigError(f"{engine.url!r} holds no sitrep store; {how}")


def open_database(
    db: str = DEFAULT_DB, *, create: bool = True
) -> tuple[Engine, sessionmaker[Session]]:
    """Engine and session factory for a migrated database.

    `create=False` (the reading commands) refuses a database that does not exist yet instead of
    creating an empty one (`require_store`).
    """
    engine = create_store_engine(db)
    try:
        if create:
            check_connection(engine)
        else:
            require_store(engine, db)
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    log.debug("opened %r", engine.url)
    return engine, sessionmaker(engine, expire_on_commit=False)


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
