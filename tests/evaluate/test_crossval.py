"""Cross-validation: a fixed split, models retrained per fold and installed, cached parses."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pytest

from sitrep.evaluate.crossval import cross_validate, fold_of, read_notes, region_of, select
from sitrep.evaluate.parses import ParseCache
from sitrep.knowledge import classifiers
from sitrep.knowledge.classifiers import MODEL_FILE, installed_models, load_classifier


@pytest.fixture(scope="module")
def train_files(shared):
    folder = shared / "data" / "train"
    return [folder / "acled_notes_train.jsonl", folder / "acled_2022_train.jsonl"]


def test_folds_are_fixed_by_id_and_balanced(train_files):
    notes = read_notes(train_files)
    sizes = Counter(fold_of(n["id"], 5) for n in notes)
    assert len(sizes) == 5
    assert max(sizes.values()) - min(sizes.values()) < 0.1 * len(notes) / 5
    assert fold_of("train22-AFG62470", 5) == fold_of("train22-AFG62470", 5)
    assert [fold_of(f"note-{i}", 7) for i in range(20)] == [
        fold_of(f"note-{i}", 7) for i in range(20)
    ]


def test_regions_and_selection(train_files):
    assert region_of("Syria") == "Middle East"
    assert region_of("Afghanistan") == "South Asia"
    assert region_of("Atlantis") == "Other"
    notes = read_notes(train_files)
    middle_east = select(notes, region="middle east")
    assert middle_east and all(
        region_of(n["gold"]["country"]) == "Middle East" for n in middle_east
    )
    sample = select(notes, limit=200)
    # A limited sample is spread over the files and countries, not the first lines of one file.
    assert len(sample) == 200 and len({n["gold"]["country"] for n in sample}) > 30
    assert select(notes, limit=200) == sample


def test_installed_models_replace_the_shipped_ones_inside_the_block():
    shipped = load_classifier()
    stand_in = classifiers.TextClassifier.__new__(classifiers.TextClassifier)
    with installed_models({MODEL_FILE: stand_in}):
        assert load_classifier() is stand_in
    assert load_classifier() is shipped


def test_cross_validation_retrains_per_fold_and_scores_held_out_notes(tmp_path, train_files):
    from sitrep.evaluate.training import fit_event_classifier

    notes = select(read_notes(train_files), limit=60)
    path = tmp_path / "notes.jsonl"
    path.write_text("\n".join(json.dumps(n) for n in notes), encoding="utf-8")
    seen: list[int] = []

    def trainer(train):
        seen.append(len(train))
        return fit_event_classifier(train)

    result = cross_validate([path], folds=3, trainers={MODEL_FILE: trainer}, use_cache=False)
    summary = result.summary()
    assert summary["notes"] == 60 and sum(summary["fold_sizes"].values()) == 60
    # Each fold's model saw exactly the other folds' notes.
    assert sorted(seen) == sorted(60 - size for size in result.fold_sizes.values())
    assert sum(s["records"] for s in summary["regions"].values()) == 60
    assert summary["fields"]["event_type"]["of_gold"] > 0.5


def test_parse_cache_returns_the_same_parse(tmp_path):
    from sitrep.nlp.model import load_nlp

    nlp = load_nlp()
    texts = ["Gunmen killed two police officers in Kandahar.", "Protesters marched in Lima."]
    first = ParseCache(nlp, root=tmp_path)
    parsed = list(first.pipe(texts))
    assert first.misses == 2
    again = ParseCache(nlp, root=tmp_path)
    cached = list(again.pipe(reversed(texts)))
    assert again.hits == 2 and again.misses == 0
    for a, b in zip(parsed, reversed(cached), strict=True):
        assert [(t.text, t.dep_, t.head.i, t.pos_, t.lemma_, t.ent_type_) for t in a] == [
            (t.text, t.dep_, t.head.i, t.pos_, t.lemma_, t.ent_type_) for t in b
        ]
        assert [s.text for s in a.sents] == [s.text for s in b.sents]


def test_fold_models_are_retrained_when_the_knowledge_they_read_changes(tmp_path, monkeypatch):
    from sitrep.evaluate import crossval, training
    from sitrep.knowledge import loader

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setitem(training.TRAINER_DATA, "probe.npz", ("probe.csv",))
    calls = []

    def trainer(notes):
        calls.append(len(notes))
        return {"x": np.zeros(1)}

    notes = [{"id": "n1", "text": "A note.", "gold": {}}]
    data = {"probe.csv": b"one"}
    monkeypatch.setattr(loader, "read_bytes", lambda name: data[name])
    crossval.train_cached("probe.npz", trainer, notes)
    crossval.train_cached("probe.npz", trainer, notes)
    assert len(calls) == 1  # cached
    data["probe.csv"] = b"two"
    crossval.train_cached("probe.npz", trainer, notes)
    assert len(calls) == 2  # the data it reads changed: retrained


def test_a_change_to_the_classifiers_text_builders_retrains_the_fold_models(monkeypatch):
    # The side-order and unknown-actor examples are built by functions of the classifiers
    # module: editing one must not reuse fold models trained on the old examples.
    import inspect

    from sitrep.evaluate import crossval
    from sitrep.evaluate.training import fit_side_order_classifier

    before = crossval._trainer_version(fit_side_order_classifier)
    real = inspect.getsource

    def edited(obj):
        return real(obj) + ("\n# edited" if obj is classifiers else "")

    monkeypatch.setattr(crossval.inspect, "getsource", edited)
    assert crossval._trainer_version(fit_side_order_classifier) != before
