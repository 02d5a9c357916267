"""Words that tell a named armed group the actor dictionary lacks (`group_words.csv`).

ACLED codes a group by its own name when the text names it ("the Free Valley Brigade"), with the
inter code its kind has: 2 rebel groups, 3 political militias (the default), 4 identity militias.
`armed_name` says whether a name's last word is one armed groups name themselves with,
`group_inter` gives the code the name's words say, `member_nouns` the nouns for a group's men
("gunmen of X"), `fighter_nouns` those for its armed men ("X militants").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sitrep.errors import KnowledgeDataError
from sitrep.knowledge.loader import read_csv

FILE = "group_words.csv"
DEFAULT_INTER = 3  # a political militia: ACLED's code for armed groups that are not rebels
_USES = ("head", "name", "fighter", "member")
_PRECEDENCE = (4, 2, 3)  # an identity word over a rebel word over the default


@dataclass(frozen=True, slots=True)
class GroupWords:
    heads: dict[str, int]
    names: dict[str, int]
    members: frozenset[str]
    fighters: frozenset[str]


@cache
def group_words() -> GroupWords:
    heads: dict[str, int] = {}
    names: dict[str, int] = {}
    members: set[str] = set()
    fighters: set[str] = set()
    for line, row in enumerate(read_csv(FILE, required=("word", "use")), start=2):
        word, use = row["word"].lower(), row["use"]
        if use not in _USES:
            raise KnowledgeDataError(f"{FILE}:{line}: use must be one of {_USES}, not {use!r}")
        if use in ("member", "fighter"):
            members.add(word)
            if use == "fighter":
                fighters.add(word)
            continue
        try:
            inter = int(row.get("inter") or DEFAULT_INTER)
        except ValueError:
            raise KnowledgeDataError(f"{FILE}:{line}: inter must be 2, 3 or 4") from None
        if inter not in _PRECEDENCE:
            raise KnowledgeDataError(f"{FILE}:{line}: inter must be 2, 3 or 4, not {inter}")
        (heads if use == "head" else names)[word] = inter
    return GroupWords(heads, names, frozenset(members), frozenset(fighters))


def _words(name: str) -> list[str]:
    return [w.strip(".,'’\"()").lower() for w in name.replace("-", " ").split()]


def armed_name(name: str) -> bool:
    """Whether a name ends in a word armed groups name themselves with ("… Brigade", "… Front")."""
    words = _words(name)
    return len(words) >= 2 and words[-1] in group_words().heads


def group_inter(name: str) -> int:
    """ACLED's inter code for a group of this name: its words' (identity over rebel), else 3."""
    table = group_words()
    words = _words(name)
    found = {table.names[w] for w in words if w in table.names}
    if words and words[-1] in table.heads:
        found.add(table.heads[words[-1]])
    return next((inter for inter in _PRECEDENCE if inter in found), DEFAULT_INTER)


def member_nouns() -> frozenset[str]:
    """Nouns for a group's men, whose "of"/"from" names the group ("gunmen of X", "members of
    X")."""
    return group_words().members


def fighter_nouns() -> frozenset[str]:
    """Nouns for a group's armed men: an organisation named before one is armed ("X militants")."""
    return group_words().fighters
