"""Coding many documents on a Dask cluster: partitions go to workers that keep one pipeline each.

The driver reads the inputs (`ingest.readers.read_paths`) and cuts them into partitions of
`partition_size` documents; each partition is coded on a worker by a pipeline built once per
worker process (`_worker_pipeline`, cached), so the spaCy model loads once per worker, not per
task. At most `2 × workers` partitions are in flight, so memory stays flat however many documents
come in. `ingest_distributed` stores the results: with PostgreSQL each worker writes its own
documents, one write at a time across workers (an advisory lock, `SerialisedWrites`, so that
cross-document event merging sees every earlier write); with SQLite, which allows one writer at a
time anyway, workers only code and the driver writes. Re-ingesting changes nothing: the
store's own idempotency check (`Store.is_current`) runs before a document is coded.

`LocalCluster(n_workers=N, threads_per_worker=1, processes=True)` for `workers=N`, or
`Client(scheduler)` for an existing cluster (`tcp://host:8786`); the machines of a remote cluster
need sitrep installed, and the database URL must reach the database from them.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import cache
from itertools import islice
from typing import IO, TYPE_CHECKING, Any

from sitrep.errors import ConfigError
from sitrep.records import Document, RawDocument

if TYPE_CHECKING:
    from distributed import Client

log = logging.getLogger(__name__)

DEFAULT_PARTITION_SIZE = 128  # large enough to keep spaCy's batches full, small enough to balance
DEFAULT_WORKERS = 2


# --- on the workers -----------------------------------------------------------------------------


@cache
def _worker_pipeline(prefilter: bool) -> Any:
    """The worker process's pipeline (module state lives per process: one per Dask worker)."""
    from sitrep.pipeline import Pipeline

    return Pipeline(prefilter=prefilter)


@cache
def _worker_store(db_url: str) -> Any:
    from sitrep.store import Store

    return SerialisedWrites(Store(db_url))


# Any 64-bit constant: the PostgreSQL advisory lock the workers take around each document write.
WRITE_LOCK_KEY = 0x5173_7265_7001


class SerialisedWrites:
    """A store whose `add` holds a PostgreSQL advisory lock, so workers write one at a time.

    Coding stays parallel; only the write is serialised. Without the lock two workers storing
    two reports of one happening at the same moment can each find no canonical event to join
    and each start one (measured: 11 canonical events instead of 6 for 6 notes stored twice).
    The store commits inside `add`, so the next writer sees what the previous one wrote.
    """

    def __init__(self, store: Any):
        self.store = store
        self._lock = store.engine.connect().execution_options(isolation_level="AUTOCOMMIT")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)

    def add(self, document: Document, **kwargs: Any) -> Any:
        from sqlalchemy import text

        self._lock.execute(text("SELECT pg_advisory_lock(:k)"), {"k": WRITE_LOCK_KEY})
        try:
            return self.store.add(document, **kwargs)
        finally:
            self._lock.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": WRITE_LOCK_KEY})


def warm_worker(prefilter: bool) -> int:
    """Build the pipeline now (model loaded, lexicons read), so that no task pays for it."""
    from sitrep.scale.prefilter import default_prefilter

    _worker_pipeline(prefilter)
    if prefilter:
        default_prefilter()
    return 0


def code_partition(raws: list[RawDocument], prefilter: bool) -> list[Document]:
    """Code one partition on this worker, in order."""
    return list(_worker_pipeline(prefilter).run_many(raws))


def code_partition_or_errors(raws: list[RawDocument], prefilter: bool) -> list[Any]:
    """Code one partition on this worker: per document, its `Document` or the store's
    `IngestError` saying why coding it failed (the batch goes on without it)."""
    from sitrep.store.ingest import IngestError, code_batch

    return [
        coded if isinstance(coded, Document)
        else IngestError(source=raw.source, input_id=raw.input_id, stage="code", error=coded)
        for raw, coded in code_batch(_worker_pipeline(prefilter), raws)
    ]


def store_partition(
    raws: list[RawDocument], prefilter: bool, db_url: str, recode: bool
) -> Any:
    """Code the documents of one partition that the store does not hold yet, and store them."""
    return _store_chunk(_worker_store(db_url), _worker_pipeline(prefilter), raws, recode)


def _store_chunk(store: Any, pipeline: Any, raws: list[RawDocument], recode: bool) -> Any:
    """The store's own ingest: unchanged documents skipped, the rest coded in one batch (one
    by one if the batch fails) and stored one by one, a failure costing only its document."""
    from sitrep.store.ingest import ingest

    return ingest(store, raws, coder=pipeline, recode=recode, batch_size=max(len(raws), 1))


def _quiet_for_shutdown() -> None:
    logging.getLogger("distributed").setLevel(logging.CRITICAL)


# --- on the driver ------------------------------------------------------------------------------


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client on `scheduler`, or on a local cluster of `workers` single-threaded processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(
            "distributed execution needs Dask: pip install 'sitrep-events[dask]'"
        ) from exc
    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    n = workers or DEFAULT_WORKERS
    # One thread per process: spaCy and the extractors are CPU-bound Python, so threads would
    # only contend for the GIL; processes give each core its own interpreter.
    dask_log = logging.getLogger("distributed")
    level = dask_log.level
    try:
        with LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            # No dashboard; the scheduler's HTTP routes still start, so on a free local port:
            # the default 8787 is taken by a second sitrep run, which then warns.
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
        ) as cluster, Client(cluster) as client:
            try:
                yield client
            finally:
                # Stopping a local cluster races the workers' heartbeats against the closing
                # scheduler, and a lost race logs an ERROR with a traceback
                # (dask/distributed#7891): noise once the work is done, so the workers and the
                # driver's nannies go quiet first.
                client.run(_quiet_for_shutdown, on_error="ignore")
                _quiet_for_shutdown()
    finally:
        dask_log.setLevel(level)


@contextmanager
def _given_or_new(
    client: Client | None, workers: int | None, scheduler: str | None
) -> Iterator[Client]:
    if client is not None:
        yield client
        return
    with dask_client(workers, scheduler) as new:
        yield new


def partitions(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of at most `size` items."""
    if size < 1:
        raise ConfigError(f"partition size must be at least 1, not {size}")
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _submit_bounded(
    client: Client, func: Any, chunks: Iterable[list[Any]], in_flight: int, *args: Any
) -> Iterator[Any]:
    """Results of `func(chunk, *args)` for every chunk, in order, with a bounded queue of tasks.

    A new partition is submitted as soon as *any* task finishes, not only the oldest: waiting
    for the oldest left a worker idle whenever a slow partition sat at the head of the queue.
    At most `in_flight` tasks run at once, and at most `2 × in_flight` partitions are submitted
    or finished but not yet yielded, so memory stays flat; finished ones wait in `done` until
    every earlier one has been yielded.
    """
    from distributed import as_completed

    order: dict[Any, int] = {}  # task key → position
    done: dict[int, Any] = {}  # position → finished future, until its turn comes
    next_out = 0
    source = enumerate(chunks)
    running = as_completed()

    def submit_more() -> None:
        while len(order) - len(done) < in_flight and len(order) < 2 * in_flight:
            item = next(source, None)
            if item is None:
                return
            # pure=False: two identical partitions are still two tasks (ingest counts each).
            future = client.submit(func, item[1], *args, pure=False)
            order[future.key] = item[0]
            running.add(future)

    submit_more()
    while order:
        future = next(running)
        done[order[future.key]] = future
        while next_out in done:
            finished = done.pop(next_out)
            del order[finished.key]
            next_out += 1
            yield finished.result()  # raises the task's error, as before
        submit_more()


def iter_extract_distributed(
    raws: Iterable[RawDocument],
    *,
    client: Client,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    prefilter: bool = False,
) -> Iterator[Document]:
    """Coded documents, in input order, from the workers of `client`."""
    n_workers = max(len(client.scheduler_info().get("workers", {})), 1)
    client.run(warm_worker, prefilter)
    for documents in _submit_bounded(
        client, code_partition, partitions(raws, partition_size), 2 * n_workers, prefilter
    ):
        yield from documents


def extract_distributed(
    raws: Iterable[RawDocument],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    prefilter: bool = False,
    client: Client | None = None,
) -> list[Document]:
    """Code `raws` on Dask and return the documents in input order (nothing is stored).

    `workers=0` codes in this process, without Dask; `workers=None` starts two local workers.
    """
    if workers == 0 and scheduler is None and client is None:
        from sitrep.pipeline import Pipeline

        return list(Pipeline(prefilter=prefilter).run_many(raws))
    with _given_or_new(client, workers, scheduler) as client:
        return list(
            iter_extract_distributed(
                raws, client=client, partition_size=partition_size, prefilter=prefilter
            )
        )


def ingest_distributed(
    paths: Sequence[str],
    *,
    db_url: str,
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    prefilter: bool = True,
    recode: bool = False,
    published: date | None = None,
    outlet: str | None = None,
    client: Client | None = None,
    errors_out: IO[str] | None = None,
    progress: Callable[[Any], None] | None = None,
    stop: Callable[[], bool] | None = None,
    max_bytes: int | None = None,
) -> Any:
    """Read `paths`, code them on Dask and store them in `db_url`; returns the store's report.

    `workers=0` codes in this process without Dask (in spaCy batches, which is about a fifth
    faster than coding one document at a time); `workers=None` starts two local workers.
    `client` runs the work on an existing Dask client instead of starting one (then `workers`
    and `scheduler` are ignored). `errors_out` receives one JSON line per failed input, as
    `sitrep ingest --errors FILE` writes them; `max_bytes` is the readers' size limit per input
    (`sitrep ingest --max-bytes`).

    The report is `sitrep.store.ingest.IngestReport` summed over partitions (its `summary()` is
    the CLI's closing line). Unreadable inputs are counted as failures, as `sitrep ingest` does.
    `progress(report)` is called with the running totals as partitions are stored; once `stop()`
    turns true no more inputs are read, and the partitions already submitted are finished.
    """
    from sitrep.ingest.limits import DEFAULT_MAX_BYTES
    from sitrep.ingest.readers import read_paths
    from sitrep.store.database import normalise_url
    from sitrep.store.ingest import IngestReport

    url = normalise_url(db_url)
    report = IngestReport()
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes

    def readable() -> Iterator[RawDocument]:
        for item in read_paths(list(paths), published=published, outlet=outlet, max_bytes=limit):
            if stop is not None and stop():
                return
            if isinstance(item, RawDocument):
                yield item
            else:
                report_read_failure(report, item, errors_out)

    started = time.perf_counter()
    if workers == 0 and scheduler is None and client is None:
        report = _merge(report, _ingest_here(
            partitions(readable(), partition_size), url, prefilter, recode, errors_out,
            _offset(progress, report),
        ))
        log.info("ingested in this process in %.1f s: %s", time.perf_counter() - started,
                 report.summary())
        return report
    with _given_or_new(client, workers, scheduler) as client:
        n_workers = max(len(client.scheduler_info().get("workers", {})), 1)
        client.run(warm_worker, prefilter)
        chunks = partitions(readable(), partition_size)
        if url.startswith("sqlite"):
            report = _merge(report, _code_on_workers_store_here(
                client, chunks, url, prefilter, recode, 2 * n_workers, errors_out,
                _offset(progress, report),
            ))
        else:
            # Migrate once here: workers opening an empty database together would race to
            # create the schema.
            from sitrep.store import Store

            Store(url).close()
            for part in _submit_bounded(
                client, store_partition, chunks, 2 * n_workers, prefilter, url, recode
            ):
                _write_errors(part, errors_out)
                report = _merge(report, part)
                if progress is not None:
                    progress(report)
    log.info(
        "ingested on %d worker(s) in %.1f s: %s",
        n_workers, time.perf_counter() - started, report.summary(),
    )
    return report


def _offset(
    progress: Callable[[Any], None] | None, before: Any
) -> Callable[[Any], None] | None:
    """`progress` fed with running totals: `before` (read failures so far) plus the part's."""
    if progress is None:
        return None
    return lambda part: progress(_merge(before, part))


def _ingest_here(
    chunks: Iterable[list[RawDocument]], url: str, prefilter: bool, recode: bool,
    errors_out: IO[str] | None, progress: Callable[[Any], None] | None = None,
) -> Any:
    """`workers=0`: no Dask; this process codes in spaCy batches and writes."""
    from sitrep.pipeline import Pipeline
    from sitrep.store import Store
    from sitrep.store.ingest import IngestReport

    report = IngestReport()
    pipeline = Pipeline(prefilter=prefilter)
    with Store(url) as store:
        for chunk in chunks:
            part = _store_chunk(store, pipeline, chunk, recode)
            _write_errors(part, errors_out)
            report = _merge(report, part)
            if progress is not None:
                progress(report)
    return report


def _code_on_workers_store_here(
    client: Client, chunks: Iterable[list[RawDocument]], url: str, prefilter: bool, recode: bool,
    in_flight: int, errors_out: IO[str] | None, progress: Callable[[Any], None] | None = None,
) -> Any:
    """SQLite takes one writer at a time: the workers code, this process writes."""
    from sitrep.store import Store
    from sitrep.store.ingest import IngestReport

    report = IngestReport()
    with Store(url) as store:

        def todo_chunks() -> Iterator[list[RawDocument]]:
            nonlocal report
            for chunk in chunks:
                done, todo = _unchanged(store, chunk, recode)
                report = _merge(report, done)
                if todo:
                    yield todo

        coded = _submit_bounded(
            client, code_partition_or_errors, todo_chunks(), in_flight, prefilter
        )
        for outcomes in coded:
            documents = [d for d in outcomes if isinstance(d, Document)]
            part = _ingest_documents(store, documents, recode)
            for error in outcomes:
                if not isinstance(error, Document):
                    part.read += 1
                    part.failed += 1
                    part.errors.append(error)
            _write_errors(part, errors_out)
            report = _merge(report, part)
            if progress is not None:
                progress(report)
    return report


# --- store glue (the store's public API: Store.is_current, store.ingest.ingest) -----------------


def _unchanged(store: Any, raws: list[RawDocument], recode: bool) -> tuple[Any, list[RawDocument]]:
    """The documents that still need coding, and a report counting the ones already stored."""
    from sitrep.knowledge.loader import knowledge_version
    from sitrep.pipeline import document_id
    from sitrep.store.ingest import IngestReport

    report = IngestReport()
    if recode:
        return report, raws
    version = knowledge_version()
    todo = []
    for raw in raws:
        if store.is_current(
            text=raw.text, doc_id=document_id(raw.text), knowledge_version=version,
            url=raw.url, input_id=raw.input_id, source=raw.source,
        ):
            report.read += 1
            report.unchanged += 1
        else:
            todo.append(raw)
    return report, todo


def _ingest_documents(store: Any, documents: Iterable[Document], recode: bool) -> Any:
    from sitrep.store.ingest import ingest

    return ingest(store, documents, recode=recode)


def report_read_failure(report: Any, failure: Any, errors_out: IO[str] | None = None) -> None:
    """Count an input that could not be read, as the store's ingest does."""
    from sitrep.store.ingest import IngestError

    error = IngestError(source=getattr(failure, "source", None), input_id=None, stage="read",
                        error=str(getattr(failure, "reason", failure)))
    report.failed += 1
    report.errors.append(error)
    if errors_out is not None:
        errors_out.write(error.to_json() + "\n")


def _write_errors(part: Any, errors_out: IO[str] | None) -> None:
    if errors_out is not None:
        for error in part.errors:
            errors_out.write(error.to_json() + "\n")
        errors_out.flush()


def _merge(a: Any, b: Any) -> Any:
    """The sum of two ingest reports (counts added, error lists joined)."""
    values = {}
    for f in dataclasses.fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        values[f.name] = x + y if isinstance(x, (int, list)) else x
    return type(a)(**values)
