"""What the unknown-actor classifier learns from: actors a note codes without naming them."""

from __future__ import annotations

from sitrep.evaluate.training import IMPLICIT_MIN_EXAMPLES, unknown_actor_examples

UKRAINE = "Military Forces of Ukraine (2019-)"
UNIDENTIFIED = "Unidentified Armed Group (Ukraine)"


def _note(i: int, text: str, actor1: str, actor2: str | None = None) -> dict:
    return {
        "id": f"t{i}",
        "published": "2020-05-02",
        "text": text,
        "gold": {"actor1": actor1, "actor2": actor2, "country": "Ukraine"},
    }


def test_unnamed_armed_actors_and_unidentified_groups_are_examples():
    unnamed = [
        _note(i, f"Observers counted {i + 3} explosions near a frontline village.", UKRAINE)
        for i in range(IMPLICIT_MIN_EXAMPLES)
    ]
    notes = [
        *unnamed,
        # Named in the text: the roles read it, the classifier does not learn it.
        _note(90, "Ukrainian forces shelled a village near the front.", UKRAINE),
        _note(91, "Unknown gunmen shot a man dead in a village.", UNIDENTIFIED),
        # Crowds and civilians are the roles' own defaults.
        _note(92, "Dozens gathered in a square to demand higher wages.", "Protesters (Ukraine)"),
    ]
    texts, labels = unknown_actor_examples(notes)
    assert labels.count(UKRAINE) == IMPLICIT_MIN_EXAMPLES
    assert "Unidentified Armed Group ({country})" in labels
    assert not any(label.startswith("Protesters") for label in labels)
    assert all("roleone" in t for t in texts)


def test_rarely_unnamed_actors_are_not_learnt():
    notes = [_note(1, "Observers counted explosions near a frontline village.", UKRAINE)]
    assert unknown_actor_examples(notes) == ([], [])
