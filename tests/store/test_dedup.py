"""The rules that decide when two documents' events are one happening, on constructed pairs."""

from __future__ import annotations

from typing import Any

import pytest
from store_factories import make_event

from sitrep.records import Span
from sitrep.store.dedup import (
    DATE_TOLERANCE_DAYS,
    MAX_DISTANCE_KM,
    combine_reports,
    compatible_modality,
    distance_km,
    same_happening,
)

US = "Military Forces of the United States (2021-)"
KH = "Kata'ib Hezbollah"
SYRIA_ARMY = "Military Forces of Syria (2000-2024)"
REBELS = "Hayat Tahrir al-Sham"

# A report that places the event only in Syria (the country's centroid, precision 3).
IN_SYRIA = dict(
    admin1=None, admin2=None, location="Syria", latitude=35.0, longitude=38.5, geo_precision=3
)
UNNAMED = dict(actor1="Unidentified Armed Group (Syria)", actor2=None)
WIRE = (Span("Gunmen killed two civilians in Syria on Saturday", 0, 48),)
REPRINT = (Span("gunmen killed two civilians in Syria  on Saturday", 5, 54),)  # case, spaces
LOCAL = (Span("two villagers were shot dead by unknown men", 10, 53),)

# (description, fields of event a, fields of event b, expected)
PAIRS: list[tuple[str, dict[str, Any], dict[str, Any], bool]] = [
    ("identical reports", {}, {}, True),
    ("one report does not name the target", {}, {"actor2": None}, True),
    (
        "one report says 'unidentified' attackers",
        {},
        {"actor1": "Unidentified Armed Group (Syria)"},
        True,
    ),
    ("different attackers", {}, {"actor1": "Military Forces of Israel (2022-)"}, False),
    ("actor names differ only in case", {}, {"actor2": KH.upper()}, True),
    (
        "different sub-event type",
        {},
        {"sub_event_type": "Shelling/artillery/missile attack"},
        False,
    ),
    ("different event type", {}, {"event_type": "Battles", "sub_event_type": "Armed clash"}, False),
    ("the next day, both days known", {}, {"event_date": "2023-12-10"}, False),
    (
        "the next day, one report only knows the week",
        {},
        {"event_date": "2023-12-12", "time_precision": 2},
        True,
    ),
    (
        "eight days apart, one knows only the week",
        {},
        {"event_date": "2023-12-17", "time_precision": 2},
        False,
    ),
    (
        "a day inside the other report's span",
        {"event_date": "2023-12-07", "date_start": "2023-12-07", "date_end": "2023-12-10"},
        {"event_date": "2023-12-09"},
        True,
    ),
    (
        "no date in one report",
        {},
        {"event_date": None, "date_start": None, "date_end": None},
        False,
    ),
    (
        "the same town: Deir ez Zor and its outskirts 8 km away",
        {},
        {"latitude": 35.30, "longitude": 40.21, "location": "Outskirts"},
        True,
    ),
    ("Al Mayadin is 44 km from Deir ez Zor", {}, {"place": "Al Mayadin"}, False),
    (
        "district-level report in the same admin2",
        {},
        {"geo_precision": 2, "latitude": 35.0, "longitude": 40.6},
        True,
    ),
    (
        "province-level report in the same admin1",
        {},
        {"place": "Al Mayadin", "geo_precision": 3},
        True,
    ),
    (
        "province-level report in another province",
        {},
        {"place": "Al Hasakeh", "geo_precision": 3},
        False,
    ),
    ("another country", {}, {"place": "Erbil"}, False),
    ("both reports only know the country", IN_SYRIA, IN_SYRIA, True),
    ("one report only knows the country, both name the attacker", {}, IN_SYRIA, True),
    (
        "only the country and nobody named: not enough to be one happening",
        {**IN_SYRIA, **UNNAMED, "evidence": WIRE},
        {**UNNAMED, "evidence": LOCAL},
        False,
    ),
    (
        "only the country and nobody named, but the same story reprinted",
        {**IN_SYRIA, **UNNAMED, "evidence": WIRE},
        {**UNNAMED, "evidence": REPRINT},
        True,
    ),
    (
        "only the country, a different country",
        IN_SYRIA,
        {"place": "Erbil", **{k: v for k, v in IN_SYRIA.items() if k != "location"}},
        False,
    ),
    (
        "no place in one report",
        {},
        {
            "country": None,
            "iso3": None,
            "admin1": None,
            "admin2": None,
            "location": None,
            "latitude": None,
            "longitude": None,
            "geo_precision": None,
        },
        False,
    ),
    ("claimed by the attacker vs reported as occurred", {}, {"modality": "claimed"}, True),
    ("denied by the attacker vs reported as occurred", {}, {"modality": "denied"}, True),
    ("a threat is not the strike", {}, {"modality": "threatened"}, False),
    ("a simulated strike is not a strike", {}, {"modality": "simulated"}, False),
    (
        "battle actors in either order",
        {
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": SYRIA_ARMY,
            "actor2": REBELS,
        },
        {
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": REBELS,
            "actor2": SYRIA_ARMY,
        },
        True,
    ),
    ("air strike actors are not swapped", {}, {"actor1": KH, "actor2": US}, False),
    (
        "two threats by the same group on the same day",
        {
            "event_type": None,
            "sub_event_type": None,
            "acled_codable": False,
            "plover": "THREATEN",
            "modality": "threatened",
            "actor1": KH,
            "actor2": US,
        },
        {
            "event_type": None,
            "sub_event_type": None,
            "acled_codable": False,
            "plover": "THREATEN",
            "modality": "threatened",
            "actor1": KH,
            "actor2": None,
        },
        True,
    ),
    (
        "uncodable events of different PLOVER kinds",
        {"event_type": None, "sub_event_type": None, "plover": "THREATEN"},
        {"event_type": None, "sub_event_type": None, "plover": "ACCUSE"},
        False,
    ),
    (
        "uncodable events without any kind",
        {"event_type": None, "sub_event_type": None, "plover": None},
        {"event_type": None, "sub_event_type": None, "plover": None},
        False,
    ),
]


@pytest.mark.parametrize(("a", "b", "expected"), [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_same_happening(a: dict[str, Any], b: dict[str, Any], expected: bool) -> None:
    ea = make_event(**{"actor1": US, "actor2": KH, **a})
    eb = make_event(**{"actor1": US, "actor2": KH, **b})
    assert same_happening(ea, eb) is expected
    # The relation is symmetric, and works on records and on their dicts alike.
    assert same_happening(eb.to_dict(), ea.to_dict()) is expected


def test_thresholds_are_the_documented_ones() -> None:
    assert MAX_DISTANCE_KM == 25.0
    assert DATE_TOLERANCE_DAYS == {1: 0, 2: 7, 3: 31}


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((35.336, 40.141), (35.020, 40.452), 44.6),  # Deir ez Zor - Al Mayadin
        ((33.341, 44.401), (36.191, 44.009), 318.6),  # Baghdad - Erbil
        ((0.0, 0.0), (0.0, 0.0), 0.0),
    ],
)
def test_distance_km(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert distance_km(*a, *b) == pytest.approx(km, abs=1.0)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("occurred", "claimed", True),
        ("planned", "threatened", True),
        ("feared", "occurred", False),
        (None, "occurred", True),
        ("negated", "negated", True),
        ("hypothetical", "simulated", False),
    ],
)
def test_compatible_modality(a: str | None, b: str | None, expected: bool) -> None:
    assert compatible_modality(a, b) is expected


def test_combined_report_takes_the_most_precise_and_most_conservative_values() -> None:
    early = make_event(
        actor1=None,
        inter1=None,
        place="Deir ez Zor",
        geo_precision=3,
        time_precision=2,
        fatalities=12,
        fatalities_qualifier="about",
        modality="claimed",
        loaded_terms=("martyr",),
        confidence=0.5,
    ).to_dict()
    precise = make_event(
        place="Al Mayadin",
        event_date="2023-12-08",
        fatalities=7,
        fatalities_qualifier="exact",
        loaded_terms=("occupation",),
        confidence=0.9,
    ).to_dict()
    merged = combine_reports([early, precise])
    assert merged["event_id"] == early["event_id"]
    assert (merged["location"], merged["geo_precision"]) == ("Al Mayadin", 1)
    assert (merged["event_date"], merged["time_precision"]) == ("2023-12-08", 1)
    assert (merged["actor1"], merged["inter1"], merged["interaction"]) == (US, 8, 38)
    assert (merged["fatalities"], merged["fatalities_qualifier"]) == (7, "exact")
    assert merged["modality"] == "occurred"
    assert merged["loaded_terms"] == ["martyr", "occupation"]
    assert merged["confidence"] == 0.9
    assert combine_reports([early]) == early
