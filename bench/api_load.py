"""Latency of `POST /extract` under sequential load from a second process, on loopback only.

Usage: python bench/api_load.py [--requests 1000] [--quick] [--json PATH]

Starts the API (`sitrep.api.app.create_app` under uvicorn) in a subprocess on 127.0.0.1 and a free
port, with a throw-away SQLite store, waits for /health, warms the model up, then sends the
canonical 4 kB example article (read from the shared corpus at run time) `--requests` times, one
after another, and prints p50/p90/p99 latency. In blocks of 50 requests alternating with blocks
of 50 bare parses of the same article here (`spacy.load` of the model as shipped, `nlp(text)`),
so that both see the same machine, it also prints the bare parse's median and the ratio
p50 ÷ bare parse (issue 18's target: <= 1.3). The loop is bounded in count and in time
(`--max-seconds`), and the server is stopped at the end whatever happens.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

EXAMPLE = (
    Path(os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[2] / "shared")
    / "corpus"
    / "almayadeen-2023-12-09-us-drills-syria.txt"
)
SERVER = (
    "import sys, uvicorn; from sitrep.api.app import create_app; "
    "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), "
    "log_level='warning')"
)


BLOCK = 50  # requests, then bare parses, alternating


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(client: httpx.Client, server: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the API server exited with code {server.returncode}")
        try:
            if client.get("/health").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the API server did not answer /health within {timeout:.0f} s")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description="POST /extract latency benchmark")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="100 requests")
    parser.add_argument("--max-seconds", type=float, default=900, help="stop the loop after this")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    n = 100 if args.quick else args.requests
    article = EXAMPLE.read_text(encoding="utf-8")
    body = {"text": article}
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen(
            [sys.executable, "-c", SERVER, os.path.join(tmp, "api.db"), str(port)],
            stdout=subprocess.DEVNULL,
        )
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
                wait_ready(client, server, timeout=180)
                for _ in range(5):  # the first request loads the model and the lexicons
                    client.post("/extract", json=body).raise_for_status()
                from sitrep.ingest.readers import read_string
                from sitrep.nlp.model import load_stock_nlp

                stock = load_stock_nlp()
                parsed_text = read_string(article).text  # what the server parses
                stock(parsed_text)
                latencies: list[float] = []
                parses: list[float] = []
                events = 0
                stop_at = time.monotonic() + args.max_seconds
                while len(latencies) < n and time.monotonic() < stop_at:
                    for _ in range(min(BLOCK, n - len(latencies))):
                        started = time.perf_counter()
                        response = client.post("/extract", json=body)
                        latencies.append((time.perf_counter() - started) * 1000)
                        response.raise_for_status()
                        events = len(response.json().get("events", []))
                    for _ in range(BLOCK):
                        started = time.perf_counter()
                        stock(parsed_text)
                        parses.append((time.perf_counter() - started) * 1000)
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    figures = {
        "requests": len(latencies),
        "article_bytes": len(article.encode("utf-8")),
        "events_per_response": events,
        "p50_ms": statistics.median(latencies),
        "p90_ms": percentile(latencies, 0.90),
        "p99_ms": percentile(latencies, 0.99),
        "mean_ms": statistics.fmean(latencies),
        "bare_parse_p50_ms": statistics.median(parses),
        "ratio_to_bare_parse": statistics.median(latencies) / statistics.median(parses),
        "load_average": os.getloadavg()[0],
    }
    print(
        f"sitrep api: POST /extract x{figures['requests']} ({figures['article_bytes']:,} bytes,"
        f" {events} events) p50 {figures['p50_ms']:.0f} ms | p90 {figures['p90_ms']:.0f} ms |"
        f" p99 {figures['p99_ms']:.0f} ms | bare parse p50 {figures['bare_parse_p50_ms']:.0f} ms,"
        f" ratio {figures['ratio_to_bare_parse']:.2f} (target <= 1.3)"
        f" | load avg {figures['load_average']:.1f}"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
