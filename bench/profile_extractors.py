"""Where sitrep's time goes: each extractor's cost as a share of the spaCy parse, and hot spots.

Usage: python bench/profile_extractors.py [--top 25]   (CPU seconds of this process, not wall time)

Parses the dev notes and the corpus articles once, then runs every registered extractor over each
parsed document and times it (first-use costs such as lazy dictionary builds are paid first, on
300 train notes and one document per publication year), then profiles a second pass with
cProfile (caches warm by then, so read it for the shape of the costs) and prints the functions
with the largest cumulative and own time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

from sitrep.extract.assembly.document import assemble_document  # noqa: E402
from sitrep.extract.state import DocState  # noqa: E402
from sitrep.nlp.model import load_stock_nlp  # noqa: E402
from sitrep.pipeline import Pipeline  # noqa: E402


def run_extractors(pipeline: Pipeline, raws: list, parsed: list, times: Counter) -> None:
    for raw, doc in zip(raws, parsed, strict=True):
        state = DocState(text=raw.text, published=raw.published, outlet=raw.outlet,
                         title=raw.title, doc=doc)
        for spec in pipeline.specs:
            started = time.process_time()
            try:
                spec.func(state)
            except Exception:  # noqa: BLE001 - a failing extractor is timed, not fatal, here
                times["(failed) " + spec.name] += 1
            times[spec.name] += time.process_time() - started
        started = time.process_time()
        assemble_document(raw, state, "bench", "bench")
        times["assemble"] += time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    pipeline = Pipeline()
    raws = corpus.real_conflict_texts()
    # First-use costs (an actor dictionary per publication year, per-country place tables) are
    # paid on train notes and one document per year, left out; every other text is coded once,
    # so per-text caches do not flatter.
    first: dict = {}
    for i, raw in enumerate(raws):
        first.setdefault(raw.published and raw.published.year, i)
    warm = [raws[i] for i in first.values()]
    raws = [r for i, r in enumerate(raws) if i not in set(first.values())]
    list(pipeline.run_many(corpus.warm_up_texts() + warm))
    texts = [r.text for r in raws]
    stock = load_stock_nlp()
    list(stock.pipe(texts[:20]))
    started = time.process_time()
    list(stock.pipe(texts, batch_size=64))
    floor = time.process_time() - started
    started = time.process_time()
    parsed = list(pipeline.nlp.pipe(texts, batch_size=64))
    parse = time.process_time() - started
    times: Counter = Counter()
    run_extractors(pipeline, raws, parsed, times)
    total = sum(v for k, v in times.items() if not k.startswith("(failed)"))
    ratio = (parse + total) / floor
    print(f"spaCy: the model as shipped {floor:.2f} s, sitrep's pipeline {parse:.2f} s for"
          f" {len(raws)} documents; extractors {total:.2f} s = {total / floor:.0%} of the"
          f" shipped model's parse (extract/parse ratio {ratio:.2f})")
    for name, seconds in times.most_common():
        if name.startswith("(failed)"):
            print(f"  {name}: {seconds:.0f} documents")
        else:
            print(f"  {name:<14} {seconds:6.3f} s  {seconds / floor:6.1%} of the parse")
    profile = cProfile.Profile()
    profile.enable()
    run_extractors(pipeline, raws, parsed, Counter())
    profile.disable()
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(r"sitrep", args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
