"""Options shared by several commands, declared once so they read and check the same everywhere."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

import typer

from sitrep.ingest.limits import DEFAULT_MAX_BYTES

MaxBytesOpt = Annotated[
    int,
    typer.Option(
        "--max-bytes", min=1, help="Refuse a page, feed, JSONL line or stdin larger than this."
    ),
]

# ISO 8601 calendar dates, extended (2023-12-09, also unpadded 2023-12-9) or basic (20231209).
_EXTENDED = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_BASIC = re.compile(r"(\d{4})(\d{2})(\d{2})")


def parse_day(value: str) -> date:
    """A day written as ISO 8601 (`2023-12-09`, `2023-12-9`, `20231209`); anything else is refused
    with a message the option's name is put in front of."""
    text = value.strip()
    match = _EXTENDED.fullmatch(text) or _BASIC.fullmatch(text)
    if match is None:
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD")
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date: {exc}") from None


PublishedOpt = Annotated[
    date | None,
    typer.Option(
        "--published",
        parser=parse_day,
        metavar="YYYY-MM-DD",
        help="Publication date for headerless text.",
    ),
]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Outlet for headerless text.")]
SinceOpt = Annotated[
    date | None,
    typer.Option("--since", parser=parse_day, metavar="YYYY-MM-DD", help="Events on or after."),
]
UntilOpt = Annotated[
    date | None,
    typer.Option("--until", parser=parse_day, metavar="YYYY-MM-DD", help="Events on or before."),
]


def FormatOpt(choices: tuple[str, ...]) -> object:  # noqa: N802 - reads as a type in signatures
    """`--format/-f`, any case (`CSV` is `csv`), one of `choices`."""

    def check(value: str) -> str:
        return check_format(value, choices)

    return typer.Option(
        "--format",
        "-f",
        callback=check,
        metavar="|".join(choices),
        help=f"One of {', '.join(choices)} (any case).",
    )


def check_format(value: str, choices: tuple[str, ...]) -> str:
    folded = value.strip().lower()
    if folded not in choices:
        raise typer.BadParameter(f"{value!r} is not a format; choose one of {', '.join(choices)}")
    return folded


__all__ = [
    "DEFAULT_MAX_BYTES",
    "FormatOpt",
    "MaxBytesOpt",
    "OutletOpt",
    "PublishedOpt",
    "SinceOpt",
    "UntilOpt",
    "check_format",
    "parse_day",
]
