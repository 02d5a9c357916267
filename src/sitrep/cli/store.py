"""The `ingest`, `export` and `serve` commands: the store and the API from the command line."""

from __future__ import annotations

from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from sitrep.cli.options import DEFAULT_MAX_BYTES, MaxBytesOpt
from sitrep.store.defaults import DEFAULT_DB

DbOpt = Annotated[
    str,
    typer.Option(
        "--db",
        help="SQLite file path or postgresql://… URL (rewritten to the psycopg driver).",
        envvar="SITREP_DB",
    ),
]


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from None


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: DbOpt = DEFAULT_DB,
    errors: Annotated[
        Path | None, typer.Option("--errors", help="Write one JSON line per failed input here.")
    ] = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date for headerless text.")
    ] = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Outlet for headerless text.")
    ] = None,
    recode: Annotated[
        bool, typer.Option("--recode", help="Code and rewrite documents even when unchanged.")
    ] = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=0,
            help="Code on N local Dask worker processes (0: in this process, in batches).",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Code on a running Dask cluster (tcp://host:8786)."),
    ] = None,
    prefilter: Annotated[
        bool,
        typer.Option(
            "--prefilter/--no-prefilter",
            help="Skip documents with no conflict vocabulary before parsing (stored as skipped, "
            "with the reason).",
        ),
    ] = True,
) -> None:
    """Code articles and store them; running it again on the same inputs changes nothing."""
    from sitrep.cli.main import EXIT_FAILED, cli_errors

    with cli_errors(), ExitStack() as stack:
        errors_out = stack.enter_context(errors.open("w", encoding="utf-8")) if errors else None
        if workers is None and scheduler is None:
            from sitrep.ingest.readers import read_paths
            from sitrep.pipeline import Pipeline
            from sitrep.store import Store
            from sitrep.store.ingest import ingest

            store = stack.enter_context(Store(db))
            items = read_paths(
                paths, published=_date(published, "--published"), outlet=outlet, max_bytes=max_bytes
            )
            coder = Pipeline(prefilter=True) if prefilter else None
            report = ingest(store, items, recode=recode, errors_out=errors_out, coder=coder)
        else:
            from sitrep.scale.distributed import ingest_distributed

            report = ingest_distributed(
                paths,
                db_url=db,
                workers=workers if scheduler is None else None,
                scheduler=scheduler,
                prefilter=prefilter,
                recode=recode,
                published=_date(published, "--published"),
                outlet=outlet,
                errors_out=errors_out,
                max_bytes=max_bytes,
            )
    for error in report.errors:
        typer.echo(f"failed {error.source}: {error.error}", err=True)
    typer.echo(report.summary(), err=True)
    if report.failed:
        raise typer.Exit(EXIT_FAILED)


def export_command(
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl or geojson.")] = "jsonl",
    since: Annotated[
        str | None, typer.Option("--since", help="Events on or after (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Events on or before (YYYY-MM-DD).")
    ] = None,
    country: Annotated[str | None, typer.Option("--country", help="Country name or ISO3.")] = None,
    event_type: Annotated[
        str | None, typer.Option("--event-type", help="ACLED event type.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here, not stdout.")
    ] = None,
) -> None:
    """Write stored events: CSV (one event a row, ACLED columns first), JSONL (one event a line
    with its supporting documents and evidence) or GeoJSON."""
    from sitrep.cli.main import EXIT_USAGE, cli_errors, fail, output_stream
    from sitrep.export.formats import FORMATS, write_documents
    from sitrep.store import EventFilter, Store

    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", EXIT_USAGE)
    f = EventFilter(
        since=_date(since, "--since"),
        until=_date(until, "--until"),
        country=country,
        event_type=event_type,
    )
    with cli_errors(), Store(db) as store, output_stream(output) as out:
        events = store.iter_events(f)
        records = events if fmt == "jsonl" else (_as_document(e) for e in events)
        write_documents(records, fmt, out)


def _as_document(event: dict[str, Any]) -> dict[str, Any]:
    """A canonical event dressed as a one-event document for the shared CSV/GeoJSON writers.

    Its document columns list every supporting document ("; "-joined), and each evidence span
    carries the `doc_id` its offsets point into.
    """
    documents = event["documents"]

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


def serve_command(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", min=1, help="Server processes answering requests (each with its own "
            "coding workers)."
        ),
    ] = 1,
    coding_workers: Annotated[
        int | None,
        typer.Option(
            "--coding-workers", min=1, help="Processes coding POST /extract and /documents, per "
            "server process [default: one per core less one]."
        ),
    ] = None,
    coding_queue: Annotated[
        int | None,
        typer.Option(
            "--coding-queue", min=0, help="Coding requests that may wait for a worker; beyond "
            "them the server answers 503 with Retry-After [default: 4 per coding worker]."
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Code on a running Dask cluster (tcp://host:8786)."),
    ] = None,
    cache_seconds: Annotated[
        float,
        typer.Option(
            "--cache-seconds", min=0, help="Reuse a read page this long (writes through this "
            "server refresh it at once; 0: off)."
        ),
    ] = 2.0,
) -> None:
    """Serve the REST API and the analyst's web view (http://HOST:PORT/)."""
    from sitrep.cli.main import cli_errors

    with cli_errors():
        import os

        import uvicorn

        from sitrep.api.app import create_app, serve_environment
        from sitrep.store import Store

        Store(db).close()  # a bad URL or an unmigratable database fails here, once
        typer.echo(f"sitrep: serving http://{host}:{port}/", err=True)
        if workers == 1:
            app = create_app(
                db, coding_workers=coding_workers, coding_queue=coding_queue,
                scheduler=scheduler, cache_seconds=cache_seconds, warm=True,
            )
            uvicorn.run(app, host=host, port=port, log_level="warning")
            return
        os.environ.update(serve_environment(
            db, coding_workers=coding_workers, coding_queue=coding_queue, scheduler=scheduler,
            cache_seconds=cache_seconds,
        ))
        uvicorn.run(
            "sitrep.api.app:app_from_environment", factory=True, workers=workers, host=host,
            port=port, log_level="warning",
        )


def register(app: typer.Typer) -> None:
    """Add `ingest`, `export` and `serve` to the main command line."""
    app.command("ingest")(ingest_command)
    app.command("export")(export_command)
    app.command("serve")(serve_command)
