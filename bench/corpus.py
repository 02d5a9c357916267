"""The benchmark corpus: real conflict texts (dev notes, corpus articles) mixed with other news.

The real texts are read at run time from the shared folder beside the repository (they are never
copied into it) and repeated until the corpus has the requested size; the non-conflict share comes
from `nonconflict.py` (articles and briefs in the plain-text form sitrep reads). The order is a
seeded shuffle, so two runs with the same arguments code the same documents in the same order.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import nonconflict

from sitrep.ingest.readers import read_string
from sitrep.records import RawDocument

SHARED = Path(os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[2] / "shared")
DEV_NOTES = SHARED / "data" / "dev" / "acled_notes_dev.jsonl"
CORPUS = SHARED / "corpus"


@dataclass(frozen=True, slots=True)
class BenchCorpus:
    """The documents, and which of them are conflict texts."""

    docs: list[RawDocument]
    conflict: list[bool]

    @property
    def conflict_docs(self) -> list[RawDocument]:
        return [d for d, c in zip(self.docs, self.conflict, strict=True) if c]

    @property
    def other_docs(self) -> list[RawDocument]:
        return [d for d, c in zip(self.docs, self.conflict, strict=True) if not c]


def real_conflict_texts() -> list[RawDocument]:
    """The dev notes (with their publication dates) and the corpus articles (with their headers)."""
    notes = [json.loads(line) for line in DEV_NOTES.read_text(encoding="utf-8").splitlines()]
    docs = [
        RawDocument(text=n["text"], published=date.fromisoformat(n["published"]), input_id=n["id"])
        for n in notes
    ]
    for path in sorted(CORPUS.glob("*.txt")):
        docs.append(read_string(path.read_text(encoding="utf-8"), source=path.name))
    return docs


def warm_up_texts(n: int = 300) -> list[RawDocument]:
    """Train notes (other texts than the benchmark's) that make the extractors build their lazy
    per-country and per-year tables before timing starts, without warming any per-text cache."""
    path = SHARED / "data" / "train" / "acled_notes_train.jsonl"
    if not path.is_file():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    step = max(len(rows) // n, 1)  # spread over the file: every country the notes cover
    return [
        RawDocument(text=r["text"], published=date.fromisoformat(r["published"]))
        for r in rows[::step][:n]
    ]


def build(size: int, nonconflict_share: float = 0.5, seed: int = 2023) -> BenchCorpus:
    """`size` documents, `nonconflict_share` of them other news (half articles, half briefs)."""
    rng = random.Random(seed)
    n_other = round(size * nonconflict_share)
    real = real_conflict_texts()
    conflict = [real[i % len(real)] for i in range(size - n_other)]
    other = [
        read_string(nonconflict.article(rng) if i % 2 else nonconflict.paragraph(rng))
        for i in range(n_other)
    ]
    labelled = [(d, True) for d in conflict] + [(d, False) for d in other]
    rng.shuffle(labelled)
    return BenchCorpus([d for d, _ in labelled], [c for _, c in labelled])
