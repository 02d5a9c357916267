"""The time-expression grammar: dates, days and periods in English text, resolved to calendar days.

Matching is a set of regular expressions built once from the `time_*.csv` lexicons; each match
becomes a `Timex` (what the words say, not yet which day). `resolve` turns a `Timex` into a
`DateSpan` given an anchor date (normally the publication date) and the clause's tense. Precision
follows ACLED: 1 the day, 2 within a week, 3 within a month (None coarser than a month).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from sitrep.knowledge.lexicons import trie_alternation
from sitrep.knowledge.loader import read_csv
from sitrep.records import DateSpan

PAST, FUTURE = "past", "future"


@dataclass(frozen=True, slots=True)
class DayRef:
    """One day (or month) as the text gives it: calendar fields, a weekday, or an offset."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 Monday .. 6 Sunday
    offset: int | None = None  # days from the anchor date (today 0, yesterday -1)
    direction: str | None = None  # PAST/FUTURE when the words fix it ("last Friday", "next Monday")
    month_part: tuple[int, int] | None = None  # first-last day of a month part ("late November")
    part_only: bool = False  # a part of day with no day ("the early hours"): takes a range's day


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression found in text: its offsets and what the words say."""

    start: int
    end: int
    text: str
    form: str  # day, month, range, since, past_n, period, future_span, recurring, part, anaphor
    lo: DayRef | None = None
    hi: DayRef | None = None
    unit: str | None = None  # period unit: week, weekend, month, year
    offset: int = 0  # period offset: -1 last, 0 this, 1 next
    amount: int | None = None  # past_n / future_span length in days (None: unknown)
    earlier: bool = False  # "earlier this week": up to the day before the anchor
    later: bool = False  # "later this week": from the day after; "the coming days": ahead
    approx: bool = False  # "around 29 April", "As reported on 2 May": precision 2
    coarse: bool = False  # a vague count ("the past few weeks")
    stated: DayRef | None = None  # "Around 8 May (from 24 April-8 May)": the day ACLED codes

    @property
    def kind(self) -> str:
        """The `TimeMention.kind` this expression gives: date, period, future or recurring."""
        if self.form in ("day", "anaphor") or self.stated is not None:
            return "date"
        if self.form in ("future_span", "recurring"):
            return "future" if self.form == "future_span" else "recurring"
        return "period"

    @property
    def is_relative(self) -> bool:
        """Whether resolving needs the anchor date (anything short of a full calendar date)."""
        if self.form in ("past_n", "period", "future_span", "since", "anaphor", "recurring"):
            return True
        refs = (self.stated,) if self.stated is not None else (self.lo, self.hi)
        return any(r.year is None for r in refs if r is not None)


# ---------------------------------------------------------------- lexicons and patterns


@dataclass(frozen=True, slots=True)
class _Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    rel_days: dict[str, int]
    parts: dict[str, int]
    periods: dict[str, tuple[str, int, str]]
    units: dict[str, int]
    month_parts: dict[str, tuple[int, int]]
    vague: frozenset[str]


@cache
def lexicon() -> _Lexicon:
    """The calendar and relative-time words, read once from the knowledge data."""
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    numbers: dict[str, int] = {}
    for row in read_csv("time_calendar.csv", required=["word", "kind", "value"]):
        table = {"month": months, "weekday": weekdays, "number": numbers, "ordinal": numbers}
        table[row["kind"]][row["word"].lower()] = int(row["value"])
    rel_days: dict[str, int] = {}
    parts: dict[str, int] = {}
    periods: dict[str, tuple[str, int, str]] = {}
    units: dict[str, int] = {}
    month_parts: dict[str, tuple[int, int]] = {}
    vague: set[str] = set()
    for row in read_csv("time_relative.csv", required=["phrase", "kind"]):
        phrase, kind, value = row["phrase"].lower(), row["kind"], row["value"]
        if kind == "day":
            rel_days[phrase] = int(value)
        elif kind == "part":
            parts[phrase] = int(value)
        elif kind == "period":
            unit, offset, *flags = value.split(":")
            periods[phrase] = (unit, int(offset), flags[0] if flags else "")
        elif kind == "unit":
            units[phrase] = int(value)
        elif kind == "month_part":
            lo, hi = value.split("-")
            month_parts[phrase] = (int(lo), int(hi))
        elif kind == "vague":
            vague.add(phrase)
    return _Lexicon(
        months, weekdays, numbers, rel_days, parts, periods, units, month_parts, frozenset(vague)
    )


@cache
def calendar_names(kind: str) -> frozenset[str]:
    """Full lower-case month or weekday names ("monday", not "mon"): each one's longest spelling."""
    table = lexicon().months if kind == "month" else lexicon().weekdays
    longest: dict[int, str] = {}
    for word, value in table.items():
        if len(word) > len(longest.get(value, "")):
            longest[value] = word
    return frozenset(longest.values())


@cache
def cues() -> dict[str, tuple[str, ...]]:
    """Cue phrases by kind (approx_before, approx_after, future, past, speech), longest first."""
    table: dict[str, list[str]] = {}
    for row in read_csv("time_cues.csv", required=["phrase", "kind"]):
        table.setdefault(row["kind"], []).append(row["phrase"].lower())
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


def _alt(words: object, *, capitalised: bool = False, min_len: int = 0) -> str:
    """A regex alternation of `words`, longest first; capitalised forms only if asked."""
    forms: set[str] = set()
    for w in words:  # type: ignore[attr-defined]
        if len(w) < min_len:
            continue
        if capitalised:  # month and weekday names are capitalised in news text: "may" is a verb
            forms.update({w[:1].upper() + w[1:], w.upper()})
        else:
            forms.add(w)
    ordered = sorted(forms, key=len, reverse=True)
    if all(f.isascii() and not any(c.isspace() for c in f) for f in ordered) and (
        capitalised or all(f == f.lower() for f in ordered)
    ):
        # Single words: the prefix-factored form matches the same (tried letter by letter, the
        # month patterns run over every window with a month name).
        return trie_alternation(ordered)
    return "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in ordered)


_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_MONTH_PREPS = "in|during|throughout|until|till|by|from|since|last|this|next"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The grammar: (form, compiled pattern) pairs, compiled once per process."""
    lx = lexicon()
    month_any = _alt(lx.months, capitalised=True)
    month_full = _alt(lx.months, capitalised=True, min_len=4) + "|May|MAY"
    wd_any = _alt(lx.weekdays, capitalised=True)
    wd_full = _alt(lx.weekdays, capitalised=True, min_len=6)
    numwords = _alt(lx.numbers)
    rel_days = _alt(lx.rel_days)
    periods = _alt(lx.periods)
    mparts = _alt(lx.month_parts)
    parts = _alt(lx.parts)
    to = r"\s* (?: [-–—] | (?i:to|and|until|till|through) ) \s*"
    m = rf"(?:{month_any})\b\.?"
    year = rf"(?: ,?\s+ (?P<y>{_YEAR})\b )?"
    # Patterns are verbose regexes: whitespace in them is layout, `\s` is a space in the text.
    specs = {
        "iso": rf"\b (?P<y>{_YEAR}) - (?P<m>[01]?\d) - (?P<d>[0-3]?\d) \b",
        "numeric": r"""(?<![\d./]) (?P<a>[0-3]?\d) (?P<sep>[/.]) (?P<b>[0-3]?\d) (?P=sep)
            (?P<y>(?:19|20)?\d{2}) (?![\d./]\d|\d)""",
        "range_dm": rf"""(?: (?i:(?P<pre>between|from)) \s+ )?
            (?P<d1>{_DAY})\b (?: \s+ (?P<m1>{m}) )? (?: ,?\s+ (?P<y1>{_YEAR}) )?
            {to} (?P<d2>{_DAY}) \s+ (?P<m2>{m}) (?: ,?\s+ (?P<y2>{_YEAR})\b )?""",
        "range_md": rf"""(?: (?i:(?P<pre>between|from)) \s+ )?
            (?P<m1>{m}) \s+ (?P<d1>{_DAY})\b {to} (?: (?P<m2>{m}) \s+ )? (?P<d2>{_DAY})\b {year}""",
        "dmy": rf"""(?: (?P<wd>{wd_any})\b\.? ,?\s+ )? (?: (?i:the)\s+ )?
            (?P<d>{_DAY}) (?: \s+(?i:of) )? \s+ (?P<m>{m}) {year}""",
        "mdy": rf"""(?: (?P<wd>{wd_any})\b\.? ,?\s+ )?
            (?P<m>{m}) \s+ (?: (?i:the)\s+ )? (?P<d>{_DAY})\b (?!\s*:) {year}""",
        "month": rf"""(?: (?i:(?P<prep>{_MONTH_PREPS})) \s+ )?
            (?: (?P<part>(?i:{mparts})) [\s-]+ )?
            (?P<m>{month_full})\b (?!\.?\s+[0-3]?\d\b) {year}""",
        "year": rf"""\b (?i:in|since|during|throughout|until|by|from) \s+ (?P<y>{_YEAR})\b
            (?!\s*[-/])""",
        "weekday": rf"""(?: (?P<mod>(?i:late|early|overnight)) \s+ (?: (?i:on)\s+ )? )?
            (?: (?P<dir>(?i:last|next|this|coming|past|previous)) \s+ )?
            (?P<wd>{wd_full})\b (?: \s+ (?P<part>(?i:{parts}|overnight))\b )?""",
        "recurring": rf"(?i:every|each) \s+ (?P<wd>{wd_full})s?\b",
        "relday": rf"""(?: (?i:late|early)\s+ )? \b (?P<rel>(?i:{rel_days}))\b
            (?: \s+ (?P<part>(?i:{parts}))\b )?""",
        "period": rf"\b (?P<per>(?i:{periods})) \b",
        "past_n": rf"""\b(?i: (?: (?:in|over|during|for|within|throughout) \s+ )?
            the \s+ (?:past|last|previous|preceding) \s+
            (?: (?P<n>\d{{1,3}}|{numwords}|few|several|couple\s+of) \s+ )?
            (?P<unit>hours?|days?|weeks?|months?|years?) )\b""",
        "recent": r"""\b(?i: (?: (?:in|over|during|throughout) \s+ )? (?: the\s+ )?
            recent \s+ (?P<unit>days|weeks|months) )\b""",
        "ago": rf"""\b(?i: (?P<n>\d{{1,3}}|{numwords}) \s+ (?P<unit>days?|weeks?|months?|years?)
            \s+ ago )\b""",
        "future_span": rf"""\b(?i: (?: (?:in|for|over|during|within) \s+ )? (?: the\s+ )?
            (?P<q>several|a\s+few|few|many|coming|next\s+few|next|upcoming|\d{{1,3}}|{numwords})
            \s+ (?P<unit>hours|days|weeks|months) )\b""",
        "ordinal": r"""\b (?i:on\s+the) \s+ (?P<d>[0-3]?\d) (?i:st|nd|rd|th)\b
            (?! \s+ (?:of\s+)? [A-Za-z] )""",
        "anaphor": rf"""\b(?i: the \s+ (?P<ana>previous|following|next|same) \s+
            (?:day|night|morning|evening) | the \s+ day \s+ (?P<ana2>before|after)
            | (?P<ana3>that) \s+ day | (?:earlier|later) \s+ (?:in \s+ the|that) \s+ day
            | (?P<after_n>\d{{1,2}}|{numwords}) \s+ (?P<after_unit>days?|weeks?) \s+ later
            | (?:at \s+ )? (?:approximately \s+ | about \s+ | around \s+ )?
              [01]?\d [:.] [0-5]\d \s* [ap]\.?m\b\.? )""",
        "part": rf"""\b(?i: (?: the\s+ )? (?P<part>{parts})
            (?: \s+ of \s+ the \s+ (?:morning|night|day) )? )\b""",
    }
    return tuple((form, re.compile(p, re.VERBOSE)) for form, p in specs.items())


@cache
def _gates() -> dict[str, re.Pattern[str]]:
    """For some forms, words every match of theirs contains: a stretch without them is skipped.

    A necessary condition only (a substring search, no word boundaries), so skipping never
    loses a match; it saves most of the pattern runs, which dominate `find_timexes`.
    """
    lx = lexicon()
    month = re.compile(_alt(lx.months, capitalised=True))  # group `m` is required in these
    weekday = re.compile(_alt(lx.weekdays, capitalised=True, min_len=6))
    # The unit follows whitespace in every pattern gated by it: "Monday", "today" open no window.
    unit = re.compile(r"(?i:\s(?:hour|day|week|month|year))")
    gates = dict.fromkeys(("range_dm", "range_md", "dmy", "mdy", "month"), month)
    gates.update(dict.fromkeys(("weekday", "recurring"), weekday))
    gates.update(dict.fromkeys(("past_n", "recent", "ago", "future_span"), unit))
    gates["iso"] = re.compile(r"\d-[01]?\d-")
    gates["numeric"] = re.compile(r"\d[/.][0-3]?\d[/.]")
    gates["year"] = re.compile(r"(?:19|20)\d\d")
    gates["ordinal"] = re.compile(r"\d(?i:st|nd|rd|th)")
    gates["anaphor"] = re.compile(r"(?i:day|night|morning|evening|week|\d[ap]\.?m|\d [ap]\.?m)")
    gates["relday"] = re.compile(f"(?i:{_alt(lx.rel_days)})")
    return gates


# ---------------------------------------------------------------- finding expressions


def find_timexes(text: str, *, month_first: bool = False) -> list[Timex]:
    """Every time expression in `text`, left to right, without overlaps (longest wins)."""
    candidates: list[tuple[int, int, Timex]] = []
    patterns = _patterns()
    gates = _gates()
    for lo, hi in _windows(text):
        chunk = text[lo:hi]
        passed: dict[re.Pattern[str], bool] = {}
        for rank, (form, pattern) in enumerate(patterns):
            gate = gates.get(form)
            if gate is not None:
                if gate not in passed:
                    passed[gate] = gate.search(chunk) is not None
                if not passed[gate]:
                    continue
            for match in pattern.finditer(chunk):
                tx = _parse(form, match, chunk, month_first)
                if tx is not None:
                    tx = replace(tx, start=tx.start + lo, end=tx.end + lo)
                    candidates.append((rank, tx.end - tx.start, tx))
    candidates.sort(key=lambda c: (-c[1], c[0], c[2].start))
    taken: list[Timex] = []
    for _, _, tx in candidates:
        if all(tx.end <= t.start or tx.start >= t.end for t in taken):
            taken.append(tx)
    taken.sort(key=lambda t: t.start)
    return [_mark_approx(t, text) for t in _combine(taken, text) if t.form != "part"]


_SPACE = re.compile(r"\s")
_WINDOW = 80  # characters of context around a time word: longer than any expression


@cache
def _keywords() -> frozenset[str]:
    """Words without which no pattern can match (months, weekdays, "yesterday", "days", …)."""
    lx = lexicon()
    words = set(lx.months) | set(lx.weekdays) | set(lx.units)
    for phrase in [*lx.rel_days, *lx.parts, *lx.periods]:
        words.update(phrase.split())
    words.update({"ago", "day", "night", "mid", "weekend"})
    # Function words from those phrases occur everywhere and mark nothing on their own.
    return frozenset(
        words
        - {
            "the",
            "a",
            "an",
            "of",
            "last",
            "this",
            "next",
            "earlier",
            "later",
            "early",
            "late",
            "before",
            "after",
        }
    )


@cache
def _time_words() -> re.Pattern[str]:
    """A run of digits, or a whole run of ASCII letters that is one of `_keywords` in any case:
    one regex scan instead of a Python test of every word of the text (issue 18)."""
    words = sorted(w for w in _keywords() if re.fullmatch("[a-z]+", w))
    return re.compile(r"\d+|(?<![A-Za-z])(?ai:" + trie_alternation(words) + r")(?![A-Za-z])")


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` around time words, cut at whitespace; the patterns run only there.

    Running nineteen patterns over a whole article costs ~60 ms; most sentences hold no time
    word, so scanning only around them is several times faster and finds the same expressions.
    """
    spans: list[tuple[int, int]] = []
    for m in _time_words().finditer(text):
        lo, hi = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    windows = []
    for lo, hi in spans:
        if lo > 0:  # start and end on whitespace so no word is cut in two
            space = _SPACE.search(text, lo)
            lo = space.end() if space and space.start() < hi else lo
        if hi < len(text):
            space = _SPACE.search(text, hi)
            hi = space.start() if space else len(text)
        windows.append((lo, hi))
    return windows


def _int_day(s: str | None) -> int | None:
    if not s:
        return None
    d = int(re.sub(r"\D", "", s))
    return d if 1 <= d <= 31 else None


def _month(s: str | None) -> int | None:
    return lexicon().months.get(s.rstrip(".").lower()) if s else None


def _year(s: str | None) -> int | None:
    if not s:
        return None
    y = int(s)
    return y + 2000 if y < 100 else y


def _tx(match: re.Match[str], form: str, start_group: str | None = None, **kw: object) -> Timex:
    start = match.start(start_group) if start_group and match.group(start_group) else match.start()
    text = match.string[start : match.end()]
    return Timex(start, match.end(), text, form, **kw)  # type: ignore[arg-type]


def _parse(form: str, mt: re.Match[str], text: str, month_first: bool) -> Timex | None:
    """One regex match as a `Timex`, or None when the words turn out not to be a date."""
    if form in _NAMEABLE and _names_follow(text, mt.end()):
        return None  # "Monday Avenue", "the 25 of March sector", "the June 30 movement"
    return _parse_match(form, mt, text, month_first)


_NAMEABLE = frozenset({"dmy", "mdy", "month", "weekday"})


def _names_follow(text: str, end: int) -> bool:
    """Whether the next word turns the date before it into a name (`name_after` cues)."""
    m = re.match(r"\s+([A-Za-z]+)", text[end : end + 30])
    return m is not None and m.group(1).lower() in cues().get("name_after", ())


def _parse_match(form: str, mt: re.Match[str], text: str, month_first: bool) -> Timex | None:
    g = mt.group
    lx = lexicon()
    if form == "iso":
        ref = DayRef(int(g("y")), int(g("m")), int(g("d")))
        return _tx(mt, "day", lo=ref) if _valid(ref) else None
    if form == "numeric":
        a, b, y = int(g("a")), int(g("b")), _year(g("y"))
        day, month = (b, a) if month_first else (a, b)
        if month > 12 and day <= 12:  # only one reading is a calendar date
            day, month = month, day
        ref = DayRef(y, month, day)
        return _tx(mt, "day", lo=ref) if _valid(ref) else None
    if form in ("range_dm", "range_md"):
        connector = text[mt.end("d1") : mt.start("d2")].strip().lower()
        if g("pre") and g("pre").lower() == "between" and connector not in ("and", "-", "–", "—"):
            return None
        d1, d2 = _int_day(g("d1")), _int_day(g("d2"))
        m2 = _month(g("m2"))
        m1 = _month(g("m1")) or m2
        if form == "range_md":
            m2 = m2 or m1
            y1 = y2 = _year(g("y"))
        else:
            y2 = _year(g("y2"))
            y1 = _year(g("y1")) or y2
        if d1 is None or d2 is None or m1 is None or m2 is None:
            return None
        if (m1 == m2 and (y1 is None or y1 == y2) and d1 > d2) or (
            y1 is not None and y2 is not None and (y1, m1, d1) > (y2, m2, d2)
        ):
            return None  # "12-9 Dec 2023" runs backwards: no range ("28 Dec - 3 Jan" may wrap)
        lo, hi = DayRef(y1, m1, d1), DayRef(y2, m2, d2)
        return _tx(mt, "range", lo=lo, hi=hi)
    if form in ("dmy", "mdy"):
        d, mo = _int_day(g("d")), _month(g("m"))
        if d is None or mo is None:
            return None
        return _tx(mt, "day", lo=DayRef(_year(g("y")), mo, d))
    if form == "month":
        if not (g("prep") or g("part") or g("y")):
            return None  # a bare month name is too often part of a name ("the June 30 movement")
        span = lx.month_parts.get(re.sub(r"\s+", " ", g("part").lower())) if g("part") else None
        direction = {"last": PAST, "next": FUTURE}.get((g("prep") or "").lower())
        start_group = "part" if g("part") else "m"
        if (g("prep") or "").lower() in ("last", "this", "next"):
            start_group = "prep"
        ref = DayRef(_year(g("y")), _month(g("m")), None, direction=direction, month_part=span)
        return _tx(mt, "month", start_group, lo=ref)
    if form == "year":
        return _tx(mt, "year", "y", lo=DayRef(year=int(g("y"))))
    if form == "weekday":
        wd = lx.weekdays[g("wd").lower()]
        said = (g("dir") or "").lower()
        direction = PAST if said in ("last", "past", "previous") else FUTURE if said else None
        if said == "this":
            direction = None
        return _tx(mt, "day", lo=DayRef(weekday=wd, direction=direction))
    if form == "recurring":
        return _tx(mt, "recurring", lo=DayRef(weekday=lx.weekdays[g("wd").lower()]))
    if form == "relday":
        return _tx(mt, "day", lo=DayRef(offset=lx.rel_days[re.sub(r"\s+", " ", g("rel").lower())]))
    if form == "period":
        unit, offset, side = lx.periods[re.sub(r"\s+", " ", g("per").lower())]
        return _tx(
            mt, "period", unit=unit, offset=offset, earlier=side == "earlier", later=side == "later"
        )
    if form == "recent":  # "in recent days": a vague stretch just before the anchor
        amount, _ = _count("few", g("unit"))
        return _tx(mt, "past_n", amount=amount, unit=g("unit").lower().rstrip("s"), coarse=True)
    if form in ("past_n", "ago"):
        amount, coarse = _count(g("n"), g("unit"))
        if form == "ago":
            unit = g("unit").lower().rstrip("s")
            if amount is None:
                return None
            return _tx(mt, "day", lo=DayRef(offset=-amount), unit=unit)
        return _tx(mt, "past_n", amount=amount, unit=g("unit").lower().rstrip("s"), coarse=coarse)
    if form == "future_span":
        q = re.sub(r"\s+", " ", g("q").lower())
        amount = None
        if q[0].isdigit() or q in lx.numbers:
            amount, _ = _count(q, g("unit"))
        # "the coming days" look ahead whatever the tense; "several days" only in a future clause
        ahead = q in ("coming", "next", "next few", "upcoming")
        return _tx(
            mt, "future_span", amount=amount, unit=g("unit").lower().rstrip("s"), later=ahead
        )
    if form == "ordinal":
        d = _int_day(g("d"))
        return _tx(mt, "day", lo=DayRef(day=d)) if d else None
    if form == "anaphor":
        if g("ana2") and re.match(r"\s+[A-Za-z]", text[mt.end() :]):
            return None  # "the day after they attacked the town": relative to an undated event
        if g("after_n"):  # "a week later", "two days later": counted from the last day named
            unit = g("after_unit").lower().rstrip("s")
            amount, _ = _count(g("after_n"), unit)
            return _tx(mt, "anaphor", lo=DayRef(offset=amount), unit=unit)
        word = (g("ana") or g("ana2") or g("ana3") or "").lower()
        offset = {"previous": -1, "before": -1, "following": 1, "next": 1, "after": 1}.get(word, 0)
        return _tx(mt, "anaphor", lo=DayRef(offset=offset))
    if form == "part":
        return _tx(mt, "part", lo=DayRef(part_only=True))
    return None


def _count(n: str | None, unit: str) -> tuple[int | None, bool]:
    """Days covered by "N units" ("10 days" 10, "two weeks" 14); vague counts span a week."""
    per = lexicon().units.get(unit.lower(), 1)
    if n is None:
        return max(per, 1), False
    n = re.sub(r"\s+", " ", n.lower())
    if n.isdecimal():  # not isdigit(): "²" is a digit int() cannot read
        k = int(n)
    elif n in lexicon().numbers:
        k = lexicon().numbers[n]
    else:  # "few", "several", "couple of": up to about a week of days, a month of weeks
        return (7 if per <= 1 else per * 4), True
    if per == 0:  # hours: the past 24 hours reach back into the previous day
        return max(1, -(-k // 24)), False
    return k * per, False


def _valid(ref: DayRef) -> bool:
    try:
        date(ref.year or 2000, ref.month or 1, ref.day or 1)
    except (ValueError, TypeError):
        return False
    return True


_CONNECTOR = re.compile(r"^\s*(?:[-–—]|to|and|until|till|through)\s*$", re.I)
_RANGE_OPENER = re.compile(r"\b(?:from|between)\s+$", re.I)
_SINCE = re.compile(r"\b(?:since|ever since)\s+(?:(?:the|early|late|mid)[\s-]+)?$", re.I)
# "since the infighting began on September 9": a stretch counted from the day a clause names.
_SINCE_BEGAN = re.compile(
    r"\b(?:since|ever\s+since)\s+(?:[\w'’-]+\s+){1,6}?(?:began|started|erupted|broke\s+out"
    r"|flared(?:\s+up)?|was\s+launched|were\s+launched)\s+(?:on|in)\s+(?:the\s+)?$",
    re.I,
)


def _combine(found: list[Timex], text: str) -> Iterator[Timex]:
    """Join "from A until B" / "between A and B" into ranges and "since A" into periods."""
    i = 0
    while i < len(found):
        tx = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        before = text[max(0, tx.start - 20) : tx.start]
        if (
            nxt is not None
            and tx.form in ("day", "part", "month")
            and nxt.form in ("day", "month")
            and _CONNECTOR.match(text[tx.end : nxt.start])
            and (_RANGE_OPENER.search(before) or text[tx.end : nxt.start].strip().lower() != "and")
        ):
            opener = _RANGE_OPENER.search(before)
            start = tx.start - (len(before) - opener.start()) if opener else tx.start
            lo = tx.lo
            if lo is not None and lo.part_only and nxt.lo is not None:
                lo = nxt.lo  # "from the early hours until Saturday evening": the same Saturday
            yield Timex(start, nxt.end, text[start : nxt.end], "range", lo=lo, hi=nxt.lo)
            i += 2
            continue
        if (
            nxt is not None
            and tx.form == "day"
            and nxt.form == "range"
            and re.fullmatch(r"\s*\(\s*(?:(?:from|between)\s+)?", text[tx.end : nxt.start], re.I)
        ):
            # "Around 9 June 2021 (from 26 May-9 June)": ACLED codes the stated day, with the
            # precision the bracketed range allows (2 within a week, else 3).
            end = nxt.end + 1 if text[nxt.end : nxt.end + 1] == ")" else nxt.end
            yield Timex(
                tx.start,
                end,
                text[tx.start : end],
                "range",
                nxt.lo,
                nxt.hi,
                approx=True,
                stated=tx.lo,
            )
            i += 2
            continue
        began = _SINCE_BEGAN.search(text, max(0, tx.start - 90), tx.start)
        # only where the date closes the clause: in "since the war broke out on 7 October and
        # groups threatened …" what follows is told of its own
        closed = re.match(r"\s*(?:[.,;:)]|$)", text[tx.end : tx.end + 3]) is not None
        if tx.form in ("day", "month") and began is not None and closed:
            yield replace(tx, start=began.start(), text=text[began.start() : tx.end], form="since")
            i += 1
            continue
        if tx.form in ("day", "month", "year") and _SINCE.search(before):
            since = _SINCE.search(before)
            assert since is not None
            start = tx.start - (len(before) - since.start())
            yield replace(tx, start=start, text=text[start : tx.end], form="since")
            i += 1
            continue
        yield tx
        i += 1


@cache
def _approx_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Hedging cues before ("Around", "As reported on") and inside a following parenthesis."""
    table = cues()
    before = "|".join(re.escape(c) for c in table.get("approx_before", ()))
    after = "|".join(re.escape(c) for c in table.get("approx_after", ()))
    return (
        re.compile(rf"(?:^|\W)(?:{before})(?: on| the)?$"),
        re.compile(rf"^\s*(?:\(\s*(?:{after})|,?\s*(?:or around|or so)\b)"),
    )


def _mark_approx(tx: Timex, text: str) -> Timex:
    """Precision 2 for a hedged day: "Around 4 May", "As reported on 2 May", "(midweek)"."""
    if tx.form != "day" or tx.lo is None or tx.lo.day is None:
        return tx
    before_cue, after_cue = _approx_cues()
    before = re.sub(r"\s+", " ", text[max(0, tx.start - 24) : tx.start].lower()).rstrip()
    after = text[tx.end : tx.end + 24].lower()
    if before_cue.search(before) or after_cue.match(after):
        return replace(tx, approx=True)
    return tx


# ---------------------------------------------------------------- resolving to calendar days


def resolve(tx: Timex, anchor: date | None, tense: str | None = None) -> DateSpan:
    """The days `tx` names, read against `anchor` (publication or statement date) and tense."""
    direction = tense if tense in (PAST, FUTURE) else PAST
    if tx.form == "day" and tx.lo is not None:
        day = resolve_day(tx.lo, anchor, direction)
        precision: int | None = 1
        if tx.unit == "week":
            precision = 2
        elif tx.unit == "month":
            precision = 3
        elif tx.unit == "year":
            precision = None
        if tx.approx and precision is not None:
            precision = max(precision, 2)
        return DateSpan(day, day, precision if day else None, tx.text, tx.is_relative)
    if tx.form == "anaphor":
        day = anchor + timedelta(days=tx.lo.offset or 0) if anchor and tx.lo else None
        precision = 2 if tx.unit == "week" else 1  # "a week later": about that day
        return DateSpan(day, day, precision if day else None, tx.text, True)
    if tx.form == "month" and tx.lo is not None:
        first, last = month_bounds(tx.lo, anchor, direction)
        return DateSpan(first, last, 3 if first else None, tx.text, tx.is_relative)
    if tx.form == "range" and tx.lo is not None and tx.hi is not None:
        hi = _resolve_end(tx.hi, anchor, direction)
        lo_ref = tx.lo
        if lo_ref.year is None and tx.hi.year is not None and lo_ref.month is not None:
            lo_ref = replace(lo_ref, year=tx.hi.year)
        lo = _resolve_start(lo_ref, anchor if hi is None else min(anchor or hi, hi), PAST)
        if lo is not None and hi is not None and lo > hi:
            if lo_ref.month and lo_ref.year is None and tx.hi.month:  # "28 December - 3 January"
                lo = lo.replace(year=lo.year - 1)
            elif lo_ref.weekday is not None:
                lo -= timedelta(days=7)
        precision = 3 if tx.lo.month_part or (tx.lo.day is None and tx.lo.month) else 1
        if tx.stated is not None and lo is not None and hi is not None:
            day = resolve_day(tx.stated, anchor, direction)
            precision = 2 if (hi - lo).days < 7 else 3
            if day is not None:
                return DateSpan(day, max(day, hi), precision, tx.text, tx.is_relative)
        return DateSpan(lo, hi, precision if lo else None, tx.text, tx.is_relative)
    if tx.form == "year" and tx.lo is not None and tx.lo.year is not None:
        return DateSpan(date(tx.lo.year, 1, 1), date(tx.lo.year, 12, 31), None, tx.text, False)
    if tx.form == "since" and tx.lo is not None:
        # A period up to the anchor; a stated start after the anchor (a wrong publication date)
        # makes it end where it starts, never before.
        if tx.lo.year is not None and tx.lo.month is None:
            first = date(tx.lo.year, 1, 1)
            return DateSpan(first, _not_before(anchor, first), None, tx.text, True)
        if tx.lo.month is not None and tx.lo.day is None and tx.lo.offset is None:
            first, _ = month_bounds(tx.lo, anchor, PAST)
            return DateSpan(first, _not_before(anchor, first), 3 if first else None, tx.text, True)
        start = resolve_day(tx.lo, anchor, PAST)
        end = _not_before(anchor, start) if start else None
        return DateSpan(start, end, 1 if start else None, tx.text, True)
    if tx.form == "past_n":
        if anchor is None:
            return DateSpan(None, None, None, tx.text, True)
        amount = tx.amount or 1
        precision = 1 if amount < 7 and not tx.coarse else 2 if amount < 28 else 3
        return DateSpan(anchor - timedelta(days=amount), anchor, precision, tx.text, True)
    if tx.form == "period":
        return _period(tx, anchor)
    if tx.form == "future_span":
        if anchor is None:
            return DateSpan(None, None, None, tx.text, True)
        end = anchor + timedelta(days=tx.amount - 1) if tx.amount else None
        return DateSpan(anchor, end, 2, tx.text, True)
    return DateSpan(None, None, None, tx.text, True)  # recurring: no single day


def _not_before(day: date | None, start: date | None) -> date | None:
    return max(day, start) if day is not None and start is not None else day


def resolve_day(ref: DayRef, anchor: date | None, direction: str = PAST) -> date | None:
    """The calendar day of `ref`: explicit, or the nearest fitting day before/after the anchor."""
    direction = ref.direction or direction
    if ref.offset is not None:
        return anchor + timedelta(days=ref.offset) if anchor else None
    if ref.year and ref.month and ref.day:
        return _safe_date(ref.year, ref.month, ref.day)
    if anchor is None:
        return None
    if ref.weekday is not None and ref.month is None:
        back, ahead = (anchor.weekday() - ref.weekday) % 7, (ref.weekday - anchor.weekday()) % 7
        if ref.direction == PAST:  # "last Friday" on a Friday is a week ago
            back = back or 7
        if ref.direction == FUTURE:
            ahead = ahead or 7
        return anchor - timedelta(days=back) if direction == PAST else anchor + timedelta(ahead)
    if ref.month and ref.day:  # no year: the one on the tense's side of the anchor
        day = _safe_date(ref.year or anchor.year, ref.month, ref.day)
        if day is None or ref.year:
            return day
        # A day or two ahead is a time-zone or dateline slip, not last year's date.
        if direction == PAST and day > anchor + timedelta(days=1):
            return _safe_date(anchor.year - 1, ref.month, ref.day)
        if direction == FUTURE and day < anchor:
            return _safe_date(anchor.year + 1, ref.month, ref.day)
        return day
    if ref.day:  # "on the 8th": this month's or the adjacent month's
        day = _safe_date(anchor.year, anchor.month, ref.day)
        if direction == PAST and (day is None or day > anchor):
            prev = anchor.replace(day=1) - timedelta(days=1)
            return _safe_date(prev.year, prev.month, ref.day)
        if direction == FUTURE and (day is None or day < anchor):
            nxt = anchor.replace(day=28) + timedelta(days=4)
            return _safe_date(nxt.year, nxt.month, ref.day)
        return day
    return None


def month_bounds(
    ref: DayRef, anchor: date | None, direction: str = PAST
) -> tuple[date | None, date | None]:
    """First and last day of the month (or month part) `ref` names; the year from the anchor."""
    if ref.month is None:
        return None, None
    year = ref.year
    direction = ref.direction or direction
    if year is None:
        if anchor is None:
            return None, None
        year = anchor.year
        if direction == PAST and ref.month > anchor.month:
            year -= 1
        elif direction == FUTURE and ref.month < anchor.month:
            year += 1
        elif ref.direction == PAST and ref.month == anchor.month:  # "last December" in December
            year -= 1
    last_day = calendar.monthrange(year, ref.month)[1]
    lo, hi = ref.month_part or (1, last_day)
    return date(year, ref.month, lo), date(year, ref.month, min(hi, last_day))


def _resolve_start(ref: DayRef, anchor: date | None, direction: str) -> date | None:
    if ref.day is None and ref.month is not None:
        return month_bounds(ref, anchor, direction)[0]
    return resolve_day(ref, anchor, direction)


def _resolve_end(ref: DayRef, anchor: date | None, direction: str) -> date | None:
    if ref.day is None and ref.month is not None:
        return month_bounds(ref, anchor, direction)[1]
    return resolve_day(ref, anchor, direction)


def _period(tx: Timex, anchor: date | None) -> DateSpan:
    """Calendar weeks, weekends, months and years relative to the anchor ("last week")."""
    if anchor is None:
        return DateSpan(None, None, None, tx.text, True)
    if tx.unit in ("week", "weekend"):
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=tx.offset)
        lo, hi = monday, monday + timedelta(days=6)
        if tx.unit == "weekend":
            lo = monday + timedelta(days=5)
            if tx.offset == 0 and anchor.weekday() < 5:  # "this weekend" on a weekday: the past one
                lo -= timedelta(days=7)
            hi = lo + timedelta(days=1)
        precision = 2
    elif tx.unit == "month":
        first = anchor.replace(day=1)
        for _ in range(abs(tx.offset)):
            first = (
                (first - timedelta(days=1)).replace(day=1)
                if tx.offset < 0
                else (first + timedelta(days=32)).replace(day=1)
            )
        lo = first
        hi = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        precision = 3
    else:
        lo, hi = date(anchor.year + tx.offset, 1, 1), date(anchor.year + tx.offset, 12, 31)
        precision = None
    if tx.later:
        lo = min(anchor + timedelta(days=1), hi)
    elif tx.offset == 0 and hi > anchor:
        hi = anchor
    if tx.earlier and anchor > lo:
        hi = anchor - timedelta(days=1)
    return DateSpan(lo, hi, precision, tx.text, True)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
