"""Parts of admin1 areas ACLED codes apart (`admin_parts.csv`): Shan-North/South/East, Bago-East/
West, Belgrade and Central Serbia, Serbia's districts from 2021."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.knowledge.adminparts import admin1_part, admin_parts, in_part
from sitrep.knowledge.gazetteer import distance_km, load_gazetteer, shipped_table, to_place
from sitrep.knowledge.placenames import name_key


def test_every_reference_town_is_the_shipped_town_of_its_area():
    table = shipped_table()
    for (cc, code), periods in admin_parts().items():
        towns = {(row.asciiname, round(row.latitude, 3), round(row.longitude, 3))
                 for row in table.rows(table.area_rows(cc, code))}  # fmt: skip
        for _, parts in periods:
            for t in parts:
                assert any(distance_km(t.latitude, t.longitude, lat, lon) < 1
                           for _, lat, lon in towns), (cc, code, t)  # fmt: skip


@pytest.mark.parametrize(
    "point, on, part",
    [((22.9, 97.7), None, "Shan-North"), ((20.8, 97.1), None, "Shan-South"),
     ((20.5, 99.8), None, "Shan-East")],
)
def test_a_point_of_shan_state_takes_its_part(point, on, part):
    assert admin1_part("MM", "11", *point, on) == part


def test_serbia_is_coded_by_districts_from_2021():
    nis = (43.32, 21.90)
    assert admin1_part("RS", "SE", *nis, date(2020, 5, 1)) == "Central Serbia"
    assert admin1_part("RS", "SE", *nis, date(2022, 5, 1)) == "Nisava"
    assert admin1_part("RS", "SE", 44.80, 20.46, date(2020, 5, 1)) == "Belgrade"
    # Vojvodina was one area before its districts.
    assert admin1_part("RS", "VO", 45.25, 19.84, date(2020, 5, 1)) is None
    assert admin1_part("RS", "VO", 45.25, 19.84, date(2022, 5, 1)) == "South Backa"


def test_an_area_named_by_its_part_is_at_that_parts_seat():
    shan = next(p for p in load_gazetteer().exact(name_key("Shan"))
                if p.feature_class == "A" and p.country_code == "MM")  # fmt: skip
    place = in_part(to_place(shan, 3, "Shan-North state"), None)
    assert place.admin1 == "Shan-North" and place.latitude > 22.5  # Lashio, not Inle lake


def test_places_are_read_in_the_whole_area_and_coded_in_its_part(code):
    # "X, Shan State": the town lies in the state the text names; the event is in its part.
    doc = code("On 2 May 2022, soldiers shelled houses in Lashio, Shan State.", "2022-05-04")
    assert [(e.location, e.admin1) for e in doc.events] == [("Lashio", "Shan-North")]


def test_the_part_a_sentence_names_goes_first(code):
    doc = code("On 2 May 2022, soldiers shelled houses in Taunggyi town (Shan-North state).",
               "2022-05-04")  # fmt: skip
    assert [e.admin1 for e in doc.events] == ["Shan-North"]


def test_a_town_of_eastern_bago_is_coded_there(code):
    doc = code("On 2 May 2022, soldiers burned houses in Taungoo town.", "2022-05-04")
    assert [e.admin1 for e in doc.events] == ["Bago-East"]


@pytest.mark.parametrize(
    "text, admin1",
    [("On 2 May 2022, farmers protested outside a feed mill in Fengyuan.", "Taichung City"),
     ("On 2 May 2022, fishermen protested at the harbour of Donggang.", "Pingtung"),
     ("On 2 May 2022, nurses protested outside a hospital in Banqiao.", "New Taipei City"),
     ("On 2 May 2022, teachers protested outside the city hall in Taipei.", "Taipei City")],
)
def test_taiwan_is_coded_by_municipality_and_county(code, text, admin1):
    # GeoNames files Taiwan's towns under one province; ACLED codes its cities and counties.
    doc = code(text, "2022-05-04")
    assert [e.admin1 for e in doc.events] == [admin1]


def test_ladakh_is_its_own_area(code):
    doc = code("On 2 May 2022, monks marched through Leh city (Ladakh) to demand jobs.",
               "2022-05-04")  # fmt: skip
    assert [e.admin1 for e in doc.events] == ["Ladakh"]


@pytest.mark.parametrize(
    "text, admin1",
    [("On 2 May 2022, nurses marched to the city hall in Cork to demand more staff.", "Cork City"),
     ("On 2 May 2022, farmers protested outside a meat plant in Tralee, Ireland.", "Kerry"),
     ("On 2 May 2022, residents protested against a waste plant in Tallaght.", "South Dublin")],
)
def test_ireland_is_coded_by_city_and_county(code, text, admin1):
    # GeoNames has Ireland's four provinces; ACLED codes its city and county council areas (a
    # city is no county named after it: "in Cork" is Cork City).
    doc = code(text, "2022-05-04")
    assert [e.admin1 for e in doc.events] == [admin1]


@pytest.mark.parametrize(
    "text, admin1",
    [("On 2 May 2022, unknown men beat a shopkeeper in Mwaro (Mwaro province), Burundi.", "Mwaro"),
     ("On 2 May 2022, youths protested at a market in Karusi, Burundi.", "Karuzi"),
     ("On 2 May 2022, youths protested at a market in Muramvya, Burundi.", "Muramvya")],
)
def test_burundi_is_coded_by_its_former_provinces(code, text, admin1):
    # GeoNames files four former provinces under the 2025 Gitega province (BI.13); ACLED's data
    # code the former provinces.
    doc = code(text, "2022-05-04")
    assert {e.admin1 for e in doc.events} == {admin1}
