"""The prefilter is on by default in `sitrep extract` and `sitrep ingest`: a document without
conflict vocabulary is not parsed, its record says why, the run reports it, and `--no-prefilter`
codes everything. Texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli.main import app
from sitrep.scale.prefilter import SKIP_REASON
from sitrep.store import Store

runner = CliRunner()
CONCERT = (
    "date 2024-03-02 Concert season opens\n\nThe city orchestra opened its season on Friday with "
    "a new piano concerto, and critics praised the staging.\n"
)
RAID = (
    "date 2024-03-02 Raid\n\nGunmen attacked a checkpoint near the border on Friday, killing two "
    "soldiers, officials said.\n"
)


def _inputs(tmp_path: Path) -> list[str]:
    (tmp_path / "concert.txt").write_text(CONCERT, encoding="utf-8")
    (tmp_path / "raid.txt").write_text(RAID, encoding="utf-8")
    return [str(tmp_path / "concert.txt"), str(tmp_path / "raid.txt")]


def test_extract_skips_what_has_nothing_to_code_and_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", *_inputs(tmp_path)])
    assert result.exit_code == 0, result.output
    concert, raid = (json.loads(line) for line in result.stdout.splitlines())
    assert concert["skipped"] == SKIP_REASON and concert["events"] == []
    assert raid["skipped"] is None and raid["events"]
    assert f"skipped 1 of 2 documents (1 {SKIP_REASON})" in result.stderr
    quiet = runner.invoke(app, ["--quiet", "extract", *_inputs(tmp_path)])
    assert "skipped" not in quiet.stderr


def test_no_prefilter_codes_every_document(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", "--no-prefilter", *_inputs(tmp_path)])
    assert result.exit_code == 0, result.output
    assert all(json.loads(line)["skipped"] is None for line in result.stdout.splitlines())
    assert "skipped" not in result.stderr


def test_ingest_stores_skipped_documents_as_skipped(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["ingest", *_inputs(tmp_path), "--db", db])
    assert result.exit_code == 0, result.output
    assert "read 2, coded 1, skipped 1, failed 0" in result.stderr
    with Store(db) as store:
        assert store.counts()["documents"] == 2
    db2 = str(tmp_path / "all.db")
    result = runner.invoke(app, ["ingest", "--no-prefilter", *_inputs(tmp_path), "--db", db2])
    assert "read 2, coded 2, skipped 0, failed 0" in result.stderr
