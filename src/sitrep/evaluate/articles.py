"""Scoring sitrep against hand-coded news articles (a folder of texts plus `gold.json`).

The rules are those of the article gold format (`articles/README.md` beside the data):
- only predicted events that are ACLED-codable and `occurred` or `claimed` take part;
- a required gold event is found by a predicted event with an allowed `event_type`, an
  `event_date` among the gold `dates` and a point within `radius_km` of the gold point (or, when
  the gold names no point, in the gold country); required events are matched first, and a
  predicted event matches at most one gold event;
- a predicted event matching an optional gold event counts neither way; every other one is a
  false positive (a duplicate of a found event included);
- sub-event type, fatalities and modality are scored on the found events;
- a gold tally is found when the document has a tally with its count;
- threat is right when "the document has an event with PLOVER code THREATEN" equals the gold.

Matching is a maximum bipartite matching (so the order of events cannot cost a find), preferring
for each gold event the candidates that also agree on sub-type, fatalities and modality.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.evaluate.score import distance_km, normalise_name

GOLD_FILE = "gold.json"
SCORED_MODALITIES = frozenset({"occurred", "claimed"})


def read_article_gold(folder: Path) -> dict[str, dict[str, Any]]:
    """The gold coding of an article folder, keyed by the stem of each `<stem>.txt`."""
    path = folder / GOLD_FILE
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: invalid JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(gold, dict):
        raise ValueError(f"{path}: expected an object keyed by article stem")
    missing = sorted(stem for stem in gold if not (folder / f"{stem}.txt").is_file())
    if missing:
        raise ValueError(f"{path}: no text for {', '.join(missing[:5])}")
    return gold


def is_article_folder(path: Path) -> bool:
    return path.is_dir() and (path / GOLD_FILE).is_file()


def scored_events(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The predicted events the scoring considers."""
    return [e for e in events if e.get("acled_codable") and e.get("modality") in SCORED_MODALITIES]


def finds(gold: dict[str, Any], event: dict[str, Any]) -> bool:
    """Whether a predicted event finds a gold event (type, date and place)."""
    if event.get("event_type") not in gold.get("event_type", ()):
        return False
    if event.get("event_date") not in gold.get("dates", ()):
        return False
    place = gold.get("place") or {}
    if place.get("lat") is None or place.get("lon") is None:
        return normalise_name(event.get("country")) == normalise_name(place.get("country"))
    lat, lon = event.get("latitude"), event.get("longitude")
    if lat is None or lon is None:
        return False
    return distance_km(place["lat"], place["lon"], lat, lon) <= float(place.get("radius_km") or 0)


def fatalities_in_range(gold: dict[str, Any], event: dict[str, Any]) -> bool | None:
    """None when the gold says nothing about deaths; otherwise whether the toll is in range."""
    bounds = gold.get("fatalities")
    if bounds is None:
        return None
    low, high = bounds
    return low <= (event.get("fatalities") or 0) <= high


def _detail(gold: dict[str, Any], event: dict[str, Any]) -> float:
    """Preference among candidates that find a gold event: agreement beyond the find itself."""
    score = float(event.get("sub_event_type") in gold.get("sub_event_type", ()))
    score += float(fatalities_in_range(gold, event) is not False)
    score += float(event.get("modality") in gold.get("modality", ()))
    return score


def match(golds: list[dict[str, Any]], events: list[dict[str, Any]]) -> dict[int, int]:
    """A maximum matching gold index → event index: required gold events first, then optional."""
    matched: dict[int, int] = {}
    owner: dict[int, int] = {}  # event index → gold index
    candidates = {
        g: sorted(
            (i for i, e in enumerate(events) if finds(gold, e)),
            key=lambda i, gold=gold: -_detail(gold, events[i]),  # type: ignore[misc]
        )
        for g, gold in enumerate(golds)
    }

    def augment(g: int, seen: set[int]) -> bool:
        for i in candidates[g]:
            if i in seen:
                continue
            seen.add(i)
            if i not in owner or augment(owner[i], seen):
                owner[i], matched[g] = g, i
                return True
        return False

    for g, gold in enumerate(golds):
        if gold.get("required", True):
            augment(g, set())
    taken_by_required = set(owner)  # optional gold events may not take these
    for g, gold in enumerate(golds):
        if not gold.get("required", True):
            augment(g, set(taken_by_required))
    return matched


@dataclass
class ArticleScores:
    """Counts over article items; `summary()` turns them into the reported rates."""

    items: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self,
        stem: str,
        gold: dict[str, Any],
        events: list[dict[str, Any]],
        tallies: list[dict[str, Any]],
    ) -> dict[str, Any]:
        golds = list(gold.get("events", []))
        considered = scored_events(events)
        pairs = match(golds, considered)
        found = {g: considered[i] for g, i in pairs.items() if golds[g].get("required", True)}
        optional = {i for g, i in pairs.items() if not golds[g].get("required", True)}
        used = set(pairs.values())
        false_positives = [e for i, e in enumerate(considered) if i not in used]
        tally_counts = {t.get("count") for t in tallies}
        gold_tallies = [t.get("count") for t in gold.get("tallies", [])]
        threat = any(e.get("plover") == "THREATEN" for e in events)
        fatality_checks = [
            ok for g, e in found.items() if (ok := fatalities_in_range(golds[g], e)) is not None
        ]
        item = {
            "item": stem,
            "required": sum(bool(g.get("required", True)) for g in golds),
            "found": len(found),
            "optional_matched": len(optional),
            "false_positives": len(false_positives),
            "sub_event_type_right": sum(
                e.get("sub_event_type") in golds[g].get("sub_event_type", ())
                for g, e in found.items()
            ),
            "fatalities_checked": len(fatality_checks),
            "fatalities_right": sum(fatality_checks),
            "modality_right": sum(
                e.get("modality") in golds[g].get("modality", ()) for g, e in found.items()
            ),
            "tallies": len(gold_tallies),
            "tallies_found": sum(c in tally_counts for c in gold_tallies),
            # Not part of the gold scoring, reported so that emitting a tally for every number
            # cannot pass unnoticed: predicted tallies whose count is no gold tally's.
            "tallies_predicted": len(tallies),
            "tallies_unmatched": sum(t.get("count") not in set(gold_tallies) for t in tallies),
            "threat_gold": bool(gold.get("threat")),
            "threat_predicted": threat,
            "missed": [
                g.get("key")
                for n, g in enumerate(golds)
                if g.get("required", True) and n not in found
            ],
            "false_positive_events": [_brief(e) for e in false_positives],
        }
        self.items.append(item)
        return item

    def summary(self) -> dict[str, Any]:
        def total(name: str) -> int:
            return sum(int(item[name]) for item in self.items)

        found, fps = total("found"), total("false_positives")
        return {
            "items": len(self.items),
            "fields": {
                "recall": _rate(found, total("required")),
                "precision": _rate(found, found + fps),
                "sub_event_type": _rate(total("sub_event_type_right"), found),
                "fatalities": _rate(total("fatalities_right"), total("fatalities_checked")),
                "modality": _rate(total("modality_right"), found),
                "tallies": _rate(total("tallies_found"), total("tallies")),
                "threat": _rate(
                    sum(i["threat_gold"] == i["threat_predicted"] for i in self.items),
                    len(self.items),
                ),
            },
            "counts": {
                "required": total("required"),
                "found": found,
                "false_positives": fps,
                "optional_matched": total("optional_matched"),
                "tallies": total("tallies"),
                "tallies_found": total("tallies_found"),
                "tallies_predicted": total("tallies_predicted"),
                "tallies_unmatched": total("tallies_unmatched"),
            },
            "per_item": self.items,
        }


def _brief(event: dict[str, Any]) -> str:
    """One line naming a predicted event, for the per-item report."""
    return " | ".join(
        str(event.get(k) or "-")
        for k in ("event_date", "sub_event_type", "actor1", "location", "country", "fatalities")
    )


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def evaluate_articles(
    folder: Path,
    *,
    limit: int | None = None,
    pipeline: Any = None,
    progress: Callable[[int], None] | None = None,
) -> ArticleScores:
    """Code every gold article of `folder` (its header gives the publication date) and score it."""
    from sitrep.ingest.text import read_text
    from sitrep.pipeline import Pipeline

    gold = read_article_gold(folder)
    stems = sorted(gold)[:limit]
    pipeline = pipeline or Pipeline()
    raws = [
        read_text((folder / f"{stem}.txt").read_text(encoding="utf-8"), source=f"{stem}.txt")
        for stem in stems
    ]
    scores = ArticleScores()
    for stem, doc in zip(stems, pipeline.run_many(raws), strict=True):
        record = doc.to_dict()
        scores.add(stem, gold[stem], record["events"], record["tallies"])
        if progress:
            progress(1)
    return scores
