"""`sitrep gazetteer build|info`: the village gazetteer a user builds from open data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

gazetteer_app = typer.Typer(
    help="The village gazetteer: build it from Who's On First / GeoNames files, or show it.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    """Add the `gazetteer` command group to the main app."""
    app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def build(
    sources: Annotated[
        list[Path],
        typer.Argument(
            help="Who's On First JSONL files (.jsonl, .jsonl.gz), whosonfirst-data-admin-xx "
            "checkouts (.geojson), GeoNames country dumps (XX.txt, XX.zip), or folders of them."
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here (default: $SITREP_GAZETTEER, else "
                     "gazetteer.sqlite in the user's data directory)."),  # fmt: skip
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Rebuild even when the inputs have not changed.")
    ] = False,
) -> None:
    """Build the village gazetteer (one SQLite file) that extraction then uses."""
    from sitrep.cli.main import EXIT_USAGE, State, cli_errors, fail
    from sitrep.knowledge.gazetteer import GAZETTEER_ENV, shipped_table, village_gazetteer_path
    from sitrep.knowledge.villages import build_villages

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    target = output or village_gazetteer_path()
    if target is None:
        raise fail(f"{GAZETTEER_ENV} turns the village gazetteer off: give --output", EXIT_USAGE)
    with cli_errors():
        report = build_villages(
            sources, target, shipped_table(), force=force,
            progress=None if State.quiet else lambda msg: err.print(msg, markup=False),
        )  # fmt: skip
    if report.up_to_date:
        err.print(f"{report.path} is up to date ({report.places:,} places; --force rebuilds)",
                  markup=False)  # fmt: skip
        return
    kinds = ", ".join(f"{n:,} {_CLASS_NAMES.get(c, c)}" for c, n in sorted(report.by_class.items()))
    err.print(f"wrote {report.path}: {report.places:,} places ({kinds}) in "
              f"{report.seconds:.1f} s", markup=False)  # fmt: skip
    per_source: dict[tuple[str, str], list[int]] = {}
    for s in report.sources:
        per_source.setdefault((s.name, s.licence), []).append(s.records)
    for (name, licence), counts in per_source.items():
        files = f"{len(counts)} file{'s' if len(counts) > 1 else ''}"
        err.print(f"  {name} ({licence}): {sum(counts):,} records from {files}", markup=False)
    if output is not None and output != village_gazetteer_path():
        err.print(f"extraction uses it when {GAZETTEER_ENV}={output}", markup=False)


@gazetteer_app.command("info")
def info() -> None:
    """Show the gazetteers extraction uses: files, sizes, sources and licences."""
    from sitrep.cli.main import cli_errors
    from sitrep.knowledge.gazetteer import (
        load_gazetteer,
        rebuild_reason,
        village_gazetteer_path,
    )

    out = Console(soft_wrap=True, highlight=False, markup=False)
    with cli_errors():
        gaz = load_gazetteer()
    for line in describe_tables(gaz):
        out.print(line)
    from sitrep.cli.places import credits

    out.print("place data: " + "; ".join(credits(gaz)))
    reason = gaz.villages and rebuild_reason(gaz.villages, gaz.tables[0])
    if reason:
        out.print(f"the village gazetteer {reason}: rebuild it (`sitrep gazetteer build "
                  "SOURCE...`)")
    if gaz.villages is None:
        path = village_gazetteer_path()
        where = f" at {path}" if path else " (turned off)"
        out.print(f"no village gazetteer{where}: `sitrep gazetteer build SOURCE...` makes one")


_CLASS_NAMES = {"P": "towns, villages and quarters", "S": "sites", "D": "districts"}


def describe_tables(gaz) -> list[str]:  # type: ignore[no-untyped-def]
    """One paragraph per place database: label, path, size, sources with licence and credit."""
    lines = []
    for table in gaz.tables:
        built = table.meta.get("built_at")
        lines.append(f"{table.label}: {table.path} ({len(table):,} places"
                     + (f", built {built})" if built else ")"))  # fmt: skip
        for s in table.sources:
            lines.append(f"  {s.name} — {s.licence}; credit: {s.credit}")
            lines.append(f"    {s.kind}: {s.path}, {s.records:,} records"
                         + (f", {s.sha256[:12]}" if s.sha256 else ""))  # fmt: skip
    return lines
