"""Serving under load (issue 21): reads and coding together against `sitrep serve`, on loopback.

Usage: python bench/serve_load.py [--db postgresql|sqlite] [--clients 50] [--coders 5]
                                  [--seconds 30] [--json PATH] [-- SERVE OPTIONS...]

1. A fresh database (a private schema in PostgreSQL at 127.0.0.1:5432, database `test`, or a
   SQLite file) gets the real corpus articles and the article dev set, read from ../shared at run
   time, through `sitrep ingest`.
2. `sitrep serve` starts on 127.0.0.1 and a free port (options after `--` are passed to it).
3. Idle: one client alone sends `--idle` reads of `/events?country=C&limit=50` (C rotating over
   the countries stored) and then `--idle` codings of the White House statement from the corpus
   (`POST /extract`); their medians are the idle figures.
4. Load: `--clients` clients for `--seconds` seconds, each sending its next request as soon as
   the last one is answered: `--coders` of them post the statement, the others read. A monitor
   asks `/health` every half second.
Printed: errors (any status other than 200, dropped connections, timeouts), p50/p99 of reads and
of coding under load and their ratio to the idle medians, the slowest `/health`, the load
average. Targets: 0 errors, coding p50 <= 10x idle, reads p99 <= 20x idle, /health < 1 s.

With no think time (the issue's measurement) every client asks again the moment it is answered,
so the clients keep the CPU busy whatever the server does: N readers then wait about N x (CPU per
request, server and client) ÷ cores each. The bench prints that floor beside the read ratio;
`--think S` makes each reader pause S seconds between requests, like a dashboard that polls
(the coding clients always post again at once).

The clients are plain asyncio HTTP/1.1 keep-alive connections in this one process (no HTTP
library per request), so that the load generator takes as little as possible of the CPU it
shares with the server. Every loop is bounded in time, all traffic goes to 127.0.0.1, and the
server and the database schema are removed at the end whatever happens.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SHARED = Path(os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[2] / "shared")
STATEMENT = (
    SHARED / "corpus" / "2023-12-25-statement-from-nsc-spokesperson-on-us-strikes-in-iraq.txt"
)
INGESTED = (SHARED / "corpus", SHARED / "data" / "articles" / "dev")
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TARGETS = {"coding_p50_ratio": 10.0, "read_p99_ratio": 20.0, "health_max_s": 1.0}
REQUEST_TIMEOUT = 60.0  # a request unanswered this long counts as an error


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


# --- the database -------------------------------------------------------------------------------


@contextlib.contextmanager
def database(kind: str, tmp: str) -> Iterator[str]:
    """A fresh database URL: a SQLite file, or a private PostgreSQL schema dropped afterwards."""
    if kind == "sqlite":
        yield os.path.join(tmp, "load.db")
        return
    import sqlalchemy as sa

    engine = sa.create_engine(PG_SERVER)
    schema = f"sitrep_load_{uuid.uuid4().hex[:12]}"
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_SERVER}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


def sitrep_exe() -> str:
    return str(Path(sys.executable).with_name("sitrep"))


def ingest(db: str) -> None:
    subprocess.run(
        [sitrep_exe(), "--quiet", "ingest", *map(str, INGESTED), "--db", db],
        check=True, stdout=subprocess.DEVNULL,
    )


# --- a lean HTTP/1.1 client -----------------------------------------------------------------------


class Connection:
    """One keep-alive HTTP/1.1 connection to the server (reconnects after a drop)."""

    def __init__(self, port: int):
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        if body:
            head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        self.writer.write(head.encode("ascii") + b"\r\n" + body)
        try:
            status_line = await self.reader.readline()
            if not status_line:
                raise ConnectionError("connection closed by the server")
            status = int(status_line.split()[1])
            length, chunked = 0, False
            while (line := await self.reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                name = name.strip().lower()
                if name == "content-length":
                    length = int(value)
                elif name == "transfer-encoding" and "chunked" in value.lower():
                    chunked = True
            if chunked:
                parts = []
                while size := int((await self.reader.readline()).split(b";")[0], 16):
                    parts.append(await self.reader.readexactly(size))
                    await self.reader.readline()
                await self.reader.readline()
                return status, b"".join(parts)
            return status, await self.reader.readexactly(length)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class Recorder:
    """Latencies by kind, and errors by kind and cause."""

    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = {"read": [], "code": [], "health": []}
        self.errors: Counter[str] = Counter()

    async def timed(self, kind: str, connection: Connection, method: str, path: str,
                    body: bytes = b"") -> bytes | None:
        started = time.perf_counter()
        try:
            status, payload = await asyncio.wait_for(
                connection.request(method, path, body), REQUEST_TIMEOUT
            )
        except TimeoutError:
            self.errors[f"{kind}: timeout after {REQUEST_TIMEOUT:.0f} s"] += 1
            return None
        except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError) as exc:
            self.errors[f"{kind}: {type(exc).__name__}"] += 1
            return None
        self.latencies[kind].append(time.perf_counter() - started)
        if status != 200:
            self.errors[f"{kind}: HTTP {status}"] += 1
            return None
        return payload


async def wait_ready(port: int, server: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"sitrep serve exited with code {server.returncode}")
        connection = Connection(port)
        try:
            status, _ = await connection.request("GET", "/health")
            if status == 200:
                return
        except OSError:
            pass
        finally:
            connection.close()
        await asyncio.sleep(0.5)
    raise SystemExit(f"sitrep serve did not answer /health within {timeout:.0f} s")


async def countries(port: int) -> list[str]:
    """The countries with the most stored events (the pages a dashboard would poll)."""
    connection = Connection(port)
    _, body = await connection.request("GET", "/events?limit=1000")
    connection.close()
    counts = Counter(e["country"] for e in json.loads(body)["events"] if e.get("country"))
    return [c for c, _ in counts.most_common(6)] or ["Syria"]


def read_path(countries_: list[str], i: int) -> str:
    from urllib.parse import quote

    return f"/events?country={quote(countries_[i % len(countries_)])}&limit=50"


async def idle(port: int, n: int, countries_: list[str], statement: bytes) -> dict[str, float]:
    recorder = Recorder()
    connection = Connection(port)
    for i in range(n):
        await recorder.timed("read", connection, "GET", read_path(countries_, i))
    for _ in range(max(3, n // 3)):
        await recorder.timed("code", connection, "POST", "/extract", statement)
    connection.close()
    if recorder.errors:
        raise SystemExit(f"errors while idle: {dict(recorder.errors)}")
    return {
        "read_p50_s": statistics.median(recorder.latencies["read"]),
        "code_p50_s": statistics.median(recorder.latencies["code"]),
    }


async def load(port: int, clients: int, coders: int, seconds: float, countries_: list[str],
               statement: bytes, think: float) -> Recorder:
    recorder = Recorder()
    stop_at = time.monotonic() + seconds

    async def reader(k: int) -> None:
        connection, i = Connection(port), k
        await asyncio.sleep(think * k / max(clients, 1))  # paced clients start spread out
        while time.monotonic() < stop_at:
            await recorder.timed("read", connection, "GET", read_path(countries_, i))
            i += 1
            if think:
                await asyncio.sleep(think)
        connection.close()

    async def coder() -> None:
        connection = Connection(port)
        while time.monotonic() < stop_at:
            await recorder.timed("code", connection, "POST", "/extract", statement)
        connection.close()

    async def monitor() -> None:
        connection = Connection(port)
        while time.monotonic() < stop_at:
            await recorder.timed("health", connection, "GET", "/health")
            await asyncio.sleep(0.5)
        connection.close()

    tasks = [reader(k) for k in range(clients - coders)] + [coder() for _ in range(coders)]
    await asyncio.gather(*tasks, monitor())
    return recorder


def run(args: argparse.Namespace, serve_options: list[str]) -> dict[str, Any]:
    statement = json.dumps({"text": STATEMENT.read_text(encoding="utf-8")}).encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp, database(args.db, tmp) as url:
        started = time.perf_counter()
        ingest(url)
        ingest_s = time.perf_counter() - started
        port = free_port()
        server = subprocess.Popen(
            [sitrep_exe(), "serve", "--db", url, "--port", str(port), *serve_options],
            stdout=subprocess.DEVNULL,
        )
        try:
            asyncio.run(wait_ready(port, server, timeout=300))
            countries_ = asyncio.run(countries(port))

            async def warm() -> None:  # the coding workers' first documents
                connection = Connection(port)
                for _ in range(3):
                    await connection.request("POST", "/extract", statement)
                connection.close()

            asyncio.run(warm())
            idle_figures = asyncio.run(idle(port, args.idle, countries_, statement))
            load_before = os.getloadavg()[0]
            cpu_before = process_cpu(server.pid), time.process_time()
            recorder = asyncio.run(load(port, args.clients, args.coders, args.seconds,
                                        countries_, statement, args.think))
            server_cpu = process_cpu(server.pid) - cpu_before[0]
            client_cpu = time.process_time() - cpu_before[1]
            load_after = os.getloadavg()[0]
            alive = server.poll() is None
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    reads, codes, health = (recorder.latencies[k] for k in ("read", "code", "health"))
    figures: dict[str, Any] = {
        "database": args.db,
        "serve_options": serve_options,
        "clients": args.clients,
        "coders": args.coders,
        "seconds": args.seconds,
        "ingest_s": ingest_s,
        "countries": countries_,
        "idle_read_p50_s": idle_figures["read_p50_s"],
        "idle_code_p50_s": idle_figures["code_p50_s"],
        "reads": len(reads),
        "codings": len(codes),
        "read_p50_s": percentile(reads, 0.5),
        "read_p99_s": percentile(reads, 0.99),
        "code_p50_s": percentile(codes, 0.5),
        "code_p99_s": percentile(codes, 0.99),
        "health_checks": len(health),
        "health_max_s": max(health) if health else float("nan"),
        "think_s": args.think,
        "server_cpu_s": server_cpu,
        "client_cpu_s": client_cpu,
        "errors": dict(recorder.errors),
        "server_alive": alive,
        "load_average_before": load_before,
        "load_average_after": load_after,
    }
    figures["code_p50_ratio"] = figures["code_p50_s"] / figures["idle_code_p50_s"]
    figures["read_p99_ratio"] = figures["read_p99_s"] / figures["idle_read_p50_s"]
    figures["read_p50_ratio"] = figures["read_p50_s"] / figures["idle_read_p50_s"]
    # What a closed loop allows at best: N readers who ask again as soon as answered share the
    # CPU that requests cost (server and client), so a read waits about N x that ÷ the cores,
    # however fast the server is; with no think time the read ratio cannot go below this.
    readers = args.clients - args.coders
    cpu_per_request = (server_cpu + client_cpu) / max(len(reads) + len(codes), 1)
    figures["closed_loop_read_floor_s"] = readers * cpu_per_request / (os.cpu_count() or 1)
    figures["closed_loop_read_floor_ratio"] = (
        figures["closed_loop_read_floor_s"] / figures["idle_read_p50_s"]
    )
    return figures


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) of process `pid` so far, from /proc (0 where there is none)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def summary(f: dict[str, Any]) -> str:
    ms = 1000
    errors = sum(f["errors"].values())
    options = ", " + " ".join(f["serve_options"]) if f["serve_options"] else ""
    return (
        f"sitrep serve under load ({f['database']}, {f['clients']} clients, {f['coders']} coding,"
        f" think {f['think_s']:g} s, {f['seconds']:.0f} s{options}):"
        f" errors {errors}{' ' + json.dumps(f['errors']) if errors else ''}"
        f" | reads {f['reads']}: p50 {f['read_p50_s'] * ms:.0f} ms, p99 {f['read_p99_s'] * ms:.0f}"
        f" ms = {f['read_p99_ratio']:.1f}x idle {f['idle_read_p50_s'] * ms:.1f} ms"
        f" (target <= {TARGETS['read_p99_ratio']:.0f}x)"
        f" | coding {f['codings']}: p50 {f['code_p50_s'] * ms:.0f} ms"
        f" = {f['code_p50_ratio']:.1f}x idle {f['idle_code_p50_s'] * ms:.0f} ms, p99"
        f" {f['code_p99_s'] * ms:.0f} ms (target p50 <= {TARGETS['coding_p50_ratio']:.0f}x)"
        f" | closed-loop floor for reads {f['closed_loop_read_floor_s'] * ms:.1f} ms ="
        f" {f['closed_loop_read_floor_ratio']:.0f}x idle (server {f['server_cpu_s']:.1f} s,"
        f" client {f['client_cpu_s']:.1f} s CPU)"
        f" | /health slowest {f['health_max_s'] * ms:.0f} ms of {f['health_checks']},"
        f" server {'alive' if f['server_alive'] else 'DEAD'}"
        f" | load avg {f['load_average_before']:.1f} -> {f['load_average_after']:.1f}"
    )


def main() -> int:
    try:  # the same event loop the server uses, so the load generator takes less CPU
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    except ImportError:
        pass
    argv = sys.argv[1:]
    serve_options = argv[argv.index("--") + 1 :] if "--" in argv else []
    argv = argv[: argv.index("--")] if "--" in argv else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--coders", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--idle", type=int, default=60, help="idle reads (a third as many codings)")
    parser.add_argument("--think", type=float, default=0.0,
                        help="seconds each reader waits after an answer (0: ask again at once)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    figures = run(args, serve_options)
    print(summary(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
