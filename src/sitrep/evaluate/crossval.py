"""K-fold cross-validation over gold notes: the yardstick a rule or model cannot memorise.

Every note goes to fold `sha256(id) mod K`, so the split never changes and does not depend on the
files' order. For each fold, every statistical model the pipeline loads (`training.TRAINERS`) is
retrained on the notes of the other folds (all files, all regions), installed in place of the
shipped file, and the held-out notes are coded and scored with the note scorer (`score.py`):
pooled, per ACLED region (`knowledge/data/regions.csv`) and per country. `region`/`country` and
`limit` choose which held-out notes are scored (training always uses every other-fold note);
notes are taken in a fixed pseudo-random order (by the hash of their id), so `limit=N` is a fair
sample rather than the first country of a file.

Trained fold models are cached by the hash of their training notes and the training code, and
parses by `parses.ParseCache`, so a rerun after a rule change costs only the extractors.
"""

from __future__ import annotations

import hashlib
import inspect
import io
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.errors import ConfigError
from sitrep.evaluate.parses import ParseCache, cache_root
from sitrep.evaluate.score import Scores, read_gold
from sitrep.knowledge.loader import read_csv

log = logging.getLogger(__name__)

Note = dict[str, Any]
Trainer = Callable[[Sequence[Note]], dict[str, np.ndarray]]
OTHER_REGION = "Other"


def fold_of(note_id: str, k: int) -> int:
    """The fold of a note: a hash of its id, so the split is the same on every machine and run."""
    return int(hashlib.sha256(note_id.encode("utf-8")).hexdigest()[:12], 16) % k


def _order_key(note: Note) -> str:
    return hashlib.sha256(f"order:{note['id']}".encode()).hexdigest()


@cache
def regions() -> dict[str, str]:
    """Country (as ACLED spells it) → ACLED region."""
    return {
        r["country"].lower(): r["region"] for r in read_csv("regions.csv", ["country", "region"])
    }


def region_of(country: str | None) -> str:
    return regions().get((country or "").lower(), OTHER_REGION)


def read_notes(paths: Iterable[Path]) -> list[Note]:
    """Gold notes of every file, each with a unique id."""
    notes: list[Note] = []
    seen: set[str] = set()
    for path in paths:
        for n, note in enumerate(read_gold(path.read_text(encoding="utf-8").splitlines()), 1):
            note_id = str(note.get("id") or f"{path.name}:{n}")
            if note_id in seen:
                raise ValueError(f"{path}: note id {note_id!r} occurs twice")
            if not note.get("gold") or not note.get("text"):
                raise ValueError(f"{path}:{n}: a note needs text and gold")
            seen.add(note_id)
            notes.append({**note, "id": note_id})
    return notes


def select(
    notes: Sequence[Note],
    *,
    region: str | None = None,
    country: str | None = None,
    limit: int | None = None,
) -> list[Note]:
    """The notes to score: filtered by region/country, in hash order, the first `limit`."""
    chosen = [
        n
        for n in notes
        if (region is None or region_of(n["gold"].get("country")).lower() == region.lower())
        and (country is None or (n["gold"].get("country") or "").lower() == country.lower())
    ]
    chosen.sort(key=_order_key)
    return chosen[:limit] if limit is not None else chosen


def _trainer_version(trainer: Trainer) -> str:
    """The training code's identity: a change to the trainer's module or to the classifiers'
    module (whose text builders, `side_order_text` and the like, make the training examples)
    retrains the fold models."""
    from sitrep.knowledge import classifiers

    sources = [inspect.getsource(inspect.getmodule(trainer) or trainer)]
    sources.append(inspect.getsource(classifiers))
    return hashlib.sha256("\n".join(sources).encode()).hexdigest()


def train_cached(
    name: str, trainer: Trainer, notes: Sequence[Note], use_cache: bool = True
) -> bytes:
    """The model file (bytes) `trainer` makes from `notes`, cached by notes, code and the
    knowledge data it reads (`training.TRAINER_DATA`)."""
    from sitrep.evaluate.training import TRAINER_DATA
    from sitrep.knowledge.loader import read_bytes

    h = hashlib.sha256(_trainer_version(trainer).encode())
    for data in TRAINER_DATA.get(name, ()):
        h.update(read_bytes(data))
    for n in sorted(notes, key=lambda n: n["id"]):
        h.update(json.dumps([n["id"], n["text"], n["gold"]], sort_keys=True).encode())
    path = cache_root() / "models" / f"{Path(name).stem}-{h.hexdigest()[:20]}.npz"
    if use_cache and path.is_file():
        return path.read_bytes()
    buf = io.BytesIO()
    np.savez_compressed(buf, **trainer(notes))  # type: ignore[arg-type]
    blob = buf.getvalue()
    if use_cache:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(blob)
        tmp.replace(path)
    return blob


@dataclass
class CrossValidation:
    """Scores of the held-out notes: pooled, per region, per country, per fold."""

    folds: int
    train_notes: int
    pooled: Scores = field(default_factory=Scores)
    regions: dict[str, Scores] = field(default_factory=dict)
    countries: dict[str, Scores] = field(default_factory=dict)
    fold_sizes: dict[int, int] = field(default_factory=dict)

    def add(self, note: Note, events: list[dict[str, Any]]) -> None:
        gold = note["gold"]
        country = gold.get("country") or "?"
        for scores in (
            self.pooled,
            self.regions.setdefault(region_of(country), Scores()),
            self.countries.setdefault(country, Scores()),
        ):
            scores.add(note["id"], gold, events)

    def summary(self) -> dict[str, Any]:
        return {
            "folds": self.folds,
            "notes": self.pooled.records,
            "train_notes": self.train_notes,
            "fold_sizes": {str(k): v for k, v in sorted(self.fold_sizes.items())},
            **self.pooled.summary(),
            "regions": {name: s.summary() for name, s in sorted(self.regions.items())},
            "countries": {name: s.summary() for name, s in sorted(self.countries.items())},
        }


def cross_validate(
    paths: Sequence[Path],
    *,
    folds: int = 5,
    region: str | None = None,
    country: str | None = None,
    limit: int | None = None,
    trainers: dict[str, Trainer] | None = None,
    use_cache: bool = True,
    pipeline: Any = None,
    progress: Callable[[int], None] | None = None,
) -> CrossValidation:
    """Retrain on K-1 folds, code and score the held-out fold, for every fold."""
    from sitrep.evaluate.training import TRAINERS
    from sitrep.ingest.text import read_text
    from sitrep.knowledge.classifiers import installed_models, load_model
    from sitrep.pipeline import Pipeline

    if folds < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    try:
        import sklearn  # noqa: F401  # the trainers need it; say so before any parsing
    except ModuleNotFoundError:
        raise ConfigError(
            "cross-validation retrains the classifiers: install scikit-learn "
            "(pip install 'sitrep-events[train]')"
        ) from None
    trainers = TRAINERS if trainers is None else trainers
    notes = read_notes(paths)
    scored = select(notes, region=region, country=country, limit=limit)
    pipeline = pipeline or Pipeline()
    if use_cache and not isinstance(pipeline.nlp, ParseCache):
        # Only `nlp.pipe` is called on it; the cache answers with the same parses.
        pipeline.nlp = ParseCache(pipeline.nlp)
    result = CrossValidation(folds=folds, train_notes=len(notes))
    for k in range(folds):
        held = [n for n in scored if fold_of(n["id"], folds) == k]
        if not held:
            continue
        result.fold_sizes[k] = len(held)
        train = [n for n in notes if fold_of(n["id"], folds) != k]
        models = {
            name: load_model(name, train_cached(name, trainer, train, use_cache))
            for name, trainer in trainers.items()
        }
        log.info("fold %d: %d held out, models trained on %d notes", k, len(held), len(train))
        raws = [
            read_text(
                n["text"],
                published=date.fromisoformat(n["published"]) if n.get("published") else None,
                input_id=n["id"],
                source=n["id"],
            )
            for n in held
        ]
        with installed_models(models):
            for note, doc in zip(held, pipeline.run_many(raws), strict=True):
                result.add(note, [e.to_dict() for e in doc.events])
                if progress:
                    progress(1)
    return result
