import pytest

from sitrep.errors import ConfigError
from sitrep.extract.registry import check_order, extractor
from sitrep.pipeline import DEFAULT_EXTRACTORS, Pipeline, document_id
from sitrep.records import RawDocument


def test_default_pipeline_order_is_sound(pipeline):
    assert [s.name for s in pipeline.specs] == list(DEFAULT_EXTRACTORS)


def test_an_extractor_before_its_inputs_is_refused(pipeline):
    @extractor("needs_events_test", requires=("events",), assigns=("x",))
    def needs_events(state):  # pragma: no cover - never run
        pass

    with pytest.raises(ConfigError, match="requires"):
        check_order(["segment", "needs_events_test", "events"])
    with pytest.raises(ConfigError, match="no extractor named"):
        Pipeline(["segment", "does-not-exist"])


def test_same_text_same_ids(pipeline, example_doc):
    again = pipeline(
        RawDocument(
            text=example_doc.text, published=example_doc.published, outlet=example_doc.outlet
        )
    )
    assert again.doc_id == example_doc.doc_id == document_id(example_doc.text)
    assert [e.event_id for e in again.events] == [e.event_id for e in example_doc.events]


def test_evidence_offsets_point_into_the_text(example_doc):
    spans = [s for e in example_doc.events for s in e.evidence] + [
        s for t in example_doc.tallies for s in t.evidence
    ]
    assert spans, "the example article must give evidence"
    for span in spans:
        assert example_doc.text[span.start : span.end] == span.text


def test_a_failing_extractor_costs_one_document_not_the_batch():
    @extractor("explodes_on_boom", requires=("sentences",), assigns=())
    def explodes(state):
        if "boom" in state.text:
            raise RuntimeError("boom")

    pipe = Pipeline(["segment", "explodes_on_boom"])
    docs = list(pipe.run_many([RawDocument(text="A boom."), RawDocument(text="Quiet day.")]))
    assert any("extraction failed" in w for w in docs[0].warnings)
    assert docs[1].warnings == ()
