"""Draft ACLED spellings of country and admin1 names, keyed by GeoNames codes, from the train notes.

Each train note's gold coordinates are looked up in the built gazetteer only to learn which
GeoNames admin1 code the gold admin1 spelling belongs to; nothing but the spelling is kept (no
coordinates, no rows). The output is a draft for `src/sitrep/knowledge/data/admin_names.csv`,
which is curated by hand from it (see docs/places.md).

Run: `python scripts/mine_admin_names.py /work/shared/data/train/acled_notes_train.jsonl > draft.csv`
"""

from __future__ import annotations

import collections
import csv
import json
import sys

import numpy as np
from scipy.spatial import cKDTree

from sitrep.knowledge.gazetteer import load_gazetteer


def main(path: str) -> int:
    gaz = load_gazetteer()
    places = [p for p in gaz.places if p.feature_class == "P"]
    tree = cKDTree(np.array([[p.latitude, p.longitude] for p in places]))
    admin1_votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(
        collections.Counter
    )
    country_votes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            gold = json.loads(line)["gold"]
            if gold.get("latitude") is None:
                continue
            _, i = tree.query([gold["latitude"], gold["longitude"]])
            place = places[int(i)]
            country_votes[place.country_code][gold["country"]] += 1
            if gold.get("admin1"):
                admin1_votes[(place.country_code, place.admin1_code)][gold["admin1"]] += 1
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["country_code", "admin1_code", "geonames_name", "acled_name", "votes"])
    for cc, votes in sorted(country_votes.items()):
        name, n = votes.most_common(1)[0]
        out.writerow([cc, "", gaz.countries[cc].name if cc in gaz.countries else "", name, n])
    for (cc, code), votes in sorted(admin1_votes.items()):
        name, n = votes.most_common(1)[0]
        area = gaz.admin1.get((cc, code))
        out.writerow([cc, code, area.geonames_name if area else "", name, n])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
