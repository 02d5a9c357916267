"""Ingesting a batch: read inputs are coded and stored; a bad one is reported, not fatal.

Items are `RawDocument`s (coded here with the pipeline), already coded `Document`s, or read
failures (anything with `source` and `reason`, like `sitrep.ingest.readers.ReadFailure`). A
document already stored with the same text and knowledge version is not coded again.

Documents that need coding are coded in batches (`batch_size`, through the coder's `run_many`
when it has one, as `Pipeline` does: spaCy parses a batch about a fifth faster than the same
documents one by one) and stored one by one, in input order, each in its own transaction. A batch
whose coding raises is coded again one document at a time, so a failure still costs only the
document that caused it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import IO, Any

from sitrep.knowledge.loader import knowledge_version
from sitrep.pipeline import document_id
from sitrep.records import Document, RawDocument
from sitrep.store.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IngestError:
    """One input that could not be read, coded or stored (a line of `--errors FILE`)."""

    source: str | None
    input_id: str | None
    stage: str  # read, code, store
    error: str

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


@dataclass(slots=True)
class IngestReport:
    """Counts for the summary line, and the errors."""

    read: int = 0  # inputs read into documents
    coded: int = 0  # documents coded and stored, new or changed
    unchanged: int = 0  # already stored with the same text (or the same text under another key)
    skipped: int = 0  # stored but not coded (the document says why)
    failed: int = 0
    events: int = 0  # new canonical events
    merged: int = 0  # event reports that joined another document's event
    tallies: int = 0
    errors: list[IngestError] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"read {self.read}, coded {self.coded}, skipped {self.skipped}, failed {self.failed}"
            f" (unchanged {self.unchanged}; {self.events} new events, {self.merged} merged into"
            f" events of other documents, {self.tallies} tallies)"
        )


Coder = Callable[[RawDocument], Document]
DEFAULT_BATCH = 64  # documents coded together (the pipeline's spaCy batch)


def ingest(
    store: Store,
    items: Iterable[Any],
    *,
    coder: Coder | None = None,
    recode: bool = False,
    errors_out: IO[str] | None = None,
    progress: Callable[[IngestReport], None] | None = None,
    stop: Callable[[], bool] | None = None,
    batch_size: int = DEFAULT_BATCH,
) -> IngestReport:
    """Code and store every item; returns the counts. `coder` defaults to the shared pipeline.

    `progress(report)` is called as items are read and documents stored. Once `stop()` turns
    true no more items are read; those already read (at most one batch) are coded and stored, so
    the report counts every document it names (each is committed on its own).
    """
    report = IngestReport()
    version = knowledge_version()
    code: Coder | None = coder
    pending: list[RawDocument] = []

    def flush() -> None:
        nonlocal code
        if not pending:
            return
        if code is None:
            # Built on the first document that needs it; a pipeline that cannot be built is a
            # configuration error for the whole batch, not a failure of this document.
            code = _default_coder()
        for raw, coded in code_batch(code, pending):
            if isinstance(coded, Document):
                _store(store, coded, report, errors_out, force=recode)
            else:
                _fail(report, errors_out, raw.source, raw.input_id, "code", coded)
            if progress is not None:
                progress(report)
        pending.clear()

    for item in _until(items, stop, report, progress):
        if isinstance(item, Document):
            flush()  # in input order: what merges into what must not depend on batching
            report.read += 1
            _store(store, item, report, errors_out, force=recode)
            continue
        if not isinstance(item, RawDocument):
            flush()
            _fail(
                report,
                errors_out,
                getattr(item, "source", None),
                None,
                "read",
                str(getattr(item, "reason", item)),
            )
            continue
        report.read += 1
        try:
            current = not recode and store.is_current(
                text=item.text,
                doc_id=document_id(item.text),
                knowledge_version=version,
                url=item.url,
                input_id=item.input_id,
                source=item.source,
            )
        except Exception as exc:  # a lookup that fails costs this document, not the batch
            _fail(
                report,
                errors_out,
                item.source,
                item.input_id,
                "store",
                f"{type(exc).__name__}: {exc}",
            )
            continue
        if current:
            report.unchanged += 1
            continue
        pending.append(item)
        if len(pending) >= max(1, batch_size):
            flush()
    flush()
    return report


def code_batch(code: Coder, raws: list[RawDocument]) -> list[tuple[RawDocument, Document | str]]:
    """Each document coded, or the error that coding it raised (as the `--errors` line says it).

    The whole batch goes through `run_many` when the coder has it; if that raises, every
    document is coded again alone, so that only the one at fault fails.
    """
    run_many = getattr(code, "run_many", None)
    if run_many is not None and len(raws) > 1:
        try:
            documents = list(run_many(raws))
            if len(documents) == len(raws):
                return list(zip(raws, documents, strict=True))
        except Exception as exc:  # noqa: BLE001 - retried one by one just below
            log.warning("coding a batch of %d failed (%s); coding one by one", len(raws), exc)
    results: list[tuple[RawDocument, Document | str]] = []
    for raw in raws:
        try:
            results.append((raw, code(raw)))
        except Exception as exc:  # one document's failure must not stop the batch
            log.error(
                "coding failed for %s: %s",
                raw.input_id or raw.source,
                exc,
                exc_info=log.isEnabledFor(logging.DEBUG),
            )
            results.append((raw, f"{type(exc).__name__}: {exc}"))
    return results


def _until(
    items: Iterable[Any],
    stop: Callable[[], bool] | None,
    report: IngestReport,
    progress: Callable[[IngestReport], None] | None,
) -> Iterator[Any]:
    """The items, reporting progress after each one, until `stop()` says enough."""
    for item in items:
        if stop is not None and stop():
            return
        yield item
        if progress is not None:
            progress(report)


def _store(
    store: Store,
    document: Document,
    report: IngestReport,
    errors_out: IO[str] | None,
    *,
    force: bool,
) -> None:
    try:
        outcome = store.add(document, force=force)
    except Exception as exc:
        log.error(
            "storing %s failed: %s", document.doc_id, exc, exc_info=log.isEnabledFor(logging.DEBUG)
        )
        _fail(
            report,
            errors_out,
            document.source,
            document.input_id,
            "store",
            f"{type(exc).__name__}: {exc}",
        )
        return
    if outcome.status in ("unchanged", "duplicate"):
        report.unchanged += 1
        return
    if document.skipped:
        report.skipped += 1
    else:
        report.coded += 1
    report.events += outcome.events
    report.merged += outcome.merged
    report.tallies += outcome.tallies


def _fail(
    report: IngestReport,
    errors_out: IO[str] | None,
    source: str | None,
    input_id: str | None,
    stage: str,
    message: str,
) -> None:
    error = IngestError(source=source, input_id=input_id, stage=stage, error=message)
    report.failed += 1
    report.errors.append(error)
    if errors_out is not None:
        errors_out.write(error.to_json() + "\n")
        errors_out.flush()


def _default_coder() -> Coder:
    from sitrep.pipeline import default_pipeline

    return default_pipeline()
