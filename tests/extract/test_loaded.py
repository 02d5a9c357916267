"""Partisan wording in each draft's evidence, from the lexicon and from loaded actor mentions."""

from __future__ import annotations

import pytest

from sitrep.extract.state import ActorMention, DocState, EventDraft, TallyDraft
from sitrep.extract.statements.loaded import find_loaded_terms, loaded_in
from sitrep.records import Actor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("attacks on the US occupation will go on until it withdraws", ["US occupation"]),
        ("any provocation by the Israeli enemy will be answered", ["Israeli enemy"]),
        ("two martyrs fell in the Israeli aggression on Gaza", ["martyrs", "aggression"]),
        ("the Zionist entity bombed the camp", ["Zionist entity"]),
        ("regime forces shelled the town", ["regime forces"]),
        ("terrorists attacked a checkpoint; a terrorist was killed", ["terrorists", "terrorist"]),
        ("Turkish-backed mercenaries looted the village", ["mercenaries"]),
        (
            "the Israeli enemy and the Israeli occupation forces",
            ["Israeli enemy", "Israeli occupation forces"],
        ),
        ("the army shelled the town", []),
        ("the regimental commander and the occupational therapist", []),
    ],
)
def test_lexicon_terms(text, expected):
    assert [w for _, _, w in loaded_in(text)] == expected


def test_terms_per_draft_from_evidence_and_actors():
    text = "US occupation helicopters flew over al-Hasakah. Terrorists attacked a checkpoint."
    state = DocState(text=text, published=None, outlet=None)
    state.sentences = [state.span(0, 47), state.span(48, len(text))]
    flight = EventDraft(trigger=state.span(26, 30), sentence=0, evidence=[state.sentences[0]])
    attack = EventDraft(trigger=state.span(60, 68), sentence=1)  # no evidence: its sentence is used
    tally = TallyDraft(
        trigger=state.span(60, 68), sentence=1, counted="attacks", evidence=[state.sentences[1]]
    )
    state.events, state.tallies = [flight, attack], [tally]
    helicopters = Actor(
        "Military Forces of the United States", 8, text="US occupation helicopters", loaded=True
    )
    state.actors = [ActorMention(state.span(0, 25), helicopters)]
    find_loaded_terms(state)
    assert flight.loaded_terms == [
        "US occupation helicopters"
    ]  # the actor mention holds the lexicon hit
    assert attack.loaded_terms == ["Terrorists"]
    assert tally.loaded_terms == ["Terrorists"]


def test_unloaded_actor_mentions_are_not_listed():
    text = "The International Coalition conducted drills."
    state = DocState(text=text, published=None, outlet=None)
    state.sentences = [state.span(0, len(text))]
    draft = EventDraft(trigger=state.span(38, 44), sentence=0)
    state.events = [draft]
    state.actors = [
        ActorMention(state.span(4, 27), Actor("Military Forces of the United States", 8))
    ]
    find_loaded_terms(state)
    assert draft.loaded_terms == []
