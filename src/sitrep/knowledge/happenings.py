"""Which event types can describe one happening, and which a coder picks among them.

Read from `happenings.csv`: each ACLED sub-event type (or PLOVER statement category) has a `kind`
(mentions of one kind may be one happening) and a `precedence` (lower wins when the mentions of
one happening were typed differently).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sitrep.errors import KnowledgeDataError
from sitrep.knowledge.loader import read_csv
from sitrep.knowledge.taxonomy import categories


@dataclass(frozen=True, slots=True)
class Happening:
    """A row of happenings.csv."""

    key: str  # sub-event type or PLOVER category, as in taxonomy.csv
    kind: str
    precedence: int


@cache
def happenings() -> dict[str, Happening]:
    """Every taxonomy key with its kind and precedence (KnowledgeDataError when one is missing)."""
    table: dict[str, Happening] = {}
    for line, row in enumerate(read_csv("happenings.csv", required=("key", "kind", "precedence")),
                               start=2):  # fmt: skip
        if row["key"] not in categories():
            raise KnowledgeDataError(f"happenings.csv:{line}: unknown key {row['key']!r}")
        try:
            precedence = int(row["precedence"])
        except ValueError:
            raise KnowledgeDataError(
                f"happenings.csv:{line}: precedence must be an integer"
            ) from None
        table[row["key"]] = Happening(row["key"], row["kind"], precedence)
    missing = sorted(set(categories()) - set(table))
    if missing:
        raise KnowledgeDataError(f"happenings.csv: no row for {', '.join(missing)}")
    return table


def happening(key: str | None) -> Happening | None:
    """The row for a sub-event type or statement category (None for None or an unknown key)."""
    return happenings().get(key) if key else None


@cache
def battle_words() -> frozenset[str]:
    """Lemmas that name ground fighting outright ("clash", "firefight", "ambush")."""
    return frozenset(r["lemma"].lower() for r in read_csv("battle_words.csv", required=("lemma",)))


@cache
def mutual_battle_words() -> frozenset[str]:
    """Battle words that say both sides fought ("clash", "exchange"; not "ambush")."""
    return frozenset(
        r["lemma"].lower()
        for r in read_csv("battle_words.csv", required=("lemma",))
        if r.get("mutual") == "yes"
    )


@cache
def weapon_of(lemma: str, pos: str) -> str | None:
    """The Explosions/Remote violence sub-type a weapon word ("drone", "missile", "bomb") gives,
    for a word of the part of speech its row names ("a strike on the car" names one, "militants
    struck the post" does not)."""
    rows = _weapon_rows()
    return rows.get((lemma, pos)) or rows.get((lemma, ""))


@cache
def _weapon_rows() -> dict[tuple[str, str], str]:
    rows = read_csv("weapon_words.csv", required=("lemma", "sub_event_type"))
    table = {}
    for line, row in enumerate(rows, start=2):
        if row["sub_event_type"] not in categories():
            raise KnowledgeDataError(f"weapon_words.csv:{line}: unknown sub-event type")
        table[(row["lemma"].lower(), (row.get("pos") or "").upper())] = row["sub_event_type"]
    return table
