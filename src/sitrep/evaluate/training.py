"""Fitting the shipped statistical models from gold notes (scikit-learn, needed only to train).

Each trainer takes gold note records (`{"id", "text", "gold": {...}}`) and returns the arrays of a
model file (`knowledge/classifiers.py` reads them with numpy only). The scripts in `scripts/train_*`
write the shipped files with them; `evaluate/crossval.py` calls the same trainers on the notes of
the other folds, so a cross-validated score is the score of exactly what would ship.
Deterministic: the same notes give the same arrays.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import Any

import numpy as np

from sitrep.knowledge.actors import (
    ARMED_INTER,
    CRIME_HALLMARKS_FILE,
    DICTIONARY_FILES,
    FRONT_LINES_FILE,
)
from sitrep.knowledge.classifiers import (
    COUNTRY_MODEL_FILE,
    FORMAT_VERSION,
    HIGH_FIRST,
    INTER_WORDS,
    LOW_FIRST,
    MODEL_FILE,
    SIDE_ORDER_MODEL_FILE,
    UNKNOWN_ACTOR_MODEL_FILE,
    TextClassifier,
    normalise,
    side_order_text,
    unknown_actor_text,
)
from sitrep.knowledge.gazetteer import ADMIN_NAMES_FILE

Note = dict[str, Any]
Arrays = dict[str, np.ndarray]

EVENT_WORD: dict[str, Any] = {
    "analyzer": "word",
    "ngram_range": [1, 2],
    "sublinear_tf": True,
    "max_features": 20000,
}
EVENT_CHAR: dict[str, Any] = {
    "analyzer": "char_wb",
    "ngram_range": [2, 5],
    "sublinear_tf": True,
    "max_features": 30000,
}
EVENT_C = 20.0
COUNTRY_WORD: dict[str, Any] = {
    "analyzer": "word",
    "ngram_range": [1, 2],
    "sublinear_tf": True,
    "max_features": 10000,
}
COUNTRY_C = 10.0
# A country with fewer notes cannot be learnt; its notes still shape the idf weights.
COUNTRY_MIN_NOTES = 3


def fit_vectorizers(texts: Sequence[str], settings: Sequence[dict[str, Any]]) -> list[Any]:
    """TF-IDF vectorizers (one per part) fitted on the normalised texts."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vecs = []
    for s in settings:
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


def transform(vecs: Sequence[Any], texts: Sequence[str]) -> Any:
    """The l2-normalised union of the parts, as `TextClassifier.features` computes it."""
    from scipy.sparse import hstack
    from sklearn.preprocessing import normalize

    return normalize(hstack([v.transform([normalise(t) for t in texts]) for v in vecs]).tocsr())


def model_arrays(
    meta: dict[str, Any],
    parts: Sequence[tuple[str, Any, dict[str, Any]]],
    model: Any,
) -> Arrays:
    """The arrays of a model file: vocabularies, idf, coefficients (float16), intercepts."""
    meta = {
        "format": FORMAT_VERSION,
        "parts": [name for name, _, _ in parts],
        **meta,
        **{
            name: {k: s[k] for k in ("analyzer", "ngram_range", "sublinear_tf")}
            for name, _, s in parts
        },
    }
    arrays: Arrays = {
        "meta": np.array(json.dumps(meta)),
        "classes": np.array(model.classes_, dtype=str),
    }
    for name, vec, _ in parts:
        terms = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
        arrays[f"{name}_vocab"] = np.array(terms, dtype=str)
        arrays[f"{name}_idf"] = vec.idf_.astype(np.float32)
    arrays["coef"] = model.coef_.astype(np.float16)
    arrays["intercept"] = model.intercept_.astype(np.float32)
    return arrays


def sklearn_version() -> str:
    import sklearn

    return str(sklearn.__version__)


def event_model(name: str = "lr_balanced") -> Any:
    """The linear models compared for the event classifier (scripts/train_event_classifier.py)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    if name == "lr":
        return LogisticRegression(C=EVENT_C, max_iter=3000)
    if name == "lr_balanced":
        return LogisticRegression(C=EVENT_C, max_iter=3000, class_weight="balanced")
    if name == "svm":
        return LinearSVC(C=1.0)
    raise ValueError(f"unknown event model {name!r}")


def fit_event_classifier(notes: Sequence[Note], model_name: str = "lr_balanced") -> Arrays:
    """The sub-event-type classifier over the notes' texts."""
    texts = [n["text"] for n in notes]
    labels = [n["gold"]["sub_event_type"] for n in notes]
    vecs = fit_vectorizers(texts, (EVENT_WORD, EVENT_CHAR))
    model = event_model(model_name)
    model.fit(transform(vecs, texts), labels)
    meta = {
        "model": "svm" if model_name == "svm" else "lr",
        "name": model_name,
        "sklearn": sklearn_version(),
        "train_notes": len(texts),
        "temperature": 3.0,
    }
    return model_arrays(meta, [("word", vecs[0], EVENT_WORD), ("char", vecs[1], EVENT_CHAR)], model)


def country_labels(notes: Sequence[Note]) -> list[str | None]:
    """ISO 3166-1 alpha-2 codes of the notes' gold countries (through the shipped gazetteer);
    None for a country the gazetteer does not name, which the pipeline could not output anyway."""
    from sitrep.knowledge.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    return [gaz.country_code(n["gold"]["country"]) for n in notes]


def fit_country_classifier(notes: Sequence[Note]) -> Arrays:
    """The document-country classifier: balanced classes, so the notes' mix of countries (many
    Ukraine, Mexico and India notes) is not learnt as a prior."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [normalise(n["text"]) for n in notes]
    labels = country_labels(notes)
    counts = Counter(labels)
    keep = [i for i, y in enumerate(labels) if y and counts[y] >= COUNTRY_MIN_NOTES]
    vec = TfidfVectorizer(
        analyzer="word",
        ngram_range=tuple(COUNTRY_WORD["ngram_range"]),
        sublinear_tf=True,
        max_features=COUNTRY_WORD["max_features"],
        min_df=2,
        dtype=np.float32,
    )
    x = vec.fit_transform(texts)
    model = LogisticRegression(C=COUNTRY_C, max_iter=3000, class_weight="balanced")
    model.fit(x[keep], [labels[i] for i in keep])
    meta = {
        "model": "lr",
        "name": "country_lr_balanced",
        "sklearn": sklearn_version(),
        "train_notes": len(keep),
    }
    return model_arrays(meta, [("word", vec, COUNTRY_WORD)], model)


UNKNOWN_WORD: dict[str, Any] = {
    "analyzer": "word",
    "ngram_range": [1, 2],
    "sublinear_tf": True,
    "max_features": 20000,
}
UNKNOWN_C = 10.0
_UNKNOWN = re.compile(r"^(Unidentified |Sole Perpetrator)")
IMPLICIT_MIN_EXAMPLES = 5


def unknown_actor_examples(notes: Sequence[Note]) -> tuple[list[str], list[str]]:
    """(text, template) for every actor 1 or 2 a note codes without naming it: someone nobody
    identified ("Unidentified Gang (Mexico)" becomes the template "Unidentified Gang
    ({country})"), or an armed actor ACLED attributes from circumstance, not from a name in the
    text (shelling observed near a front-line village, a device planted in a group's area)."""
    texts, labels = [], []
    seen = Counter(n["gold"].get("actor1") for n in notes)
    for n in notes:
        gold = n["gold"]
        named: set[str] | None = None
        for role in ("actor1", "actor2"):
            name = gold.get(role) or ""
            if not name:
                continue
            if role == "actor1" and (kind := _identity_militia_kind(name, n, seen)) is not None:
                # "Darfur Communal Militia (Sudan)" attacking: too rare by name to learn, but the
                # kind of crowd-drawn militia is learnt (ACLED's generic name, inter code 4). Not
                # as a target: there the kind is told by the attacker's, which is not learnt.
                name = f"Unidentified {kind} Militia ({gold.get('country')})"
            elif not _UNKNOWN.match(name):
                if named is None:
                    named = _named_actors(n)
                if not _implicit_label(name, n, named):
                    continue
            suffix = f" ({gold.get('country')})"
            template = name[: -len(suffix)] + " ({country})" if name.endswith(suffix) else name
            texts.append(unknown_actor_text(n["text"], gold.get("country"), role))
            labels.append(template)
    # A named actor seen this rarely without its name cannot be learnt.
    counts = Counter(labels)
    keep = [
        i
        for i, label in enumerate(labels)
        if counts[label] >= IMPLICIT_MIN_EXAMPLES or _UNKNOWN.match(label)
    ]
    return [texts[i] for i in keep], [labels[i] for i in keep]


def _named_actors(note: Note) -> set[str]:
    """The normalised names of every actor the note's text names through the alias dictionary,
    read in the note's country."""
    from sitrep.extract.actors.mentions import alias_matcher, choose_alias
    from sitrep.knowledge.actors import actor_dictionary, normalise_name

    year = int(note["published"][:4]) if note.get("published") else None
    dictionary = actor_dictionary(year)
    country = note["gold"].get("country")
    named = set()
    for match in alias_matcher(year).find(note["text"]):
        alias = choose_alias(match.entries, country)
        entry = dictionary.resolve(alias, country) if alias is not None else None
        if entry is not None:
            named.add(normalise_name(entry.name))
    return named


def _identity_militia_kind(name: str, note: Note, seen: Counter[Any] | None = None) -> str | None:
    """The kind of an identity militia the dictionary does not name ("Murle Ethnic Militia (South
    Sudan)" → Communal, "Habar Gedir Sub-Clan Militia (Somalia)" → Clan), or None. One the
    dictionary names by a row of its own ("Twic Clan Militia (South Sudan)", not a `{country}`
    row) but seen as actor 1 fewer than `IMPLICIT_MIN_EXAMPLES` times (`seen`) is too rare to
    learn by name and still teaches its kind, as before it had a row."""
    from sitrep.knowledge.actors import actor_dictionary

    found = _IDENTITY_MILITIA.search(name)
    if found is None or _UNKNOWN.match(name):
        return None
    year = int(note["published"][:4]) if note.get("published") else None
    if actor_dictionary(year).entry(name) is not None and not (
        seen is not None and seen[name] < IMPLICIT_MIN_EXAMPLES and name in _own_rows()
    ):
        return None
    return _IDENTITY_KINDS[found.group(1)]


@cache
def _own_rows() -> frozenset[str]:
    """The names of `actors.csv` written out in full (not expanded for every country)."""
    from sitrep.knowledge.loader import read_csv

    return frozenset(r["name"] for r in read_csv("actors.csv", ["name"]) if "{" not in r["name"])


# ACLED's identity militias by kind, and the generic name of each kind (actors.csv).
_IDENTITY_MILITIA = re.compile(r"\b(Communal|Ethnic|Clan|Sub-Clan|Tribal) Militia \(")
_IDENTITY_KINDS = {
    "Communal": "Communal", "Ethnic": "Communal", "Clan": "Clan", "Sub-Clan": "Clan",
    "Tribal": "Tribal",
}  # fmt: skip


def _implicit_label(name: str, note: Note, named: set[str]) -> bool:
    """Whether `name` is an armed actor of the dictionary that the note's text does not name."""
    from sitrep.knowledge.actors import actor_dictionary, normalise_name

    year = int(note["published"][:4]) if note.get("published") else None
    entry = actor_dictionary(year).entry(name)
    return (
        entry is not None
        and entry.inter in ARMED_INTER  # crowds and civilians are the roles' own defaults
        and normalise_name(entry.name) not in named
    )


def fit_unknown_actor_classifier(notes: Sequence[Note]) -> Arrays:
    """Which of ACLED's names for an unidentified attacker or victim a note calls for
    ("Unidentified Gang" for unclaimed killings in Mexico, "… and/or Police Militia" in
    Brazil)."""
    return _word_model(*unknown_actor_examples(notes), "unknown_actor_lr")


def _word_model(texts: list[str], labels: list[str], name: str) -> Arrays:
    """A logistic regression over word n-grams (the unknown-actor and side-order models)."""
    from sklearn.linear_model import LogisticRegression

    (vec,) = fit_vectorizers(texts, (UNKNOWN_WORD,))
    model = LogisticRegression(C=UNKNOWN_C, max_iter=3000)
    model.fit(transform([vec], texts), labels)
    meta = {"model": "lr", "name": name, "sklearn": sklearn_version(), "train_notes": len(texts)}
    return model_arrays(meta, [("word", vec, UNKNOWN_WORD)], model)


def side_order_examples(notes: Sequence[Note]) -> tuple[list[str], list[str]]:
    """(text, LOW_FIRST or HIGH_FIRST) for every battle whose two sides have different inter
    codes: which of them ACLED codes as actor 1 is a convention of each country's coders
    (Brazil's military police first, Mexico's gangs first), not of the wording."""
    texts, labels = [], []
    for n in notes:
        gold = n["gold"]
        inters = (gold.get("inter1"), gold.get("inter2"))
        if gold.get("event_type") != "Battles" or inters[0] == inters[1]:
            continue
        if not all(i in INTER_WORDS for i in inters):
            continue
        texts.append(side_order_text(n["text"], gold.get("country"), inters))  # type: ignore[arg-type]
        labels.append(LOW_FIRST if inters[0] < inters[1] else HIGH_FIRST)
    return texts, labels


def fit_side_order_classifier(notes: Sequence[Note]) -> Arrays:
    """Whether a battle's side with the lower inter code is ACLED's actor 1."""
    return _word_model(*side_order_examples(notes), "side_order_lr")


def held_out_predictions(
    notes: Sequence[Note],
    fit: Callable[[Sequence[Note]], Arrays],
    examples: Callable[[Sequence[Note]], tuple[list[str], list[str]]],
    model_file: str,
    folds: int,
) -> Iterator[tuple[str, float, str]]:
    """(predicted label, its probability, gold label) of every example, each predicted by the
    model fitted on the other folds (the training scripts' cross-validated report)."""
    from sitrep.evaluate.crossval import fold_of  # crossval imports this module

    for k in range(folds):
        train = [n for n in notes if fold_of(n["id"], folds) != k]
        held = [n for n in notes if fold_of(n["id"], folds) == k]
        clf = TextClassifier(fit(train), model_file)
        for text, label in zip(*examples(held), strict=True):
            best, p = clf.predict(text).best()
            yield best, p, label


# Every statistical model the pipeline loads, by model file: cross-validation retrains each one on
# the other folds. A new learned component adds its trainer here.
TRAINERS: dict[str, Callable[[Sequence[Note]], Arrays]] = {
    MODEL_FILE: fit_event_classifier,
    COUNTRY_MODEL_FILE: fit_country_classifier,
    UNKNOWN_ACTOR_MODEL_FILE: fit_unknown_actor_classifier,
    SIDE_ORDER_MODEL_FILE: fit_side_order_classifier,
}
# Knowledge data files a trainer reads besides the notes (the unknown-actor examples depend on
# which actors the alias dictionary names): a change to them retrains that model's fold models.
# The country labels are the gazetteer's country codes for ACLED's names (admin_names.csv); both
# actor models read who holds the front-line places a text names (front_lines.csv).
TRAINER_DATA: dict[str, tuple[str, ...]] = {
    UNKNOWN_ACTOR_MODEL_FILE: (*DICTIONARY_FILES, FRONT_LINES_FILE, CRIME_HALLMARKS_FILE),
    SIDE_ORDER_MODEL_FILE: (FRONT_LINES_FILE,),
    COUNTRY_MODEL_FILE: (ADMIN_NAMES_FILE,),
}
