"""The API's downloads (what `sitrep export` writes, filtered), its media-type check and its
documentation pages served from the package."""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from collections.abc import Iterator

import pytest
from store_factories import example_documents
from typer.testing import CliRunner

from sitrep.api import create_app
from sitrep.cli.main import app as cli
from sitrep.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def filled(shared_db_url: str) -> Iterator[tuple[TestClient, str]]:
    with Store(shared_db_url) as store:
        for document in example_documents():
            store.add(document)
    with TestClient(create_app(shared_db_url, coder=lambda raw: None)) as client:
        yield client, shared_db_url


@pytest.mark.parametrize(
    ("query", "args"),
    [
        ("", []),
        ("country=Iraq", ["--country", "Iraq"]),
        ("since=2023-12-09&until=2023-12-09", ["--since", "2023-12-09", "--until", "2023-12-09"]),
        ("event_type=Battles", ["--event-type", "Battles"]),
    ],
)
@pytest.mark.parametrize("fmt", ["csv", "geojson", "jsonl"])
def test_download_is_what_sitrep_export_writes(
    filled: tuple[TestClient, str], query: str, args: list[str], fmt: str
) -> None:
    client, db = filled
    response = client.get(f"/events/export?format={fmt}&{query}")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    assert response.headers["content-disposition"].endswith(f'.{fmt}"')
    exported = CliRunner().invoke(cli, ["export", "--db", db, "--format", fmt, *args])
    assert exported.exit_code == 0, exported.output
    # (click's runner reads CSV's \r\n line ends back as \n)
    assert response.text.replace("\r\n", "\n") == exported.stdout
    assert response.text.strip(), "every filter here matches at least one event"


def test_download_follows_the_page_filters(filled: tuple[TestClient, str]) -> None:
    client, _ = filled
    rows = list(
        csv.DictReader(io.StringIO(client.get("/events/export?format=csv&country=IRQ").text))
    )
    assert sorted(r["location"] for r in rows) == ["Baghdad", "Erbil"]
    claimed = client.get("/events/export?format=geojson&modality=claimed").json()
    assert [f["properties"]["location"] for f in claimed["features"]] == ["Erbil"]
    name = client.get("/events/export?format=csv&country=Iraq&since=2023-12-01").headers
    assert name["content-disposition"] == (
        'attachment; filename="sitrep-events-Iraq-2023-12-01.csv"'
    )
    assert client.get("/events/export?format=xlsx").status_code == 422
    assert client.get("/events/export?since=2023-12-10&until=2023-12-01").status_code == 400


@pytest.mark.parametrize("path", ["/extract", "/documents"])
@pytest.mark.parametrize("media_type", ["text/plain", "text/plain; charset=utf-8", "text/html"])
def test_a_body_that_is_not_json_gets_415(
    filled: tuple[TestClient, str], path: str, media_type: str
) -> None:
    client, _ = filled
    response = client.post(
        path, content="Clashes erupted in Marib.", headers={"content-type": media_type}
    )
    assert response.status_code == 415
    assert "application/json" in response.json()["detail"]
    # JSON with a wrong field is still the body's fault: 422.
    assert client.post(path, json={"txt": "Clashes"}).status_code == 422


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_pages_load_only_packaged_files(filled: tuple[TestClient, str], path: str) -> None:
    client, _ = filled
    page = client.get(path)
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith("/static/") or s == "data:," for s in sources), sources
    assert "<script>" not in page.text  # nothing inline: the policy would block it
    for source in sources:
        if source.startswith("/static/"):
            assert client.get(source).status_code == 200, source
    assert json.loads(client.get("/openapi.json").text)["paths"]["/events/export"]
