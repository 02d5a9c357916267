"""The evaluation gate: dev-set scores may not fall below the floors in baseline.json.

Floors are raised when sitrep improves, never silently lowered; the dev file's hash is pinned so a
changed gold file is noticed rather than scored against old floors.
"""

import hashlib
import json
from pathlib import Path

import pytest

from sitrep.evaluate.run import evaluate

BASELINE = Path(__file__).with_name("baseline.json")


@pytest.fixture(scope="module")
def dev_summary(dev_notes, pipeline):
    return evaluate(dev_notes, pipeline=pipeline).summary()


def test_gold_file_is_the_one_the_floors_were_set_on(dev_notes):
    baseline = json.loads(BASELINE.read_text())
    assert hashlib.sha256(dev_notes.read_bytes()).hexdigest() == baseline["dev_sha256"]


@pytest.mark.parametrize("field", sorted(json.loads(BASELINE.read_text())["floors"]))
def test_dev_scores_do_not_fall_below_floors(dev_summary, field):
    floors = json.loads(BASELINE.read_text())["floors"]
    name, metric = field.split(".")
    score = dev_summary["fields"][name][metric]
    assert score is not None and score >= floors[field], f"{field}: {score} < floor {floors[field]}"
