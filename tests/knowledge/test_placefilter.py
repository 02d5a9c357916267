"""The place filter's outlet spans: the substring gate before the case-blind pattern."""

from __future__ import annotations

import pytest

from sitrep.knowledge.placefilter import _may_name, _media_pattern

NAMES = ("al quds news", "the daily lantern")


@pytest.mark.parametrize(
    "text",
    [
        "Reporters of THE DAILY LANTERN saw the march.",
        "Al Quds News said the road was shut.",
        # Letters IGNORECASE folds to ASCII ones (Kelvin sign, long s): the pattern decides.
        "Al Quds New\u017f said the road was shut.",
        "The Daily Lantern\u212a reported it.",
        "Al Qu\u0131ds",
    ],
)
def test_the_gate_never_hides_a_match(text):
    assert _may_name(text, NAMES)


def test_the_gate_skips_a_text_with_no_outlet_name():
    text = "Hundreds marched through the old market on Friday."
    assert not _may_name(text, NAMES)
    assert not list(_media_pattern(NAMES).finditer(text))
    # An outlet's own name is matched case-blind; names beyond ASCII are left to the pattern.
    assert _may_name("Seen on al quds NEWS.", ("Al Quds News",))
    assert not _may_name(text, ("Al Quds News",))
    assert _may_name(text, ("Al Quds Saïd",))
