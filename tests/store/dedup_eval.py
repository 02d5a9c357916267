"""Precision and recall of cross-document merging on the labelled set in tests/data/dedup/.

Two measurements:
- **rules**: each report's hand-coded events (gold.jsonl) go through the store; two events from
  different reports should share a canonical event exactly when they have the same incident label.
  This measures `same_happening` and the store's merging, independent of the extractors.
- **pipeline**: the reports' texts are coded by the pipeline and ingested; two reports should share
  at least one canonical event exactly when their gold events share an incident. This depends on
  every extractor (type, date, place, actors) and is expected to move as they improve.

Run: `.venv/bin/python tests/store/dedup_eval.py [--pipeline]`.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data" / "dedup"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_factories import make_event, span  # noqa: E402

from sitrep.records import Document, RawDocument  # noqa: E402
from sitrep.store import Store  # noqa: E402


@dataclass(frozen=True)
class Scores:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        merged = self.true_positives + self.false_positives
        return self.true_positives / merged if merged else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 1.0

    def __str__(self) -> str:
        return (
            f"precision {self.precision:.2f}, recall {self.recall:.2f} "
            f"(pairs: {self.true_positives} right, {self.false_positives} wrongly merged, "
            f"{self.false_negatives} missed)"
        )


def reports() -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / "reports.jsonl").open(encoding="utf-8")]


def gold() -> dict[str, list[dict[str, Any]]]:
    rows = (json.loads(line) for line in (DATA / "gold.jsonl").open(encoding="utf-8"))
    return {row["id"]: row["events"] for row in rows}


def score(predicted: set[frozenset[str]], expected: set[frozenset[str]]) -> Scores:
    return Scores(len(predicted & expected), len(predicted - expected), len(expected - predicted))


def gold_documents() -> list[Document]:
    """Each report with its hand-coded events (evidence: the report's first sentence)."""
    labels = gold()
    documents = []
    for report in reports():
        text = report["text"]
        doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
        first = text.split(". ")[0]
        events = tuple(
            make_event(
                event_id=f"{report['id']}#{i}",
                date_start=None,
                date_end=None,
                evidence=(span(text, first),),
                outlet=report["outlet"],
                **{k: v for k, v in coded.items() if k != "incident"},
            )
            for i, coded in enumerate(labels[report["id"]])
        )
        documents.append(
            Document(
                doc_id=doc_id,
                text=text,
                input_id=report["id"],
                title=report["title"],
                published=date.fromisoformat(report["published"]),
                outlet=report["outlet"],
                events=events,
                knowledge_version="gold",
            )
        )
    return documents


def rule_scores(db: str) -> Scores:
    """Merging of the hand-coded events through the store: pairs of event reports."""
    incident = {
        f"{rid}#{i}": e["incident"] for rid, events in gold().items() for i, e in enumerate(events)
    }
    with Store(db) as store:
        for document in gold_documents():
            store.add(document)
        predicted = set()
        for event in store.iter_events():
            ids = [d["doc_event_id"] for d in event["documents"]]
            predicted |= {frozenset(p) for p in itertools.combinations(ids, 2)}
    expected = {
        frozenset((a, b))
        for a, b in itertools.combinations(incident, 2)
        if incident[a] == incident[b] and a.split("#")[0] != b.split("#")[0]
    }
    return score(predicted, expected)


def pipeline_scores(db: str) -> tuple[Scores, int]:
    """Merging after real coding: pairs of reports that share a canonical event."""
    from sitrep.ingest.readers import read_string
    from sitrep.pipeline import default_pipeline

    incidents = {rid: {e["incident"] for e in events} for rid, events in gold().items()}
    pipeline = default_pipeline()
    with Store(db) as store:
        for report in reports():
            raw: RawDocument = read_string(
                report["text"],
                published=report["published"],
                outlet=report["outlet"],
                title=report["title"],
                input_id=report["id"],
            )
            store.add(pipeline(raw))
        predicted = set()
        for event in store.iter_events():
            ids = sorted({d["input_id"] for d in event["documents"]})
            predicted |= {frozenset(p) for p in itertools.combinations(ids, 2)}
        n_events = store.counts()["events"]
    expected = {
        frozenset((a, b))
        for a, b in itertools.combinations(incidents, 2)
        if incidents[a] & incidents[b]
    }
    return score(predicted, expected), n_events


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        print(f"rules on hand-coded events: {rule_scores(str(Path(tmp) / 'rules.db'))}")
        if "--pipeline" in sys.argv:
            scores, n_events = pipeline_scores(str(Path(tmp) / "pipeline.db"))
            print(f"pipeline on report texts:   {scores}; {n_events} canonical events")


if __name__ == "__main__":
    main()
