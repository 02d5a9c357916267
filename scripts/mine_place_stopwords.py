"""Draft the common words that must not be read as place names (the generated rows of
`src/sitrep/knowledge/data/place_stopwords.csv`; the curated rows above them are kept by hand).

Two sources: (1) words the train notes write in lower case at least three times and more often
than capitalised inside a sentence ("police", "coalition"); (2) English words with a wordfreq
Zipf frequency of at least 4.0 ("mission", "victory", "hope"). A word that names a country, an
admin1 area, a site or a place of 250,000 people or more stays a place ("Paris", "Gaza").

Run: `python scripts/mine_place_stopwords.py /work/shared/data/train/acled_notes_train.jsonl`
(needs `pip install wordfreq`, a build-time input only).
"""

from __future__ import annotations

import collections
import json
import re
import sys

WORD = re.compile(r"[A-Za-z]+")
ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "az", "at", "an", "ez", "bin", "ibn", "bani", "de"}
MIN_ZIPF = 4.0
PROTECTED_POPULATION = 250_000


def _protected() -> set[str]:
    from sitrep.knowledge.gazetteer import load_gazetteer
    from sitrep.knowledge.placenames import ascii_fold

    gaz = load_gazetteer()
    keep = set()
    for place in gaz:
        if place.feature_class in "ACS" or place.population >= PROTECTED_POPULATION:
            keep.add(ascii_fold(place.name))
            keep.update(ascii_fold(a) for a in place.alternates)
    return keep


def main(path: str) -> int:
    from wordfreq import top_n_list, zipf_frequency

    lower: collections.Counter[str] = collections.Counter()
    upper: collections.Counter[str] = collections.Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                for n, m in enumerate(WORD.finditer(sentence)):
                    w = m.group()
                    if w.islower():
                        lower[w] += 1
                    elif n > 0 and w[0].isupper():
                        upper[w.lower()] += 1
    protected = _protected()
    rows: dict[str, str] = {}
    for w in sorted(lower):
        if len(w) >= 3 and w not in ARTICLES and lower[w] >= 3 and lower[w] >= upper[w]:
            rows[w] = f"train notes (lower case {lower[w]}x)"
    for w in top_n_list("en", 30000):
        if (len(w) >= 3 and w.isalpha() and w.isascii() and w not in ARTICLES and w not in rows
                and zipf_frequency(w, "en") >= MIN_ZIPF):  # fmt: skip
            rows[w] = f"wordfreq en zipf {zipf_frequency(w, 'en'):.1f}"
    for w in sorted(rows):
        if w not in protected:
            print(f"{w},word,{rows[w]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
