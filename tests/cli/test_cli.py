import csv
import io
import json

from typer.testing import CliRunner

from sitrep.cli.main import app
from sitrep.export.formats import ACLED_COLUMNS, CSV_COLUMNS

runner = CliRunner()


def _cell(value) -> str:
    """How the CSV writer spells a JSON value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def test_extract_corpus_as_acled_ordered_csv(shared):
    corpus = sorted(str(p) for p in (shared / "corpus").glob("*.txt"))
    as_csv = runner.invoke(app, ["--quiet", "extract", *corpus, "--format", "csv"])
    as_jsonl = runner.invoke(app, ["--quiet", "extract", *corpus])
    assert as_csv.exit_code == 0 == as_jsonl.exit_code, as_csv.output + as_jsonl.output
    header, *rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert tuple(header) == CSV_COLUMNS and tuple(header[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    documents = [json.loads(line) for line in as_jsonl.stdout.splitlines()]
    events = [(doc, event) for doc in documents for event in doc["events"]]
    # One row per event, in input order, each cell the event's own value.
    assert len(rows) == len(events) and events
    for cells, (doc, event) in zip(rows, events, strict=True):
        row = dict(zip(header, cells, strict=True))
        assert row["event_id_cnty"] == row["event_id"] == event["event_id"]
        assert row["doc_id"] == doc["doc_id"] and row["year"] == event["event_date"][:4]
        for column in (
            "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "inter1",
            "actor2", "country", "admin1", "admin2", "location", "geo_precision", "fatalities",
            "acled_codable", "plover", "modality", "confidence",
        ):  # fmt: skip
            assert row[column] == _cell(event[column]), (column, row[column], event[column])
        assert (row["latitude"], row["longitude"]) == (
            _cell(event["latitude"]),
            _cell(event["longitude"]),
        )
        assert json.loads(row["evidence"]) == event["evidence"]
        assert row["outlet"] == _cell(event["outlet"])


def test_extract_jsonl_echoes_input_ids_and_reports_bad_lines(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        json.dumps(
            {
                "id": "n1",
                "text": "On 11 May 2020, students in Idleb city protested against fees.",
                "published": "2020-05-12",
            }
        )
        + "\n{broken\n"
    )
    result = runner.invoke(app, ["--quiet", "extract", str(dump)])
    assert result.exit_code == 1  # one line failed: the run says so
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["input_id"] == "n1" and record["published"] == "2020-05-12"
    assert "dump.jsonl:2" in result.stderr


def test_stdin_with_published_and_outlet(tmp_path):
    result = runner.invoke(
        app,
        ["--quiet", "extract", "-", "--published", "2023-12-09", "--outlet", "Wire"],
        input="Protesters gathered in Beirut on Friday.",
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["outlet"] == "Wire" and record["published"] == "2023-12-09"


def test_output_file_and_usage_errors(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("date 2023-12-09 T\nClashes erupted in Marib.")
    out = tmp_path / "out.geojson"
    assert (
        runner.invoke(
            app, ["--quiet", "extract", str(src), "-f", "geojson", "-o", str(out)]
        ).exit_code
        == 0
    )
    assert json.loads(out.read_text())["type"] == "FeatureCollection"
    assert runner.invoke(app, ["extract", str(src), "-f", "xml"]).exit_code == 2
    assert runner.invoke(app, ["extract", str(src), "--published", "9/12/2023"]).exit_code == 2


def test_eval_prints_table_and_writes_report(dev_notes, tmp_path):
    report = tmp_path / "scores.json"
    result = runner.invoke(
        app, ["--quiet", "eval", str(dev_notes), "--limit", "5", "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert "event_type" in result.stdout and "distance" in result.stdout
    summary = json.loads(report.read_text())
    assert summary["records"] == 5 and "sub_event_type" in summary["fields"]


def test_ingest_in_batches_stores_what_one_by_one_does(shared, tmp_path):
    corpus = str(shared / "corpus")
    rows = {}
    for name, extra in (("single", []), ("batched", ["--workers", "0"])):
        db = str(tmp_path / f"{name}.db")
        result = runner.invoke(app, ["--quiet", "ingest", corpus, "--db", db, *extra])
        assert result.exit_code == 0, result.output
        exported = runner.invoke(app, ["--quiet", "export", "--db", db, "--format", "csv"])
        rows[name] = sorted(exported.stdout.splitlines()[1:])
    assert rows["single"] and rows["single"] == rows["batched"]
