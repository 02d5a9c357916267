import csv
import io
import json

from sitrep.export.formats import ACLED_COLUMNS, CSV_COLUMNS, write_documents

EVENT = {
    "event_id": "e1",
    "event_date": "2023-12-09",
    "time_precision": 1,
    "event_type": "Strategic developments",
    "sub_event_type": "Change to group/activity",
    "actor1": "Military Forces of the United States",
    "actor2": None,
    "iso3": "SYR",
    "country": "Syria",
    "latitude": 36.6,
    "longitude": 40.9,
    "acled_codable": True,
    "sources": [{"name": "informed sources", "type": "anonymous", "channel": None}],
    "evidence": [{"text": "drills", "start": 3, "end": 9}],
    "loaded_terms": ["US occupation"],
    "notes": "=cmd|' /C calc'!A0",
}
DOC = {
    "doc_id": "d1",
    "outlet": "Wire",
    "events": [EVENT, {**EVENT, "event_id": "e2", "latitude": None}],
}


def test_csv_has_acled_columns_first_then_sitreps():
    out = io.StringIO()
    assert write_documents([DOC], "csv", out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0][: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert tuple(rows[0]) == CSV_COLUMNS
    record = dict(zip(rows[0], rows[1], strict=False))
    assert record["year"] == "2023" and record["iso"] == "SYR"
    assert record["source"] == "informed sources"
    assert json.loads(record["evidence"])[0]["text"] == "drills"
    assert record["notes"].startswith("'=")  # spreadsheet formula injection defused


def test_geojson_points_skip_events_without_coordinates():
    out = io.StringIO()
    assert write_documents([DOC], "geojson", out) == 1
    collection = json.loads(out.getvalue())
    (feature,) = collection["features"]
    assert feature["geometry"]["coordinates"] == [40.9, 36.6]
    assert feature["properties"]["evidence"][0]["start"] == 3


def test_jsonl_one_document_a_line():
    out = io.StringIO()
    write_documents([DOC, DOC], "jsonl", out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["doc_id"] == "d1"
