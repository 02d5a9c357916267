"""What the command line says on stderr, and how it writes its output.

File names and article text are data: they are printed verbatim, never read as console markup
(`[red]`) or emoji codes (`:fire:`), and wrapped only when a person reads them on a terminal.
`--quiet` silences notes and progress; errors are always said.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.text import Text

# 128 + SIGPIPE: what a shell reports for a writer whose reader went away (`cat big | head -1`).
EXIT_BROKEN_PIPE = 141


class Settings:
    """Process-wide switches set by the top-level options."""

    quiet = False
    debug = False


def count(n: int, noun: str, plural: str | None = None) -> str:
    """`1 event`, `2 events` (`plural` when adding an s will not do)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def plain_console(file: IO[str] | None = None, *, width: int | None = None) -> Console:
    """A rich console that shows strings as they are: no markup, no emoji codes, no highlighting."""
    return Console(
        file=file,
        stderr=file is None,
        markup=False,
        emoji=False,
        highlight=False,
        width=width,
    )


def _write(text: Text) -> None:
    if stderr_is_terminal():
        plain_console().print(text)
    else:
        # Not a terminal: one line per message, as it is, whatever its length.
        sys.stderr.write(text.plain + "\n")
        sys.stderr.flush()


def note(message: str) -> None:
    """A line for people (a summary, a notice); silent under `--quiet`."""
    if not Settings.quiet:
        _write(Text(message))


def report(message: str) -> None:
    """A line that is said even under `--quiet`: an input that failed."""
    _write(Text(message))


def error(message: str) -> None:
    """`Error: message`, the word in red on a terminal."""
    _write(Text.assemble(("Error:", "bold red"), " ", message))


@contextlib.contextmanager
def output_stream(path: Path | None) -> Iterator[IO[str]]:
    """`-o FILE` written atomically (a temporary `.part` file renamed on success), else stdout.

    Missing folders on the way to FILE are created; if the command fails, the `.part` file is
    removed and FILE is left as it was.
    """
    if path is None:
        yield sys.stdout
        return
    if path.is_dir():
        raise IsADirectoryError(f"-o {path} is a directory; give a file name")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            yield fh
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the exit flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (a test runner's buffer): nothing will flush it
