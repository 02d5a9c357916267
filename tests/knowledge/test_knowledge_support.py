"""scripts/knowledge_support.py: its candidate search and its coding with and without a row."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from sitrep.knowledge.loader import read_csv

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "knowledge_support.py"


@pytest.fixture(scope="module")
def ks():
    spec = importlib.util.spec_from_file_location("knowledge_support", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["knowledge_support"] = module
    spec.loader.exec_module(module)
    return module


def _text(ks, tid, text, lemmas=()):
    t = ks.Text(tid, text, date(2023, 1, 5))
    t.norm = ks.normalise(text)
    t.squeezed = t.norm.replace(" ", "")
    t.lemmas = frozenset(lemmas)
    return t


def test_candidates_match_word_starts_squeezed_spellings_and_lemmas(ks):
    texts = [
        _text(ks, "inflected", "Two groups clashed near the bridge."),
        _text(ks, "hyphen", "Fighters of Ahrar al-Sharqiyah entered the town."),
        _text(ks, "squeezed", "Fighters of Ahrar alSharqiyah entered the town."),
        _text(ks, "irregular", "A guard was shot at the gate.", lemmas={"shoot"}),
        _text(ks, "inside", "The unclashed ranks waited."),  # not at a word start
    ]
    found = {
        key: {t.tid for t in ks.candidates(ks.Row("t", 1, key, [key]), texts)}
        for key in ("clash", "Ahrar al Sharqiyah", "shoot")
    }
    assert found["clash"] == {"inflected"}
    assert found["Ahrar al Sharqiyah"] == {"hyphen", "squeezed"}
    assert found["shoot"] == {"irregular"}


def test_an_actor_row_takes_its_aliases_with_it(ks):
    rows = {r.key: r for r in ks.table_rows("actors.csv")}
    aliases = read_csv("actor_aliases.csv", required=["alias", "name"])
    hezbollah = rows["Hezbollah"]
    assert "actor_aliases.csv" in hezbollah.drop_lines
    assert len(hezbollah.drop_lines["actor_aliases.csv"]) == sum(
        a["name"] == "Hezbollah" for a in aliases
    )
    assert rows["Civilians ({country})"].every_text  # named by the role rules, not by a word


def test_removing_a_row_changes_the_coding_and_removing_nothing_does_not(ks):
    from sitrep.pipeline import Pipeline

    pipeline = Pipeline()  # the child rebuilds every table (no in-memory memo in a test run)
    texts = [
        _text(ks, "a", "Gunmen attacked a bus in Mosul on Monday."),
        _text(ks, "b", "Students rallied in Basra on Sunday to demand jobs."),
    ]
    docs = pipeline.run_many([ks.raw_document(t) for t in texts])
    base = {t.tid: ks.fingerprint(d) for t, d in zip(texts, docs, strict=True)}
    control = ks.code_in_child(pipeline, {}, texts, base, stop=10)
    assert control == {"coded": 2, "changed": 0, "core": 0}
    attack = next(r for r in ks.table_rows("triggers.csv") if r.key == "attack")
    result = ks.code_in_child(pipeline, ks._without(attack.drop_lines), texts, base, stop=10)
    assert result["changed"] == 1 and result["core"] == 1  # the attack, not the rally
