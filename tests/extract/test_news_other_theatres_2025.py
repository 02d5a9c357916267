"""Wire reports of 2024-2026 from theatres outside the Middle East (our own sentences): a toll
that "rose to" a figure, a state's force named in the possessive under a foreign dateline, a
military air strike, protesters shot dead by a state force, a nationwide toll, and a later
sentence pointing back at "the attack"."""

from __future__ import annotations

RISEN = (
    "LIMA, April 26 (Probe Wire) - The death toll from Monday's bomb attack on a bus in the "
    "mining town of Pataz has risen to 17, officials said on Thursday.",
    "KABUL (Probe Wire) - The number of people killed in Monday's suicide bombing at a mosque in "
    "Kunduz rose to 21, a provincial spokesman said.",
)


def test_a_toll_that_rose_to_a_figure_is_the_happenings_toll(code):
    tolls = [
        [e.fatalities for e in code(text, "2024-04-26").events if e.acled_codable]
        for text in RISEN
    ]
    assert tolls == [[17], [21]]


POSSESSIVE = (
    "DAKAR (Probe Wire) - Burkina Faso's army killed at least 50 villagers in the north of "
    "Burkina Faso on Monday, a rights group said.\n\n"
    "NAIROBI (Probe Wire) - Sudan's army said on Monday it had retaken the town of Wad Madani "
    "from the Rapid Support Forces."
)


def test_a_states_force_named_in_the_possessive_is_that_states_under_any_dateline(code):
    burkina = code(POSSESSIVE.split("\n\n")[0], "2024-04-26").events
    (killing,) = [e for e in burkina if e.acled_codable]
    assert killing.actor1.startswith("Military Forces of Burkina Faso")
    assert killing.inter1 == 1
    sudan = code(POSSESSIVE.split("\n\n")[1], "2024-04-26").events
    (retaken,) = [e for e in sudan if e.acled_codable]
    assert retaken.actor1.startswith("Military Forces of Sudan")
    assert retaken.inter1 == 1  # at home, whatever country the dateline names


def test_a_demonym_force_at_home_keeps_inter_1_under_a_foreign_dateline(code):
    text = (
        "DAKAR (Probe Wire) - Burkinabe soldiers killed at least 50 villagers in the north of "
        "Burkina Faso on Monday, a rights group said."
    )
    (event,) = [e for e in code(text, "2024-04-26").events if e.acled_codable]
    assert (event.country, event.inter1) == ("Burkina Faso", 1)


MILITARY_STRIKE = (
    "YANGON (Probe Wire) - A military air strike on a village in Chin state killed nine people "
    "on Monday, residents said."
)


def test_a_military_air_strike_is_the_states_military(code):
    (event,) = [e for e in code(MILITARY_STRIKE, "2024-08-10").events if e.acled_codable]
    assert event.actor1 == "Military Forces of Myanmar (2021-)"
    assert event.sub_event_type == "Air/drone strike"


SHOT_PROTESTERS = (
    "MAPUTO (Probe Wire) - Police shot dead four protesters in Nampula on Monday, witnesses said.",
    "NAIROBI (Probe Wire) - Soldiers shot dead two demonstrators in Kisumu on Tuesday during "
    "protests against tax rises, witnesses said.",
)


def test_protesters_shot_dead_by_a_state_force_are_excessive_force_with_their_dead(code):
    coded = [
        (e.location, e.sub_event_type, e.fatalities)
        for text in SHOT_PROTESTERS
        for e in code(text, "2024-04-26").events
        if e.acled_codable
    ]
    assert sorted(coded) == [
        ("Kisumu", "Excessive force against protesters", 2),
        ("Nampula", "Excessive force against protesters", 4),
    ]


NATIONWIDE = (
    "LAGOS, Aug 14 (Probe Wire) - Police in Kano fired tear gas to disperse hundreds of "
    "protesters demanding an end to hardship on Thursday. At least 13 protesters were killed "
    "nationwide during the 10 days of demonstrations, a rights group said."
)


def test_a_nationwide_toll_is_a_tally_not_one_protests_dead(code):
    doc = code(NATIONWIDE, "2024-08-14")
    (protest,) = [e for e in doc.events if e.acled_codable]
    assert protest.location == "Kano" and not protest.fatalities
    assert [t.count for t in doc.tallies] == [13]


THE_ATTACK = (
    "MAIDUGURI, June 15 (Probe Wire) - Islamic State West Africa Province fighters overran a "
    "military base in Marte, Borno state, on Saturday night, killing at least five soldiers and "
    "carting away weapons, military sources said.\n\n"
    "The army said troops repelled the attack and killed 23 insurgents. ISWAP said in a "
    "statement that it had killed 20 soldiers.",
    "MOSCOW, March 25 (Probe Wire) - The death toll from Friday's attack on the Crocus City Hall "
    "concert venue outside Moscow rose to 139, officials said on Monday. Islamic State has "
    "claimed responsibility for the attack, in which gunmen opened fire on concertgoers and set "
    "the building ablaze.",
)


def test_a_later_sentence_pointing_back_at_the_attack_is_no_second_event(code):
    nigeria, russia = THE_ATTACK
    events = [e for e in code(nigeria, "2025-06-15").events if e.acled_codable]
    assert [(e.event_date, e.fatalities) for e in events] == [("2025-06-14", 5)]
    events = [e for e in code(russia, "2024-03-25").events if e.acled_codable]
    assert [(e.event_date, e.fatalities) for e in events] == [("2024-03-22", 139)]


SEIZED = (
    "ABUJA (Probe Wire) - Bandits seized 40 villagers in a raid on Bakura in Zamfara state on "
    "Sunday, residents said.",
    "ABUJA (Probe Wire) - Police seized 40 suspects in a raid on Bakura in Zamfara state on "
    "Sunday, residents said.",
)


def test_people_seized_are_abducted_or_arrested_not_looted(code):
    kinds = [
        [e.sub_event_type for e in code(text, "2025-02-10").events if e.acled_codable]
        for text in SEIZED
    ]
    assert kinds == [["Abduction/forced disappearance"], ["Arrests"]]


DRONES_DESTROYED = (
    "MOSCOW (Probe Wire) - Russia's defence ministry said its air defences had destroyed 14 "
    "drones over the Kursk and Belgorod regions overnight."
)


def test_drones_destroyed_by_air_defences_are_stopped_weapons_not_property_destroyed(code):
    events = [e for e in code(DRONES_DESTROYED, "2024-08-10").events if e.acled_codable]
    assert events and {e.sub_event_type for e in events} == {"Disrupted weapons use"}

