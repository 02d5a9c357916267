"""Write `knowledge/data/subdivisions.csv`: the second-level ISO 3166-2 subdivisions (provinces,
districts, counties, departments under a region) from `pycountry` (a build-time input).

GeoNames' cities500 names each place's admin1 area but not the level below, which is what ACLED
writes second in a "(commune, province)" parenthesis in many countries ("(Bagare, Passore)" is
Burkina Faso's Passore province). The country these names belong to is evidence of where a
text happens (`places.resolve.subdivision_evidence`). Run: `python scripts/build_subdivisions.py`.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src/sitrep/knowledge/data/subdivisions.csv"


def main() -> None:
    rows = sorted(
        (s.country_code, s.code, s.name, s.type)
        for s in pycountry.subdivisions
        if getattr(s, "parent_code", None)
    )
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(f"# Second-level ISO 3166-2 subdivisions, from pycountry {pycountry.__version__} "
                "(scripts/build_subdivisions.py). Used only as evidence of a text's country.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["country_code", "code", "name", "type"])
        w.writerows(rows)
    print(f"{OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
