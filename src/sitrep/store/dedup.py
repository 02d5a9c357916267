"""Cross-document deduplication: when two documents' events are reports of the same happening.

`same_happening(a, b)` decides for two coded events (an `Event`, its `to_dict()`, or the store's
equivalent dict). All of these must hold:

1. **Kind.** The same ACLED `event_type` and `sub_event_type`; for events ACLED would not code
   (`event_type` null) the same PLOVER category instead. Nothing matches an event of unknown kind.
2. **Modality.** Both in the same group of `MODALITY_GROUPS`: a report that an attack happened, a
   claim of it and a denial of it are about one happening; a threat and a plan are another; a
   feared, hypothetical, simulated or negated happening only matches its own kind.
3. **Actors.** Each side compatible: the same canonical name (case-insensitive) or unknown on one
   side ("Unidentified …" actors count as unknown). For `SYMMETRIC_EVENT_TYPES` (battles,
   riots…) the pair may also be swapped, because which side is "actor 1" is a coder's choice.
4. **Place.** Same country, and then by the coarser of the two geo precisions:
   precision 1 (the site or town) → within `MAX_DISTANCE_KM` of each other (or the same location
   name when coordinates are missing); precision 2 (near a town / a district) → within
   `MAX_DISTANCE_KM` or in the same admin2; precision 3 (a province, or only the country) → the
   same admin1 when both reports name one. A report that places the happening only in a country
   is compatible with any place in that country, as an unknown actor is with any actor.
   A report without any place, not even a country, never matches.
5. **Date.** The date spans (`date_start`…`date_end`, else `event_date`) overlap once widened by
   `DATE_TOLERANCE_DAYS[p]` for the coarser time precision p of the two: the same day when both
   know the day, within a week when one only knows the week, within a month for a month.
   A report without a date never matches.
6. **An anchor, when the place is only a country.** A country says little about where, so such a
   pair must also share something specific (`shares_anchor`): an actor both reports name, or the
   same words in their evidence (the same wire story reprinted). Two reports of "an attack on
   civilians in Syria in March" by unnamed attackers are not taken for one happening.

Fatalities and injuries are not compared: outlets report different, growing tolls of one attack.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

# Precision 1 in ACLED is a town or site; 25 km covers a town and its outskirts, the distance at
# which different outlets' geocodings of one strike ("Deir ez-Zor", "outskirts of Deir ez-Zor",
# "the al-Omar field east of the city") still agree.
MAX_DISTANCE_KM = 25.0

# Days of slack on each side of the date span, by the coarser time precision of the two events
# (ACLED: 1 = the day is known, 2 = within a week, 3 = within a month).
DATE_TOLERANCE_DAYS: dict[int, int] = {1: 0, 2: 7, 3: 31}
# How far around an event's dates the store looks for possible duplicates (the widest tolerance).
CANDIDATE_WINDOW_DAYS = max(DATE_TOLERANCE_DAYS.values())
# Events whose time precision is missing are treated as if only the week were known.
DEFAULT_TIME_PRECISION = 2

# Modalities that can describe the same happening.
MODALITY_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"occurred", "claimed", "denied"}),
    frozenset({"planned", "threatened"}),
    frozenset({"feared"}),
    frozenset({"hypothetical"}),
    frozenset({"simulated"}),
    frozenset({"negated"}),
)

# Event types where neither side is the initiator by nature, so reports may order actors either way.
SYMMETRIC_EVENT_TYPES = frozenset({"Battles", "Riots"})

# Actor names that say nobody knows who it was.
UNKNOWN_ACTOR_PREFIXES = ("unidentified", "unknown")

EARTH_RADIUS_KM = 6371.0088


def same_happening(a: Any, b: Any) -> bool:
    """Whether events `a` and `b` (from different documents) report the same happening."""
    ea, eb = _as_mapping(a), _as_mapping(b)
    return (
        same_kind(ea, eb)
        and compatible_modality(ea.get("modality"), eb.get("modality"))
        and compatible_actors(ea, eb)
        and near_enough(ea, eb)
        and close_in_time(ea, eb)
        and (not (_country_only(ea) or _country_only(eb)) or shares_anchor(ea, eb))
    )


def shares_anchor(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two reports share something specific: an actor both name (in any role), or an
    evidence span worded the same way (whitespace and case aside)."""
    named_a = {_known(a.get(k)) for k in ("actor1", "actor2")} - {None}
    named_b = {_known(b.get(k)) for k in ("actor1", "actor2")} - {None}
    if named_a & named_b:
        return True
    return bool(_evidence_words(a) & _evidence_words(b))


def _evidence_words(e: Mapping[str, Any]) -> set[str]:
    spans = e.get("evidence") or ()
    texts = (s.get("text") if isinstance(s, Mapping) else getattr(s, "text", None) for s in spans)
    return {" ".join(t.casefold().split()) for t in texts if t and t.strip()}


def _country_only(e: Mapping[str, Any]) -> bool:
    """A report that names no place below the country (no admin area, no coordinates of a place
    more precise than a province)."""
    return not any(e.get(k) for k in ("admin1", "admin2", "admin3")) and (
        (e.get("geo_precision") or 3) >= 3
    )


def same_kind(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Same ACLED type and sub-type, or for uncodable events the same PLOVER category."""
    if a.get("event_type") or b.get("event_type"):
        return a.get("event_type") == b.get("event_type") and a.get("sub_event_type") == b.get(
            "sub_event_type"
        )
    return bool(a.get("plover")) and a.get("plover") == b.get("plover")


def compatible_modality(a: str | None, b: str | None) -> bool:
    """Whether two modalities can describe one happening (see `MODALITY_GROUPS`)."""
    a, b = a or "occurred", b or "occurred"
    return any(a in group and b in group for group in MODALITY_GROUPS)


def _known(name: str | None) -> str | None:
    """The actor's comparable name, or None when the report does not know who it was."""
    if not name or not name.strip():
        return None
    folded = name.strip().casefold()
    if folded.startswith(UNKNOWN_ACTOR_PREFIXES):
        return None
    return folded


def _actor_match(x: str | None, y: str | None) -> bool:
    kx, ky = _known(x), _known(y)
    return kx is None or ky is None or kx == ky


def compatible_actors(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Each actor the same or unknown on one side (either order for symmetric event types)."""
    straight = _actor_match(a.get("actor1"), b.get("actor1")) and _actor_match(
        a.get("actor2"), b.get("actor2")
    )
    if straight:
        return True
    if a.get("event_type") in SYMMETRIC_EVENT_TYPES:
        return _actor_match(a.get("actor1"), b.get("actor2")) and _actor_match(
            a.get("actor2"), b.get("actor1")
        )
    return False


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _same_name(x: str | None, y: str | None) -> bool:
    return bool(x) and bool(y) and str(x).casefold() == str(y).casefold()


def _has_coordinates(e: Mapping[str, Any]) -> bool:
    return e.get("latitude") is not None and e.get("longitude") is not None


def _has_place(e: Mapping[str, Any]) -> bool:
    return _has_coordinates(e) or any(
        e.get(k) for k in ("country", "iso3", "admin1", "admin2", "location")
    )


def near_enough(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Same country, then within distance / same admin2 / same admin1 by the coarser precision."""
    if not _has_place(a) or not _has_place(b):
        return False
    if not _same_country(a, b):
        return False
    precision = max(a.get("geo_precision") or 3, b.get("geo_precision") or 3)
    close = (
        _has_coordinates(a)
        and _has_coordinates(b)
        and distance_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])
        <= MAX_DISTANCE_KM
    )
    if precision <= 1:
        if _has_coordinates(a) and _has_coordinates(b):
            return close
        return _same_name(a.get("location"), b.get("location"))
    if precision == 2:
        return (
            close
            or _same_name(a.get("admin2"), b.get("admin2"))
            or (_same_name(a.get("location"), b.get("location")))
        )
    # A province-level report's coordinates are the province's centroid: only the name counts.
    # A report that knows only the country is compatible with any province of it (`shares_anchor`
    # then asks for something specific in common).
    if not a.get("admin1") or not b.get("admin1"):
        return True
    return _same_name(a.get("admin1"), b.get("admin1"))


def _same_country(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """ISO codes equal when both have one, else names equal when both have one, else unknown: ok."""
    if a.get("iso3") and b.get("iso3"):
        return _same_name(a.get("iso3"), b.get("iso3"))
    if a.get("country") and b.get("country"):
        return _same_name(a.get("country"), b.get("country"))
    return True


def _span(e: Mapping[str, Any]) -> tuple[date, date] | None:
    start = _as_date(e.get("date_start") or e.get("event_date"))
    end = _as_date(e.get("date_end") or e.get("event_date")) or start
    if start is None or end is None:
        return None
    return (start, end) if start <= end else (end, start)


def close_in_time(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Date spans overlap once widened by the tolerance of the coarser time precision."""
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return False
    precision = max(
        a.get("time_precision") or DEFAULT_TIME_PRECISION,
        b.get("time_precision") or DEFAULT_TIME_PRECISION,
    )
    slack = timedelta(days=DATE_TOLERANCE_DAYS.get(precision, max(DATE_TOLERANCE_DAYS.values())))
    return sa[0] - slack <= sb[1] and sb[0] - slack <= sa[1]


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _as_mapping(event: Any) -> Mapping[str, Any]:
    if isinstance(event, Mapping):
        return event
    to_dict = getattr(event, "to_dict", None)
    if callable(to_dict):
        return to_dict()  # type: ignore[no-any-return]
    raise TypeError(f"expected an Event or a mapping, got {type(event).__name__}")


# --- the canonical event of several reports ------------------------------------------------------

PLACE_FIELDS = (
    "country",
    "iso3",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "location_text",
    "latitude",
    "longitude",
    "geo_precision",
)
TIME_FIELDS = ("event_date", "date_start", "date_end", "time_precision")
ACTOR_FIELDS = {
    "actor1": ("actor1", "assoc_actor_1", "actor1_text", "inter1"),
    "actor2": ("actor2", "assoc_actor_2", "actor2_text", "inter2"),
}
# Modalities in order of preference for the merged event: what one report says happened, happened.
MODALITY_PREFERENCE = ("occurred", "claimed", "denied")


def combine_reports(records: list[Mapping[str, Any]]) -> dict[str, Any]:
    """The canonical event of several reports of one happening (dicts like `Event.to_dict()`).

    Starts from the earliest report and takes: the place of the most precisely located report,
    the date of the most precisely dated one, an actor any report names where the earliest does
    not, ACLED's most conservative (lowest) fatality and injury figures, the firmest modality
    (occurred > claimed > denied), the highest confidence and every loaded term.
    """
    if not records:
        raise ValueError("no reports to combine")
    merged = dict(records[0])
    if len(records) == 1:
        return merged
    located = [r for r in records if _has_place(r)]
    if located:
        best = min(located, key=lambda r: r.get("geo_precision") or 4)
        merged.update({k: best.get(k) for k in PLACE_FIELDS})
    dated = [r for r in records if r.get("event_date") or r.get("date_start")]
    if dated:
        best = min(dated, key=lambda r: r.get("time_precision") or 4)
        merged.update({k: best.get(k) for k in TIME_FIELDS})
    for role, fields in ACTOR_FIELDS.items():
        if _known(merged.get(role)) is None:
            named = next((r for r in records if _known(r.get(role)) is not None), None)
            if named is not None:
                merged.update({k: named.get(k) for k in fields})
    for count in ("fatalities", "injuries"):
        qualifier = f"{count}_qualifier"
        reported = [r for r in records if r.get(count) is not None]
        if reported:
            lowest = min(reported, key=lambda r: r[count])
            merged[count], merged[qualifier] = lowest[count], lowest.get(qualifier)
    modalities = {r.get("modality") for r in records}
    merged["modality"] = next(
        (m for m in MODALITY_PREFERENCE if m in modalities), merged.get("modality")
    )
    merged["confidence"] = max(r.get("confidence") or 0.0 for r in records)
    merged["loaded_terms"] = list(
        dict.fromkeys(t for r in records for t in (r.get("loaded_terms") or []))
    )
    merged["interaction"] = _interaction(merged.get("inter1"), merged.get("inter2"))
    return merged


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    # The extractors' own rule, imported late so that this module loads without them.
    from sitrep.extract.assembly.document import interaction_code

    return interaction_code(inter1, inter2)
