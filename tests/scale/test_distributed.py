"""Dask execution: the same documents as one process, and idempotent ingestion into a store."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sitrep.scale.distributed import extract_distributed, ingest_distributed, partitions

pytest.importorskip("distributed")

CORPUS_SAMPLE = (
    "almayadeen-2023-12-09-us-drills-syria.txt",
    "2016-03-29-islamic-state-claims-central-baghdad-bombing.txt",
    "2023-12-25-statement-from-nsc-spokesperson-on-us-strikes-in-iraq.txt",
)


@pytest.fixture(scope="module")
def client():
    """One two-worker local cluster for the module (starting one costs seconds)."""
    from sitrep.scale.distributed import dask_client

    with dask_client(workers=2) as c:
        yield c


@pytest.mark.parametrize(
    ("n", "size", "lengths"),
    [(0, 3, []), (2, 3, [2]), (3, 3, [3]), (7, 3, [3, 3, 1]), (5, 1, [1, 1, 1, 1, 1])],
)
def test_partitions(n, size, lengths):
    chunks = list(partitions(range(n), size))
    assert [len(c) for c in chunks] == lengths
    assert [x for c in chunks for x in c] == list(range(n))


def test_partition_size_must_be_positive():
    from sitrep.errors import ConfigError

    with pytest.raises(ConfigError):
        list(partitions([1], 0))


def _sample(shared: Path, dev_raws) -> list:
    from sitrep.ingest.readers import read_paths

    articles = list(read_paths([str(shared / "corpus" / name) for name in CORPUS_SAMPLE]))
    return articles + dev_raws[:9]


def test_dask_gives_the_same_documents_as_one_process(client, shared, dev_raws, pipeline):
    raws = _sample(shared, dev_raws)
    single = [d.to_dict() for d in pipeline.run_many(raws)]
    # Partitions of 4 put documents on both workers and out of step with spaCy's batches.
    dask = [d.to_dict() for d in extract_distributed(raws, client=client, partition_size=4)]
    assert [d["doc_id"] for d in dask] == [d["doc_id"] for d in single]
    assert dask == single
    assert [d.to_dict() for d in extract_distributed(raws, workers=0)] == single


def test_prefilter_on_the_workers_skips_non_conflict_text(client):
    from sitrep.records import RawDocument
    from sitrep.scale.prefilter import SKIP_REASON

    raws = [
        RawDocument(text="The orchestra's new season opens with three symphonies in May."),
        RawDocument(text="Militants shelled the village of Tal Tamr on Friday, killing two."),
    ]
    docs = extract_distributed(raws, client=client, partition_size=1, prefilter=True)
    assert [d.skipped for d in docs] == [SKIP_REASON, None]


def _copy_inputs(shared: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    for name in CORPUS_SAMPLE:
        shutil.copy(shared / "corpus" / name, folder / name)
    (folder / "sport.txt").write_text(
        "date 2024-05-04 Rovers win\n\nRovers beat United 2-1 on Saturday in front of 40,000 fans."
        " The visitors could not convert their chances in the second half.\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")  # unreadable: reported, not fatal
    return folder


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """SQLite (workers code, the driver writes) and PostgreSQL (each worker writes)."""
    from databases import database

    with database(request.param, tmp_path, "scale") as url:
        yield url


@pytest.mark.parametrize("where", ["dask", "here"])
def test_ingest_is_idempotent(where, db_url, client, shared, tmp_path):
    from sitrep.store import Store

    folder = _copy_inputs(shared, tmp_path)
    # "here" is workers=0: the same batches coded in this process, no Dask.
    run = {"client": client} if where == "dask" else {"workers": 0}
    with (tmp_path / "errors.jsonl").open("w", encoding="utf-8") as errors:
        first = ingest_distributed(
            [str(folder)], db_url=db_url, partition_size=2, errors_out=errors, **run
        )
    assert first.read == 4 and first.failed == 1
    (line,) = (tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert "empty.txt" in line and '"stage": "read"' in line
    assert first.coded == 3 and first.skipped == 1  # the sports text is prefiltered
    second = ingest_distributed([str(folder)], db_url=db_url, partition_size=2, **run)
    assert second.read == 4 and second.unchanged == 4
    assert second.coded == 0 and second.events == 0
    with Store(db_url) as store:
        assert store.counts()["documents"] == 4


def test_concurrent_writers_merge_reports_of_one_happening_as_one_process_does(
    client, dev_records, tmp_path
):
    """Two reports of each event on two workers at once: the canonical events must still merge."""
    from databases import database

    from sitrep.store import Store

    folder = tmp_path / "pairs"
    folder.mkdir()
    for i, note in enumerate(dev_records[:4]):
        for k, extra in enumerate(("", " Local sources confirmed the report.")):
            (folder / f"n{i}_{k}.txt").write_text(
                f"date {note['published']} note\n\n{note['text']}{extra}\n", encoding="utf-8"
            )
    counts = {}
    for where, run in (("dask", {"client": client}), ("here", {"workers": 0})):
        with database("postgresql") as url:
            ingest_distributed([str(folder)], db_url=url, partition_size=1, **run)
            with Store(url) as store:
                counts[where] = store.counts()
    assert counts["dask"] == counts["here"]
    assert counts["here"]["documents"] == 8 and counts["here"]["events"] < 8


# Workers log while a local cluster stops (a heartbeat racing the closing scheduler logs an ERROR
# with a traceback, dask/distributed#7891). A plugin logs at the same moment, every time.
_SHUTDOWN_NOISE = """
import logging
from distributed import WorkerPlugin
from sitrep.scale.distributed import dask_client

class LogsAtShutdown(WorkerPlugin):
    def teardown(self, worker):
        logging.getLogger("distributed.worker").error("worker stopping")

logging.basicConfig(level=logging.WARNING)
with dask_client(workers=2) as client:
    client.register_plugin(LogsAtShutdown())
logging.getLogger("distributed.worker").warning("driver after the cluster")
"""


def test_a_second_local_cluster_starts_and_stops_without_a_word(client):
    """`client` holds a cluster in this process, as another sitrep run would."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _SHUTDOWN_NOISE],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DASK_LOGGING__DISTRIBUTED": "warning"},
    )
    assert done.returncode == 0, done.stderr
    # No shutdown noise, no "port 8787 is already in use", and logging works again afterwards.
    (line,) = done.stderr.splitlines()
    assert line.endswith("driver after the cluster")
