"""`sitrep ingest` and `sitrep export` end to end, with the real pipeline and real files."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from copied_text import SHARED
from sqlalchemy import select
from store_factories import example_documents
from typer.testing import CliRunner

from sitrep.cli.main import app
from sitrep.export.formats import ACLED_COLUMNS
from sitrep.store import Store
from sitrep.store.models import DocumentRow, EventRow, EventSupportRow, EvidenceRow, TallyRow

CORPUS = SHARED / "corpus"


def _snapshot(db: str) -> dict[str, list[tuple]]:
    """Every stored row that ingesting could change (timestamps and surrogate keys aside)."""
    with Store(db) as store, store.sessions() as session:
        return {
            "documents": sorted(
                (d.doc_id, d.doc_key, d.text_hash, d.title, str(d.published), d.outlet)
                for d in session.scalars(select(DocumentRow))
            ),
            "events": sorted(
                (e.event_id, e.event_type, e.sub_event_type, str(e.event_date), e.location)
                for e in session.scalars(select(EventRow))
            ),
            "supports": sorted(
                (s.doc_event_id, s.modality) for s in session.scalars(select(EventSupportRow))
            ),
            "evidence": sorted(
                (e.text, e.start, e.end) for e in session.scalars(select(EvidenceRow))
            ),
            "tallies": sorted((t.tally_id, t.count) for t in session.scalars(select(TallyRow))),
        }


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is missing at {CORPUS}")
def test_ingesting_the_corpus_twice_yields_the_same_rows(db_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(CORPUS), "--db", db_url])
    assert first.exit_code == 0, first.output
    n = len([p for p in CORPUS.iterdir() if p.suffix == ".txt"])
    assert f"read {n}, coded {n}, skipped 0, failed 0" in first.stderr
    rows = _snapshot(db_url)
    assert len(rows["documents"]) == n
    second = runner.invoke(app, ["ingest", str(CORPUS), "--db", db_url])
    assert second.exit_code == 0, second.output
    assert f"read {n}, coded 0, skipped 0, failed 0 (unchanged {n};" in second.stderr
    assert _snapshot(db_url) == rows


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text(
        "date 2023-12-09 Strike\nBy Test Wire\n\nJets struck Deir ez-Zor on Saturday.\n"
    )
    (tmp_path / "in" / "scan.txt").write_bytes(b"%PDF-1.7 binary")
    db, errors = str(tmp_path / "s.db"), tmp_path / "errors.jsonl"
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            str(good.parent),
            str(tmp_path / "missing.txt"),
            "--db",
            db,
            "--errors",
            str(errors),
        ],
    )
    assert result.exit_code == 1
    assert "read 1, coded 1, skipped 0, failed 2" in result.stderr
    reports = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(Path(r["source"]).name, r["stage"]) for r in reports] == [
        ("scan.txt", "read"),
        ("missing.txt", "read"),
    ]
    assert all(r["error"] for r in reports)
    with Store(db) as store:
        assert store.counts()["documents"] == 1


def test_changed_file_is_updated_not_duplicated(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 2023-12-09 Strike\nBy Test Wire\n\nJets struck Deir ez-Zor.\n")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(article), "--db", db]).exit_code == 0
    article.write_text("date 2023-12-09 Strike\nBy Test Wire\n\nJets struck Deir ez-Zor twice.\n")
    result = runner.invoke(app, ["ingest", str(article), "--db", db])
    assert "coded 1" in result.stderr
    with Store(db) as store, store.sessions() as session:
        [text] = session.scalars(select(DocumentRow.text)).all()
    assert "twice" in text


@pytest.fixture
def filled_db(db_url: str) -> str:
    with Store(db_url) as store:
        for document in example_documents():
            store.add(document)
    return db_url


def test_export_csv_one_event_a_row_acled_columns_first(filled_db: str) -> None:
    result = CliRunner().invoke(app, ["export", "--db", filled_db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    header = result.stdout.splitlines()[0].split(",")
    assert tuple(header[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert len(rows) == 4
    [strike] = [r for r in rows if r["location"] == "Deir ez Zor"]
    wire, regional, *_ = example_documents()
    assert strike["doc_id"] == f"{wire.doc_id}; {regional.doc_id}"
    assert {e["doc_id"] for e in json.loads(strike["evidence"])} == {wire.doc_id, regional.doc_id}
    assert "US official" in strike["source"] and "local sources" in strike["source"]


@pytest.mark.parametrize(
    ("args", "locations"),
    [
        ([], ["Al Mayadin", "Baghdad", "Deir ez Zor", "Erbil"]),
        (["--country", "Iraq"], ["Baghdad", "Erbil"]),
        (["--since", "2023-12-09"], ["Baghdad", "Deir ez Zor"]),
        (["--until", "2023-12-08", "--event-type", "Battles"], ["Al Mayadin"]),
    ],
)
def test_export_jsonl_filters(filled_db: str, args: list[str], locations: list[str]) -> None:
    result = CliRunner().invoke(app, ["export", "--db", filled_db, "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(e["location"] for e in events) == locations
    for event in events:
        assert event["documents"] and event["evidence"]


def test_export_geojson_to_a_file(filled_db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(
        app, ["export", "--db", filled_db, "--format", "geojson", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    collection = json.loads(out.read_text())
    assert len(collection["features"]) == 4
    coordinates = {tuple(f["geometry"]["coordinates"]) for f in collection["features"]}
    assert (40.141, 35.336) in coordinates  # longitude first


def test_export_rejects_unknown_format_and_bad_dates(filled_db: str) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["export", "--db", filled_db, "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["export", "--db", filled_db, "--since", "soon"]).exit_code == 2


def test_unreachable_database_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "--db", "postgresql://nobody@127.0.0.1:1/none", "--format", "csv"]
    )
    assert result.exit_code == 3  # a configuration error: nothing was read
    assert "Error:" in result.stderr and "Traceback" not in result.stderr


def test_copying_the_corpus_elsewhere_stores_nothing_new(tmp_path: Path) -> None:
    """The same text under another path is the same document."""
    source = tmp_path / "one.txt"
    source.write_text("date 2023-12-09 Strike\nBy Test Wire\n\nJets struck Deir ez-Zor.\n")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    runner.invoke(app, ["ingest", str(source), "--db", db])
    copy = tmp_path / "copy.txt"
    shutil.copy(source, copy)
    result = runner.invoke(app, ["ingest", str(copy), "--db", db])
    assert "unchanged 1" in result.stderr
