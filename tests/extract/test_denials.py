"""Acts told through a party's denial (the contract's modality 'denied') and English names of
admin1 areas GeoNames spells otherwise. Every text is written for the project (stop 41, helper
news53)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "On Tuesday the Ethiopian army denied shelling the town of Lalibela in Amhara "
            "region the day before.",
            "Explosions/Remote violence",
        ),
        (
            "Al-Shabaab denied responsibility for the bombing of a hotel in Baidoa on Friday "
            "that killed six guests.",
            "Explosions/Remote violence",
        ),
    ],
)
def test_an_act_told_only_through_a_denial_is_denied(code, text, event_type):
    doc = code(text, "2024-05-08")
    denied = [e for e in doc.events if e.modality == "denied"]
    assert [e.event_type for e in denied] == [event_type]
    assert denied[0].sources, "the denying party is the source"


def test_a_denial_of_a_told_act_is_its_evidence(code):
    doc = code(
        "Shells struck the village of Tawila in North Darfur on Saturday, wounding four "
        "people. On Sunday the paramilitary forces denied shelling the village.",
        "2024-05-06",
    )
    shelling = [e for e in doc.events if e.event_type == "Explosions/Remote violence"]
    assert [e.modality for e in shelling] == ["occurred"]
    assert any("denied" in ev.text for ev in shelling[0].evidence)


def test_a_denied_report_tells_nothing(code):
    doc = code(
        "The army on Tuesday denied reports of shelling the town of Lalibela in Amhara region.",
        "2024-05-08",
    )
    assert not [e for e in doc.events if e.event_type == "Explosions/Remote violence"]


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Gunmen killed three farmers in a village in Gezira state on Sunday.", "Al Jazirah"),
        ("Gunmen killed three herders near a village in Benishangul-Gumuz region on Sunday.",
         "Benshangul/Gumuz"),
    ],
)
def test_an_english_name_of_an_admin1_area_finds_it(code, text, admin1):
    doc = code(text, "2024-05-06")
    assert [e.admin1 for e in doc.events if e.acled_codable] == [admin1]


@pytest.mark.parametrize(
    "text",
    [
        "The air force has repeatedly denied bombing the market of Kutum in North Darfur.",
        "The army denied hitting residential areas in North Darfur on Monday.",
    ],
)
def test_a_standing_denial_names_no_act(code, text):
    doc = code(text, "2024-05-08")
    assert not [e for e in doc.events if e.modality == "denied"]
