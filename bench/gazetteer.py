"""Benchmark the gazetteer: cold load time, name lookups per second, place-finding per document.

Prints one line of figures. Run: `python bench/gazetteer.py` (a fresh process, so the load is cold).
"""

from __future__ import annotations

import time
from pathlib import Path

NAMES = ["Tell Baidar", "Hasakeh", "Deir Ezzor", "Qamishlo", "Idleb", "Ain al-Asad", "Erbil",
         "Taizz", "Marib", "Nabatiyeh", "Gaza", "Diyarbakir", "Kirkuk", "Mosul", "Sanaa",
         "Aleppo", "Raqqa", "Kharab al-Jir", "Darbasiyah", "Tal Tamer"]  # fmt: skip
CORPUS = Path("/work/shared/corpus")


def main() -> None:
    t0 = time.perf_counter()
    from sitrep.knowledge.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    load_s = time.perf_counter() - t0

    rounds = 200
    t0 = time.perf_counter()
    for _ in range(rounds):
        for name in NAMES:
            gaz.lookup(name, country="Syria")
    lookups = rounds * len(NAMES) / (time.perf_counter() - t0)

    from sitrep.extract.places.resolve import resolve_text

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))] or [
        "Turkish forces shelled Tell Tamer in the northwestern countryside of al-Hasakah."
    ]
    resolve_text(texts[0])  # warm the filter tables
    t0 = time.perf_counter()
    n_chars = n_places = 0
    for _ in range(5):
        for text in texts:
            n_places += len(resolve_text(text))
            n_chars += len(text)
    docs = 5 * len(texts)
    elapsed = time.perf_counter() - t0
    print(
        f"gazetteer: {len(gaz):,} places, {len(gaz.by_key):,} keys; cold load {load_s:.2f} s; "
        f"{lookups:,.0f} lookups/s; place finding {docs / elapsed:,.0f} docs/s "
        f"({n_chars / elapsed / 1e6:.2f} MB/s, {n_places / docs:.1f} places/doc)"
    )


if __name__ == "__main__":
    main()
