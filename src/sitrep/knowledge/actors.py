"""The actor dictionary: ACLED-style canonical actors, their inter codes, countries and aliases.

Three data files are combined: `actor_countries.csv` (state forces, demonyms and regime suffixes per
country), `actors.csv` (named actors and per-country templates such as "Civilians ({country})") and
`actor_aliases.csv` (surface words, partisan ones flagged `loaded`). Names that depend on the
publication year (ACLED's regime suffixes, "Military Forces of the United States (2021-)") are
resolved per year, so `actor_dictionary(year)` is cached per year.
"""

from __future__ import annotations

import logging
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import overload

from sitrep.errors import KnowledgeDataError
from sitrep.knowledge.loader import read_csv
from sitrep.knowledge.tablecache import cached_table

log = logging.getLogger(__name__)

COUNTRIES_FILE = "actor_countries.csv"
ACTORS_FILE = "actors.csv"
ALIASES_FILE = "actor_aliases.csv"
NAMES_FILE = "actor_names.csv"
DICTIONARY_FILES = (COUNTRIES_FILE, ACTORS_FILE, ALIASES_FILE)  # what ActorDictionary reads

INTER_CODES = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
ARMED_INTER = frozenset({1, 2, 3, 4, 8})  # armed, organised actors: forces, rebels, militias
NON_STATE_INTER = frozenset({2, 3, 4})  # armed groups: rebels, political and identity militias
STATE_INTER = frozenset({1, 8})  # a state's forces, at home or abroad
RIOTERS_INTER = 5  # a crowd's violence
STATE_BRANCHES = ("military", "police", "government")

_PLACEHOLDER = re.compile(r"\{(military|police|government|country)(?::([^}]+))?\}")
# A placeholder without its country ("{country}", "{police}"): the row is made for every country.
_PER_COUNTRY = re.compile(r"\{(?:military|police|government|country)\}")
_YEAR_SUFFIX = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")
# One character in, one character out, so offsets in the matched text stay the text's offsets.
_CHAR_MAP = str.maketrans(
    {"-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ", "’": "'", "‘": "'", "`": "'"}
)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One canonical actor: ACLED-style name, inter code (None for associated-only groups)."""

    name: str
    inter: int | None
    country: str | None
    parent: str | None
    kind: str  # military, police, government, rebel, militia, coalition, generic, social, party
    source: str

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return _by_fields(self)


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """A surface form and the actor it names (`name` may hold a {country}-style placeholder)."""

    alias: str
    name: str
    loaded: bool
    context: frozenset[str]
    source: str
    state: bool = False  # a country's name or capital standing for the state ("Ankara said")
    generated: bool = False  # expanded from a {demonym} pattern; hand-written rows win over it
    line: int = 0

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return _by_fields(self)


_LOADED, _STATE, _GENERATED = 1, 2, 4  # AliasTable's flag bits


class AliasTable(Sequence[AliasEntry]):
    """A dictionary's aliases in order, kept as columns and made into `AliasEntry`s on first use.

    A cached dictionary holds ~28,600 aliases and a document looks at a few dozen: rebuilding
    every entry on load was most of the dictionary's load time (issue 18). Pickled as its columns
    (strings, flag bytes, indexes into the distinct contexts and sources); an entry, once made,
    is kept, so the same position always gives the same object."""

    __slots__ = (
        "_aliases",
        "_names",
        "_flags",
        "_contexts",
        "_context_of",
        "_sources",
        "_source_of",
        "_lines",
        "_entries",
    )

    def __init__(self, entries: Iterable[AliasEntry] = ()):
        entries = list(entries)
        contexts: dict[frozenset[str], int] = {}
        sources: dict[str, int] = {}
        self._aliases = tuple(e.alias for e in entries)
        self._names = tuple(e.name for e in entries)
        self._flags = bytes(
            _LOADED * e.loaded + _STATE * e.state + _GENERATED * e.generated for e in entries
        )
        self._context_of = array(
            "I", (contexts.setdefault(e.context, len(contexts)) for e in entries)
        )
        self._source_of = array("I", (sources.setdefault(e.source, len(sources)) for e in entries))
        self._contexts = tuple(contexts)
        self._sources = tuple(sources)
        self._lines = array("I", (e.line for e in entries))
        self._entries: list[AliasEntry | None] = list(entries)

    def __reduce__(self) -> tuple[Callable[..., AliasTable], tuple[object, ...]]:
        columns = (
            self._aliases,
            self._names,
            self._flags,
            self._contexts,
            self._context_of,
            self._sources,
            self._source_of,
            self._lines,
        )
        return _alias_table, columns

    def __len__(self) -> int:
        return len(self._aliases)

    @overload
    def __getitem__(self, index: int) -> AliasEntry: ...
    @overload
    def __getitem__(self, index: slice) -> list[AliasEntry]: ...
    def __getitem__(self, index: int | slice) -> AliasEntry | list[AliasEntry]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        entry = self._entries[index]
        if entry is None:
            entry = self._entries[index] = self._make(index)
        return entry

    def _make(self, i: int) -> AliasEntry:
        if i < 0:
            i += len(self._aliases)
        flags = self._flags[i]
        return AliasEntry(
            self._aliases[i],
            self._names[i],
            bool(flags & _LOADED),
            self._contexts[self._context_of[i]],
            self._sources[self._source_of[i]],
            bool(flags & _STATE),
            bool(flags & _GENERATED),
            self._lines[i],
        )

    def __iter__(self) -> Iterator[AliasEntry]:
        return (self[i] for i in range(len(self._aliases)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def surface_names(self) -> Iterator[tuple[str, str]]:
        """(alias, name) of every alias in order, without making the entries."""
        return zip(self._aliases, self._names, strict=True)

    def loaded_positions(self) -> Iterator[int]:
        """Positions of the partisan (`loaded`) aliases."""
        return (i for i, flags in enumerate(self._flags) if flags & _LOADED)


def _alias_table(
    aliases: tuple[str, ...],
    names: tuple[str, ...],
    flags: bytes,
    contexts: tuple[frozenset[str], ...],
    context_of: array[int],
    sources: tuple[str, ...],
    source_of: array[int],
    lines: array[int],
) -> AliasTable:
    table = AliasTable.__new__(AliasTable)
    table._aliases, table._names, table._flags = aliases, names, flags
    table._contexts, table._context_of = contexts, context_of
    table._sources, table._source_of, table._lines = sources, source_of, lines
    table._entries = [None] * len(aliases)
    return table


@dataclass(frozen=True, slots=True)
class CountryEntry:
    """A country's state actors, demonyms, names and ACLED regime suffixes."""

    country: str
    iso3: str
    demonyms: tuple[str, ...]
    names: tuple[str, ...]
    periods: tuple[str, ...]
    branches: dict[str, str]  # branch -> cell as written ("" = the default name)

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return _by_fields(self)

    def suffix(self, when: date | int | None) -> str:
        """ACLED's regime suffix in force on a date or in a year ("(2021-)"); the latest if None.

        A period starts on its `@` date when the table gives one ("2022-@2022-04-11"), else with
        its first year; in a year two periods share, a year picks the later one."""
        if not self.periods:
            return ""
        chosen = self.periods[-1]
        if when is not None:
            starts = [_period_start(p) for p in self.periods]
            if isinstance(when, date):
                started = [p for p, s in zip(self.periods, starts, strict=True) if s <= when]
            else:
                started = [p for p, s in zip(self.periods, starts, strict=True) if s.year <= when]
            chosen = started[-1] if started else self.periods[0]
        return f" ({chosen.split('@')[0]})"


def _by_fields(entry: ActorEntry | AliasEntry | CountryEntry) -> tuple[type, tuple[object, ...]]:
    # Pickled as the class and its fields, rebuilt through __init__: half the load time of the
    # dataclass's own slot-state protocol for the ~22,000 entries of a cached dictionary.
    return type(entry), tuple(getattr(entry, name) for name in entry.__slots__)


_STATE_NAME = re.compile(
    r"^(?:(?:Military|Police) Forces of|Government of) (?:the )?(?P<country>.+?) "
    r"\((?P<period>\d{4}-(?:\d{4})?)\)(?P<rest>.*)$"
)


@cache
def _successions() -> dict[str, tuple[str, date]]:
    """name → (the name before, the date the name was taken), from actor_names.csv."""
    out = {}
    for line, row in _read_rows(NAMES_FILE, ["name", "before", "since", "source"]):
        try:
            out[row["name"]] = (row["before"], date.fromisoformat(row["since"]))
        except ValueError:
            raise KnowledgeDataError(f"{NAMES_FILE}:{line}: bad date {row['since']!r}") from None
    return out


@cache
def _successors() -> dict[str, tuple[str, date]]:
    """name before → (the name taken, the date it was taken): actor_names.csv read forwards."""
    return {before: (after, since) for after, (before, since) in _successions().items()}


def _period_start(period: str) -> date:
    label, _, on = period.partition("@")
    return date.fromisoformat(on) if on else date(int(label.split("-")[0]), 1, 1)


def unidentified(name: str) -> bool:
    """ACLED's stand-in for an actor the text does not name ("Unidentified Armed Group (X)")."""
    return name.startswith("Unidentified")


def normalise_name(name: str) -> str:
    """A name for comparisons: no ACLED year suffix, no case, no punctuation."""
    name = _YEAR_SUFFIX.sub("", name)
    return " ".join(re.sub(r"[^\w]+", " ", name.lower()).split())


def match_form(text: str, case_sensitive: bool = False) -> str:
    """The form aliases and texts are matched in; same length as `text`, so offsets carry over."""
    mapped = text.translate(_CHAR_MAP)
    if case_sensitive:
        return mapped
    lowered = mapped.lower()
    if len(lowered) == len(mapped):  # no character lengthened: the fast, usual case
        return lowered
    # str.lower() can lengthen a few characters ("İ"); keep those as they are.
    return "".join(c if len(lc := c.lower()) != 1 else lc for c in mapped)


def is_case_sensitive(alias: str) -> bool:
    """Acronyms written in capitals ("IS", "PKK", "SDF/PKK") only match in capitals, and acronyms
    in mixed case ("LeT", "JaS", "AGuH") only as written: folded, they are ordinary words ("let")
    or other groups' acronyms (Boko Haram's "JAS" is not the Levant Front's "JaS")."""
    if alias.isascii():  # every ASCII letter is cased: the same answer without a character loop
        return alias.isupper() or _mixed_case_acronym(alias)
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _mixed_case_acronym(alias: str) -> bool:
    # One short word with two capitals or more; a capitals acronym's plural ("IDPs") is not one.
    return (
        alias.isalpha()
        and len(alias) <= _ACRONYM_LETTERS
        and sum(c.isupper() for c in alias) >= 2
        and not alias[:-1].isupper()
    )


_ACRONYM_LETTERS = 5


class ActorDictionary:
    """Canonical actors and aliases for one publication year, with per-country resolution."""

    def __init__(self, year: int | None):
        self.year = year
        self.countries: dict[str, CountryEntry] = _read_countries()
        self.actors: dict[str, ActorEntry] = {}
        self.aliases: Sequence[AliasEntry] = []
        self._by_normalised: dict[str, ActorEntry] = {}
        # expand() of one template for one country is asked thousands of times while the alias
        # table is built ({demonym} rows × countries); the year is fixed, so the answer is too.
        self._expanded: dict[tuple[str, str | None], str | None] = {}
        self._build_actors()
        self.aliases = AliasTable(self._build_aliases())

    # -- resolution -------------------------------------------------------------------------------

    def state_name(self, country: str, branch: str) -> str:
        """The state actor `branch` (military, police, government) of `country` in this year."""
        entry = self.countries.get(country)
        if entry is None:
            return f"{_DEFAULT_BRANCH_NAMES[branch]} {country}"
        cell = entry.branches.get(branch, "")
        if "{" in cell:
            return self.expand(cell, None) or cell
        if "(" in cell:
            return cell
        base = cell or f"{_DEFAULT_BRANCH_NAMES[branch]} {country}"
        return f"{base}{entry.suffix(self.year)}"

    def expand(self, template: str, country: str | None) -> str | None:
        """`template` with placeholders filled for `country`; None when it needs an unknown one."""
        key = (template, country)
        if key in self._expanded:
            return self._expanded[key]
        name = self._expand(template, country)
        self._expanded[key] = name
        return name

    def _expand(self, template: str, country: str | None) -> str | None:
        missing = False

        def fill(m: re.Match[str]) -> str:
            nonlocal missing
            what, which = m.group(1), m.group(2) or country
            if which is None:
                missing = True
                return ""
            return which if what == "country" else self.state_name(which, what)

        name = _PLACEHOLDER.sub(fill, template)
        return None if missing else name

    def entry(self, name: str) -> ActorEntry | None:
        """The actor called `name` (exactly, or ignoring case, punctuation and year suffix)."""
        return self.actors.get(name) or self._by_normalised.get(normalise_name(name))

    def resolve(self, alias: AliasEntry, country: str | None) -> ActorEntry | None:
        """The actor an alias names when read in a document about `country`."""
        name = self.expand(alias.name, country)
        if name is None:
            return None
        found = self.entry(name)
        if found is None:
            log.debug("alias %r names unknown actor %r", alias.alias, name)
        return found

    def name_on(self, name: str, when: date) -> str:
        """The name ACLED gives the actor called `name` on the date `when`: a group's name before
        it was renamed (actor_names.csv), a state force's regime suffix in force that day."""
        successions, successors = _successions(), _successors()
        seen: set[str] = set()
        # Forwards: a group that took a new name (or became the state) before `when`.
        while name in successors and when >= successors[name][1] and name not in seen:
            seen.add(name)
            name = successors[name][0]
        # Backwards: a name not yet taken on `when`. A state force's name is never walked back:
        # its regime suffix says which government's forces they were.
        while (
            name in successions
            and when < successions[name][1]
            and name not in seen
            and not _STATE_NAME.match(name)
        ):
            seen.add(name)
            name = successions[name][0]
        m = _STATE_NAME.match(name)
        if m:
            entry = self.countries.get(m.group("country"))
            labels = [p.split("@")[0] for p in entry.periods] if entry else []
            if entry and m.group("period") in labels:
                head = name[: m.start("period") - 2]
                name = f"{head}{entry.suffix(when)}{m.group('rest')}"
        return name

    def inter_for(self, entry: ActorEntry, event_country: str | None) -> int | None:
        """ACLED's inter code in an event in `event_country`: state forces abroad are 8."""
        if entry.inter == 1 and entry.country and event_country and entry.country != event_country:
            return 8
        return entry.inter

    def generic(self, template: str, country: str | None) -> ActorEntry | None:
        """A per-country generic actor ("Civilians ({country})") for `country`."""
        if country is None:
            return None
        name = self.expand(template, country)
        return self.entry(name) if name else None

    def alias_names(self) -> Iterator[tuple[str, str]]:
        """(surface form, actor name or template) of every alias, in order."""
        aliases = self.aliases
        if isinstance(aliases, AliasTable):  # without making every entry
            return aliases.surface_names()
        return ((a.alias, a.name) for a in aliases)

    def iter_loaded_aliases(self) -> Iterator[AliasEntry]:
        aliases = self.aliases
        if isinstance(aliases, AliasTable):  # without making every entry
            return (aliases[i] for i in aliases.loaded_positions())
        return (a for a in aliases if a.loaded)

    # -- building ---------------------------------------------------------------------------------

    def _add(self, entry: ActorEntry) -> None:
        # Hand-written rows come after generated ones and win on the same name.
        self.actors[entry.name] = entry
        self._by_normalised[normalise_name(entry.name)] = entry

    def _build_actors(self) -> None:
        for c in self.countries.values():
            for branch in STATE_BRANCHES:
                name = self.state_name(c.country, branch)
                owner = c.country
                if c.branches.get(branch, "").startswith("{"):
                    # e.g. Palestine's "soldiers" are Israel's: the actor keeps its own country.
                    owner = _PLACEHOLDER.search(c.branches[branch]).group(2) or c.country  # type: ignore[union-attr]
                if name not in self.actors:
                    self._add(ActorEntry(name, 1, owner, None, branch, "actor_countries.csv"))
        for line, row in _read_rows(ACTORS_FILE, ["name", "kind", "source"]):
            inter = _inter(row["inter"], ACTORS_FILE, line)
            if _PER_COUNTRY.search(row["name"]):
                # "{country}" or a bare state placeholder ("{police} Prison Guards"): one row
                # for every country, a state force's unit owned by that country.
                for country in self.countries:
                    generated = self.expand(row["name"], country)
                    assert generated is not None
                    self._add(
                        ActorEntry(generated, inter, country, None, row["kind"], row["source"])
                    )
                continue
            named = self.expand(row["name"], None)
            parent = self.expand(row["parent"], None) if row["parent"] else None
            if named is None:
                raise KnowledgeDataError(f"{ACTORS_FILE}:{line}: unresolvable name {row['name']!r}")
            self._add(
                ActorEntry(named, inter, row["country"] or None, parent, row["kind"], row["source"])
            )

    def _build_aliases(self) -> list[AliasEntry]:
        aliases: list[AliasEntry] = []
        for line, row in _read_rows(ALIASES_FILE, ["alias", "name", "loaded", "source"]):
            if row["loaded"] not in ("0", "1"):
                raise KnowledgeDataError(f"{ALIASES_FILE}:{line}: loaded must be 0 or 1")
            context = frozenset(c.strip() for c in row["context"].split(";") if c.strip())
            unknown = [c for c in context if c not in self.countries]
            if unknown:
                raise KnowledgeDataError(
                    f"{ALIASES_FILE}:{line}: unknown context countries {unknown}"
                )
            loaded = row["loaded"] == "1"
            placeholder = next((p for p in _COUNTRY_WORDS if p in row["alias"]), None)
            if placeholder is not None:
                for c in self.countries.values():
                    name = self.expand(row["name"], c.country)
                    for word in _COUNTRY_WORDS[placeholder](c):
                        alias = row["alias"].replace(placeholder, word)
                        aliases.append(
                            AliasEntry(
                                alias,
                                name or row["name"],
                                loaded,
                                context,
                                row["source"],
                                generated=True,
                                line=line,
                            )
                        )
                continue
            self._check_target(row["name"], line)
            aliases.append(
                AliasEntry(row["alias"], row["name"], loaded, context, row["source"], line=line)
            )
        for c in self.countries.values():
            for name in c.names:
                aliases.append(
                    AliasEntry(
                        name,
                        self.state_name(c.country, "military"),
                        False,
                        frozenset(),
                        COUNTRIES_FILE,
                        state=True,
                    )
                )
        return aliases

    def _check_target(self, template: str, line: int) -> None:
        probe = self.expand(template, next(iter(self.countries)))
        if probe is None or self.entry(probe) is None:
            raise KnowledgeDataError(
                f"{ALIASES_FILE}:{line}: {template!r} is not an actor in {ACTORS_FILE}"
            )


# Alias placeholders that expand to each country's words: its demonyms ("{demonym} forces"), its
# names and capital ("military forces of {state}").
_COUNTRY_WORDS: dict[str, Callable[[CountryEntry], tuple[str, ...]]] = {
    "{demonym}": lambda c: c.demonyms,
    "{state}": lambda c: tuple(dict.fromkeys((c.country, *c.names))),
}

_DEFAULT_BRANCH_NAMES = {
    "military": "Military Forces of",
    "police": "Police Forces of",
    "government": "Government of",
}


def _inter(value: str, file: str, line: int) -> int | None:
    if not value:
        return None
    if not value.isdigit() or int(value) not in INTER_CODES:
        raise KnowledgeDataError(f"{file}:{line}: inter must be one of 1-8 or empty, not {value!r}")
    return int(value)


def _read_rows(name: str, required: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    # loader.read_csv drops comment lines, so data-row numbers are reported relative to the header.
    yield from enumerate(read_csv(name, required=required), start=2)


@cache
def _read_countries() -> dict[str, CountryEntry]:
    countries = {}
    for line, row in _read_rows(COUNTRIES_FILE, ["country", "iso3", "source"]):
        periods = tuple(p.strip() for p in row["period"].split(";") if p.strip())
        for p in periods:
            if not re.fullmatch(r"\d{4}-(\d{4})?(@\d{4}-\d{2}-\d{2})?", p):
                raise KnowledgeDataError(f"{COUNTRIES_FILE}:{line}: bad period {p!r}")
        countries[row["country"]] = CountryEntry(
            country=row["country"],
            iso3=row["iso3"],
            demonyms=tuple(d.strip() for d in row["demonyms"].split(";") if d.strip()),
            names=tuple(n.strip() for n in row["names"].split(";") if n.strip()),
            periods=periods,
            branches={b: row[b] for b in STATE_BRANCHES},
        )
    return countries


@cache
def country_names() -> frozenset[str]:
    """Every country name of the actor tables, lower case ("iran", "iraq", "syria")."""
    return frozenset(n.lower() for c in _read_countries().values() for n in (c.country, *c.names))


@cache
def actor_dictionary(year: int | None = None) -> ActorDictionary:
    """The actor dictionary with names as ACLED spelled them in `year` (latest names if None);
    built once, then loaded from the table cache while its files and this module are unchanged."""
    return cached_table(
        f"actor-dictionary-{year}",
        lambda: ActorDictionary(year),
        files=DICTIONARY_FILES,
        modules=(__name__,),
    )


@cache
def ignored_names() -> frozenset[str]:
    """Normalised names NER tags as organisations that are not actors (outlets, platforms)."""
    return frozenset(
        normalise_name(r["name"]) for r in read_csv("actor_ignore.csv", required=["name"])
    )


@cache
def local_branches() -> dict[str, str]:
    """Group name → the name ACLED gives its local units, `{place}` standing for the place the
    unit is named after (`actor_branches.csv`)."""
    return {
        r["group"]: r["name"] for r in read_csv("actor_branches.csv", required=["group", "name"])
    }


@cache
def actor_regions() -> dict[tuple[str, str], str]:
    """(country, admin1) → the region ACLED names that province's crowds, civilians and social
    groups after ("Protesters (Northern Ireland)"; `actor_regions.csv`)."""
    rows = read_csv("actor_regions.csv", required=["country", "admin1", "region", "why"])
    return {(r["country"], r["admin1"]): r["region"] for r in rows}


@cache
def air_arms() -> dict[tuple[str, str], str]:
    """(military template, country) → the air force template ACLED codes that military's air and
    drone strikes in that country to (`actor_air_arms.csv`)."""
    rows = read_csv("actor_air_arms.csv", required=["military", "country", "air_force", "why"])
    return {(r["military"], r["country"]): r["air_force"] for r in rows}


FRONT_LINES_FILE = "front_lines.csv"
FRONT_LINE_SIDES = ("state", "rebel")


@dataclass(frozen=True, slots=True)
class FrontLine:
    """A monitoring mission's front line (`front_lines.csv`): the cue word naming the mission, the
    country, and each listed place's pattern with the side holding it."""

    cue: re.Pattern[str]
    country: str
    places: tuple[tuple[re.Pattern[str], str], ...]


@cache
def front_lines() -> tuple[FrontLine, ...]:
    """Each mission's front line, its places grouped per (cue, country) (`front_lines.csv`)."""
    grouped: dict[tuple[str, str], list[tuple[re.Pattern[str], str]]] = {}
    for line, row in _read_rows(FRONT_LINES_FILE, ["cue", "country", "place", "held_by"]):
        if row["held_by"] not in FRONT_LINE_SIDES:
            raise KnowledgeDataError(
                f"{FRONT_LINES_FILE}:{line}: held_by must be one of {FRONT_LINE_SIDES}, "
                f"not {row['held_by']!r}"
            )
        names = "|".join(re.escape(n.strip()) for n in row["place"].split("|") if n.strip())
        # A name followed by a hyphen is another place ("Zolote" is not "Zolote-5").
        pattern = re.compile(rf"\b(?:{names})\b(?!-)")
        grouped.setdefault((row["cue"], row["country"]), []).append((pattern, row["held_by"]))
    return tuple(
        FrontLine(re.compile(rf"\b{re.escape(cue)}\b"), country, tuple(places))
        for (cue, country), places in grouped.items()
    )


CRIME_HALLMARKS_FILE = "crime_hallmarks.csv"


@cache
def crime_hallmarks() -> re.Pattern[str]:
    """One pattern matching any hallmark of organised crime a note may tell of a killing (a bound
    or mutilated body, a drive-by, an execution shot, a message left; `crime_hallmarks.csv`)."""
    patterns = []
    for line, row in _read_rows(CRIME_HALLMARKS_FILE, ["pattern"]):
        try:
            re.compile(row["pattern"])
        except re.error as exc:
            raise KnowledgeDataError(f"{CRIME_HALLMARKS_FILE}:{line}: bad pattern: {exc}") from exc
        patterns.append(f"(?:{row['pattern']})")
    return re.compile(rf"\b(?:{'|'.join(patterns)})\b", re.IGNORECASE)


def front_line_holders(text: str, country: str | None) -> list[str]:
    """The side holding each front-line place `text` names (`front_lines.csv`), in text order,
    when `text` names the mission reporting on that country's front line."""
    found: list[tuple[int, str]] = []
    for front in front_lines():
        if front.country != country or not front.cue.search(text):
            continue
        for pattern, side in front.places:
            found.extend((m.start(), side) for m in pattern.finditer(text))
    return [side for _, side in sorted(found)]
