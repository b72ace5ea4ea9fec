"""Queries on google_cleanups: Google-side work owed after a grant is given up."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import asyncpg

from shared.db import Conn

_COLUMNS = (
    "id, user_id, reason, refresh_token_enc, calendar_id, delete_calendar, notify, attempts, "
    "next_attempt_at, last_error, created_at, done_at, outcome"
)


@dataclass(frozen=True, slots=True)
class ChatTarget:
    """A chat to tell the outcome in (kept only until the cleanup is done)."""

    chat_platform: str
    chat_id: str


@dataclass(frozen=True, slots=True)
class GoogleCleanup:
    """Revoke a grant (and maybe delete our calendar) for a user who gave it up."""

    id: int
    user_id: int
    reason: str
    refresh_token_enc: str | None = field(repr=False)
    calendar_id: str | None
    delete_calendar: bool
    notify: tuple[ChatTarget, ...]
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    created_at: datetime
    done_at: datetime | None
    outcome: str | None


def _cleanup(row: asyncpg.Record) -> GoogleCleanup:
    targets = json.loads(row["notify"]) if isinstance(row["notify"], str) else row["notify"]
    return GoogleCleanup(
        id=row["id"],
        user_id=row["user_id"],
        reason=row["reason"],
        refresh_token_enc=row["refresh_token_enc"],
        calendar_id=row["calendar_id"],
        delete_calendar=row["delete_calendar"],
        notify=tuple(ChatTarget(t["chat_platform"], t["chat_id"]) for t in targets),
        attempts=row["attempts"],
        next_attempt_at=row["next_attempt_at"],
        last_error=row["last_error"],
        created_at=row["created_at"],
        done_at=row["done_at"],
        outcome=row["outcome"],
    )


async def insert_cleanup(
    conn: Conn,
    *,
    user_id: int,
    reason: str,
    refresh_token_enc: str | None,
    calendar_id: str | None,
    delete_calendar: bool,
    notify: Sequence[ChatTarget],
    now: datetime,
) -> int:
    """Record Google-side work to do now; returns its id. Run in the caller's transaction."""
    value = await conn.fetchval(
        """
        INSERT INTO google_cleanups (user_id, reason, refresh_token_enc, calendar_id,
                                     delete_calendar, notify, next_attempt_at, created_at)
        VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $7)
        RETURNING id
        """,
        user_id,
        reason,
        refresh_token_enc,
        calendar_id,
        delete_calendar,
        json.dumps([{"chat_platform": t.chat_platform, "chat_id": t.chat_id} for t in notify]),
        now,
    )
    return int(value)


async def get_cleanup(conn: Conn, cleanup_id: int) -> GoogleCleanup | None:
    """One cleanup, done or not."""
    row = await conn.fetchrow(f"SELECT {_COLUMNS} FROM google_cleanups WHERE id = $1", cleanup_id)
    return _cleanup(row) if row is not None else None


async def claim_cleanup(
    conn: Conn, cleanup_id: int, now: datetime, lease_until: datetime
) -> GoogleCleanup | None:
    """Take a due cleanup for one attempt (pushing its next attempt to `lease_until`, so no other
    worker takes it meanwhile); None when it is done, unknown or not due."""
    row = await conn.fetchrow(
        f"""
        UPDATE google_cleanups
        SET attempts = attempts + 1, next_attempt_at = $3
        WHERE id = $1 AND done_at IS NULL AND next_attempt_at <= $2
        RETURNING {_COLUMNS}
        """,
        cleanup_id,
        now,
        lease_until,
    )
    return _cleanup(row) if row is not None else None


async def list_due_cleanups(conn: Conn, now: datetime, limit: int = 500) -> list[GoogleCleanup]:
    """Cleanups whose next attempt is due, oldest first."""
    rows = await conn.fetch(
        f"""
        SELECT {_COLUMNS} FROM google_cleanups
        WHERE done_at IS NULL AND next_attempt_at <= $1
        ORDER BY next_attempt_at LIMIT $2
        """,
        now,
        limit,
    )
    return [_cleanup(r) for r in rows]


async def update_cleanup_failed(
    conn: Conn, cleanup_id: int, error: str, next_attempt_at: datetime
) -> None:
    """An attempt failed for a reason that may pass: try again at `next_attempt_at`."""
    await conn.execute(
        "UPDATE google_cleanups SET last_error = $2, next_attempt_at = $3 WHERE id = $1",
        cleanup_id,
        error[:300],
        next_attempt_at,
    )


async def update_cleanup_done(conn: Conn, cleanup_id: int, outcome: str, now: datetime) -> None:
    """Finished (or given up): erase the sealed token and the chats to tell."""
    await conn.execute(
        """
        UPDATE google_cleanups
        SET done_at = $3, outcome = $2, refresh_token_enc = NULL, notify = '[]'::jsonb,
            last_error = NULL
        WHERE id = $1
        """,
        cleanup_id,
        outcome,
        now,
    )


async def delete_finished_cleanups(conn: Conn, before: datetime) -> int:
    """Forget cleanups that finished before `before`; returns how many."""
    status = await conn.execute(
        "DELETE FROM google_cleanups WHERE done_at IS NOT NULL AND done_at < $1", before
    )
    return int(status.split()[-1])
