"""A short-lived cache of read responses, so a dashboard polling the same page costs one query.

Many clients asking for the same page (`/events?country=Syria&limit=50`) within `ttl` seconds get
the bytes the first of them got: the query, the records' conversion and the JSON encoding run once
per page and period instead of once per request. When a page expires, one request builds it again
while the others asking for it meanwhile get the expired copy (or, when there is none, wait for
that one build): fifty clients polling one page never start fifty identical queries.
A write through this server (`POST /documents`) empties the cache at once; a write by another
process (`sitrep ingest` into the same database, another server worker) shows within `ttl`
seconds plus one page build. `ttl=0` turns the cache off.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_TTL = 2.0  # seconds a read may lag a write made by another process
MAX_ENTRIES = 512
MAX_BODY = 4_000_000  # a page larger than this is not kept
CACHED_PREFIXES = ("/events", "/tallies", "/documents/")
READ_ONLY_POSTS = frozenset({"/extract"})  # codes and answers; stores nothing


class ReadCache:
    """ASGI middleware: GET responses (200, JSON) of the read endpoints, kept `ttl` seconds."""

    def __init__(self, app: ASGIApp, ttl: float = DEFAULT_TTL, max_entries: int = MAX_ENTRIES):
        self.app, self.ttl, self.max_entries = app, ttl, max_entries
        self._entries: OrderedDict[tuple[str, bytes], tuple[float, list[Message]]] = OrderedDict()
        self._building: dict[tuple[str, bytes], asyncio.Future[None]] = {}
        self._generation = 0  # bumped by every write: a page built across a write is not kept

    def clear(self) -> None:
        self._entries.clear()
        self._generation += 1

    async def _replay(self, messages: list[Message], send: Send) -> None:
        for message in messages:
            await send(message)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.ttl <= 0:
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        if method != "GET" or not path.startswith(CACHED_PREFIXES):
            if method in ("GET", "HEAD", "OPTIONS") or path in READ_ONLY_POSTS:
                await self.app(scope, receive, send)
            else:
                await self._write(scope, receive, send)
            return
        key = (path, scope.get("query_string", b""))
        entry = self._entries.get(key)
        if entry is not None and entry[0] > time.monotonic():
            await self._replay(entry[1], send)
            return
        building = self._building.get(key)
        if building is not None:
            if entry is not None:  # expired, and being built again: the last copy meanwhile
                await self._replay(entry[1], send)
                return
            await asyncio.shield(building)
            entry = self._entries.get(key)
            if entry is not None:
                await self._replay(entry[1], send)
                return
        if key in self._building:  # two waiters woke up to a page that could not be kept
            await self.app(scope, receive, send)
            return
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._building[key] = done
        try:
            await self._build(key, scope, receive, send)
        finally:
            del self._building[key]
            done.set_result(None)

    async def _build(
        self, key: tuple[str, bytes], scope: Scope, receive: Receive, send: Send
    ) -> None:
        """Answer the request and keep the answer if it is a page worth keeping."""
        generation = self._generation
        messages: list[Message] = []
        size = 0
        keep = True

        async def recording_send(message: Message) -> None:
            nonlocal size, keep
            if keep:
                if message["type"] == "http.response.start" and message["status"] != 200:
                    keep = False
                elif message["type"] == "http.response.body":
                    size += len(message.get("body", b""))
                    keep = size <= MAX_BODY
                messages.append(message)
            await send(message)

        await self.app(scope, receive, recording_send)
        fresh = generation == self._generation
        if keep and fresh and messages and messages[0]["type"] == "http.response.start":
            self._entries[key] = (time.monotonic() + self.ttl, messages)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    async def _write(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A request that may change the store: pages cached before it are dropped after it."""
        try:
            await self.app(scope, receive, send)
        finally:
            self.clear()
