"""The corpus articles against their hand-coded golden files: matching, field agreement, spans.

A golden file (`tests/golden/<article stem>.json`) codes the events of one article of
../shared/corpus by hand: `events` (required), `optional` (defensible either way) and
`not_events` (statements that are no happening). Each holds its evidence as character offsets into
sitrep's normalised text, never the text itself, with `evidence_check` ("<words>:<hash>") so that a
change of the normalised text is noticed and the offsets can be re-anchored
(`pytest tests/golden --update-golden`).

A predicted ACLED-codable event matches a golden event when their evidence overlaps and the event
type agrees; on matched events every field the golden file codes (a non-null value) is compared.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent / "golden"
# Fields a golden event codes beyond its type and evidence, compared on matched events.
CODED_FIELDS = ("sub_event_type", "actor1", "admin1", "location", "event_date", "fatalities")
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?\"'\u201d)\]]*")
_OPENERS = "\"'\u201c(["


def cases() -> list[Path]:
    return sorted(GOLDEN.glob("*.json"))


def span_check(text: str) -> str:
    """The words of a span (count and hash): stable under spacing, changed by any word."""
    words = [w.lower() for w in _WORD.findall(text)]
    return f"{len(words)}:{hashlib.sha256(' '.join(words).encode()).hexdigest()[:16]}"


def spans(golden: dict[str, Any]) -> list[dict[str, Any]]:
    """Every evidence-bearing entry of a golden file."""
    return [*golden["events"], *golden["optional"], *golden["not_events"]]


def reanchor(text: str, check: str) -> tuple[int, int] | None:
    """Offsets of the words `check` describes in `text` (first occurrence), or None."""
    count = int(check.split(":")[0])
    words = list(_WORD.finditer(text))
    for i in range(len(words) - count + 1):
        start, last = words[i], words[i + count - 1]
        if span_check(text[start.start() : last.end()]) == check:
            begin = start.start()
            while begin > 0 and text[begin - 1] in _OPENERS:
                begin -= 1  # an opening quote or bracket belongs to the sentence
            end = last.end() + len(_SENTENCE_END.match(text, last.end()).group())  # type: ignore[union-attr]
            return begin, end
    return None


def canonical(golden: dict[str, Any]) -> str:
    """A golden file as written: sorted keys, entries in text order."""
    for key in ("events", "optional", "not_events"):
        golden[key] = sorted(golden[key], key=lambda e: tuple(e["evidence"]))
    return json.dumps(golden, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _overlaps(evidence: list[dict[str, Any]], span: list[int]) -> bool:
    start, end = span
    return any(e["start"] < end and start < e["end"] for e in evidence)


def _same(name: str, gold: Any, predicted: Any) -> bool:
    from sitrep.evaluate.score import same_value

    return same_value(name, gold, predicted)


@dataclass
class ArticleScore:
    """Counts for one article; `Corpus` adds them up."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    false_positives: list[str] = field(default_factory=list)
    coded: dict[str, int] = field(default_factory=dict)  # field → matched events coding it
    agreed: dict[str, int] = field(default_factory=dict)  # field → … on which sitrep agrees
    disagreements: list[dict[str, Any]] = field(default_factory=list)


def score_article(events: list[dict[str, Any]], golden: dict[str, Any]) -> ArticleScore:
    """Score one article's predicted events (`Event.to_dict()` records) against its golden file."""
    codable = [e for e in events if e.get("acled_codable")]
    score = ArticleScore(gold=len(golden["events"]), predicted=len(codable))
    used: set[int] = set()
    for gold in golden["events"]:
        hit = next(
            (
                i
                for i, e in enumerate(codable)
                if i not in used
                and e.get("event_type") == gold["event_type"]
                and _overlaps(e["evidence"], gold["evidence"])
            ),
            None,
        )
        if hit is None:
            continue
        used.add(hit)
        score.found += 1
        for name in CODED_FIELDS:
            if gold.get(name) is None:
                continue  # not coded: the text does not say
            score.coded[name] = score.coded.get(name, 0) + 1
            if _same(name, gold[name], codable[hit].get(name)):
                score.agreed[name] = score.agreed.get(name, 0) + 1
            else:
                score.disagreements.append(
                    {"field": name, "gold": gold[name], "sitrep": codable[hit].get(name)}
                )
    for i, e in enumerate(codable):
        if i in used:
            continue
        if not any(
            _overlaps(e["evidence"], g["evidence"]) and e.get("event_type") == g["event_type"]
            for g in golden["events"] + golden["optional"]
        ):
            score.false_positives.append(f"{e.get('event_type')} / {e.get('sub_event_type')}")
    return score


def non_events_coded(events: list[dict[str, Any]], golden: dict[str, Any]) -> list[str]:
    """Occurred codable events whose evidence lies only on statements of no happening."""
    return [
        f"{e.get('event_type')} / {e.get('sub_event_type')} ({e.get('notes')})"
        for e in events
        if e.get("acled_codable")
        and e.get("modality") == "occurred"
        and any(_overlaps(e["evidence"], s["evidence"]) for s in golden["not_events"])
        and not any(
            _overlaps(e["evidence"], g["evidence"]) for g in golden["events"] + golden["optional"]
        )
    ]


@dataclass
class Corpus:
    """Per-article scores and the corpus figures the gate bounds."""

    articles: dict[str, ArticleScore] = field(default_factory=dict)

    def totals(self) -> dict[str, tuple[int, int]]:
        """Figure name → (numerator, denominator)."""
        scores = self.articles.values()
        found = sum(s.found for s in scores)
        predicted = sum(s.predicted for s in scores)
        fps = sum(len(s.false_positives) for s in scores)
        out = {
            "recall": (found, sum(s.gold for s in scores)),
            "precision": (predicted - fps, predicted),
        }
        for name in CODED_FIELDS:
            out[name] = (
                sum(s.agreed.get(name, 0) for s in scores),
                sum(s.coded.get(name, 0) for s in scores),
            )
        return out

    def report(self) -> dict[str, Any]:
        return {
            "per_item": {
                stem: {
                    "gold": s.gold,
                    "found": s.found,
                    "predicted": s.predicted,
                    "false_positives": s.false_positives,
                    "disagreements": s.disagreements,
                }
                for stem, s in sorted(self.articles.items())
            },
            "totals": self.totals(),
        }


def code_corpus(pipeline: Any, corpus: Path) -> tuple[Corpus, dict[str, Any]]:
    """Code every article that has a golden file; (scores, {stem: (document dict, golden)})."""
    from sitrep.ingest.readers import read_paths

    result, coded = Corpus(), {}
    for case in cases():
        golden = json.loads(case.read_text(encoding="utf-8"))
        (raw,) = read_paths([str(corpus / golden["article"])])
        doc = pipeline(raw).to_dict()
        result.articles[case.stem] = score_article(doc["events"], golden)
        coded[case.stem] = (doc, golden)
    return result, coded
