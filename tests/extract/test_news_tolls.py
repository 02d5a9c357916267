"""Tolls as wire services tell them: a death toll risen to a figure, the dead of both sides left
by a fight, a victim's pronoun joined to more victims, a group's name between the number and the
dead, lethal fire on a protest. Every text is written for the project (stop 42, helper tolls52)."""

from __future__ import annotations

import pytest


def _told(doc):
    return [e for e in doc.events if e.acled_codable and e.modality in ("occurred", "claimed")]


TOLLS = [
    # the death toll rose, climbed or was brought to a figure, the verb far from "toll"
    (
        "The death toll from Saturday's car bombing at a livestock market in Beledweyne rose "
        "to 14 on Monday, hospital staff said.",
        14,
    ),
    # … and the latest count beats the first report of the same dead
    (
        "A suicide bomber killed five people at a tea shop in Baidoa on Saturday. The death "
        "toll rose to 11 on Monday, a local official said.",
        11,
    ),
    (
        "A suicide bomber killed five people at a tea shop in Baidoa on Saturday. Six more "
        "died of their wounds in hospital, bringing the death toll to 11, a local official said.",
        11,
    ),
    # "left X and Y dead": the participle after the last conjunct tells of both
    (
        "Fighting near Sevare on Sunday left 6 soldiers and at least 20 militants dead, the army "
        "said.",
        26,
    ),
    # a pronoun victim joined to more victims
    ("Gunmen stopped a car near Gao on Sunday and killed him and his two sons, relatives said.", 3),
    (
        "Suspected militants abducted a farmer in Cabo Delgado on Sunday and killed her and her "
        "husband, residents said.",
        2,
    ),
]


@pytest.mark.parametrize(("text", "toll"), TOLLS)
def test_a_wire_toll_is_read(code, text, toll):
    (event,) = _told(code(text, "2025-03-10"))
    assert event.fatalities == toll


def test_a_number_hung_on_a_groups_name_counts_the_noun_after_it(nlp_figures):
    figures = nlp_figures(
        "Three HM militants including their top district commander were killed in the gunfight."
    )
    assert [(f.kind, f.quantity.value, f.group) for f in figures] == [("fatalities", 3, "militant")]


def test_a_short_aside_between_the_dead_and_their_verb_is_no_gap(nlp_figures):
    figures = nlp_figures(
        "On Sunday in Niteroi, Rio de Janeiro, four members of the gang (Third Command) died "
        "during a shootout with police."
    )
    assert [(f.kind, f.quantity.value) for f in figures] == [("fatalities", 4)]


def test_he_shot_dead_is_one_dead_besides_his_wife(nlp_figures):
    figures = nlp_figures("He and his wife were shot dead at their home.")
    assert sum(f.quantity.value for f in figures if f.kind == "fatalities") == 2


def test_a_day_named_before_an_aside_is_no_toll(nlp_figures):
    figures = nlp_figures(
        "A mine went off on the road to Sabr - 26 September (Old Town) killing 2 herders."
    )
    assert [(f.kind, f.quantity.value) for f in figures] == [("fatalities", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "Two people were killed and 15 wounded on Sunday when police opened fire on protesters "
        "in Nairobi, a rights group said.",
        "Police opened fire on protesters in Nairobi on Sunday, killing two people and wounding "
        "15, a rights group said.",
    ],
)
def test_protesters_killed_by_fire_on_the_crowd_are_its_toll(code, text):
    (event,) = _told(code(text, "2025-03-10"))
    assert (event.sub_event_type, event.fatalities) == ("Excessive force against protesters", 2)


@pytest.fixture(scope="module")
def nlp_figures():
    from sitrep.extract.events.quantities import casualty_figures
    from sitrep.nlp.model import load_nlp

    nlp = load_nlp()

    def figures(text: str):
        (sent,) = nlp(text).sents
        return casualty_figures(sent)

    return figures
