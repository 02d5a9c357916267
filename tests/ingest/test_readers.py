import json
from datetime import date

import pytest

from sitrep.ingest.failures import ReadFailure
from sitrep.ingest.normalize import normalize_text
from sitrep.ingest.readers import read_paths, read_string
from sitrep.records import RawDocument


def test_text_header_and_byline_become_metadata(example_path):
    (raw,) = read_paths([str(example_path)])
    assert raw.published == date(2023, 12, 9)
    assert raw.outlet == "Al Mayadeen English"
    assert raw.title.startswith("US Conducts Military Drills in Syria")
    assert raw.text.startswith("Informed sources tell Al Mayadeen")
    assert "No comments" not in raw.text and "Post a Comment" not in raw.text


def test_headerless_text_uses_caller_metadata_or_warns():
    raw = read_string("Clashes broke out on Friday.", published="2023-12-09", outlet="X")
    assert (raw.published, raw.outlet) == (date(2023, 12, 9), "X")
    bare = read_string("Clashes broke out on Friday.")
    assert bare.published is None
    assert any("no publication date" in w for w in bare.warnings)


@pytest.mark.parametrize(
    "line",
    [
        "No comments:",
        "Post a Comment",
        "Share this:",
        "(Reporting by A. Writer; Editing by B. Editor)",
        "We use cookies to improve your experience. Accept cookie policy",
    ],
)
def test_boilerplate_lines_are_removed(line):
    assert normalize_text(f"Shelling hit the town.\n{line}\nTwo were killed.") == (
        "Shelling hit the town.\nTwo were killed."
    )


def test_normalisation_keeps_article_sentences_and_paragraphs():
    text = "First  paragraph\u00a0here.\r\n\r\n\r\nSecond\u200b one."
    assert normalize_text(text) == "First paragraph here.\n\nSecond one."


def test_html_page_main_text_and_metadata():
    html = """<html><head><title>Strike hits town</title>
    <meta property="og:site_name" content="Example Wire">
    <meta property="article:published_time" content="2023-12-09T10:00:00Z"></head>
    <body><nav>Home | World</nav><article><h1>Strike hits town</h1>
    <p>On Friday, an air strike hit the town of Maarat al-Numan in Idlib province, killing five
    civilians, the Syrian Observatory for Human Rights said.</p>
    <p>The strike came a day after clashes between government forces and rebels near the town.</p>
    </article><footer>Cookie policy</footer></body></html>"""
    raw = read_string(html)
    assert raw.published == date(2023, 12, 9)
    assert raw.outlet == "Example Wire"
    assert raw.title == "Strike hits town"
    assert "Maarat al-Numan" in raw.text and "Home | World" not in raw.text


def test_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps(
            {"id": "a1", "text": "Protesters gathered in Beirut.", "published": "2020-05-01"}
        ),
        "{not json",
        json.dumps({"id": "a2", "text": 5}),
        json.dumps(["a list"]),
        json.dumps({"id": "a3", "html": "<p>Clashes in Aden.</p>", "outlet": "Wire"}),
        json.dumps({"id": "a4", "text": "x", "published": "yesterday"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    results = list(read_paths([str(path)]))
    docs = [r for r in results if isinstance(r, RawDocument)]
    fails = [r for r in results if isinstance(r, ReadFailure)]
    assert [d.input_id for d in docs] == ["a1", "a3"]
    assert docs[0].published == date(2020, 5, 1)
    assert docs[1].text == "Clashes in Aden." and docs[1].outlet == "Wire"
    assert [f.source.rsplit(":", 1)[1] for f in fails] == ["2", "3", "4", "6"]


def test_rss_entries_become_documents(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
    <item><title>Clashes in Marib</title><link>https://example.org/1</link>
    <pubDate>Sat, 09 Dec 2023 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;Houthi forces clashed with government troops in Marib on Friday.&lt;/p&gt;
    </description></item>
    <item><title>Empty</title><link>https://example.org/2</link><description></description></item>
    </channel></rss>""")
    results = list(read_paths([str(feed)]))
    assert isinstance(results[0], RawDocument)
    assert results[0].text == "Houthi forces clashed with government troops in Marib on Friday."
    assert results[0].published == date(2023, 12, 9) and results[0].outlet == "Example Wire"
    assert results[0].url == "https://example.org/1"
    assert isinstance(results[1], ReadFailure) and "no text" in results[1].reason


@pytest.mark.parametrize(
    ("payload", "reason"),
    [(b"%PDF-1.4 binary", "binary"), (b"\x00\x01\x02abc", "binary"), (b"   \n", "empty")],
)
def test_unreadable_files_fail_with_a_reason(tmp_path, payload, reason):
    path = tmp_path / "bad.html"
    path.write_bytes(payload)
    (result,) = read_paths([str(path)])
    assert isinstance(result, ReadFailure) and reason in result.reason


def test_windows_1256_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "arabic.txt"
    path.write_bytes(
        "date 2023-12-09 خبر\nقصف مدفعي على بلدة في ريف إدلب الجنوبي اليوم.".encode("cp1256")
    )
    (raw,) = read_paths([str(path)])
    assert isinstance(raw, RawDocument)
    assert any("not UTF-8" in w for w in raw.warnings)


def test_size_limit_and_missing_paths(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("a" * 2000)
    (result,) = read_paths([str(big)], max_bytes=1000)
    assert isinstance(result, ReadFailure) and "over the limit" in result.reason
    (missing,) = read_paths([str(tmp_path / "nope.txt")])
    assert isinstance(missing, ReadFailure)


def test_directories_are_read_in_order_and_skip_other_files(example_path):
    results = list(read_paths([str(example_path.parent)]))
    sources = [r.source for r in results]
    assert sources == sorted(sources) and len(results) == 9
    assert all(isinstance(r, RawDocument) for r in results)


def test_control_characters_in_a_page_do_not_break_the_visible_text_fallback():
    # Found by the fuzzer: lxml keeps \x01 in a text node, then raises when drop_tree() rebuilds it.
    page = "<div><script>x()</script>\x01 Clashes erupted in Marib\x0b on Friday.</div>"
    raw = read_string(page, published="2023-12-09")
    assert "Clashes erupted in Marib" in raw.text
    assert "\x01" not in raw.text
