"""arq job bodies: small orchestration over `shared`."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TypedDict, cast

from arq.connections import ArqRedis
from arq.worker import Retry
from redis.exceptions import RedisError

from shared.alerts import watch
from shared.db import alerts as aq
from shared.db import approvals, cleanups, links, notices
from shared.db import deliveries as dq
from shared.db import users as uq
from shared.db.pools import is_database_outage
from shared.delivery.engine import run_deliveries
from shared.delivery.events import sync_guild_events
from shared.jobs import enqueue_cleanup, enqueue_scrape, enqueue_sync, enqueue_sync_retry
from shared.messaging.posts import build_events_api, build_posters
from shared.models import SyncOutcome
from shared.platforms.registry import PLATFORMS, get_platform
from shared.resources import Resources
from shared.services import grants, maintainers, sync
from shared.services.scrape import ScrapeStatus
from shared.services.scrape import scrape_platform as run_scrape

log = logging.getLogger(__name__)

# What a sync really needs at worst: MAX_ROUNDS rounds of batches with backoff capped at
# BACKOFF_MAX (or a Retry-After as long) between them, plus the calls themselves. A sync that
# is still running then is cancelled (and records `failed`).
SYNC_JOB_TIMEOUT = (sync.MAX_ROUNDS - 1) * int(sync.BACKOFF_MAX) + 60
BUSY_RETRY_SECONDS = 5
# A busy user's lock is held by a healthy sync for at most SYNC_JOB_TIMEOUT, and by a dead
# worker's sync for at most the lock's short TTL: wait for longer than the first.
SYNC_MAX_TRIES = SYNC_JOB_TIMEOUT // BUSY_RETRY_SECONDS + 10
# A sync that Google failed (outage, rate limits to the end) gets later chances, this far apart.
FAILED_SYNC_RETRY_SECONDS = (60, 5 * 60, 20 * 60)


@dataclass
class JobStats:
    """Outcomes this worker process saw that arq does not count as failures (a scrape that
    failed is a job that ended well), for the health answer."""

    scrapes_ok: int = 0
    scrapes_failed: int = 0
    failing_platforms: set[str] = field(default_factory=set)


class WorkerContext(TypedDict, total=False):
    """What the dict arq hands every job (its `ctx`) holds: ours — the process's resources,
    placed there at start-up by the composition root, and the job statistics — and arq's own
    keys. arq types `ctx` as a plain dict (`Ctx`); `context(ctx)` reads it as this."""

    res: Resources
    stats: JobStats
    redis: ArqRedis
    job_id: str
    job_try: int
    enqueue_time: datetime
    score: int


# The job's `ctx` as arq declares it (its WorkerCoroutine protocol takes a plain dict).
Ctx = dict[Any, Any]


def context(ctx: Ctx) -> WorkerContext:
    """The arq context read with its keys typed."""
    return cast(WorkerContext, ctx)


def job_stats(ctx: Ctx) -> JobStats:
    """The process's job statistics, created on first use."""
    return context(ctx).setdefault("stats", JobStats())


def resources(ctx: Ctx) -> Resources:
    """The process's resources, placed in the arq context by the composition root."""
    return context(ctx)["res"]


async def schedule_scrapes(ctx: Ctx) -> int:
    """Cron fan-out: queue one scrape per platform; returns how many were queued."""
    res = resources(ctx)
    queued = 0
    for name in PLATFORMS:
        if await enqueue_scrape(res.arq, name) is not None:
            queued += 1
    log.info("queued %d platform scrapes", queued)
    return queued


# A scrape that PostgreSQL failed (a restart) is tried again this soon, doubling, up to the
# job's tries: about two and a half minutes in all, rather than at the next cron round.
SCRAPE_MAX_TRIES = 6
SCRAPE_RETRY_FIRST = 5
SCRAPE_RETRY_MAX = 80


async def scrape_platform(ctx: Ctx, platform: str) -> dict[str, object]:
    """Scrape one platform, then queue syncs for the users its changes affect."""
    res = resources(ctx)
    try:
        result = await run_scrape(res, get_platform(platform))
    except Exception as exc:
        if not is_database_outage(exc):
            raise
        job_try = context(ctx).get("job_try", 1)
        if job_try >= SCRAPE_MAX_TRIES:
            log.warning(
                "scrape of %s failed %d times: PostgreSQL unavailable (%s); the next round "
                "scrapes it",
                platform,
                job_try,
                type(exc).__name__,
            )
            stats = job_stats(ctx)
            stats.scrapes_failed += 1
            stats.failing_platforms.add(platform)
            return {"platform": platform, "status": "failed", "error": "database unavailable"}
        delay = min(SCRAPE_RETRY_FIRST * 2 ** (job_try - 1), SCRAPE_RETRY_MAX)
        log.warning(
            "scrape of %s stopped: PostgreSQL unavailable (%s); trying again in %d s",
            platform,
            type(exc).__name__,
            delay,
        )
        raise Retry(defer=delay) from None
    stats = job_stats(ctx)
    if result.status is ScrapeStatus.OK:
        stats.scrapes_ok += 1
        stats.failing_platforms.discard(platform)
    else:
        stats.scrapes_failed += 1
        stats.failing_platforms.add(platform)
    if result.status is ScrapeStatus.OK and (result.created or result.changed or result.cancelled):
        users = await uq.list_users_affected_by(
            res.db.write,
            result.changed + result.cancelled,
            [platform] if result.created or result.changed else [],
        )
        for user_id in users:
            await enqueue_sync(res.arq, user_id)
        log.info("%s changes queued syncs for %d users", platform, len(users))
    return result.to_json()


async def schedule_syncs(ctx: Ctx) -> int:
    """Daily cron fan-out: queue a calendar sync for every connected user."""
    res = resources(ctx)
    queued = 0
    for user_id in await uq.list_active_user_ids(res.db.reader()):
        if await enqueue_sync(res.arq, user_id) is not None:
            queued += 1
    log.info("queued %d calendar syncs", queued)
    return queued


async def sync_user_calendar(
    ctx: Ctx, user_id: int, attempt: int = 0, swept: bool = False
) -> dict[str, object]:
    """Bring one user's calendar in step; returns counts created/updated/deleted/failed.

    `attempt` counts the later tries of a sync that Google failed (0 for a first sync); a
    `swept` sync (queued by the sweeper) does nothing when the user's mark is gone by now.
    """
    res = resources(ctx)
    if swept and await uq.get_sync_wanted(res.db.write, user_id) is None:
        log.debug("sync of user %d: already done since it was swept", user_id)
        return sync.SyncResult(user_id, SyncOutcome.SKIPPED, error="nothing to do").to_json()
    started = time.monotonic()
    result = await sync.sync_user_calendar(res, user_id)
    watch.note_sync(res, result, time.monotonic() - started)  # alerts and metrics
    if result.status is SyncOutcome.BUSY:  # another sync of this user holds the lock: run after it
        raise Retry(defer=BUSY_RETRY_SECONDS)
    if result.status in (SyncOutcome.FAILED, SyncOutcome.PARTIAL) and attempt < len(
        FAILED_SYNC_RETRY_SECONDS
    ):
        delay = FAILED_SYNC_RETRY_SECONDS[attempt]
        await enqueue_sync_retry(res.arq, user_id, attempt + 1, delay)
        log.info("sync of user %d ended %s; trying again in %d s", user_id, result.status, delay)
    return result.to_json()


# A user whose last sync failed is left to the failed-sync retries for this long.
SWEEP_FAILED_PAUSE = timedelta(minutes=5)


async def sweep_sync_marks(ctx: Ctx) -> int:
    """Cron, every 10 s: queue a sync for every user marked as needing one (the durable path;
    queueing right after a scrape's commit is only the fast path)."""
    res = resources(ctx)
    queued = 0
    for user_id in await uq.list_sync_wanted(res.db.write, datetime.now(UTC) - SWEEP_FAILED_PAUSE):
        if await enqueue_sync(res.arq, user_id, again=False, swept=True) is not None:
            queued += 1
    if queued:
        log.info("queued %d calendar syncs for marked users", queued)
    return queued


# Notices older than this are not sent late any more (they would no longer make sense).
REDELIVER_WINDOW = timedelta(days=1)


async def deliver_notices(ctx: Ctx) -> int:
    """Cron, every minute: send the notices that were recorded while no chat sender ran."""
    res = resources(ctx)
    return await res.messenger.redeliver(datetime.now(UTC) - REDELIVER_WINDOW)


# A run stops claiming new batches after this long, so the minute's next run does not overlap.
DELIVERY_RUN_BUDGET = 50.0


async def deliver_contest_messages(ctx: Ctx) -> dict[str, int]:
    """Cron, every minute: contest reminders and announcements that are due, exactly once,
    edits of sent ones whose contest moved or was cancelled, and Discord servers' scheduled
    events (shared/delivery)."""
    res = resources(ctx)
    now = datetime.now(UTC)
    posters = build_posters(res.messenger.senders)
    result = await run_deliveries(
        res.db, posters, now, budget=DELIVERY_RUN_BUDGET, messenger=res.messenger
    )
    events = build_events_api(res.messenger.senders)
    if events is not None:  # Discord servers' scheduled events, kept like the calendar
        await sync_guild_events(res.db, events, now)
    return result.to_json()


async def clean_up_google(ctx: Ctx, cleanup_id: int) -> str:
    """One attempt at a recorded Google cleanup (revoke a grant, delete our calendar)."""
    attempt = await grants.carry_out_cleanup(resources(ctx), cleanup_id)
    return attempt.outcome.value


async def sweep_cleanups(ctx: Ctx) -> int:
    """Cron, every minute: queue every recorded Google cleanup that is due (durable backstop)."""
    res = resources(ctx)
    queued = 0
    for cleanup in await cleanups.list_due_cleanups(res.db.write, datetime.now(UTC)):
        if await enqueue_cleanup(res.arq, cleanup.id, cleanup.attempts) is not None:
            queued += 1
    if queued:
        log.info("queued %d Google cleanups", queued)
    return queued


# Retention: delivered notices may quote an email ("Connected as …"); keep them briefly.
NOTICE_RETENTION = timedelta(days=2)
UNSENT_NOTICE_RETENTION = timedelta(days=14)
FINISHED_CLEANUP_RETENTION = timedelta(days=30)


async def prune_expired(ctx: Ctx) -> int:
    """Housekeeping: expired links, states and link requests; old notices and cleanups."""
    db = resources(ctx).db.write
    now = datetime.now(UTC)
    cutoff = now - timedelta(hours=1)
    removed = await links.delete_expired(db, cutoff)
    removed += await approvals.delete_old_approvals(db, cutoff)
    removed += await notices.delete_old_notices(
        db, now - NOTICE_RETENTION, now - UNSENT_NOTICE_RETENTION
    )
    removed += await cleanups.delete_finished_cleanups(db, now - FINISHED_CLEANUP_RETENTION)
    return removed


# ---- maintainers (shared/alerts)


async def heartbeat(ctx: Ctx) -> int:
    """Cron every minute: record that cron runs, refresh gauges, deliver alerts kept for retry."""
    res = resources(ctx)
    try:
        await watch.beat(res.valkey)
    except (RedisError, OSError) as exc:  # the breaker already said Valkey is away
        log.debug("heartbeat not recorded: %s", type(exc).__name__)
    await maintainers.refresh_gauges(res.db, res.arq, res.metrics)
    return await res.alerts.drain()


async def send_daily_report(ctx: Ctx) -> bool:
    """Cron at DAILY_REPORT_HOUR: the daily report with its 7-day chart."""
    res = resources(ctx)
    return await maintainers.send_daily_report(res.db, res.alerts)


async def prune_runs(ctx: Ctx) -> int:
    """Housekeeping: scrape and sync runs, delivered alerts, daily digests and the reminders of
    contests over for more than 30 days."""
    cutoff = datetime.now(UTC) - timedelta(days=30)
    db = resources(ctx).db.write
    removed = await aq.delete_old_runs(db, cutoff) + await dq.delete_old_digests(db, cutoff)
    return removed + await dq.delete_old_deliveries(db, cutoff)
