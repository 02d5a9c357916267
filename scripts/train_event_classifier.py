"""Train the sub-event-type classifier on ACLED notes, compare linear models, write the model.

Usage: python scripts/train_event_classifier.py [--train PATH ...] [--out PATH] [--model NAME]

Data: the train notes in `/work/shared/data/train/` (4,485 notes of 2020 and 8,586 of 2022, all
regions, with ACLED's own coding). The comparison printed is 5-fold cross-validation over them, by
the same hash split as `sitrep eval --folds` (the dev notes are not used: they are a final report
only). Neither is copied into the repository; the model file holds only n-gram vocabularies, idf
weights and linear coefficients (`sitrep.evaluate.training.fit_event_classifier` makes it, the same
function cross-validation retrains per fold). Deterministic: the same data gives the same file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitrep.evaluate.crossval import fold_of, read_notes
from sitrep.evaluate.training import fit_event_classifier
from sitrep.knowledge.classifiers import MODEL_FILE, TRAIN_SOURCE, TextClassifier, save_model
from sitrep.knowledge.taxonomy import event_type_of

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src/sitrep/knowledge/data/event_classifier.npz"
TRAIN = [
    "/work/shared/data/train/acled_notes_train.jsonl",
    "/work/shared/data/train/acled_2022_train.jsonl",
]
MODELS = ("lr", "lr_balanced", "svm")
FOLDS = 5


def cross_validated(notes: list[dict], model: str) -> tuple[float, float]:
    """Event type and sub-event type accuracy of the note's whole text, over held-out folds."""
    right_type = right_sub = 0
    for k in range(FOLDS):
        train = [n for n in notes if fold_of(n["id"], FOLDS) != k]
        held = [n for n in notes if fold_of(n["id"], FOLDS) == k]
        clf = TextClassifier(fit_event_classifier(train, model), MODEL_FILE)
        for n in held:
            label, _ = clf.predict(n["text"]).best()
            right_sub += label == n["gold"]["sub_event_type"]
            right_type += event_type_of(label) == n["gold"]["event_type"]
    return right_type / len(notes), right_sub / len(notes)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", nargs="+", default=TRAIN)
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--model", choices=MODELS, default=None, help="skip the comparison")
    args = ap.parse_args(argv)

    notes = read_notes([Path(p) for p in args.train])
    print(f"train {len(notes)} notes")
    results = {}
    for name in [args.model] if args.model else MODELS:
        results[name] = cross_validated(notes, name) if not args.model else (0.0, 0.0)
        print(f"{name:12s} {FOLDS}-fold type {results[name][0]:.3f} sub {results[name][1]:.3f}")
    best = args.model or max(results, key=lambda n: (results[n][1], results[n][0]))
    print(f"kept: {best}")
    arrays = fit_event_classifier(notes, best)
    save_model(
        args.out, arrays, train_source=TRAIN_SOURCE, cv={n: list(r) for n, r in results.items()}
    )
    print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
