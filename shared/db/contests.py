"""Queries on contests and platform_health."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg

from shared.db import Conn
from shared.models import Contest, PlatformHealth, StoredContest

_COLUMNS = "id, platform, external_id, title, url, starts_at, ends_at, cancelled_at"


def upcoming_rows(now: str, platforms: str) -> str:
    """SQL for an array of the contests `list_upcoming(conn, now, platforms)` lists, each a row
    of StoredContest's fields in order (`contests_from_rows` reads it), for a statement that
    reads them with something else; `now` and `platforms` are SQL expressions, and an empty or
    NULL `platforms` means every platform."""
    return f"""ARRAY(
        SELECT ROW({_COLUMNS}) FROM contests
        WHERE cancelled_at IS NULL AND ends_at > {now}
          AND (coalesce(cardinality({platforms}), 0) = 0 OR platform = ANY({platforms}))
        ORDER BY starts_at, platform, external_id)"""


def contests_from_rows(rows: Sequence[tuple[Any, ...]]) -> list[StoredContest]:
    """The contests of an `upcoming_rows` array."""
    return [StoredContest(*row) for row in rows]


def _contest(row: asyncpg.Record) -> StoredContest:
    return StoredContest(
        id=row["id"],
        platform=row["platform"],
        external_id=row["external_id"],
        title=row["title"],
        url=row["url"],
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        cancelled_at=row["cancelled_at"],
    )


@dataclass(frozen=True, slots=True)
class UpsertOutcome:
    """What an upsert did: new rows, rows whose title/url/times changed (or came back), the rest."""

    created: list[int]
    changed: list[int]
    unchanged: list[int]


async def lock_platform(conn: asyncpg.Connection, platform: str) -> None:
    """Serialise writers of one platform's contests for the current transaction."""
    await conn.execute("SELECT pg_advisory_xact_lock(hashtext('scrape:' || $1))", platform)


async def count_upcoming(conn: Conn, platform: str, now: datetime) -> int:
    """Contests of a platform that have not started and are not cancelled."""
    value = await conn.fetchval(
        """
        SELECT count(*) FROM contests
        WHERE platform = $1 AND starts_at > $2 AND cancelled_at IS NULL
        """,
        platform,
        now,
    )
    return int(value)


async def upsert_contests(
    conn: asyncpg.Connection, platform: str, contests: Sequence[Contest], now: datetime
) -> UpsertOutcome:
    """Insert or update by (platform, external_id); a moved contest keeps its row and id."""
    if not contests:
        return UpsertOutcome([], [], [])
    ids = [c.external_id for c in contests]
    before = {
        row["external_id"]: row
        for row in await conn.fetch(
            f"SELECT {_COLUMNS} FROM contests "
            "WHERE platform = $1 AND external_id = ANY($2::text[])",
            platform,
            ids,
        )
    }
    rows = await conn.fetch(
        """
        INSERT INTO contests AS c (platform, external_id, title, url, starts_at, ends_at,
                                   first_seen_at, last_seen_at, updated_at)
        SELECT $1, x.external_id, x.title, x.url, x.starts_at, x.ends_at, $6, $6, $6
        FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $7::timestamptz[])
             AS x(external_id, title, url, starts_at, ends_at)
        ON CONFLICT (platform, external_id) DO UPDATE SET
            title = EXCLUDED.title,
            url = EXCLUDED.url,
            starts_at = EXCLUDED.starts_at,
            ends_at = EXCLUDED.ends_at,
            last_seen_at = EXCLUDED.last_seen_at,
            missing_runs = 0,
            cancelled_at = NULL,
            sequence = CASE
                WHEN (c.title, c.starts_at, c.ends_at) IS DISTINCT FROM
                     (EXCLUDED.title, EXCLUDED.starts_at, EXCLUDED.ends_at)
                     OR c.cancelled_at IS NOT NULL
                THEN c.sequence + 1 ELSE c.sequence END,
            updated_at = CASE
                WHEN (c.title, c.url, c.starts_at, c.ends_at) IS DISTINCT FROM
                     (EXCLUDED.title, EXCLUDED.url, EXCLUDED.starts_at, EXCLUDED.ends_at)
                     OR c.cancelled_at IS NOT NULL
                THEN EXCLUDED.updated_at ELSE c.updated_at END
        RETURNING id, external_id
        """,
        platform,
        ids,
        [c.title for c in contests],
        [c.url for c in contests],
        [c.starts_at for c in contests],
        now,
        [c.ends_at for c in contests],
    )
    by_external = {c.external_id: c for c in contests}
    created: list[int] = []
    changed: list[int] = []
    unchanged: list[int] = []
    for row in rows:
        old = before.get(row["external_id"])
        new = by_external[row["external_id"]]
        if old is None:
            created.append(row["id"])
        elif (old["title"], old["url"], old["starts_at"], old["ends_at"]) != (
            new.title,
            new.url,
            new.starts_at,
            new.ends_at,
        ) or old["cancelled_at"] is not None:
            changed.append(row["id"])
        else:
            unchanged.append(row["id"])
    return UpsertOutcome(created, changed, unchanged)


async def count_misses(
    conn: asyncpg.Connection, platform: str, listed: Sequence[str], now: datetime, prune_after: int
) -> list[int]:
    """Count one miss for each upcoming, unlisted contest; cancel those at `prune_after` misses.

    Contests that already started are never touched. Returns the ids cancelled now.
    """
    rows = await conn.fetch(
        """
        UPDATE contests SET
            missing_runs = missing_runs + 1,
            cancelled_at = CASE WHEN missing_runs + 1 >= $4 THEN $3 ELSE NULL END,
            sequence = CASE WHEN missing_runs + 1 >= $4 THEN sequence + 1 ELSE sequence END,
            updated_at = CASE WHEN missing_runs + 1 >= $4 THEN $3 ELSE updated_at END
        WHERE platform = $1
          AND cancelled_at IS NULL
          AND starts_at > $3
          AND external_id <> ALL($2::text[])
        RETURNING id, cancelled_at
        """,
        platform,
        list(listed),
        now,
        prune_after,
    )
    return [row["id"] for row in rows if row["cancelled_at"] is not None]


async def list_upcoming(
    conn: Conn,
    now: datetime,
    platforms: Sequence[str] | None = None,
    until: datetime | None = None,
) -> list[StoredContest]:
    """Contests not ended nor cancelled; optionally only some platforms, starting before `until`."""
    rows = await conn.fetch(
        f"""
        SELECT {_COLUMNS} FROM contests
        WHERE cancelled_at IS NULL AND ends_at > $1
          AND ($2::text[] IS NULL OR platform = ANY($2::text[]))
          AND ($3::timestamptz IS NULL OR starts_at < $3)
        ORDER BY starts_at, platform, external_id
        """,
        now,
        list(platforms) if platforms is not None else None,
        until,
    )
    return [_contest(r) for r in rows]


async def get_contest(conn: Conn, platform: str, external_id: str) -> StoredContest | None:
    """One contest by its natural key, cancelled or not."""
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS} FROM contests WHERE platform = $1 AND external_id = $2",
        platform,
        external_id,
    )
    return None if row is None else _contest(row)


async def record_success(
    conn: Conn,
    platform: str,
    now: datetime,
    seen: int,
    duration_ms: int,
    entries: int = 0,
    skipped: Mapping[str, int] | None = None,
) -> None:
    """Mark a successful scrape in platform_health, with its entry count and skip reasons."""
    skipped = skipped or {}
    await conn.execute(
        """
        INSERT INTO platform_health AS h (platform, last_attempt_at, last_success_at, last_error,
                                          consecutive_failures, contests_seen, last_duration_ms,
                                          entries_seen, entries_skipped, skip_reasons)
        VALUES ($1, $2, $2, NULL, 0, $3, $4, $5, $6, $7::jsonb)
        ON CONFLICT (platform) DO UPDATE SET
            last_attempt_at = EXCLUDED.last_attempt_at, last_success_at = EXCLUDED.last_success_at,
            last_error = NULL, consecutive_failures = 0, contests_seen = EXCLUDED.contests_seen,
            last_duration_ms = EXCLUDED.last_duration_ms, entries_seen = EXCLUDED.entries_seen,
            entries_skipped = EXCLUDED.entries_skipped, skip_reasons = EXCLUDED.skip_reasons
        """,
        platform,
        now,
        seen,
        duration_ms,
        entries,
        sum(skipped.values()),
        _reasons_json(skipped),
    )


async def record_failure(
    conn: Conn,
    platform: str,
    now: datetime,
    error: str,
    duration_ms: int,
    entries: int | None = None,
    skipped: Mapping[str, int] | None = None,
) -> int:
    """Mark a failed scrape; returns the number of failures in a row.

    `entries`/`skipped` are given when the payload was read but every entry was skipped; a
    failure before that (fetch, envelope) keeps the counts of the last read.
    """
    value = await conn.fetchval(
        """
        INSERT INTO platform_health AS h (platform, last_attempt_at, last_error,
                                          consecutive_failures, last_duration_ms,
                                          entries_seen, entries_skipped, skip_reasons)
        VALUES ($1, $2, $3, 1, $4, COALESCE($5, 0), COALESCE($6, 0),
                COALESCE($7::jsonb, '{}'::jsonb))
        ON CONFLICT (platform) DO UPDATE SET
            last_attempt_at = EXCLUDED.last_attempt_at, last_error = EXCLUDED.last_error,
            consecutive_failures = h.consecutive_failures + 1,
            last_duration_ms = EXCLUDED.last_duration_ms,
            entries_seen = COALESCE($5, h.entries_seen),
            entries_skipped = COALESCE($6, h.entries_skipped),
            skip_reasons = COALESCE($7::jsonb, h.skip_reasons)
        RETURNING consecutive_failures
        """,
        platform,
        now,
        error[:500],
        duration_ms,
        entries,
        None if skipped is None else sum(skipped.values()),
        None if skipped is None else _reasons_json(skipped),
    )
    return int(value)


def _reasons_json(skipped: Mapping[str, int]) -> str:
    # Reasons are bounded text from our parsers; keep the ten commonest so a row stays small.
    top = sorted(skipped.items(), key=lambda item: (-item[1], item[0]))[:10]
    return json.dumps({reason[:120]: count for reason, count in top})


def _reasons(raw: object) -> tuple[tuple[str, int], ...]:
    data = json.loads(raw) if isinstance(raw, str) else raw
    if not isinstance(data, dict):
        return ()
    pairs = [(str(k), int(v)) for k, v in data.items() if isinstance(v, int)]
    return tuple(sorted(pairs, key=lambda item: (-item[1], item[0])))


async def list_platform_health(conn: Conn) -> list[PlatformHealth]:
    """Health rows of every platform scraped at least once."""
    rows = await conn.fetch(
        """
        SELECT platform, last_attempt_at, last_success_at, last_error, consecutive_failures,
               contests_seen, entries_seen, entries_skipped, skip_reasons
        FROM platform_health ORDER BY platform
        """
    )
    return [
        PlatformHealth(
            platform=r["platform"],
            last_attempt_at=r["last_attempt_at"],
            last_success_at=r["last_success_at"],
            last_error=r["last_error"],
            consecutive_failures=r["consecutive_failures"],
            contests_seen=r["contests_seen"],
            entries_seen=r["entries_seen"],
            entries_skipped=r["entries_skipped"],
            skip_reasons=_reasons(r["skip_reasons"]),
        )
        for r in rows
    ]
