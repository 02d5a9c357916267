"""How far the prefilter's pass rate on non-conflict text can fall without dropping a conflict text.

Usage: python bench/prefilter_headroom.py [--top 12]   (needs wordfreq: `pip install .[build]`)

Issue 18's 2,000 non-conflict documents a second needs a pass rate of about 1-2 % on the process
bench's documents; this measures what stands in the way, on the bench's own 20,000 documents
(`process.py`'s, read as `sitrep extract` reads them) and every conflict set (dev notes for the
drop check only, both train files, the corpus, the article dev set):

1. what passes: by length class, and by the full set of cues in the text (not only those up to
   the verdict), each with the number of train notes that have exactly those cues and nothing else
   (a rule rejecting that cue set would drop them);
2. a sharper keyword rule: a text of at least L characters passes only with a strong cue;
3. a second, statistical stage on the texts the keyword stage passes: a naive Bayes log-likelihood
   ratio of the text's words, conflict notes against general English (wordfreq's frequencies; no
   generated text is trained on). Its threshold must keep every conflict text: fitted on one train
   file, the lowest score of the other file is the held-out threshold; fitted on both, the lowest
   score of the notes themselves is the in-sample one (optimistic).
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import nonconflict  # noqa: E402
import prefilter_eval as pe  # noqa: E402

from sitrep.ingest.jsonl import read_jsonl_record  # noqa: E402
from sitrep.scale.prefilter import STRONG, Prefilter, _hits, default_prefilter  # noqa: E402

WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
ALPHA, FLOOR, CLIP = 0.5, 1e-8, 4.0  # add-alpha smoothing, wordfreq's floor, |word score| cap


def bench_documents(n: int = 20000, seed: int = 21) -> list[str]:
    """process.py's non-conflict documents, as the JSONL reader makes them (the header goes)."""
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        text = nonconflict.article(rng) if i % 2 else nonconflict.paragraph(rng)
        raw = read_jsonl_record(json.dumps({"id": f"other-{i}", "text": text}), "bench")
        texts.append(getattr(raw, "text", ""))
    return texts


def cues(prefilter: Prefilter, text: str) -> dict[str, float]:
    return {key: weight for _, key, weight in _hits(prefilter._folded, text.lower(),
                                                  prefilter._exact, text)}


def length_class(text: str) -> str:
    return "short" if len(text) < 400 else "mid" if len(text) < 700 else "long"


class NaiveBayes:
    """Per-word log ratio P(word | conflict notes) / P(word | general English), mean over a text."""

    def __init__(self, texts: list[str]):
        from wordfreq import word_frequency

        self.general = word_frequency
        counts = collections.Counter(w for t in texts for w in WORD.findall(t.lower()))
        self.denominator = sum(counts.values()) + ALPHA * len(counts)
        self.llr = {w: self._ratio(n + ALPHA, w) for w, n in counts.items()}

    def _ratio(self, count: float, word: str) -> float:
        value = math.log(count / self.denominator) - math.log(max(self.general(word, "en"), FLOOR))
        return max(-CLIP, min(CLIP, value))

    def score(self, text: str) -> float:
        words = WORD.findall(text.lower())
        values = [self.llr[w] if w in self.llr else self._ratio(ALPHA, w) for w in words]
        return sum(values) / len(values) if values else -CLIP


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    prefilter = default_prefilter()
    sets = {"dev notes": pe.notes(pe.corpus.DEV_NOTES), "train 2020": pe.notes(pe.TRAIN),
            "train 2022": pe.notes(pe.TRAIN_2022), "corpus": pe.articles(pe.corpus.CORPUS),
            "article dev set": pe.articles(pe.ARTICLES)}
    passed = {name: [t for t in texts if prefilter(t)] for name, texts in sets.items()}
    other = [t for t in bench_documents() if prefilter(t)]
    train = passed["train 2020"] + passed["train 2022"]

    print(f"1. bench documents passed: {len(other):,} of 20,000 "
          f"({dict(collections.Counter(map(length_class, other)))})")
    note_sets = collections.Counter(tuple(sorted(cues(prefilter, t))) for t in train)
    other_sets = collections.Counter(tuple(sorted(cues(prefilter, t))) for t in other)
    weak_only = {name: sum(all(w < STRONG for w in cues(prefilter, t).values()) for t in texts)
                 for name, texts in passed.items() if name != "dev notes"}  # drop checks only
    print(f"   conflict texts passed on weak cues only: {weak_only}")
    shared = sum(n for key, n in other_sets.items() if key in note_sets)
    print(f"   bench passes whose cue set some train note has exactly (no rule that decides on the"
          f" cue set alone can reject them without dropping that note): {shared:,}")
    by_length = collections.Counter((tuple(sorted(cues(prefilter, t))), length_class(t))
                                    for t in train)
    shared = sum((tuple(sorted(cues(prefilter, t))), length_class(t)) in by_length for t in other)
    print(f"   the same, cue set and length class (short < 400 <= mid < 700 <= long): {shared:,}")
    for key, n in other_sets.most_common(args.top):
        print(f"   {n:5,} bench | {note_sets.get(key, 0):3} train notes with exactly {key}")

    print("2. a text of L characters or more passes only with a strong cue:")
    for limit in (400, 550, 700, 1000):
        def kept(text: str, limit: int = limit) -> bool:
            return len(text) < limit or any(w >= STRONG for w in cues(prefilter, text).values())
        drops = {name: sum(not kept(t) for t in texts) for name, texts in passed.items()}
        print(f"   L={limit:5}: bench passes {sum(map(kept, other)):5,}; conflict drops {drops}")

    print("3. naive Bayes, conflict notes against general English (wordfreq):")
    models = {"2020": NaiveBayes(passed["train 2020"]), "2022": NaiveBayes(passed["train 2022"]),
              "both": NaiveBayes(train)}
    held_out = min(min(map(models["2020"].score, passed["train 2022"])),
                   min(map(models["2022"].score, passed["train 2020"])))
    in_sample = min(map(models["both"].score, train))
    articles = passed["corpus"] + passed["article dev set"]
    article_low = min(map(models["both"].score, articles))
    scores = [models["both"].score(t) for t in other]
    lines = [("held-out", min(held_out, article_low))]
    lines += [(f"held-out - {m}", lines[0][1] - m) for m in (0.1, 0.2)]
    lines.append(("in-sample", min(in_sample, article_low)))
    for label, line in lines:
        drops = {name: sum(models["both"].score(t) < line for t in texts)
                 for name, texts in passed.items()}
        print(f"   {label} threshold {line:.2f}: bench passes {sum(s >= line for s in scores):,};"
              f" conflict drops {drops}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
