"""Curated districts the shipped table lacks (`districts.csv`): Nepal's 77 districts, Pakistan's."""

from __future__ import annotations

from collections import Counter

from sitrep.knowledge.districts import curated_districts
from sitrep.knowledge.gazetteer import distance_km, load_gazetteer
from sitrep.knowledge.placenames import name_key


def test_nepal_has_77_districts_in_its_seven_provinces():
    nepal = [d for d in curated_districts() if d.country_code == "NP"]
    assert len({d.name for d in nepal}) == 77
    assert Counter(d.admin1_code for d in nepal) == {
        "1": 14, "2": 8, "3": 13, "4": 11, "5": 12, "6": 10, "7": 9}  # fmt: skip
    assert all(26.3 < d.latitude < 30.5 and 80.0 < d.longitude < 88.3 for d in nepal)


def test_a_curated_district_is_found_after_a_district_cue_only():
    gaz = load_gazetteer()
    assert [(d.admin1_code, d.admin2) for d in gaz.districts(name_key("Dhanusa"))] == [
        ("2", "Dhanusha")]
    assert not any(p.source == "districts.csv" for p in gaz.exact(name_key("Dhanusha")))


def test_a_district_in_parentheses_gives_province_and_district(code):
    doc = code("On 5 March 2022, shopkeepers staged a sit-in in Gadhimai village (Bara "
               "district), demanding a new road.", "2022-03-07")  # fmt: skip
    assert [(e.country, e.admin1, e.admin2, e.geo_precision) for e in doc.events
            if e.event_type] == [("Nepal", "Madhesh", "Bara", 2)]  # fmt: skip


def test_a_district_before_2021_takes_the_old_regions_spelling(code):
    doc = code("On 5 March 2020, shopkeepers protested in Sundarpur village (Jhapa district) "
               "against a new tax.", "2020-03-07")  # fmt: skip
    assert [(e.country, e.admin1, e.admin2) for e in doc.events
            if e.event_type] == [("Nepal", "East", "Jhapa")]


def test_pakistan_districts_lie_in_their_provinces():
    pakistan = [d for d in curated_districts() if d.country_code == "PK"]
    assert len({d.name for d in pakistan}) == len(pakistan) > 140
    assert {d.admin1_code for d in pakistan} == {"02", "03", "04", "05", "06", "07"}
    assert all(23.5 < d.latitude < 37.2 and 60.8 < d.longitude < 77.9 for d in pakistan)
    # Balochistan lies west of Sindh, Sindh south of Punjab.
    west = max(d.longitude for d in pakistan if d.admin1_code == "02" and d.latitude < 28)
    assert west < min(d.longitude for d in pakistan if d.admin1_code == "05" and d.latitude < 26)
    gaz = load_gazetteer()
    assert [(d.admin1, d.admin2) for d in gaz.districts(name_key("Kech"))] == [
        ("Balochistan", "Kech")]


def test_a_pakistani_district_in_parentheses_gives_province_and_district(code):
    doc = code("On 5 March 2022, gunmen shot dead a shopkeeper in Kolwah bazaar (Kech district, "
               "Balochistan).", "2022-03-07")  # fmt: skip
    assert [(e.country, e.admin1, e.admin2, e.geo_precision) for e in doc.events
            if e.event_type] == [("Pakistan", "Balochistan", "Kech", 2)]  # fmt: skip


def test_myanmar_townships_carry_their_districts():
    gaz = load_gazetteer()
    [pauk] = gaz.districts(name_key("Pauk"))
    assert (pauk.admin1, pauk.admin2, pauk.admin3) == ("Magway", "Pakokku", "Pauk")


def test_a_township_is_finer_than_the_district_named_after_it(code):
    doc = code("On 5 March 2022, in Zin Pyun village (Salingyi township, Yinmarbin district, "
               "Sagaing region), soldiers burned twenty houses.", "2022-03-07")  # fmt: skip
    assert [(e.admin1, e.admin2, e.admin3, e.location) for e in doc.events
            if e.event_type] == [("Sagaing", "Yinmarbin", "Salingyi", "Salingyi")]  # fmt: skip


def test_townships_of_other_states_carry_their_states():
    gaz = load_gazetteer()
    found = {n: gaz.districts(name_key(n)) for n in ("Pekon", "Gyobingauk", "Yebyu", "Demoso")}
    assert {n: [(d.admin1_code, d.admin2) for d in ds] for n, ds in found.items()} == {
        "Pekon": [("11", "Taunggyi")], "Gyobingauk": [("16", "Thayarwady")],
        "Yebyu": [("12", "Dawei")], "Demoso": [("06", "Loikaw")]}  # fmt: skip


def test_a_shan_township_gives_its_seat(code):
    doc = code("On 5 March 2022, in Pekon township (Taunggyi district), soldiers burned ten "
               "houses.", "2022-03-07")  # fmt: skip
    assert [(e.admin1, e.admin2, e.location) for e in doc.events
            if e.event_type] == [("Shan-South", "Taunggyi", "Pekon")]  # fmt: skip


def test_a_mandalay_city_township_is_found_by_either_spelling():
    gaz = load_gazetteer()
    for spelling in ("Pyigyitagon", "Pyigyidagun"):
        assert [(d.admin1_code, d.admin2, d.admin3) for d in gaz.districts(name_key(spelling))] == [
            ("08", "Mandalay", "Pyigyitagon")]


def test_cameroon_has_58_departments_in_its_ten_regions():
    cameroon = [d for d in curated_districts() if d.country_code == "CM"]
    assert len({d.name for d in cameroon}) == 58
    assert Counter(d.admin1_code for d in cameroon) == {
        "04": 4, "05": 4, "07": 7, "08": 8, "09": 6, "10": 5, "11": 10, "12": 6, "13": 4,
        "14": 4}  # fmt: skip
    assert all(1.6 < d.latitude < 13.1 and 8.4 < d.longitude < 16.2 for d in cameroon)


def test_congo_territories_lie_in_their_eastern_provinces():
    congo = [d for d in curated_districts() if d.country_code == "CD"]
    assert len({d.name for d in congo}) == len(congo) >= 25
    assert all(-13.5 < d.latitude < 5.0 and 23.0 < d.longitude < 31.5 for d in congo)
    gaz = load_gazetteer()
    assert [(d.admin1, d.admin2) for d in gaz.districts(name_key("Fizi"))] == [
        ("Sud-Kivu", "Fizi")]


def test_a_congo_territory_in_parentheses_gives_province_and_territory(code):
    doc = code("On 5 March 2022, militiamen attacked Kabwela village (Fizi, Sud-Kivu) and "
               "killed two civilians.", "2022-03-07")  # fmt: skip
    assert [(e.country, e.admin1, e.admin2) for e in doc.events if e.event_type] == [
        ("Democratic Republic of Congo", "Sud-Kivu", "Fizi")]


def test_a_territory_named_like_a_town_abroad_is_the_provinces_territory(code):
    # "Mambasa" is an alternate name of Kenya's Mombasa; the province closing the pair decides.
    doc = code("On 5 March 2022, rebels abducted a farmer in Tobolu village (Mambasa, Ituri).",
               "2022-03-07")  # fmt: skip
    assert [(e.country, e.admin1, e.admin2) for e in doc.events if e.event_type] == [
        ("Democratic Republic of Congo", "Ituri", "Mambasa")]


def test_a_cabo_delgado_district_in_parentheses_gives_its_province(code):
    # Majorca's Palma is the table's only district of that name.
    doc = code("On 5 March 2022, insurgents burned huts in Mapanje village (Palma, Cabo Delgado).",
               "2022-03-07")  # fmt: skip
    assert [(e.country, e.admin1, e.admin2) for e in doc.events if e.event_type] == [
        ("Mozambique", "Cabo Delgado", "Palma")]


def test_ethiopian_zones_south_african_districts_and_korean_counties_carry_their_areas():
    gaz = load_gazetteer()
    found = {n: sorted((d.admin1, d.admin2) for d in gaz.districts(name_key(n)))
             for n in ("West Shoa", "North Shewa", "Uthungulu", "Jindo")}  # fmt: skip
    assert found == {
        "West Shoa": [("Oromia", "West Shewa")],
        "North Shewa": [("Amhara", "North Shewa"), ("Oromia", "North Shewa")],
        "Uthungulu": [("KwaZulu-Natal", "King Cetshwayo")],
        "Jindo": [("South Jeolla", "Jindo")]}  # fmt: skip
    for d in curated_districts():
        if d.country_code in ("ET", "ZA", "KR"):
            seat = gaz.admin1[(d.country_code, d.admin1_code)]
            # within its province's reach (Sekhukhune's seat lies just over its border)
            assert distance_km(d.latitude, d.longitude, seat.latitude, seat.longitude) < 700


def test_a_zone_first_in_the_parenthesis_places_an_unknown_village(code):
    doc = code("On 5 March 2022, gunmen killed two farmers in Qoricha village (East Wollega, "
               "Oromia).", "2022-03-07")  # fmt: skip
    assert [(e.admin1, e.admin2, e.geo_precision) for e in doc.events
            if e.event_type] == [("Oromia", "East Wellega", 2)]  # fmt: skip
