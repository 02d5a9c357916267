"""bench/classifiers.py: the classifier comparison scores what it says and runs end to end."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import classifiers as bench  # noqa: E402


def test_tally_counts_types_sub_types_and_the_violent_decision():
    tally = bench.Tally()
    protest = {"event_type": "Protests", "sub_event_type": "Peaceful protest"}
    clash = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    riot = {"event_type": "Riots", "sub_event_type": "Mob violence"}
    tally.add(protest, "Peaceful protest")  # all right
    tally.add(protest, "Armed clash")  # violent on a non-violent note
    tally.add(clash, "Attack")  # wrong type, right decision (both violent)
    tally.add(riot, "Peaceful protest")  # riots are left out of the decision
    row = tally.row()
    assert row["notes"] == 4
    assert row["event_type"] == 25.0
    assert row["sub_event_type"] == 25.0
    assert (row["decided"], row["decision_right"]) == (3, 2)
    assert row["violent_on_non_violent"] == 50.0


def test_tfidf_and_spacy_bow_cross_validate_on_real_notes(shared, tmp_path):
    pytest.importorskip("sklearn")
    folder = shared / "data" / "train"
    notes = [json.loads(line) for line in (folder / "acled_2022_train.jsonl").open()][:600]
    # Three sub-types with many notes, so that three folds can learn them.
    keep = {"Peaceful protest", "Armed clash", "Attack"}
    small = tmp_path / "notes.jsonl"
    small.write_text(
        "".join(json.dumps(n) + "\n" for n in notes if n["gold"]["sub_event_type"] in keep)
    )
    out = tmp_path / "cv.json"
    argv = ["--train", str(small), "--folds", "3", "--only-folds", "0", "--timing", "5"]
    argv += ["--options", "tfidf_lr", "spacy_bow", "--epochs", "3", "--json", str(out)]
    assert bench.main(argv) == 0
    result = json.loads(out.read_text())
    for name in ("tfidf_lr", "spacy_bow"):
        option = result["options"][name]
        assert not option["skipped"]
        # Protests and violence are told apart far above chance, on notes not trained on.
        assert option["pooled"]["violent_decision"] > 85.0
        assert option["ms_per_doc"] > 0.0
        assert set(option["predicted"].values()) <= keep
    assert result["spacy_parse_ms_per_doc"] > 0.0
