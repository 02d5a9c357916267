"""Actors are named as ACLED named them on each event's date, and state forces retake territory."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "date 2016-05-13 Fighting near Aleppo\n\nNusra Front fighters attacked army positions"
            " near Aleppo on Thursday, killing 12 soldiers.",
            "Al Nusrah Front",
        ),
        (
            "date 2016-10-03 Clashes\n\nHTS fighters clashed with Syrian army troops near Hama"
            " on Sunday.",
            "Jabhat Fateh al Sham",
        ),
        (
            "date 2019-10-03 Clashes\n\nNusra Front fighters clashed with Syrian army troops"
            " near Hama on Sunday.",
            "HTS: Hayat Tahrir al Sham",
        ),
        (
            "date 2025-01-20 A look back\n\nSyrian army troops shelled the town of Saraqib on"
            " 3 March 2024, killing two civilians.",
            "Military Forces of Syria (2000-2024)",
        ),
    ],
)
def test_actor_named_as_on_the_event_date(pipeline, text, actor1):
    from sitrep.ingest.text import read_text

    doc = pipeline(read_text(text))
    assert [e.actor1 for e in doc.events if e.acled_codable] == [actor1]


def test_state_forces_retaking_a_town_regain_territory(pipeline):
    from sitrep.ingest.text import read_text

    text = "date 2016-06-10 Mosul\n\nIraqi forces retook the village of Qayyarah on Thursday."
    doc = pipeline(read_text(text))
    ((kind, actor),) = [(e.sub_event_type, e.actor1) for e in doc.events]
    assert kind == "Government regains territory"
    assert actor == "Military Forces of Iraq (2014-2018)"
