"""Statistical text classifiers: TF-IDF n-grams and a linear model, stored as plain arrays.

Two models ship: the event classifier over ACLED sub-event types (`event_classifier.npz`, trained
by `scripts/train_event_classifier.py`, provenance in docs/events.md) and the country classifier
(`country_classifier.npz`, `scripts/train_country_classifier.py`, docs/places.md). Each file holds
vocabularies, idf weights, coefficients, intercepts, class names and vectorizer settings, rebuilt on
load with scikit-learn's own vectorizer, so loading never unpickles code and the numbers are
exactly the trained ones.
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import numpy as np

from sitrep.errors import KnowledgeDataError
from sitrep.knowledge.loader import read_bytes

log = logging.getLogger(__name__)

MODEL_FILE = "event_classifier.npz"
COUNTRY_MODEL_FILE = "country_classifier.npz"
FORMAT_VERSION = 1

# ACLED notes open with the date and close with size/fatality boilerplate; news sentences carry
# dates and figures too. None of it says what kind of event happened, so both are normalised away
# before training and before prediction.
_DATE = re.compile(
    r"\b(?:on|around|between|from|during|overnight|since)?\s*\d{1,2}(?:\s*(?:-|and|to)\s*\d{1,2})?\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?",
    re.IGNORECASE,
)
_BRACKET = re.compile(r"\[[^\]]*\]?")
_DIGITS = re.compile(r"\d+")


def normalise(text: str) -> str:
    """Text as the classifier sees it: dates, bracketed size notes and digits removed."""
    text = _BRACKET.sub(" ", text)
    text = _DATE.sub(" ", text)
    text = _DIGITS.sub("0", text)
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Prediction:
    """Probabilities over sub-event types for one text, best first."""

    labels: tuple[str, ...]
    probs: tuple[float, ...]

    def best(self, allowed: frozenset[str] | None = None) -> tuple[str, float]:
        """The most probable label (among `allowed`, renormalised, when given), its probability."""
        pairs = [
            (lab, p)
            for lab, p in zip(self.labels, self.probs, strict=True)
            if not allowed or lab in allowed
        ]
        if not pairs:  # only labels the model never saw (e.g. Chemical weapon): no evidence
            return (sorted(allowed)[0], 0.0) if allowed else (self.labels[0], self.probs[0])
        total = sum(p for _, p in pairs) or 1.0
        label, p = max(pairs, key=lambda lp: lp[1])
        return label, p / total

    def prob(self, label: str) -> float:
        return dict(zip(self.labels, self.probs, strict=True)).get(label, 0.0)


class TextClassifier:
    """A union of TF-IDF parts (word and/or character n-grams), one linear score per class."""

    def __init__(self, arrays: dict[str, np.ndarray], name: str = MODEL_FILE):
        from sklearn.feature_extraction.text import TfidfVectorizer

        meta = json.loads(str(arrays["meta"]))
        if meta.get("format") != FORMAT_VERSION:
            raise KnowledgeDataError(
                f"{name}: format {meta.get('format')} != {FORMAT_VERSION}"
            )
        self.meta = meta
        self.classes: list[str] = [str(c) for c in arrays["classes"]]
        self._vectorizers = []
        part_names: list[str] = meta.get("parts", ["word", "char"])
        for part in part_names:
            settings = meta[part]
            vocab = {str(term): i for i, term in enumerate(arrays[f"{part}_vocab"])}
            vec = TfidfVectorizer(
                analyzer=settings["analyzer"],
                ngram_range=tuple(settings["ngram_range"]),
                lowercase=True,
                sublinear_tf=settings["sublinear_tf"],
                vocabulary=vocab,
                dtype=np.float32,
            )
            vec.idf_ = arrays[f"{part}_idf"].astype(np.float64)
            self._vectorizers.append(vec)
        # The fast path: scikit-learn's own analyzers (the exact n-grams) with the weighting done
        # here, because per-call validation in `transform` costs more than the arithmetic.
        self._parts = [
            (
                v.build_analyzer(),
                v.vocabulary_,
                arrays[f"{p}_idf"].astype(np.float32),
                meta[p]["sublinear_tf"],
            )
            for p, v in zip(part_names, self._vectorizers, strict=True)
        ]
        self._offsets = np.cumsum([0] + [len(v.vocabulary_) for v in self._vectorizers])
        self.coef = arrays["coef"].astype(np.float32)  # classes × features
        self.intercept = arrays["intercept"].astype(np.float32)
        self.kind = meta["model"]

    def vectorize(self, texts: list[str]):
        from scipy.sparse import hstack
        from sklearn.preprocessing import normalize as l2

        parts = [v.transform([normalise(t) for t in texts]) for v in self._vectorizers]
        return l2(hstack(parts).tocsr())

    def scores(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.vectorize(texts) @ self.coef.T) + self.intercept

    def _fast_scores(self, text: str) -> np.ndarray:
        """`scores([text])[0]` without scikit-learn's per-call overhead (same numbers)."""
        norm_text = normalise(text)
        indices, values = [], []
        parts = zip(self._parts, self._offsets[:-1], strict=True)
        for (analyze, vocab, idf, sublinear), offset in parts:
            counts: dict[int, int] = {}
            # Counted first (in C), looked up once per distinct n-gram, in first-seen order as
            # before, so the arrays and the numbers are the same.
            for term, n in Counter(analyze(norm_text)).items():
                j = vocab.get(term)
                if j is not None:
                    counts[j] = counts.get(j, 0) + n
            if not counts:
                continue
            idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
            w = (1.0 + np.log(tf) if sublinear else tf) * idf[idx]
            w /= np.linalg.norm(w) or 1.0
            indices.append(idx + offset)
            values.append(w)
        if not indices:
            return self.intercept.copy()
        idx, w = np.concatenate(indices), np.concatenate(values)
        w /= np.linalg.norm(w) or 1.0
        return self.coef[:, idx] @ w + self.intercept

    def predict(self, text: str) -> Prediction:
        """Class probabilities for one clause or sentence (softmax of the linear scores)."""
        s = self._fast_scores(text)
        if self.kind == "svm":  # LinearSVC margins are not probabilities; a fixed temperature
            s = s * float(self.meta.get("temperature", 1.0))
        e = np.exp(s - s.max())
        p = e / e.sum()
        order = np.argsort(-p)
        return Prediction(tuple(self.classes[i] for i in order), tuple(float(p[i]) for i in order))


def save_model(path: str, arrays: dict[str, np.ndarray]) -> None:
    """Write the model arrays (no pickled objects: `np.load(allow_pickle=False)` reads it)."""
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]  # numpy's stub types **kwds as bool


def _load(name: str, missing: str) -> TextClassifier | None:
    try:
        blob = read_bytes(name)
    except KnowledgeDataError:
        log.warning("%s missing: %s", name, missing)
        return None
    with np.load(io.BytesIO(blob), allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    return TextClassifier(arrays, name)


@cache
def load_classifier() -> TextClassifier | None:
    """The shipped event classifier, or None (with a warning) when the model file is missing."""
    return _load(MODEL_FILE, "events are typed from the trigger lexicon only")


@cache
def load_country_classifier() -> TextClassifier | None:
    """The shipped country classifier, or None (with a warning) when the model file is missing."""
    return _load(COUNTRY_MODEL_FILE, "the document's country comes from place names only")
