"""The one way knowledge data files are read: package resources, validated, cached.

Domain modules (`knowledge/actors.py`, `knowledge/gazetteer.py`, …) build typed tables on top of
these readers; nothing else opens files under `knowledge/data/`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from sitrep.errors import KnowledgeDataError

_PACKAGE = "sitrep.knowledge.data"


def data_file(name: str) -> resources.abc.Traversable:
    """The packaged data file `name` (a path relative to knowledge/data/)."""
    path = resources.files(_PACKAGE).joinpath(name)
    if not path.is_file():
        raise KnowledgeDataError(f"knowledge data file {name!r} is missing from the package")
    return path


def read_bytes(name: str) -> bytes:
    return data_file(name).read_bytes()


def read_csv(name: str, required: Iterable[str] = ()) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV file with a header; '#' lines are comments. Checks required columns."""
    text = data_file(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    fields = reader.fieldnames or []
    missing = [c for c in required if c not in fields]
    if missing:
        raise KnowledgeDataError(f"{name}: missing columns {missing} (has {fields})")
    rows = []
    for line_no, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise KnowledgeDataError(f"{name}:{line_no}: wrong number of columns")
        for col in required:
            if not row[col].strip():
                raise KnowledgeDataError(f"{name}:{line_no}: empty required column {col!r}")
        rows.append({k: v.strip() for k, v in row.items()})
    return rows


def coordinates(row: dict[str, str], name: str, line: int) -> tuple[float, float]:
    """The row's latitude and longitude; a clear error naming the file and line when they are not
    numbers."""
    try:
        return float(row["latitude"]), float(row["longitude"])
    except ValueError:
        raise KnowledgeDataError(f"{name}: row {line}: bad coordinates") from None


def read_json(name: str) -> Any:
    try:
        return json.loads(data_file(name).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise KnowledgeDataError(f"{name}:{exc.lineno}: invalid JSON: {exc.msg}") from None


@cache
def knowledge_version() -> str:
    """The knowledge bundle's version, stated in every export."""
    return str(read_json("VERSION.json").get("version", "unknown"))
