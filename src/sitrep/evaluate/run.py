"""Running the pipeline over gold note files and scoring it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sitrep.evaluate.score import Scores, read_gold
from sitrep.ingest.text import read_text
from sitrep.pipeline import Pipeline


def evaluate(
    gold_paths: Path | Sequence[Path],
    *,
    limit: int | None = None,
    pipeline: Pipeline | None = None,
    progress: Callable[[int], None] | None = None,
) -> Scores:
    """Code every gold record's text (with its `published` date) and score it."""
    paths = [gold_paths] if isinstance(gold_paths, Path) else list(gold_paths)
    records = [
        (path, r)
        for path in paths
        for r in read_gold(path.read_text(encoding="utf-8").splitlines())
    ][:limit]
    pipeline = pipeline or Pipeline()
    raws = [
        read_text(
            r["text"],
            published=date.fromisoformat(r["published"]) if r.get("published") else None,
            input_id=r.get("id"),
            source=str(path),
        )
        for path, r in records
    ]
    scores = Scores()
    for (_, record), doc in zip(records, pipeline.run_many(raws), strict=False):
        scores.add(record.get("id", "?"), record.get("gold"), [e.to_dict() for e in doc.events])
        if progress:
            progress(1)
    return scores
