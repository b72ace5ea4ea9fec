"""Upcoming contests for pages, the API and the bots: Valkey first, the database behind it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from shared.cache import cached_json
from shared.cache import keys as cache_keys
from shared.db import contests as q
from shared.models import PlatformHealth, StoredContest
from shared.platforms.registry import PLATFORMS
from shared.resources import Resources


async def list_upcoming_contests(
    res: Resources,
    now: datetime,
    platforms: Sequence[str] | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[StoredContest]:
    """Contests not yet ended (starting before `end`, ending after `start`), ordered by start."""
    chosen = list(platforms) if platforms else list(PLATFORMS)
    found: list[StoredContest] = []
    for platform in chosen:
        found.extend(await _platform_contests(res, platform, now))
    low = max(now, start) if start else now
    return sorted(
        (c for c in found if c.ends_at > low and (end is None or c.starts_at < end)),
        key=lambda c: (c.starts_at, c.platform, c.external_id),
    )


async def _platform_contests(res: Resources, platform: str, now: datetime) -> list[StoredContest]:
    async def load() -> list[StoredContest]:
        return await q.list_upcoming(res.db.reader(), now, [platform])

    def encode(items: list[StoredContest]) -> list[dict[str, Any]]:
        return [c.to_json() for c in items]

    def decode(data: Any) -> list[StoredContest]:
        return [StoredContest.from_json(item) for item in data]

    return await cached_json(
        res.valkey, cache_keys.contests(platform), cache_keys.CONTESTS_TTL, load, encode, decode
    )


async def list_health(res: Resources) -> list[PlatformHealth]:
    """Health of every known platform (never-scraped ones included, with no attempt)."""
    rows = {h.platform: h for h in await q.list_platform_health(res.db.reader())}
    return [rows.get(name) or PlatformHealth(name, None, None, None, 0, 0) for name in PLATFORMS]
