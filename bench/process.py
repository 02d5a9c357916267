"""Speed as a user feels it (issue 18): whole command-line runs, process to process.

Usage: python bench/process.py [--rounds 3] [--notes 3000] [--other 20000] [--json PATH]
                               [--skip-notes] [--skip-other] [--parse-processes N]

notes   `sitrep extract NOTES.jsonl` (3,000 train notes, read from ../shared at run time and
        written to a temporary JSONL file) against a bare parse of the same texts in a fresh
        process (`import spacy; nlp = spacy.load(MODEL); for _ in nlp.pipe(texts): pass`, reading
        the same file). Both sides are cold processes timed whole (start-up included), started
        in alternating order for `--rounds` rounds; the figure is the median of the per-round
        ratios of wall time (CPU time beside it). Target: <= 1.25.
other   `sitrep extract OTHER.jsonl` on `--other` generated non-conflict documents (half
        paragraphs, half headed articles, bench/nonconflict.py): documents per second of wall
        time, start-up included (per CPU second beside it), and how many the prefilter let
        through. Target: >= 2,000/s.
Output goes to /dev/null; the command is `sitrep extract` with its defaults (prefilter on; the
parse in 2 forked processes while the first extracts when the machine has a core to spare), or
with `--parse-processes N` (N = 1: all in one process).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import nonconflict  # noqa: E402

SHARED = Path(os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[2] / "shared")
TRAIN = sorted((SHARED / "data" / "train").glob("*.jsonl"))
TARGETS = {"notes_ratio": 1.25, "other_docs_s": 2000}
BARE = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as fh:
    texts = [json.loads(line)["text"] for line in fh]
for _ in nlp.pipe(texts, batch_size=64):
    pass
"""


def timed(command: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of a fresh process run to its end, output discarded; fails loudly."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


PARSE_PROCESSES: list[str] = []  # `--parse-processes N` for the sitrep side, when asked


def sitrep_extract(path: str) -> list[str]:
    return [str(Path(sys.executable).with_name("sitrep")), "--quiet", "extract", path,
            *PARSE_PROCESSES]


def write_notes(path: str, n: int, seed: int = 18) -> int:
    """`n` train notes spread over both train files (a seeded sample), as sitrep's JSONL input."""
    rows = [json.loads(line) for f in TRAIN for line in f.read_text(encoding="utf-8").splitlines()]
    sample = random.Random(seed).sample(rows, min(n, len(rows)))
    with open(path, "w", encoding="utf-8") as fh:
        for r in sample:
            fh.write(json.dumps({"id": r["id"], "text": r["text"], "published": r["published"]})
                     + "\n")
    return len(sample)


def write_other(path: str, n: int, seed: int = 21) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = nonconflict.article(rng) if i % 2 else nonconflict.paragraph(rng)
            fh.write(json.dumps({"id": f"other-{i}", "text": text}) + "\n")


def bench_notes(rounds: int, n: int, tmp: str) -> dict[str, Any]:
    from sitrep.nlp.model import MODEL_NAME

    path = os.path.join(tmp, "notes.jsonl")
    count = write_notes(path, n)
    sides = {
        "sitrep": sitrep_extract(path),
        "bare": [sys.executable, "-c", BARE, MODEL_NAME, path],
    }
    timed(sides["bare"])  # warms the OS file cache for both
    runs: dict[str, list[tuple[float, float]]] = {"sitrep": [], "bare": []}
    for i in range(rounds):
        for side in ("sitrep", "bare") if i % 2 == 0 else ("bare", "sitrep"):
            runs[side].append(timed(sides[side]))
    wall = [s[0] / b[0] for s, b in zip(runs["sitrep"], runs["bare"], strict=True)]
    cpu = [s[1] / b[1] for s, b in zip(runs["sitrep"], runs["bare"], strict=True)]
    return {
        "notes": count,
        "notes_sitrep_s": [r[0] for r in runs["sitrep"]],
        "notes_bare_s": [r[0] for r in runs["bare"]],
        "notes_ratios": wall,
        "notes_ratio": statistics.median(wall),
        "notes_cpu_ratio": statistics.median(cpu),
    }


def bench_other(n: int, tmp: str) -> dict[str, Any]:
    path = os.path.join(tmp, "other.jsonl")
    write_other(path, n)
    out = os.path.join(tmp, "other-out.jsonl")
    command = sitrep_extract(path) + ["--output", out]
    seconds, cpu = timed(command)
    with open(out, encoding="utf-8") as fh:
        coded = sum(1 for line in fh if not json.loads(line).get("skipped"))
    return {"other": n, "other_s": seconds, "other_cpu_s": cpu, "other_docs_s": n / seconds,
            "other_coded": coded}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--notes", type=int, default=3000)
    parser.add_argument("--other", type=int, default=20000)
    parser.add_argument("--skip-notes", action="store_true")
    parser.add_argument("--skip-other", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--parse-processes", type=int, help="passed to `sitrep extract`")
    args = parser.parse_args()
    if args.parse_processes:
        PARSE_PROCESSES[:] = ["--parse-processes", str(args.parse_processes)]
    figures: dict[str, Any] = {"load_average_before": os.getloadavg()[0]}
    parts = []
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_notes:
            figures.update(bench_notes(args.rounds, args.notes, tmp))
            parts.append(
                f"{figures['notes']:,} notes: sitrep extract ÷ bare parse"
                f" {figures['notes_ratio']:.2f}"
                f" (rounds {'/'.join(f'{r:.2f}' for r in figures['notes_ratios'])}; by CPU"
                f" {figures['notes_cpu_ratio']:.2f}; medians"
                f" {statistics.median(figures['notes_sitrep_s']):.1f} s /"
                f" {statistics.median(figures['notes_bare_s']):.1f} s; target <= "
                f"{TARGETS['notes_ratio']})"
            )
        if not args.skip_other:
            figures.update(bench_other(args.other, tmp))
            parts.append(
                f"{figures['other']:,} non-conflict docs: {figures['other_docs_s']:,.0f} docs/s"
                f" ({figures['other_s']:.1f} s, {figures['other_cpu_s']:.1f} s CPU:"
                f" {figures['other'] / figures['other_cpu_s']:,.0f} docs per CPU second;"
                f" {figures['other_coded']:,} passed the prefilter;"
                f" target >= {TARGETS['other_docs_s']:,})"
            )
    figures["load_average_after"] = os.getloadavg()[0]
    parts.append(
        f"load avg {figures['load_average_before']:.1f} -> {figures['load_average_after']:.1f}"
    )
    print("sitrep process bench: " + " | ".join(parts))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
