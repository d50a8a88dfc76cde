"""A response cache for the read-only web app, invalidated whenever the database changes.

Pages are pure functions of the URL and the database, so a rendered page is reused until SQLite's
``PRAGMA data_version`` says another connection (an ingest) has committed. A pure ASGI middleware:
no per-request thread or task, which matters with many clients on few cores.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]

# Pages kept; a page is a few kilobytes, so this is a few tens of megabytes at most.
MAX_PAGES = 2048
MAX_PAGE_BYTES = 1 << 20


class PageCache:
    """Serve repeated GETs from memory while the database is unchanged."""

    def __init__(self, app: ASGIApp, conn: sqlite3.Connection, max_pages: int = MAX_PAGES) -> None:
        self.app = app
        self.conn = conn
        self.max_pages = max_pages
        self.pages: OrderedDict[bytes, tuple[int, Message, bytes]] = OrderedDict()
        self.hits = self.misses = 0

    async def __call__(
        self, scope: Scope, receive: Callable[[], Awaitable[Message]], send: Callable[[Message], Awaitable[None]]
    ) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        key = scope["method"].encode() + b" " + scope["path"].encode() + b"?" + scope.get("query_string", b"")
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        cached = self.pages.get(key)
        if cached is not None and cached[0] == version:
            self.hits += 1
            self.pages.move_to_end(key)
            await send(cached[1])
            await send({"type": "http.response.body", "body": cached[2]})
            return
        self.misses += 1
        start: Message = {}
        body: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal size
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                body.append(message.get("body", b""))
                size += len(body[-1])
            await send(message)

        await self.app(scope, receive, capture)
        if start.get("status") in (200, 404) and size <= MAX_PAGE_BYTES:
            self.pages[key] = (version, start, b"".join(body))
            if len(self.pages) > self.max_pages:
                self.pages.popitem(last=False)
