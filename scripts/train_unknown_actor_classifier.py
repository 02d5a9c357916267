"""Train the unknown-actor classifier on ACLED notes, report it cross-validated, write the model.

Usage: python scripts/train_unknown_actor_classifier.py [--train PATH ...] [--out PATH]

What it decides: which of ACLED's names an attacker or victim nobody identified takes
(`Unidentified Armed Group`, `Unidentified Gang`, `Unidentified Gang and/or Police Militia`, clan,
communal, tribal or cult militias, `Sole Perpetrator` …), from the paragraph, the country and the
role (extract/actors/unknown.py), and which armed actor ACLED attributes an event to when the text
names none (`unknown_actor_examples`). Data: every actor 1 or 2 of those kinds in the train notes
(`/work/shared/data/train/`, both files); the figures printed are 5-fold cross-validation by the
same hash split as `sitrep eval --folds`. The model file holds word n-gram vocabularies, idf
weights and linear coefficients (`sitrep.evaluate.training.fit_unknown_actor_classifier`), no
note text. Deterministic: the same data gives the same file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitrep.evaluate.crossval import read_notes
from sitrep.evaluate.training import (
    fit_unknown_actor_classifier,
    held_out_predictions,
    unknown_actor_examples,
)
from sitrep.extract.actors.unknown import DEFAULT, MIN_PROBABILITY
from sitrep.knowledge.classifiers import (
    TRAIN_SOURCE,
    UNKNOWN_ACTOR_MODEL_FILE,
    save_model,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src/sitrep/knowledge/data/unknown_actor_classifier.npz"
TRAIN = [
    "/work/shared/data/train/acled_notes_train.jsonl",
    "/work/shared/data/train/acled_2022_train.jsonl",
]
FOLDS = 5


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", nargs="+", default=TRAIN)
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args(argv)

    notes = read_notes([Path(p) for p in args.train])
    default = top = used = total = 0
    for best, p, label in held_out_predictions(
        notes, fit_unknown_actor_classifier, unknown_actor_examples, UNKNOWN_ACTOR_MODEL_FILE, FOLDS
    ):
        total += 1
        default += label == DEFAULT
        top += best == label
        used += (best if p >= MIN_PROBABILITY else DEFAULT) == label
    print(
        f"{total} unidentified actors, {FOLDS}-fold: default right {default / total:.3f}, "
        f"classifier {top / total:.3f}, from p >= {MIN_PROBABILITY}: {used / total:.3f}"
    )
    arrays = fit_unknown_actor_classifier(notes)
    save_model(
        args.out,
        arrays,
        train_source=TRAIN_SOURCE,
        cv={"default": default / total, "classifier": top / total, "used": used / total},
    )
    print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
