"""A battle's sides in the order ACLED's coders give them, when the classifier is sure."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.actors import order
from sitrep.extract.state import ActorMention, DocState, EventDraft
from sitrep.knowledge.actors import actor_dictionary
from sitrep.knowledge.classifiers import HIGH_FIRST, LOW_FIRST
from sitrep.records import Actor

GANG = "Unidentified Gang (Brazil)"
POLICE = "Military Forces of Brazil (2019-2023) Military Police"


class _Choice:
    def __init__(self, label: str, p: float) -> None:
        self.label, self.p = label, p

    def best(self) -> tuple[str, float]:
        return self.label, self.p


class _Classifier:
    def __init__(self, label: str, p: float) -> None:
        self.label, self.p = label, p
        self.read: list[str] = []

    def predict(self, text: str) -> _Choice:
        self.read.append(text)
        return _Choice(self.label, self.p)


def _mention(state: DocState, name: str, at: int) -> ActorMention:
    entry = actor_dictionary(2022).entry(name)
    assert entry is not None
    return ActorMention(
        state.span(at, at + 3), Actor(entry.name, entry.inter, entry.country, entry.parent), "org"
    )


def _battle(event_type: str = "Battles") -> tuple[DocState, EventDraft]:
    text = "On 3 March, a suspect exchanged fire with officers of a patrol in a town."
    state = DocState(text=text, published=date(2022, 3, 4), outlet=None)
    at = text.index("exchanged")
    draft = EventDraft(trigger=state.span(at, at + 9), sentence=0, event_type=event_type)
    draft.actor1 = _mention(state, GANG, text.index("suspect"))
    draft.actor2 = _mention(state, POLICE, text.index("officers"))
    return state, draft


@pytest.mark.parametrize(
    ("label", "p", "event_type", "first"),
    [
        # The state forces (inter 1) first, as the classifier is sure ACLED puts them.
        (LOW_FIRST, 0.95, "Battles", POLICE),
        # Not sure enough: the text's order stays.
        (LOW_FIRST, 0.6, "Battles", GANG),
        # The text's order is the one the classifier gives.
        (HIGH_FIRST, 0.95, "Battles", GANG),
        # An attack has an attacker: only battles are reordered.
        (LOW_FIRST, 0.95, "Violence against civilians", GANG),
    ],
)
def test_order_sides_swaps_only_a_sure_battle(monkeypatch, label, p, event_type, first):
    clf = _Classifier(label, p)
    monkeypatch.setattr(order, "load_side_order_classifier", lambda: clf)
    # No place and no classifier's guess (the places extractor has not run): the pair is read
    # in no country.
    state, draft = _battle(event_type)
    state.events.append(draft)
    order.order_sides(state)
    assert draft.actor1 is not None and draft.actor1.actor.name == first
    assert draft.actor2 is not None and draft.actor2.actor.name != first
    if event_type == "Battles":
        assert clf.read and clf.read[0].endswith("sidesstatepolitical pairnonestatepolitical")


def test_the_classifier_reads_the_pair_of_sides_in_its_country():
    # The coders' habit is by country and by pair: the pair in that country is one feature, so
    # "military police first" in Brazil need not be learnt from the two words apart.
    from sitrep.knowledge.classifiers import side_order_text

    text = side_order_text("Armed men exchanged fire with police.", "Brazil", (3, 1))
    assert "pairbrazilstatepolitical" in text.split()
    assert side_order_text("x", "Brazil", (1, 3)) == side_order_text("x", "Brazil", (3, 1))


@pytest.mark.parametrize(
    ("text", "p", "first"),
    [
        # The fight's sentence says who started it: the attacker first.
        (
            "On 3 May 2020, police officers clashed with gunmen after the gunmen attacked a"
            " checkpoint in Sarobi district, Paktika. Five gunmen were killed.",
            0.6,
            "Unidentified Armed Group (Afghanistan)",
        ),
        # The attacked side named: the other side started it.
        (
            "On 3 May 2020, the police clashed with masked gunmen for an hour during an attack on"
            " a police convoy near Sarobi, Paktika.",
            0.6,
            "Unidentified Armed Group (Afghanistan)",
        ),
        # Killed during a fight that followed the other side's attacks.
        (
            "On 3 May 2020, four Taliban fighters were killed during clashes with army troops"
            " following attacks by the Taliban in Nusay district, Badakhshan.",
            0.6,
            "Taliban",
        ),
        # No one said to have started it: the text's order stays.
        (
            "On 3 May 2020, police officers clashed with gunmen near a checkpoint in Sarobi"
            " district, Paktika. Five gunmen were killed.",
            0.6,
            "Police Forces of Afghanistan (2014-2021)",
        ),
        # A sure convention outweighs the text.
        (
            "On 3 May 2020, police officers clashed with gunmen after the gunmen attacked a"
            " checkpoint in Sarobi district, Paktika. Five gunmen were killed.",
            0.95,
            "Police Forces of Afghanistan (2014-2021)",
        ),
    ],
)
def test_a_fight_told_as_started_by_one_side_puts_it_first(monkeypatch, code, text, p, first):
    # The classifier puts the state forces (the lower inter code) first.
    monkeypatch.setattr(order, "load_side_order_classifier", lambda: _Classifier(LOW_FIRST, p))
    doc = code(text, "2020-05-10")
    battles = [e for e in doc.events if e.event_type == "Battles"]
    assert battles and battles[0].actor1 is not None
    assert battles[0].actor1 == first
