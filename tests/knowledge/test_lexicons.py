"""The factuality, attribution and quantity word lists load, validate and hold key entries."""

from __future__ import annotations

import pytest

from sitrep.errors import KnowledgeDataError
from sitrep.knowledge import lexicons
from sitrep.records import MODALITIES, SOURCE_TYPES


def test_cues_are_valid_and_cover_every_modality_but_occurred():
    cues = [c for group in lexicons.modality_cues().values() for c in group]
    assert {c.modality for c in cues} >= set(MODALITIES) - {"occurred"}
    assert all(c.scope in lexicons.CUE_SCOPES for c in cues)


def test_conditional_cues():
    (meet,) = lexicons.modality_cues()["meet"]
    assert meet.holds(has_will=True, object_lemmas=set())
    assert not meet.holds(has_will=False, object_lemmas=set())
    deny = {c.modality: c for c in lexicons.modality_cues()["deny"]}
    assert deny["negated"].holds(False, {"report"}) and not deny["denied"].holds(False, {"report"})


def test_number_words_follow_acled_conventions():
    words = lexicons.number_words()
    assert (words["dozens"].value, words["dozens"].qualifier) == (12, "at least")
    assert words["dozen"].kind == "multiplier"
    assert words["at least"].kind == "qualifier"
    assert words["fourth"].value == 4


def test_source_words_and_channels():
    words = lexicons.source_words()
    kinds = {w.kind for key, w in words.items() if not key.startswith("channel:")}
    assert kinds == set(SOURCE_TYPES)
    assert words["channel:telegram"].name == "Telegram"
    assert words["sources"].kind == "anonymous"


def test_loaded_terms_match_whole_words():
    pattern = next(t.pattern for t in lexicons.loaded_terms() if t.phrase == "US occupation")
    assert pattern.search("against the US occupation sites")
    assert not pattern.search("the US occupational therapist")


def test_bad_modality_is_reported_with_file_and_line(monkeypatch):
    rows = [
        {"cue": "fear", "modality": "rumoured", "scope": "governor", "via": "", "condition": ""}
    ]
    monkeypatch.setattr(lexicons, "read_csv", lambda name, required=(): rows)
    lexicons.modality_cues.cache_clear()
    try:
        with pytest.raises(KnowledgeDataError, match=r"modality_cues.csv:2"):
            lexicons.modality_cues()
    finally:
        lexicons.modality_cues.cache_clear()
