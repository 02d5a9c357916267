"""Coding off the event loop: back-pressure (503 + Retry-After), reads answered while coding is
busy, and the read cache emptied by writes."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import httpx
import pytest
from store_factories import example_documents, make_document

from sitrep.api import create_app
from sitrep.api.coding import CodingPool, PoolFull
from sitrep.records import Document, RawDocument
from sitrep.store import Store

TEXT = "Jets struck a fuel depot in Deir ez-Zor on Saturday. Smoke rose over the town."


class BlockingCoder:
    """Codes like a stand-in extractor, but only once `release` is set: a coding pool that is busy
    for as long as the test wants."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Semaphore(0)

    def __call__(self, raw: RawDocument) -> Document:
        self.started.release()
        assert self.release.wait(20), "the test never released the coder"
        return make_document(raw.text, [(raw.text.split(". ")[0], {})], published=raw.published)


def _client(app: object) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


def _stored_db(tmp_path: Path) -> str:
    db = str(tmp_path / "api.db")
    with Store(db) as store:
        for document in example_documents():
            store.add(document)
    return db


def test_a_full_pool_answers_503_with_retry_after_and_reads_go_on(tmp_path: Path) -> None:
    coder = BlockingCoder()
    app = create_app(_stored_db(tmp_path), coder=coder, coding_workers=1, coding_queue=1)

    async def scenario() -> None:
        async with _client(app) as client:
            body = {"text": TEXT, "published": "2023-12-09"}
            first = asyncio.create_task(client.post("/extract", json=body))
            second = asyncio.create_task(client.post("/extract", json=body))
            await asyncio.to_thread(coder.started.acquire)  # one coding, one waiting
            await asyncio.sleep(0.05)
            started = time.perf_counter()
            third = await client.post("/extract", json=body)
            assert third.status_code == 503
            assert int(third.headers["retry-after"]) >= 1
            assert "coding pool is full" in third.json()["detail"]
            # Reads and /health do not wait for the coding.
            events = await client.get("/events?country=Syria&limit=50")
            health = await client.get("/health")
            assert events.status_code == 200 and events.json()["total"] >= 1
            assert health.json()["coding"] == {"workers": 1, "capacity": 2, "in_flight": 2}
            assert time.perf_counter() - started < 1.0
            coder.release.set()
            done = await asyncio.gather(first, second)
            assert [r.status_code for r in done] == [200, 200]
            assert done[0].json()["events"][0]["evidence"][0]["text"].startswith("Jets struck")
            after = await client.post("/extract", json=body)
            assert after.status_code == 200  # slots are given back

    asyncio.run(scenario())


def test_the_pool_refuses_beyond_capacity_without_waiting() -> None:
    coder = BlockingCoder()
    pool = CodingPool(2, 0, coder=coder)

    async def scenario() -> None:
        running = [asyncio.create_task(pool.code({"text": TEXT})) for _ in range(2)]
        await asyncio.sleep(0.05)
        assert pool.in_flight == 2
        with pytest.raises(PoolFull) as full:
            await pool.code({"text": TEXT})
        assert full.value.retry_after >= 1
        coder.release.set()
        documents = await asyncio.gather(*running)
        assert all(isinstance(d, Document) for d in documents)
        assert pool.in_flight == 0

    asyncio.run(scenario())
    pool.close()


def _far_event(text: str, day: int) -> Document:
    """A document with one event on a day no other test document reports (so nothing merges)."""
    phrase = text.split(". ")[0]
    return make_document(text, [(phrase, {"event_date": f"2021-03-{day:02d}"})])


def test_read_pages_are_reused_and_a_write_through_the_api_refreshes_them(tmp_path: Path) -> None:
    db = _stored_db(tmp_path)
    app = create_app(db, coder=lambda raw: _far_event(raw.text, 2), cache_seconds=60)

    async def scenario() -> None:
        async with _client(app) as client:
            first = (await client.get("/events?limit=50")).json()["total"]
            # Another process writes: within the cache period the page is the one already sent.
            with Store(db) as store:
                store.add(_far_event("Protesters gathered in Erbil on Friday. It was calm.", 1))
            cached = await client.get("/events?limit=50")
            assert cached.json()["total"] == first
            assert "content-security-policy" in cached.headers  # cached answers keep them
            # A write through this server empties the cache at once.
            response = await client.post("/documents", json={"documents": [{"text": TEXT}]})
            assert response.json()["results"][0]["status"] == "new"
            assert (await client.get("/events?limit=50")).json()["total"] == first + 2

    asyncio.run(scenario())
