"""Use cases for maintainers: deep health, figures, scrapes on demand, the daily report, metrics.

Shared by the admin chat commands (bot/core/admin.py), the admin HTTP routes and the worker.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from arq.connections import ArqRedis
from arq.constants import default_queue_name

from shared.alerts import Alerts
from shared.alerts.render import escape, render_duration
from shared.alerts.report import render_chart, render_figures, report_window
from shared.alerts.watch import MonitorDeps, heartbeat_age
from shared.db import alerts as aq
from shared.db import contests as cq
from shared.db.pools import Database
from shared.jobs import enqueue_scrape, enqueue_sync_all
from shared.metrics import Metrics
from shared.models import PlatformHealth
from shared.platforms.registry import PLATFORMS

log = logging.getLogger(__name__)

CHECK_TIMEOUT = 3.0
SCRAPE_WAIT = 120.0
SCRAPE_POLL = 0.5


class HealthDeps(MonitorDeps, Protocol):
    """What `deep_health` asks: what the monitor checks (the databases, Valkey and the worker's
    heartbeat in it, the bots' alert states), and the queue."""

    @property
    def arq(self) -> ArqRedis: ...


@dataclass
class HealthReport:
    """A deep check: each part with ok and a short detail."""

    checks: list[tuple[str, bool, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Every check passed."""
        return all(ok for _, ok, _ in self.checks)

    def add(self, name: str, ok: bool, detail: str) -> None:
        """Record one part."""
        self.checks.append((name, ok, detail))

    def to_json(self) -> dict[str, Any]:
        """For POST /health."""
        return {
            "status": "ok" if self.ok else "failing",
            "checks": [{"name": n, "ok": ok, "detail": d} for n, ok, d in self.checks],
        }

    def render(self) -> str:
        """For /health in the group (plain text)."""
        lines = ["Health: " + ("all good" if self.ok else "PROBLEMS")]
        lines += [f"{'✅' if ok else '❌'} {name}: {detail}" for name, ok, detail in self.checks]
        return "\n".join(lines)


async def _timed(check: Any) -> tuple[bool, str, float]:
    started = time.monotonic()
    try:
        async with asyncio.timeout(CHECK_TIMEOUT):
            detail = await check
    except Exception as exc:  # boundary: a failing dependency is the answer, not an error
        return False, type(exc).__name__, time.monotonic() - started
    return True, str(detail), time.monotonic() - started


async def deep_health(  # noqa: C901 - one flat check after another, each with its own message
    deps: HealthDeps, now: datetime | None = None
) -> HealthReport:
    """PostgreSQL (a write on the primary, each replica), Valkey, worker heartbeat and queue,
    each bot's API (as its process last saw it), each platform's last scrape."""
    now = now or datetime.now(UTC)
    report = HealthReport()

    async def primary() -> str:
        await aq.check_write(deps.db.write)
        return "accepts writes"

    ok, detail, took = await _timed(primary())
    report.add("PostgreSQL primary", ok, f"{detail} ({took * 1000:.0f} ms)")
    for index, pool in enumerate(deps.db.reads, start=1):
        ok, detail, took = await _timed(aq.check_read(pool))
        report.add(
            f"PostgreSQL replica {index}", ok, f"{'reads' if ok else detail} ({took * 1000:.0f} ms)"
        )

    async def valkey() -> str:
        await deps.valkey.ping()
        return "answers"

    ok, detail, took = await _timed(valkey())
    report.add("Valkey", ok, f"{detail} ({took * 1000:.0f} ms)")

    async def worker() -> str:
        age = await heartbeat_age(deps.valkey)
        depth = await deps.arq.zcard(default_queue_name)
        if age is None:
            raise LookupError("no worker heartbeat recorded")
        if age > deps.settings.WORKER_HEARTBEAT_MAX_SECONDS:
            raise TimeoutError(f"last heartbeat {render_duration(timedelta(seconds=age))} ago")
        return f"heartbeat {age:.0f} s ago, {depth} job(s) queued"

    try:
        async with asyncio.timeout(CHECK_TIMEOUT):
            detail = await worker()
        report.add("worker", True, detail)
    except (LookupError, TimeoutError) as exc:
        report.add("worker", False, str(exc) or type(exc).__name__)
    except Exception as exc:  # boundary: Valkey away is reported above; name it here too
        report.add("worker", False, type(exc).__name__)

    try:
        states = await deps.alerts.current()
    except Exception:  # boundary: Valkey away, already reported
        states = {}
    for chat_platform in ("telegram", "discord"):
        configured = (
            deps.settings.TELEGRAM_BOT_TOKEN
            if chat_platform == "telegram"
            else deps.settings.DISCORD_BOT_TOKEN
        )
        if configured is None:
            continue
        state = states.get(f"bot:{chat_platform}", {}).get("state")
        if state == "firing":
            report.add(f"{chat_platform} bot", False, "cannot reach its API")
        elif state == "resolved":
            report.add(f"{chat_platform} bot", True, "reaches its API")
        else:
            report.add(f"{chat_platform} bot", True, "no failure reported")

    health = {h.platform: h for h in await _platform_health(deps.db)}
    stale = timedelta(minutes=deps.settings.SCRAPE_INTERVAL_MINUTES * 3)
    for name, platform in PLATFORMS.items():
        h = health.get(name)
        if h is None or h.last_attempt_at is None:
            report.add(platform.label, True, "not scraped yet")
            continue
        ago = render_duration(now - h.last_attempt_at)
        if not h.ok:
            report.add(
                platform.label,
                False,
                f"failing ×{h.consecutive_failures} ({ago} ago): {h.last_error}",
            )
        elif h.last_success_at is not None and now - h.last_success_at > stale:
            report.add(platform.label, False, f"last success {ago} ago")
        else:
            report.add(platform.label, True, f"ok {ago} ago, {h.contests_seen} listed")
    return report


async def _platform_health(db: Database) -> list[PlatformHealth]:
    try:
        return await cq.list_platform_health(db.write)
    except Exception:  # boundary: PostgreSQL away, already reported
        return []


async def render_stats(
    db: Database, arq: ArqRedis, alerts: Alerts, now: datetime | None = None
) -> str:
    """/stats: the last 24 hours in figures (HTML-free plain text), plus queue and alerts."""
    now = now or datetime.now(UTC)
    figures = await aq.get_figures(db.reader(), now - timedelta(hours=24), now)
    depth = await arq.zcard(default_queue_name)
    firing = [n for n, s in (await alerts.current()).items() if s.get("state") == "firing"]
    upcoming = sum(figures.upcoming_by_platform.values())
    scrapes_ok = sum(r.get("ok", 0) for r in figures.scrapes.values())
    scrapes_failed = sum(r.get("failed", 0) + r.get("guard", 0) for r in figures.scrapes.values())
    syncs = sum(figures.syncs.values())
    sync_failures = syncs - figures.syncs.get("ok", 0)
    lines = [
        "Stats (last 24 h)",
        f"Users: {figures.users} (calendars connected: {figures.connected}, "
        f"revoked: {figures.revoked})",
        f"Upcoming contests: {upcoming} — "
        + ", ".join(
            f"{PLATFORMS[p].label if p in PLATFORMS else p} {n}"
            for p, n in sorted(figures.upcoming_by_platform.items())
        ),
        f"Scrapes: {scrapes_ok} ok, {scrapes_failed} failed",
        f"Syncs: {syncs} ({sync_failures} failed or partial)",
        f"Notices: {figures.notices_sent} sent, {figures.notices_pending} waiting",
        f"Alerts: {figures.alerts_sent} sent, {figures.alerts_pending} waiting; "
        f"firing now: {', '.join(sorted(firing)) or 'none'}",
        f"Queue: {depth} job(s) waiting",
    ]
    return "\n".join(lines)


def render_scrape_table(rows: list[PlatformHealth], since: datetime) -> str:
    """The /scrape answer: one line per platform with its outcome since `since`."""
    lines = ["platform        result   listed  error"]
    for h in rows:
        done = h.last_attempt_at is not None and h.last_attempt_at >= since
        result = ("ok" if h.ok else "failed") if done else "waiting"
        label = PLATFORMS[h.platform].label if h.platform in PLATFORMS else h.platform
        error = (h.last_error or "")[:60] if done and not h.ok else ""
        lines.append(f"{label:<15} {result:<8} {h.contests_seen:>6}  {error}".rstrip())
    return "\n".join(lines)


async def scrape_now(arq: ArqRedis, names: list[str]) -> int:
    """Queue scrapes through the worker; returns how many were newly queued."""
    queued = 0
    for name in names:
        if await enqueue_scrape(arq, name) is not None:
            queued += 1
    return queued


async def wait_for_scrapes(
    db: Database, names: list[str], since: datetime, wait: float = SCRAPE_WAIT
) -> tuple[list[PlatformHealth], bool]:
    """Poll platform_health until each platform was attempted after `since` (or time runs out)."""
    deadline = time.monotonic() + wait
    while True:
        rows = [h for h in await cq.list_platform_health(db.write) if h.platform in names]
        attempted = {h.platform for h in rows if h.last_attempt_at and h.last_attempt_at >= since}
        if attempted >= set(names) or time.monotonic() >= deadline:
            known = {h.platform for h in rows}
            rows += [PlatformHealth(n, None, None, None, 0, 0) for n in names if n not in known]
            order = list(PLATFORMS)
            rows.sort(key=lambda h: order.index(h.platform) if h.platform in order else 99)
            return rows, attempted >= set(names)
        await asyncio.sleep(SCRAPE_POLL)


async def sync_everyone(arq: ArqRedis) -> bool:
    """Queue the fan-out that syncs every connected user (through the worker)."""
    return await enqueue_sync_all(arq) is not None


async def send_daily_report(db: Database, alerts: Alerts, now: datetime | None = None) -> bool:
    """Figures of the last 24 h and a 7-day chart, to the maintainers' group."""
    now = now or datetime.now(UTC)
    since, first_day = report_window(now)
    figures = await aq.get_figures(db.reader(), since, now)
    health = await cq.list_platform_health(db.reader())
    history = await aq.get_history(db.reader(), first_day.date(), 7)
    png = await asyncio.to_thread(render_chart, history)
    text = render_figures(figures, health, alerts.node, now, title="Daily report")
    caption = f"📈 <b>ContestSync, last 7 days</b> — {escape(alerts.node)}"
    await alerts.send_photo(png, caption, text)
    log.info("daily report built (%d bytes of chart)", len(png))
    return True


async def refresh_gauges(db: Database, arq: ArqRedis, metrics: Metrics) -> None:
    """Gauges read at scrape time: queue depth and contests by platform and state."""
    try:
        metrics.queue_depth.set(await arq.zcard(default_queue_name))
    except Exception as exc:  # boundary: /metrics answers even when Valkey is away
        log.warning("queue depth unavailable: %s", type(exc).__name__)
    try:
        rows = await aq.count_contests_by_state(db.reader(), datetime.now(UTC))
    except Exception as exc:  # boundary: and when PostgreSQL is away
        log.warning("contest counts unavailable: %s", type(exc).__name__)
        return
    metrics.contests.clear()
    for platform, state, count in rows:
        metrics.contests.labels(platform, state).set(count)
