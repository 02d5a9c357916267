"""Parts of admin1 areas that ACLED codes as admin1 areas of their own (`admin_parts.csv`).

GeoNames has one admin1 code for Myanmar's Shan State and one for its Bago Region, where ACLED
writes Shan-North, Shan-South, Shan-East, Bago-East and Bago-West; it has Central Serbia, where
ACLED writes Belgrade for the capital's city area (and, later, Serbia's districts). A place of
such an area takes the part of its nearest reference town: the towns heading each part's
districts stand for the part's extent, which no shipped table draws. The part is given to the
coded event or tally only: while places are read, the area is one (a town of Shan-North named
"X, Shan State" lies in the state the text names).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from sitrep.errors import KnowledgeDataError
from sitrep.knowledge.gazetteer import load_gazetteer
from sitrep.knowledge.loader import read_csv
from sitrep.knowledge.placenames import name_key
from sitrep.records import Place

ADMIN_PARTS_FILE = "admin_parts.csv"


@dataclass(frozen=True, slots=True)
class PartTown:
    """A reference town of an admin1 area's part."""

    part: str  # ACLED's admin1 name of the part
    town: str
    latitude: float
    longitude: float


@cache
def admin_parts() -> dict[tuple[str, str], list[tuple[date, list[PartTown]]]]:
    """(country, GeoNames admin1 code) → [(since, the towns of every part then)], oldest first;
    undated rows are in effect from `date.min`."""
    grouped: dict[tuple[str, str], dict[date, list[PartTown]]] = {}
    rows = read_csv(ADMIN_PARTS_FILE, required=("country_code", "admin1_code", "acled_name",
                                                "town", "latitude", "longitude"))  # fmt: skip
    for n, r in enumerate(rows, start=2):
        try:
            since = date.fromisoformat(r["since"]) if r.get("since") else date.min
            town = PartTown(r["acled_name"], r["town"], float(r["latitude"]),
                            float(r["longitude"]))
        except ValueError:
            raise KnowledgeDataError(f"{ADMIN_PARTS_FILE}: row {n}: bad date or "
                                     "coordinates") from None  # fmt: skip
        area = grouped.setdefault((r["country_code"], r["admin1_code"]), {})
        area.setdefault(since, []).append(town)
    return {key: sorted(by_date.items()) for key, by_date in grouped.items()}


def part_towns(country_code: str, admin1_code: str, on: date | None) -> list[PartTown]:
    """The reference towns of an area's parts on the document's date `on` (a document without a
    date takes the latest rows), each part's seat first; none where the area is not split (or
    not yet, as Vojvodina before its districts)."""
    towns: list[PartTown] = []
    for since, those in admin_parts().get((country_code, admin1_code), ()):
        if on is None or on >= since:
            towns = those
    return towns


def named_part(towns: list[PartTown], text: str | None) -> PartTown | None:
    """The seat of the part the text names the area by ("Shan-North state"), if it does."""
    key = f" {name_key(text or '')} "
    # "in Cork": the city (the town of part Cork City), not the county called after it.
    town_part = {name_key(t.town): t.part for t in towns}
    return next((t for t in towns if f" {name_key(t.part)} " in key
                 and town_part.get(name_key(t.part), t.part) == t.part), None)  # fmt: skip


def admin1_part(country_code: str, admin1_code: str, latitude: float, longitude: float,
                on: date | None) -> str | None:  # fmt: skip
    """ACLED's admin1 name of the part of the area a point lies in on the document's date `on`;
    None where the area is not split."""
    towns = part_towns(country_code, admin1_code, on)
    if not towns:
        return None
    # Degrees of longitude shrink with latitude; within one area a flat correction suffices.
    scale = math.cos(math.radians(latitude))
    nearest = min(towns, key=lambda t: (t.latitude - latitude) ** 2
                  + ((t.longitude - longitude) * scale) ** 2)  # fmt: skip
    return nearest.part


@cache
def _split_areas() -> dict[tuple[str, str], tuple[str, str]]:
    """(country, admin1) as places spell them → (country code, admin1 code), for split areas."""
    gaz = load_gazetteer()
    out = {}
    for cc, code in admin_parts():
        area, country = gaz.admin1.get((cc, code)), gaz.countries.get(cc)
        if area and country:
            out[(country.name, area.name)] = (cc, code)
    return out


def in_part(place: Place, on: date | None, sentence: str = "") -> Place:
    """`place` with its admin1 the part of the area it lies in on the document's date `on`, or
    the part its sentence names ("X village (Y district, Shan-North state)"); an area named by
    a part's name is put at that part's seat."""
    area = _split_areas().get((place.country or "", place.admin1 or ""))
    if area is None or place.latitude is None or place.longitude is None or not place.admin1:
        return place
    towns = part_towns(*area, on)
    if not towns:
        return place
    seat = named_part(towns, sentence or place.location_text)
    part, latitude, longitude = place.admin1, place.latitude, place.longitude
    if seat:
        part = seat.part
        if place.feature == "admin1":
            latitude, longitude = seat.latitude, seat.longitude
    else:
        part = admin1_part(*area, latitude, longitude, on) or part
    location = part if place.location == place.admin1 else place.location
    return replace(place, admin1=part, location=location, latitude=latitude, longitude=longitude)
