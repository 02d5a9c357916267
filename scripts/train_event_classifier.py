"""Train the sub-event-type classifier on ACLED notes, compare approaches on dev, write the model.

Usage: python scripts/train_event_classifier.py [--train PATH] [--dev PATH] [--out PATH]

Data: `/work/shared/data/train/acled_notes_train.jsonl` (4,485 ACLED event notes with ACLED's own
coding, all regions) for fitting; `/work/shared/data/dev/acled_notes_dev.jsonl` (150 notes) only for
the comparison printed at the end. Neither is copied into the repository; the model file holds only
n-gram vocabularies, idf weights and linear coefficients. Deterministic: the same data gives the
same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.preprocessing import normalize
from sklearn.svm import LinearSVC

from sitrep.knowledge.classifiers import FORMAT_VERSION, normalise, save_model
from sitrep.knowledge.taxonomy import event_type_of

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src/sitrep/knowledge/data/event_classifier.npz"
WORD: dict[str, Any] = {
    "analyzer": "word",
    "ngram_range": [1, 2],
    "sublinear_tf": True,
    "max_features": 20000,
}
CHAR: dict[str, Any] = {
    "analyzer": "char_wb",
    "ngram_range": [2, 5],
    "sublinear_tf": True,
    "max_features": 30000,
}


def load(path: str) -> tuple[list[str], list[str]]:
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    return [r["text"] for r in rows], [r["gold"]["sub_event_type"] for r in rows]


def fit_vectorizers(texts: list[str]) -> list[TfidfVectorizer]:
    vecs = []
    for s in (WORD, CHAR):
        v = TfidfVectorizer(
            analyzer=s["analyzer"],
            ngram_range=tuple(s["ngram_range"]),
            sublinear_tf=s["sublinear_tf"],
            max_features=s["max_features"],
            min_df=2,
            dtype=np.float32,
        )
        v.fit([normalise(t) for t in texts])
        vecs.append(v)
    return vecs


def transform(vecs: list[TfidfVectorizer], texts: list[str]):
    return normalize(hstack([v.transform([normalise(t) for t in texts]) for v in vecs]).tocsr())


def models() -> dict[str, Any]:
    return {
        "lr": LogisticRegression(C=20.0, max_iter=3000),
        "lr_balanced": LogisticRegression(C=20.0, max_iter=3000, class_weight="balanced"),
        "svm": LinearSVC(C=1.0),
    }


def accuracy(gold: list[str], pred: list[str]) -> tuple[float, float]:
    sub = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    pairs = list(zip(gold, pred, strict=True))
    typ = sum(event_type_of(g) == event_type_of(p) for g, p in pairs) / len(gold)
    return typ, sub


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", default="/work/shared/data/train/acled_notes_train.jsonl")
    ap.add_argument("--dev", default="/work/shared/data/dev/acled_notes_dev.jsonl")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--model", default=None, help="force one of: lr, lr_balanced, svm")
    args = ap.parse_args(argv)

    train_x, train_y = load(args.train)
    dev_x, dev_y = load(args.dev)
    vecs = fit_vectorizers(train_x)
    xtr, xdev = transform(vecs, train_x), transform(vecs, dev_x)
    print(f"train {len(train_x)} notes, {xtr.shape[1]} features; dev {len(dev_x)} notes")

    results = {}
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    # Sub-types seen fewer than 5 times cannot be stratified; they are still in the final fit.
    common = [i for i, y in enumerate(train_y) if Counter(train_y)[y] >= 5]
    for name, model in models().items():
        cv_pred = cross_val_predict(model, xtr[common], [train_y[i] for i in common], cv=folds)
        cv = accuracy([train_y[i] for i in common], list(cv_pred))
        model.fit(xtr, train_y)
        dev = accuracy(dev_y, list(model.predict(xdev)))
        results[name] = (cv, dev, model)
        print(
            f"{name:12s} cv type {cv[0]:.3f} sub {cv[1]:.3f} | "
            f"dev type {dev[0]:.3f} sub {dev[1]:.3f}"
        )

    # Choose on cross-validation over train (dev stays an evaluation set), sub-type first.
    best = args.model or max(results, key=lambda n: (results[n][0][1], results[n][0][0]))
    model = results[best][2]
    print(f"kept: {best}")

    meta = {
        "format": FORMAT_VERSION,
        "model": "svm" if best == "svm" else "lr",
        "name": best,
        "sklearn": sklearn.__version__,
        "train_notes": len(train_x),
        "train_source": "ACLED event notes (acled_notes_train.jsonl), used under ACLED's terms",
        "temperature": 3.0,
        "word": {k: WORD[k] for k in ("analyzer", "ngram_range", "sublinear_tf")},
        "char": {k: CHAR[k] for k in ("analyzer", "ngram_range", "sublinear_tf")},
        "cv": {n: r[0] for n, r in results.items()},
        "dev": {n: r[1] for n, r in results.items()},
    }
    arrays = {"meta": np.array(json.dumps(meta)), "classes": np.array(model.classes_, dtype=str)}
    for part, v in zip(("word", "char"), vecs, strict=True):
        terms = sorted(v.vocabulary_, key=v.vocabulary_.get)
        arrays[f"{part}_vocab"] = np.array(terms, dtype=str)
        arrays[f"{part}_idf"] = v.idf_.astype(np.float32)
    arrays["coef"] = model.coef_.astype(np.float16)
    arrays["intercept"] = model.intercept_.astype(np.float32)
    save_model(args.out, arrays)
    print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
