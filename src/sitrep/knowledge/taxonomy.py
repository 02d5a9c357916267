"""The event taxonomy as typed rows: ACLED types and sub-types with their PLOVER and CAMEO codes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sitrep.errors import KnowledgeDataError
from sitrep.knowledge.loader import read_csv

EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)
DISORDER_TYPES = (
    "Political violence",
    "Demonstrations",
    "Political violence; Demonstrations",
    "Strategic developments",
)
FAMILIES = ("violence", "posture", "statement")


@dataclass(frozen=True, slots=True)
class Category:
    """A row of taxonomy.csv: an ACLED sub-event type, or a PLOVER statement ACLED does not code."""

    event_type: str | None
    sub_event_type: str | None
    disorder_type: str | None
    plover: str
    plover_mode: str | None
    cameo: str  # CAMEO root code, two digits
    cameo_code: str
    acled_codable: bool
    family: str  # triggers of one family in one sentence describe one happening
    rule: str  # ACLED's decision rule for this row, in words

    @property
    def key(self) -> str:
        """The name triggers and the classifier use: the sub-type, or the PLOVER category."""
        return self.sub_event_type or self.plover


@cache
def categories() -> dict[str, Category]:
    """All taxonomy rows keyed by sub-event type (ACLED) or PLOVER category (statements)."""
    rows = read_csv(
        "taxonomy.csv",
        required=("plover", "cameo", "cameo_code", "acled_codable", "family", "rule"),
    )
    table: dict[str, Category] = {}
    for line, row in enumerate(rows, start=2):
        codable = row["acled_codable"] == "true"
        cat = Category(
            event_type=row["event_type"] or None,
            sub_event_type=row["sub_event_type"] or None,
            disorder_type=row["disorder_type"] or None,
            plover=row["plover"],
            plover_mode=row["plover_mode"] or None,
            cameo=row["cameo"],
            cameo_code=row["cameo_code"],
            acled_codable=codable,
            family=row["family"],
            rule=row["rule"],
        )
        problems = []
        if codable and (cat.event_type not in EVENT_TYPES or not cat.sub_event_type):
            problems.append(f"unknown event type {cat.event_type!r}")
        if codable and cat.disorder_type not in DISORDER_TYPES:
            problems.append(f"unknown disorder type {cat.disorder_type!r}")
        if not codable and (cat.event_type or cat.sub_event_type):
            problems.append("a row ACLED does not code must leave event_type empty")
        if cat.family not in FAMILIES:
            problems.append(f"unknown family {cat.family!r}")
        if not (
            len(cat.cameo) == 2 and cat.cameo.isdigit() and cat.cameo_code.startswith(cat.cameo)
        ):
            problems.append(f"CAMEO root {cat.cameo!r} / code {cat.cameo_code!r} inconsistent")
        if cat.key in table:
            problems.append(f"duplicate key {cat.key!r}")
        if problems:
            raise KnowledgeDataError(f"taxonomy.csv:{line}: {'; '.join(problems)}")
        table[cat.key] = cat
    return table


def category(key: str) -> Category:
    """The row for a sub-event type or PLOVER statement category (KnowledgeDataError if unknown)."""
    try:
        return categories()[key]
    except KeyError:
        raise KnowledgeDataError(
            f"taxonomy.csv has no sub-event type or category {key!r}"
        ) from None


def sub_event_types(event_type: str | None = None) -> tuple[str, ...]:
    """ACLED sub-event types (of one event type when given), in codebook order."""
    return tuple(
        c.sub_event_type
        for c in categories().values()
        if c.sub_event_type and (event_type is None or c.event_type == event_type)
    )


def event_type_of(sub_event_type: str) -> str | None:
    return category(sub_event_type).event_type
