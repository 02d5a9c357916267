"""The contract's "What the example article must give", asserted on the real article."""

from datetime import date

import pytest

from sitrep.evaluate.score import normalise_name

US = "Military Forces of the United States"
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _at(doc, place):
    return [e for e in doc.events if normalise_name(place) in (normalise_name(e.location) or "")]


def test_no_violence_and_nothing_dated_today(example_doc):
    assert example_doc.events
    assert not [e for e in example_doc.events if e.event_type in VIOLENT]
    today = date.today().isoformat()
    assert all(e.event_date != today for e in example_doc.events)
    assert all(e.event_date is None or e.event_date <= "2023-12-09" for e in example_doc.events)


@pytest.mark.parametrize(
    ("site", "admin1"),
    [("Qasrak", "Al-Hasakeh"), ("Tell Baidar", "Al-Hasakeh"), ("Conoco", "Deir-ez-Zor")],
)
def test_exercises_at_each_base(example_doc, site, admin1):
    events = _at(example_doc, site)
    assert events, f"no event at {site}"
    for e in events:
        assert (e.event_type, e.sub_event_type) == (
            "Strategic developments",
            "Change to group/activity",
        )
        assert e.plover == "MOBILIZE"
        assert e.actor1 == US and "International Coalition" in (e.actor1_text or "")
        assert normalise_name(e.admin1) == normalise_name(admin1) and e.country == "Syria"
        assert e.event_date == "2023-12-09" and e.modality == "occurred"
        assert e.geo_precision in (1, 2)
        assert any(s.type == "anonymous" for s in e.sources)


def test_airlift_to_kharab_al_jir(example_doc):
    (airlift,) = _at(example_doc, "Kharab al-Jir")
    assert airlift.sub_event_type == "Change to group/activity"
    assert airlift.event_date == "2023-12-09" and airlift.modality == "occurred"
    assert airlift.actor1 == US
    assert any(s.type == "anonymous" for s in airlift.sources)


def test_one_threat_by_kataib_hezbollah(example_doc):
    threats = [e for e in example_doc.events if e.plover == "THREATEN"]
    assert len(threats) == 1
    (threat,) = threats
    assert threat.acled_codable is False and threat.event_type is None
    assert threat.modality == "threatened"
    assert threat.actor1 == "Kata'ib Hezbollah" and "Iraqi Hezbollah Brigades" in threat.actor1_text
    assert threat.actor2 == US
    assert threat.event_date == "2023-12-09"
    assert any("Askari" in s.name and s.channel == "Telegram" for s in threat.sources)


def test_loaded_wording_is_flagged(example_doc):
    flagged = {t for e in example_doc.events for t in e.loaded_terms}
    assert any("occupation" in t.lower() for t in flagged)


def _tally(doc, count):
    found = [t for t in doc.tallies if t.count == count]
    assert len(found) == 1, f"expected one tally of {count}, got {[t.count for t in doc.tallies]}"
    return found[0]


def test_tallies(example_doc):
    assert len(example_doc.tallies) == 3
    eleven = _tally(example_doc, 11)
    assert (eleven.period_start, eleven.period_end) == ("2023-12-08", "2023-12-08")
    assert eleven.modality == "claimed" and eleven.actor1 == "Islamic Resistance in Iraq"
    eighty_five = _tally(example_doc, 85)
    assert eighty_five.count_qualifier == "about"
    assert (eighty_five.period_start, eighty_five.period_end) == ("2023-10-18", "2023-12-09")
    assert (eighty_five.injuries, eighty_five.injuries_qualifier) == (70, "at least")
    airlifts = _tally(example_doc, 4)
    assert (airlifts.period_start, airlifts.period_end) == ("2023-11-29", "2023-12-09")
