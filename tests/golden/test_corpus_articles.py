"""Each corpus article against its hand-coded golden file (tests/golden_corpus.py): every field the
file codes, the statements that are no events, and the anchoring of its offsets in sitrep's
normalised text.

The corpus figures (events found, false positives, agreement on each coded field) are bounded by
the evaluation gate (yardstick "corpus" of tests/evaluate/baseline.json, moved with
`python tests/gate.py`); per-article results are written to test-output/corpus_scores.json.
`pytest tests/golden --update-golden` re-anchors evidence offsets that a change of the normalised
text moved and rewrites the files in canonical form (sorted keys, text order); the hand-coded
fields are never rewritten. Review the diff like code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gate import corpus_measurement, failures, read_baseline
from golden_corpus import (
    GOLDEN,
    canonical,
    cases,
    code_corpus,
    non_events_coded,
    reanchor,
    span_check,
    spans,
)


@pytest.fixture(scope="module")
def coded(pipeline, shared):
    corpus, documents = code_corpus(pipeline, shared / "corpus")
    out = Path("test-output")
    out.mkdir(exist_ok=True)
    (out / "corpus_scores.json").write_text(json.dumps(corpus.report(), indent=2))
    return corpus, documents


def test_every_corpus_article_has_a_golden_file(shared):
    coded_articles = {json.loads(c.read_text())["article"] for c in cases()}
    assert coded_articles == {
        p.name for p in (shared / "corpus").glob("*.txt") if not p.name.startswith("almayadeen")
    }  # the example article is asserted field by field in test_example_article.py


def test_golden_offsets_point_at_the_coded_words(coded, request):
    update = request.config.getoption("--update-golden")
    stale = []
    for stem, (doc, golden) in coded[1].items():
        text = doc["text"]
        for entry in spans(golden):
            start, end = entry["evidence"]
            check = entry.get("evidence_check")
            if check is not None and span_check(text[start:end]) == check:
                continue
            where = f"{stem}: evidence {entry['evidence']}"
            if not update:
                stale.append(f"{where} no longer holds the coded words")
            elif check is None:
                entry["evidence_check"] = span_check(text[start:end])
            elif (moved := reanchor(text, check)) is not None:
                entry["evidence"] = list(moved)
            else:
                stale.append(f"{where}: the coded words are no longer in the text; re-code it")
        if update:
            (GOLDEN / f"{stem}.json").write_text(canonical(golden), encoding="utf-8")
    assert not stale, "\n".join(stale) + "\n(pytest tests/golden --update-golden re-anchors)"


def test_golden_files_are_canonical():
    for case in cases():
        text = case.read_text(encoding="utf-8")
        assert text == canonical(json.loads(text)), f"{case.name}: run --update-golden"


def test_found_events_and_every_coded_field_within_the_gate(coded):
    measurement = corpus_measurement(coded[0])
    assert set(measurement.figures) >= {"recall", "precision", "actor1", "location", "fatalities"}
    problems = failures(measurement, read_baseline())
    assert not problems, "\n".join(problems)


def test_statements_of_non_events_give_no_occurred_event(coded):
    for stem, (doc, golden) in coded[1].items():
        wrong = non_events_coded(doc["events"], golden)
        assert not wrong, f"{stem}: {wrong}"
