"""Fuzzes the readers and the coder for a bounded time: `python scripts/fuzz.py --seconds 30`.

With atheris installed (`pip install atheris`) the search is coverage-guided (libFuzzer); without
it, a mutational fuzzer seeded from the hostile corpus in `tests/robustness/inputs/` runs instead.
Either way a crash is printed with the input that caused it, saved under `--crashes`, and the
exit code is 1; a clean run exits 0.

Targets: `readers` (bytes → decode → the reader for its kind; every result a document or a
failure with a reason), `time` (text → time expressions, each a slice of the text, resolved
against a fixed anchor), `extract` (text → the strict pipeline; evidence offsets must be valid).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import logging
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "robustness" / "inputs"
ANCHOR = date(2023, 12, 9)


class PropertyViolation(AssertionError):
    """An input broke one of the properties the target checks."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise PropertyViolation(message)


def target_readers() -> Callable[[bytes], None]:
    from sitrep.ingest.failures import ReadFailure
    from sitrep.ingest.readers import _read_bytes
    from sitrep.records import RawDocument

    suffixes = ("", ".txt", ".html", ".xml", ".jsonl")

    def run(data: bytes) -> None:
        suffix = suffixes[data[0] % len(suffixes)] if data else ""
        for result in _read_bytes(data[1:], "fuzz", ANCHOR, None, 1_000_000, suffix):
            if isinstance(result, ReadFailure):
                _check(bool(result.reason), "a failure without a reason")
            else:
                _check(
                    isinstance(result, RawDocument) and bool(result.text.strip()), "empty document"
                )
                _check(
                    "\x00" not in result.text and "\x1b" not in result.text,
                    "control characters kept",
                )

    return run


def target_time() -> Callable[[bytes], None]:
    from sitrep.extract.time.timex import find_timexes, resolve

    def run(data: bytes) -> None:
        text = data.decode("utf-8", errors="replace")
        for tx in find_timexes(text, month_first=bool(data[:1]) and data[0] % 2 == 1):
            _check(text[tx.start : tx.end] == tx.text, f"timex {tx.text!r} is not a slice")
            for tense in (None, "past", "future"):
                span = resolve(tx, ANCHOR, tense)
                _check(not (span.start and span.end and span.start > span.end), "span ends first")

    return run


def target_extract() -> Callable[[bytes], None]:
    from sitrep.ingest.readers import read_string
    from sitrep.pipeline import Pipeline

    pipeline = Pipeline(
        strict=True
    )  # an extractor's exception is raised, not turned into a warning

    def run(data: bytes) -> None:
        doc = pipeline(read_string(data.decode("utf-8", errors="replace"), published=ANCHOR))
        for record in (*doc.events, *doc.tallies):
            for span in record.evidence:
                _check(
                    doc.text[span.start : span.end] == span.text, f"evidence {span} is not a slice"
                )

    return run


TARGETS = {"readers": target_readers, "time": target_time, "extract": target_extract}
# Longest input per target: the coder costs ~10 ms per kilobyte, so it gets short inputs.
MAX_LEN = {"readers": 200_000, "time": 20_000, "extract": 5_000}


def _seeds() -> list[bytes]:
    seeds = [p.read_bytes()[:20_000] for p in sorted(CORPUS.glob("*")) if p.is_file()]
    return seeds or [b"On Friday, government forces shelled Idlib, killing two civilians."]


def _mutate(rng: random.Random, data: bytes, seeds: list[bytes]) -> bytes:
    """One to four random edits: flip, insert, delete, duplicate a stretch, splice another seed."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        pos = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            buf[min(pos, len(buf) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 2:
            del buf[pos : pos + rng.randint(1, 64)]
        elif op == 3:
            buf[pos:pos] = buf[pos : pos + rng.randint(1, 256)] * rng.randint(2, 20)
        elif op == 4:
            other = rng.choice(seeds)
            start = rng.randrange(len(other) + 1)
            buf[pos:pos] = other[start : start + rng.randint(1, 512)]
        else:
            buf[pos:pos] = rng.choice(
                [
                    b"<div>" * 300,
                    b"<!--",
                    b"]]>",
                    b"\xef\xbb\xbf",
                    b"\xff\xfe",
                    b"&#0;",
                    b"\\u2028",
                    "\u2028".encode(),
                    b"\r",
                    b'{"text": ',
                ]
            )
    return bytes(buf[:200_000])


def _save_crash(crashes: Path, data: bytes, target: str) -> Path:
    crashes.mkdir(parents=True, exist_ok=True)
    path = crashes / f"crash-{target}-{hashlib.sha256(data).hexdigest()[:16]}"
    path.write_bytes(data)
    return path


def run_mutational(
    target: str, run: Callable[[bytes], None], seconds: float, seed: int, crashes: Path
) -> int:
    rng = random.Random(seed)
    seeds = _seeds()
    deadline = time.monotonic() + seconds
    executions = 0
    for data in seeds:  # the corpus itself first
        if _one(target, run, data[: MAX_LEN[target]], crashes):
            return 1
        executions += 1
    while time.monotonic() < deadline:
        data = _mutate(rng, rng.choice(seeds), seeds)[: MAX_LEN[target]]
        if _one(target, run, data, crashes):
            return 1
        executions += 1
    print(
        f"fuzz {target}: {executions} inputs in {seconds:.0f} s (mutational, seed {seed}), no crash"
    )
    return 0


def _one(target: str, run: Callable[[bytes], None], data: bytes, crashes: Path) -> bool:
    try:
        run(data)
    except Exception:
        path = _save_crash(crashes, data, target)
        print(f"fuzz {target}: CRASH on {len(data)} bytes, saved to {path}\n{data[:300]!r}")
        traceback.print_exc()
        return True
    return False


def run_atheris(
    target: str, run: Callable[[bytes], None], seconds: float, seed: int, crashes: Path
) -> int:
    import atheris

    crashes.mkdir(parents=True, exist_ok=True)
    corpus = crashes / f"corpus-{target}"
    corpus.mkdir(exist_ok=True)
    for i, data in enumerate(_seeds()):
        (corpus / f"seed-{i}").write_bytes(data)
    args = [
        sys.argv[0],
        f"-max_total_time={int(seconds)}",
        f"-seed={seed}",
        "-rss_limit_mb=4096",
        f"-max_len={MAX_LEN[target]}",
        "-timeout=30",
        f"-artifact_prefix={crashes}/crash-{target}-",
        str(corpus),
    ]
    atheris.Setup(args, run)
    atheris.Fuzz()  # exits the process: 0 when the time is up, non-zero with a crash file
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30, help="time per target (default 30)")
    parser.add_argument("--target", choices=[*TARGETS, "all"], default="all")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: time)")
    parser.add_argument("--engine", choices=["auto", "atheris", "mutational"], default="auto")
    parser.add_argument(
        "--crashes",
        type=Path,
        default=Path(tempfile.gettempdir()) / "sitrep-fuzz",
        help="where crashes go",
    )
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    logging.basicConfig(level=logging.CRITICAL)  # the readers' warnings are expected here
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if _has_atheris() else "mutational"
    targets = list(TARGETS) if args.target == "all" else [args.target]
    if engine == "atheris" and len(targets) > 1:
        # libFuzzer runs one target per process: run each in a child process, in turn.
        import subprocess

        codes = [
            subprocess.call(
                [
                    sys.executable,
                    __file__,
                    "--target",
                    t,
                    "--seconds",
                    str(args.seconds),
                    "--seed",
                    str(seed),
                    "--engine",
                    "atheris",
                    "--crashes",
                    str(args.crashes),
                ]
            )
            for t in targets
        ]
        return max(codes)
    status = 0
    for name in targets:
        if engine == "atheris":
            import atheris

            with atheris.instrument_imports(include=["sitrep"]):  # coverage feedback from sitrep
                run = TARGETS[name]()
        else:
            with contextlib.redirect_stderr(io.StringIO()):  # spaCy's and trafilatura's chatter
                run = TARGETS[name]()
        runner = run_atheris if engine == "atheris" else run_mutational
        status = max(status, runner(name, run, args.seconds, seed, args.crashes))
    return status


def _has_atheris() -> bool:
    try:
        import atheris  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
