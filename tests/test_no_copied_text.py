"""No run of eight or more words from the shared notes or articles, and no gold coordinates,
are in the repository.

The notes and articles in ../shared are third-party texts for development only; tests that need
one read it from ../shared at test time. `python tests/copied_text.py` lists the runs found.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from copied_text import (
    COORDINATE_SUFFIXES,
    RUN,
    SHARED,
    copied_coordinates,
    copied_runs,
    gold_coordinates,
    repository_files,
    shared_grams,
    shared_texts,
)

pytestmark = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"no shared data folder at {SHARED}: nothing to compare against"
)


@pytest.fixture(scope="module")
def grams() -> frozenset[int]:
    return shared_grams()


def test_no_shared_text_is_copied_into_the_repository(grams):
    runs = [run for path in repository_files() for run in copied_runs(path, grams)]
    assert not runs, "third-party text in the repository:\n" + "\n".join(map(str, runs))


def test_a_copied_clause_is_found_through_quotes_breaks_and_case(grams, tmp_path):
    # The check itself must be able to fail: a note's words, re-cased and broken over string
    # literals and lines as a test would hold them, are found; one word changed breaks the run.
    note = next(t for t in shared_texts() if len(t.split()) >= 2 * RUN)
    words = note.split()[:RUN]
    copied = tmp_path / "copied.py"
    half = RUN // 2
    copied.write_text(
        f'TEXT = (\n    "{" ".join(words[:half]).upper()} "\n    f"{" ".join(words[half:])}"\n)\n'
    )
    (run,) = copied_runs(copied, grams, repo=tmp_path)
    assert (run.path, run.line, run.words) == ("copied.py", 2, RUN)
    words[half] = "zzyzx"
    copied.write_text(" ".join(words))
    assert copied_runs(copied, grams, repo=tmp_path) == []


def test_a_run_may_not_cross_table_cells(grams, tmp_path):
    # A name and its alias side by side are no sentence; a cell that quotes a note still is.
    note = next(t for t in shared_texts() if len(t.split()) >= 2 * RUN)
    words = note.replace(",", " ").replace('"', " ").split()[:RUN]
    table = tmp_path / "table.csv"
    half = RUN // 2
    table.write_text(f"name,alias\n{' '.join(words[:half])},{' '.join(words[half:])}\n")
    assert copied_runs(table, grams, repo=tmp_path) == []
    table.write_text(f'name,source\nx,"{" ".join(words)}"\n')
    assert [run.line for run in copied_runs(table, grams, repo=tmp_path)] == [2]


def test_project_sentences_are_not_runs(grams, tmp_path):
    written = tmp_path / "written.md"
    written.write_text("Zebras from the city zoo paraded quietly past the lighthouse at dawn.\n")
    assert copied_runs(written, grams, repo=tmp_path) == []


def test_the_scan_covers_code_tests_and_docs():
    scanned = {
        p.relative_to(Path(__file__).resolve().parents[1]).parts[0] for p in repository_files()
    }
    assert {"src", "tests", "docs", "scripts", "bench"} <= scanned


def test_no_gold_coordinates_in_code_tests_or_docs(tmp_path):
    pairs = gold_coordinates()
    files = [
        p
        for p in repository_files()
        if p.suffix in COORDINATE_SUFFIXES and "knowledge/data" not in p.as_posix()
    ]
    found = [pair for path in files for pair in copied_coordinates(path, pairs)]
    assert not found, "ACLED gold coordinates in the repository:\n" + "\n".join(map(str, found))
    # The check can fail: a gold pair written as a test would write it is found.
    lat, lon = sorted(pairs)[len(pairs) // 2]
    planted = tmp_path / "planted.py"
    planted.write_text(f'GOLD = {{"latitude": {lat:.4f},\n        "longitude": {lon:.4f}}}\n')
    assert len(copied_coordinates(planted, pairs, repo=tmp_path)) == 1
