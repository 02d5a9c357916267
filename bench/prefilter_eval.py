"""Recall and pass rates of the relevance prefilter (the figures in docs/performance.md).

Usage: python bench/prefilter_eval.py [--misses] [--loss]

Recall on every conflict set there is: the ACLED dev notes (every note is an event), both train
files (the vocabulary was mined from the 2020 one, so that one is not held out), the real corpus
articles and the article dev set (read as `sitrep` reads them); pass rate on generated
non-conflict news (bench/nonconflict.py) by form and by topic; decisions per second.
`--loss` codes the rejected conflict texts with the prefilter off and counts those for which
sitrep would have coded an ACLED event of the gold type (notes) or any ACLED event (articles):
what the prefilter actually costs.
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
TRAIN_2022 = corpus.SHARED / "data" / "train" / "acled_2022_train.jsonl"
ARTICLES = corpus.SHARED / "data" / "articles" / "dev"


def notes(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


def note_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def articles(folder: Path) -> list[str]:
    """Article texts as the readers make them (header and byline are metadata, not text)."""
    from sitrep.ingest.readers import read_string

    return [read_string(p.read_text(encoding="utf-8")).text for p in sorted(folder.glob("*.txt"))]


def loss(rejected_notes: list[dict], rejected_articles: list[str]) -> tuple[int, int]:
    """(notes, articles) among the rejected ones that sitrep, unfiltered, codes with an ACLED
    event that could be right (the gold event type for notes; any for articles)."""
    from datetime import date

    from sitrep.pipeline import Pipeline
    from sitrep.records import RawDocument

    pipeline = Pipeline()

    def acled(document: object) -> set[str]:
        return {e.event_type for e in document.events  # type: ignore[attr-defined]
                if e.acled_codable and e.modality in ("occurred", "claimed")}

    raws = [RawDocument(text=r["text"], published=date.fromisoformat(r["published"]))
            for r in rejected_notes]
    lost_notes = sum(
        r["gold"]["event_type"] in acled(d)
        for r, d in zip(rejected_notes, pipeline.run_many(raws), strict=True)
    )
    lost_articles = sum(
        bool(acled(d)) for d in pipeline.run_many(RawDocument(text=t) for t in rejected_articles)
    )
    return lost_notes, lost_articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print the dev notes it rejects")
    parser.add_argument("--loss", action="store_true",
                        help="code the rejected conflict texts unfiltered: what is lost")
    args = parser.parse_args()
    prefilter = default_prefilter()

    def rate(texts: list[str]) -> tuple[float, int, int]:
        passed = sum(prefilter(t) for t in texts)
        return passed / len(texts), passed, len(texts)

    dev = notes(corpus.DEV_NOTES)
    corpus_texts = articles(corpus.CORPUS)
    article_dev = articles(ARTICLES) if ARTICLES.is_dir() else []
    rows = [("recall, dev notes", rate(dev)), ("recall, corpus articles", rate(corpus_texts))]
    if article_dev:
        rows.append(("recall, article dev set", rate(article_dev)))
    train_rows = [r for path in (TRAIN, TRAIN_2022) if path.is_file() for r in note_rows(path)]
    if TRAIN.is_file():
        rows.append(("recall, train notes 2020 (mined from)", rate(notes(TRAIN))))
    if TRAIN_2022.is_file():
        rows.append(("recall, train notes 2022", rate(notes(TRAIN_2022))))
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
    if args.loss:
        rejected = [r for r in train_rows if not prefilter(r["text"])]
        rejected_articles = [t for t in corpus_texts + article_dev if not prefilter(t)]
        lost_notes, lost_articles = loss(rejected, rejected_articles)
        print(f"{'lost, train notes':<36} {lost_notes} of {len(rejected)} rejected would have"
              f" had an event of the gold type; articles: {lost_articles} of"
              f" {len(rejected_articles)} rejected had an ACLED event")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
