"""Coded documents built by hand for store, API and web tests (the extractors are not needed)."""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from databases import database

from sitrep.records import Document, Event, Source, Span, Tally

# Coordinates of real places (GeoNames), used to make realistic events.
PLACES: dict[str, dict[str, Any]] = {
    "Deir ez Zor": dict(
        country="Syria",
        iso3="SYR",
        admin1="Deir ez Zor",
        admin2="Deir ez Zor",
        location="Deir ez Zor",
        latitude=35.336,
        longitude=40.141,
        geo_precision=1,
    ),
    "Al Mayadin": dict(
        country="Syria",
        iso3="SYR",
        admin1="Deir ez Zor",
        admin2="Al Mayadin",
        location="Al Mayadin",
        latitude=35.020,
        longitude=40.452,
        geo_precision=1,
    ),
    "Al Hasakeh": dict(
        country="Syria",
        iso3="SYR",
        admin1="Al Hasakeh",
        admin2="Al Hasakeh",
        location="Al Hasakeh",
        latitude=36.502,
        longitude=40.747,
        geo_precision=1,
    ),
    "Baghdad": dict(
        country="Iraq",
        iso3="IRQ",
        admin1="Baghdad",
        admin2="Al Resafa",
        location="Baghdad",
        latitude=33.341,
        longitude=44.401,
        geo_precision=1,
    ),
    "Karrada": dict(
        country="Iraq",
        iso3="IRQ",
        admin1="Baghdad",
        admin2="Al Resafa",
        location="Karrada",
        latitude=33.303,
        longitude=44.427,
        geo_precision=1,
    ),
    "Erbil": dict(
        country="Iraq",
        iso3="IRQ",
        admin1="Erbil",
        admin2="Erbil",
        location="Erbil",
        latitude=36.191,
        longitude=44.009,
        geo_precision=1,
    ),
    "Ain al-Asad": dict(
        country="Iraq",
        iso3="IRQ",
        admin1="Al Anbar",
        admin2="Heet",
        location="Ain al-Asad Air Base",
        latitude=33.786,
        longitude=42.441,
        geo_precision=1,
    ),
}


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(phrase, start, start + len(phrase))


def make_event(**fields: Any) -> Event:
    """An `Event` with realistic defaults (an air strike in Deir ez Zor), overridden by `fields`."""
    place = PLACES[fields.pop("place", "Deir ez Zor")]
    defaults: dict[str, Any] = dict(
        event_id="e-" + hashlib.sha1(repr(sorted(fields.items())).encode()).hexdigest()[:12],
        event_date="2023-12-09",
        date_start=None,
        date_end=None,
        time_precision=1,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        disorder_type="Political violence",
        acled_codable=True,
        plover="ASSAULT",
        plover_mode="aerial",
        cameo="195",
        actor1="Military Forces of the United States (2021-)",
        assoc_actor_1=None,
        actor2="Kata'ib Hezbollah",
        assoc_actor_2=None,
        actor1_text="US forces",
        actor2_text="Kataib Hezbollah",
        inter1=8,
        inter2=3,
        interaction=38,
        admin3=None,
        location_text=None,
        fatalities=None,
        fatalities_qualifier="unknown",
        injuries=None,
        injuries_qualifier="unknown",
        material_damage=False,
        modality="occurred",
        sources=(Source("Test Wire", "outlet"),),
        outlet="Test Wire",
        evidence=(),
        loaded_terms=(),
        confidence=0.8,
        notes="On 9 December 2023, US forces struck a Kata'ib Hezbollah position.",
    )
    defaults.update(place)
    defaults.update(fields)
    if defaults["date_start"] is None:
        defaults["date_start"] = defaults["event_date"]
    if defaults["date_end"] is None:
        defaults["date_end"] = defaults["date_start"]
    return Event(**defaults)


def make_tally(text: str, phrase: str, **fields: Any) -> Tally:
    defaults: dict[str, Any] = dict(
        tally_id="t-" + hashlib.sha1(phrase.encode()).hexdigest()[:12],
        counted="attacks on US bases",
        counted_event_type="Explosions/Remote violence",
        count=85,
        count_qualifier="about",
        actor1="Islamic Resistance in Iraq",
        actor2="Military Forces of the United States (2021-)",
        actor1_text="Islamic Resistance in Iraq",
        actor2_text="US bases",
        period_start="2023-10-18",
        period_end="2023-12-09",
        time_precision=1,
        country="Syria",
        admin1=None,
        fatalities=None,
        fatalities_qualifier="unknown",
        injuries=70,
        injuries_qualifier="at least",
        material_damage=True,
        modality="claimed",
        sources=(Source("Islamic Resistance in Iraq", "party", "Telegram"),),
        evidence=(span(text, phrase),),
        loaded_terms=(),
    )
    defaults.update(fields)
    return Tally(**defaults)


def make_document(
    text: str,
    events: list[tuple[str, dict[str, Any]]] = (),  # type: ignore[assignment]
    *,
    outlet: str = "Test Wire",
    published: date | None = date(2023, 12, 9),
    tallies: tuple[Tally, ...] = (),
    **fields: Any,
) -> Document:
    """A document whose events cite `phrase` of `text` as evidence: [(phrase, event fields), …]."""
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
    coded = []
    for i, (phrase, event_fields) in enumerate(events):
        event_fields = dict(event_fields)
        event_fields.setdefault("event_id", f"{doc_id}-e{i}")
        event_fields.setdefault("outlet", outlet)
        event_fields.setdefault("sources", (Source(outlet, "outlet"),))
        coded.append(make_event(evidence=(span(text, phrase),), **event_fields))
    return Document(
        doc_id=doc_id,
        text=text,
        outlet=outlet,
        published=published,
        events=tuple(coded),
        tallies=tallies,
        knowledge_version="test",
        **fields,
    )


def with_text(document: Document, text: str) -> Document:
    """The same input (same key) with new text: what a corrected article looks like."""
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
    events = tuple(
        replace(e, event_id=f"{doc_id}-e{i}", evidence=(span(text, e.evidence[0].text),))
        for i, e in enumerate(document.events)
    )
    return replace(document, text=text, doc_id=doc_id, events=events)


XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1">'


def example_documents() -> list[Document]:
    """A small realistic set: two outlets reporting one strike, other events, a tally, XSS bait."""
    wire = (
        "US aircraft struck a weapons depot of Kataib Hezbollah near Deir ez-Zor on Saturday, "
        "a US official said. The strike destroyed the depot."
    )
    regional = (
        "An American air raid hit a Kataib Hezbollah arms depot in the city of Deir ez-Zor on "
        "Saturday, local sources reported. Separately, protesters rallied in Baghdad."
    )
    erbil = (
        "A drone attack targeted the Erbil air base on 8 December, the Islamic Resistance in Iraq "
        "said on Telegram. It says it carried out about 85 attacks on US bases since 18 October."
    )
    bait = (
        f"Headline {XSS_SCRIPT} and {XSS_IMG} were posted. Gunmen attacked a checkpoint in "
        f"Al Mayadin {XSS_IMG} on Friday, a monitor said."
    )
    return [
        make_document(
            wire,
            [
                (
                    "US aircraft struck a weapons depot of Kataib Hezbollah near Deir ez-Zor"
                    " on Saturday",
                    dict(sources=(Source("US official", "official"),)),
                )
            ],
            outlet="Test Wire",
            title="US strikes militia depot in Syria",
            url="https://wire.example/us-strike",
        ),
        make_document(
            regional,
            [
                (
                    "An American air raid hit a Kataib Hezbollah arms depot in the city of"
                    " Deir ez-Zor",
                    dict(actor1_text="American", sources=(Source("local sources", "anonymous"),)),
                ),
                (
                    "protesters rallied in Baghdad",
                    dict(
                        event_type="Protests",
                        sub_event_type="Peaceful protest",
                        disorder_type="Demonstrations",
                        plover="PROTEST",
                        actor1="Protesters (Iraq)",
                        actor2=None,
                        inter1=6,
                        inter2=None,
                        interaction=60,
                        place="Baghdad",
                        notes="On 9 December 2023, protesters rallied in Baghdad.",
                    ),
                ),
            ],
            outlet="Levant Daily",
            title="Air raid hits arms depot",
            input_id="levant-1",
        ),
        make_document(
            erbil,
            [
                (
                    "A drone attack targeted the Erbil air base on 8 December",
                    dict(
                        event_date="2023-12-08",
                        actor1="Islamic Resistance in Iraq",
                        actor2="Military Forces of the United States (2021-)",
                        inter1=3,
                        inter2=8,
                        modality="claimed",
                        place="Erbil",
                        sources=(Source("Islamic Resistance in Iraq", "party", "Telegram"),),
                        notes="On 8 December 2023, a drone attack targeted the Erbil air base.",
                    ),
                )
            ],
            outlet="Gulf Monitor",
            title="Drone attack on Erbil base",
            tallies=(make_tally(erbil, "about 85 attacks on US bases since 18 October"),),
        ),
        make_document(
            bait,
            [
                (
                    f"Gunmen attacked a checkpoint in Al Mayadin {XSS_IMG} on Friday",
                    dict(
                        event_date="2023-12-08",
                        event_type="Battles",
                        sub_event_type="Armed clash",
                        plover="FIGHT",
                        actor1=f"Unidentified Armed Group (Syria) {XSS_SCRIPT}",
                        actor1_text=XSS_IMG,
                        place="Al Mayadin",
                        location_text=XSS_SCRIPT,
                        notes=f"Gunmen attacked {XSS_IMG}.",
                        sources=(Source(XSS_IMG, "monitor"),),
                    ),
                )
            ],
            outlet=f"Bait {XSS_SCRIPT}",
            title=f"Title {XSS_IMG}",
        ),
    ]


# --- databases -----------------------------------------------------------------------------------


def database_url(kind: str, tmp_path: Path) -> contextlib.AbstractContextManager[str]:
    """A fresh database for the store tests (see tests/databases.py)."""
    return database(kind, tmp_path)
