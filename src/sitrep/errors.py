"""The exceptions sitrep raises, as one tree.

    SitrepError
    ├── InputError          a document or file cannot be read (binary, too large, malformed)
    ├── KnowledgeDataError  a knowledge data file is missing or invalid (names file and line)
    ├── StoreError          the database cannot be opened, migrated or written
    └── ConfigError         a bad option, URL or pipeline definition
"""


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""


class InputError(SitrepError):
    """An input cannot be read; the message names the input and why."""


class KnowledgeDataError(SitrepError):
    """A knowledge data file is missing or invalid; the message names the file and line."""


class StoreError(SitrepError):
    """The database cannot be opened, migrated or written."""


class ConfigError(SitrepError):
    """A bad option, URL or pipeline definition."""
