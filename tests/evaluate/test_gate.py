"""The evaluation gate: the article dev set, the corpus golden files, a fixed cross-validation
split of the train notes and the dev notes may not fall past their bounds in baseline.json.

Bounds are raised when sitrep improves (`python tests/gate.py --write`), never silently lowered;
each yardstick's data hash is pinned. This run's figures are written to test-output/gate.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gate import (
    MARGINS,
    MEASURES,
    YARDSTICKS,
    Figure,
    Measurement,
    failures,
    read_baseline,
    updated,
)

OUT = Path("test-output")


def _write_report(m: Measurement) -> None:
    OUT.mkdir(exist_ok=True)
    path = OUT / "gate.json"
    report = json.loads(path.read_text()) if path.is_file() else {}
    report[m.yardstick] = {
        "figures": {name: f.value for name, f in sorted(m.figures.items())},
        "summary": {k: v for k, v in m.report.items() if k not in ("misses", "per_item")},
        "per_item": m.report.get("per_item"),
    }
    path.write_text(json.dumps(report, indent=2, sort_keys=True))


# The corpus yardstick is checked by tests/golden/test_corpus_articles.py, which codes the corpus.
@pytest.mark.parametrize("yardstick", [y for y in YARDSTICKS if y != "corpus"])
def test_figures_are_within_their_bounds(pipeline, shared, yardstick):
    m = MEASURES[yardstick](pipeline)
    _write_report(m)
    problems = failures(m, read_baseline())
    assert not problems, "\n".join(problems)


def test_every_yardstick_is_bounded_on_what_matters():
    baseline = read_baseline()
    assert set(baseline) >= set(YARDSTICKS)
    assert {"recall", "precision", "sub_event_type", "fatalities", "tallies", "threat"} <= set(
        baseline["articles"]["bounds"]
    )
    assert "prefilter.recall" in baseline["articles"]["bounds"]
    for notes in ("cv", "dev"):
        assert {
            "event_type.of_gold",
            "sub_event_type.of_gold",
            "actor1.of_gold",
            "places.country_from_text",
            "places.admin1_given_country",
            "prefilter.recall",
        } <= set(baseline[notes]["bounds"])


# --- how bounds move ------------------------------------------------------------------------


def _measurement(value: float, data: str = "abc", higher: bool = True) -> Measurement:
    return Measurement("articles", data, {"recall": Figure(value, 100, higher)}, {})


M = MARGINS["articles"]  # 100 items: the margin is the share, not the two-item minimum


def test_a_figure_past_its_floor_fails_and_names_it():
    baseline, _ = updated({}, [_measurement(0.60)])
    assert baseline["articles"]["bounds"] == {"recall": {"floor": round(0.60 - M, 3)}}
    assert failures(_measurement(0.60 - M), baseline) == []
    (failure,) = failures(_measurement(0.59 - M), baseline)
    assert "recall" in failure and str(round(0.60 - M, 3)) in failure


def test_error_rates_have_ceilings():
    baseline, _ = updated({}, [_measurement(0.10, higher=False)])
    assert baseline["articles"]["bounds"] == {"recall": {"ceiling": round(0.10 + M, 3)}}
    assert failures(_measurement(0.11 + M, higher=False), baseline)


def test_bounds_are_raised_never_silently_lowered():
    baseline, _ = updated({}, [_measurement(0.60)])
    raised, lines = updated(baseline, [_measurement(0.70)])
    assert raised["articles"]["bounds"]["recall"] == {"floor": round(0.70 - M, 3)}
    assert len(lines) == 1
    kept, lines = updated(raised, [_measurement(0.50)])
    assert kept["articles"]["bounds"]["recall"] == {"floor": round(0.70 - M, 3)} and lines == []
    lowered, lines = updated(raised, [_measurement(0.50)], reset=True)
    assert lowered["articles"]["bounds"]["recall"] == {"floor": round(0.50 - M, 3)}
    assert len(lines) == 1


def test_changed_gold_data_fails_until_measured_again():
    baseline, _ = updated({}, [_measurement(0.60, data="old")])
    (failure,) = failures(_measurement(0.90, data="new"), baseline)
    assert "gold data changed" in failure
    kept, _ = updated(baseline, [_measurement(0.90, data="new")])
    assert kept["articles"]["data_sha256"] == "old"


def test_a_small_denominator_gets_a_margin_of_whole_items():
    assert Figure(0.5, 20).bound(0.03) == 0.4  # two items of 20, not 3 %
    assert Figure(0.5, 1000).bound(0.03) == 0.47
