"""The command line as a new user meets it: no silent traps, messages that say what happened.

Most checks run the real `sitrep` command in a subprocess, because what they are about (a pipe
closed early, a signal, a terminal or a file on stderr, a busy port) only exists there.
"""

from __future__ import annotations

import os
import pty
import select
import shlex
import signal
import socket
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli.main import app
from sitrep.store import Store

SITREP = [sys.executable, "-c", "from sitrep.cli.main import app; app(prog_name='sitrep')"]
ARTICLE = (
    "date 2023-12-09 Shelling near Saraqib\nBy Example Wire\n\n"
    "Government forces shelled Saraqib in southern Idlib on Friday, killing three civilians, "
    "a local monitor said.\n"
)
runner = CliRunner()


def sitrep(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SITREP, *args],
        capture_output=True,
        text=True,
        timeout=240,
        **kwargs,  # type: ignore[call-overload]
    )


@pytest.fixture
def stored_db(tmp_path: Path) -> str:
    """A database with one coded article in it."""
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "stored.db")
    result = runner.invoke(app, ["--quiet", "ingest", str(article), "--db", db])
    assert result.exit_code == 0, result.output
    return db


# --- databases ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["serve"]])
def test_reading_commands_refuse_a_database_that_does_not_exist(
    tmp_path: Path, command: list[str]
) -> None:
    typo = tmp_path / "typo.db"
    result = runner.invoke(app, [*command, "--db", str(typo)])
    assert result.exit_code == 3
    assert str(typo) in result.stderr and "sitrep ingest" in result.stderr
    assert result.stdout == ""  # no CSV header for a database that is not there
    assert not typo.exists(), "reading must not create the database"


def test_reading_commands_refuse_a_file_that_is_not_a_sitrep_store(tmp_path: Path) -> None:
    other = tmp_path / "notes.db"
    other.write_text("not a database at all\n", encoding="utf-8")
    result = runner.invoke(app, ["export", "--db", str(other)])
    assert result.exit_code == 3 and "Error:" in result.stderr
    assert other.read_text(encoding="utf-8") == "not a database at all\n"


def test_writing_commands_create_the_database(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    for command in (["ingest", str(article)], ["extract", str(article), "-f", "csv"]):
        db = tmp_path / f"{command[0]}.db"
        result = runner.invoke(app, ["--quiet", *command, "--db", str(db)])
        assert result.exit_code == 0, result.output
        with Store(str(db), create=False) as store:
            assert store.counts()["documents"] == 1


def test_missing_postgresql_database_is_a_configuration_error() -> None:
    result = runner.invoke(
        app, ["export", "--db", "postgresql://postgres@127.0.0.1:5432/sitrep_no_such_database"]
    )
    assert result.exit_code == 3
    assert "sitrep_no_such_database" in result.stderr and "Traceback" not in result.stderr


# --- options ------------------------------------------------------------------------------------


def test_format_in_any_case(stored_db: str, tmp_path: Path) -> None:
    upper = runner.invoke(app, ["export", "--db", stored_db, "--format", "CSV"])
    lower = runner.invoke(app, ["export", "--db", stored_db, "--format", "csv"])
    assert upper.exit_code == 0 and upper.stdout == lower.stdout
    assert upper.stdout.startswith("event_id_cnty,")
    bad = runner.invoke(app, ["export", "--db", stored_db, "--format", "xlsx"])
    assert bad.exit_code == 2 and "--format" in bad.stderr and "csv" in bad.stderr


@pytest.mark.parametrize("written", ["2023-12-09", "2023-12-9", "20231209", " 2023-12-09 "])
def test_published_accepts_iso_dates_with_or_without_padding(written: str) -> None:
    result = runner.invoke(
        app, ["--quiet", "extract", "-", "--published", written], input=ARTICLE.split("\n", 3)[3]
    )
    assert result.exit_code == 0, result.output
    assert '"published": "2023-12-09"' in result.stdout


@pytest.mark.parametrize(
    "written", ["9/12/2023", "2023/12/09", "2023-13-01", "yesterday", "2023-12"]
)
def test_other_dates_are_refused_naming_the_option(written: str) -> None:
    result = runner.invoke(app, ["extract", "-", "--published", written], input="text")
    assert result.exit_code == 2
    assert "--published" in result.stderr and repr(written) in result.stderr


def test_since_and_until_read_dates_the_same_way(stored_db: str) -> None:
    padded = runner.invoke(app, ["export", "--db", stored_db, "--since", "2023-12-01"])
    unpadded = runner.invoke(app, ["export", "--db", stored_db, "--since", "2023-12-1"])
    assert padded.exit_code == unpadded.exit_code == 0
    assert padded.stdout == unpadded.stdout != ""
    refused = runner.invoke(app, ["export", "--db", stored_db, "--until", "soon"])
    assert refused.exit_code == 2 and "--until" in refused.stderr


def test_output_into_a_missing_folder(stored_db: str, tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "events.csv"
    result = runner.invoke(app, ["export", "--db", stored_db, "-f", "csv", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("event_id_cnty,")
    assert [p.name for p in target.parent.iterdir()] == ["events.csv"]  # no .part left over


def test_unknown_file_types_in_a_folder_are_reported_once_with_a_count(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    for name in ("scan1.pdf", "scan2.pdf", "scan3.PDF", "notes.docx"):
        (folder / name).write_bytes(b"%PDF-1.7")
    (folder / ".DS_Store").write_bytes(b"\0\0")
    result = runner.invoke(app, ["extract", str(folder), "-f", "csv"])
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert "skipped 4 files" in line and "3 .pdf" in line and "1 .docx" in line
    assert str(folder) in line


# --- messages -------------------------------------------------------------------------------------


def test_names_and_messages_are_printed_verbatim_and_not_wrapped(tmp_path: Path) -> None:
    folder = tmp_path / ("a-folder-with-a-long-name-" * 3)
    folder.mkdir()
    (folder / ":fire:.txt").write_bytes(b"%PDF-1.7 not text")
    dump = folder / "dump.jsonl"
    # Line 100 is bad: `dump.jsonl:100:` is also the emoji code of 💯.
    dump.write_text(
        '{"text": "Clashes erupted in Marib."}\n' + "\n" * 98 + "[bold]not json[/bold]\n"
    )
    result = sitrep("extract", str(folder), "-f", "csv")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"failed {folder}/:fire:.txt: binary content") for line in lines)
    assert any(line.startswith(f"failed {dump}:100: ") for line in lines), lines
    assert "🔥" not in result.stderr and "💯" not in result.stderr
    # One line per message however long: stderr is a pipe, not an 80-column terminal.
    assert all(line.startswith(("failed ", "coded ", "warning: ")) for line in lines), lines


def test_places_messages_are_verbatim_too() -> None:
    unknown = runner.invoke(app, ["places", "Saraqib", "--country", "[red]Narnia"])
    assert unknown.exit_code == 2
    assert "Error: unknown country '[red]Narnia'" in unknown.stderr
    nothing = runner.invoke(app, ["-q", "places", "qqzx:fire:"])
    assert nothing.exit_code == 1
    assert "no place matches 'qqzx:fire:'" in nothing.stderr and "🔥" not in nothing.stderr


def test_quiet_silences_everything_but_failures_even_with_dask(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(ARTICLE.replace("three", str(i + 3)), encoding="utf-8")
    (folder / "skip.pdf").write_bytes(b"%PDF")
    result = sitrep("-q", "ingest", str(folder), "--db", str(tmp_path / "q.db"), "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and result.stdout == ""
    loud = sitrep("ingest", str(folder), "--db", str(tmp_path / "q.db"), "--workers", "2")
    assert "INFO" not in loud.stderr and "distributed" not in loud.stderr
    assert loud.stderr.splitlines()[-1].startswith("read 3, coded 0, skipped 0, failed 0")


def test_progress_on_a_terminal_summary_otherwise(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"a{i:02d}.txt").write_text(ARTICLE.replace("Friday", f"day {i}"))
    # stderr to a file: only the summary line.
    plain = sitrep("ingest", str(folder), "--db", str(tmp_path / "plain.db"))
    assert plain.returncode == 0
    [summary] = plain.stderr.splitlines()
    assert summary.startswith("read 12, coded 12, skipped 0, failed 0") and "documents/s" in summary
    # stderr to a terminal: a live bar with documents, events, errors, rate and time left.
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [*SITREP, "ingest", str(folder), "--db", str(tmp_path / "tty.db")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "160"},
    )
    os.close(slave)
    screen = b""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            screen += chunk
        elif process.poll() is not None:
            break
    assert process.wait(timeout=60) == 0
    os.close(master)
    text = screen.decode("utf-8", "replace")
    assert "ingesting" in text and "/12 docs" in text
    assert "events," in text and "errors" in text and "docs/s" in text
    assert "0:00:0" in text  # time left
    assert "read 12, coded 12" in text


# --- pipes and signals ----------------------------------------------------------------------------


@pytest.fixture
def big_db(tmp_path: Path) -> str:
    """40 events with long notes: an export far larger than a pipe's buffer."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
    from store_factories import make_document

    db = str(tmp_path / "big.db")
    with Store(db) as store:
        for i in range(40):
            day = date(2020, 1, 1) + timedelta(days=i)
            text = f"Report {i}: jets struck a depot near Deir ez-Zor on {day:%d %B %Y}."
            fields = {"event_date": day.isoformat(), "notes": "A long note. " * 400}
            store.add(make_document(text, [(text[:30], fields)]))
    return db


def test_a_closed_pipe_ends_quietly(stored_db: str, big_db: str) -> None:
    export = subprocess.Popen(
        [*SITREP, "export", "--db", stored_db, "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert export.stdout is not None and export.stderr is not None
    export.stdout.close()  # the reader went away before the first line (`| head -0`)
    code = export.wait(timeout=120)
    assert export.stderr.read() == b""
    assert code == 141  # as a shell reports `cat big | head -1`

    shell = subprocess.run(
        shlex.join([*SITREP, "export", "--db", big_db, "--format", "csv"]) + " | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shell.stdout.startswith("event_id_cnty,") and shell.stderr == ""


DOCUMENTS = 150  # more than one batch (`store.ingest.DEFAULT_BATCH`)


def test_sigterm_during_ingest_finishes_what_it_holds_and_prints_the_summary(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(DOCUMENTS):
        (folder / f"a{i:03d}.txt").write_text(ARTICLE.replace("three", str(i + 2)))
    db = tmp_path / "term.db"
    process = subprocess.Popen(
        [*SITREP, "ingest", str(folder), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while _stored(db) < 2:
        assert process.poll() is None, process.communicate()[1]
        assert time.monotonic() < deadline, "no document stored in time"
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + signal.SIGTERM
    [summary] = [line for line in stderr.splitlines() if line.startswith("stopped by SIGTERM")]
    read = int(summary.split("read ")[1].split(",")[0])
    coded = int(summary.split("coded ")[1].split(",")[0])
    assert 2 <= coded == read < DOCUMENTS  # what it had read, it coded and stored; no more
    assert _stored(db) == coded
    again = sitrep("ingest", str(folder), "--db", str(db))
    assert again.returncode == 0
    assert f"unchanged {coded};" in again.stderr


def _stored(db: Path) -> int:
    import sqlite3

    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_serve_on_a_busy_port_fails_before_announcing(stored_db: str) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = sitrep("serve", "--db", stored_db, "--port", str(port))
    assert result.returncode == 3
    assert "serving" not in result.stderr
    assert f"127.0.0.1:{port}" in result.stderr and "--port" in result.stderr
