"""News wording the article set showed: country names against look-alike towns, qualified
regions, hyphenated provinces, datelines, lists of sites and summaries over them, repeated
sentences. Sentences are written for the project."""

from __future__ import annotations

import pytest

from sitrep.extract.places.resolve import resolve_places
from sitrep.ingest.text import read_text
from sitrep.pipeline import extract


@pytest.fixture(autouse=True)
def no_villages(monkeypatch):
    monkeypatch.setenv("SITREP_GAZETTEER", "off")


def _places(text: str) -> dict[str, tuple[str | None, str]]:
    return {m.span.text: (m.place.country, m.place.feature) for m in resolve_places(text)}


def test_a_country_name_is_the_country_not_a_town_listed_with_it_as_a_variant():
    # The gazetteer lists a variant spelling of "Iraq" among the names of Arak (Iran); with Iran
    # the main country the town used to win.
    found = _places(
        "Iranian officials in Tehran said Iran's forces hit a camp in Iraq overnight, and that "
        "Iran would respond to any attack on Iran."
    )
    assert found["Iraq"] == ("Iraq", "country")


def test_a_region_qualified_by_a_country_stays_in_that_country():
    found = _places("Drones struck a depot in Iraq's northern Kurdistan region on Monday.")
    assert found["Kurdistan"][0] == "Iraq"
    found = _places("Artillery hit villages in Iranian Kurdistan on Monday.")
    assert found["Kurdistan"][0] == "Iran"


def test_a_hyphenated_province_is_the_and_joined_one():
    found = _places("Gunmen attacked a checkpoint in Sistan-Baluchestan province on Monday.")
    assert found["Sistan-Baluchestan"] == ("Iran", "admin1")


def test_an_air_base_spelled_in_two_words_is_the_site():
    found = _places("A drone was downed near al-Asad air base in Anbar on Monday.")
    assert any(text.startswith("al-Asad air base") for text in found)


def _events(text: str):
    return [
        (e.location, e.country, e.sub_event_type)
        for e in extract(text, published="2024-03-14").events
        if e.acled_codable
    ]


def test_a_dateline_does_not_place_the_event():
    events = _events(
        "BEIRUT: An Israeli drone struck a car in the south of the country on Wednesday, "
        "wounding two people."
    )
    assert events and all(loc != "Beirut" for loc, _, _ in events)


def test_a_capitalised_noun_opening_a_sentence_is_a_trigger_and_each_listed_town_an_event():
    events = _events(
        "Coalition jets bombed rebel positions in Yemen on Wednesday.\n\n"
        "Airstrikes were reported in the capital Sanaa, the Red Sea port of Hodeidah and the "
        "northern city of Saada."
    )
    places = {loc for loc, _, _ in events}
    assert {"Sanaa", "Al Hudaydah", "Sadah"} <= places
    # The country-level lead sums them up: no fourth event at "Yemen".
    assert "Yemen" not in places


def test_a_count_equal_to_the_listed_sites_gives_one_event_per_site():
    events = _events(
        "Gunmen carried out two attacks against a police station in Rask and an army post in "
        "Chabahar on Wednesday, killing four officers."
    )
    assert {loc for loc, _, _ in events} >= {"Rasak", "Chabahar"}


def test_a_place_and_its_holder_after_a_comma_are_one_site():
    events = _events("On 3 March 2024, students rallied outside a court in Kadikoy town, Istanbul.")
    assert len(events) == 1


def test_a_sentence_repeated_word_for_word_tells_nothing_new():
    once = "US jets also shot down several drones over Daraa and Sweida provinces on Saturday."
    text = f"Summary\n\n• {once}\n\nJordan said its air force intercepted drones.\n\n{once}"
    events = _events(text)
    assert sorted(loc for loc, _, _ in events if loc in ("Dar'a", "As-Sweida")) == [
        "As-Sweida",
        "Dar'a",
    ]


def test_a_body_line_repeating_the_header_date_is_metadata():
    raw = read_text(
        "date 2024-06-05 Drone hits a northern town\nBy Example Wire\n\n"
        "date 2024-06-05 A drone exploded over a northern town on Wednesday.\n\n"
        "date 2024-06-05 https://example.org/story\n\nMore text follows.",
        source="x.txt",
    )
    assert raw.text.startswith("A drone exploded over a northern town")
    assert "https://" not in raw.text and "date 2024" not in raw.text


def test_recent_attacks_told_as_a_reason_are_no_event_of_the_report():
    events = _events(
        "On Tuesday the army shelled rebel positions near Aleppo. The army said it was "
        "responding to recent attacks by the rebels that killed six soldiers in Idlib."
    )
    assert events and all(loc != "Idleb" for loc, _, _ in events)


def test_demonstrating_that_something_is_so_is_no_protest():
    events = _events("The raids demonstrate to the cabinet in Beirut that a war would be costly.")
    assert all(sub != "Peaceful protest" for _, _, sub in events)
    events = _events("On 3 March 2024, students demonstrated in Beirut against rising fuel prices.")
    assert [sub for _, _, sub in events] == ["Peaceful protest"]


def test_a_toll_told_once_for_listed_sites_is_divided_among_them():
    # ACLED divides a toll reported for several events evenly, the remainder to the first.
    text = (
        "Seven soldiers were killed on Monday in attacks on an army base in Rask and a police "
        "station in Chabahar."
    )
    tolls = {
        e.location: e.fatalities
        for e in extract(text, published="2024-03-14").events
        if e.acled_codable
    }
    assert tolls.get("Rasak") == 4
    assert tolls.get("Chabahar") == 3


def test_a_toll_told_with_a_place_away_from_its_trigger_goes_to_the_happening_placed_there():
    # The toll sentence fits both missile attacks; the country its sentence names tells which.
    text = (
        "Iranian forces fired missiles at camps in Syria and in Iraq's Kurdistan region on Monday, "
        "the agency said.\n\nThe missiles destroyed a depot in Erbil, the agency added.\n\n"
        "Three guards were killed and five hurt in the strike, according to Iraq's interior "
        "ministry.\n\nIranian forces also fired missiles at camps near Aleppo."
    )
    tolls = {e.location: e.fatalities for e in extract(text, published="2024-03-14").events}
    assert tolls.get("Erbil") == 3
    assert tolls.get("Aleppo") is None
