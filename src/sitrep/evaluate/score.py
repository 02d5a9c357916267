"""Scoring sitrep against gold-coded notes (the `sitrep eval` instrument).

Matching rule: each gold record holds one ACLED event. Among the document's ACLED-codable
predicted events, the one agreeing best with the gold event is matched (agreement score below);
the other codable events of that record count as extra (false-positive) events. Field accuracy is
reported over all gold events ("of gold": an unmatched gold event counts as wrong) and over
matched events only. Names are compared after `normalise_name`.
"""

from __future__ import annotations

import json
import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

EXACT_FIELDS = (
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "admin2",
    "location",
    "event_date",
    "fatalities",
    "inter1",
)
NAME_FIELDS = frozenset({"actor1", "actor2", "country", "admin1", "admin2", "location"})
# ACLED's violent event types, and the gold types of notes that report no violence: a violent type
# among the events coded from such a note is the costliest error for an analyst counting violence.
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
NON_VIOLENT_TYPES = frozenset({"Protests", "Strategic developments"})
_YEARS = re.compile(r"\(\d{4}-(\d{4})?\)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def normalise_name(value: Any) -> str | None:
    """Case, accents, punctuation, spacing and ACLED's year suffixes ("(2016-)") ignored."""
    if value is None or value == "":
        return None
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _YEARS.sub(" ", text)
    return _NON_ALNUM.sub("", text) or None


def same_value(name: str, gold: Any, predicted: Any) -> bool:
    if name in NAME_FIELDS:
        return normalise_name(gold) == normalise_name(predicted)
    if name == "fatalities":
        return (gold or 0) == (predicted or 0)
    return gold == predicted


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _distance(gold: dict[str, Any], event: dict[str, Any]) -> float | None:
    if None in (
        gold.get("latitude"),
        gold.get("longitude"),
        event.get("latitude"),
        event.get("longitude"),
    ):
        return None
    return distance_km(gold["latitude"], gold["longitude"], event["latitude"], event["longitude"])


def agreement(gold: dict[str, Any], event: dict[str, Any]) -> float:
    """How well a predicted event matches the gold event (used only to pick the match)."""
    score = 3.0 * same_value("event_type", gold["event_type"], event.get("event_type"))
    score += 2.0 * same_value("sub_event_type", gold["sub_event_type"], event.get("sub_event_type"))
    for name in ("actor1", "actor2", "event_date", "admin1", "location"):
        score += same_value(name, gold.get(name), event.get(name))
    d = _distance(gold, event)
    if d is not None and d <= 50:
        score += 1.0
    return score + float(event.get("confidence") or 0) / 10


@dataclass
class Scores:
    """Counts accumulated over gold records; `summary()` turns them into rates."""

    records: int = 0
    gold_with_event: int = 0
    predicted_with_event: int = 0
    detected: int = 0  # gold has an event and sitrep found a codable one
    extra_events: int = 0
    non_occurred: int = 0  # matched events whose modality is not "occurred"
    correct: Counter[str] = field(default_factory=Counter)
    distances: list[float] = field(default_factory=list)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    sub_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    non_violent: int = 0  # gold notes of a non-violent type
    violent_on_non_violent: int = 0  # … among whose codable events one has a violent type
    misses: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(
        self, record_id: str, gold: dict[str, Any] | None, events: list[dict[str, Any]]
    ) -> None:
        self.records += 1
        codable = [e for e in events if e.get("acled_codable")]
        if codable:
            self.predicted_with_event += 1
        if not gold:
            self.extra_events += len(codable)
            return
        self.gold_with_event += 1
        if gold.get("event_type") in NON_VIOLENT_TYPES:
            self.non_violent += 1
            violent = any(e.get("event_type") in VIOLENT_TYPES for e in codable)
            self.violent_on_non_violent += violent
        match = max(codable, key=lambda e: agreement(gold, e)) if codable else None
        if match is None:
            self.confusion[(gold["event_type"], "(none)")] += 1
            self.sub_confusion[(gold["sub_event_type"], "(none)")] += 1
            self._miss("detected", record_id, gold, None)
            return
        self.detected += 1
        self.extra_events += len(codable) - 1
        self.non_occurred += match.get("modality") != "occurred"
        self.confusion[(gold["event_type"], match.get("event_type") or "(none)")] += 1
        self.sub_confusion[(gold["sub_event_type"], match.get("sub_event_type") or "(none)")] += 1
        for name in EXACT_FIELDS:
            if same_value(name, gold.get(name), match.get(name)):
                self.correct[name] += 1
            else:
                self._miss(name, record_id, gold.get(name), match.get(name))
        d = _distance(gold, match)
        if d is not None:
            self.distances.append(d)
            if d > 50:
                self._miss(
                    "distance",
                    record_id,
                    gold.get("location"),
                    f"{match.get('location')} ({d:.0f} km)",
                )

    def _miss(self, name: str, record_id: str, gold: Any, predicted: Any) -> None:
        self.misses.setdefault(name, []).append(
            {"id": record_id, "gold": gold, "predicted": predicted}
        )

    def summary(self) -> dict[str, Any]:
        n, matched = self.gold_with_event, self.detected
        rows: dict[str, dict[str, float | int | None]] = {
            "event detected": {
                "recall": _rate(self.detected, n),
                "precision": _rate(self.detected, self.predicted_with_event),
                "n": n,
            }
        }
        for name in EXACT_FIELDS:
            rows[name] = {
                "of_gold": _rate(self.correct[name], n),
                "of_matched": _rate(self.correct[name], matched),
                "n": n,
            }
        d = self.distances
        rows["distance"] = {
            "median_km": round(statistics.median(d), 1) if d else None,
            "within_10km": _rate(sum(x <= 10 for x in d), n),
            "within_50km": _rate(sum(x <= 50 for x in d), n),
            "n": len(d),
        }
        return {
            "records": self.records,
            "fields": rows,
            "extra_events_per_record": round(self.extra_events / self.records, 3)
            if self.records
            else None,
            "matched_not_occurred": _rate(self.non_occurred, matched),
            "violent_on_non_violent": {
                "rate": _rate(self.violent_on_non_violent, self.non_violent),
                "n": self.non_violent,
            },
            "event_type_confusion": [
                {"gold": g, "predicted": p, "count": c}
                for (g, p), c in sorted(self.confusion.items())
            ],
            "sub_event_type_confusion": [
                {"gold": g, "predicted": p, "count": c}
                for (g, p), c in self.sub_confusion.most_common()
                if g != p
            ],
            "misses": self.misses,
        }


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def read_gold(lines: Iterable[str]) -> Iterable[dict[str, Any]]:
    for line_no, line in enumerate(lines, start=1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"gold line {line_no}: invalid JSON ({exc.msg})") from None
