"""The scrape pipeline of one platform: fetch, parse, then one transaction of upserts and misses."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Protocol

from redis.asyncio import Redis

from shared.alerts import Alerts
from shared.alerts.watch import note_scrape
from shared.cache import drop
from shared.cache import keys as cache_keys
from shared.config import Settings
from shared.db import contests as q
from shared.db import users as uq
from shared.db.pools import Database
from shared.errors import PlatformError
from shared.metrics import Metrics
from shared.platforms.base import EntriesUnreadableError
from shared.platforms.http import PlatformClient
from shared.platforms.registry import Platform
from shared.services.feeds import bump_feeds_generation

log = logging.getLogger(__name__)

# Below this many upcoming contests a drop to zero is plausible; from it on, a scraper broke.
DROP_GUARD_MIN = 3


class ScrapeDeps(Protocol):
    """What a scrape reaches: the platform's address and client, the database, the cached
    contests and feeds in Valkey, and the metrics and alerts it reports to."""

    @property
    def settings(self) -> Settings: ...
    @property
    def platforms(self) -> PlatformClient: ...
    @property
    def db(self) -> Database: ...
    @property
    def valkey(self) -> Redis: ...
    @property
    def metrics(self) -> Metrics: ...
    @property
    def alerts(self) -> Alerts: ...


class ScrapeStatus(StrEnum):
    """How a scrape ended."""

    OK = "ok"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ScrapeResult:
    """What one scrape did, by contest row id; `changed` and `cancelled` drive calendar syncs."""

    platform: str
    status: ScrapeStatus
    listed: int = 0
    entries: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    created: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)
    cancelled: list[int] = field(default_factory=list)
    error: str | None = None
    duration_ms: int = 0
    guard: bool = False  # the drop-to-zero guard refused the scrape

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (arq job results are serialised)."""
        return {
            "platform": self.platform,
            "status": self.status.value,
            "listed": self.listed,
            "entries": self.entries,
            "skipped": self.skipped,
            "created": self.created,
            "changed": self.changed,
            "cancelled": self.cancelled,
            "error": self.error,
            "duration_ms": self.duration_ms,
            "guard": self.guard,
        }


async def scrape_platform(
    deps: ScrapeDeps, platform: Platform, now: datetime | None = None
) -> ScrapeResult:
    """Fetch and parse one platform, then record contests in one transaction (DESIGN §5 Scrape)."""
    started = time.monotonic()
    url = deps.settings.platform_url(platform.name)
    try:
        payload = await platform.fetch(deps.platforms, url)
        now = now or datetime.now(UTC)
        parsed = platform.read(payload, now)
    except EntriesUnreadableError as exc:
        # Recorded with the health: the page shows "23 of 23 entries skipped" beside the error.
        unreadable = await _fail(
            deps.db,
            platform.name,
            now or datetime.now(UTC),
            exc.cause,
            started,
            entries=exc.entries,
            skipped=exc.skipped,
        )
        note_scrape(deps.db, deps.metrics, deps.alerts, unreadable)  # alerts and metrics
        return unreadable
    except PlatformError as exc:
        failed = await _fail(deps.db, platform.name, now or datetime.now(UTC), exc.cause, started)
        note_scrape(deps.db, deps.metrics, deps.alerts, failed)  # alerts and metrics
        return failed
    contests = parsed.contests
    if parsed.skipped:
        log.warning(
            "%s: skipped %d of %d entries: %s",
            platform.name,
            parsed.skipped_count,
            parsed.entries,
            "; ".join(f"{n} {reason}" for reason, n in parsed.skipped.items()),
        )

    upcoming_listed = sum(1 for c in contests if c.starts_at > now)
    async with deps.db.write.acquire() as conn, conn.transaction():
        await q.lock_platform(conn, platform.name)
        known_upcoming = await q.count_upcoming(conn, platform.name, now)
        if upcoming_listed == 0 and known_upcoming >= DROP_GUARD_MIN:
            guard = True
        else:
            guard = False
            outcome = await q.upsert_contests(conn, platform.name, contests, now)
            cancelled = await q.count_misses(
                conn,
                platform.name,
                [c.external_id for c in contests],
                now,
                deps.settings.PRUNE_AFTER_MISSES,
            )
            if outcome.created or outcome.changed or cancelled:
                # Durable: whoever scraped (worker, `contestsync scrape`, an admin), the
                # affected calendars are marked in this transaction; the sweeper syncs them.
                await uq.mark_users_affected_by(
                    conn,
                    [*outcome.changed, *cancelled],
                    [platform.name] if outcome.created or outcome.changed else [],
                )
            await q.record_success(
                conn,
                platform.name,
                now,
                len(contests),
                _ms(started),
                entries=parsed.entries,
                skipped=parsed.skipped,
            )
    if guard:
        cause = f"listed no upcoming contests where {known_upcoming} were known; nothing changed"
        guarded = await _fail(deps.db, platform.name, now, cause, started, guard=True)
        note_scrape(deps.db, deps.metrics, deps.alerts, guarded)  # alerts and metrics
        return guarded

    await drop(deps.valkey, cache_keys.contests(platform.name))
    if outcome.created or outcome.changed or cancelled:
        await bump_feeds_generation(deps.valkey)
    result = ScrapeResult(
        platform=platform.name,
        status=ScrapeStatus.OK,
        listed=len(contests),
        entries=parsed.entries,
        skipped=parsed.skipped,
        created=outcome.created,
        changed=outcome.changed,
        cancelled=cancelled,
        duration_ms=_ms(started),
    )
    note_scrape(deps.db, deps.metrics, deps.alerts, result)  # alerts and metrics
    log.info(
        "scraped %s: %d listed, %d new, %d changed, %d cancelled",
        platform.name,
        result.listed,
        len(result.created),
        len(result.changed),
        len(result.cancelled),
    )
    return result


async def _fail(
    db: Database,
    platform: str,
    now: datetime,
    cause: str,
    started: float,
    entries: int | None = None,
    skipped: dict[str, int] | None = None,
    guard: bool = False,
) -> ScrapeResult:
    failures = await q.record_failure(
        db.write, platform, now, cause, _ms(started), entries=entries, skipped=skipped
    )
    log.warning("scrape of %s failed (%d in a row): %s", platform, failures, cause)
    return ScrapeResult(
        platform=platform,
        status=ScrapeStatus.FAILED,
        entries=entries or 0,
        skipped=skipped or {},
        error=cause,
        duration_ms=_ms(started),
        guard=guard,
    )


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
