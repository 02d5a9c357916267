"""Train the document-country classifier on ACLED notes, report its calibration, write the model.

Usage: python scripts/train_country_classifier.py [--train PATH] [--dev PATH] [--out PATH]

Why: a note or article often names only a village the gazetteer lacks ("blocked the Beddawi
highway"), or a name several countries share ("Tripoli"), while its other words still say where it
is: armed groups, institutions, parties, slogans. The classifier turns those words into a vote for
the document's country (`extract/places/resolve.py`, `document_country`); it never places an event.

Data: `/work/shared/data/train/acled_notes_train.jsonl` (4,485 ACLED notes, all regions) for
fitting; the dev notes only for the figures printed at the end. Neither is copied into the
repository: the model file holds word n-gram vocabularies, idf weights and linear coefficients.
Classes are ISO 3166-1 alpha-2 codes (mapped through the shipped gazetteer's country names), and
classes are balanced so that the train notes' mix of countries (many Ukraine, Mexico and India
notes) is not learnt as a prior. Deterministic: the same data gives the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from sitrep.knowledge.classifiers import FORMAT_VERSION, normalise, save_model  # noqa: E402
from sitrep.knowledge.gazetteer import load_gazetteer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src/sitrep/knowledge/data/country_classifier.npz"
WORD = {"analyzer": "word", "ngram_range": [1, 2], "sublinear_tf": True, "max_features": 10000}
C = 10.0
MIN_NOTES = 3  # a country with fewer train notes cannot be learnt; its notes still shape idf
BINS = (0.0, 0.3, 0.5, 0.7, 0.9, 1.01)


def load(path: str) -> tuple[list[str], list[str]]:
    gaz = load_gazetteer()
    texts, labels = [], []
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        code = gaz.country_code(row["gold"]["country"])
        if code is None:
            raise SystemExit(f"{path}: no gazetteer country for {row['gold']['country']!r}")
        texts.append(normalise(row["text"]))
        labels.append(code)
    return texts, labels


def calibration(gold: list[str], probs: np.ndarray, classes: np.ndarray) -> list[str]:
    """Accuracy of the top class by its probability: the basis of the vote's threshold."""
    top = probs.argmax(axis=1)
    conf = probs.max(axis=1)
    lines = []
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        idx = [i for i, c in enumerate(conf) if lo <= c < hi]
        if idx:
            ok = sum(classes[top[i]] == gold[i] for i in idx) / len(idx)
            band = f"[{lo:.1f}, {min(hi, 1.0):.1f})"
            lines.append(f"  p in {band}: {len(idx):4d} notes, top right {ok:.3f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", default="/work/shared/data/train/acled_notes_train.jsonl")
    ap.add_argument("--dev", default="/work/shared/data/dev/acled_notes_dev.jsonl")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args(argv)

    texts, labels = load(args.train)
    counts = Counter(labels)
    keep = [i for i, y in enumerate(labels) if counts[y] >= MIN_NOTES]
    vec = TfidfVectorizer(
        analyzer="word",
        ngram_range=tuple(WORD["ngram_range"]),
        sublinear_tf=True,
        max_features=WORD["max_features"],
        min_df=2,
        dtype=np.float32,
    )
    x = vec.fit_transform(texts)
    xk, yk = x[keep], [labels[i] for i in keep]
    model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    folds = StratifiedKFold(3, shuffle=True, random_state=0)
    cv = cross_val_predict(model, xk, yk, cv=folds, method="predict_proba")
    classes = np.array(sorted(set(yk)))
    cv_acc = float(np.mean(classes[cv.argmax(axis=1)] == np.array(yk)))
    print(f"train {len(texts)} notes, {len(classes)} countries, {x.shape[1]} features")
    print(f"3-fold cross-validation: top country right {cv_acc:.3f}")
    print("\n".join(calibration(yk, cv, classes)))
    model.fit(xk, yk)

    dev_texts, dev_labels = load(args.dev)
    dev = model.predict_proba(vec.transform(dev_texts))
    dev_acc = float(np.mean(model.classes_[dev.argmax(axis=1)] == np.array(dev_labels)))
    print(f"dev {len(dev_texts)} notes: top country right {dev_acc:.3f}")
    print("\n".join(calibration(dev_labels, dev, model.classes_)))

    meta = {
        "format": FORMAT_VERSION,
        "model": "lr",
        "name": "country_lr_balanced",
        "parts": ["word"],
        "sklearn": sklearn.__version__,
        "train_notes": len(keep),
        "train_source": "ACLED event notes (acled_notes_train.jsonl), used under ACLED's terms",
        "word": {k: WORD[k] for k in ("analyzer", "ngram_range", "sublinear_tf")},
        "cv_accuracy": round(cv_acc, 4),
        "dev_accuracy": round(dev_acc, 4),
    }
    terms = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
    arrays = {
        "meta": np.array(json.dumps(meta)),
        "classes": np.array(model.classes_, dtype=str),
        "word_vocab": np.array(terms, dtype=str),
        "word_idf": vec.idf_.astype(np.float32),
        "coef": model.coef_.astype(np.float16),
        "intercept": model.intercept_.astype(np.float32),
    }
    save_model(args.out, arrays)
    print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
