"""Cold start: `sitrep extract` of one short document against a cold `spacy.load` + parse of it.

Usage: python bench/cold_start.py [--rounds 7] [--json PATH]

Both sides are fresh processes timed from the outside (wall clock, start to exit), started in
alternating order, so that a change in the machine's load weighs on both alike:
  sitrep   `sitrep extract FILE` (JSONL to /dev/null): imports, the model, every table the first
           document needs, reading, coding and writing it
  bare     `python -c "import spacy; nlp = spacy.load(MODEL); nlp(TEXT)"` with the same text
The figure is the median of the per-round ratios (sitrep ÷ bare) of wall time, with the medians
of each side; the median ratio of the processes' CPU time (user + system) is printed beside it.
Target (issue 18): ratio <= 1.5.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# A sentence written for this benchmark: a short news brief with a date header, as users send.
TEXT = (
    "date 2024-03-02 Drone strike near the border\n\n"
    "A drone strike killed two fighters in a car near Qamishli on Saturday, a local monitor said.\n"
)
TARGET = 1.5


def sitrep_command(path: str) -> list[str]:
    exe = Path(sys.executable).with_name("sitrep")
    return [str(exe), "extract", path]


def bare_command(path: str) -> list[str]:
    from sitrep.nlp.model import MODEL_NAME

    code = (
        "import sys, spacy; nlp = spacy.load(sys.argv[1]); "
        "nlp(open(sys.argv[2], encoding='utf-8').read())"
    )
    return [sys.executable, "-c", code, MODEL_NAME, path]


def wall(command: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds from start to exit of a fresh process (output discarded); fails loudly.

    CPU is the child's user + system time: less moved by other work on a shared machine than
    wall time, though a process that uses a second core counts it twice."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def measure(rounds: int, path: str) -> dict[str, object]:
    sides = {"sitrep": sitrep_command(path), "bare": bare_command(path)}
    wall(sides["bare"])  # the first process of all warms the OS file cache for both
    wall(sides["sitrep"])
    times: dict[str, list[float]] = {"sitrep": [], "bare": []}
    cpu: dict[str, list[float]] = {"sitrep": [], "bare": []}
    for i in range(rounds):
        order = ("sitrep", "bare") if i % 2 == 0 else ("bare", "sitrep")
        for side in order:
            seconds, cpu_seconds = wall(sides[side])
            times[side].append(seconds)
            cpu[side].append(cpu_seconds)
    ratios = [s / b for s, b in zip(times["sitrep"], times["bare"], strict=True)]
    cpu_ratios = [s / b for s, b in zip(cpu["sitrep"], cpu["bare"], strict=True)]
    return {
        "rounds": rounds,
        "sitrep_s": times["sitrep"],
        "bare_s": times["bare"],
        "sitrep_cpu_s": cpu["sitrep"],
        "bare_cpu_s": cpu["bare"],
        "sitrep_median_s": statistics.median(times["sitrep"]),
        "bare_median_s": statistics.median(times["bare"]),
        "ratio_median": statistics.median(ratios),
        "ratios": ratios,
        "cpu_ratio_median": statistics.median(cpu_ratios),
        "load_average_1min": os.getloadavg()[0],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "one-sentence.txt")
        Path(path).write_text(TEXT, encoding="utf-8")
        figures = measure(args.rounds, path)
    figures["load_average_before"] = load_before
    print(
        f"sitrep cold start: sitrep extract {figures['sitrep_median_s']:.2f} s, bare spacy.load +"
        f" parse {figures['bare_median_s']:.2f} s (medians of {args.rounds}); ratio"
        f" {figures['ratio_median']:.2f} (median of rounds"
        f" {'/'.join(f'{r:.2f}' for r in figures['ratios'])}; target <= {TARGET});"
        f" by CPU time {figures['cpu_ratio_median']:.2f}"
        f" | load avg {load_before:.1f} -> {figures['load_average_1min']:.1f}"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
