"""Actors are named as ACLED named them on each event's date, and state forces retake territory."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "date 2016-05-13 Fighting near Aleppo\n\nNusra Front fighters attacked army positions"
            " near Aleppo on Thursday, killing 12 soldiers.",
            "Al Nusrah Front",
        ),
        (
            "date 2016-10-03 Clashes\n\nHTS fighters clashed with Syrian army troops near Hama"
            " on Sunday.",
            "Jabhat Fateh al Sham",
        ),
        (
            "date 2019-10-03 Clashes\n\nNusra Front fighters clashed with Syrian army troops"
            " near Hama on Sunday.",
            "HTS: Hayat Tahrir al Sham",
        ),
        (
            "date 2025-01-20 A look back\n\nSyrian army troops shelled the town of Saraqib on"
            " 3 March 2024, killing two civilians.",
            "Military Forces of Syria (2000-2024)",
        ),
        (
            "date 2020-05-04 Checkpoint attack\n\nThree policemen were killed during an attack by"
            " Taliban fighters on a checkpoint in Kandahar on Sunday.",
            "Taliban",
        ),
        (
            "date 2022-05-04 Raid in Ghor\n\nTwo militiamen were killed in an operation by Taliban"
            " forces in Ghor province on Sunday.",
            "Military Forces of Afghanistan (2021-)",
        ),
        # A Dinka section's militia: ACLED's 2020 name, then its 2022 one (stop 38).
        (
            "date 2020-05-04 Cattle raid\n\nArmed Twic Dinka youth raided a cattle camp near"
            " Turalei in Warrap state on Sunday, killing two herders.",
            "Twic Clan Dinka Ethnic Militia (South Sudan)",
        ),
        (
            "date 2022-05-04 Cattle raid\n\nArmed Twic Dinka youth raided a cattle camp near"
            " Turalei in Warrap state on Sunday, killing two herders.",
            "Twic Clan Militia (South Sudan)",
        ),
    ],
)
def test_actor_named_as_on_the_event_date(pipeline, text, actor1):
    from sitrep.ingest.text import read_text

    doc = pipeline(read_text(text))
    assert [e.actor1 for e in doc.events if e.acled_codable] == [actor1]


def test_state_forces_retaking_a_town_regain_territory(pipeline):
    from sitrep.ingest.text import read_text

    text = "date 2016-06-10 Mosul\n\nIraqi forces retook the village of Qayyarah on Thursday."
    doc = pipeline(read_text(text))
    ((kind, actor),) = [(e.sub_event_type, e.actor1) for e in doc.events]
    assert kind == "Government regains territory"
    assert actor == "Military Forces of Iraq (2014-2018)"


def test_a_group_become_the_state_is_coded_as_state_forces(pipeline):
    from sitrep.ingest.text import read_text

    text = (
        "date 2022-03-02 Kandahar\n\nTaliban forces clashed with gunmen in Kandahar on Tuesday,"
        " and the army of the former government was disbanded in 2021."
    )
    (event,) = [e for e in pipeline(read_text(text)).events if e.acled_codable]
    assert (event.actor1, event.inter1) == ("Military Forces of Afghanistan (2021-)", 1)


def test_state_forces_are_not_walked_back_to_the_group_they_were_before():
    from datetime import date

    from sitrep.knowledge.actors import actor_dictionary

    dictionary = actor_dictionary(2022)
    assert dictionary.name_on("Taliban", date(2020, 5, 1)) == "Taliban"
    state = "Military Forces of Afghanistan (2021-)"
    assert dictionary.name_on("Taliban", date(2021, 8, 15)) == state
    # An Afghan army event of 2020 told in a 2022 report keeps the old government's forces.
    old = dictionary.name_on(state, date(2020, 5, 1))
    assert old == "Military Forces of Afghanistan (2014-2021)"


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        # ACLED codes Russia's air strikes in Ukraine to its air force …
        ("Ukraine", "Military Forces of Russia (2000-) Air Force"),
        # … and elsewhere to its military.
        ("Syria", "Military Forces of Russia (2000-)"),
    ],
)
def test_air_strikes_go_to_the_air_force_where_acled_codes_them_so(country, expected):
    from datetime import date

    from sitrep.extract.actors.names import air_arm
    from sitrep.extract.state import ActorMention, DocState
    from sitrep.knowledge.actors import actor_dictionary
    from sitrep.records import Actor

    dictionary = actor_dictionary(2022)
    state = DocState(text="Russian jets struck a depot.", published=date(2022, 5, 1), outlet=None)
    entry = dictionary.entry("Military Forces of Russia (2000-)")
    assert entry is not None
    mention = ActorMention(state.span(0, 7), Actor(entry.name, 8, entry.country), "org")
    got = air_arm(mention, country, dictionary)
    assert got is not None and got.actor.name == expected
    assert got.actor.inter == 8  # the inter code of the event's country stays


def _place(country, admin1):
    from sitrep.records import Place

    return Place(country, None, admin1, None, None, None, None, None, 1)


@pytest.mark.parametrize(
    ("name", "admin1", "expected"),
    [
        # ACLED names Northern Ireland's crowds, civilians and social groups after the region …
        ("Protesters (United Kingdom)", "Northern Ireland", "Protesters (Northern Ireland)"),
        ("Rioters (United Kingdom)", "Northern Ireland", "Rioters (Northern Ireland)"),
        ("Civilians (United Kingdom)", "Northern Ireland", "Civilians (Northern Ireland)"),
        ("Teachers (United Kingdom)", "Northern Ireland", "Teachers (Northern Ireland)"),
        # … the rest of the country's after the country, and its state forces stay the state's.
        ("Protesters (United Kingdom)", "England", "Protesters (United Kingdom)"),
        (
            "Police Forces of the United Kingdom (2010-)",
            "Northern Ireland",
            "Police Forces of the United Kingdom (2010-)",
        ),
    ],
)
def test_crowds_of_a_region_acled_names_are_named_after_it(name, admin1, expected):
    from datetime import date

    from sitrep.extract.actors.names import regional
    from sitrep.extract.state import ActorMention, DocState
    from sitrep.knowledge.actors import actor_dictionary
    from sitrep.records import Actor

    dictionary = actor_dictionary(2022)
    state = DocState(text="Residents marched to the hall.", published=date(2022, 5, 1), outlet=None)
    entry = dictionary.entry(name)
    assert entry is not None
    mention = ActorMention(state.span(0, 9), Actor(entry.name, entry.inter, entry.country), "org")
    got = regional(mention, _place("United Kingdom", admin1), dictionary)
    assert got is not None and got.actor.name == expected


def test_a_protest_in_a_named_region_is_by_its_protesters(pipeline):
    from sitrep.ingest.text import read_text

    text = (
        "date 2022-04-02 Rally\n\nOn 1 April 2022, about 40 nurses protested outside a hospital"
        " in Belfast (Belfast, Northern Ireland) over pay."
    )
    doc = pipeline(read_text(text))
    assert [e.actor1 for e in doc.events if e.acled_codable] == ["Protesters (Northern Ireland)"]


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        # Stand-ins the roles made for the country they guessed take the event's country …
        ("Civilians (Iran)", "implicit", "Civilians (Iraq)"),
        ("Unidentified Armed Group (Syria)", "implicit", "Unidentified Armed Group (Iraq)"),
        # … but crowds keep the country the roles read for them, and a named group its own.
        ("Rioters (Israel)", "implicit", "Rioters (Israel)"),
        ("Civilians (Iran)", "org", "Civilians (Iran)"),
        ("Military Forces of Iran (1989-)", "implicit", "Military Forces of Iran (1989-)"),
    ],
)
def test_stand_ins_take_the_country_the_event_was_placed_in(name, kind, expected):
    from datetime import date

    from sitrep.extract.actors.names import relocated
    from sitrep.extract.state import ActorMention, DocState
    from sitrep.knowledge.actors import actor_dictionary
    from sitrep.records import Actor

    dictionary = actor_dictionary(2024)
    state = DocState(text="Four people were hurt.", published=date(2024, 2, 1), outlet=None)
    entry = dictionary.entry(name)
    assert entry is not None
    mention = ActorMention(state.span(0, 11), Actor(entry.name, entry.inter, entry.country), kind)
    got = relocated(mention, _place("Iraq", "Erbil"), dictionary, entry.country)
    assert got is not None and got.actor.name == expected
    if expected != name:
        assert got.actor.country == "Iraq"



def test_civilians_of_the_country_people_fled_keep_it():
    from datetime import date

    from sitrep.extract.actors.names import relocated
    from sitrep.extract.state import ActorMention, DocState
    from sitrep.knowledge.actors import actor_dictionary
    from sitrep.records import Actor

    dictionary = actor_dictionary(2022)
    state = DocState(text="Refugees from Ruritania arrived.", published=date(2022, 6, 1),
                     outlet=None)  # fmt: skip
    entry = dictionary.entry("Civilians (Ukraine)")
    assert entry is not None
    mention = ActorMention(state.span(0, 8), Actor(entry.name, entry.inter, entry.country),
                           "implicit")  # fmt: skip
    got = relocated(mention, _place("Slovakia", "Kosice"), dictionary, "Slovakia")
    assert got is not None and got.actor.name == "Civilians (Ukraine)"


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        # a jet or helicopter brought down in Ukraine was its air force's …
        (
            "date 2022-03-20 Kharkiv\n\nUkrainian troops downed a Russian Ka-52 gunship helicopter"
            " near Izium in Kharkiv region on Friday.",
            "Military Forces of Russia (2000-) Air Force",
        ),
        # … where ACLED codes that air force's strikes to it; in Syria the military keeps it.
        (
            "date 2019-06-10 Hama\n\nRebel fighters shot down a Syrian army helicopter over the"
            " countryside of Hama on Sunday.",
            "Military Forces of Syria (2000-2024)",
        ),
    ],
)
def test_an_aircraft_shot_down_is_its_air_arm_s_where_acled_codes_it_so(pipeline, text, actor2):
    from sitrep.ingest.text import read_text

    doc = pipeline(read_text(text))
    assert actor2 in [e.actor2 for e in doc.events], [(e.actor1, e.actor2) for e in doc.events]
