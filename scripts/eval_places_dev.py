"""Score the place resolver on the ACLED dev notes: admin1 and distance to the gold point.

For each note, every place mention is resolved with the note's gold country as the document
country, and the most specific one is compared with the gold admin1 and coordinates (the same
choice the `locations` extractor makes for a draft whose sentence is the whole note).

Run: `python scripts/eval_places_dev.py [NOTES.jsonl] [--misses N] [--countries Syria,Iraq]`
(default: the dev notes).
"""

from __future__ import annotations

import argparse
import json
import sys

from sitrep.extract.places.location import most_specific
from sitrep.extract.places.resolve import resolve_places
from sitrep.extract.state import PlaceMention
from sitrep.knowledge.gazetteer import distance_km, load_gazetteer, to_place
from sitrep.records import Span


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="/work/shared/data/dev/acled_notes_dev.jsonl")
    parser.add_argument("--misses", type=int, default=15)
    parser.add_argument("--countries", help="only notes of these countries (comma-separated)")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in open(args.path, encoding="utf-8")]
    if args.countries:
        keep = set(args.countries.split(","))
        rows = [r for r in rows if r["gold"]["country"] in keep]
    n = admin1_ok = within10 = within50 = found = 0
    misses = []
    for row in rows:
        gold = row["gold"]
        n += 1
        pm = most_specific(resolve_places(row["text"], country=gold["country"]),
                           country=gold["country"], text=row["text"])  # fmt: skip
        if pm is None:
            # As the `locations` extractor does: the document's country when no place is named.
            gaz = load_gazetteer()
            country = gaz.country_place(gaz.country_code(gold["country"]) or "")
            if country is not None:
                pm = PlaceMention(Span("", 0, 0), to_place(country, 3, None), 0.3)
        if pm is None:
            misses.append((float("inf"), row["id"], "-", gold, row["text"]))
            continue
        found += 1
        p = pm.place
        admin1_ok += p.admin1 == gold["admin1"]
        d = distance_km(p.latitude, p.longitude, gold["latitude"], gold["longitude"])
        within10 += d <= 10
        within50 += d <= 50
        if d > 10 or p.admin1 != gold["admin1"]:
            got = f"{p.location} ({p.admin1}, {p.feature}, p{p.geo_precision})"
            misses.append((d, row["id"], got, gold, row["text"]))
    print(f"notes {n}: found {found/n:.1%}  admin1 {admin1_ok/n:.1%}  "
          f"within 10 km {within10/n:.1%}  within 50 km {within50/n:.1%}")  # fmt: skip
    misses.sort(key=lambda m: -m[0])
    for d, rid, got, gold, text in misses[: args.misses]:
        print(f"- {rid} {d:.0f} km: got {got}; gold {gold['location']} ({gold['admin1']}) :: "
              f"{text[:140]}", file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
