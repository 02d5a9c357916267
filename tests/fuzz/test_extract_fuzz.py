"""Properties of the whole coder on arbitrary text: `sitrep.extract` never raises, no extractor
fails (checked with a strict pipeline, which raises where the default one would only warn),
and every piece of evidence is a true slice of the document's text."""

from __future__ import annotations

from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st
from strategies import any_text, news_text

import sitrep
from sitrep.ingest.readers import read_string
from sitrep.records import Document


def _check_offsets(doc: Document) -> None:
    for record in (*doc.events, *doc.tallies):
        for span in record.evidence:
            assert 0 <= span.start <= span.end <= len(doc.text)
            assert doc.text[span.start : span.end] == span.text


@settings(max_examples=25)
@given(any_text, st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31)).map(str)))
@example("PROTESTers ²", None)  # "²" is a digit to str.isdigit() that int() cannot read
def test_extract_never_raises_and_evidence_is_in_the_text(text, published):
    doc = sitrep.extract(text, published=published)
    assert not any(w.startswith("extraction failed") for w in doc.warnings), doc.warnings
    _check_offsets(doc)


@settings(max_examples=25)
@given(news_text, st.dates(date(1990, 1, 1), date(2030, 12, 31)))
def test_no_extractor_fails_on_news_shaped_noise(pipeline, text, published):
    doc = pipeline(read_string(text, published=published))  # strict: an extractor error raises
    _check_offsets(doc)
