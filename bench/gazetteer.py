"""Benchmark the gazetteers: build time, cold load, memory, lookups/s, and extraction overhead.

Usage: python bench/gazetteer.py [--villages PATH] [--build SOURCE...] [--rounds 3]

  build      seconds of `sitrep gazetteer build SOURCE...` into a temporary file, and its size
             (only with --build, e.g. ../shared/data/gazetteer/whosonfirst)
  load       cold `load_gazetteer()` in a fresh process (after its imports): the shipped table
             alone, and with the village gazetteer; resident memory of that process after 2,000
             lookups and the place finding below
  lookups/s  `Gazetteer.lookup(name, country)` over the names below (each once per round), and
             place finding (`resolve_text`) in documents/s over the dev notes and corpus
  overhead   in one process, the texts parsed once, then every extractor run over them with
             each gazetteer (opened afresh each round, so that its lookups start cold as on a
             stream of new documents), rounds alternating: (parse + extraction with the village
             gazetteer) ÷ (parse + extraction without it), CPU seconds, median ratio (<= 1.05)

The village gazetteer is --villages, else $SITREP_GAZETTEER, else the one --build writes.
Figures vary with machine load: compare ratios, and note `uptime` next to them.
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

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED") or ROOT.parent / "shared")
NAMES = ["Tell Baidar", "Hasakeh", "Deir Ezzor", "Qamishlo", "Idleb", "Ain al-Asad", "Erbil",
         "Taizz", "Marib", "Nabatiyeh", "Gaza", "Diyarbakir", "Kirkuk", "Mosul", "Sanaa",
         "Aleppo", "Raqqa", "Kharab al-Jir", "Darbasiyah", "Tal Tamer", "Kansafra", "Naameh",
         "Sfuhen", "Bait Jan", "Yusufiyah", "Dbayeh", "Al Husha", "Shah Wali Kot"]  # fmt: skip


def texts(limit: int | None = None) -> list[str]:
    """The dev notes and corpus articles (what the extraction overhead is measured on)."""
    out = []
    dev = SHARED / "data" / "dev" / "acled_notes_dev.jsonl"
    if dev.is_file():
        out += [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines()]
    out += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus").glob("*.txt"))]
    if not out:
        out = ["Turkish forces shelled Tell Tamer in the northwestern countryside of al-Hasakah."]
    return out[:limit]


def child_load() -> None:
    """In a fresh process: time the load, then 2,000 lookups, then report RSS (MB)."""
    from sitrep.knowledge.gazetteer import load_gazetteer

    started = time.perf_counter()
    gaz = load_gazetteer()
    load_s = time.perf_counter() - started
    rounds = 0
    started = time.perf_counter()
    while rounds * len(NAMES) < 2000:
        for name in NAMES:
            gaz.lookup(name, country="Syria")
        rounds += 1
    lookups = rounds * len(NAMES) / (time.perf_counter() - started)
    from sitrep.extract.places.resolve import resolve_text

    docs = texts()
    resolve_text(docs[0])
    started = time.perf_counter()
    for text in docs:
        resolve_text(text)
    docs_s = len(docs) / (time.perf_counter() - started)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"load_s": load_s, "lookups_s": lookups, "docs_s": docs_s, "rss_mb": rss,
                      "places": len(gaz), "tables": [t.label for t in gaz.tables]}))  # fmt: skip


def child_extract(villages: str, rounds: int) -> None:
    """In one process: CPU of the extractors over parsed texts with each gazetteer, rounds
    alternating, against the CPU of the parse plus extractors without the village gazetteer."""
    from sitrep.extract.places import location, resolve
    from sitrep.extract.state import DocState
    from sitrep.knowledge import gazetteer
    from sitrep.pipeline import Pipeline

    def fresh(path: str) -> gazetteer.Gazetteer:
        # A new gazetteer per round: its lookups start cold, as on a stream of new documents.
        os.environ["SITREP_GAZETTEER"] = path
        return gazetteer.load_gazetteer.__wrapped__()  # type: ignore[no-any-return]

    pipeline = Pipeline()
    docs = texts()
    started = time.process_time()
    parsed = list(pipeline.nlp.pipe(docs))
    parse_s = time.process_time() - started

    def extract(gaz: gazetteer.Gazetteer) -> float:
        resolve.load_gazetteer = location.load_gazetteer = lambda: gaz  # type: ignore[assignment]
        started = time.process_time()
        for text, doc in zip(docs, parsed, strict=True):
            state = DocState(text=text, published=None, outlet=None, doc=doc)
            for spec in pipeline.specs:
                spec.func(state)
        return time.process_time() - started

    extract(fresh("off")), extract(fresh(villages))  # warm filters and classifier caches
    ratios = []
    for n in range(rounds):
        plain, full = fresh("off"), fresh(villages)
        order = (plain, full) if n % 2 == 0 else (full, plain)
        cpu = {id(g): extract(g) for g in order}
        without, with_ = cpu[id(plain)], cpu[id(full)]
        ratios.append((parse_s + with_) / (parse_s + without))
        print(f"round {n + 1}: parse {parse_s:.2f} s + extractors {without:.2f} s without, "
              f"{with_:.2f} s with villages: x{ratios[-1]:.3f}")
    print(json.dumps({"ratio": statistics.median(ratios), "n": len(ratios)}))


def run_child(mode: str, villages: str) -> dict:
    env = {**os.environ, "SITREP_GAZETTEER": villages}
    out = subprocess.run([sys.executable, __file__, "--child", mode], env=env, check=True,
                         capture_output=True, text=True).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", help="The village gazetteer (default $SITREP_GAZETTEER).")
    parser.add_argument("--build", nargs="+", metavar="SOURCE", help="Time a build from these.")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", choices=("load", "extract"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "load":
        return child_load()
    if args.child == "extract":
        return child_extract(os.environ["SITREP_GAZETTEER"], args.rounds)

    villages = args.villages or os.environ.get("SITREP_GAZETTEER", "")
    tmp = tempfile.TemporaryDirectory()
    if args.build:
        target = Path(tmp.name) / "gazetteer.sqlite"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sitrep.cli.main", "-q", "gazetteer", "build",
                        *args.build, "-o", str(target)], check=True)  # fmt: skip
        print(f"build: {time.perf_counter() - started:.1f} s, "
              f"{target.stat().st_size / 1e6:.1f} MB ({', '.join(args.build)})")
        villages = villages or str(target)
    if not villages or villages == "off" or not Path(villages).is_file():
        sys.exit("no village gazetteer: give --villages PATH, set SITREP_GAZETTEER or --build")

    for label, env in (("shipped only", "off"), ("with villages", villages)):
        r = run_child("load", env)
        print(f"{label}: cold load {r['load_s']:.3f} s, {r['places']:,} places, "
              f"{r['lookups_s']:,.0f} lookups/s, place finding {r['docs_s']:,.0f} docs/s, "
              f"rss {r['rss_mb']:.0f} MB")
    env = {**os.environ, "SITREP_GAZETTEER": villages}
    out = subprocess.run([sys.executable, __file__, "--child", "extract", "--rounds",
                          str(args.rounds)], env=env, check=True, capture_output=True,
                         text=True).stdout  # fmt: skip
    lines = out.strip().splitlines()
    print("\n".join(lines[:-1]))
    ratio = json.loads(lines[-1])["ratio"]
    print(f"extraction with the village gazetteer: x{ratio:.3f} the CPU of parse + extraction "
          f"without it (median of {args.rounds} rounds; target <= 1.05) over {len(texts())} "
          f"texts; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
