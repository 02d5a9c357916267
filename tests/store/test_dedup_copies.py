"""Cross-document dedup end to end: reprints of the same articles add supports, not events.

The corpus articles are read from ../shared at test time. Each copy has one line appended, so
every copy is a new document (another text) reporting the same happenings, whatever the
precision they are placed at (site, province or only the country).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from copied_text import SHARED
from sqlalchemy import func, select
from typer.testing import CliRunner

from sitrep.cli.main import app
from sitrep.store import Store
from sitrep.store.models import EventRow, EventSupportRow

CORPUS = SHARED / "corpus"
COPIES = 3


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is missing at {CORPUS}")
def test_reprinted_articles_merge_into_the_events_of_the_first(tmp_path: Path) -> None:
    articles = sorted(CORPUS.glob("*.txt"))
    for k in range(1, COPIES + 1):
        folder = tmp_path / f"copy{k}"
        folder.mkdir()
        for article in articles:
            text = article.read_text(encoding="utf-8")
            (folder / article.name).write_text(f"{text}\nReprinted in archive {k}.\n")
    db = str(tmp_path / "copies.db")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(tmp_path / "copy1"), "--db", db])
    assert first.exit_code == 0, first.output
    with Store(db) as store:
        events = store.counts()["events"]
        with store.sessions() as session:
            levels = set(session.scalars(select(EventRow.geo_precision)))
    assert events > 20 and {1, 3} <= levels  # site- and country-level events among them
    rest = [str(tmp_path / f"copy{k}") for k in range(2, COPIES + 1)]
    again = runner.invoke(app, ["ingest", *rest, "--db", db])
    assert again.exit_code == 0, again.output
    assert "; 0 new events," in again.stderr
    with Store(db) as store, store.sessions() as session:
        assert store.counts()["events"] == events
        supports = session.execute(
            select(EventSupportRow.event_pk, func.count()).group_by(EventSupportRow.event_pk)
        ).all()
    assert {n for _, n in supports} == {COPIES}  # every event: one report from each copy
