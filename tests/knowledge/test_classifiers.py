"""Shipped classifiers: numpy inference equal to scikit-learn's, no scikit-learn at run time."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import numpy as np
import pytest

from sitrep.knowledge.classifiers import (
    COUNTRY_MODEL_FILE,
    MODEL_FILE,
    TextClassifier,
    char_wb_ngrams,
    normalise,
    word_ngrams,
)
from sitrep.knowledge.loader import read_bytes


def _arrays(name: str) -> dict[str, np.ndarray]:
    with np.load(io.BytesIO(read_bytes(name)), allow_pickle=False) as npz:
        return {k: npz[k] for k in npz.files}


def _sklearn_matrix(arrays: dict[str, np.ndarray], texts: list[str]):
    """The TF-IDF matrix scikit-learn's own vectorizers give with the stored vocabularies."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    meta = json.loads(str(arrays["meta"]))
    parts = []
    for part in meta.get("parts", ["word", "char"]):
        s = meta[part]
        vocab = {str(t): i for i, t in enumerate(arrays[f"{part}_vocab"])}
        vec = TfidfVectorizer(
            analyzer=s["analyzer"],
            ngram_range=tuple(s["ngram_range"]),
            sublinear_tf=s["sublinear_tf"],
            vocabulary=vocab,
            dtype=np.float32,
        )
        vec.idf_ = arrays[f"{part}_idf"].astype(np.float64)
        parts.append(vec.transform([normalise(t) for t in texts]))
    return normalize(hstack(parts).tocsr())


@pytest.mark.parametrize("name", [MODEL_FILE, COUNTRY_MODEL_FILE])
def test_numpy_features_equal_scikit_learn(name, shared):
    pytest.importorskip("sklearn")
    lines = (shared / "data/train/acled_2022_train.jsonl").read_text().splitlines()
    texts = [json.loads(line)["text"] for line in lines[::400]]
    texts += ["", "ok", "Ünïcode  spaced\ttext\n with   gaps", "a b c"]
    arrays = _arrays(name)
    clf = TextClassifier(arrays, name)
    expected = _sklearn_matrix(arrays, texts)
    for row, text in enumerate(texts):
        idx, w = clf.features(text)
        got = np.zeros(expected.shape[1], dtype=np.float64)
        got[idx] = w
        assert got == pytest.approx(expected[row].toarray().ravel(), abs=1e-5), text[:40]


@pytest.mark.parametrize(
    ("text", "low", "high", "grams"),
    [
        ("Shelling hit it", 1, 2, ["shelling", "hit", "it", "shelling hit", "hit it"]),
        ("a Bc", 1, 2, ["bc"]),  # one-letter tokens are not words
        ("ab", 2, 3, [" a", "ab", "b ", " ab", "ab "]),
        ("x", 2, 5, [" x", "x ", " x "]),  # a word shorter than n counts once, whole
    ],
)
def test_analyzers(text, low, high, grams):
    analyze = word_ngrams if low == 1 else char_wb_ngrams
    assert analyze(text, low, high) == grams


def test_coding_does_not_import_scikit_learn():
    code = (
        "import sys, sitrep\n"
        "doc = sitrep.extract('Police fired on protesters in Basra on Monday.', "
        "published='2023-12-09')\n"
        "assert doc.events, 'no event'\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sklearn', 'scipy')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_mixed_predictions_average_probabilities():
    from sitrep.knowledge.classifiers import Prediction

    a = Prediction(("Attack", "Armed clash"), (0.7, 0.3))
    b = Prediction(("Armed clash", "Attack"), (0.9, 0.1))
    mixed = a.mixed(b)
    assert mixed.labels == ("Armed clash", "Attack")
    assert mixed.probs == pytest.approx((0.6, 0.4))


def test_a_two_class_model_gives_scikit_learns_probabilities():
    pytest.importorskip("sklearn")
    from sklearn.linear_model import LogisticRegression

    from sitrep.evaluate.training import fit_vectorizers, model_arrays, transform

    settings = {"analyzer": "word", "ngram_range": [1, 2], "sublinear_tf": True}
    settings["max_features"] = 1000
    texts = [
        "crowds marched peacefully to the ministry",
        "students marched and chanted outside the ministry",
        "gunmen opened fire on an army checkpoint",
        "militants and soldiers exchanged fire near the checkpoint",
    ] * 3
    labels = ["Peaceful protest", "Peaceful protest", "Armed clash", "Armed clash"] * 3
    (vec,) = fit_vectorizers(texts, (settings,))
    model = LogisticRegression(C=10.0).fit(transform([vec], texts), labels)
    assert model.coef_.shape[0] == 1  # the case: one row of coefficients for two classes
    clf = TextClassifier(model_arrays({"model": "lr"}, [("word", vec, settings)], model))
    for text in ("soldiers exchanged fire with gunmen", "people marched to the ministry"):
        expected = model.predict_proba(transform([vec], [text]))[0]
        got = clf.predict(text)
        assert got.labels[0] == model.predict(transform([vec], [text]))[0]
        for label, p in zip(model.classes_, expected, strict=True):
            assert got.prob(label) == pytest.approx(p, abs=1e-3)


def test_a_text_read_by_two_classifiers_is_cut_into_words_once(monkeypatch):
    # A note goes to the country model and then, as its events' paragraph, to the event model:
    # its word n-grams are made once (issue 18), and each model's features stay its own.
    from sitrep.knowledge import classifiers

    cuts = []

    def counted(text, low, high):
        cuts.append(text)
        return word_ngrams(text, low, high)

    event = TextClassifier(_arrays(MODEL_FILE), MODEL_FILE)
    country = TextClassifier(_arrays(COUNTRY_MODEL_FILE), COUNTRY_MODEL_FILE)
    text = "Rebels shelled the hill camp of the army near the lake; two guards were hurt."
    before = [clf.features(text) for clf in (country, event)]
    classifiers._word_grams.cache_clear()
    classifiers._normalised.cache_clear()
    monkeypatch.setattr(classifiers, "word_ngrams", counted)
    after = [clf.features(text) for clf in (country, event)]
    assert cuts == [normalise(text)]
    for (idx, w), (idx2, w2) in zip(before, after, strict=True):
        assert idx.tolist() == idx2.tolist() and w.tobytes() == w2.tobytes()
