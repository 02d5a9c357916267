"""group_words.csv: a named group's armed words and ACLED inter code."""

from __future__ import annotations

import pytest

from sitrep.knowledge.groups import armed_name, group_inter, member_nouns


@pytest.mark.parametrize(
    ("name", "armed", "inter"),
    [
        ("Free Valley Brigade", True, 3),
        ("Northern Liberation Front", True, 3),
        ("Lake Shore Communal Militia", True, 4),
        ("Green Hills Movement", False, 3),
        ("Brigade", False, 3),
        ("City Council", False, 3),
    ],
)
def test_group_words(name, armed, inter):
    assert armed_name(name) is armed
    assert group_inter(name) == inter


def test_member_nouns():
    assert {"gunmen", "fighters", "militants"} <= member_nouns()
