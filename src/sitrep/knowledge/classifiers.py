"""Statistical text classifiers: TF-IDF n-grams and a linear model, stored as plain arrays.

Three models ship: the event classifier over ACLED sub-event types (`event_classifier.npz`,
trained by `scripts/train_event_classifier.py`, provenance in docs/events.md), the country
classifier (`country_classifier.npz`, `scripts/train_country_classifier.py`, docs/places.md) and
the unknown-actor classifier (`unknown_actor_classifier.npz`,
`scripts/train_unknown_actor_classifier.py`, docs/actors.md). Each file holds vocabularies, idf
weights, coefficients, intercepts, class names and vectorizer settings; inference is numpy only
(scikit-learn is needed to train, not to run), loading never unpickles code, and the numbers are
exactly the trained ones.
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import numpy as np

from sitrep.errors import KnowledgeDataError
from sitrep.knowledge.actors import crime_hallmarks, front_line_holders
from sitrep.knowledge.loader import read_bytes
from sitrep.knowledge.tablecache import cached_table

log = logging.getLogger(__name__)

MODEL_FILE = "event_classifier.npz"
COUNTRY_MODEL_FILE = "country_classifier.npz"
UNKNOWN_ACTOR_MODEL_FILE = "unknown_actor_classifier.npz"
SIDE_ORDER_MODEL_FILE = "side_order_classifier.npz"
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


def unknown_actor_text(text: str, country: str | None, role: str) -> str:
    """What the unknown-actor classifier reads: the paragraph, the country and the role as words
    (ACLED's names for unidentified groups differ by country and between attacker and victim)."""
    place = re.sub(r"\W+", "", (country or "none").lower())
    side = "roleone" if role == "actor1" else "roletwo"  # digits are normalised away
    # A hallmark of organised crime (a bound or mutilated body, a drive-by) as one word: spread over
    # many rare words, the model could not learn that Mexico's coders make its author a gang.
    hallmark = " crimehallmark" if crime_hallmarks().search(text) else ""
    text = f"{text}{_held_words(text, country)}{hallmark}"
    # The content words and the role again, each joined to the country: the coders' conventions
    # are by country (which words mark a gang's killing differ between Mexico's notes and others'),
    # which a linear model over shared words and one country word cannot learn.
    local = " ".join(f"x{place}{w}" for w in _CONTENT_WORD.findall(text.lower()))
    return f"{text} country{place} {side} {local} rc{place}{side}"


_CONTENT_WORD = re.compile(r"[a-z]{4,}")


# ACLED's inter codes as words (digits are normalised away).
INTER_WORDS = {
    1: "state", 2: "rebel", 3: "political", 4: "identity",
    5: "rioters", 6: "protesters", 7: "civilians", 8: "external",
}  # fmt: skip
LOW_FIRST = "lowfirst"
HIGH_FIRST = "highfirst"


def side_order_text(text: str, country: str | None, inters: tuple[int, int]) -> str:
    """What the side-order classifier reads: the paragraph, the country and the two sides' inter
    codes as words, in code order (the label says which of them ACLED puts first)."""
    place = re.sub(r"\W+", "", (country or "none").lower())
    low, high = sorted(inters)
    sides = f"{INTER_WORDS[low]}{INTER_WORDS[high]}"
    # The pair in that country too: the coders' habit is by country and by pair of sides.
    return f"{text}{_held_words(text, country)} country{place} sides{sides} pair{place}{sides}"


def _held_words(text: str, country: str | None) -> str:
    """Who holds the front-line places a monitoring mission's text names, as words ("heldstate",
    "heldrebel"; `front_lines.csv`): ACLED attributes the fire the mission saw near a place to the
    side facing it, which the place's name tells only once a train note has named it."""
    holders = dict.fromkeys(front_line_holders(text, country))
    return "".join(f" held{side}" for side in holders)


def normalise(text: str) -> str:
    """Text as the classifier sees it: dates, bracketed size notes and digits removed."""
    text = _BRACKET.sub(" ", text)
    text = _DATE.sub(" ", text)
    text = _DIGITS.sub("0", text)
    return " ".join(text.split())


def _norm(w: np.ndarray) -> Any:
    """The l2 norm of a vector (1 for a zero vector), as `np.linalg.norm` computes it for a 1-D
    float array (the square root of its dot product) without that function's dispatch."""
    return np.sqrt(w.dot(w)) or 1.0


def _by_prob(pair: tuple[str, float]) -> float:
    return -pair[1]


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

    def mixed(self, other: Prediction) -> Prediction:
        """The average of two predictions over the same labels, best first."""
        mine = dict(zip(self.labels, self.probs, strict=True))
        theirs = zip(other.labels, other.probs, strict=True)
        pairs = sorted(((lab, (mine.get(lab, 0.0) + p) / 2) for lab, p in theirs), key=_by_prob)
        return Prediction(tuple(lab for lab, _ in pairs), tuple(p for _, p in pairs))

    def prob(self, label: str) -> float:
        return dict(zip(self.labels, self.probs, strict=True)).get(label, 0.0)


# scikit-learn's analyzers, re-implemented (same n-grams, same order) so that inference needs
# numpy only: importing scikit-learn costs ~1.6 s of start-up (issue 18). The equality with
# scikit-learn's own vectorizer is a test (tests/knowledge/test_classifiers.py).
_WORD_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_WHITE_SPACES = re.compile(r"\s\s+")
_WORD_MEMO = 200_000  # words whose character n-gram columns a classifier remembers


def word_ngrams(text: str, low: int, high: int) -> list[str]:
    """Lower-cased word n-grams as scikit-learn's `analyzer="word"` makes them."""
    tokens = _WORD_TOKEN.findall(text.lower())
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        if n == 2:  # the models' only n above 1: pairs without slicing and joining (issue 18)
            grams.extend([f"{a} {b}" for a, b in zip(tokens[:-1], tokens[1:], strict=True)])
        else:
            grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


# The same text goes to two classifiers (a note to the country model, then to the event model as
# the events' paragraph): its normalised form and its word n-grams are made once (issue 18).
@lru_cache(maxsize=64)
def _normalised(text: str) -> str:
    return normalise(text)


@lru_cache(maxsize=64)
def _word_grams(text: str, low: int, high: int) -> tuple[str, ...]:
    return tuple(word_ngrams(text, low, high))


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """Character n-grams inside space-padded words, as scikit-learn's `analyzer="char_wb"`."""
    grams: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text.lower()).split():
        grams.extend(_word_char_grams(word, low, high))
    return grams


@lru_cache(maxsize=1 << 16)
def _word_char_grams(word: str, low: int, high: int) -> tuple[str, ...]:
    # Words recur across sentences and documents: their n-grams are cut once (issue 18).
    w = f" {word} "
    size = len(w)
    grams: list[str] = []
    for n in range(low, high + 1):
        if size <= n:  # a short word counts once, whole
            grams.append(w)
            break
        grams.extend([w[i : i + n] for i in range(size - n + 1)])
    return tuple(grams)


_ANALYZERS = {"word": word_ngrams, "char_wb": char_wb_ngrams}


class TextClassifier:
    """A union of TF-IDF parts (word and/or character n-grams), one linear score per class."""

    def __init__(self, arrays: dict[str, np.ndarray], name: str = MODEL_FILE):
        meta = json.loads(str(arrays["meta"]))
        if meta.get("format") != FORMAT_VERSION:
            raise KnowledgeDataError(
                f"{name}: format {meta.get('format')} != {FORMAT_VERSION}"
            )
        self.meta = meta
        self.classes: list[str] = [str(c) for c in arrays["classes"]]
        self._parts = []
        offset = 0
        for part in meta.get("parts", ["word", "char"]):
            settings = meta[part]
            analyzer = _ANALYZERS.get(settings["analyzer"])
            if analyzer is None:
                raise KnowledgeDataError(f"{name}: unknown analyzer {settings['analyzer']!r}")
            terms = arrays[f"{part}_vocab"].tolist()
            low, high = settings["ngram_range"]
            self._parts.append(
                (
                    analyzer,
                    int(low),
                    int(high),
                    {term: offset + i for i, term in enumerate(terms)},
                    arrays[f"{part}_idf"].astype(np.float32),
                    bool(settings["sublinear_tf"]),
                    offset,
                )
            )
            offset += len(terms)
        self.coef = arrays["coef"].astype(np.float32)  # classes × features
        self.intercept = arrays["intercept"].astype(np.float32)
        if len(self.classes) == 2 and self.coef.shape[0] == 1:
            # scikit-learn keeps one row for two classes (the second's score); the first scores 0,
            # so the softmax below is the model's sigmoid.
            self.coef = np.vstack([np.zeros_like(self.coef), self.coef])
            self.intercept = np.concatenate([np.zeros(1, np.float32), self.intercept])
        self.kind = meta["model"]
        self._word_columns: dict[int, dict[str, tuple[int, ...]]] = {}  # by part, by word

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and weights of the text's TF-IDF vector (each part l2-normalised, then
        the whole), exactly as the union of scikit-learn vectorizers it was trained with."""
        norm_text = _normalised(text)
        indices, values = [], []
        for analyze, low, high, vocab, idf, sublinear, offset in self._parts:
            # Distinct terms have distinct columns; kept in order of first occurrence.
            if analyze is char_wb_ngrams:
                found: Counter[int | None] = Counter(
                    self._char_columns(norm_text, low, high, vocab)
                )
            else:  # word n-grams
                found = Counter(map(vocab.get, _word_grams(norm_text, low, high)))
                del found[None]  # terms out of the vocabulary (the others keep their order)
            if not found:
                continue
            idx = np.fromiter(found.keys(), dtype=np.int64, count=len(found))
            tf = np.fromiter(found.values(), dtype=np.float32, count=len(found))
            w = (1.0 + np.log(tf) if sublinear else tf) * idf[idx - offset]
            w /= _norm(w)
            indices.append(idx)
            values.append(w)
        if not indices:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx, w = np.concatenate(indices), np.concatenate(values)
        w /= _norm(w)
        return idx, w

    def _char_columns(self, text: str, low: int, high: int, vocab: dict[str, int]) -> list[int]:
        """The vocabulary columns of `text`'s character n-grams, in text order: each word's are
        looked up once per process (a bounded memo), since words recur across sentences."""
        memo = self._word_columns.get(id(vocab))
        if memo is None or len(memo) > _WORD_MEMO:
            memo = self._word_columns[id(vocab)] = {}
        get = vocab.get
        columns: list[int] = []
        # str.split() splits on the runs of whitespace that _WHITE_SPACES would join.
        for word in text.lower().split():
            found = memo.get(word)
            if found is None:
                grams = _word_char_grams(word, low, high)
                found = memo[word] = tuple(j for g in grams if (j := get(g)) is not None)
            columns.extend(found)
        return columns

    def score(self, text: str) -> np.ndarray:
        """The linear score of every class for one text."""
        idx, w = self.features(text)
        if not len(idx):
            return self.intercept.copy()
        return self.coef[:, idx] @ w + self.intercept

    def predict(self, text: str) -> Prediction:
        """Class probabilities for one clause or sentence (softmax of the linear scores)."""
        s = self.score(text)
        if self.kind == "svm":  # LinearSVC margins are not probabilities; a fixed temperature
            s = s * float(self.meta.get("temperature", 1.0))
        e = np.exp(s - s.max())
        p = e / e.sum()
        order = np.argsort(-p)
        classes = self.classes
        return Prediction(tuple([classes[i] for i in order.tolist()]), tuple(p[order].tolist()))


TRAIN_SOURCE = "ACLED event notes (both train files), used under ACLED's terms"


def save_model(path: str, arrays: dict[str, np.ndarray], **meta: Any) -> None:
    """Write the model arrays (no pickled objects: `np.load(allow_pickle=False)` reads it), with
    `meta` (what it was trained on, its cross-validated scores) added to its JSON metadata."""
    if meta:
        merged = {**json.loads(str(arrays["meta"])), **meta}
        arrays = {**arrays, "meta": np.array(json.dumps(merged))}
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]  # numpy's stub types **kwds as bool


def load_model(name: str, blob: bytes) -> TextClassifier:
    """A classifier from the bytes of its model file."""
    with np.load(io.BytesIO(blob), allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    return TextClassifier(arrays, name)


@cache
def _shipped(name: str, missing: str) -> TextClassifier | None:
    # From the table cache (issue 18): unzipping the arrays and indexing the vocabularies costs
    # every process 30-40 ms a model; the pickle of the built model loads in a third of that.
    try:
        return cached_table(
            f"classifier-{name.removesuffix('.npz')}", lambda: load_model(name, read_bytes(name)),
            files=(name,), modules=(__name__,),
        )
    except KnowledgeDataError:
        log.warning("%s missing: %s", name, missing)
        return None


# Models installed in place of the shipped files, by file name (cross-validation installs the
# models trained without the held-out fold).
_installed: dict[str, TextClassifier | None] = {}


@contextmanager
def installed_models(models: Mapping[str, TextClassifier | None]) -> Iterator[None]:
    """Within the block, `load_classifier()` and friends return these models instead."""
    previous = dict(_installed)
    _installed.update(models)
    try:
        yield
    finally:
        _installed.clear()
        _installed.update(previous)


def _model(name: str, missing: str) -> TextClassifier | None:
    if name in _installed:
        return _installed[name]
    return _shipped(name, missing)


def load_classifier() -> TextClassifier | None:
    """The event classifier (shipped or installed), or None (with a warning) when missing."""
    return _model(MODEL_FILE, "events are typed from the trigger lexicon only")


def load_unknown_actor_classifier() -> TextClassifier | None:
    """The unknown-actor classifier (shipped or installed), or None (with a warning)."""
    return _model(UNKNOWN_ACTOR_MODEL_FILE, "unidentified actors stay Unidentified Armed Group")


def load_country_classifier() -> TextClassifier | None:
    """The country classifier (shipped or installed), or None (with a warning) when missing."""
    return _model(COUNTRY_MODEL_FILE, "the document's country comes from place names only")


def load_side_order_classifier() -> TextClassifier | None:
    """The side-order classifier (shipped or installed), or None (with a warning) when missing."""
    return _model(SIDE_ORDER_MODEL_FILE, "a battle's sides stay in the order the text gives")
