"""VERSION.json names every knowledge data file with its source, licence and current hash."""

import hashlib
import json
from importlib import resources

from sitrep.knowledge.loader import knowledge_version

DATA = resources.files("sitrep.knowledge.data")


def test_every_data_file_is_listed_with_its_current_hash_source_and_licence():
    manifest = json.loads(DATA.joinpath("VERSION.json").read_text(encoding="utf-8"))
    on_disk = {
        p.name
        for p in DATA.iterdir()
        if p.is_file() and p.name not in ("VERSION.json", "__init__.py")
    }
    assert set(manifest["files"]) == on_disk, "run scripts/update_knowledge_version.py"
    for name, entry in manifest["files"].items():
        assert entry["source"] and "TODO" not in entry["source"], name
        assert entry["licence"] and "TODO" not in entry["licence"], name
        actual = hashlib.sha256(DATA.joinpath(name).read_bytes()).hexdigest()
        assert actual == entry["sha256"], f"{name} changed: run scripts/update_knowledge_version.py"


def test_the_version_is_exported_with_documents():
    assert knowledge_version() == json.loads(DATA.joinpath("VERSION.json").read_text())["version"]
