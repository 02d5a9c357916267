import gc

import pytest

from sitrep.errors import ConfigError
from sitrep.extract.registry import check_order, extractor
from sitrep.ingest.readers import read_paths, read_string
from sitrep.pipeline import DEFAULT_EXTRACTORS, Pipeline
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


# The contract: `doc_id` is a stable hash of the normalised text, so the same article read twice
# gets the same id, in this run and in every later version (stored ids and deduplication rely on
# it). The id below was computed when the hash scheme was fixed; it must never change.
ARTICLE = (
    "date 2024-03-02 Clashes near Saraqib\nBy sitrep test desk\n\n"
    "Fighters clashed with army troops near Saraqib on Friday, a local source said.\n"
)
ARTICLE_ID = "a685490d8afc34a4"


def test_same_article_same_ids_however_it_is_stored(pipeline, tmp_path):
    first = pipeline(read_string(ARTICLE))
    # The same article saved with a byte-order mark, CRLF line ends and doubled spaces.
    saved = tmp_path / "saved.txt"
    saved.write_bytes(
        ("\ufeff" + ARTICLE.replace("\n", "\r\n").replace("clashed with", "clashed  with")).encode()
    )
    (raw,) = read_paths([str(saved)])
    again = pipeline(raw)
    assert first.doc_id == again.doc_id == ARTICLE_ID
    assert first.events and [e.event_id for e in first.events] == [e.event_id for e in again.events]
    other = pipeline(read_string(ARTICLE.replace("Friday", "Saturday")))
    assert other.doc_id != first.doc_id


def test_same_text_same_ids_on_a_real_article(pipeline, example_doc):
    again = pipeline(
        RawDocument(
            text=example_doc.text, published=example_doc.published, outlet=example_doc.outlet
        )
    )
    assert again.doc_id == example_doc.doc_id
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


def test_a_coding_process_freezes_what_its_first_batch_loaded():
    # `freeze=True` takes the loaded model and tables out of the cyclic collector's sight, once;
    # a pipeline without it leaves the collector alone (a host application's heap is its own).
    gc.unfreeze()
    try:
        list(Pipeline(["segment"]).run_many([RawDocument(text="Shots were fired.")]))
        assert gc.get_freeze_count() == 0
        pipe = Pipeline(["segment"], freeze=True)
        list(pipe.run_many([RawDocument(text="Shots were fired.")]))
        frozen = gc.get_freeze_count()
        assert frozen > 0
        list(pipe.run_many([RawDocument(text="Shots were fired again.")]))
        assert gc.get_freeze_count() == frozen  # later batches stay collectable
    finally:
        gc.unfreeze()


def test_parsing_in_other_processes_codes_every_document_the_same(pipeline, monkeypatch):
    # `parse_processes` (what `sitrep extract` uses on two cores) parses in forked processes
    # while this one extracts; the records, skipped ones in their places, are the same.
    import sitrep.pipeline as pipeline_module

    monkeypatch.setattr(pipeline_module, "PARALLEL_MIN", 2)
    raws = [
        RawDocument(text="Gunmen attacked a police post near the market on Friday, killing two."),
        RawDocument(text="The orchestra opened its season with a new piano concerto."),
        RawDocument(text="Protesters marched to the ministry on Monday to demand higher wages."),
        RawDocument(text="Soldiers shelled the village overnight; three houses were destroyed."),
    ]
    one = Pipeline(prefilter=True)
    two = Pipeline(prefilter=True, parse_processes=2)
    expected = [d.to_dict() for d in one.run_many(raws)]
    assert expected[1]["skipped"] and not expected[0]["skipped"]
    assert [d.to_dict() for d in two.run_many(raws)] == expected


@pytest.mark.parametrize(
    ("cores", "load", "expected"),
    [(2, 0.3, 2), (2, 1.8, 1), (8, 5.0, 2), (1, 0.0, 1)],
)
def test_the_parse_forks_only_where_a_core_is_free(monkeypatch, cores, load, expected):
    # `sitrep extract`'s default: forked parse processes only add CPU on cores already busy
    from sitrep.pipeline import free_core_parse_processes

    monkeypatch.setattr("os.cpu_count", lambda: cores)
    monkeypatch.setattr("os.getloadavg", lambda: (load, load, load))
    assert free_core_parse_processes() == expected
