import pytest

from sitrep.evaluate.score import Scores, distance_km, normalise_name

# An invented gold record in the notes' shape (not an ACLED row: no real place or coordinates).
GOLD = {
    "event_date": "2021-06-14",
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "actor1": "Military Forces of Turkey (2016-)",
    "actor2": "QSD: Syrian Democratic Forces",
    "country": "Syria",
    "admin1": "Al-Hasakeh",
    "admin2": "Ras Al Ain",
    "location": "Example Village",
    "latitude": 36.7,
    "longitude": 40.2,
    "fatalities": 2,
    "inter1": 8,
}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Military Forces of Turkey (2016-)", "military forces of turkey"),
        ("Al-Hasakeh", "Al Hasakeh"),
        ("Deir-ez-Zor", "Deir ez Zor"),
        ("Kata'ib Hezbollah", "Kataib Hezbollah"),
        ("Ḥamāh", "Hamah"),
    ],
)
def test_names_compare_ignoring_case_punctuation_accents_and_years(a, b):
    assert normalise_name(a) == normalise_name(b)


def test_different_names_stay_different():
    assert normalise_name("Idleb") != normalise_name("Aleppo")
    assert normalise_name("Military Forces of Syria (2000-)") != normalise_name(
        "Military Forces of Turkey (2016-)"
    )


def test_distance_is_great_circle_km():
    # Damascus to Aleppo is about 310 km as the crow flies.
    assert 300 < distance_km(33.513, 36.292, 36.202, 37.134) < 320


def test_best_matching_event_is_scored_and_extras_counted():
    good = {
        **GOLD,
        "actor1": "Military Forces of Turkey",
        "acled_codable": True,
        "modality": "occurred",
        "latitude": 36.73,
        "longitude": 40.24,
        "confidence": 0.9,
    }
    wrong = {
        **GOLD,
        "event_type": "Protests",
        "sub_event_type": "Peaceful protest",
        "acled_codable": True,
        "modality": "occurred",
        "confidence": 0.99,
    }
    threat = {"event_type": None, "acled_codable": False}
    scores = Scores()
    scores.add("r1", GOLD, [wrong, good, threat])
    scores.add("r2", GOLD, [])
    summary = scores.summary()
    fields = summary["fields"]
    assert fields["event detected"]["recall"] == 0.5
    assert fields["event_type"]["of_gold"] == 0.5 and fields["event_type"]["of_matched"] == 1.0
    assert fields["actor1"]["of_matched"] == 1.0
    assert fields["distance"]["within_10km"] == 0.5
    assert summary["extra_events_per_record"] == 0.5  # the protest; the threat is not ACLED-codable
    assert {"gold": "Battles", "predicted": "(none)", "count": 1} in summary["event_type_confusion"]


def test_violent_types_on_non_violent_notes_are_counted():
    protest = {**GOLD, "event_type": "Protests", "sub_event_type": "Peaceful protest"}
    as_protest = {**protest, "acled_codable": True, "modality": "occurred"}
    as_clash = {**GOLD, "acled_codable": True, "modality": "occurred"}
    scores = Scores()
    scores.add("calm", protest, [as_protest])
    scores.add("misread", protest, [as_protest, as_clash])  # one violent event is enough
    scores.add("battle", GOLD, [as_clash])  # a violent note does not count either way
    rate = scores.summary()["violent_on_non_violent"]
    assert rate == {"rate": 0.5, "n": 2}
