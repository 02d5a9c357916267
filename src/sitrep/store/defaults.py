"""The store's defaults, importable without SQLAlchemy (the CLI reads them to declare options)."""

DEFAULT_DB = "sitrep.db"
