"""Valkey access: client, JSON helpers with database fallback, owned locks, rate limits."""

from __future__ import annotations

import json
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

from redis.asyncio import Redis
from redis.exceptions import RedisError

from shared.cache.breaker import log_valkey_failure, open_guarded_valkey

log = logging.getLogger(__name__)

T = TypeVar("T")

# Compare-and-delete / compare-and-extend: only the token holder may touch its lock.
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""
_RENEW = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0
"""


# Every Valkey call gives up after this long (a healthy Valkey answers in well under a
# millisecond); a breaker then stops calling it for a while (shared/cache/breaker.py). Not
# shorter: a process busy parsing or rendering can stall its event loop for a few hundred
# milliseconds, and that must not look like an outage.
VALKEY_TIMEOUT = 1.0


def open_valkey(uri: str) -> Redis:
    """A Valkey client (redis-py 5) that fails fast: short timeouts and a circuit breaker."""
    return open_guarded_valkey(uri, VALKEY_TIMEOUT)


async def set_json(valkey: Redis, key: str, value: Any, ttl: int) -> None:
    """Store a JSON value with a TTL (every key expires)."""
    await valkey.set(key, json.dumps(value, separators=(",", ":"), default=str), ex=ttl)


async def cached_json_many(
    valkey: Redis,
    keys: list[str],
    ttl: int,
    load: Callable[[str], Awaitable[T]],
    encode: Callable[[T], Any],
    decode: Callable[[bytes], T],
) -> list[T]:
    """Read several keys through the cache in one MGET; misses come from `load(key)`.

    `decode` gets the stored bytes (so callers may memoise on them). When Valkey is down every
    value comes from `load`; an unreadable cached value is reloaded and overwritten.
    """
    try:
        raws: list[bytes | None] = await valkey.mget(keys)
        reachable = True
    except (RedisError, OSError) as exc:
        log_valkey_failure(log, exc, "cache read of %s failed, using the database", ", ".join(keys))
        raws, reachable = [None] * len(keys), False
    values: list[T] = []
    for key, raw in zip(keys, raws, strict=True):
        if raw is not None:
            try:
                values.append(decode(raw))
                continue
            except (KeyError, TypeError, ValueError) as exc:
                log.warning("cached %s is unreadable, reloading: %s", key, exc.__class__.__name__)
        value = await load(key)
        values.append(value)
        if reachable:
            try:
                await set_json(valkey, key, encode(value), ttl)
            except (RedisError, OSError) as exc:
                log_valkey_failure(log, exc, "cache write of %s failed", key)
    return values


async def drop(valkey: Redis, *keys: str) -> None:
    """Delete keys; a Valkey outage is logged, not raised (the TTL bounds staleness)."""
    if not keys:
        return
    try:
        await valkey.delete(*keys)
    except (RedisError, OSError) as exc:
        log_valkey_failure(log, exc, "cache invalidation failed")


class OwnedLock:
    """A lock with an owner token: only its owner can renew or release it."""

    def __init__(self, valkey: Redis, key: str, ttl: float) -> None:
        self._valkey = valkey
        self.key = key
        self.ttl_ms = int(ttl * 1000)
        self.token = secrets.token_hex(16)

    async def acquire(self) -> bool:
        """Take the lock if free; True when this owner now holds it."""
        return bool(await self._valkey.set(self.key, self.token, nx=True, px=self.ttl_ms))

    async def acquire_reading(self, key: str) -> tuple[bool, bytes | None]:
        """`acquire`, and read `key` in the same round trip (what the lock's holder reads
        first). The value is None when absent or when only the read failed."""
        async with self._valkey.pipeline(transaction=False) as pipe:
            pipe.set(self.key, self.token, nx=True, px=self.ttl_ms)
            pipe.get(key)
            taken, value = await pipe.execute(raise_on_error=False)
        if isinstance(taken, Exception):
            raise taken
        return bool(taken), None if isinstance(value, Exception) else value

    async def renew(self) -> bool:
        """Push the expiry back; False when the lock was lost (expired or taken by another)."""
        renewed = self._valkey.eval(_RENEW, 1, self.key, self.token, str(self.ttl_ms))
        return bool(await cast(Awaitable[int], renewed))

    async def release(self) -> bool:
        """Release only if still the owner; False when it was no longer ours."""
        released = self._valkey.eval(_RELEASE, 1, self.key, self.token)
        return bool(await cast(Awaitable[int], released))

    async def release_writing(self, key: str, value: str, ttl: int) -> bool:
        """`release`, storing `value` under `key` for `ttl` seconds first in the same round trip
        (what the lock's holder leaves for the next one). A failed write only loses the value."""
        async with self._valkey.pipeline(transaction=False) as pipe:
            pipe.set(key, value, ex=ttl)
            pipe.eval(_RELEASE, 1, self.key, self.token)
            written, released = await pipe.execute(raise_on_error=False)
        if isinstance(written, Exception):
            log.debug("%s not written: %s", key, written.__class__.__name__)
        if isinstance(released, Exception):
            raise released
        return bool(released)


async def hit_limit(
    valkey: Redis,
    key_for_window: Callable[[int], str],
    limit: int,
    window: int,
    clock: Callable[[], float] = time.time,
) -> int:
    """Count one hit in the current fixed window; returns seconds to wait (0 when allowed).

    Windows are aligned to the clock (`clock`, the wall clock unless a test gives its own) and
    each gets its own key, so they really reset.
    """
    now = int(clock())
    start = now - now % window
    key = key_for_window(start)
    async with valkey.pipeline(transaction=True) as pipe:
        pipe.incr(key)
        pipe.expire(key, window + 1)
        count, _ = await pipe.execute()
    if int(count) > limit:
        return start + window - now
    return 0
