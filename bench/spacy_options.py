"""Bare spaCy parse throughput by batch size and process count, on the benchmark's conflict texts.

Usage: python bench/spacy_options.py [--size 400]. Shows whether `nlp.pipe` settings other than
sitrep's (batches of 64 documents, one process) would pay on this machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=400)
    args = parser.parse_args()
    from sitrep.nlp.model import load_nlp

    nlp = load_nlp()
    texts = [d.text for d in corpus.build(args.size, 0.0).docs]
    list(nlp.pipe(texts[:16]))
    for batch_size, n_process in ((16, 1), (64, 1), (256, 1), (64, 2)):
        started = time.perf_counter()
        list(nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
        seconds = time.perf_counter() - started
        rate = len(texts) / seconds
        print(f"batch_size={batch_size:<4} n_process={n_process}: {rate:6.1f} docs/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
