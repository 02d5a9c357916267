"""Refresh knowledge/data/VERSION.json: each data file's sha256, size, kind, source and licence.

Sources and licences are curated in VERSION.json itself (this script keeps them); hashes are
recomputed. `tests/knowledge/test_version.py` fails when a data file changes without a refresh,
so exported datasets always name the exact knowledge they were coded with.

    python scripts/update_knowledge_version.py [--bump]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "knowledge" / "data"
MANIFEST = DATA / "VERSION.json"
SKIP = {"VERSION.json", "__init__.py"}


def data_files() -> list[Path]:
    return sorted(p for p in DATA.iterdir() if p.is_file() and p.name not in SKIP)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bump", action="store_true", help="Increase the patch version.")
    args = parser.parse_args()
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    old = manifest.get("files", {})
    files = {}
    for path in data_files():
        entry = dict(old.get(path.name, {}))
        entry.setdefault("source", "TODO: state the source")
        entry.setdefault("licence", "TODO")
        entry.update(sha256=digest(path), bytes=path.stat().st_size)
        files[path.name] = entry
    if args.bump:
        major, minor, patch = (int(x) for x in manifest["version"].split("."))
        manifest["version"] = f"{major}.{minor}.{patch + 1}"
    manifest["files"] = files
    MANIFEST.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    missing = [n for n, e in files.items() if "TODO" in e["source"] + e["licence"]]
    if missing:
        raise SystemExit(f"state source and licence for: {', '.join(missing)}")


if __name__ == "__main__":
    main()
