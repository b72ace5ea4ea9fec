"""What maintainers are alerted about: the hooks the scrape, sync and bots call, and the monitor.

Hooks (`note_scrape`, `note_sync`, `note_bot_api`) are synchronous and cheap: they bump metrics and
hand the rest (rows for the daily report, state checks) to `Alerts.spawn`. The monitor runs in
every long-running process and checks what no single event reveals: platforms not scraped
successfully for more than 3 intervals, a worker whose cron stopped (heartbeat), the share of
failed calendar syncs and Google's 429/quota answers over a window, and each bot's API.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

import asyncpg
from redis.exceptions import RedisError

from shared.aio import cancel_and_wait
from shared.alerts.render import render_duration
from shared.cache import keys as cache_keys
from shared.cache.breaker import log_valkey_failure
from shared.db import alerts as aq
from shared.db import contests as cq
from shared.models import SyncOutcome
from shared.platforms.registry import PLATFORMS

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from shared.alerts import Alerts
    from shared.config import Settings
    from shared.db.pools import Database
    from shared.metrics import Metrics
    from shared.services.scrape import ScrapeResult
    from shared.services.sync import SyncResult

log = logging.getLogger(__name__)

STALE_INTERVALS = 3
SYNC_CHECK_EVERY = 5.0  # seconds between sync-window checks triggered by finished syncs
# A good sync says "grants decrypt" to the encryption_key alert state; while this process last
# stored it as such, it is stored again at most this often (not one Valkey script per sync).
KEY_RECHECK_EVERY = 30.0
Probe = Callable[[], Awaitable[None]]


class SyncWatchDeps(Protocol):
    """What `note_sync` reads: metrics now, then the run's row and the sync alerts."""

    @property
    def settings(self) -> Settings: ...
    @property
    def db(self) -> Database: ...
    @property
    def metrics(self) -> Metrics: ...
    @property
    def alerts(self) -> Alerts: ...


class MonitorDeps(Protocol):
    """What the `Monitor`'s checks read."""

    @property
    def settings(self) -> Settings: ...
    @property
    def db(self) -> Database: ...
    @property
    def valkey(self) -> Redis: ...
    @property
    def alerts(self) -> Alerts: ...


def platform_label(name: str) -> str:
    """The platform's display name."""
    platform = PLATFORMS.get(name)
    return platform.label if platform is not None else name


# ---------------------------------------------------------------- scrapes


def note_scrape(db: Database, metrics: Metrics, alerts: Alerts, result: ScrapeResult) -> None:
    """After every scrape: metrics now; the run's row and the platform's alert states off-path."""
    outcome = "guard" if result.guard else result.status.value
    metrics.scrapes.labels(result.platform, outcome).inc()
    metrics.scrape_duration.labels(result.platform).observe(result.duration_ms / 1000)
    alerts.spawn(_after_scrape(db, alerts, result, outcome))


async def _after_scrape(db: Database, alerts: Alerts, result: ScrapeResult, outcome: str) -> None:
    await aq.insert_scrape_run(
        db.write,
        result.platform,
        outcome,
        listed=result.listed,
        created=len(result.created),
        changed=len(result.changed),
        cancelled=len(result.cancelled),
        error=result.error,
        duration_ms=result.duration_ms,
    )
    label = platform_label(result.platform)
    if result.guard:
        await alerts.report(
            f"guard:{result.platform}",
            True,
            f"{label}: the drop-to-zero guard tripped",
            f"{result.error}\nContests are kept as they were until it lists some again.",
        )
        return
    if outcome == "failed":
        await alerts.report(
            f"platform:{result.platform}",
            True,
            f"{label} scrapes are failing",
            f"cause: {result.error}",
        )
        return
    summary = (
        f"{result.listed} contests listed now: {len(result.created)} new, "
        f"{len(result.changed)} changed, {len(result.cancelled)} cancelled"
    )
    await alerts.report(
        f"platform:{result.platform}",
        False,
        f"{label} scrapes recovered",
        summary,
        count_noun="failed scrapes",
    )
    await alerts.report(
        f"guard:{result.platform}",
        False,
        f"{label} lists contests again (drop-to-zero guard cleared)",
        summary,
        count_noun="guarded scrapes",
    )
    await alerts.report(
        f"stale:{result.platform}", False, f"{label} is scraped successfully again", summary
    )


# ---------------------------------------------------------------- syncs

_FIVE_XX = re.compile(r"answered 5\d\d")
# (test on the error text, cause), first match wins.
_SYNC_CAUSES: tuple[tuple[Callable[[str], bool], str], ...] = (
    (lambda text: "ENCRYPTION_KEY" in text, "stored grant unreadable (ENCRYPTION_KEY)"),
    (
        lambda text: " 429" in text or "ateLimitExceeded" in text or "quota" in text.lower(),
        "Google quota (429)",
    ),
    (lambda text: _FIVE_XX.search(text) is not None, "Google 5xx"),
    (lambda text: "still failing" in text, "Google kept failing (retries spent)"),
    (lambda text: "token refresh" in text, "Google token endpoint"),
    (lambda text: "lock lost" in text, "sync lock lost"),
)


def classify_sync_failure(status: SyncOutcome, error: str | None) -> str:
    """The cause of a failed sync, in a maintainer's words (pure)."""
    if status is SyncOutcome.REVOKED:
        return "revoked grant"
    text = error or ""
    return next((cause for matches, cause in _SYNC_CAUSES if matches(text)), "other")


def note_sync(deps: SyncWatchDeps, result: SyncResult, seconds: float) -> None:
    """After every calendar sync: metrics now; the run's row and the sync alerts off-path."""
    deps.metrics.syncs.labels(result.status).inc()
    if result.status.did_work:
        deps.metrics.sync_duration.observe(seconds)
    deps.alerts.spawn(_after_sync(deps.settings, deps.db, deps.alerts, result, seconds))


async def _after_sync(
    settings: Settings, db: Database, alerts: Alerts, result: SyncResult, seconds: float
) -> None:
    ok = result.status is SyncOutcome.OK
    cause = None if ok else classify_sync_failure(result.status, result.error)
    unreadable = cause == "stored grant unreadable (ENCRYPTION_KEY)"
    if unreadable or ok:
        # A wrong key never wipes a grant (the sync fails and keeps the row), so say it loudly.
        alerts.set_state(
            "encryption_key",
            unreadable,
            "Stored Google grants do not decrypt"
            if unreadable
            else "Stored Google grants decrypt again",
            "ENCRYPTION_KEY (and ENCRYPTION_OLD_KEYS) open no stored grant of a user being "
            "synced; those syncs fail and nothing is changed until the right key is set."
            if unreadable
            else "",
            recheck_every=KEY_RECHECK_EVERY,
        )
    if not result.run_recorded:  # a sync that ran to its end wrote its row as it finished
        await aq.insert_sync_run(
            db.write, result.user_id, result.status, cause, result.counts(), int(seconds * 1000)
        )
    # The window's figures are one aggregate query: during a daily fan-out of thousands of syncs
    # a process runs it at most every few seconds (the monitor runs it too).
    if result.status.did_work and alerts.due("check_syncs", SYNC_CHECK_EVERY):
        await check_syncs(settings, db, alerts)


async def check_syncs(
    settings: Settings, db: Database, alerts: Alerts, now: datetime | None = None
) -> None:
    """Failed syncs above the threshold over the window, and Google's 429s, as alert states."""
    now = now or datetime.now(UTC)
    window = timedelta(minutes=settings.SYNC_ALERT_WINDOW_MINUTES)
    stats = await aq.get_sync_window(db.write, now - window)
    share = stats.failed / stats.total if stats.total else 0.0
    failing = stats.total >= settings.SYNC_ALERT_MIN_SYNCS and share >= settings.SYNC_ALERT_SHARE
    causes = ", ".join(f"{cause} ×{n}" for cause, n in stats.causes[:3]) or "none"
    span = render_duration(window)
    await alerts.report(
        "syncs:failing",
        failing,
        "Calendar syncs are failing" if failing else "Calendar syncs are healthy again",
        f"{stats.failed} of {stats.total} syncs failed in the last {span} ({share:.0%})"
        + (f"\ntop causes: {causes}" if failing else ""),
        count_noun="checks over the threshold",
    )
    throttled = stats.throttled > 0
    await alerts.report(
        "google:quota",
        throttled,
        "Google is answering 429 / quota errors" if throttled else "Google quota errors stopped",
        f"{stats.throttled} calls throttled in the last {span}" if throttled else "",
        count_noun="checks with throttled calls",
    )


# ---------------------------------------------------------------- bots


def note_bot_api(alerts: Alerts, chat_platform: str, ok: bool, cause: str = "") -> None:
    """A chat bot reached (or could not reach) its API."""
    name = chat_platform.capitalize()
    alerts.set_state(
        f"bot:{chat_platform}",
        not ok,
        f"The {name} bot cannot reach its API"
        if not ok
        else f"The {name} bot reaches its API again",
        f"cause: {cause}" if cause and not ok else "",
    )


def note_node(alerts: Alerts, role: str, started: bool) -> None:
    """A process started or is stopping: one message each, per process (its pid names it, so a
    restart after a crash is told too; a process that died unannounced shows in the heartbeat)."""
    node, pid = alerts.node, os.getpid()
    what = "started" if started else "stopping"
    alerts.event(f"node:{node}:{role}:{pid}", f"{role} {what} on {node}", f"process {pid}")


# ---------------------------------------------------------------- heartbeat and monitor


async def beat(valkey: Redis) -> None:
    """The worker's cron ran: record when (the monitor checks it)."""
    await valkey.set(cache_keys.worker_heartbeat(), str(time.time()), ex=cache_keys.HEARTBEAT_TTL)


async def heartbeat_age(valkey: Redis) -> float | None:
    """Seconds since a worker's cron last ran; None when no heartbeat was ever recorded."""
    raw = await valkey.get(cache_keys.worker_heartbeat())
    if raw is None:
        return None
    try:
        return max(0.0, time.time() - float(raw))
    except ValueError:
        return None


async def check_heartbeat(settings: Settings, valkey: Redis, alerts: Alerts, uptime: float) -> None:
    """Alert when no worker ran its cron for longer than WORKER_HEARTBEAT_MAX_SECONDS."""
    limit = settings.WORKER_HEARTBEAT_MAX_SECONDS
    age = await heartbeat_age(valkey)
    if age is None and uptime < limit:
        return  # just started: a worker may not have run yet
    missing = age is None or age > limit
    await alerts.report(
        "worker:heartbeat",
        missing,
        "No worker is running its cron" if missing else "A worker runs its cron again",
        (
            "no heartbeat ever recorded"
            if age is None
            else f"last heartbeat {render_duration(timedelta(seconds=age))} ago"
        )
        if missing
        else "",
    )


async def check_stale(
    settings: Settings, db: Database, alerts: Alerts, now: datetime | None = None
) -> None:
    """Platforms not scraped successfully for more than 3 scrape intervals."""
    now = now or datetime.now(UTC)
    limit = timedelta(minutes=settings.SCRAPE_INTERVAL_MINUTES * STALE_INTERVALS)
    for health in await cq.list_platform_health(db.write):
        last = health.last_success_at
        if last is None:
            if health.last_attempt_at is None or now - health.last_attempt_at <= limit:
                continue
            stale, detail = True, "never scraped successfully"
        else:
            stale = now - last > limit
            detail = f"last success {render_duration(now - last)} ago"
        if not stale:
            continue  # cleared by the next successful scrape (note_scrape)
        label = platform_label(health.platform)
        await alerts.report(
            f"stale:{health.platform}",
            True,
            f"{label} has not been scraped successfully for over {STALE_INTERVALS} intervals",
            f"{detail}; last error: {health.last_error or 'none'}",
        )


async def check_probes(alerts: Alerts, probes: dict[str, Probe]) -> None:
    """Each bot's API, asked by the process that runs the bot."""
    for chat_platform, probe in probes.items():
        try:
            await probe()
        except Exception as exc:  # boundary: any failure means the API is out of reach
            note_bot_api(alerts, chat_platform, False, type(exc).__name__)
        else:
            note_bot_api(alerts, chat_platform, True)


class Monitor:
    """Runs the periodic checks every ALERT_CHECK_SECONDS until stopped."""

    def __init__(self, deps: MonitorDeps, probes: dict[str, Probe] | None = None) -> None:
        self.deps = deps
        self.probes = dict(probes or {})
        self._started = time.monotonic()
        self._task: asyncio.Task[None] | None = None

    async def check_once(self) -> None:
        """Every check once; a failing check is logged and the others still run."""
        deps = self.deps
        checks: list[Awaitable[None]] = [
            check_stale(deps.settings, deps.db, deps.alerts),
            check_heartbeat(
                deps.settings, deps.valkey, deps.alerts, time.monotonic() - self._started
            ),
            check_syncs(deps.settings, deps.db, deps.alerts),
            check_probes(deps.alerts, self.probes),
        ]
        for check in checks:
            try:
                await check
            except (asyncpg.PostgresError, asyncpg.InterfaceError, RedisError, OSError) as exc:
                log_valkey_failure(log, exc, "alert check skipped")

    def start(self) -> None:
        """Start the loop in the background."""
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        interval = self.deps.settings.ALERT_CHECK_SECONDS
        while True:
            await asyncio.sleep(interval)
            try:
                await self.check_once()
            except Exception:  # boundary: the monitor outlives a bad check
                log.exception("alert checks failed")

    async def stop(self) -> None:
        """Stop the loop (and the check it may be in)."""
        if self._task is not None:
            await cancel_and_wait(self._task)
