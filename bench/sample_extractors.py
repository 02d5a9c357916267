"""Where the extractors' time goes on train notes, by a sampling profiler (issue 18).

Usage: python bench/sample_extractors.py [--notes 1000] [--top 40] [--no-sample]

Takes a seeded sample of the train notes (the same seed as bench/process.py), parses them
through the evaluation's parse cache (`evaluate/parses.py`: parsed once, then read back; the
parse is not timed), then runs every extractor over each document in one pass, as `sitrep
extract` does (first-use costs included: table-cache loads, per-word memos), and prints the CPU
seconds of each. Meanwhile a profiling timer (SIGPROF, every 4 ms or the kernel's tick) samples
the stack; each sample is counted for the sitrep function nearest the top of the stack (so time
in regular expressions, numpy, SQLite or spaCy's Cython counts for the sitrep function that
called it) and for every function on the stack. Unlike cProfile it adds no cost per call, so code
that reads many spaCy tokens is not inflated. Unix only (`signal.setitimer`).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from types import FrameType

SHARED = Path(os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[2] / "shared")
TRAIN = sorted((SHARED / "data" / "train").glob("*.jsonl"))


class Sampler:
    """Stack samples on SIGPROF: the nearest sitrep frame ("own") and every frame ("inclusive")."""

    def __init__(self) -> None:
        self.own: Counter[str] = Counter()
        self.inclusive: Counter[str] = Counter()
        self.samples = 0

    @staticmethod
    def _name(frame: FrameType) -> str:
        code = frame.f_code
        path = code.co_filename.split("src/")[-1].split("site-packages/")[-1]
        return f"{path}:{code.co_firstlineno}:{code.co_name}"

    def _sample(self, _signum: int, frame: FrameType | None) -> None:
        self.samples += 1
        seen: set[str] = set()
        own_found = False
        while frame is not None:
            name = self._name(frame)
            if not own_found and "sitrep/" in frame.f_code.co_filename:
                self.own[name] += 1
                own_found = True
            if name not in seen:
                self.inclusive[name] += 1
                seen.add(name)
            frame = frame.f_back

    def start(self, interval: float = 0.001) -> None:
        signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, interval, interval)

    def stop(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)

    def report(self, top: int) -> None:
        n = self.samples or 1
        print(f"\n{self.samples} samples; own time (the nearest sitrep frame):")
        for name, count in self.own.most_common(top):
            print(f"  {count / n:6.1%}  {name}")
        print("inclusive (sitrep functions on the stack):")
        rows = [(k, v) for k, v in self.inclusive.most_common() if "sitrep/" in k]
        for name, count in rows[:top]:
            print(f"  {count / n:6.1%}  {name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--no-sample", action="store_true", help="time the extractors only")
    args = parser.parse_args()

    from sitrep.evaluate.parses import ParseCache
    from sitrep.extract.assembly.document import assemble_document
    from sitrep.extract.state import DocState
    from sitrep.nlp.segment import keep_text
    from sitrep.pipeline import Pipeline
    from sitrep.records import RawDocument

    rows = [json.loads(line) for f in TRAIN for line in f.read_text(encoding="utf-8").splitlines()]
    sample = random.Random(18).sample(rows, min(args.notes, len(rows)))
    texts = [r["text"] for r in sample]
    published = [date.fromisoformat(r["published"][:10]) if r.get("published") else None
                 for r in sample]  # fmt: skip
    pipeline = Pipeline(lazy=True)
    docs = list(ParseCache(pipeline.nlp).pipe(texts))
    specs = pipeline.specs
    times: Counter[str] = Counter()
    sampler = Sampler()
    if not args.no_sample:
        sampler.start()
    started = time.process_time()
    for text, day, doc in zip(texts, published, docs, strict=True):
        keep_text(doc, text)
        state = DocState(text=text, published=day, outlet=None, title=None, doc=doc)
        for spec in specs:
            t0 = time.process_time()
            spec.func(state)
            times[spec.name] += time.process_time() - t0
        t0 = time.process_time()
        assemble_document(RawDocument(text=text, published=day), state, "bench", "bench")
        times["(document record)"] += time.process_time() - t0
    total = time.process_time() - started
    sampler.stop()
    print(f"{len(texts):,} train notes: extractors {total:.2f} s CPU (parse excluded)")
    for name, seconds in times.most_common():
        print(f"  {name:<20} {seconds:6.3f} s  {seconds / total:6.1%}")
    if not args.no_sample:
        sampler.report(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
