"""Options shared by several commands, declared once so they read the same everywhere."""

from __future__ import annotations

from typing import Annotated

import typer

from sitrep.ingest.limits import DEFAULT_MAX_BYTES

MaxBytesOpt = Annotated[
    int,
    typer.Option(
        "--max-bytes", min=1, help="Refuse a page, feed, JSONL line or stdin larger than this."
    ),
]

__all__ = ["DEFAULT_MAX_BYTES", "MaxBytesOpt"]
