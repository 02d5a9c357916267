"""Progress of long work on stderr: a live bar on a terminal, a one-line summary otherwise.

The bar shows documents done (of how many, when known), events, errors, the rate and the time
left; it disappears when the work ends and the summary line stays. Nothing is shown under
`--quiet`, and nothing but the summary when stderr is a file or a pipe.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from sitrep.cli.console import Settings, note, plain_console, stderr_is_terminal

# Counting the lines of JSONL inputs to size the bar costs a read of them; past this much the
# bar runs without a total (and without an estimate of the time left).
MAX_BYTES_TO_COUNT = 2_000_000_000


class _Rate(ProgressColumn):
    """Documents a second, from rich's moving estimate of the task's speed."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} docs/s")


class _Done(ProgressColumn):
    def render(self, task: Task) -> Text:
        done = int(task.completed)
        if task.total is None:
            return Text(f"{done:,} docs")
        return Text(f"{done:,}/{int(task.total):,} docs")


class WorkProgress:
    """`with WorkProgress("coding", total) as progress: progress.update(documents=…, …)`."""

    def __init__(self, label: str, total: int | None = None):
        self.label, self.total = label, total
        self.started = time.monotonic()
        self.documents = self.events = self.errors = 0
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    @property
    def live(self) -> bool:
        return self._bar is not None

    def __enter__(self) -> WorkProgress:
        self.started = time.monotonic()
        if not Settings.quiet and stderr_is_terminal():
            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TaskProgressColumn(),
                _Done(),
                TextColumn("{task.fields[events]:,} events, {task.fields[errors]:,} errors"),
                _Rate(),
                TimeRemainingColumn(),
                console=plain_console(),
                transient=True,
                refresh_per_second=4,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task(self.label, total=self.total, events=0, errors=0)
        return self

    def update(
        self, *, documents: int | None = None, events: int | None = None, errors: int | None = None
    ) -> None:
        """Absolute counts so far (documents done, events found, inputs failed)."""
        if documents is not None:
            self.documents = documents
        if events is not None:
            self.events = events
        if errors is not None:
            self.errors = errors
        if self._bar is not None and self._task is not None:
            total = self.total
            if total is not None and self.documents > total:
                total = self.total = None  # the estimate was short: go on without one
            self._bar.update(
                self._task,
                completed=self.documents,
                total=total,
                events=self.events,
                errors=self.errors,
            )

    def advance(self, *, events: int = 0, errors: int = 0, documents: int = 1) -> None:
        self.update(
            documents=self.documents + documents,
            events=self.events + events,
            errors=self.errors + errors,
        )

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)
            self._bar = None

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def timing(self) -> str:
        """`in 12.3 s (4.5 documents/s)` for the summary line."""
        seconds = self.elapsed
        rate = f", {self.documents / seconds:.1f} documents/s" if seconds > 0 else ""
        return f"in {seconds:.1f} s{rate}"

    def summary(self, text: str) -> None:
        note(f"{text} {self.timing()}")


def estimate_documents(paths: Sequence[str]) -> int | None:
    """About how many documents `paths` hold (files, plus the lines of JSONL files), or None.

    Only used to size a progress bar; feeds count as one document. None when stdin is read or
    the JSONL inputs are too large to count cheaply.
    """
    from sitrep.ingest.readers import JSONL_SUFFIXES, SUFFIXES

    total = 0
    budget = MAX_BYTES_TO_COUNT
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = (
            (f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if path.is_dir()
            else [path]
        )
        for f in files:
            if f.suffix.lower() not in JSONL_SUFFIXES:
                total += 1
                continue
            try:
                size = f.stat().st_size
                budget -= size
                if budget < 0:
                    return None
                total += _count_lines(f)
            except OSError:
                total += 1
    return total


def _count_lines(path: Path) -> int:
    lines = 0
    last = b"\n"
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")
