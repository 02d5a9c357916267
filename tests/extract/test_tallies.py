"""Aggregate statements become tallies (count, qualifier, what is counted) and leave the events."""

from __future__ import annotations

import re

import pytest
from drafts import draft_on
from drafts import parsed as parsed_only

from sitrep.extract.statements.factuality import assign_modality
from sitrep.extract.statements.tallies import split_tallies
from sitrep.extract.time.mentions import find_times
from sitrep.nlp.model import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def parsed(nlp, text):
    """Parsed, segmented and with its time expressions: whether a count has a day matters."""
    state = parsed_only(nlp, text)
    find_times(state)
    return state


# (sentence, count, qualifier, words `counted` must contain, words it must not contain)
TALLY_TABLE = [
    (
        (
            "The escalation follows a week of strikes, with the militias saying they "
            "had conducted 9 operations against coalition bases in Iraq and Syria in "
            "a single day on Tuesday."
        ),
        9,
        "exact",
        "operations against coalition bases",
        "Tuesday",
    ),
    (
        (
            "Since March 3, armed factions have targeted Turkish bases in Iraq "
            "about 60 times, wounding at least 20 soldiers."
        ),
        60,
        "about",
        "targeted Turkish bases in Iraq",
        "March",
    ),
    (
        (
            'Officials said "this shipment is the third to be airlifted to the garrisons in '
            'Iraq in the past two weeks."'
        ),
        3,
        "exact",
        "airlifted to the garrisons in Iraq",
        "two weeks",
    ),
    (
        "Militants have carried out at least 70 attacks on army posts this year.",
        70,
        "at least",
        "attacks on army posts",
        "year",
    ),
    (
        "Russian jets conducted more than a dozen strikes on Idlib province this week.",
        12,
        "at least",
        "strikes on Idlib province",
        "dozen",
    ),
    (
        "Dozens of airstrikes have hit rebel-held districts of Aleppo since Monday.",
        12,
        "at least",
        "airstrikes",
        "Dozens",
    ),
    (
        "The observatory documented 85 attacks on US bases since October 18.",
        85,
        "exact",
        "attacks on US bases",
        "October",
    ),
    (
        "Hundreds of protests were held across Iraq in October.",
        100,
        "at least",
        "protests",
        "October",
    ),
    (
        "Turkish drones struck the village twice in one week.",
        2,
        "exact",
        "struck the village",
        "week",
    ),
    (
        "It was the third such attack on the base this month.",
        3,
        "exact",
        "attack on the base",
        "month",
    ),
    (
        "The raid was the seventh carried out by the army in the last two weeks.",
        7,
        "exact",
        "raid",
        "weeks",
    ),
    (
        "Fighter jets struck more than 40 targets across the north of the country.",
        40,
        "at least",
        "targets",
        "40",
    ),
    (
        "The rebels said they had attacked more than 30 ships in the gulf since March.",
        30,
        "at least",
        "ships",
        "March",
    ),
    (
        "The group has claimed more than 150 attacks on the pipeline.",
        150,
        "at least",
        "attacks on the pipeline",
        "150",
    ),
    (
        "A total of 900 people have been detained in the province since the uprising began.",
        900,
        "exact",
        "people",
        "uprising",
    ),
    (
        "The ministry said that at least 75 civilians have been killed in the district so far.",
        75,
        "at least",
        "civilians killed",
        "ministry",
    ),
    (
        "Tuesday's shelling raised the death toll in the town to 19 over the past week.",
        19,
        "exact",
        "deaths",
        "week",
    ),
]


@pytest.mark.parametrize(("sentence", "count", "qualifier", "contains", "excludes"), TALLY_TABLE)
def test_tallies_found_in_sentences(nlp, sentence, count, qualifier, contains, excludes):
    state = parsed(nlp, sentence)
    split_tallies(state)
    assert len(state.tallies) == 1
    tally = state.tallies[0]
    assert (tally.count.value, tally.count.qualifier) == (count, qualifier)
    assert contains in tally.counted
    assert excludes not in tally.counted


@pytest.mark.parametrize(
    "sentence",
    [
        "A drone attack hit the base on Friday.",
        "Gunmen fired three rockets at the base, wounding two soldiers.",
        "Hundreds of demonstrators rallied in Tahrir Square on Friday.",
        "On 14 June 2021, Russian and Turkish troops held a joint patrol of 6 armoured vehicles.",
        "The escalation follows a rise in attacks on coalition bases in Syria and Iraq.",
        "Two soldiers were killed in the attack.",
        "The first attack took place on Monday.",
    ],
)
def test_single_happenings_are_not_tallies(nlp, sentence):
    state = parsed(nlp, sentence)
    split_tallies(state)
    assert state.tallies == []


def test_a_tally_broken_down_after_of_which_gives_a_tally_per_part(nlp):
    state = parsed(
        nlp,
        "Officials counted 60 attacks on the convoys this month, of which 35 were in the "
        "north and 25 in the south.",
    )
    split_tallies(state)
    assert sorted(t.count.value for t in state.tallies) == [25, 35, 60]


def test_a_toll_whose_period_belongs_to_another_word_is_one_event(nlp):
    state = parsed(nlp, "The first airstrike since the truce killed five people in the village.")
    draft = draft_on(state, "airstrike")
    split_tallies(state)
    assert state.tallies == [] and state.events == [draft]


def test_counted_draft_leaves_events_and_keeps_its_fields(nlp):
    state = parsed(
        nlp,
        (
            "The Resistance said it had conducted 11 operations against US bases in Syria"
            " and Iraq on Friday. Gunmen attacked a checkpoint."
        ),
    )
    tally_draft = draft_on(state, "operations", event_type="Explosions/Remote violence")
    event = draft_on(state, "attacked")
    assign_modality(state)
    split_tallies(state)
    assert state.events == [event]
    (tally,) = state.tallies
    assert tally.trigger == tally_draft.trigger
    assert tally.modality == "claimed"
    assert tally.counted_event_type == "Explosions/Remote violence"
    assert tally.count.value == 11


def test_marked_draft_with_count_span(nlp):
    state = parsed(
        nlp, "Since March 3, armed factions have targeted Turkish bases in Iraq about 60 times."
    )
    draft = draft_on(state, "targeted", is_tally=True)
    m = re.search(r"about 60", state.text)
    draft.extra["count_span"] = (m.start(), m.end())
    split_tallies(state)
    assert state.events == []
    (tally,) = state.tallies
    assert (tally.count.value, tally.count.qualifier) == (60, "about")


def test_draft_and_sentence_scan_give_one_tally(nlp):
    state = parsed(
        nlp, "Officials said this shipment is the third to be airlifted in the past two weeks."
    )
    draft_on(state, "airlifted")
    split_tallies(state)
    assert len(state.tallies) == 1 and state.events == []


@pytest.mark.parametrize(
    "sentence",
    [
        "On 11 June 2021, 3 Saudi-led coalition airstrikes reportedly hit Sirwah district.",
        "On 19 June 2021, two Saudi-led coalition air raids were recorded in Majzar district.",
        "The units that arrived at the scene were hit in a second explosive attack.",
        "On 23 June 2021, 17 Saudi-led coalition airstrikes reportedly struck Razih district.",
        "On 2 July 2021, the OSCE SMM recorded a total of 31 explosions near Zolote.",
    ],
)
def test_few_strikes_on_one_place_and_day_stay_one_event(nlp, sentence):
    """ACLED codes one event per location-day: a small count there is a detail, not a tally."""
    state = parsed(nlp, sentence)
    trigger = re.search(r"airstrikes|air raids|attack|explosions", sentence).group(0)
    draft = draft_on(state, trigger, is_tally=True)
    split_tallies(state)
    assert state.tallies == [] and state.events == [draft]
    assert draft.is_tally is False


def test_marked_draft_without_a_readable_count_is_still_a_tally(nlp):
    state = parsed(nlp, "A series of attacks hit the bases.")
    draft_on(state, "attacks", is_tally=True)
    split_tallies(state)
    assert state.events == []
    assert state.tallies[0].count.qualifier == "unknown"


def test_example_article_tallies(example_doc):
    tallies = {t.count: t for t in example_doc.tallies}
    assert set(tallies) >= {11, 85, 4}
    assert tallies[11].modality == "claimed"
    assert tallies[85].count_qualifier == "about"
    assert (tallies[85].injuries, tallies[85].injuries_qualifier) == (70, "at least")
    assert tallies[4].count_qualifier == "exact"


def test_example_article_has_no_violent_event_that_occurred(example_doc):
    violent = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
    assert [
        e for e in example_doc.events if e.event_type in violent and e.modality == "occurred"
    ] == []


def test_the_first_since_is_no_tally(code):
    """ "the first since …" places a happening in a series; it counts nothing."""
    doc = code(
        "Gunmen attacked a police post in Easton on Monday, the first to kill civilians in the "
        "town since a bombing wounded one person on 3 May.",
        "2025-03-12",
    )
    assert list(doc.tallies) == []
    assert [e.event_date for e in doc.events] == ["2025-03-10"]


def test_wounded_told_with_a_death_toll_are_its_injuries(code):
    doc = code(
        "At least 210 villagers have since been killed and nearly 1,300 others wounded by "
        "militia raids in the valley, the provincial council said.",
        "2025-03-12",
    )
    (tally,) = doc.tallies
    assert (tally.count, tally.fatalities, tally.injuries) == (210, 210, 1300)


def test_a_count_told_again_in_the_lead_is_one_tally(code):
    doc = code(
        "Rebels Carried Out 17 Attacks on Army Posts Since January\n\n"
        "Rebels carried out 17 attacks on army posts across the northern provinces since "
        "January, the defence ministry said on Tuesday.",
        "2025-03-12",
    )
    assert [t.count for t in doc.tallies] == [17]
    assert len(doc.tallies[0].evidence) == 2


def test_a_count_told_again_after_the_lead_keeps_the_lead(code):
    # the retelling is shorter: the lead's tally stays, with both sentences as its evidence
    doc = code(
        "Rebels carried out 17 attacks on army posts across the northern provinces since "
        "January, the defence ministry said on Tuesday.\n\n"
        "The 17 attacks on army posts since January worry officials.",
        "2025-03-12",
    )
    (tally,) = doc.tallies
    assert tally.count == 17
    assert [e.text[:6] for e in tally.evidence] == ["Rebels", "The 17"]


def test_a_count_told_three_times_is_one_tally(code):
    doc = code(
        "Rebels carried out 17 attacks on army posts across the northern provinces since "
        "January, the defence ministry said on Tuesday.\n\n"
        "The 17 attacks on army posts since January worry officials.\n\n"
        "Officials listed the 17 attacks since January.",
        "2025-03-12",
    )
    assert [(t.count, len(t.evidence)) for t in doc.tallies] == [(17, 3)]
    assert not doc.warnings


@pytest.mark.parametrize(
    "sentence",
    [
        "Over the past decade the rebels have staged numerous raids on police stations.",
        "Many of the recent airstrikes on the valley have killed farmers.",
        "The militia has carried out a number of attacks on the convoys since spring.",
    ],
)
def test_an_aggregate_counted_by_a_word_for_an_unknown_amount_is_no_tally(nlp, sentence):
    # "numerous", "many", "a number of" stand for an unknown amount (coded 10 for an unknown
    # toll): no count to report; and what they count is still no event of its own
    state = parsed(nlp, sentence)
    draft = draft_on(state, re.search(r"raids|airstrikes|attacks", sentence).group(0))
    split_tallies(state)
    assert state.tallies == []
    assert draft not in state.events


def test_an_aggregate_counted_by_a_magnitude_word_stays_a_tally(nlp):
    state = parsed(nlp, "Several hundred attacks on the border towns have been recorded since May.")
    split_tallies(state)
    assert [t.count.value for t in state.tallies] == [300]
