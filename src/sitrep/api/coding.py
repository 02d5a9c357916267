"""The API's coding pool: extraction runs in a bounded pool of worker processes, off the event loop.

Coding an article is CPU-bound Python (the spaCy parse and the extractors, about as long as the
parse itself), so it never runs in the server process: there it would hold the interpreter while
reads queue behind it. A `CodingPool` sends each request's fields to one of `workers` processes
(each with its own pipeline, built once when the process starts), or to a Dask cluster when a
scheduler address is given. The request is read (text, HTML) in the worker too.

Back-pressure: at most `workers + queue` requests are accepted at a time (coding or waiting for a
worker); one more is refused at once with `PoolFull`, which the API answers with 503 and a
`Retry-After` estimated from recent coding times. So no request waits longer than about
`(workers + queue) / workers` coding times, and a burst cannot pile up unbounded work.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import math
import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from sitrep.records import Document, RawDocument

log = logging.getLogger(__name__)

Coder = Callable[[RawDocument], Document]

DEFAULT_QUEUE_PER_WORKER = 4  # requests that may wait for each worker before 503


def default_coding_workers() -> int:
    """One coding process per core, less one for the server and its reads (at least one)."""
    return max(1, (os.cpu_count() or 2) - 1)


class PoolFull(Exception):
    """Every coding slot is taken; try again after `retry_after` seconds."""

    def __init__(self, retry_after: int, reason: str = "the coding pool is full"):
        super().__init__(reason)
        self.retry_after = retry_after
        self.reason = reason


def read_input(fields: dict[str, Any]) -> RawDocument:
    """A `RawDocument` from an API request's fields (`DocumentIn`): text or an HTML page."""
    from datetime import date

    from sitrep.ingest.html import read_html
    from sitrep.ingest.readers import read_string

    html = fields.get("html")
    reader = read_html if html is not None else read_string
    published = fields.get("published")
    return reader(
        (html if html is not None else fields.get("text")) or "",
        published=date.fromisoformat(published) if isinstance(published, str) else published,
        outlet=fields.get("outlet"),
        title=fields.get("title"),
        url=fields.get("url"),
        source="api",
        input_id=fields.get("id"),
    )


def document_json(document: Document) -> bytes:
    """The `POST /extract` response body: the document record as its response model sends it."""
    from sitrep.api.schemas import CodedDocumentOut

    out = CodedDocumentOut.model_validate(document.to_dict()).model_dump(mode="json")
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# --- in the worker processes ---------------------------------------------------------------------


def _start_worker() -> None:
    """Build the pipeline and its tables now, so that no request pays for them."""
    from sitrep.pipeline import default_pipeline

    pipeline = default_pipeline()
    pipeline(read_input({"text": "Warm-up: clashes were reported near the border on Monday."}))
    # What the warm-up loaded lives as long as this process: out of the cyclic collector's sight,
    # full collections between requests do not walk it again (`Pipeline(freeze=True)` says why).
    gc.freeze()


def _code_in_worker(fields: dict[str, Any], as_json: bool) -> bytes | Document:
    from sitrep.pipeline import default_pipeline

    document = default_pipeline()(read_input(fields))
    return document_json(document) if as_json else document


def _ready() -> int:
    return os.getpid()


# --- in the server ------------------------------------------------------------------------------


class CodingPool:
    """Codes API requests in `workers` processes (or threads for a given `coder`, or on Dask)."""

    def __init__(
        self,
        workers: int | None = None,
        queue: int | None = None,
        *,
        coder: Coder | None = None,
        scheduler: str | None = None,
    ):
        self.workers = max(1, workers or default_coding_workers())
        self.queue = self.workers * DEFAULT_QUEUE_PER_WORKER if queue is None else max(0, queue)
        self.coder = coder
        self.scheduler = scheduler
        self._executor: Executor | None = None
        self._dask: Any = None
        self._in_flight = 0
        self._mean_seconds = 1.0  # running mean of request times (queue + coding): Retry-After

    @property
    def capacity(self) -> int:
        return self.workers + self.queue

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def start(self) -> None:
        """Start the workers and have each build its pipeline (in the background; returns now)."""
        if self.coder is not None or self._executor is not None or self._dask is not None:
            return
        if self.scheduler:
            from distributed import Client

            self._dask = Client(self.scheduler)
            from sitrep.scale.distributed import warm_worker

            self._dask.run(warm_worker, False)
            return
        # spawn, not fork: the server process has threads (the event loop's, the database
        # pool's), and a forked child would inherit their locks in whatever state they were.
        executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
        )
        for _ in range(self.workers):
            executor.submit(_ready)  # starts every process now, not on the first requests
        self._executor = executor

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        if self._dask is not None:
            self._dask.close()
            self._dask = None

    def retry_after(self) -> int:
        """Seconds until a slot is likely free: about one request's time when the pool is full
        (the oldest accepted request has waited most of it already)."""
        return max(1, math.ceil(self._mean_seconds))

    async def code(self, fields: dict[str, Any], *, as_json: bool = False) -> Any:
        """The coded document of `fields` (a `Document`, or its JSON body with `as_json`).

        Raises `PoolFull` at once when `capacity` requests are already coding or waiting.
        """
        if self._in_flight >= self.capacity:
            raise PoolFull(self.retry_after())
        self._in_flight += 1
        started = time.perf_counter()
        try:
            result = await self._submit(fields, as_json)
        finally:
            self._in_flight -= 1
        self._mean_seconds += 0.2 * (time.perf_counter() - started - self._mean_seconds)
        return result

    async def _submit(self, fields: dict[str, Any], as_json: bool) -> Any:
        loop = asyncio.get_running_loop()
        if self.coder is not None:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="coding")
            coder = self.coder

            def run() -> Any:
                document = coder(read_input(fields))
                return document_json(document) if as_json else document

            return await loop.run_in_executor(self._executor, run)
        if self._executor is None and self._dask is None:
            self.start()
        if self._dask is not None:
            future = self._dask.submit(_code_in_worker, fields, as_json, pure=False)
            return await loop.run_in_executor(None, future.result)
        assert self._executor is not None
        try:
            return await asyncio.wrap_future(
                self._executor.submit(_code_in_worker, fields, as_json)
            )
        except BrokenProcessPool:
            # A worker died (killed, out of memory): start a fresh pool for the next requests
            # and tell this one to come back, rather than failing every request from now on.
            log.error("a coding worker died; restarting the coding pool")
            self.close()
            self.start()
            raise PoolFull(self.retry_after(), "a coding worker restarted") from None
