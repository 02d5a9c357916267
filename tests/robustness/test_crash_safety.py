"""`sitrep ingest` killed with SIGKILL mid-batch, then run again: the database holds every
document exactly once with all its events and tallies, the same as one uninterrupted run, on
SQLite and on the machine's PostgreSQL (127.0.0.1:5432, database `test`, user `postgres`)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from databases import database

from sitrep.ingest.readers import read_paths
from sitrep.store import Store
from sitrep.store.database import normalise_url
from sitrep.store.ingest import ingest

DOCUMENTS = 40
VILLAGES = ("Kafr Nabl", "Saraqib", "Ariha", "Jisr al-Shughur", "Maarat al-Numan", "Khan Shaykhun")


def _write_articles(folder: Path) -> None:
    folder.mkdir()
    for i in range(DOCUMENTS):
        village, other = VILLAGES[i % len(VILLAGES)], VILLAGES[(i + 1) % len(VILLAGES)]
        (folder / f"article-{i:03d}.txt").write_text(
            f"date 2023-12-{1 + i % 28:02d} Shelling in Idlib, report {i}\nBy Example Wire\n\n"
            f"Government forces shelled {village} in southern Idlib on Friday, killing {i % 9 + 1} "
            f"civilians, the Syrian Observatory for Human Rights said.\n\n"
            f"Clashes broke out on Thursday between rebel fighters and government troops near "
            f"{other}, wounding {i % 5 + 2} fighters, a local source said. Report number {i}.\n",
            encoding="utf-8",
        )


def _ingest(db: str, inputs: Path) -> subprocess.Popen[bytes]:
    code = "from sitrep.cli.main import app; app(prog_name='sitrep')"
    return subprocess.Popen(
        # Not --quiet: that silences the summary line this test reads.
        [sys.executable, "-c", code, "ingest", str(inputs), "--db", db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def _stored_documents(engine: sa.Engine) -> int:
    with engine.connect() as connection:
        try:
            return int(connection.execute(sa.text("SELECT count(*) FROM documents")).scalar() or 0)
        except sa.exc.DBAPIError:
            return 0  # not migrated yet


def _contents(engine: sa.Engine) -> dict[str, object]:
    """What the database holds, keyed so that two equal databases compare equal."""
    with engine.connect() as connection:
        q = lambda sql: [tuple(r) for r in connection.execute(sa.text(sql))]  # noqa: E731
        return {
            "documents": sorted(q("SELECT doc_id, source FROM documents")),
            "supports": sorted(
                q(
                    "SELECT d.doc_id, s.doc_event_id FROM event_supports s "
                    "JOIN documents d ON d.id = s.document_pk"
                )
            ),
            "events": q("SELECT count(*) FROM events"),
            "tallies": sorted(
                q(
                    "SELECT d.doc_id, t.tally_id FROM tallies t "
                    "JOIN documents d ON d.id = t.document_pk"
                )
            ),
            "evidence": q("SELECT count(*) FROM evidence_spans"),
        }


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_kill_9_during_ingest_then_rerun_stores_each_document_once(kind, tmp_path):
    inputs = tmp_path / "articles"
    _write_articles(inputs)
    with (
        database(kind, tmp_path, "crashed") as crashed,
        database(kind, tmp_path, "clean") as clean,
    ):
        with Store(clean) as store:  # the same inputs, stored in one uninterrupted run
            report = ingest(store, read_paths([str(inputs)]))
        assert (report.read, report.failed) == (DOCUMENTS, 0)
        engine = sa.create_engine(normalise_url(crashed))
        try:
            process = _ingest(crashed, inputs)
            deadline = time.monotonic() + 240
            while _stored_documents(engine) < DOCUMENTS // 4:
                assert process.poll() is None, process.stderr.read().decode()[-2000:]
                assert time.monotonic() < deadline, "ingest stored too little in 4 minutes"
                time.sleep(0.01)
            process.send_signal(signal.SIGKILL)  # mid-batch, most likely mid-transaction
            process.wait(timeout=30)
            assert process.returncode == -signal.SIGKILL
            assert _stored_documents(engine) < DOCUMENTS, "killed too late to test anything"
            final = _ingest(crashed, inputs)
            _, err = final.communicate(timeout=600)
            assert final.returncode == 0, err.decode()[-2000:]
            got = _contents(engine)
            clean_engine = sa.create_engine(normalise_url(clean))
            try:
                expected = _contents(clean_engine)
            finally:
                clean_engine.dispose()
        finally:
            engine.dispose()
    assert len(expected["documents"]) == DOCUMENTS and expected["supports"]
    assert got == expected
    summary = err.decode().strip().splitlines()[-1]
    assert f"read {DOCUMENTS}," in summary and "failed 0" in summary
