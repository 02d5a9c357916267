"""A coding process keeps the parser's freed memory (scale/heap.py)."""

from __future__ import annotations

import gc
import platform

import pytest

from sitrep.pipeline import Pipeline
from sitrep.records import RawDocument
from sitrep.scale import heap


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
def test_glibc_takes_the_thresholds():
    assert heap.keep_freed_memory() is True


def test_a_coding_process_asks_once_and_a_library_pipeline_never(monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr("sitrep.pipeline.keep_freed_memory", lambda: bool(calls.append(1)))
    raws = [RawDocument(text="Shots were fired."), RawDocument(text="A market was looted.")]
    gc.unfreeze()
    try:
        list(Pipeline(["segment"]).run_many(raws))
        assert calls == []
        list(Pipeline(["segment"], freeze=True).run_many(raws, batch_size=1))
        assert calls == [1]
    finally:
        gc.unfreeze()
