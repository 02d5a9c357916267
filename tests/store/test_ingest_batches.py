"""`store.ingest.ingest` codes in batches and stores one by one: a batch whose coding raises is
coded again document by document, so only the faulty document fails, and order is kept."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from store_factories import make_document

from sitrep.ingest.failures import ReadFailure
from sitrep.records import Document, RawDocument
from sitrep.store import Store
from sitrep.store.ingest import ingest


class BatchCoder:
    """A stand-in pipeline: `run_many` codes a batch (or raises if any text says "poison"),
    calling it once per batch; `__call__` codes one (raising on the poison alone)."""

    def __init__(self) -> None:
        self.batches: list[int] = []

    def __call__(self, raw: RawDocument) -> Document:
        if "poison" in raw.text:
            raise ValueError("cannot code this one")
        day = 1 + sum(map(ord, raw.text)) % 28  # a day per text, so no two events merge
        phrase = raw.text.split(". ")[0]
        return make_document(raw.text, [(phrase, {"event_date": f"2021-02-{day:02d}"})],
                             source=raw.source)

    def run_many(self, raws: Iterable[RawDocument]) -> Iterator[Document]:
        raws = list(raws)
        self.batches.append(len(raws))
        if any("poison" in r.text for r in raws):
            raise RuntimeError("the whole batch failed")
        return iter([self(r) for r in raws])


def _raw(i: int, text: str | None = None) -> RawDocument:
    return RawDocument(text=text or f"Jets struck depot number {i} at dawn. Smoke rose.",
                       source=f"doc-{i}.txt")


def test_batches_are_coded_together(tmp_path: Path) -> None:
    coder = BatchCoder()
    with Store(str(tmp_path / "s.db")) as store:
        report = ingest(store, [_raw(i) for i in range(10)], coder=coder, batch_size=4)
        assert (report.read, report.coded, report.failed) == (10, 10, 0)
        assert coder.batches == [4, 4, 2]
        # Again: the store keeps what it holds.
        again = ingest(store, [_raw(i) for i in range(10)], coder=coder, batch_size=4)
        assert (again.unchanged, again.coded) == (10, 0)
        assert store.counts()["documents"] == 10


def test_a_failing_batch_costs_only_the_faulty_document(tmp_path: Path) -> None:
    coder = BatchCoder()
    items: list[object] = [_raw(0), _raw(1, "poison pill. Nothing else."), _raw(2),
                           ReadFailure("bad.txt", "unreadable"), _raw(3)]
    with Store(str(tmp_path / "s.db")) as store:
        report = ingest(store, items, coder=coder, batch_size=8)
        assert (report.read, report.coded, report.failed) == (4, 3, 2)
        assert [(e.source, e.stage) for e in report.errors] == [
            ("doc-1.txt", "code"), ("bad.txt", "read")]
        assert "cannot code this one" in report.errors[0].error
        assert store.counts()["documents"] == 3
