"""Properties of the time-expression grammar on arbitrary text: every expression found is a
true slice of the text, expressions never overlap, and resolving one never raises for any
publication date a reader lets through (1900–2100) and any tense."""

from __future__ import annotations

from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st
from strategies import FRAGMENTS, any_text

from sitrep.extract.time.timex import find_timexes, resolve
from sitrep.ingest.text import EARLIEST_PUBLISHED, LATEST_PUBLISHED

TIME_WORDS = (
    "29 April 2020",
    "2023-12-09",
    "Feb 30",
    "on 0 May",
    "the early hours of Saturday",
    "mid-2024",
    "2 days ago",
    "999999999999 days ago",
    "the past 99999999 years",
    "from 1 to 31 February 2023",
    "next month",
    "last Friday",
    "this weekend",
    "in 1900",
    "12/13/2023",
    "13/12/2023",
    "9999",
)
time_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS + TIME_WORDS), any_text), max_size=10).map(
    " ".join
)
anchors = st.one_of(st.none(), st.dates(EARLIEST_PUBLISHED, LATEST_PUBLISHED))


@settings(max_examples=150)
@given(time_text, anchors, st.sampled_from([None, "past", "future", "present"]), st.booleans())
# Found by this test: a "since" date after the anchor made a period end before it started.
@example("85 attacks since October 18 2023", date(2000, 1, 1), None, False)
def test_time_expressions_are_slices_and_always_resolve(text, anchor, tense, month_first):
    found = find_timexes(text, month_first=month_first)
    for earlier, later in zip(found, found[1:], strict=False):
        assert earlier.end <= later.start
    for tx in found:
        assert 0 <= tx.start < tx.end <= len(text) and text[tx.start : tx.end] == tx.text
        span = resolve(tx, anchor, tense)
        assert span.precision in (None, 1, 2, 3)
        if span.start and span.end:
            assert span.start <= span.end
