"""Reading events back: every filter, paging, and the migrations' agreement with the models."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from store_factories import example_documents

from sitrep.errors import ConfigError
from sitrep.store import EventFilter, Store, TallyFilter
from sitrep.store.database import migrate, normalise_url
from sitrep.store.models import Base


@pytest.fixture
def filled(store: Store) -> Store:
    for document in example_documents():
        store.add(document)
    return store


@pytest.mark.parametrize(
    ("filters", "locations"),
    [
        ({}, ["Al Mayadin", "Baghdad", "Deir ez Zor", "Erbil"]),
        ({"since": date(2023, 12, 9)}, ["Baghdad", "Deir ez Zor"]),
        ({"until": date(2023, 12, 8)}, ["Al Mayadin", "Erbil"]),
        ({"country": "iraq"}, ["Baghdad", "Erbil"]),
        ({"country": "SYR"}, ["Al Mayadin", "Deir ez Zor"]),
        ({"admin1": "deir ez zor"}, ["Al Mayadin", "Deir ez Zor"]),
        ({"event_type": "Protests"}, ["Baghdad"]),
        ({"actor": "islamic resistance"}, ["Erbil"]),
        ({"actor": "50%_"}, []),  # LIKE wildcards in user input are literal
        ({"modality": "claimed"}, ["Erbil"]),
        ({"bbox": (39.0, 34.0, 41.0, 36.0)}, ["Al Mayadin", "Deir ez Zor"]),
        ({"country": "Syria", "event_type": "Battles"}, ["Al Mayadin"]),
    ],
)
def test_event_filters(filled: Store, filters: dict[str, Any], locations: list[str]) -> None:
    total, events = filled.events(EventFilter(**filters))
    assert sorted(e["location"] for e in events) == locations
    assert total == len(locations)


def test_paging_is_stable_and_complete(filled: Store) -> None:
    total, first = filled.events(limit=3, offset=0)
    _, rest = filled.events(limit=3, offset=3)
    ids = [e["event_id"] for e in first + rest]
    assert total == 4 and len(ids) == len(set(ids)) == 4
    assert [e["event_date"] for e in first + rest] == sorted(
        (e["event_date"] for e in first + rest), reverse=True
    )


def test_iter_events_reads_everything(filled: Store) -> None:
    assert len(list(filled.iter_events())) == 4
    assert [e["location"] for e in filled.iter_events(EventFilter(country="Iraq"))] == [
        "Baghdad",
        "Erbil",
    ]


def test_tally_filters(filled: Store) -> None:
    assert filled.tallies(TallyFilter(country="Syria"))[0] == 1
    assert filled.tallies(TallyFilter(until=date(2023, 10, 1)))[0] == 0
    assert filled.tallies(TallyFilter(since=date(2023, 12, 1)))[0] == 1


def test_migrations_match_the_models_and_rerun_as_no_op(store: Store) -> None:
    migrate(store.engine)  # a second time: nothing to do, no error
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("sitrep.db", "sqlite:///sitrep.db"),
        ("postgresql://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_normalise_url(typed: str, url: str) -> None:
    assert normalise_url(typed) == url


@pytest.mark.parametrize("bad", ["", "mysql://u@h/db"])
def test_bad_urls_are_config_errors(bad: str) -> None:
    with pytest.raises(ConfigError):
        normalise_url(bad)
