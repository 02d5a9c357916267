"""A district is coded at the town it is named after (`extract/places/villages.district_seat`)."""

from __future__ import annotations

from dataclasses import replace

from sitrep.extract.places.villages import SEAT_KM, district_seat
from sitrep.knowledge.gazetteer import SHIPPED_LABEL, VILLAGE_LABEL, GazPlace, distance_km
from sitrep.knowledge.placenames import name_key


def _place(pid: str, name: str, cls: str, lat: float, lon: float, admin1: str = "01",
           admin2: str | None = None, population: int = 0) -> GazPlace:  # fmt: skip
    return GazPlace(
        id=pid, name=name, alternates=(), feature_class=cls, feature_code="ADM2" if cls == "D"
        else "PPL", population=population, latitude=lat, longitude=lon, country_code="RR",
        country="Ruritania", iso3="RRR", admin1_code=admin1, admin1="North", admin2=admin2,
    )  # fmt: skip


# An invented district whose label point lies 30 km from the town it is named after.
DISTRICT = _place("d1", "Kel Abad", "D", 34.0, 65.0, admin2="Kel Abad")
SEAT = _place("t1", "Hukumat-e Kel Abad", "P", 34.27, 65.0)
ELSEWHERE = _place("t2", "Kel Abad", "P", 34.1, 65.1, admin1="02", population=9000)
OTHER_DISTRICT = _place("t3", "Kel Abad", "P", 34.05, 65.0, admin2="Dara", population=500)
FAR = _place("t4", "Kel Abad", "P", 35.0, 65.0)


def test_the_seat_by_hierarchy_or_by_distance():
    assert distance_km(SEAT.latitude, SEAT.longitude, DISTRICT.latitude, DISTRICT.longitude) < 35
    towns = [ELSEWHERE, OTHER_DISTRICT, FAR, SEAT]
    assert district_seat(DISTRICT, towns, name_key) == SEAT
    # A homonym in another governorate, in another district, or beyond SEAT_KM is no seat.
    assert district_seat(DISTRICT, [ELSEWHERE, OTHER_DISTRICT, FAR], name_key) is None
    assert distance_km(FAR.latitude, FAR.longitude, DISTRICT.latitude, DISTRICT.longitude) > SEAT_KM
    # A town the hierarchy puts inside the district is its seat at any distance.
    inside = _place("t5", "Kel Abad", "P", 34.6, 65.0, admin2="Kel Abad")
    assert district_seat(DISTRICT, [SEAT, inside], name_key) in (SEAT, inside)
    assert district_seat(DISTRICT, [inside], name_key) == inside


def test_a_town_of_the_shipped_table_before_a_hamlet_of_the_village_gazetteer():
    # The district's namesake town is in the shipped table (500 people or more) without a
    # district in its hierarchy; a hamlet of the same name that the village gazetteer files
    # inside the district lies nearer the district's point: the town is the seat.
    town = replace(_place("t6", "Kel Abad", "P", 34.2, 65.05), source=SHIPPED_LABEL)
    hamlet = replace(_place("t7", "Kel Abad", "P", 34.05, 65.0, admin2="Kel Abad"),
                     source=VILLAGE_LABEL)  # fmt: skip
    assert district_seat(DISTRICT, [hamlet, town], name_key) == town
    assert district_seat(DISTRICT, [hamlet], name_key) == hamlet
