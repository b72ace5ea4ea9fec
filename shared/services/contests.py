"""Upcoming contests for pages, the API and the bots: Valkey first, the database behind it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from redis.asyncio import Redis

from shared.cache import cached_json_many
from shared.cache import keys as cache_keys
from shared.db import contests as q
from shared.db.pools import Database
from shared.models import PlatformHealth, StoredContest
from shared.platforms.registry import PLATFORMS


async def list_upcoming_contests(
    db: Database,
    valkey: Redis,
    now: datetime,
    platforms: Sequence[str] | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[StoredContest]:
    """Contests not yet ended (starting before `end`, ending after `start`), ordered by start."""
    chosen = list(dict.fromkeys(platforms)) if platforms else list(PLATFORMS)
    lists = await fetch_platform_contests(db, valkey, chosen, now)
    return select_window(lists.values(), now, start, end)


def select_window(
    lists: Iterable[Sequence[StoredContest]],
    now: datetime,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[StoredContest]:
    """Contests of several platforms' lists not ended by `now` (or `start`) and starting before
    `end`, ordered by start."""
    low = max(now, start) if start else now
    return sorted(
        (
            c
            for items in lists
            for c in items
            if c.ends_at > low and (end is None or c.starts_at < end)
        ),
        key=lambda c: (c.starts_at, c.platform, c.external_id),
    )


async def fetch_platform_contests(
    db: Database, valkey: Redis, platforms: Sequence[str], now: datetime
) -> dict[str, list[StoredContest]]:
    """Each platform's upcoming contests (shared lists: read them, do not change them)."""
    lists = await _platform_contests(db, valkey, list(platforms), now)
    return dict(zip(platforms, lists, strict=True))


async def _platform_contests(
    db: Database, valkey: Redis, platforms: list[str], now: datetime
) -> list[list[StoredContest]]:
    """Each platform's upcoming contests: every cache key in one round trip, the database
    (read replicas) for misses and whenever Valkey is unreachable."""
    by_key = {cache_keys.contests(p): p for p in platforms}

    async def load(key: str) -> list[StoredContest]:
        return await q.list_upcoming(db.reader(), now, [by_key[key]])

    def encode(items: list[StoredContest]) -> list[dict[str, Any]]:
        return [c.to_json() for c in items]

    return await cached_json_many(
        valkey, list(by_key), cache_keys.CONTESTS_TTL, load, encode, _decode_contests
    )


@lru_cache(maxsize=64)
def _decode_contests(raw: bytes) -> list[StoredContest]:
    """Decoded contests of one cache entry; an entry read again unchanged is decoded once.

    Callers get a shared list: they read it and must not change it.
    """
    return [StoredContest.from_json(item) for item in json.loads(raw)]


async def list_health(db: Database) -> list[PlatformHealth]:
    """Health of every known platform (never-scraped ones included, with no attempt)."""
    rows = {h.platform: h for h in await q.list_platform_health(db.reader())}
    return [rows.get(name) or PlatformHealth(name, None, None, None, 0, 0) for name in PLATFORMS]
