"""Find runs of eight or more words copied from the shared third-party texts into the repository.

The ACLED notes and the news articles in ../shared may be used for development and tests but never
copied into the project (../shared/data/README.md). A run of eight words in the same order is long
enough that two independent writers almost never produce it, and short enough to catch a copied
clause. Word 8-grams of every shared text are hashed into one set; every text file the repository
tracks is then scanned for 8-grams in that set, and consecutive hits are merged into runs.

ACLED's gold coordinates are checked apart: no latitude and longitude pair of a note's gold may
stand in code, tests or documents.

Run as a script to list the runs: ``python tests/copied_text.py [PATH...]``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

RUN = 8
REPO = Path(__file__).resolve().parents[1]
# The shared data folder: beside the repository, or where SITREP_SHARED says (`make test` sets it).
SHARED = Path(os.environ.get("SITREP_SHARED") or REPO.parent / "shared")
# What the project may not copy: the notes (train and dev), the articles (the corpus and the
# article dev set) and the article dev set's hand coding, whose notes quote the articles.
SHARED_SOURCES = (
    "data/train/*.jsonl",
    "data/dev/*.jsonl",
    "corpus/*.txt",
    "data/articles/dev/*.txt",
    "data/articles/dev/gold.json",
)
# Where copied text must not be: everything the project ships or documents.
SCANNED = ("src", "tests", "docs", "scripts", "bench", "examples", "web", "README.md")
# Folders of generated or vendored data in which no prose is written by hand.
SKIPPED = ("src/sitrep/web/static/vendor/",)

# Words are runs of letters and digits, joined through inner apostrophes and hyphens, so that
# "Deir ez-Zor" and "Deir ez-Zor's" are two and two words wherever they appear; quotes, line breaks,
# comment marks and string concatenation between them do not break a run.
_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
# A JSON or Python string escape such as \n or \u2019 would glue its letter to the next word.
_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|[nrtbf\"'\\])")
# So would the prefix of a Python string literal (f"...", rb'...') continuing the one before.
_PREFIX = re.compile(r"(?<![\w'\"])(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])(?=[\"'])")


@dataclass(frozen=True, slots=True)
class CopiedRun:
    """A run of words in a repository file that also appears in a shared text."""

    path: str
    line: int
    words: int  # 0 for a pair of gold coordinates
    text: str

    def __str__(self) -> str:
        what = f"{self.words} words" if self.words else "gold coordinates"
        return f"{self.path}:{self.line}: {what}: {self.text}"


def words(text: str) -> list[tuple[str, int]]:
    """Normalised words of ``text`` and their offsets (casefolded, accents and quotes unified)."""
    out = []
    for match in _WORD.finditer(text):
        word = match.group().casefold()
        if not word.isascii():
            word = unicodedata.normalize("NFKD", word)
            word = "".join(c for c in word if not unicodedata.combining(c)).replace("\u2019", "'")
        out.append((word, match.start()))
    return out


def _grams(tokens: list[str]) -> Iterator[int]:
    for i in range(len(tokens) - RUN + 1):
        yield hash(" ".join(tokens[i : i + RUN]))


def _json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def shared_texts(shared: Path = SHARED) -> Iterator[str]:
    """Every third-party text in the shared folder: note texts, article texts, gold notes."""
    for pattern in SHARED_SOURCES:
        for path in sorted(shared.glob(pattern)):
            if path.suffix == ".jsonl":
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        yield json.loads(line)["text"]
            elif path.suffix == ".json":
                yield from _json_strings(json.loads(path.read_text(encoding="utf-8")))
            else:
                yield path.read_text(encoding="utf-8")


def shared_grams(shared: Path = SHARED) -> frozenset[int]:
    """Hashes of every word 8-gram of the shared texts (hashes are per process: do not store)."""
    grams: set[int] = set()
    for text in shared_texts(shared):
        grams.update(_grams([w for w, _ in words(text)]))
    return frozenset(grams)


def repository_files(repo: Path = REPO, roots: Iterable[str] = SCANNED) -> list[Path]:
    """The text files git tracks (or would track) under ``roots``."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", *roots],
        cwd=repo,
        capture_output=True,
        check=True,
    ).stdout.decode()
    files = []
    for name in filter(None, listed.split("\0")):
        path = repo / name
        if name.startswith(SKIPPED) or not path.is_file():
            continue
        head = path.read_bytes()[:4096]
        if b"\0" in head or head[:2] == b"\x1f\x8b":  # binary or gzip: no hand-written prose
            continue
        files.append(path)
    return files


def _segments(path: Path) -> Iterator[tuple[int, str]]:
    """(first line, text) pieces of a file that may hold prose: a table's cells one by one."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".py":
        text = _PREFIX.sub(" ", text)
    if path.suffix not in (".csv", ".tsv"):
        yield 1, _ESCAPE.sub(" ", text)
        return
    # Neighbouring cells of a table (a name and its alias) are not a sentence: a run may not
    # cross from one cell into the next, but a cell that quotes a text is still caught.
    delimiter = "\t" if path.suffix == ".tsv" else ","
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        for cell in row:
            yield number, cell


def copied_runs(path: Path, grams: frozenset[int], repo: Path = REPO) -> list[CopiedRun]:
    """Runs of RUN or more words in ``path`` whose every 8-gram is in ``grams``."""
    return [
        run
        for first_line, text in _segments(path)
        for run in _runs(text, grams, str(path.relative_to(repo)), first_line)
    ]


def _runs(text: str, grams: frozenset[int], name: str, first_line: int) -> list[CopiedRun]:
    found = words(text)
    tokens = [w for w, _ in found]
    hits = [h in grams for h in _grams(tokens)]
    runs = []
    i = 0
    while i < len(hits):
        if not hits[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(hits) and hits[j + 1]:
            j += 1
        start, end = found[i][1], found[j + RUN - 1][1] + len(found[j + RUN - 1][0])
        runs.append(
            CopiedRun(
                path=name,
                line=first_line + text.count("\n", 0, start),
                words=j - i + RUN,
                text=" ".join(text[start:end].split()),
            )
        )
        i = j + 1
    return runs


# ACLED geocodes with GeoNames, so the shipped gazetteer and sites legitimately hold many of the
# notes' coordinates; a gold pair is only out of place in code, tests and documents.
COORDINATE_SUFFIXES = (".py", ".md", ".json", ".jsonl", ".txt", ".html")
_DECIMAL = re.compile(r"-?\d{1,3}\.\d{3,}")


def gold_coordinates(shared: Path = SHARED) -> frozenset[tuple[float, float]]:
    """Every (latitude, longitude) of the notes' gold, rounded as ACLED gives them (4 places)."""
    pairs = set()
    for pattern in ("data/train/*.jsonl", "data/dev/*.jsonl"):
        for path in sorted(shared.glob(pattern)):
            for line in path.read_text(encoding="utf-8").splitlines():
                gold = json.loads(line)["gold"] if line.strip() else {}
                lat, lon = gold.get("latitude"), gold.get("longitude")
                if lat is not None and lon is not None:
                    pairs.add((round(float(lat), 4), round(float(lon), 4)))
    return frozenset(pairs)


def copied_coordinates(
    path: Path, pairs: frozenset[tuple[float, float]], repo: Path = REPO
) -> list[CopiedRun]:
    """Two decimals close together in ``path`` that are a gold latitude and longitude."""
    text = path.read_text(encoding="utf-8", errors="replace")
    numbers = [(m.start(), m.group()) for m in _DECIMAL.finditer(text)]
    found = []
    for (start, lat), (end, lon) in zip(numbers, numbers[1:], strict=False):
        if end - start <= 40 and (round(float(lat), 4), round(float(lon), 4)) in pairs:
            line = text.count("\n", 0, start) + 1
            found.append(CopiedRun(str(path.relative_to(repo)), line, 0, f"{lat}, {lon}"))
    return found


def main(argv: list[str]) -> int:
    if not SHARED.is_dir():
        print(f"no shared folder at {SHARED}", file=sys.stderr)
        return 2
    grams = shared_grams()
    paths = [Path(a).resolve() for a in argv] or repository_files()
    runs = [run for path in paths for run in copied_runs(path, grams)]
    pairs = gold_coordinates()
    runs += [
        run
        for path in paths
        if path.suffix in COORDINATE_SUFFIXES and "knowledge/data" not in path.as_posix()
        for run in copied_coordinates(path, pairs)
    ]
    for run in runs:
        print(run)
    print(f"{len(runs)} copied runs in {len({r.path for r in runs})} files", file=sys.stderr)
    return 1 if runs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
