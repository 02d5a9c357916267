"""The REST API and the analyst's web view: `create_app(db)` returns a FastAPI application.

Nothing here fetches what a request names: a document's `url` is stored as metadata only.
Coding (`POST /extract`, `POST /documents`) runs in a bounded pool of worker processes
(`api/coding.py`), never on the server's event loop, so reads keep being answered while articles
are coded; when the pool is full the server answers 503 with `Retry-After` at once. Read pages
are kept for a couple of seconds (`api/cache.py`), so many clients polling one page cost one query.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.background import BackgroundTask
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import sitrep
from sitrep.api.cache import DEFAULT_TTL, ReadCache
from sitrep.api.coding import CodingPool, PoolFull
from sitrep.api.schemas import (
    CodedDocumentOut,
    DocumentIn,
    DocumentsIn,
    EventOut,
    EventPage,
    Health,
    IngestOut,
    IngestResult,
    StoredDocumentOut,
    TallyPage,
)
from sitrep.errors import InputError, SitrepError
from sitrep.records import Document, RawDocument
from sitrep.store import EventFilter, Store, TallyFilter

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 2_000_000
MAX_DOCUMENTS = 50
MAX_PAGE = 1000
MODALITY_VALUES = sitrep.records.MODALITIES

# The page loads only its own files; no inline script can run even if markup slipped through.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}

HEADERS = tuple(SECURITY_HEADERS.items())
Coder = Callable[[RawDocument], Document]
HEALTH_COUNTS_TTL = 1.0  # seconds /health may report row counts from

# Downloads of filtered events: the writers of `sitrep export`, with these media types.
EXPORT_MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
}


def require_json(request: Request) -> None:
    """Refuse a body that is not JSON with 415 (a 422 would blame the body's fields)."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type and media_type != "application/json" and not media_type.endswith("+json"):
        raise HTTPException(415, f"send JSON (Content-Type: application/json), not {media_type}")


class StaticGZip:
    """Gzip for the page's own files only (its map layers are a few MB of JSON that compress to a
    third); API answers are left as they are, so reads cost no compression. Level 3, not the
    default 9: for the 2.4 MB admin-1 layer, 0.15 s instead of 2.3 s, for a sixth more bytes."""

    def __init__(self, app: ASGIApp):
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=1000, compresslevel=3)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/static/"):
            await self.gzip(scope, receive, send)
        else:
            await self.app(scope, receive, send)


class SecurityHeaders:
    """Adds `SECURITY_HEADERS` to every response (plain ASGI: no per-request task or stream)."""

    def __init__(self, app: ASGIApp):
        self.app = app
        self.headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in HEADERS]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


class HealthCounts:
    """The store's row counts for /health, at most `ttl` seconds old and never waited on: under
    load /health must answer within a second even when every database connection is busy."""

    def __init__(self, store: Store, ttl: float = HEALTH_COUNTS_TTL):
        self.store, self.ttl = store, ttl
        self._counts: dict[str, int] | None = None
        self._at = 0.0
        self._refreshing: threading.Thread | None = None

    def _refresh(self) -> None:
        try:
            self._counts, self._at = self.store.counts(), time.monotonic()
        except Exception:  # noqa: BLE001 - reported as a stale answer, not a crash
            log.exception("counting rows for /health failed")

    async def get(self) -> dict[str, int]:
        if self._counts is None:
            await run_in_threadpool(self._refresh)
        elif time.monotonic() - self._at > self.ttl and (
            self._refreshing is None or not self._refreshing.is_alive()
        ):
            # Its own thread, not the request threadpool, which reads may have filled.
            self._refreshing = threading.Thread(target=self._refresh, daemon=True)
            self._refreshing.start()
        return dict(self._counts or {})


class BodyLimit:
    """Refuses request bodies over `max_bytes` with 413, whether or not Content-Length is sent."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send)
            return
        # Read the whole body first (at most max_bytes are ever held), then replay it to the app:
        # an error raised while FastAPI reads the body would be reported as a generic 400.
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_bytes:
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        response = JSONResponse(
            {"detail": f"request body larger than {self.max_bytes} bytes"}, status_code=413
        )
        await send({"type": "http.response.start", "status": 413, "headers": response.raw_headers})
        await send({"type": "http.response.body", "body": response.body})


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise HTTPException(400, "bbox must be four numbers: west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(400, "bbox out of range: -180≤west,east≤180, -90≤south≤north≤90")
    return west, south, east, north


def event_filter(
    since: Annotated[date | None, Query(description="Events on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Events on or before this day.")] = None,
    country: Annotated[str | None, Query(max_length=128, description="Name or ISO3.")] = None,
    admin1: Annotated[str | None, Query(max_length=128)] = None,
    event_type: Annotated[str | None, Query(max_length=64)] = None,
    actor: Annotated[
        str | None, Query(max_length=256, description="Part of an actor's name or words.")
    ] = None,
    bbox: Annotated[
        str | None, Query(description="west,south,east,north in degrees (WGS84).")
    ] = None,
    modality: Annotated[str | None, Query(description=", ".join(MODALITY_VALUES))] = None,
) -> EventFilter:
    """The filters of `GET /events` and `GET /events/export`, checked."""
    if since and until and since > until:
        raise HTTPException(400, "since is after until")
    if modality is not None and modality not in MODALITY_VALUES:
        raise HTTPException(400, f"unknown modality {modality!r}")
    return EventFilter(
        since=since,
        until=until,
        country=country,
        admin1=admin1,
        event_type=event_type,
        actor=actor,
        bbox=_bbox(bbox),
        modality=modality,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]


def create_app(
    db: str,
    *,
    coder: Coder | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    max_documents: int = MAX_DOCUMENTS,
    coding_workers: int | None = None,
    coding_queue: int | None = None,
    scheduler: str | None = None,
    cache_seconds: float = DEFAULT_TTL,
    warm: bool = False,
    create: bool = True,
) -> FastAPI:
    """The API over the store at `db` (opened and migrated now, so a bad URL fails at start).

    Coding runs in `coding_workers` processes (default: one per core less one) with at most
    `coding_queue` more requests waiting (default 4 per worker), or on the Dask cluster at
    `scheduler`; `coder` replaces the pipeline (run in threads, for tests and embedding).
    `warm=True` starts the coding workers with the server instead of on the first request.
    `cache_seconds` is how long a read page is reused (0: never). `create=False` refuses a
    database that does not exist yet (`sitrep serve` does).
    """
    store = Store(db, create=create)
    pool = CodingPool(coding_workers, coding_queue, coder=coder, scheduler=scheduler)
    health_counts = HealthCounts(store)

    async def code(document: DocumentIn, *, as_json: bool = False) -> Any:
        try:
            return await pool.code(document.model_dump(mode="json"), as_json=as_json)
        except PoolFull as full:
            raise HTTPException(
                503,
                f"{full.reason} ({pool.capacity} requests coding or waiting); retry later",
                headers={"Retry-After": str(full.retry_after)},
            ) from None

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm:
            pool.start()
        try:
            yield
        finally:
            pool.close()
            store.close()

    app = FastAPI(
        title="sitrep",
        version=sitrep.__version__,
        description=(
            "Conflict events coded from news text, ACLED-style, with evidence spans, sources and "
            "modality. Events reported by several documents are merged into one, and keep every "
            "document's evidence."
        ),
        lifespan=lifespan,
        # The documentation pages are served from the package (see `swagger_ui` below): the
        # default ones load Swagger UI and ReDoc from a CDN, which the content-security policy
        # blocks and offline machines cannot reach.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.coding_pool = pool

    @app.exception_handler(InputError)
    async def input_error(_request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.get("/health", response_model=Health, tags=["service"])
    async def health() -> dict[str, Any]:
        """Whether the service and its database answer, with row counts (at most a second old)
        and the coding pool's state."""
        return {
            "status": "ok",
            "version": sitrep.__version__,
            "database": store.dialect,
            "counts": await health_counts.get(),
            "coding": {
                "workers": pool.workers,
                "capacity": pool.capacity,
                "in_flight": pool.in_flight,
            },
        }

    @app.post(
        "/extract",
        response_model=CodedDocumentOut,
        tags=["coding"],
        responses={503: {"description": "The coding pool is full; see `Retry-After`."}},
        dependencies=[Depends(require_json)],
    )
    async def extract(document: DocumentIn) -> Response:
        """Code one article (text or HTML) and return its document record; nothing is stored.

        Answers 503 with `Retry-After` when the coding pool is full."""
        body = await code(document, as_json=True)
        return Response(body, media_type="application/json")

    @app.post(
        "/documents",
        response_model=IngestOut,
        tags=["coding"],
        responses={503: {"description": "The coding pool is full; see `Retry-After`."}},
        dependencies=[Depends(require_json)],
    )
    async def add_documents(body: DocumentsIn) -> dict[str, Any]:
        """Code and store articles, each in its own transaction; one failure stops nothing."""
        if len(body.documents) > max_documents:
            raise HTTPException(
                413, f"{len(body.documents)} documents in one request; the limit is {max_documents}"
            )
        results = []
        for document in body.documents:
            try:
                coded = await code(document)
                outcome = await run_in_threadpool(store.add, coded)
            except (SitrepError, ValueError) as exc:
                log.warning("document %s not stored: %s", document.id, exc)
                results.append(IngestResult(status="failed", error=str(exc)))
                continue
            results.append(
                IngestResult(
                    doc_id=outcome.doc_id,
                    status=outcome.status,
                    events=outcome.events,
                    merged=outcome.merged,
                    tallies=outcome.tallies,
                )
            )
        return {"results": results}

    @app.get("/events", response_model=EventPage, tags=["events"])
    def events(
        f: Filter,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Canonical events, newest first, each with its supporting documents and evidence."""
        total, page = store.events(f, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "events": page}

    @app.get(
        "/events/export",
        tags=["events"],
        response_class=StreamingResponse,
        responses={200: {"content": {t: {} for t in EXPORT_MEDIA_TYPES.values()}}},
    )
    def export_events(
        f: Filter,
        fmt: Annotated[
            str,
            Query(
                alias="format",
                pattern="^(csv|geojson|jsonl)$",
                description="csv, geojson or jsonl.",
            ),
        ] = "csv",
    ) -> StreamingResponse:
        """Every event matching the filters as a file, written as `sitrep export` writes it."""
        from sitrep.export.formats import write_events

        # Written whole before the first byte goes out, so a failure is an error status rather
        # than a truncated file; kept in memory up to 8 MB, on disk beyond.
        spool = tempfile.SpooledTemporaryFile(
            max_size=8 << 20, mode="w+", encoding="utf-8", newline=""
        )
        try:
            write_events(store.iter_events(f), fmt, spool)
            spool.seek(0)
        except BaseException:
            spool.close()
            raise
        name = "sitrep-events" + "".join(
            f"-{part}" for part in (f.country, f.since, f.until) if part
        )
        return StreamingResponse(
            iter(lambda: spool.read(1 << 16), ""),
            media_type=EXPORT_MEDIA_TYPES[fmt],
            headers={"content-disposition": f'attachment; filename="{_safe_name(name)}.{fmt}"'},
            background=BackgroundTask(spool.close),
        )

    @app.get("/events/{event_id}", response_model=EventOut, tags=["events"])
    def event(event_id: str) -> dict[str, Any]:
        """One event with every supporting document's evidence spans and sources."""
        found = store.event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return found

    @app.get("/documents/{doc_id}", response_model=StoredDocumentOut, tags=["documents"])
    def document(doc_id: str) -> dict[str, Any]:
        """A stored document with the text its evidence offsets point into."""
        found = store.document(doc_id)
        if found is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return found

    @app.get("/tallies", response_model=TallyPage, tags=["events"])
    def tallies(
        since: date | None = None,
        until: date | None = None,
        country: Annotated[str | None, Query(max_length=128)] = None,
        admin1: Annotated[str | None, Query(max_length=128)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Aggregate statements ("85 attacks since October 18"), never expanded into events."""
        f = TallyFilter(since=since, until=until, country=country, admin1=admin1)
        total, page = store.tallies(f, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "tallies": page}

    static = resources.files("sitrep.web") / "static"

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(static / "index.html"), media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> FileResponse:
        """Swagger UI, from the package's own copy (no CDN), started by a script file."""
        return FileResponse(str(static / "docs" / "swagger.html"), media_type="text/html")

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> FileResponse:
        # ReDoc's search index runs in a worker the bundle creates from a blob: URL.
        policy = SECURITY_HEADERS["content-security-policy"] + "; worker-src 'self' blob:"
        return FileResponse(
            str(static / "docs" / "redoc.html"),
            media_type="text/html",
            headers={"content-security-policy": policy},
        )

    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    # Outermost last: the body limit sees a request first, the cache answers repeated reads
    # before any routing, and every answer, cached or not, gets the security headers.
    app.add_middleware(ReadCache, ttl=cache_seconds)
    app.add_middleware(StaticGZip)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    return app


# `sitrep serve --workers N` starts N server processes, each importing the application by name
# (uvicorn's multi-process mode); the options reach them through these variables.
ENV_PREFIX = "SITREP_SERVE_"


def serve_environment(
    db: str,
    *,
    coding_workers: int | None,
    coding_queue: int | None,
    scheduler: str | None,
    cache_seconds: float,
) -> dict[str, str]:
    """The variables `app_from_environment` reads, for server worker processes."""
    values = {
        "DB": db,
        "CODING_WORKERS": coding_workers,
        "CODING_QUEUE": coding_queue,
        "SCHEDULER": scheduler,
        "CACHE_SECONDS": cache_seconds,
    }
    return {ENV_PREFIX + k: str(v) for k, v in values.items() if v is not None}


def app_from_environment() -> FastAPI:
    """The application of one server worker process, configured by `serve_environment`."""

    def number(name: str) -> int | None:
        value = os.environ.get(ENV_PREFIX + name)
        return int(value) if value else None

    return create_app(
        os.environ[ENV_PREFIX + "DB"],
        coding_workers=number("CODING_WORKERS"),
        coding_queue=number("CODING_QUEUE"),
        scheduler=os.environ.get(ENV_PREFIX + "SCHEDULER") or None,
        cache_seconds=float(os.environ.get(ENV_PREFIX + "CACHE_SECONDS", DEFAULT_TTL)),
        warm=True,
    )


def _safe_name(name: str) -> str:
    """A file name for Content-Disposition: letters, digits, dots and dashes only."""
    return "".join(c if c.isascii() and (c.isalnum() or c in ".-_") else "_" for c in name)
