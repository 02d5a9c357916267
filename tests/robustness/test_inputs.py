"""The hostile corpus through the readers and `sitrep extract`: every good document read and coded,
every bad one reported with its reason, nothing fetched, nothing huge held in memory."""

from __future__ import annotations

import io
import json
import time
import tracemalloc
from pathlib import Path

import make_inputs
import pytest
from databases import database
from typer.testing import CliRunner

from sitrep.cli.main import app
from sitrep.ingest.failures import ReadFailure
from sitrep.ingest.language import skip_reason
from sitrep.ingest.readers import read_paths, read_string
from sitrep.ingest.rss import read_feed
from sitrep.records import RawDocument

runner = CliRunner()
EXPECTED = make_inputs.expectations(large=True)


def _key(source: str) -> str:
    """The corpus name of a result's source (`dir/dump.jsonl:3` → `dump.jsonl:3`)."""
    return Path(source).name


def _outcome(result: RawDocument | ReadFailure) -> tuple[str, str]:
    if isinstance(result, ReadFailure):
        return "fail", result.reason
    if skip_reason(result.language):
        return "skip", result.language or ""
    return "doc", result.text


@pytest.fixture(scope="module")
def read_results(corpus_paths: list[str]) -> dict[str, RawDocument | ReadFailure]:
    results: dict[str, RawDocument | ReadFailure] = {}
    for result in read_paths(corpus_paths):
        key = _key(result.source or "")
        assert key not in results, f"{key} read twice"
        results[key] = result
    return results


def test_committed_inputs_are_what_the_script_builds(tmp_path):
    built = {p.name: p.read_bytes() for p in make_inputs.build(tmp_path)}
    committed = {p.name: p.read_bytes() for p in make_inputs.INPUTS.iterdir()}
    assert committed == built, "run `python tests/robustness/make_inputs.py` and review the diff"


def test_every_input_is_read_or_reported_with_its_reason(read_results):
    assert sorted(read_results) == sorted(EXPECTED)
    wrong = {}
    for key, (kind, detail) in EXPECTED.items():
        got_kind, got_detail = _outcome(read_results[key])
        if got_kind != kind or detail not in got_detail:
            wrong[key] = (kind, detail, got_kind, got_detail[:120])
    assert wrong == {}


@pytest.mark.parametrize(
    ("key", "warning"),
    [
        ("cp1252-smart-quotes.txt", "not UTF-8; decoded as"),
        ("invalid-utf8-byte.txt", "a guess by charset detection"),
        (
            "mojibake-utf8-read-as-cp1252.txt",
            "repaired mojibake (UTF-8 that had been read as windows-1252)",
        ),
        ("long-line-no-breaks.txt", "text truncated to its first"),
        ("nested-100000-divs.html", "too deeply nested"),
        ("many-elements.html", "16,007 elements, over the 15,000"),
        ("arabic-cp1256.txt", "language detected as 'ar'"),
        ("bad-header-date.txt", "'2023-02-30' is not a valid date"),
    ],
)
def test_repairs_and_guesses_are_told_in_warnings(read_results, key, warning):
    assert any(warning in w for w in read_results[key].warnings)


def test_declared_encodings_are_used_without_a_guess(read_results):
    for key in ("arabic-declared-cp1256.html", "feed-cp1256.xml#1", "utf16-with-bom.txt"):
        assert not any("guess" in w for w in read_results[key].warnings), key
    assert "إدلب" in read_results["feed-cp1256.xml#1"].text


def test_metadata_is_cleaned_and_bounded(read_results):
    docs = [read_results[f"hostile-metadata.jsonl:{n}"] for n in range(1, 10)]
    assert docs[0].title == "Shelling in Idlib" and docs[1].url is None and docs[2].url is None
    assert len(docs[3].input_id) <= 500 and docs[3].input_id.startswith("xxx")
    assert docs[4].outlet is None and docs[5].input_id == "nul-id"
    assert len(docs[6].title) == 1_000 and docs[7].url is None
    assert docs[8].title == "Red title"
    for doc in docs:
        fields = (doc.title, doc.outlet, doc.url, doc.input_id)
        assert not any(f and any(c in f for c in "\x00\x1b\x07\u202e") for f in fields)


def test_hostile_markup_stays_text_and_entities_stay_unexpanded(read_results):
    injected = read_results["script-injection.html"].text
    assert "<script>alert('text, not code')</script>" in injected  # shown as text, never run
    assert "document.cookie" not in injected  # the page's own script is dropped
    assert "root:" not in read_results["xxe.rss#1"].text  # no external entity read from disk
    assert "aaaaaaaaaa" not in read_results["billion-laughs.xml#1"].text
    cleaned = read_results["control-and-bidi.txt"]
    assert cleaned.published is not None  # the header is found once the escapes are gone
    assert not any(c in cleaned.text for c in "\x1b\x07\u202e\u202c\u200b")


def test_an_80mb_page_is_refused_from_its_size_without_being_read(large_inputs):
    huge = large_inputs / "huge-80mb.html"
    assert huge.stat().st_size > 80_000_000 * 0.99
    tracemalloc.start()
    started = time.perf_counter()
    (result,) = read_paths([str(huge)])
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(result, ReadFailure) and "over the limit" in result.reason
    assert elapsed < 0.5 and peak < 1_000_000


def test_the_size_limit_is_configurable(large_inputs):
    (result,) = read_paths([str(large_inputs / "long-line-no-breaks.txt")], max_bytes=100_000)
    assert isinstance(result, ReadFailure) and "over the limit of 100,000" in result.reason


class _Stdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)
        self.asked: list[int] = []
        read = self.buffer.read

        def counted(n: int = -1) -> bytes:
            self.asked.append(n)
            return read(n)

        self.buffer.read = counted  # type: ignore[method-assign]


def test_stdin_is_read_at_most_one_byte_past_the_limit(monkeypatch):
    stdin = _Stdin(b"x" * 50_000)
    monkeypatch.setattr("sys.stdin", stdin)
    (result,) = read_paths(["-"], max_bytes=1_000)
    assert isinstance(result, ReadFailure) and "over the limit" in result.reason
    assert stdin.asked == [1_001]


def test_a_jsonl_dump_is_streamed_and_limited_per_line(tmp_path):
    line = json.dumps({"text": "Clashes broke out near Saraqib on Friday, a local source said."})
    dump = tmp_path / "big.jsonl"
    dump.write_text(
        "\n".join([line] * 40 + [json.dumps({"text": "x" * 5_000})] + [line] * 10) + "\n"
    )
    results = list(read_paths([str(dump)], max_bytes=2_000))  # the file is ten times the limit
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert len(results) == 51 and [f.source for f in failures] == [f"{dump}:41"]
    assert "over the limit of 2,000" in failures[0].reason


def test_feed_text_is_never_fetched_or_opened_as_a_path(no_network, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(
        "<rss><channel><item><description>SECRET</description></item></channel></rss>"
    )
    for hostile in ("http://127.0.0.1:9/feed.xml?<rss>", str(secret), str(secret).encode()):
        results = list(read_feed(hostile, source="hostile"))
        assert not any(isinstance(r, RawDocument) and "SECRET" in r.text for r in results)
    assert no_network == []


def test_extraction_fetches_nothing(no_network, pipeline):
    html = (make_inputs.INPUTS / "remote-resources.html").read_text(encoding="utf-8")
    raw = read_string(html, url="https://example.invalid/article", published="2023-12-09")
    document = pipeline(raw)
    assert make_inputs.PHRASE in document.text
    assert no_network == []


@pytest.fixture(scope="module")
def extract_run(corpus_paths: list[str]):
    result = runner.invoke(app, ["--quiet", "extract", *corpus_paths])
    # "\n" only: a record's text may hold a raw U+2028, which str.splitlines() splits at.
    records = [json.loads(line) for line in result.stdout.split("\n") if line]
    return result, {_key(r["source"]): r for r in records}


def test_extract_codes_every_good_document_and_reports_every_bad_one(extract_run):
    result, documents = extract_run
    assert result.exit_code == 1, "some inputs failed, and the exit code must say so"
    read = {k for k, (kind, _) in EXPECTED.items() if kind != "fail"}
    assert set(documents) == read
    for key in read:
        assert not any("extraction failed" in w for w in documents[key]["warnings"]), key
    reported = " ".join(result.stderr.split())  # the console wraps long lines
    for key, (kind, reason) in EXPECTED.items():
        if kind == "fail":
            assert f"{key}: " in reported and " ".join(reason.split()) in reported, key


def test_extract_output_keeps_evidence_inside_the_text(extract_run):
    _, documents = extract_run
    events = 0
    for record in documents.values():
        for event in record["events"]:
            for span in event["evidence"]:
                assert record["text"][span["start"] : span["end"]] == span["text"]
                events += 1
    assert events >= 20


def test_extract_skips_documents_in_other_languages(extract_run):
    _, documents = extract_run
    for key, (kind, language) in EXPECTED.items():
        if kind == "skip":
            record = documents[key]
            assert record["language"] == language and record["events"] == []
            assert record["skipped"] and language in record["skipped"]


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path):
    with database(request.param, tmp_path, "corpus") as url:
        yield url


def test_ingest_stores_every_good_document_and_lists_every_bad_one(corpus_paths, db, tmp_path):
    errors = tmp_path / "errors.jsonl"
    # Not --quiet: that silences the summary line this test reads.
    first = runner.invoke(app, ["ingest", *corpus_paths, "--db", db, "--errors", str(errors)])
    assert first.exit_code == 1, first.output
    failed = {k: reason for k, (kind, reason) in EXPECTED.items() if kind == "fail"}
    reported = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert sorted(_key(r["source"]) for r in reported) == sorted(failed)
    for r in reported:
        assert r["stage"] == "read" and failed[_key(r["source"])] in r["error"]
    read = len(EXPECTED) - len(failed)
    summary = first.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"read {read}, ") and f"failed {len(failed)}" in summary
    again = runner.invoke(app, ["ingest", *corpus_paths, "--db", db])
    assert again.exit_code == 1
    assert f"unchanged {read};" in again.stderr and "0 new events" in again.stderr
