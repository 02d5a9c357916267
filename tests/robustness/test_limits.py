"""The length cap for the NLP step: where text is cut, and that hand-built documents get it too."""

from __future__ import annotations

import pytest

from sitrep.ingest.limits import MAX_TEXT_CHARS
from sitrep.ingest.text import cap_length, truncate_text
from sitrep.records import RawDocument


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Paragraph number 1\nSecond paragraph", 20, "Paragraph number 1"),
        ("A sentence is here. And more follows", 20, "A sentence is here."),
        ("many words without any stop", 20, "many words without"),
        ("x" * 50, 20, "x" * 20),  # no boundary at all: cut exactly at the limit
        ("Short.", 20, "Short."),
        ("A.\n" + "y" * 60, 20, "A.\n" + "y" * 17),  # a boundary far before the limit is not used
    ],
)
def test_text_is_cut_at_the_last_boundary_near_the_limit(text, limit, expected):
    assert truncate_text(text, limit) == expected
    assert len(truncate_text(text, limit)) <= limit


def test_hand_built_documents_are_capped_with_a_warning():
    raw = RawDocument(text="Shelling continued. " * 10_000, warnings=("earlier",))
    capped = cap_length(raw)
    assert len(capped.text) <= MAX_TEXT_CHARS and capped.text.endswith("continued.")
    assert capped.warnings[0] == "earlier" and "text truncated to its first" in capped.warnings[1]
    short = RawDocument(text="Shelling continued.")
    assert cap_length(short) is short
