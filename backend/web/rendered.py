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
import re
import secrets
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass

from aiohttp import ETag, web
from cachetools import TTLCache
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


# Stands for the CSP nonce in a kept page: each 200 gets a fresh nonce put in its place.
NONCE_SLOT = secrets.token_urlsafe(16)
_NONCE = re.compile(r"[A-Za-z0-9_-]{22}")


@dataclass(frozen=True, slots=True)
class Rendered:
    """A finished response body with its headers and ETag.

    A page with a CSP nonce is kept in `parts`, split where the nonce goes, with its CSP header
    split the same way in `csp`: every 200 gets a fresh nonce, and the nonce travels in the
    (weak) ETag, so a 304 can name the nonce of the body the browser keeps.
    """

    parts: tuple[bytes, ...]
    content_type: str
    digest: str
    headers: tuple[tuple[str, str], ...] = ()
    csp: tuple[str, ...] | None = None

    @classmethod
    def build(
        cls,
        body: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
        csp: str | None = None,
    ) -> Rendered:
        """A rendering; with `csp`, NONCE_SLOT in the body and in `csp` marks the nonce."""
        parts = tuple(body.split(NONCE_SLOT.encode("ascii"))) if csp is not None else (body,)
        # NONCE_SLOT differs per process: it is left out of the digest, so ETags agree.
        digest = hashlib.blake2b(b"\0".join(parts), digest_size=12).hexdigest()
        csp_parts = tuple(csp.split(NONCE_SLOT)) if csp is not None else None
        return cls(parts, content_type, digest, tuple((headers or {}).items()), csp_parts)

    def respond(self, request: web.Request) -> web.Response:
        """200 with the body, or 304 when the client already holds this rendering."""
        headers = dict(self.headers)
        held = _held(request, self.digest, nonced=self.csp is not None)
        if self.csp is None:
            if held is not None:
                response = web.Response(status=304, headers=headers)
            else:
                headers["Content-Type"] = self.content_type
                response = web.Response(body=self.parts[0], headers=headers)
            response.etag = self.digest
            return response
        nonce = held if held is not None else secrets.token_urlsafe(16)
        headers["Content-Security-Policy"] = nonce.join(self.csp)
        if held is not None:
            response = web.Response(status=304, headers=headers)
        else:
            headers["Content-Type"] = self.content_type
            response = web.Response(body=nonce.encode("ascii").join(self.parts), headers=headers)
        response.etag = ETag(value=f"{self.digest}-{nonce}", is_weak=True)
        return response


def _held(request: web.Request, digest: str, *, nonced: bool) -> str | None:
    """What the client's If-None-Match says it holds of this rendering: "" (held, no nonce) or
    the nonce of its copy; None when it holds none."""
    try:
        wanted = request.if_none_match
    except ValueError:  # a malformed header is ignored, as if absent
        return None
    # If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" matches "x".
    for tag in wanted or ():
        if not nonced and tag.value in (digest, "*"):
            return ""
        name, _, nonce = tag.value.partition("-")
        if nonced and name == digest and _NONCE.fullmatch(nonce):
            return nonce
    return None


class RenderCache:
    """Renderings by (generation, key); concurrent misses of one key render once."""

    def __init__(
        self,
        valkey: Redis,
        ttl: float = RENDER_TTL,
        check_every: float = GENERATION_CHECK,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._valkey = valkey
        self._check_every = check_every
        self._clock = clock
        self._entries: TTLCache[Hashable, Rendered] = TTLCache(
            maxsize=MAX_RENDERINGS, ttl=ttl, timer=clock
        )
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
        if kept is not None:
            return kept
        rendered = await single_flight(self._flights, full, render)
        self._entries[full] = rendered
        return rendered
