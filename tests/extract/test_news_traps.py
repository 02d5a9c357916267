"""News traps across theatres: leaflets and aid dropped from the air, words fought with words,
deeds a court judges or mourners remember, a 'when' clause after a past time, a claim of
responsibility with its day between, names that end in "Army", English compass names of French
provinces, running counts from the day a clause names. Every text is written for the project
(stop 41, helper news50)."""

from __future__ import annotations

import pytest

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _told(doc):
    """Events an analyst would load: ACLED-codable and told as done or claimed."""
    return [e for e in doc.events if e.acled_codable and e.modality in ("occurred", "claimed")]


NO_VIOLENCE = [
    # an aircraft as subject does not make leaflets or aid a weapon
    (
        "A Russian aircraft dropped leaflets over Beryslav on Friday urging residents to "
        "surrender, local officials said. No damage was reported.",
        "2024-02-10",
    ),
    (
        "A military helicopter dropped leaflets over Hpakant township on Monday calling on "
        "the rebels to lay down their arms, residents said.",
        "2024-03-05",
    ),
    ("Army helicopters dropped food parcels over three cut-off villages on Sunday.", "2024-06-03"),
    # a verb of violence aimed at something said or decided
    (
        "Opposition leaders in Port-au-Prince on Tuesday attacked the government's budget "
        "proposal, calling it a betrayal of the poor.",
        "2024-03-20",
    ),
    # the deed a court judges
    (
        "A military court in Mogadishu on Monday sentenced four men to death for their role "
        "in the siege of a hotel in which 21 people were killed.",
        "2024-04-16",
    ),
    ("A court in Garissa on Monday jailed three men for killing a shopkeeper in the town.",
     "2024-04-16"),
    (
        "A court in Garissa on Monday convicted two soldiers of the murder of a shopkeeper "
        "during a raid in the town.",
        "2024-04-16",
    ),
    # the deed mourners remember, dated by the time its 'when' clause follows
    (
        "Hundreds of residents gathered in Beni on Friday to commemorate the victims of a "
        "massacre five years ago, when ADF rebels killed at least 30 villagers with machetes.",
        "2024-11-29",
    ),
]


@pytest.mark.parametrize(("text", "published"), NO_VIOLENCE)
def test_no_violent_event_is_told(code, text, published):
    doc = code(text, published)
    assert not [e for e in _told(doc) if e.event_type in VIOLENT]


def test_a_weapon_dropped_from_the_air_is_still_a_strike(code):
    doc = code("Warplanes dropped two bombs on Rafah on Friday, killing four people.", "2024-02-10")
    assert [e.sub_event_type for e in _told(doc)] == ["Air/drone strike"]


def test_a_court_that_sentences_and_executes_tells_the_execution(code):
    doc = code(
        "On Sunday, militants held a court in Jilib that sentenced a man to death and executed "
        "him in public.",
        "2024-04-16",
    )
    assert [e.event_type for e in _told(doc)] == ["Violence against civilians"]


@pytest.mark.parametrize(
    "text",
    [
        "The National Liberation Army (ELN) claimed responsibility on Sunday for a bomb attack "
        "on an oil pipeline near Saravena in Arauca department on Saturday.",
        "A bomb exploded on an oil pipeline near Saravena in Arauca department on Saturday. "
        "The National Liberation Army (ELN) claimed responsibility for the attack.",
    ],
)
def test_a_name_ending_in_army_is_the_group_not_the_state(code, text):
    (event,) = _told(code(text, "2024-08-19"))
    assert event.actor1 == "ELN: National Liberation Army"
    assert event.actor2 is None


def test_a_claim_of_responsibility_with_its_day_between_is_claimed(code):
    doc = code(
        "The Zeta Front claimed responsibility on Sunday for a bomb attack on a pipeline near "
        "Saravena on Saturday.",
        "2024-08-19",
    )
    assert [e.modality for e in doc.events if e.event_type] == ["claimed"]


def test_the_state_army_named_by_its_country_stays_the_state(code):
    (event,) = _told(code("The Nigerian Army said it killed 12 militants near Bama on Monday.",
                          "2024-05-07"))
    assert event.actor1.startswith("Military Forces of Nigeria")


def test_an_english_compass_name_finds_the_french_province(code):
    doc = code(
        "Shells fired from rebel positions struck a camp for displaced people near Sake, "
        "North Kivu, on Tuesday, killing five civilians, the army said.",
        "2024-02-14",
    )
    assert {(e.country, e.admin1) for e in _told(doc)} == {
        ("Democratic Republic of Congo", "Nord-Kivu")
    }


def test_a_count_since_a_clause_begun_on_a_day_runs_to_the_report(code):
    doc = code(
        "Gunmen killed three men at a car wash in Culiacan, Sinaloa, on Thursday. It was the "
        "40th deadly attack in the city since the cartel infighting began on September 9.",
        "2024-09-27",
    )
    (tally,) = [t for t in doc.tallies if t.count == 40]
    assert (str(tally.period_start), str(tally.period_end)) == ("2024-09-09", "2024-09-27")


def test_military_jets_are_the_state_military_and_strike_from_the_air(code):
    (event,) = _told(code(
        "At least 17 people were killed when military jets bombed a village in Sagaing Region "
        "on Sunday, a local resistance group said.",
        "2024-01-09",
    ))
    assert event.actor1.startswith("Military Forces of Myanmar")
    assert event.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize("men", ["gunmen", "armed men"])
def test_a_group_named_before_its_gunmen_is_the_one_side(code, men):
    doc = code(f"Al-Shabaab {men} stormed a hotel in Mogadishu overnight, killing three people.",
               "2024-03-15")
    assert [e.actor1 for e in _told(doc)] == ["Al Shabaab"]


def test_a_count_since_the_start_of_the_month_runs_from_its_first_day(code):
    doc = code(
        "Dissidents attacked a police post in Morales, Cauca, on Monday, wounding four officers. "
        "It was the fifth attack on security forces in the department since the start of the "
        "month.",
        "2024-05-21",
    )
    (tally,) = [t for t in doc.tallies if t.count == 5]
    assert str(tally.period_start) == "2024-05-01"


def test_a_game_told_in_words_of_violence_is_no_event(code):
    doc = code(
        "Pakistan's pace attack ripped through England's batting line-up in Multan on Saturday, "
        "in a clash that left the visitors reeling. The spinners then launched a fierce assault "
        "on the tail.",
        "2024-10-12",
    )
    assert not _told(doc)


def test_fans_who_clash_after_a_match_are_still_a_riot(code):
    doc = code(
        "Rival fans clashed outside the stadium in Multan after the cricket final on Saturday, "
        "injuring six people, police said.",
        "2024-10-12",
    )
    assert [e.event_type for e in _told(doc)] == ["Riots"]


def test_a_protest_against_a_policy_is_still_a_protest(code):
    doc = code(
        "On 9 February 2024, about 200 people marched in Tilburg to protest the housing policy "
        "of the city council.",
        "2024-02-15",
    )
    assert [e.event_type for e in _told(doc)] == ["Protests"]


def test_jihadists_opening_a_sentence_are_unnamed_armed_men(code):
    doc = code(
        "Jihadists killed at least 40 people around Barsalogho in Burkina Faso on Saturday, "
        "local sources said.",
        "2024-08-27",
    )
    assert [e.actor1 for e in _told(doc)] == ["Unidentified Armed Group (Burkina Faso)"]
