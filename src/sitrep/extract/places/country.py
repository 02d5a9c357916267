"""Votes for the document's country from its words, by the shipped country classifier.

Place names are the main evidence of where a document happens, but a note often names only a
village the gazetteer lacks ("blocked the Beddawi highway") or a name several countries share
("Tripoli"). Its other words (armed groups, institutions, parties, slogans) still say where it is:
the classifier (`country_classifier.npz`, trained by `scripts/train_country_classifier.py`) turns
them into votes that `places.document_country` adds to the places' own.
"""

from __future__ import annotations

from sitrep.knowledge.classifiers import load_country_classifier

# Below 0.3 the top country is right about two times in three (3-fold cross-validation on the
# train notes); from 0.3 it is right 95 % of the time, from 0.5 98 %. From 0.2 its vote (0.5 and
# more) already outweighs a lone nationality word or an ambiguous name's doubted reading, which
# are right less often (5-fold CV of the pipeline: country lost 2 / won 7 against 0.3).
MIN_PROBABILITY = 0.2
SUPPORT_PROBABILITY = 0.5
# With no place at all, the top country is the document's from this probability: a text with no
# telling words ("Nothing happened today") has a flat distribution whose top is about 0.04.
GUESS_PROBABILITY = 0.1
# A confident vote (p ≈ 0.9) outweighs an ambiguous town's split vote and a nationality word, not
# a country named as the place ("protests in Libya": 3) or a governorate with a town in it.
VOTE_WEIGHT = 2.5


def model_country_votes(text: str) -> dict[str, float]:
    """ISO country code → vote, for the countries the classifier gives `MIN_PROBABILITY` or more."""
    return votes_from(model_country_probabilities(text))


def votes_from(probabilities: dict[str, float]) -> dict[str, float]:
    """The votes of the countries given at least `MIN_PROBABILITY`."""
    return {code: VOTE_WEIGHT * p for code, p in probabilities.items() if p >= MIN_PROBABILITY}


# How much the classifier's probabilities weigh in choosing among one name's readings: a
# country's share of the name's vote is multiplied by p + READING_FLOOR, so a flat distribution
# (no telling words) leaves the shares as the places' priors make them.
READING_FLOOR = 0.02


def model_country_probabilities(text: str) -> dict[str, float]:
    """ISO country code → the classifier's probability, every class (empty without a model)."""
    clf = load_country_classifier()
    if clf is None or not text.strip():
        return {}
    prediction = clf.predict(text)
    return dict(zip(prediction.labels, prediction.probs, strict=True))


def supported_by_model(votes: dict[str, float]) -> frozenset[str]:
    """Countries the classifier is confident enough about to license a small place in them."""
    return frozenset(cc for cc, v in votes.items() if v >= VOTE_WEIGHT * SUPPORT_PROBABILITY)


def best_guess(probabilities: dict[str, float]) -> str | None:
    """The classifier's top country when it is at least `GUESS_PROBABILITY`, else None."""
    top = _top(probabilities)
    return top if top is not None and probabilities[top] >= GUESS_PROBABILITY else None


def _top(probabilities: dict[str, float]) -> str | None:
    return max(probabilities, key=probabilities.__getitem__, default=None)


# From this probability the classifier's top country is right 95 % of the time (see
# `MIN_PROBABILITY`): a document it leans to so is not moved abroad by places it cannot be in.
LEANING_PROBABILITY = 0.3


def leans_to(probabilities: dict[str, float], cc: str) -> bool:
    """The classifier's top country is `cc`, with at least `LEANING_PROBABILITY`."""
    return _top(probabilities) == cc and probabilities[cc] >= LEANING_PROBABILITY
