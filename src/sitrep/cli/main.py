"""The `sitrep` command line: extract, eval, and the commands other modules register."""

from __future__ import annotations

import importlib
import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.table import Table
from typer.core import TyperGroup

from sitrep.cli import console
from sitrep.cli.console import EXIT_BROKEN_PIPE, Settings, count, output_stream, plain_console
from sitrep.cli.options import (
    DEFAULT_MAX_BYTES,
    FormatOpt,
    MaxBytesOpt,
    OutletOpt,
    PublishedOpt,
    check_format,
)
from sitrep.cli.progress import WorkProgress
from sitrep.errors import ConfigError, KnowledgeDataError, SitrepError


class SitrepGroup(TyperGroup):
    """The command group: plain usage errors when stderr is not a terminal, quiet broken pipes."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # Typer draws usage errors in a box wrapped at 80 columns; in a log file or a pipe the
        # plain one-line `Error: …` reads better.
        if not console.stderr_is_terminal():
            self.rich_markup_mode = None
        return super().main(*args, **kwargs)


app = typer.Typer(
    name="sitrep",
    help="Code conflict news into ACLED-style events with evidence, sources and modality.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    cls=SitrepGroup,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CONFIG = 0, 1, 2, 3

# Modules that add their own commands with `register(app)`.
COMMAND_MODULES = (
    "sitrep.cli.places", "sitrep.cli.gazetteer", "sitrep.cli.actors", "sitrep.cli.store",
)  # fmt: skip

State = Settings  # the name other modules used for the top-level switches


class _Formatter(logging.Formatter):
    """`warning: message` for people; the logger's name only with `--debug`."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if Settings.debug:
            message = f"{record.name}: {message}"
            if record.exc_info:
                message += "\n" + self.formatException(record.exc_info)
        return f"{record.levelname.lower()}: {message}"


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress, summaries, notices or logs.")
    ] = False,
) -> None:
    Settings.debug, Settings.quiet = debug, quiet
    level = logging.DEBUG if debug else logging.ERROR if quiet else logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # Dask configures its own loggers when it is imported, at INFO: the scheduler and the nannies
    # narrate every start and stop. Its configuration is read from the environment, which the
    # worker processes inherit too.
    dask_level = "debug" if debug else "error" if quiet else "warning"
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", dask_level)
    logging.getLogger("distributed").setLevel(level if not debug else logging.DEBUG)


def fail(message: str, code: int = EXIT_FAILED) -> typer.Exit:
    console.error(message)
    return typer.Exit(code)


@contextmanager
def cli_errors() -> Iterator[None]:
    """Library errors become one-line messages with the documented exit codes.

    `--debug` shows the traceback instead. A reader that went away (`sitrep export | head -1`)
    ends the command quietly, as it ends `cat`.
    """
    try:
        yield
    except typer.Exit:
        raise
    except BrokenPipeError:
        console.silence_stdout()
        raise typer.Exit(EXIT_BROKEN_PIPE) from None
    except (ConfigError, KnowledgeDataError) as exc:
        if Settings.debug:
            raise
        raise fail(str(exc), EXIT_CONFIG) from None
    except (SitrepError, OSError, ValueError) as exc:
        if Settings.debug:
            raise
        raise fail(str(exc), EXIT_FAILED) from None


@contextmanager
def progress_bar(total: int | None, label: str) -> Iterator[Any]:
    """`advance(n=1)` for work counted in items: a bar on a terminal, nothing otherwise."""
    with WorkProgress(label, total) as progress:
        yield lambda n=1: progress.advance(documents=n)


PathsArg = Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")]
EXTRACT_FORMATS = ("jsonl", "csv", "geojson", "table")


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[str, FormatOpt(EXTRACT_FORMATS)] = "jsonl",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here, not stdout (folders are created)."),
    ] = None,
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
    db: Annotated[
        str | None, typer.Option("--db", help="Also store in this database (created if new).")
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop at the first failing document.")
    ] = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    prefilter: Annotated[
        bool,
        typer.Option(
            "--prefilter/--no-prefilter",
            help="Skip documents with no conflict vocabulary before parsing (their records say "
            "`skipped` and why).",
        ),
    ] = True,
    parse_processes: Annotated[
        int | None,
        typer.Option(
            "--parse-processes",
            min=1,
            help="Parse in N processes, forked, while this one extracts (N > 1; from 256 "
            "documents to parse): faster by the clock where cores are free, a fifth more CPU. "
            "Default: 2 when the machine has a core to spare (by its load average), else 1.",
        ),
    ] = None,
) -> None:
    """Code articles and print one record per document (JSONL) or per event (CSV, GeoJSON)."""
    from sitrep.export.formats import write_documents
    from sitrep.ingest.failures import ReadFailure
    from sitrep.ingest.readers import read_paths
    from sitrep.pipeline import Pipeline, free_core_parse_processes

    fmt = check_format(fmt, EXTRACT_FORMATS)
    failures: list[ReadFailure] = []
    failed_documents = tallies = 0
    skipped: dict[str, int] = {}
    with cli_errors():
        pipeline = Pipeline(
            strict=strict, prefilter=prefilter, lazy=True, freeze=True,
            parse_processes=parse_processes or free_core_parse_processes(),
        )
        inputs = list(read_paths(paths, published=published, outlet=outlet, max_bytes=max_bytes))
        raws = [r for r in inputs if not isinstance(r, ReadFailure)]
        failures = [r for r in inputs if isinstance(r, ReadFailure)]
        for f in failures:
            console.report(f"failed {f.source}: {f.reason}")
        store = None
        if db:
            from sitrep.store import open_store

            store = open_store(db)
        with WorkProgress("coding", len(raws)) as progress, output_stream(output) as out:
            progress.update(errors=len(failures))

            def coded() -> Iterator[dict]:
                nonlocal failed_documents, tallies
                for doc in pipeline.run_many(raws):
                    if doc.skipped:
                        skipped[doc.skipped] = skipped.get(doc.skipped, 0) + 1
                    failed = any(w.startswith("extraction failed") for w in doc.warnings)
                    if failed:
                        failed_documents += 1
                        console.report(f"failed {doc.source}: {doc.warnings[-1]}")
                    if store is not None:
                        store.save(doc)
                    tallies += len(doc.tallies)
                    progress.advance(events=len(doc.events), errors=int(failed))
                    yield doc.to_dict()

            if fmt == "table":
                print_events(list(coded()), out)
            else:
                write_documents(coded(), fmt, out)
        if skipped:
            reasons = "; ".join(f"{n} {why}" for why, n in skipped.items())
            console.note(
                f"skipped {sum(skipped.values())} of {count(len(raws), 'document')} ({reasons});"
                " --no-prefilter codes every document"
            )
        progress.summary(
            f"coded {progress.documents - failed_documents} of {count(len(raws), 'document')}: "
            f"{count(progress.events, 'event')}, {count(tallies, 'tally', 'tallies')}"
            f"; {count(len(failures) + failed_documents, 'input')} failed"
        )
    if failures or failed_documents:
        raise typer.Exit(EXIT_FAILED)


@app.command("eval")
def evaluate_command(
    gold: Annotated[
        list[Path],
        typer.Argument(
            help="Gold notes (JSONL of id, text, published, gold{...}), several files allowed, or "
            "one article folder (<stem>.txt files plus gold.json)."
        ),
    ],
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the scores as JSON.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only N records (with --folds: N sampled).")
    ] = None,
    folds: Annotated[
        int | None,
        typer.Option(
            "--folds",
            min=2,
            help="K-fold cross-validation over the notes: every model retrained without the "
            "held-out fold (5 is the usual K).",
        ),
    ] = None,
    region: Annotated[
        str | None,
        typer.Option("--region", help="With --folds: score only notes of this ACLED region."),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", help="With --folds: score only notes of this country."),
    ] = None,
    cache: Annotated[
        bool,
        typer.Option(
            "--cache/--no-cache",
            help="With --folds: reuse parses and fold models cached under ~/.cache/sitrep.",
        ),
    ] = True,
) -> None:
    """Score sitrep against gold-coded notes or articles and print the scores."""
    from sitrep.evaluate.articles import evaluate_articles, is_article_folder
    from sitrep.evaluate.run import evaluate

    with cli_errors():
        articles = len(gold) == 1 and is_article_folder(gold[0])
        for path in gold:
            if not articles and not path.is_file():
                raise fail(
                    f"no gold file or article folder (with gold.json) at {path}", EXIT_USAGE
                )
        if (region or country) and not folds:
            raise fail("--region and --country go with --folds", EXIT_USAGE)
        if folds and articles:
            raise fail("--folds cross-validates notes (JSONL), not an article folder", EXIT_USAGE)
        if folds:
            from sitrep.evaluate.crossval import cross_validate, read_notes, select

            total = len(select(read_notes(gold), region=region, country=country, limit=limit))
            if not total:
                raise fail("no notes match --region/--country", EXIT_USAGE)
            with progress_bar(total, f"{folds}-fold cross-validation") as advance:
                summary = cross_validate(
                    gold,
                    folds=folds,
                    region=region,
                    country=country,
                    limit=limit,
                    use_cache=cache,
                    progress=advance,
                ).summary()
        else:
            with progress_bar(limit, "evaluating") as advance:
                if articles:
                    summary = evaluate_articles(gold[0], limit=limit, progress=advance).summary()
                else:
                    summary = evaluate(gold, limit=limit, progress=advance).summary()
    if articles:
        print_article_scores(summary)
    else:
        print_scores(summary)
        if folds:
            print_group_scores(summary, "regions", min_notes=1)
            print_group_scores(summary, "countries", min_notes=50)
    if report:
        report.write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")


def print_events(documents: list[dict], out: IO[str]) -> None:
    """Events and tallies as tables for people reading a terminal."""
    table_console = plain_console(out, width=160)
    for doc in documents:
        title = f"{doc.get('title') or doc.get('source')} ({doc.get('published') or 'undated'})"
        events = Table(title=f"Events: {title}", show_lines=False)
        for col in (
            "date",
            "prec",
            "type / sub-type",
            "actor 1",
            "actor 2",
            "location",
            "admin1",
            "fat.",
            "modality",
            "PLOVER",
        ):
            events.add_column(col)
        for e in doc["events"]:
            kind = (
                f"{e['event_type']} / {e['sub_event_type']}"
                if e["acled_codable"]
                else "(not ACLED)"
            )
            events.add_row(
                e["event_date"] or "-",
                str(e["time_precision"] or "-"),
                kind,
                e["actor1"] or "-",
                e["actor2"] or "-",
                e["location"] or "-",
                e["admin1"] or "-",
                "-" if e["fatalities"] is None else str(e["fatalities"]),
                e["modality"],
                e["plover"] or "-",
            )
        table_console.print(events)
        if doc["tallies"]:
            tallies = Table(title=f"Tallies: {title}")
            for col in ("count", "counted", "period", "actor 1", "modality"):
                tallies.add_column(col)
            for t in doc["tallies"]:
                count = (
                    f"{t['count_qualifier']} {t['count']}"
                    if t["count_qualifier"] != "exact"
                    else str(t["count"])
                )
                tallies.add_row(
                    count,
                    t["counted"],
                    f"{t['period_start'] or '?'} .. {t['period_end'] or '?'}",
                    t["actor1"] or "-",
                    t["modality"],
                )
            table_console.print(tallies)


def print_scores(summary: dict) -> None:
    table = Table(title=f"sitrep eval: {summary['records']} records")
    for col in ("field", "score", "detail"):
        table.add_column(col)
    fields = summary["fields"]

    def pct(x: float | None) -> str:
        return "-" if x is None else f"{100 * x:.1f}%"

    det = fields["event detected"]
    table.add_row(
        "event detected", pct(det["recall"]), f"recall; precision {pct(det['precision'])}"
    )
    for name, row in fields.items():
        if name in ("event detected", "distance"):
            continue
        table.add_row(name, pct(row["of_gold"]), f"of gold; {pct(row['of_matched'])} of matched")
    dist = fields["distance"]
    table.add_row(
        "distance",
        f"{dist['median_km']} km" if dist["median_km"] is not None else "-",
        f"median; within 10 km {pct(dist['within_10km'])}, within 50 km {pct(dist['within_50km'])}",
    )
    table.add_row("extra events", str(summary["extra_events_per_record"]), "per record")
    table.add_row("modality ≠ occurred", pct(summary["matched_not_occurred"]), "of matched")
    vnv = summary["violent_on_non_violent"]
    table.add_row(
        "violent on non-violent",
        pct(vnv["rate"]),
        f"of {vnv['n']} protest/strategic-development notes, any event of a violent type",
    )
    plain_console(sys.stdout, width=120).print(table)


GROUP_FIELDS = (
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "inter1",
    "country",
    "admin1",
    "event_date",
    "fatalities",
)


def print_group_scores(summary: dict, group: str, min_notes: int) -> None:
    """One line per region (or country with at least `min_notes` notes): the main fields."""
    rows = {k: v for k, v in summary[group].items() if v["records"] >= min_notes}
    if not rows:
        return
    title = group if min_notes <= 1 else f"{group} with {min_notes}+ notes"
    table = Table(title=f"% of gold, by {title}")
    for col in ("", "notes", *GROUP_FIELDS, "viol/nonv"):
        table.add_column(col.replace("_event_type", "").replace("event_", ""), justify="right")
    for name, s in sorted(rows.items(), key=lambda kv: -kv[1]["records"]):
        cells = [s["fields"][f]["of_gold"] for f in GROUP_FIELDS]
        cells.append(s["violent_on_non_violent"]["rate"])
        table.add_row(
            name, str(s["records"]), *("-" if x is None else f"{100 * x:.1f}" for x in cells)
        )
    plain_console(sys.stdout, width=160).print(table)


def print_article_scores(summary: dict) -> None:
    """One line per item (found/required, false positives, misses), then the totals."""
    out = sys.stdout
    for item in summary["per_item"]:
        line = (
            f"{item['item']}: found {item['found']}/{item['required']}, "
            f"false positives {item['false_positives']}, "
            f"tallies {item['tallies_found']}/{item['tallies']}, "
            f"threat {'ok' if item['threat_gold'] == item['threat_predicted'] else 'wrong'}"
        )
        if item["missed"]:
            line += f"; missed {', '.join(item['missed'])}"
        out.write(line + "\n")
    counts = summary["counts"]
    table = Table(title=f"sitrep eval: {summary['items']} articles")
    for col in ("field", "score", "detail"):
        table.add_column(col)
    details = {
        "recall": f"{counts['found']} of {counts['required']} required events found",
        "precision": f"{counts['false_positives']} false positives",
        "sub_event_type": "of found events",
        "fatalities": "of found events with a gold toll",
        "modality": "of found events",
        "tallies": f"{counts['tallies_found']} of {counts['tallies']} gold tallies; "
        f"{counts['tallies_unmatched']} of {counts['tallies_predicted']} emitted match none",
        "threat": "of items",
    }
    for name, value in summary["fields"].items():
        table.add_row(name, "-" if value is None else f"{100 * value:.1f}%", details.get(name, ""))
    plain_console(sys.stdout, width=120).print(table)


for _module in COMMAND_MODULES:
    try:
        importlib.import_module(_module).register(app)
    except ModuleNotFoundError as _exc:
        if _exc.name != _module:
            raise
