"""Writing coded documents as JSONL (documents), CSV (events, ACLED column order) and GeoJSON.

Writers take document dicts (`Document.to_dict()` or the store's equivalent), so the CLI's
`extract` and the store's `export` share one code path; `write_events` writes the store's
canonical events the same way for `sitrep export` and the API's download (`GET /events/export`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

# ACLED's export columns, in ACLED's order, as far as sitrep fills them.
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
# sitrep's own columns, after ACLED's.
SITREP_COLUMNS = (
    "event_id",
    "doc_id",
    "input_id",
    "date_start",
    "date_end",
    "acled_codable",
    "plover",
    "plover_mode",
    "cameo",
    "actor1_text",
    "actor2_text",
    "iso3",
    "location_text",
    "fatalities_qualifier",
    "injuries",
    "injuries_qualifier",
    "material_damage",
    "modality",
    "background",
    "sources",
    "outlet",
    "url",
    "evidence",
    "loaded_terms",
    "confidence",
    "knowledge_version",
)
CSV_COLUMNS = ACLED_COLUMNS + SITREP_COLUMNS
FORMATS = ("jsonl", "csv", "geojson")


def event_rows(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One flat row per event of a document dict, ACLED columns first."""
    for event in document.get("events", []):
        sources = event.get("sources") or []
        row: dict[str, Any] = {col: event.get(col) for col in CSV_COLUMNS}
        row.update(
            event_id_cnty=event["event_id"],
            year=(event.get("event_date") or "")[:4] or None,
            civilian_targeting=(
                "Civilian targeting"
                if (event.get("actor2") or "").startswith("Civilians")
                else None
            ),
            iso=event.get("iso3"),
            source="; ".join(s["name"] for s in sources if s.get("name")) or document.get("outlet"),
            doc_id=document.get("doc_id"),
            input_id=document.get("input_id"),
            url=document.get("url"),
            knowledge_version=document.get("knowledge_version"),
            sources=json.dumps(sources, ensure_ascii=False),
            evidence=json.dumps(event.get("evidence") or [], ensure_ascii=False),
            loaded_terms="; ".join(event.get("loaded_terms") or []),
        )
        yield row


def _json_line(record: dict[str, Any]) -> str:
    # U+2028/U+2029 are line breaks to many JSONL readers (Python's splitlines among them).
    text = json.dumps(record, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        # A cell starting with these is run as a formula by spreadsheets (CSV injection).
        return "'" + value
    return value


def write_documents(documents: Iterable[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write documents to `out` in `fmt`; returns the number of records written."""
    if fmt == "jsonl":
        n = 0
        for doc in documents:
            out.write(_json_line(doc) + "\n")
            n += 1
        return n
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        n = 0
        for doc in documents:
            for row in event_rows(doc):
                writer.writerow({k: _csv_value(v) for k, v in row.items()})
                n += 1
        return n
    if fmt == "geojson":
        features = []
        for doc in documents:
            for row, event in zip(event_rows(doc), doc.get("events", []), strict=False):
                if event.get("latitude") is None or event.get("longitude") is None:
                    continue
                props = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
                props["evidence"] = event.get("evidence") or []
                props["sources"] = event.get("sources") or []
                features.append(
                    {
                        "type": "Feature",
                        "geometry": {
                            "type": "Point",
                            "coordinates": [event["longitude"], event["latitude"]],
                        },
                        "properties": props,
                    }
                )
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
        out.write("\n")
        return len(features)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def stored_event_document(event: dict[str, Any]) -> dict[str, Any]:
    """A canonical event from the store dressed as a one-event document for the writers.

    Its document columns list every supporting document ("; "-joined), and each evidence span
    carries the `doc_id` its offsets point into.
    """
    documents = event.get("documents") or []

    def joined(key: str) -> str | None:
        values = [str(d[key]) for d in documents if d.get(key)]
        return "; ".join(dict.fromkeys(values)) or None

    return {
        "doc_id": joined("doc_id"),
        "input_id": joined("input_id"),
        "url": joined("url"),
        "outlet": event.get("outlet"),
        "knowledge_version": joined("knowledge_version"),
        "events": [event],
    }


def write_events(events: Iterable[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write the store's canonical events: JSONL one event a line (with its documents and
    evidence), CSV one event a row, GeoJSON one point per located event."""
    if fmt == "jsonl":
        return write_documents(events, fmt, out)
    return write_documents((stored_event_document(e) for e in events), fmt, out)
