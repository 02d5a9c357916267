"""Stopping long work between documents on Ctrl-C (SIGINT) or SIGTERM, with the summary.

A service manager, `timeout` or `kill` sends SIGTERM; a person presses Ctrl-C. Both mean "stop":
the document being coded is finished and stored (each is its own transaction), the summary is
printed, and the exit code is 128 + the signal's number, as shells report it. A second signal
stops at once.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType, TracebackType
from typing import Any

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class GracefulStop:
    """`with GracefulStop() as stop: … if stop(): break` — true once a stop signal arrived."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._previous: dict[int, Any] = {}

    def __call__(self) -> bool:
        return self.signum is not None

    @property
    def signal_name(self) -> str | None:
        return None if self.signum is None else signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        return 128 + (self.signum or 0)

    def __enter__(self) -> GracefulStop:
        # Handlers can only be installed from the main thread (a test runner's thread cannot).
        if threading.current_thread() is threading.main_thread():
            for signum in STOP_SIGNALS:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._restore()

    def _restore(self) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous.clear()

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self.signum is not None:
            # Asked twice: stop now, the way the signal would have without us.
            self._restore()
            if signum == signal.SIGINT:
                raise KeyboardInterrupt
            signal.raise_signal(signum)
            return
        # Only a flag: writing from a signal handler can land inside another write to stderr.
        self.signum = signum
