"""Train the document-country classifier on ACLED notes, report its calibration, write the model.

Usage: python scripts/train_country_classifier.py [--train PATH ...] [--out PATH]

Why: a note or article often names only a village the gazetteer lacks ("blocked the Beddawi
highway"), or a name several countries share ("Tripoli"), while its other words still say where it
is: armed groups, institutions, parties, slogans. The classifier turns those words into a vote for
the document's country (`extract/places/country.py`); it never places an event.

Data: the train notes in `/work/shared/data/train/` (both files, all regions); the figures printed
are 5-fold cross-validation by the same hash split as `sitrep eval --folds`. Nothing is copied into
the repository: the model file holds word n-gram vocabularies, idf weights and linear coefficients
(`sitrep.evaluate.training.fit_country_classifier`). Classes are ISO 3166-1 alpha-2 codes (through
the shipped gazetteer's country names), balanced so that the notes' mix of countries is not learnt
as a prior. Deterministic: the same data gives the same file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitrep.evaluate.crossval import fold_of, read_notes
from sitrep.evaluate.training import country_labels, fit_country_classifier
from sitrep.knowledge.classifiers import (
    COUNTRY_MODEL_FILE,
    TRAIN_SOURCE,
    TextClassifier,
    save_model,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src/sitrep/knowledge/data/country_classifier.npz"
TRAIN = [
    "/work/shared/data/train/acled_notes_train.jsonl",
    "/work/shared/data/train/acled_2022_train.jsonl",
]
FOLDS = 5
BINS = (0.0, 0.3, 0.5, 0.7, 0.9, 1.01)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", nargs="+", default=TRAIN)
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args(argv)

    notes = read_notes([Path(p) for p in args.train])
    labels = country_labels(notes)
    top: list[tuple[float, bool]] = []  # (probability of the top country, right)
    for k in range(FOLDS):
        train = [n for n in notes if fold_of(n["id"], FOLDS) != k]
        clf = TextClassifier(fit_country_classifier(train), COUNTRY_MODEL_FILE)
        for n, label in zip(notes, labels, strict=True):
            if fold_of(n["id"], FOLDS) == k and label:
                pred = clf.predict(n["text"])
                top.append((pred.probs[0], pred.labels[0] == label))
    print(f"{FOLDS}-fold: top country right {sum(ok for _, ok in top) / len(top):.3f}")
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        band = [ok for p, ok in top if lo <= p < hi]
        if band:
            print(
                f"  p in [{lo:.1f}, {min(hi, 1.0):.1f}): {len(band):5d} notes, "
                f"top right {sum(band) / len(band):.3f}"
            )
    arrays = fit_country_classifier(notes)
    save_model(
        args.out,
        arrays,
        train_source=TRAIN_SOURCE,
        cv_accuracy=round(sum(ok for _, ok in top) / len(top), 4),
    )
    print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
