"""Writing documents: idempotence, updates, duplicates, cross-document merging, transactions."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select
from store_factories import example_documents, make_document, span, with_text

from sitrep.errors import StoreError
from sitrep.store import EventFilter, Store
from sitrep.store.models import EvidenceRow, SourceRow


def _table_rows(store: Store) -> dict[str, int]:
    rows = store.counts()
    with store.sessions() as session:
        rows["evidence_spans"] = session.scalar(select(func.count()).select_from(EvidenceRow))
        rows["sources"] = session.scalar(select(func.count()).select_from(SourceRow))
    return rows


def test_same_documents_twice_store_the_same_rows(store: Store) -> None:
    docs = example_documents()
    first = [store.add(d).status for d in docs]
    after_first = _table_rows(store)
    second = [store.add(d).status for d in docs]
    assert first == ["new"] * len(docs)
    assert second == ["unchanged"] * len(docs)
    assert _table_rows(store) == after_first
    assert after_first["documents"] == 4
    # Five event reports, two of them about the same strike: four canonical events.
    assert after_first["event_supports"] == 5
    assert after_first["events"] == 4
    assert after_first["tallies"] == 1


def test_reports_from_two_outlets_become_one_event_with_both_evidences(store: Store) -> None:
    wire, regional, *_ = example_documents()
    store.add(wire)
    outcome = store.add(regional)
    assert (outcome.events, outcome.merged) == (1, 1)  # the protest is new, the strike merged
    total, events = store.events(EventFilter(event_type="Explosions/Remote violence"))
    assert total == 1
    event = events[0]
    assert event["event_id"] == wire.events[0].event_id  # the first report names the event
    assert [d["outlet"] for d in event["documents"]] == ["Test Wire", "Levant Daily"]
    assert event["n_documents"] == 2
    assert {s["type"] for s in event["sources"]} == {"official", "anonymous"}
    for document, stored in zip((wire, regional), event["documents"], strict=True):
        [evidence] = stored["evidence"]
        assert document.text[evidence["start"] : evidence["end"]] == evidence["text"]
    assert {e["doc_id"] for e in event["evidence"]} == {wire.doc_id, regional.doc_id}


def test_events_of_one_document_are_never_merged_with_each_other(store: Store) -> None:
    text = "Jets struck Deir ez-Zor at dawn. Later jets struck Deir ez-Zor again."
    doc = make_document(
        text, [("Jets struck Deir ez-Zor at dawn", {}), ("jets struck Deir ez-Zor again", {})]
    )
    outcome = store.add(doc)
    assert (outcome.events, outcome.merged) == (2, 0)


def test_changed_text_for_the_same_url_updates_the_document(store: Store) -> None:
    wire, regional, *_ = example_documents()
    store.add(wire)
    store.add(regional)
    corrected = with_text(wire, wire.text + " The Pentagon confirmed it.")
    outcome = store.add(corrected)
    assert outcome.status == "updated"
    assert store.counts()["documents"] == 2
    assert store.document(wire.doc_id) is None
    assert "Pentagon" in store.document(corrected.doc_id)["text"]
    # The strike keeps its id and is still supported by both documents, once each.
    event = store.event(wire.events[0].event_id)
    assert sorted(d["doc_id"] for d in event["documents"]) == sorted(
        [corrected.doc_id, regional.doc_id]
    )


def test_an_event_only_a_changed_document_reported_disappears(store: Store) -> None:
    _, regional, *_ = example_documents()
    store.add(regional)
    without_events = replace(with_text(regional, regional.text + " Updated."), events=())
    assert store.add(without_events).status == "updated"
    assert store.counts()["events"] == 0
    assert store.counts()["event_supports"] == 0


def test_the_same_text_under_another_key_is_stored_once(store: Store) -> None:
    wire, *_ = example_documents()
    store.add(wire)
    copy = replace(wire, url="https://mirror.example/copy")
    assert store.add(copy).status == "duplicate"
    assert store.counts()["documents"] == 1


def test_a_failing_document_leaves_nothing_behind(store: Store) -> None:
    wire, regional, *_ = example_documents()
    store.add(wire)
    # An event dated "2023-13-45" cannot be stored: the whole document must roll back.
    bad = make_document("Jets struck Deir ez-Zor at dawn.", [("Jets struck Deir ez-Zor", {})])
    bad = replace(
        bad,
        events=(
            replace(
                bad.events[0],
                event_date="2023-13-45",
                date_start="2023-13-45",
                date_end="2023-13-45",
            ),
        ),
    )
    before = _table_rows(store)
    with pytest.raises((StoreError, ValueError)):
        store.add(bad)
    assert _table_rows(store) == before
    assert store.add(regional).status == "new"


def test_tallies_keep_their_evidence_and_sources(store: Store) -> None:
    *_, erbil, _bait = example_documents()
    store.add(erbil)
    total, [tally] = store.tallies()
    assert total == 1
    assert tally["count"] == 85 and tally["count_qualifier"] == "about"
    assert tally["material_damage"] is True
    assert tally["sources"] == [
        {"name": "Islamic Resistance in Iraq", "type": "party", "channel": "Telegram"}
    ]
    [evidence] = tally["evidence"]
    assert erbil.text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_a_document_without_events_is_stored_with_its_metadata(store: Store) -> None:
    doc = replace(
        make_document("Nothing happened here.", published=None, title="Quiet"),
        skipped="no English text",
        warnings=("short text",),
        input_id="line-7",
    )
    assert store.add(doc).status == "new"
    stored = store.document(doc.doc_id)
    assert stored["skipped"] == "no English text"
    assert stored["warnings"] == ["short text"]
    assert stored["published"] is None and stored["input_id"] == "line-7"


def test_deleting_a_document_keeps_events_other_documents_support(store: Store) -> None:
    wire, regional, *_ = example_documents()
    store.add(wire)
    store.add(regional)
    assert store.delete_document(regional.doc_id)
    assert store.counts() == {"documents": 1, "events": 1, "event_supports": 1, "tallies": 0}
    assert store.event(wire.events[0].event_id)["n_documents"] == 1


def test_evidence_offsets_point_into_the_stored_text(store: Store) -> None:
    docs = example_documents()
    for d in docs:
        store.add(d)
    _, events = store.events(limit=100)
    for event in events:
        for e in event["evidence"]:
            text = store.document(e["doc_id"])["text"]
            assert text[e["start"] : e["end"]] == e["text"]
    assert span(docs[0].text, "US aircraft").start == 0


def test_merged_event_reads_as_the_most_precise_report(store: Store) -> None:
    vague_text = "Jets struck somewhere in Deir ez-Zor province on Saturday, killing about a dozen."
    vague = make_document(
        vague_text,
        [
            (
                "Jets struck somewhere in Deir ez-Zor province",
                dict(geo_precision=3, fatalities=12, fatalities_qualifier="about", actor1=None),
            )
        ],
        outlet="Vague Wire",
    )
    wire, *_ = example_documents()
    store.add(vague)
    store.add(
        replace(wire, events=(replace(wire.events[0], fatalities=9, fatalities_qualifier="exact"),))
    )
    [event] = store.events()[1]
    assert event["event_id"] == vague.events[0].event_id
    assert event["n_documents"] == 2
    assert (event["geo_precision"], event["fatalities"]) == (1, 9)
    assert event["actor1"] == wire.events[0].actor1
    # The notes are written again for the merged fields (the vague report's said "about 12").
    assert event["notes"].endswith(" 9 reported killed.")
    # When the precise report goes, the event falls back to what the vague one said.
    store.delete_document(wire.doc_id)
    [event] = store.events()[1]
    assert (event["geo_precision"], event["fatalities"], event["actor1"]) == (3, 12, None)
