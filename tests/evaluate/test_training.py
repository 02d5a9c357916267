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


def test_identity_militias_too_rare_by_name_are_learnt_by_kind():
    # ACLED names a village's or an ethnic group's militia after it: too rare to learn by name,
    # its kind (and inter code 4) is learnt from all of them.
    notes = [
        _note(1, "Herders attacked farmers near a river.", "Oldhill Ethnic Militia (Ukraine)"),
        _note(2, "Two clans fought over a well.", "Bariko Sub-Clan Militia (Ukraine)"),
    ]
    assert unknown_actor_examples(notes)[1] == [
        "Unidentified Communal Militia ({country})",
        "Unidentified Clan Militia ({country})",
    ]
    # as the target, not learnt
    target = _note(
        3, "Gunmen attacked herders near a river.", UNIDENTIFIED, "Oldhill Ethnic Militia (Ukraine)"
    )
    assert unknown_actor_examples([target])[1] == ["Unidentified Armed Group ({country})"]


def _battle(i: int, inter1: int, inter2: int, event_type: str = "Battles") -> dict:
    return {
        "id": f"b{i}",
        "text": "A suspect exchanged fire with officers of a patrol.",
        "gold": {"event_type": event_type, "inter1": inter1, "inter2": inter2, "country": "Brazil"},
    }


def test_side_order_examples_are_battles_between_different_kinds_of_actor():
    from sitrep.evaluate.training import side_order_examples
    from sitrep.knowledge.classifiers import HIGH_FIRST, LOW_FIRST

    notes = [
        _battle(1, 1, 3),
        _battle(2, 3, 1),
        _battle(3, 1, 1),  # both state forces: their order is the wording's
        _battle(4, 3, 1, "Violence against civilians"),  # an attack has an attacker
    ]
    texts, labels = side_order_examples(notes)
    assert labels == [LOW_FIRST, HIGH_FIRST]
    assert all(
        t.endswith("countrybrazil sidesstatepolitical pairbrazilstatepolitical") for t in texts
    )


def test_unknown_actor_classifier_learns_a_convention_of_one_country():
    """A word that means a gang in one country and not in another: the words are read joined to
    the country too (a linear model over shared words and a country word cannot learn it)."""
    from sitrep.evaluate.training import fit_unknown_actor_classifier
    from sitrep.knowledge.classifiers import (
        UNKNOWN_ACTOR_MODEL_FILE,
        TextClassifier,
        unknown_actor_text,
    )

    gang, group = "Unidentified Gang ({country})", "Unidentified Armed Group ({country})"
    places = ["a market", "a farm", "a bridge", "a school", "a garage", "a chapel"]
    notes = []
    for i, place in enumerate(places):
        for country, bound_is in (("Mexico", gang), ("Peru", group)):
            other = group if bound_is == gang else gang
            for j, (how, label) in enumerate((("blindfolded", bound_is), ("unharmed", other))):
                text = f"A man was found {how} near {place} by residents of the village."
                name = label.replace("{country}", country)
                note = _note(100 * i + 10 * j + len(country), text, name)
                note["gold"]["country"] = country
                notes.append(note)
    clf = TextClassifier(fit_unknown_actor_classifier(notes), UNKNOWN_ACTOR_MODEL_FILE)
    text = "A man was found blindfolded near a stadium by residents of the village."
    assert clf.predict(unknown_actor_text(text, "Mexico", "actor1")).best()[0] == gang
    assert clf.predict(unknown_actor_text(text, "Peru", "actor1")).best()[0] == group


def test_unknown_actor_classifier_reads_who_holds_a_front_line_place():
    """Fire a mission saw near a village is the side facing it: a village no note named is read
    by who holds it (front_lines.csv), as the named villages on its side were."""
    from sitrep.evaluate.training import fit_unknown_actor_classifier
    from sitrep.knowledge.classifiers import (
        UNKNOWN_ACTOR_MODEL_FILE,
        TextClassifier,
        unknown_actor_text,
    )

    rebels = "NAF: United Armed Forces of Novorossiya"
    held = {
        "Avdiivka": rebels,
        "Pisky": rebels,
        "Popasna": rebels,
        "Svitlodarsk": rebels,
        "Horlivka": UKRAINE,
        "Spartak": UKRAINE,
        "Yasynuvata": UKRAINE,
        "Makiivka": UKRAINE,
    }
    notes = [
        _note(10 * i + k, f"The OSCE team counted {k + 2} explosions near {village}.", side)
        for i, (village, side) in enumerate(held.items())
        for k in range(3)
    ]
    clf = TextClassifier(fit_unknown_actor_classifier(notes), UNKNOWN_ACTOR_MODEL_FILE)
    for village, side in (("Toretsk", rebels), ("Dokuchaievsk", UKRAINE)):
        text = f"The OSCE team counted 5 explosions near {village}."
        assert clf.predict(unknown_actor_text(text, "Ukraine", "actor1")).best()[0] == side


def test_a_rare_militia_with_a_dictionary_row_still_teaches_its_kind():
    # Stop 38: a row of its own in actors.csv does not take a militia seen a few times out of
    # what the model learns about unnamed militias of its kind.
    notes = [
        _note(
            i,
            "Armed youth raided a cattle camp at night.",
            "Agar Clan Dinka Ethnic Militia (South Sudan)",
        )
        for i in range(2)
    ]
    assert unknown_actor_examples(notes)[1] == ["Unidentified Communal Militia ({country})"] * 2
