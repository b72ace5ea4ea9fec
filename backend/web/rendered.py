"""Responses rendered once per query and contest change, kept in memory per process.

`/` and `/api/contests` answer everyone the same bytes until contests change. Rendering them per
request (read, filter and encode every contest, about 6 µs each) capped a process near 600
requests/s with 210 contests. A rendering is kept here per normalised query under the contests
generation (the feeds generation in Valkey, raised by every scrape that changes contests), for
at most RENDER_TTL seconds (contests start, health ages: "last success 5 minutes ago"), and is
served with a strong ETag, so a client that holds it gets a 304.

The generation is read from Valkey at most once per GENERATION_CHECK seconds: a change shows
within that second. While Valkey cannot be read nothing is kept (there is no way to learn that
contests changed) and every request renders, as before.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable, Hashable, Mapping
from dataclasses import dataclass

from aiohttp import web
from redis.asyncio import Redis
from redis.exceptions import RedisError

from shared.cache import keys as cache_keys
from shared.cache.breaker import log_valkey_failure
from shared.cache.flights import single_flight

log = logging.getLogger(__name__)

RENDER_TTL = 60.0
GENERATION_CHECK = 1.0
# Queries are the caller's (any `from`/`to`): the number of renderings kept is bounded.
MAX_RENDERINGS = 512


@dataclass(frozen=True, slots=True)
class Rendered:
    """A finished response: body, headers and a strong ETag (a digest of the body).

    The headers of a 200 and of a 304 are put together once, here: serving a kept rendering
    builds no header and hashes nothing.
    """

    body: bytes
    digest: str
    headers: Mapping[str, str]
    not_modified: Mapping[str, str]

    @classmethod
    def build(
        cls, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> Rendered:
        """A rendering of `body`; `headers` go with both its 200 and its 304 (Cache-Control,
        a page's own Content-Security-Policy: a 304 refreshes the headers a browser keeps)."""
        digest = hashlib.blake2b(body, digest_size=12).hexdigest()
        kept = {**(headers or {}), "ETag": f'"{digest}"'}
        return cls(body, digest, {**kept, "Content-Type": content_type}, kept)

    def respond(self, request: web.Request) -> web.Response:
        """200 with the body, or 304 when the client already holds this rendering."""
        if "If-None-Match" in request.headers and _held(request, self.digest):
            return web.Response(status=304, headers=self.not_modified)
        return web.Response(body=self.body, headers=self.headers)


def _held(request: web.Request, digest: str) -> bool:
    """Whether the client's If-None-Match names this rendering."""
    try:
        wanted = request.if_none_match
    except ValueError:  # a malformed header is ignored, as if absent
        return False
    # If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" matches "x".
    return any(tag.value in (digest, "*") for tag in wanted or ())


class RenderCache:
    """Renderings by (generation, key), each kept for `ttl` seconds; concurrent misses of one
    key render once. A plain dict ordered by insertion: a hit is one lookup and one clock read."""

    def __init__(
        self,
        valkey: Redis,
        ttl: float = RENDER_TTL,
        check_every: float = GENERATION_CHECK,
        clock: Callable[[], float] = time.monotonic,
        max_renderings: int = MAX_RENDERINGS,
    ) -> None:
        self._valkey = valkey
        self._ttl = ttl
        self._check_every = check_every
        self._clock = clock
        self._max = max_renderings
        # (generation, key) -> (expiry on `clock`, rendering)
        self._entries: dict[tuple[int, Hashable], tuple[float, Rendered]] = {}
        self._flights: dict[Hashable, asyncio.Future[Rendered]] = {}
        self._generation: int | None = None
        self._checked_at = float("-inf")

    async def generation(self) -> int | None:
        """The contests generation as last read (None while Valkey cannot be read)."""
        now = self._clock()
        if now - self._checked_at >= self._check_every:
            self._checked_at = now
            try:
                self._generation = int(await self._valkey.get(cache_keys.feeds_generation()) or 0)
            except (RedisError, OSError, ValueError) as exc:
                if self._generation is not None:
                    log_valkey_failure(log, exc, "rendered pages not kept")
                self._generation = None
        return self._generation

    async def get(self, key: Hashable, render: Callable[[], Awaitable[Rendered]]) -> Rendered:
        """The kept rendering for `key` in this generation, rendering it when missing."""
        generation = await self.generation()
        if generation is None:
            return await render()
        full = (generation, key)
        kept = self._entries.get(full)
        if kept is not None and kept[0] > self._clock():
            return kept[1]
        rendered = await single_flight(self._flights, full, render)
        self._keep(full, rendered)
        return rendered

    def _keep(self, full: tuple[int, Hashable], rendered: Rendered) -> None:
        entries = self._entries
        now = self._clock()
        entries.pop(full, None)  # a renewed entry moves to the end: the order is by age
        if len(entries) >= self._max:
            for old in [
                k for k, (expiry, _) in entries.items() if expiry <= now or k[0] != full[0]
            ]:
                del entries[old]
            while len(entries) >= self._max:
                del entries[next(iter(entries))]
        entries[full] = (now + self._ttl, rendered)
