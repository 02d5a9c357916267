"""Ingesting a batch: read inputs are coded and stored one by one; a bad one is reported, not fatal.

Items are `RawDocument`s (coded here with the pipeline), already coded `Document`s, or read
failures (anything with `source` and `reason`, like `sitrep.ingest.readers.ReadFailure`). A
document already stored with the same text and knowledge version is not coded again.
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


def ingest(
    store: Store,
    items: Iterable[Any],
    *,
    coder: Coder | None = None,
    recode: bool = False,
    errors_out: IO[str] | None = None,
    progress: Callable[[IngestReport], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> IngestReport:
    """Code and store every item; returns the counts. `coder` defaults to the shared pipeline.

    `progress(report)` is called after each item; when `stop()` turns true, the items not yet
    begun are left alone (each stored document is already committed).
    """
    report = IngestReport()
    version = knowledge_version()
    code: Coder | None = coder
    for item in _until(items, stop, report, progress):
        if isinstance(item, Document):
            report.read += 1
            _store(store, item, report, errors_out, force=recode)
            continue
        if not isinstance(item, RawDocument):
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
        if code is None:
            # Built on the first document that needs it; a pipeline that cannot be built is a
            # configuration error for the whole batch, not a failure of this document.
            code = _default_coder()
        try:
            document = code(item)
        except Exception as exc:  # one document's failure must not stop the batch
            log.error(
                "coding failed for %s: %s",
                item.input_id or item.source,
                exc,
                exc_info=log.isEnabledFor(logging.DEBUG),
            )
            _fail(
                report,
                errors_out,
                item.source,
                item.input_id,
                "code",
                f"{type(exc).__name__}: {exc}",
            )
            continue
        _store(store, document, report, errors_out, force=recode)
    return report


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
