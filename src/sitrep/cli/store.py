"""The `ingest`, `export` and `serve` commands: the store and the API from the command line."""

from __future__ import annotations

import socket
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Any

import typer

from sitrep.cli import console
from sitrep.cli.options import (
    DEFAULT_MAX_BYTES,
    FormatOpt,
    MaxBytesOpt,
    OutletOpt,
    PublishedOpt,
    SinceOpt,
    UntilOpt,
    check_format,
)
from sitrep.store.defaults import DEFAULT_DB

DbOpt = Annotated[
    str,
    typer.Option(
        "--db",
        help="SQLite file path or postgresql://… URL (rewritten to the psycopg driver).",
        envvar="SITREP_DB",
    ),
]
EXPORT_FORMATS = ("csv", "jsonl", "geojson")


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: Annotated[
        str,
        typer.Option(
            "--db",
            help="SQLite file path or postgresql://… URL; a new SQLite file is created.",
            envvar="SITREP_DB",
        ),
    ] = DEFAULT_DB,
    errors: Annotated[
        Path | None, typer.Option("--errors", help="Write one JSON line per failed input here.")
    ] = None,
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
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
    """Code articles and store them; running it again on the same inputs changes nothing.

    Ctrl-C or SIGTERM stops reading and finishes the documents in hand (at most one batch),
    then prints the summary; a second one stops at once (each document is its own
    transaction: nothing is half-stored).
    """
    from sitrep.cli.main import EXIT_FAILED, cli_errors
    from sitrep.cli.progress import WorkProgress, estimate_documents
    from sitrep.cli.signals import GracefulStop

    with cli_errors(), ExitStack() as stack:
        errors_out = stack.enter_context(errors.open("w", encoding="utf-8")) if errors else None
        total = estimate_documents(paths) if console.stderr_is_terminal() else None
        progress = stack.enter_context(WorkProgress("ingesting", total))
        stop = stack.enter_context(GracefulStop())

        def show(report: Any) -> None:
            done = report.coded + report.skipped + report.unchanged + report.failed
            progress.update(
                documents=done,
                events=report.events + report.merged,
                errors=report.failed,
            )

        if workers is None and scheduler is None:
            from sitrep.ingest.readers import read_paths
            from sitrep.pipeline import Pipeline
            from sitrep.store import Store
            from sitrep.store.ingest import ingest

            store = stack.enter_context(Store(db))
            items = read_paths(paths, published=published, outlet=outlet, max_bytes=max_bytes)
            coder = Pipeline(prefilter=prefilter, lazy=True, freeze=True)
            report = ingest(
                store,
                items,
                recode=recode,
                errors_out=errors_out,
                coder=coder,
                progress=show,
                stop=stop,
            )
        else:
            from sitrep.scale.distributed import ingest_distributed

            report = ingest_distributed(
                paths,
                db_url=db,
                workers=workers if scheduler is None else None,
                scheduler=scheduler,
                prefilter=prefilter,
                recode=recode,
                published=published,
                outlet=outlet,
                errors_out=errors_out,
                progress=show,
                stop=stop,
                max_bytes=max_bytes,
            )
        show(report)
        stack.close()  # the bar goes before the lines that stay
        for error in report.errors:
            console.report(f"failed {error.source}: {error.error}")
        if stop.signal_name:
            progress.summary(f"stopped by {stop.signal_name}: {report.summary()}")
            console.note("run the same command again to go on: stored documents are skipped")
            raise typer.Exit(stop.exit_code)
        progress.summary(report.summary())
    if report.failed:
        raise typer.Exit(EXIT_FAILED)


def export_command(
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[str, FormatOpt(EXPORT_FORMATS)] = "jsonl",
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: Annotated[str | None, typer.Option("--country", help="Country name or ISO3.")] = None,
    event_type: Annotated[
        str | None, typer.Option("--event-type", help="ACLED event type.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here, not stdout (folders are created)."),
    ] = None,
) -> None:
    """Write stored events: CSV (one event a row, ACLED columns first), JSONL (one event a line
    with its supporting documents and evidence) or GeoJSON. The database must exist."""
    from sitrep.cli.console import output_stream
    from sitrep.cli.main import cli_errors
    from sitrep.export.formats import write_events
    from sitrep.store import EventFilter, Store

    fmt = check_format(fmt, EXPORT_FORMATS)
    f = EventFilter(since=since, until=until, country=country, event_type=event_type)
    with cli_errors(), Store(db, create=False) as store, output_stream(output) as out:
        write_events(store.iter_events(f), fmt, out)


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
    """Serve the REST API and the analyst's web view (http://HOST:PORT/). The database must
    exist (`sitrep ingest` creates one)."""
    from sitrep.cli.main import EXIT_CONFIG, cli_errors, fail

    with cli_errors():
        import os

        import uvicorn

        from sitrep.api.app import create_app, serve_environment
        from sitrep.store import Store

        # A bad URL, a database that does not exist yet or cannot be migrated fails here, once.
        Store(db, create=False).close()
        # Take the port before saying anything: a busy port fails here, not after "serving".
        try:
            sock = bind_socket(host, port)
        except OSError as exc:
            raise fail(
                f"cannot listen on {host}:{port}: {exc.strerror or exc}; "
                "choose another with --port",
                EXIT_CONFIG,
            ) from None
        console.note(f"sitrep: serving http://{_url_host(host)}:{port}/ (Ctrl-C stops)")
        with sock:
            if workers == 1:
                app = create_app(
                    db, coding_workers=coding_workers, coding_queue=coding_queue,
                    scheduler=scheduler, cache_seconds=cache_seconds, warm=True,
                )
                uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])
                return
            from uvicorn.supervisors import Multiprocess

            os.environ.update(serve_environment(
                db, coding_workers=coding_workers, coding_queue=coding_queue,
                scheduler=scheduler, cache_seconds=cache_seconds,
            ))
            config = uvicorn.Config(
                "sitrep.api.app:app_from_environment", factory=True, workers=workers,
                log_level="warning",
            )
            # What uvicorn.run does for several workers, on the socket already bound above.
            Multiprocess(config, sockets=[sock]).run()


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on (host, port), IPv6 when the host is an IPv6 address."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def register(app: typer.Typer) -> None:
    """Add `ingest`, `export` and `serve` to the main command line."""
    app.command("ingest")(ingest_command)
    app.command("export")(export_command)
    app.command("serve")(serve_command)
