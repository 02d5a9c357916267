"""ACLED's spelling of an admin2 name: GeoNames' name without its designation words."""

from __future__ import annotations

import re
from functools import cache

from sitrep.errors import KnowledgeDataError
from sitrep.knowledge.loader import read_csv

ADMIN2_DESIGNATIONS_FILE = "admin2_designations.csv"


@cache
def _designations() -> re.Pattern[str]:
    prefixes: list[str] = []
    suffixes: list[str] = []
    for n, row in enumerate(read_csv(ADMIN2_DESIGNATIONS_FILE, ["position", "words"]), 2):
        words = row["words"].strip()
        if row["position"] not in ("prefix", "suffix") or not words:
            raise KnowledgeDataError(f"{ADMIN2_DESIGNATIONS_FILE}: row {n}: position must be "
                                     f"prefix or suffix, with words")  # fmt: skip
        (prefixes if row["position"] == "prefix" else suffixes).append(words)

    def alternation(ws: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))

    # A prefix ending in an apostrophe ("de l'") runs straight into the name.
    return re.compile(rf"^(?:(?:{alternation(prefixes)})(?:\s+|(?<=')))?(?P<name>.+?)"
                      rf"(?:\s+(?:{alternation(suffixes)}))?$")


def acled_admin2(name: str | None) -> str | None:
    """`name` as ACLED writes an admin2 area ("Provincia di Varese" → "Varese")."""
    if not name:
        return name
    m = _designations().match(name)
    return m.group("name") if m and m.group("name") else name
