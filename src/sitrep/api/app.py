"""The REST API and the analyst's web view: `create_app(db)` returns a FastAPI application.

Nothing here fetches what a request names: a document's `url` is stored as metadata only. The
spaCy pipeline is built once per process, on the first request that needs it, and used under a
lock because a spaCy `Language` is not documented as safe to share between threads.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.background import BackgroundTask
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import sitrep
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

Coder = Callable[[RawDocument], Document]

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


def _default_coder() -> Coder:
    from sitrep.pipeline import default_pipeline

    return default_pipeline()


def _raw(document: DocumentIn) -> RawDocument:
    from sitrep.ingest.html import read_html
    from sitrep.ingest.readers import read_string

    reader = read_html if document.html is not None else read_string
    body = document.html if document.html is not None else document.text
    return reader(
        body or "",
        published=document.published,
        outlet=document.outlet,
        title=document.title,
        url=document.url,
        source="api",
        input_id=document.id,
    )


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
    create: bool = True,
) -> FastAPI:
    """The API over the store at `db` (opened and migrated now, so a bad URL fails at start).

    `create=False` refuses a database that does not exist yet (`sitrep serve` does).
    """
    store = Store(db, create=create)
    coding_lock = threading.Lock()
    coders: list[Coder] = [coder] if coder is not None else []

    def code(raw: RawDocument) -> Document:
        with coding_lock:
            if not coders:
                coders.append(_default_coder())
            return coders[0](raw)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
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
        # The documentation pages are served from the package (see `docs` below): the default
        # ones load Swagger UI and ReDoc from a CDN, which the content-security policy blocks
        # and offline machines cannot reach.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(InputError)
    async def input_error(_request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.get("/health", response_model=Health, tags=["service"])
    def health() -> dict[str, Any]:
        """Whether the service and its database answer, with row counts."""
        return {
            "status": "ok",
            "version": sitrep.__version__,
            "database": store.dialect,
            "counts": store.counts(),
        }

    @app.post(
        "/extract",
        response_model=CodedDocumentOut,
        tags=["coding"],
        dependencies=[Depends(require_json)],
    )
    def extract(document: DocumentIn) -> dict[str, Any]:
        """Code one article (text or HTML) and return its document record; nothing is stored."""
        return code(_raw(document)).to_dict()

    @app.post(
        "/documents",
        response_model=IngestOut,
        tags=["coding"],
        dependencies=[Depends(require_json)],
    )
    def add_documents(body: DocumentsIn) -> dict[str, Any]:
        """Code and store articles, each in its own transaction; one failure stops nothing."""
        if len(body.documents) > max_documents:
            raise HTTPException(
                413, f"{len(body.documents)} documents in one request; the limit is {max_documents}"
            )
        results = []
        for document in body.documents:
            try:
                coded = code(_raw(document))
                outcome = store.add(coded)
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
    # The map's base layers are a few MB of JSON that compress to a quarter.
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    return app


def _safe_name(name: str) -> str:
    """A file name for Content-Disposition: letters, digits, dots and dashes only."""
    return "".join(c if c.isascii() and (c.isalnum() or c in ".-_") else "_" for c in name)
