"""Recall and pass rates of the relevance prefilter (the figures in docs/performance.md).

Usage: python bench/prefilter_eval.py [--misses]

Recall on the ACLED dev notes (every note is an event), the train notes (the vocabulary was mined
from them, so this is not held out) and the real corpus articles; pass rate on generated
non-conflict news (bench/nonconflict.py) by form and by topic; decisions per second.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import nonconflict  # noqa: E402

from sitrep.scale.prefilter import default_prefilter  # noqa: E402

TRAIN = corpus.SHARED / "data" / "train" / "acled_notes_train.jsonl"


def notes(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print the dev notes it rejects")
    args = parser.parse_args()
    prefilter = default_prefilter()

    def rate(texts: list[str]) -> tuple[float, int, int]:
        passed = sum(prefilter(t) for t in texts)
        return passed / len(texts), passed, len(texts)

    dev = notes(corpus.DEV_NOTES)
    articles = [p.read_text(encoding="utf-8") for p in sorted(corpus.CORPUS.glob("*.txt"))]
    rows = [("recall, dev notes", rate(dev)), ("recall, corpus articles", rate(articles))]
    if TRAIN.is_file():
        rows.append(("recall, train notes (mined from)", rate(notes(TRAIN))))
    forms = {"paragraph": nonconflict.paragraph, "brief": nonconflict.headline,
             "article": nonconflict.article}
    for name, kind in forms.items():
        rows.append((f"pass rate, non-conflict {name}s",
                     rate(list(nonconflict.generate(2000, seed=11, kind=kind)))))
    for topic in nonconflict.TOPICS:
        rng = random.Random(5)
        rows.append((f"pass rate, {topic} paragraphs",
                     rate([nonconflict.paragraph(rng, topic) for _ in range(300)])))
    for label, (share, passed, total) in rows:
        print(f"{label:<36} {share:7.2%}  ({passed}/{total})")

    others = [nonconflict.article(random.Random(i)) for i in range(3000)]
    started = time.perf_counter()
    for text in others:
        prefilter(text)
    seconds = time.perf_counter() - started
    size = sum(map(len, others)) / len(others)
    print(f"{'speed, non-conflict articles':<36} {len(others) / seconds:,.0f} docs/s"
          f" (mean {size:,.0f} chars, {prefilter.size:,} cues)")
    if args.misses:
        for text in dev:
            if not prefilter(text):
                print("MISS", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
