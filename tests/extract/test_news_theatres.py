"""Multi-event wire reports from theatres the article dev set lacks (our own sentences): each
event keeps its own day, counted back from the publication day past the dateline's date, and
its own sides."""

from __future__ import annotations

PAKISTAN = (
    "PESHAWAR, Aug 26 (Probe Wire) - Pakistani Taliban militants attacked a police post in Dera "
    "Ismail Khan, Khyber Pakhtunkhwa province, on Sunday, killing five policemen, officials "
    "said.\n\n"
    "On Friday, separatists of the Makran Liberation Army attacked a convoy in Kalat, Balochistan "
    "province, killing 10 soldiers, the military said.\n\n"
    "In 2014, Taliban gunmen killed more than 140 people at a school in Peshawar."
)
SUDAN = (
    "KHARTOUM, March 3 (Probe Wire) - Fighters of the Rapid Support Forces attacked army "
    "positions in El Fasher, North Darfur state, on Saturday, killing at least 14 soldiers, a "
    "military source said.\n\n"
    "Late Thursday, an army drone strike hit a market in Omdurman, Khartoum state, killing seven "
    "civilians, residents said."
)


def test_each_event_of_a_wire_report_keeps_its_own_day_and_sides(code):
    events = code(PAKISTAN, "2024-08-26").events
    new = sorted((e for e in events if e.event_date.startswith("2024")), key=lambda e: e.event_date)
    assert [(e.event_date, e.fatalities) for e in new] == [("2024-08-23", 10), ("2024-08-25", 5)]
    assert new[0].actor1 == "Makran Liberation Army"  # its own army, not Pakistan's
    assert new[0].actor2 == "Military Forces of Pakistan (2022-)"
    assert all(not e.acled_codable for e in events if not e.event_date.startswith("2024"))


def test_the_datelines_day_dates_neither_lead_nor_later_events(code):
    events = code(SUDAN, "2024-03-03").events
    days = {e.location: e.event_date for e in events}
    assert days["El Fasher"] == "2024-03-02"
    assert days["Omdurman"] == "2024-02-29"


SAHEL = (
    "OUAGADOUGOU, May 20 (Probe Wire) - Militants of the al Qaeda-linked JNIM attacked an army "
    "post in Djibo, Soum province, "
    "on Saturday, killing 17 soldiers, security sources said.\n\n"
    "Overnight, gunmen killed 11 villagers in Tin-Akoff in Oudalan province, a local official "
    "said.\n\n"
    "In neighbouring Mali, Islamic State fighters attacked the village of Tessit in Gao region on "
    "Friday, killing eight civilians."
)


def test_a_groups_word_takes_the_country_of_the_event_not_of_the_report(code):
    events = code(SAHEL, "2024-05-20").events
    (mali,) = [e for e in events if e.country == "Mali"]
    assert (mali.actor1, mali.actor2) == ("Islamic State (Mali)", "Civilians (Mali)")


RECALLED = (
    "NAIROBI, June 10 (Probe Wire) - Gunmen attacked a police station in Mandera on Sunday, "
    "killing three officers, police said.\n\n"
    "Clashes between the army and the militia first broke out in the town in March 2023, "
    "killing 60 people.\n\n"
    "The army seized power in a coup in August 2021."
)


def test_a_happening_recalled_from_months_before_is_no_new_event(code):
    events = code(RECALLED, "2024-06-10").events
    codable = [e for e in events if e.acled_codable]
    assert [e.event_date for e in codable] == ["2024-06-09"]
    assert all(e.sub_event_type != "Looting/property destruction" for e in events)


SAID_LATER = (
    "MANDALAY, May 7 (Probe Wire) - The rebel alliance said on Tuesday it had overrun an army "
    "base near Lashio, Shan state, over the weekend, killing nine soldiers."
)


def test_the_happenings_own_time_wins_over_the_day_it_was_told(code):
    (event,) = [e for e in code(SAID_LATER, "2024-05-07").events if e.acled_codable]
    assert event.event_date in ("2024-05-04", "2024-05-05")
