"""Wire reports of the 2025 Middle East (our own sentences, written for the project): a dateline
that parses as a subject, an ordinal beside a toll, a speaker the classifier must not read, two
strikes joined by "and", ships' names, the sea and a dateline as the only place, and a plan told
by its date."""

from __future__ import annotations


def _codable(doc):
    return [e for e in doc.events if e.acled_codable and e.modality in ("occurred", "claimed")]


AID_SITE = (
    "GAZA, June 3 (Probe Wire) - Israeli forces opened fire on crowds of Palestinians near an "
    "aid distribution site in Rafah on Tuesday, killing at least 27 people, Gaza's civil "
    "defence agency said."
)


def test_a_datelines_place_is_no_subject_that_makes_the_report_a_claim(code):
    # The parser hangs "GAZA" on the lead's verb as a second subject; "Gaza's civil defence"
    # then looked like the doer speaking of its own act.
    (event,) = _codable(code(AID_SITE, "2025-06-03"))
    assert event.modality == "occurred"
    assert event.fatalities == 27


BEIRUT = (
    "BEIRUT, April 1 (Probe Wire) - An Israeli air strike on a building in Beirut's southern "
    "suburbs killed four people early on Tuesday, including a Hezbollah official, Lebanon's "
    "health ministry said, the second strike on the capital since a ceasefire took effect in "
    "November."
)


def test_an_ordinal_in_apposition_leaves_the_toll_to_the_strike(code):
    doc = code(BEIRUT, "2025-04-01")
    (event,) = _codable(doc)
    assert event.fatalities == 4
    assert all(t.fatalities is None for t in doc.tallies)


HODEIDAH = (
    "Israeli jets struck the ports of Hodeidah and Salif early on Monday, the Israeli military "
    "said."
)


def test_the_speaker_of_a_wire_sentence_does_not_type_the_deed(code):
    # "the Israeli military" read by the classifier had made the strike a demolition.
    (event,) = _codable(code(HODEIDAH, "2025-07-09"))
    assert event.sub_event_type == "Air/drone strike"


TWO_FIELDS = (
    "One drone hit the Sarsang field in Duhok province and another struck the Khurmala field "
    "west of Erbil on Tuesday, the ministry said."
)


def test_two_strikes_joined_by_and_each_with_its_own_subject_and_place(code):
    events = _codable(code(TWO_FIELDS, "2025-07-15"))
    assert sorted(e.admin1 for e in events) == ["Duhok", "Erbil"]


CARRIER = (
    "DUBAI, April 18 (Probe Wire) - Houthi military spokesman Yahya Saree said the group had "
    "targeted the aircraft carrier USS Harry S. Truman in the northern Red Sea with drones."
)


def test_a_ship_the_sea_and_the_dateline_are_no_places_of_the_attack(code):
    # Not a US town named after the ship's namesake, nor Sudan's Red Sea state, nor the
    # country the report was filed from: the Houthis' own country.
    events = code(CARRIER, "2025-04-18").events
    assert events
    assert {e.country for e in events} == {"Yemen"}


EXERCISE = (
    "The British maritime agency said on Wednesday it was conducting an exercise with partners "
    "in the Gulf of Aden later this month."
)


def test_a_happening_dated_after_the_report_is_a_plan(code):
    doc = code(EXERCISE, "2025-07-09")
    assert not _codable(doc)
    assert [e.modality for e in doc.events] == ["planned"]



def test_victims_told_in_an_elliptic_passive_are_one_happening(code):
    # "three were killed and 60 injured": the number the parse makes the second verb's subject
    # is more victims of the same happening, not a second doer with a happening of its own
    text = (
        "NAIROBI - At least three people were killed and 60 injured among anti-tax protesters "
        "who stormed the parliament compound in Nairobi on Tuesday, hospital sources said on "
        "Wednesday."
    )
    events = [e for e in code(text, "2024-06-26").events if e.acled_codable]
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Violent demonstration", 3)]
