"""Draft ACLED spellings of country and admin1 names, keyed by GeoNames codes, from the train notes.

Each train note's gold coordinates are looked up in the built gazetteer only to learn which
GeoNames admin1 code the gold admin1 spelling belongs to; nothing but the spelling is kept (no
coordinates, no rows). The output is a draft for `src/sitrep/knowledge/data/admin_names.csv`,
which is curated by hand from it (see docs/places.md).

Run: `python scripts/mine_admin_names.py /work/shared/data/train/acled_notes_train.jsonl`
(writes the draft CSV to stdout).
"""

from __future__ import annotations

import collections
import csv
import difflib
import json
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


def main(path: str) -> int:
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
    raise SystemExit(main(sys.argv[1]))
