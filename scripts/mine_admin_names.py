"""Draft ACLED spellings of country and admin1 names, keyed by GeoNames codes, from the train notes.

Each train note's gold coordinates are looked up in the built gazetteer only to learn which
GeoNames admin1 code the gold admin1 spelling belongs to; nothing but the spelling is kept (no
coordinates, no rows). The output is a draft for `src/sitrep/knowledge/data/admin_names.csv`,
which is curated by hand from it (see docs/places.md).

Run: `python scripts/mine_admin_names.py /work/shared/data/train/acled_notes_train.jsonl`
(writes the draft CSV to stdout).

`--renames SINCE` drafts `admin_renames.csv` instead: the spellings the given (later) notes use
where they differ from `admin_names.csv` by more than punctuation ("Duhok" for "Dahuk"), for
every country, each to apply from SINCE on. ACLED respelled many admin1 names between its 2020
and 2022 data; `python scripts/mine_admin_names.py --renames 2021-01-01
/work/shared/data/train/acled_2022_train.jsonl` drafts the table (curated by hand from it).
"""

from __future__ import annotations

import argparse
import collections
import csv
import difflib
import json
import re
import sys

import numpy as np
from scipy.spatial import cKDTree

from sitrep.knowledge.gazetteer import load_gazetteer
from sitrep.knowledge.placenames import ascii_fold

# Curated by hand for these countries (docs/places.md); the draft skips them.
CURATED = {"SY", "IQ", "YE", "LB", "IL", "PS", "TR", "IR", "JO", "SA", "EG", "LY"}


def plausible(geonames_name: str, acled_name: str) -> bool:
    """The two spellings name the same area (a nearest place across a boundary votes wrong)."""
    a, b = ascii_fold(geonames_name), ascii_fold(acled_name)
    return a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= 0.6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notes")
    parser.add_argument("--renames", metavar="SINCE", help="Draft admin_renames.csv rows.")
    args = parser.parse_args(argv)
    return renames(args.notes, args.renames) if args.renames else draft(args.notes)


def _votes(path: str) -> tuple[dict, dict]:
    """Gold admin1 and country spellings by the GeoNames code of the nearest shipped town."""
    gaz = load_gazetteer()
    places = [p for p in gaz if p.feature_class == "P"]
    tree = cKDTree(np.array([[p.latitude, p.longitude] for p in places]))
    admin1_votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(
        collections.Counter
    )
    country_votes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    golds = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            gold = json.loads(line)["gold"]
            if gold.get("latitude") is None:
                continue
            _, i = tree.query([gold["latitude"], gold["longitude"]])
            place = places[int(i)]
            golds.append((gold, place))
            country_votes[place.country_code][gold["country"]] += 1
    country_name = {cc: votes.most_common(1)[0][0] for cc, votes in country_votes.items()}
    for gold, place in golds:
        # A nearest place across a border would vote a neighbour's admin1 name.
        if gold.get("admin1") and country_name[place.country_code] == gold["country"]:
            admin1_votes[(place.country_code, place.admin1_code)][gold["admin1"]] += 1
    return country_votes, admin1_votes


def _plain(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", ascii_fold(name))


def renames(path: str, since: str) -> int:
    """Later spellings: the majority spelling of each admin1 code in `path` where it differs
    from the curated one beyond case and punctuation, seen at least twice."""
    gaz = load_gazetteer()
    _, admin1_votes = _votes(path)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["country_code", "admin1_code", "acled_name", "since", "source"])
    for (cc, code), votes in sorted(admin1_votes.items()):
        name, n = votes.most_common(1)[0]
        area = gaz.admin1.get((cc, code))
        if area is None or n < 2 or _plain(name) == _plain(area.name):
            continue
        if plausible(area.name, name) or plausible(area.geonames_name, name):
            out.writerow([cc, code, name, since, f"spelling of later ACLED notes ({n} votes; "
                                                 f"was {area.name})"])  # fmt: skip
    return 0


def draft(path: str) -> int:
    gaz = load_gazetteer()
    country_votes, admin1_votes = _votes(path)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["country_code", "admin1_code", "geonames_name", "acled_name", "seat", "aliases",
                  "source"])  # fmt: skip
    source = "spelling mined from ACLED train notes"
    for cc, votes in sorted(country_votes.items()):
        name, n = votes.most_common(1)[0]
        gn = gaz.countries[cc].name if cc in gaz.countries else ""
        if cc not in CURATED and gn and gn != name and plausible(gn, name):
            out.writerow([cc, "", gn, name, "", "", f"{source} ({n} votes)"])
    for (cc, code), votes in sorted(admin1_votes.items()):
        name, n = votes.most_common(1)[0]
        area = gaz.admin1.get((cc, code))
        gn = area.geonames_name if area else ""
        if cc not in CURATED and gn and gn != name and plausible(gn, name):
            out.writerow([cc, code, gn, name, "", "", f"{source} ({n} votes)"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
