"""Queries for maintainers: the alert outbox, scrape and sync runs, figures for /stats, reports."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from shared.db import Conn


@dataclass(frozen=True, slots=True)
class OutboxAlert:
    """An alert waiting for (or past) delivery to the maintainers' group."""

    id: int
    name: str
    state: str
    body: str
    created_at: datetime
    attempts: int


async def insert_alert(conn: Conn, name: str, state: str, body: str, *, muted: bool) -> int:
    """Keep an alert in the outbox (a muted one is kept as already handled); returns its id."""
    value = await conn.fetchval(
        """
        INSERT INTO alert_outbox (name, state, body, muted, sent_at)
        VALUES ($1, $2, $3, $4, CASE WHEN $4 THEN now() END) RETURNING id
        """,
        name,
        state,
        body,
        muted,
    )
    return int(value)


async def insert_sent_summary(conn: Conn, body: str, at: datetime) -> int:
    """Record a summary message (it counts against the per-minute limit like any message)."""
    value = await conn.fetchval(
        """
        INSERT INTO alert_outbox (name, state, body, sent_at)
        VALUES ('summary', 'summary', $1, $2) RETURNING id
        """,
        body,
        at,
    )
    return int(value)


async def list_unsent_alerts(conn: Conn, limit: int = 200) -> list[OutboxAlert]:
    """Alerts not delivered yet, oldest first."""
    rows = await conn.fetch(
        """
        SELECT id, name, state, body, created_at, attempts FROM alert_outbox
        WHERE sent_at IS NULL ORDER BY id LIMIT $1
        """,
        limit,
    )
    return [OutboxAlert(**dict(r)) for r in rows]


async def count_messages_since(conn: Conn, since: datetime) -> int:
    """Messages sent to the group since `since` (a folded alert is not a message of its own)."""
    value = await conn.fetchval(
        """
        SELECT count(*) FROM alert_outbox
        WHERE sent_at >= $1 AND NOT folded AND NOT muted
        """,
        since,
    )
    return int(value)


async def mark_alerts_sent(conn: Conn, ids: list[int], at: datetime, *, folded: bool) -> None:
    """Delivered (alone, or folded into a summary)."""
    await conn.execute(
        "UPDATE alert_outbox SET sent_at = $2, folded = $3 WHERE id = ANY($1::bigint[])",
        ids,
        at,
        folded,
    )


async def mark_alerts_failed(conn: Conn, ids: list[int], error: str) -> None:
    """A delivery attempt failed; the alerts stay queued."""
    await conn.execute(
        """
        UPDATE alert_outbox SET attempts = attempts + 1, last_error = $2
        WHERE id = ANY($1::bigint[])
        """,
        ids,
        error[:300],
    )


async def insert_scrape_run(
    conn: Conn,
    platform: str,
    outcome: str,
    *,
    listed: int,
    created: int,
    changed: int,
    cancelled: int,
    error: str | None,
    duration_ms: int,
) -> None:
    """Record how one scrape ended."""
    await conn.execute(
        """
        INSERT INTO scrape_runs
            (platform, outcome, listed, created, changed, cancelled, error, duration_ms)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        """,
        platform,
        outcome,
        listed,
        created,
        changed,
        cancelled,
        error[:300] if error else None,
        duration_ms,
    )


async def insert_sync_run(
    conn: Conn,
    user_id: int,
    outcome: str,
    cause: str | None,
    counts: dict[str, int],
    duration_ms: int,
) -> None:
    """Record how one calendar sync ended."""
    await conn.execute(
        """
        INSERT INTO sync_runs
            (user_id, outcome, cause, created, updated, deleted, failed, throttled, duration_ms)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """,
        user_id,
        outcome,
        cause,
        *sync_run_counts(counts),
        duration_ms,
    )


def sync_run_counts(counts: Mapping[str, int]) -> list[int]:
    """A `sync_runs` row's counts, in its column order (created, updated, deleted, failed,
    throttled); a missing one is 0."""
    return [
        counts.get(name, 0) for name in ("created", "updated", "deleted", "failed", "throttled")
    ]


@dataclass(frozen=True, slots=True)
class SyncWindow:
    """Calendar syncs over a recent window: totals, failures by cause, throttled calls."""

    total: int
    failed: int
    causes: list[tuple[str, int]]
    throttled: int


async def get_sync_window(conn: Conn, since: datetime) -> SyncWindow:
    """Syncs that ended since `since`; failures are outcomes failed, partial and revoked."""
    rows = await conn.fetch(
        """
        SELECT outcome, coalesce(cause, '') AS cause, count(*) AS n, sum(throttled) AS throttled
        FROM sync_runs WHERE at >= $1 AND outcome NOT IN ('busy', 'skipped', 'not_connected')
        GROUP BY outcome, cause
        """,
        since,
    )
    total = failed = throttled = 0
    causes: dict[str, int] = {}
    for r in rows:
        n = int(r["n"])
        total += n
        throttled += int(r["throttled"] or 0)
        if r["outcome"] != "ok":
            failed += n
            causes[r["cause"] or r["outcome"]] = causes.get(r["cause"] or r["outcome"], 0) + n
    ranked = sorted(causes.items(), key=lambda kv: (-kv[1], kv[0]))
    return SyncWindow(total, failed, ranked, throttled)


@dataclass(frozen=True, slots=True)
class Figures:
    """The system in numbers, for /stats and the daily report."""

    users: int
    connected: int
    revoked: int
    upcoming_by_platform: dict[str, int]
    scrapes: dict[str, dict[str, int]]  # platform → outcome → count, since
    syncs: dict[str, int]  # outcome → count, since
    notices_sent: int
    notices_pending: int
    alerts_sent: int
    alerts_pending: int
    slowest: list[tuple[str, int]]  # (what, duration ms)


async def get_figures(conn: Conn, since: datetime, now: datetime) -> Figures:
    """Counts of users, contests, scrapes, syncs, deliveries and the slowest jobs since `since`."""
    users = await conn.fetchrow(
        """
        SELECT count(*) AS users,
               count(*) FILTER (WHERE google_status = 'active') AS connected,
               count(*) FILTER (WHERE google_status = 'revoked') AS revoked
        FROM users
        """
    )
    assert users is not None
    upcoming = await conn.fetch(
        """
        SELECT platform, count(*) AS n FROM contests
        WHERE cancelled_at IS NULL AND starts_at > $1 GROUP BY platform
        """,
        now,
    )
    scrapes = await conn.fetch(
        "SELECT platform, outcome, count(*) AS n FROM scrape_runs WHERE at >= $1 "
        "GROUP BY platform, outcome",
        since,
    )
    syncs = await conn.fetch(
        "SELECT outcome, count(*) AS n FROM sync_runs WHERE at >= $1 GROUP BY outcome", since
    )
    deliveries = await conn.fetchrow(
        """
        SELECT (SELECT count(*) FROM notices WHERE sent_at >= $1) AS notices_sent,
               (SELECT count(*) FROM notices WHERE sent_at IS NULL) AS notices_pending,
               (SELECT count(*) FROM alert_outbox
                WHERE sent_at >= $1 AND NOT muted AND state <> 'summary')
                   AS alerts_sent,
               (SELECT count(*) FROM alert_outbox WHERE sent_at IS NULL) AS alerts_pending
        """,
        since,
    )
    assert deliveries is not None
    slowest = await conn.fetch(
        """
        SELECT what, duration_ms FROM (
            SELECT 'scrape ' || platform AS what, duration_ms FROM scrape_runs WHERE at >= $1
            UNION ALL
            SELECT 'sync of user ' || user_id AS what, duration_ms FROM sync_runs WHERE at >= $1
        ) jobs ORDER BY duration_ms DESC LIMIT 5
        """,
        since,
    )
    by_platform: dict[str, dict[str, int]] = {}
    for r in scrapes:
        by_platform.setdefault(r["platform"], {})[r["outcome"]] = int(r["n"])
    return Figures(
        users=int(users["users"]),
        connected=int(users["connected"]),
        revoked=int(users["revoked"]),
        upcoming_by_platform={r["platform"]: int(r["n"]) for r in upcoming},
        scrapes=by_platform,
        syncs={r["outcome"]: int(r["n"]) for r in syncs},
        notices_sent=int(deliveries["notices_sent"]),
        notices_pending=int(deliveries["notices_pending"]),
        alerts_sent=int(deliveries["alerts_sent"]),
        alerts_pending=int(deliveries["alerts_pending"]),
        slowest=[(r["what"], int(r["duration_ms"])) for r in slowest],
    )


@dataclass(frozen=True, slots=True)
class DayHistory:
    """Seven days of scrapes by platform and outcome, and syncs by outcome, per day."""

    days: list[date]
    scrapes: dict[tuple[date, str, str], int]  # (day, platform, outcome) → count
    syncs: dict[tuple[date, str], int]  # (day, "ok" | "failed") → count


async def get_history(conn: Conn, first_day: date, days: int) -> DayHistory:
    """Per-day counts from `first_day` on (UTC days)."""
    scrapes = await conn.fetch(
        """
        SELECT (at AT TIME ZONE 'UTC')::date AS day, platform, outcome, count(*) AS n
        FROM scrape_runs WHERE at >= $1::date::timestamp AT TIME ZONE 'UTC'
        GROUP BY day, platform, outcome
        """,
        first_day,
    )
    syncs = await conn.fetch(
        """
        SELECT (at AT TIME ZONE 'UTC')::date AS day,
               CASE WHEN outcome = 'ok' THEN 'ok' ELSE 'failed' END AS outcome, count(*) AS n
        FROM sync_runs WHERE at >= $1::date::timestamp AT TIME ZONE 'UTC'
          AND outcome NOT IN ('busy', 'skipped', 'not_connected')
        GROUP BY day, 2
        """,
        first_day,
    )
    return DayHistory(
        days=[first_day + timedelta(days=i) for i in range(days)],
        scrapes={(r["day"], r["platform"], r["outcome"]): int(r["n"]) for r in scrapes},
        syncs={(r["day"], r["outcome"]): int(r["n"]) for r in syncs},
    )


async def delete_old_runs(conn: Conn, before: datetime) -> int:
    """Housekeeping: drop runs and delivered alerts older than `before`."""
    deleted = 0
    for table, column in (
        ("scrape_runs", "at"),
        ("sync_runs", "at"),
        ("alert_outbox", "sent_at"),
    ):
        status = await conn.execute(f"DELETE FROM {table} WHERE {column} < $1", before)
        deleted += int(status.split()[-1])
    return deleted


async def count_contests_by_state(conn: Conn, now: datetime) -> list[tuple[str, str, int]]:
    """(platform, state, count) with state upcoming, running, past or cancelled (for metrics)."""
    rows = await conn.fetch(
        """
        SELECT platform,
               CASE WHEN cancelled_at IS NOT NULL THEN 'cancelled'
                    WHEN starts_at > $1 THEN 'upcoming'
                    WHEN ends_at > $1 THEN 'running'
                    ELSE 'past' END AS state,
               count(*) AS n
        FROM contests GROUP BY 1, 2
        """,
        now,
    )
    return [(r["platform"], r["state"], int(r["n"])) for r in rows]


async def check_write(conn: Conn) -> int:
    """A transaction id from the primary: fails on a read-only server (a deep health check)."""
    value = await conn.fetchval("SELECT pg_current_xact_id()::text::bigint")
    return int(value)


async def check_read(conn: Conn) -> int:
    """A trivial read (a deep health check of a replica)."""
    return int(await conn.fetchval("SELECT 1"))


@dataclass(frozen=True, slots=True)
class UserStatus:
    """One user's state for maintainers (no token, no calendar id)."""

    id: int
    google_email: str | None
    google_status: str
    platforms: list[str]
    timezone: str
    sync_status: str
    last_sync_at: datetime | None
    last_sync_error: str | None
    created_at: datetime
    identities: list[tuple[str, str, bool]]  # (chat platform, chat id, blocked)
    events: int


async def find_user_status(conn: Conn, query: str) -> UserStatus | None:
    """A user by chat id / chat user id (any chat platform) or by Google email."""
    row = await conn.fetchrow(
        """
        SELECT u.id, u.google_email, u.google_status, u.platforms, u.timezone, u.sync_status,
               u.last_sync_at, u.last_sync_error, u.created_at
        FROM users u
        WHERE lower(u.google_email) = lower($1)
           OR u.id IN (SELECT user_id FROM identities
                       WHERE external_user_id = $1 OR chat_id = $1)
        ORDER BY u.id LIMIT 1
        """,
        query,
    )
    if row is None:
        return None
    identities = await conn.fetch(
        "SELECT chat_platform, chat_id, blocked_at IS NOT NULL AS blocked FROM identities "
        "WHERE user_id = $1 ORDER BY chat_platform",
        row["id"],
    )
    events = await conn.fetchval(
        "SELECT count(*) FROM calendar_events WHERE user_id = $1", row["id"]
    )
    return UserStatus(
        **dict(row),
        identities=[(r["chat_platform"], r["chat_id"], bool(r["blocked"])) for r in identities],
        events=int(events),
    )
