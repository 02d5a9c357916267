"""The settlements of a monitoring mission's areas (`monitored_villages.csv`)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from sitrep.knowledge.gazetteer import distance_km, load_gazetteer, monitored_areas
from sitrep.knowledge.monitoredvillages import covered_areas, monitored_villages, villages_named

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_monitored_villages.py"


def _script():
    spec = importlib.util.spec_from_file_location("build_monitored_villages", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "cyrillic, latin",
    [("Щастя", "Shchastia"), ("Золоте", "Zolote"), ("Станиця Луганська", "Stanytsia Luhanska"),
     ("Ясинувата", "Yasynuvata"), ("Маріїнка", "Mariinka"), ("Згурівка", "Zghurivka"),
     ("Юр’ївка", "Yurivka"), ("Новоайдар", "Novoaidar"), ("Гнутове", "Hnutove")],
)
def test_names_are_spelled_by_the_national_transliteration(cyrillic, latin):
    assert _script().transliterate(cyrillic) == latin


def test_every_settlement_lies_in_an_oblast_near_its_seat_and_the_missions_are_covered():
    areas = {a for mission in monitored_areas() for a in mission.areas}
    gaz = load_gazetteer()
    rows = [v for vs in monitored_villages().values() for v in vs]
    assert len(rows) > 25000
    assert areas <= covered_areas()
    assert len(covered_areas()) == 25  # 24 oblasts and Crimea
    for v in rows:
        assert v.country_code == "UA"
        seat = gaz.admin1[(v.country_code, v.admin1_code)]
        assert distance_km(v.latitude, v.longitude, seat.latitude, seat.longitude) < 250
    assert sum(1 for v in rows if (v.country_code, v.admin1_code) in areas) > 2000


def test_a_name_is_looked_up_in_the_areas_asked_for_only():
    both = frozenset({("UA", "05"), ("UA", "14")})
    assert {v.admin1_code for v in villages_named("Bolotene", both)} == {"14"}
    assert villages_named("Bolotene", frozenset({("UA", "05")})) == []
    assert {v.admin1_code for v in villages_named("Molodizhne", both)} == {"05", "14"}


def test_another_romanisation_of_a_ukrainian_name_finds_its_settlement():
    both = frozenset({("UA", "05"), ("UA", "14")})
    # y for the national system's i, h for its kh; the table's own spelling still first
    assert {v.name for v in villages_named("Znamyanka", both)} == {"Znamianka"}
    assert {v.name for v in villages_named("Suhodil", both)} == {"Sukhodil"}
    assert {v.name for v in villages_named("Dolomytne", both)} == {"Dolomitne"}
    assert villages_named("Bolotene", frozenset({("UA", "05")})) == []
