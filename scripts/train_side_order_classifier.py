"""Train the side-order classifier on ACLED notes, report it cross-validated, write the model.

Usage: python scripts/train_side_order_classifier.py [--train PATH ...] [--out PATH]

What it decides: which side of a battle ACLED codes as actor 1 when the two sides have different
inter codes (extract/actors/order.py), from the paragraph, the country and the two codes. Data:
every such battle of the train notes (`/work/shared/data/train/`, both files); the figures printed
are 5-fold cross-validation by the same hash split as `sitrep eval --folds`. The model file holds
word n-gram vocabularies, idf weights and linear coefficients
(`sitrep.evaluate.training.fit_side_order_classifier`), no note text. Deterministic.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitrep.evaluate.crossval import read_notes
from sitrep.evaluate.training import (
    fit_side_order_classifier,
    held_out_predictions,
    side_order_examples,
)
from sitrep.extract.actors.order import MIN_PROBABILITY
from sitrep.knowledge.classifiers import (
    SIDE_ORDER_MODEL_FILE,
    TRAIN_SOURCE,
    save_model,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src/sitrep/knowledge/data/side_order_classifier.npz"
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
    right = sure = sure_right = total = 0
    for best, p, label in held_out_predictions(
        notes, fit_side_order_classifier, side_order_examples, SIDE_ORDER_MODEL_FILE, FOLDS
    ):
        total += 1
        right += best == label
        if p >= MIN_PROBABILITY:
            sure += 1
            sure_right += best == label
    print(
        f"{total} battles, {FOLDS}-fold: right {right / total:.3f}; sure (p >= {MIN_PROBABILITY}) "
        f"for {sure / total:.3f} of them, right for {sure_right / max(sure, 1):.3f} of those"
    )
    arrays = fit_side_order_classifier(notes)
    save_model(
        args.out,
        arrays,
        train_source=TRAIN_SOURCE,
        cv={"right": right / total, "sure": sure / total, "sure_right": sure_right / max(sure, 1)},
    )
    print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
