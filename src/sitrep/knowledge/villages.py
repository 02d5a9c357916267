"""Build the village gazetteer from open data a user downloads: Who's On First and GeoNames dumps.

Inputs (any mix, files or folders):
- Who's On First (WOF) records as JSON Lines of their `properties` (`*.jsonl`, `*.jsonl.gz`);
- a checkout of WOF's `whosonfirst-data-admin-xx` repositories (`data/…/<id>.geojson` files
  whose `properties` hold the same keys; `-alt-` geometries are skipped);
- GeoNames country dumps (`XX.txt` in the download server's tab-separated format, or `XX.zip`).

Output: one place database (`placedb.py`) with localities, quarters, airports and admin2/admin3
districts, each with its alternate (Latin-script) names, population, place type, point, and admin
names from the source's hierarchy (WOF region/county/localadmin, GeoNames ADM1/ADM2/ADM3). Each
place's admin1 is also given as the GeoNames admin1 code the shipped gazetteer uses, so that it
is spelled like every other place's: a WOF record with a GeoNames concordance takes that place's
code, the others their region's (the code most of the region's GeoNames places carry), else the
code of the nearest shipped place. The file records its sources, their licences and whom to
credit. Written to a temporary file and renamed: a failed build leaves the old one in place.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import math
import os
import time
import unicodedata
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.knowledge.gazetteer import admin1_names
from sitrep.knowledge.placedb import PlaceRow, PlaceTable, SourceInfo, write_place_db
from sitrep.knowledge.placenames import name_key

log = logging.getLogger(__name__)

BUILDER_VERSION = 3
WOF = "Who's On First"
GEONAMES = "GeoNames"
LICENCES = {
    WOF: ("CC0 (Who's On First's own work); records imported from GeoNames: CC BY 4.0",
          "Who's On First (whosonfirst.org) and GeoNames (geonames.org)"),
    GEONAMES: ("CC BY 4.0", "GeoNames (geonames.org)"),
}  # fmt: skip

# WOF place types kept as places, and what they are (feature class, code).
WOF_PLACETYPES = {
    "locality": ("P", "PPL"), "neighbourhood": ("P", "PPLX"), "macrohood": ("P", "PPLX"),
    "microhood": ("P", "PPLX"), "borough": ("P", "PPLX"), "campus": ("S", "CMPS"),
    "county": ("D", "ADM2"), "localadmin": ("D", "ADM3"),
}  # fmt: skip
# GeoNames feature codes kept besides populated places (class P): districts and the kinds of site
# conflict news names (airports and bases, camps, prisons, dams, oil and gas fields, border posts).
GEONAMES_DISTRICTS = {"ADM2": "ADM2", "ADM3": "ADM3"}
GEONAMES_SITES = {"AIRB", "AIRF", "AIRP", "AIRH", "MILB", "INSM", "CMPRF", "PRN", "DAM", "PS",
                  "OILF", "GASF", "OILR", "PSTB", "PSTC"}  # fmt: skip
GEONAMES_SKIP_P = {"PPLH"}  # a historical place is not where today's news happens
GEONAMES_COLUMNS = 19
# WOF records of one place imported twice lie this close under one name.
DUPLICATE_KM = 2.0


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: where it wrote, how many places of each kind, from which sources."""

    path: Path
    places: int
    by_class: dict[str, int]
    by_country: dict[str, int]
    sources: list[SourceInfo]
    skipped: dict[str, int]
    seconds: float
    up_to_date: bool = False


@dataclass(slots=True)
class _Record:
    """A place read from a source, before hierarchy names and admin codes are attached."""

    id: str
    name: str
    names: list[str]
    feature_class: str
    feature_code: str
    population: int
    latitude: float
    longitude: float
    country_code: str
    region: str = ""  # source ids of the places above it
    county: str = ""
    localadmin: str = ""
    admin1_code: str = ""  # GeoNames sources give codes directly
    admin2_code: str = ""
    admin3_code: str = ""
    same_as: str = ""
    current: int = -1
    source: str = ""
    own_names: dict[str, str] = field(default_factory=dict)


# --- finding the input files --------------------------------------------------------------------


def input_files(paths: Iterable[Path]) -> list[tuple[str, Path]]:
    """(kind, file) for every input under `paths`: "wof-jsonl", "wof-geojson" or "geonames"."""
    out: list[tuple[str, Path]] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    kind = _kind(Path(root) / f, in_folder=True)
                    if kind:
                        found.append((kind, Path(root) / f))
            if not found:
                raise InputError(f"{path}: no Who's On First (.jsonl, .jsonl.gz, .geojson) or "
                                 f"GeoNames (XX.txt, XX.zip) files in this folder")  # fmt: skip
            out.extend(found)
        elif path.is_file():
            kind = _kind(path, in_folder=False)
            if kind is None:
                raise InputError(f"{path}: not a Who's On First file (.jsonl, .jsonl.gz, "
                                 f".geojson) nor a GeoNames dump (XX.txt, XX.zip)")  # fmt: skip
            out.append((kind, path))
        else:
            raise InputError(f"{path}: no such file or folder")
    return out


def _kind(path: Path, in_folder: bool) -> str | None:
    name = path.name
    if name.endswith((".jsonl", ".jsonl.gz")):
        return "wof-jsonl"
    if name.endswith(".geojson"):
        return None if "-alt-" in name else "wof-geojson"
    stem, ext = os.path.splitext(name)
    if ext in (".txt", ".zip") and len(stem) == 2 and stem.isalpha() and stem.isupper():
        return "geonames"
    if not in_folder and ext in (".txt", ".zip"):
        return "geonames"  # named otherwise, but given by hand: read as a dump, checked per line
    return None


# --- Who's On First ----------------------------------------------------------------------------


def _wof_lines(kind: str, path: Path) -> Iterator[tuple[int, str]]:
    if kind == "wof-geojson":
        yield 1, path.read_text(encoding="utf-8")
        return
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
            for n, line in enumerate(fh, start=1):
                if line.strip():
                    yield n, line
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None


def read_wof(kind: str, path: Path, skipped: Counter[str]) -> Iterator[_Record]:
    """WOF records of kept place types (regions and countries too: they name the hierarchy)."""
    for line_no, line in _wof_lines(kind, path):
        where = f"{path}:{line_no}" if kind == "wof-jsonl" else str(path)
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not JSON ({exc.msg})") from None
        if not isinstance(data, dict):
            raise InputError(f"{where}: not a JSON object")
        props = data.get("properties", data) if kind == "wof-geojson" else data
        if not isinstance(props, dict):
            raise InputError(f"{where}: no properties")
        record = _wof_record(props, where, skipped)
        if record is not None:
            yield record


def _wof_record(p: dict[str, Any], where: str, skipped: Counter[str]) -> _Record | None:
    missing = [k for k in ("wof:id", "wof:name", "wof:placetype") if k not in p]
    if missing:
        raise InputError(f"{where}: a Who's On First record needs {', '.join(missing)} "
                         f"(is this a WOF file?)")  # fmt: skip
    placetype = p["wof:placetype"]
    if placetype not in WOF_PLACETYPES and placetype != "region":
        skipped[f"placetype {placetype}"] += 1
        return None
    if p.get("edtf:deprecated") or p.get("wof:superseded_by"):
        skipped["deprecated or superseded"] += 1
        return None
    cc = str(p.get("wof:country") or p.get("iso:country") or "").upper()
    if len(cc) != 2:
        skipped["no country"] += 1
        return None
    lat = p.get("lbl:latitude", p.get("geom:latitude"))
    lon = p.get("lbl:longitude", p.get("geom:longitude"))
    try:
        lat, lon = float(lat), float(lon)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"{where}: record {p['wof:id']} has no coordinates "
                         f"(geom:latitude/geom:longitude)") from None  # fmt: skip
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        skipped["no coordinates"] += 1
        return None
    names = [str(p["wof:name"])]
    for key, values in sorted(p.items()):
        if key.startswith("name:") and "_x_" in key and not key.endswith("_x_historical"):
            names.extend(str(v) for v in (values if isinstance(values, list) else [values]))
    hierarchy = (p.get("wof:hierarchy") or [{}])[0] or {}
    concord = p.get("wof:concordances") or {}
    gn = concord.get("gn:id") if isinstance(concord, dict) else None
    population = max(_int(p.get("gn:population")), _int(p.get("wof:population")))
    feature_class, code = WOF_PLACETYPES.get(placetype, ("A", "ADM1"))
    if placetype == "campus" and "airport" in str(p["wof:name"]).lower():
        code = "AIRP"
    return _Record(
        id=f"wof:{p['wof:id']}", name=str(p["wof:name"]), names=names,
        feature_class=feature_class, feature_code=code, population=population, latitude=lat,
        longitude=lon, country_code=cc, region=_ref(hierarchy.get("region_id")),
        county=_ref(hierarchy.get("county_id")), localadmin=_ref(hierarchy.get("localadmin_id")),
        same_as=f"gn:{gn}" if gn and _int(gn) > 0 else "", current=_int(p.get("mz:is_current"), -1),
        source=WOF,
    )  # fmt: skip


def _ref(value: Any) -> str:
    return f"wof:{value}" if value not in (None, "", -1, 0) else ""


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# --- GeoNames -------------------------------------------------------------------------------------


def _geonames_lines(path: Path) -> Iterator[tuple[str, int, str]]:
    try:
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as z:
                members = [m for m in z.namelist() if m.endswith(".txt") and m != "readme.txt"]
                if not members:
                    raise InputError(f"{path}: no XX.txt dump inside the archive")
                for member in members:
                    with z.open(member) as raw:
                        text = io.TextIOWrapper(raw, encoding="utf-8")
                        for n, line in enumerate(text, start=1):
                            yield f"{path}!{member}", n, line
            return
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                yield str(path), n, line
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None


def read_geonames(path: Path, skipped: Counter[str]) -> Iterator[_Record]:
    """Places, districts and sites of a GeoNames country dump (ADM1 rows name the regions)."""
    for where, line_no, line in _geonames_lines(path):
        line = line.rstrip("\n").rstrip("\r")
        if not line or line.startswith("#"):
            continue
        r = line.split("\t")
        if len(r) != GEONAMES_COLUMNS:
            raise InputError(f"{where}:{line_no}: {len(r)} tab-separated columns, a GeoNames "
                             f"dump has {GEONAMES_COLUMNS} (geonameid, name, asciiname, "
                             f"alternatenames, latitude, longitude, feature class, …)")  # fmt: skip
        try:
            gid, lat, lon = int(r[0]), float(r[4]), float(r[5])
        except ValueError:
            raise InputError(f"{where}:{line_no}: geonameid, latitude and longitude must be "
                             f"numbers ({r[0]!r}, {r[4]!r}, {r[5]!r})") from None  # fmt: skip
        fclass, fcode, cc = r[6], r[7], r[8].upper()
        if fclass == "P" and fcode not in GEONAMES_SKIP_P:
            kind = ("P", fcode or "PPL")
        elif fclass == "A" and fcode == "ADM1":
            kind = ("A", "ADM1")
        elif fclass == "A" and fcode in GEONAMES_DISTRICTS:
            kind = ("D", GEONAMES_DISTRICTS[fcode])
        elif fcode in GEONAMES_SITES:
            kind = ("S", fcode)
        else:
            skipped[f"GeoNames {fclass}.{fcode}"] += 1
            continue
        names = [r[1], r[2], *(a for a in r[3].split(",") if a)]
        yield _Record(
            id=f"gn:{gid}", name=r[1], names=names, feature_class=kind[0], feature_code=kind[1],
            population=_int(r[14]), latitude=lat, longitude=lon, country_code=cc,
            admin1_code=r[10], admin2_code=r[11], admin3_code=r[12], source=GEONAMES,
        )  # fmt: skip


# --- names ------------------------------------------------------------------------------------


def latin_names(names: Iterable[str], limit: int = 60) -> list[str]:
    """The distinct names written in Latin letters (the articles sitrep reads are English);
    Arabic, Persian, Hebrew and other scripts are left out, as are one- and two-letter codes."""
    seen: set[str] = set()
    out = []
    for name in names:
        name = " ".join(name.split())
        folded = name.casefold()
        if not name or folded in seen or "|" in name or len(name) > 80:
            continue
        letters = [c for c in name if c.isalpha()]
        if len(letters) < 3 or not all(unicodedata.name(c, "").startswith("LATIN")
                                       for c in letters):  # fmt: skip
            continue
        seen.add(folded)
        out.append(name)
    return out[:limit]


def ascii_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out.replace("ı", "i").replace("ʿ", "'").replace("ʾ", "'").replace("‘", "'")


# --- the build ------------------------------------------------------------------------------------


def build_villages(paths: Iterable[Path], output: Path, shipped: PlaceTable,
                   force: bool = False,
                   progress: Callable[[str], None] | None = None) -> BuildReport:  # fmt: skip
    """Read every input under `paths` and write the village gazetteer to `output` atomically.

    With the same inputs (by content hash) and the same builder and name keys, an existing
    `output` is left as it is (`up_to_date`), unless `force`.
    """
    t0 = time.perf_counter()
    say = progress or (lambda _: None)
    files = input_files(paths)
    fingerprints = {str(p): _fingerprint(kind, p) for kind, p in files}
    signature = hashlib.sha256(json.dumps(
        [BUILDER_VERSION, shipped.meta.get("placenames_sha256"), shipped.meta.get("rows_sha256"),
         sorted(fingerprints.values())]).encode()).hexdigest()  # fmt: skip
    if output.is_file() and not force:
        try:
            old = PlaceTable(output, "existing")
            if old.meta.get("input_signature") == signature and not old.stale:
                return BuildReport(output, len(old), old.meta.get("by_class", {}),
                                   old.meta.get("by_country", {}), old.sources, {},
                                   time.perf_counter() - t0, up_to_date=True)  # fmt: skip
        except Exception:  # noqa: BLE001 - an unreadable old file is simply rebuilt
            pass

    skipped: Counter[str] = Counter()
    records: list[_Record] = []
    sources: list[SourceInfo] = []
    by_source_counts: Counter[tuple[str, str]] = Counter()
    for kind, path in files:
        before = len(records)
        reader = read_geonames(path, skipped) if kind == "geonames" else read_wof(kind, path,
                                                                                    skipped)
        records.extend(reader)
        source = GEONAMES if kind == "geonames" else WOF
        by_source_counts[(source, kind)] += len(records) - before
        if kind != "wof-geojson":
            say(f"read {len(records) - before:,} records from {path}")
            sources.append(_source_info(source, kind, path, len(records) - before,
                                        fingerprints[str(path)]))  # fmt: skip
    geojson = [p for k, p in files if k == "wof-geojson"]
    if geojson:
        n = by_source_counts[(WOF, "wof-geojson")]
        roots = sorted({str(_checkout_root(p)) for p in geojson})
        say(f"read {n:,} records from {len(geojson):,} .geojson files")
        for root in roots:
            sources.append(_source_info(WOF, "wof-geojson", Path(root), n, _git_commit(Path(root))))
    if not any(r.feature_class != "A" for r in records):
        raise InputError("no places in the inputs (" + ", ".join(str(p) for p in paths) + ")")

    rows = _rows(records, shipped, skipped)
    say(f"{len(rows):,} places after merging duplicates")
    by_class = Counter(r.feature_class for r in rows)
    by_country = Counter(r.country_code for r in rows)
    meta = {
        "kind": "village gazetteer", "builder_version": BUILDER_VERSION,
        "input_signature": signature, "shipped_rows_sha256": shipped.meta.get("rows_sha256"),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                time.gmtime()),
        "by_class": dict(sorted(by_class.items())), "by_country": dict(sorted(by_country.items())),
        "skipped": dict(sorted(skipped.items())),
        "credit": "Place data from Who's On First and GeoNames (see sources)",
    }  # fmt: skip
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        write_place_db(tmp, rows, meta, sources)
        os.replace(tmp, output)
    finally:
        tmp.unlink(missing_ok=True)
    return BuildReport(output, len(rows), dict(by_class), dict(by_country), sources,
                       dict(skipped), time.perf_counter() - t0)  # fmt: skip


def _rows(records: list[_Record], shipped: PlaceTable, skipped: Counter[str]) -> list[PlaceRow]:
    """Hierarchy names and GeoNames admin1 codes attached, duplicates merged, sorted by id."""
    by_id = {r.id: r for r in records}
    # A GeoNames dump row that a WOF record carries as its concordance is that record.
    concordant = {r.same_as: r for r in records if r.same_as}
    merged: list[_Record] = []
    for r in records:
        twin = concordant.get(r.id) if r.source == GEONAMES else None
        if twin is not None:
            twin.names.extend(r.names)
            twin.admin1_code = twin.admin1_code or r.admin1_code
            skipped["GeoNames row merged into its WOF record"] += 1
        elif r.feature_class != "A":
            merged.append(r)
    merged = _merge_duplicates(merged, skipped)

    shipped_codes = _shipped_admin1(shipped)
    region_codes = _region_codes(merged, shipped_codes)
    # A region its places do not vote for (most of them lack a GeoNames twin in the shipped
    # table) is the admin1 area of its own name, when exactly one of its country has it: WOF's
    # Wardak region is Wardak, not the Bamyan, Kabul or Wardak of each village's nearest town.
    by_name = _admin1_by_name()
    for r in records:
        if r.feature_class == "A" and r.id not in region_codes:
            found = {code for n in r.names if (code := by_name.get((r.country_code, name_key(n))))}
            if len(found) == 1:
                region_codes[r.id] = found.pop()
    # A region's code is no code of another country: WOF files East Jerusalem's quarters as
    # Palestine's under Israel's Jerusalem region, whose Israeli towns vote Israel's code.
    codes = {(cc, code) for cc, code, _, _ in shipped_codes.values()}
    nearest = _NearestShipped(shipped_codes.values())
    gn_admin = {(r.country_code, r.feature_code, r.admin1_code, r.admin2_code,
                 r.admin3_code): r.name
                for r in records if r.source == GEONAMES and r.feature_class in "AD"}  # fmt: skip
    rows = []
    for r in merged:
        if r.source == GEONAMES:
            admin1 = gn_admin.get((r.country_code, "ADM1", r.admin1_code, "", ""), "")
            admin2 = gn_admin.get((r.country_code, "ADM2", r.admin1_code, r.admin2_code, ""), "")
            admin3 = gn_admin.get((r.country_code, "ADM3", r.admin1_code, r.admin2_code,
                                   r.admin3_code), "")  # fmt: skip
            code = r.admin1_code
            if r.feature_class == "D":
                admin2 = admin2 if r.feature_code == "ADM3" else r.name
                admin3 = r.name if r.feature_code == "ADM3" else ""
        else:
            region, county, localadmin = by_id.get(r.region), by_id.get(r.county), by_id.get(
                r.localadmin)
            admin1 = region.name if region else ""
            admin2 = county.name if county else (r.name if r.feature_code == "ADM2" else "")
            admin3 = localadmin.name if localadmin else (r.name if r.feature_code == "ADM3"
                                                         else "")  # fmt: skip
            shipped_twin = shipped_codes.get(r.same_as)
            if shipped_twin is not None and shipped_twin[0] == r.country_code:
                code = shipped_twin[1]
            else:
                code = region_codes.get(r.region, "")
                if (r.country_code, code) not in codes:
                    code = nearest.code(r)
        names = latin_names([r.name, *r.names])
        if not names:
            skipped["no Latin-script name"] += 1
            continue
        name = names[0]
        # The concordance is kept where the shipped table has that place: extraction then reads
        # the two as one (the shipped row, with this one's names and districts).
        same_as = r.same_as if r.same_as in shipped_codes else ""
        rows.append(PlaceRow(
            r.id, name, ascii_name(name), tuple(n for n in names[1:] if n != ascii_name(name)),
            r.feature_class, r.feature_code, r.population, r.latitude, r.longitude,
            r.country_code, code, admin1, admin2, admin3, same_as, r.source,
        ))  # fmt: skip
    return sorted(rows, key=lambda row: (row.country_code, row.id))


def _merge_duplicates(records: list[_Record], skipped: Counter[str]) -> list[_Record]:
    """One record per place: WOF holds some villages twice (an import and a later edit) under
    one name a few hundred metres apart; the current, populated one keeps the other's names."""
    groups: dict[tuple[str, str, str], list[_Record]] = defaultdict(list)
    for r in records:
        groups[(r.country_code, r.feature_class, name_key(r.name))].append(r)
    out = []
    for group in groups.values():
        group.sort(key=lambda r: (-(r.current == 1), r.current == 0, -r.population,
                                  not r.same_as, r.id))  # fmt: skip
        kept: list[_Record] = []
        for r in group:
            twin = next((k for k in kept if _km(k, r) <= DUPLICATE_KM), None)
            if twin is None:
                kept.append(r)
            else:
                twin.names.extend(r.names)
                twin.same_as = twin.same_as or r.same_as
                skipped["duplicate record merged"] += 1
        out.extend(kept)
    return out


def _shipped_admin1(shipped: PlaceTable) -> dict[str, tuple[str, str, float, float]]:
    """The shipped table's towns: GeoNames id → (country, admin1 code, latitude, longitude)."""
    return {row.id: (row.country_code, row.admin1_code, row.latitude, row.longitude)
            for _, row in shipped if row.feature_class == "P" and row.admin1_code}  # fmt: skip


def _region_codes(records: list[_Record],
                  shipped: dict[str, tuple[str, str, float, float]]) -> dict[str, str]:  # fmt: skip
    """WOF region → the GeoNames admin1 code most of its GeoNames-concordant places carry, when
    at least 80 % of them agree (a region split since, as Lebanon's North and Akkar, is not
    mapped as a whole: its places take their nearest shipped town's code)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        twin = shipped.get(r.same_as)
        if r.region and twin is not None and twin[0] == r.country_code:
            votes[r.region][twin[1]] += 1
    out = {}
    for region, counter in votes.items():
        (code, n), total = counter.most_common(1)[0], sum(counter.values())
        if n / total >= 0.8:
            out[region] = code
    return out


def _admin1_by_name() -> dict[tuple[str, str], str]:
    """(country, loose key of a name) → its admin1 code, for names only one area of the country
    carries."""
    codes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (cc, code), names in admin1_names().items():
        for n in names:
            codes[(cc, name_key(n))].add(code)
    return {key: next(iter(found)) for key, found in codes.items() if len(found) == 1}


class _NearestShipped:
    """The admin1 code of the nearest shipped town in the same country (a half-degree grid)."""

    def __init__(self, towns: Iterable[tuple[str, str, float, float]]):
        self.grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for cc, code, lat, lon in towns:
            self.grid[(cc, int(lat * 2 // 1), int(lon * 2 // 1))].append((lat, lon, code))

    def code(self, r: _Record) -> str:
        gy, gx = int(r.latitude * 2 // 1), int(r.longitude * 2 // 1)
        for radius in (1, 2, 4):
            best: tuple[float, str] | None = None
            for dy in range(-radius, radius + 1):
                for dx in range(-radius, radius + 1):
                    for lat, lon, code in self.grid.get((r.country_code, gy + dy, gx + dx), ()):
                        d = (lat - r.latitude) ** 2 + ((lon - r.longitude)
                                                       * math.cos(math.radians(lat))) ** 2
                        if best is None or d < best[0]:
                            best = (d, code)
            if best is not None:
                return best[1]
        return ""


def _km(a: _Record, b: _Record) -> float:
    dy = (a.latitude - b.latitude) * 111.2
    dx = (a.longitude - b.longitude) * 111.2 * math.cos(math.radians(a.latitude))
    return math.hypot(dx, dy)


def _fingerprint(kind: str, path: Path) -> str:
    if kind == "wof-geojson":
        st = path.stat()
        return f"{path}:{st.st_size}:{st.st_mtime_ns}"
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _source_info(source: str, kind: str, path: Path, records: int, digest: str) -> SourceInfo:
    licence, credit = LICENCES[source]
    return SourceInfo(source, kind, str(path), records, licence, credit, digest)


def _checkout_root(path: Path) -> Path:
    """The repository a WOF .geojson file belongs to (the folder above `data/`)."""
    for parent in path.parents:
        if parent.name == "data":
            return parent.parent
    return path.parent


def _git_commit(root: Path) -> str:
    """The checked-out commit of a WOF repository, when it is a git checkout."""
    head = root / ".git" / "HEAD"
    try:
        ref = head.read_text(encoding="utf-8").strip()
        if ref.startswith("ref: "):
            return (root / ".git" / ref[5:]).read_text(encoding="utf-8").strip()
        return ref
    except OSError:
        return ""
