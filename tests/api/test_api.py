"""The REST API: filters and paging, event details with evidence, ingest, limits and 4xx errors."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from copied_text import SHARED
from store_factories import XSS_IMG, XSS_SCRIPT, example_documents, make_document

from sitrep.api import create_app
from sitrep.records import Document, RawDocument
from sitrep.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def sentence_coder(raw: RawDocument) -> Document:
    """Codes the first sentence of any text as an air strike in Deir ez Zor (extractor stand-in)."""
    first = raw.text.split(". ")[0]
    document = make_document(
        raw.text, [(first, {})], outlet=raw.outlet or "API", published=raw.published
    )
    return Document(
        **{
            **{f: getattr(document, f) for f in document.__slots__},
            "input_id": raw.input_id,
            "url": raw.url,
            "title": raw.title,
            "source": raw.source,
        }
    )


def _client(db_url: str) -> Iterator[TestClient]:
    with Store(db_url) as store:
        for document in example_documents():
            store.add(document)
    app = create_app(db_url, coder=sentence_coder, max_body_bytes=50_000, max_documents=3)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def client(shared_db_url: str) -> Iterator[TestClient]:
    """Over the example documents; tests using it must not store anything."""
    yield from _client(shared_db_url)


@pytest.fixture
def fresh_client(fresh_db_url: str) -> Iterator[TestClient]:
    yield from _client(fresh_db_url)


def test_health(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["documents"] == 4 and body["counts"]["events"] == 4


@pytest.mark.parametrize(
    ("query", "locations"),
    [
        ("", ["Deir ez Zor", "Baghdad", "Erbil", "Al Mayadin"]),
        ("?since=2023-12-09&until=2023-12-09", ["Deir ez Zor", "Baghdad"]),
        ("?country=IRQ", ["Baghdad", "Erbil"]),
        ("?admin1=Erbil", ["Erbil"]),
        ("?event_type=Battles", ["Al Mayadin"]),
        ("?actor=protesters", ["Baghdad"]),
        ("?bbox=43,33,45,37", ["Baghdad", "Erbil"]),
        ("?modality=claimed", ["Erbil"]),
        ("?limit=2&offset=1", ["Baghdad", "Erbil"]),
    ],
)
def test_event_filters_and_paging(client: TestClient, query: str, locations: list[str]) -> None:
    response = client.get("/events" + query)
    assert response.status_code == 200
    assert sorted(e["location"] for e in response.json()["events"]) == sorted(locations)


def test_event_detail_has_every_document_with_its_evidence(client: TestClient) -> None:
    wire, regional, *_ = example_documents()
    event = client.get(f"/events/{wire.events[0].event_id}").json()
    assert event["n_documents"] == 2
    for stored, original in zip(event["documents"], (wire, regional), strict=True):
        document = client.get(f"/documents/{stored['doc_id']}").json()
        assert document["text"] == original.text
        for span in stored["evidence"]:
            assert document["text"][span["start"] : span["end"]] == span["text"]


def test_tallies(client: TestClient) -> None:
    body = client.get("/tallies?country=Syria").json()
    assert body["total"] == 1 and body["tallies"][0]["count"] == 85


def test_payloads_come_back_as_json_strings(client: TestClient) -> None:
    response = client.get("/events?event_type=Battles")
    assert response.headers["content-type"] == "application/json"
    [event] = response.json()["events"]
    assert XSS_SCRIPT in event["actor1"] and event["actor1_text"] == XSS_IMG
    page = client.get("/")
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert XSS_SCRIPT not in page.text  # the page is static: data arrives only as JSON


def test_post_documents_ingests_idempotently(fresh_client: TestClient) -> None:
    client = fresh_client
    body = {
        "documents": [
            {
                "text": "Jets struck a depot in Deir ez-Zor. Smoke rose.",
                "published": "2023-12-09",
                "outlet": "Wire A",
                "id": "a-1",
            },
            {
                "html": "<html><body><p>Drones hit a base near Deir ez-Zor. Two were hurt.</p>"
                "</body></html>",
                "published": "2023-12-09",
                "outlet": "Wire B",
            },
        ]
    }
    first = client.post("/documents", json=body).json()["results"]
    assert [r["status"] for r in first] == ["new", "new"]
    # Both report the strike in Deir ez Zor that the example data already holds: merged.
    assert [r["merged"] for r in first] == [1, 1]
    again = client.post("/documents", json=body).json()["results"]
    assert [r["status"] for r in again] == ["unchanged", "unchanged"]
    assert client.get("/health").json()["counts"]["documents"] == 6


def test_extract_codes_without_storing(client: TestClient) -> None:
    response = client.post(
        "/extract", json={"text": "Jets struck Deir ez-Zor. More later.", "published": "2023-12-09"}
    )
    assert response.status_code == 200
    document = response.json()
    assert document["events"][0]["evidence"][0]["text"] == "Jets struck Deir ez-Zor"
    assert client.get("/health").json()["counts"]["documents"] == 4


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "message"),
    [
        ("get", "/events/nope", None, 404, "no event"),
        ("get", "/documents/nope", None, 404, "no document"),
        ("get", "/events?bbox=1,2,3", None, 400, "bbox"),
        ("get", "/events?bbox=1,80,3,20", None, 400, "bbox"),
        ("get", "/events?since=2023-12-10&until=2023-12-01", None, 400, "since"),
        ("get", "/events?since=yesterday", None, 422, "date"),
        ("get", "/events?limit=0", None, 422, "greater than or equal"),
        ("get", "/events?limit=100000", None, 422, "less than or equal"),
        ("get", "/events?modality=maybe", None, 400, "modality"),
        ("post", "/extract", {}, 422, "exactly one of"),
        ("post", "/extract", {"text": "a", "html": "<p>b</p>"}, 422, "exactly one of"),
        ("post", "/extract", {"text": "   "}, 422, "empty"),
        ("post", "/extract", {"text": "x", "fetch": "http://example.org"}, 422, "Extra inputs"),
        ("post", "/documents", {"documents": []}, 422, "at least 1"),
        ("post", "/documents", {"documents": [{"text": "a"}] * 4}, 413, "limit is 3"),
        ("post", "/extract", {"text": "x" * 60_000}, 413, "larger than 50000 bytes"),
    ],
)
def test_bad_requests_get_clear_4xx(
    client: TestClient, method: str, path: str, body: Any, status: int, message: str
) -> None:
    response = getattr(client, method)(path, **({} if body is None else {"json": body}))
    assert response.status_code == status
    assert message in response.text


def test_chunked_body_over_the_limit_is_refused(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(10):
            yield b"x" * 10_000
        yield b'"}'

    response = client.post(
        "/extract", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_openapi_documents_the_contract_fields(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {
        "/events",
        "/events/{event_id}",
        "/documents",
        "/extract",
        "/tallies",
        "/health",
    } <= set(schema["paths"])
    event = schema["components"]["schemas"]["EventOut"]["properties"]
    for name in (
        "event_id",
        "event_type",
        "sub_event_type",
        "modality",
        "evidence",
        "sources",
        "documents",
        "geo_precision",
        "time_precision",
        "plover",
    ):
        assert name in event


EXAMPLE = SHARED / "corpus" / "almayadeen-2023-12-09-us-drills-syria.txt"


@pytest.mark.skipif(not EXAMPLE.is_file(), reason=f"the example article is missing at {EXAMPLE}")
def test_extract_with_the_real_pipeline(tmp_path: Path) -> None:
    """The product path: the shared spaCy pipeline codes the article; nothing is stored."""
    from sitrep.pipeline import document_id

    with TestClient(create_app(str(tmp_path / "real.db"))) as real:
        text = EXAMPLE.read_text(encoding="utf-8")
        response = real.post("/extract", json={"text": text})
        assert response.status_code == 200
        document = response.json()
        assert document["published"] == "2023-12-09"  # from the `date …` header line
        assert document["doc_id"] == document_id(document["text"])
        for event in document["events"]:
            for span in event["evidence"]:
                assert document["text"][span["start"] : span["end"]] == span["text"]
        assert real.get("/health").json()["counts"]["documents"] == 0


def test_markup_posted_as_text_is_stored_and_served_verbatim(fresh_client: TestClient) -> None:
    text = f"Jets {XSS_IMG} struck Deir ez-Zor {XSS_SCRIPT}. Nothing else."
    body = {"documents": [{"text": text, "title": XSS_SCRIPT, "published": "2023-12-09"}]}
    [result] = fresh_client.post("/documents", json=body).json()["results"]
    document = fresh_client.get(f"/documents/{result['doc_id']}").json()
    assert XSS_IMG in document["text"] and XSS_SCRIPT in document["text"]
    assert document["title"] == XSS_SCRIPT
    [event_id] = document["event_ids"]
    event = fresh_client.get(f"/events/{event_id}").json()
    [evidence] = [e for e in event["evidence"] if e["doc_id"] == result["doc_id"]]
    assert evidence["text"] == f"Jets {XSS_IMG} struck Deir ez-Zor {XSS_SCRIPT}"
