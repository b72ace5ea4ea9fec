"""Queries on users and identities."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import asyncpg

from shared.db import Conn
from shared.db.alerts import sync_run_counts
from shared.db.contests import contests_from_rows, upcoming_rows
from shared.db.events import recorded_rows, records_from_rows
from shared.models import (
    CalendarEventRecord,
    GoogleStatus,
    Identity,
    StoredContest,
    SyncStatus,
    User,
)

_USER_COLUMNS = (
    "id, google_sub, google_email, refresh_token_enc, calendar_id, google_status, platforms, "
    "timezone, reminder_minutes, sync_status, last_sync_at, last_sync_error, created_at"
)
_IDENTITY_COLUMNS = "chat_platform, external_user_id, user_id, chat_id, username, blocked_at"


def _user(row: asyncpg.Record) -> User:
    return User(
        id=row["id"],
        google_sub=row["google_sub"],
        google_email=row["google_email"],
        refresh_token_enc=row["refresh_token_enc"],
        calendar_id=row["calendar_id"],
        google_status=GoogleStatus(row["google_status"]),
        platforms=list(row["platforms"]),
        timezone=row["timezone"],
        reminder_minutes=list(row["reminder_minutes"]),
        sync_status=SyncStatus(row["sync_status"]),
        last_sync_at=row["last_sync_at"],
        last_sync_error=row["last_sync_error"],
        created_at=row["created_at"],
    )


def _identity(row: asyncpg.Record) -> Identity:
    return Identity(
        chat_platform=row["chat_platform"],
        external_user_id=row["external_user_id"],
        user_id=row["user_id"],
        chat_id=row["chat_id"],
        username=row["username"],
        blocked_at=row["blocked_at"],
    )


async def get_user(conn: Conn, user_id: int) -> User | None:
    """One user by id."""
    row = await conn.fetchrow(f"SELECT {_USER_COLUMNS} FROM users WHERE id = $1", user_id)
    return None if row is None else _user(row)


async def get_user_by_google_sub(conn: Conn, google_sub: str) -> User | None:
    """The user linked to a Google account."""
    row = await conn.fetchrow(
        f"SELECT {_USER_COLUMNS} FROM users WHERE google_sub = $1", google_sub
    )
    return None if row is None else _user(row)


async def get_identity(conn: Conn, chat_platform: str, external_user_id: str) -> Identity | None:
    """One chat identity."""
    row = await conn.fetchrow(
        f"SELECT {_IDENTITY_COLUMNS} FROM identities "
        "WHERE chat_platform = $1 AND external_user_id = $2",
        chat_platform,
        external_user_id,
    )
    return None if row is None else _identity(row)


async def list_identities(conn: Conn, user_id: int) -> list[Identity]:
    """Every chat identity of a user."""
    rows = await conn.fetch(
        f"SELECT {_IDENTITY_COLUMNS} FROM identities WHERE user_id = $1 "
        "ORDER BY chat_platform, external_user_id",
        user_id,
    )
    return [_identity(r) for r in rows]


async def upsert_identity(
    conn: asyncpg.Connection,
    chat_platform: str,
    external_user_id: str,
    chat_id: str,
    username: str | None = None,
) -> Identity:
    """The identity (creating it and a new user when first seen); keeps chat id and name fresh.

    Must run inside a transaction: the new user and identity are created together.
    """
    row = await conn.fetchrow(
        f"""
        UPDATE identities SET chat_id = $3, username = COALESCE($4, username)
        WHERE chat_platform = $1 AND external_user_id = $2
        RETURNING {_IDENTITY_COLUMNS}
        """,
        chat_platform,
        external_user_id,
        chat_id,
        username,
    )
    if row is not None:
        return _identity(row)
    user_id = await conn.fetchval("INSERT INTO users DEFAULT VALUES RETURNING id")
    row = await conn.fetchrow(
        f"""
        INSERT INTO identities (chat_platform, external_user_id, user_id, chat_id, username)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (chat_platform, external_user_id) DO NOTHING
        RETURNING {_IDENTITY_COLUMNS}
        """,
        chat_platform,
        external_user_id,
        user_id,
        chat_id,
        username,
    )
    if row is None:  # another transaction created it first: use theirs, drop our spare user
        await conn.execute("DELETE FROM users WHERE id = $1", user_id)
        found = await get_identity(conn, chat_platform, external_user_id)
        assert found is not None
        return found
    return _identity(row)


async def link_google_account(
    conn: asyncpg.Connection,
    user_id: int,
    google_sub: str,
    google_email: str,
    refresh_token_enc: str,
) -> None:
    """Link a Google account (with its sealed grant) to this user, in the caller's transaction.

    The caller has checked that no other user holds `google_sub`; a concurrent link by another
    user raises asyncpg.UniqueViolationError (google_sub is unique). A different account that
    was linked before is replaced, with its calendar and event records (the caller owes its
    revocation).
    """
    await conn.execute(
        """
        UPDATE users SET
            calendar_id = CASE WHEN google_sub IS DISTINCT FROM $2 THEN NULL ELSE calendar_id END,
            google_sub = $2, google_email = $3, refresh_token_enc = $4,
            google_status = 'active', updated_at = now(), sync_wanted_at = clock_timestamp()
        WHERE id = $1
        """,
        user_id,
        google_sub,
        google_email,
        refresh_token_enc,
    )


async def move_identity(conn: asyncpg.Connection, identity: Identity, target_user_id: int) -> None:
    """Move a chat identity to another user (after that user approved it), in a transaction.

    The target keeps its preferences; it takes the moved identity's platforms only when it has
    chosen none. The identity's old user is left for the caller (see `delete_orphan_user`).
    """
    await conn.execute(
        "UPDATE identities SET user_id = $3 WHERE chat_platform = $1 AND external_user_id = $2",
        identity.chat_platform,
        identity.external_user_id,
        target_user_id,
    )
    await conn.execute(
        """
        UPDATE users t SET platforms = o.platforms, updated_at = now()
        FROM users o
        WHERE t.id = $1 AND o.id = $2 AND cardinality(t.platforms) = 0
          AND cardinality(o.platforms) > 0
        """,
        target_user_id,
        identity.user_id,
    )


async def delete_orphan_user(conn: asyncpg.Connection, user_id: int) -> User | None:
    """Delete a user no identity points at any more; returns what it was (None if kept)."""
    row = await conn.fetchrow(
        f"""
        DELETE FROM users u WHERE u.id = $1
          AND NOT EXISTS (SELECT 1 FROM identities i WHERE i.user_id = u.id)
        RETURNING {_USER_COLUMNS}
        """,
        user_id,
    )
    return None if row is None else _user(row)


async def detach_identity(conn: asyncpg.Connection, identity: Identity) -> int:
    """Give a chat identity a user of its own (unlinked from the others); the new user id."""
    user_id = int(await conn.fetchval("INSERT INTO users DEFAULT VALUES RETURNING id"))
    await conn.execute(
        "UPDATE identities SET user_id = $3 WHERE chat_platform = $1 AND external_user_id = $2",
        identity.chat_platform,
        identity.external_user_id,
        user_id,
    )
    return user_id


async def sample_sealed_grants(conn: Conn, limit: int) -> list[tuple[int, str]]:
    """Up to `limit` (user id, sealed refresh token) pairs, to check the key at start-up."""
    rows = await conn.fetch(
        """
        SELECT id, refresh_token_enc FROM users
        WHERE refresh_token_enc IS NOT NULL ORDER BY updated_at DESC LIMIT $1
        """,
        limit,
    )
    return [(int(r["id"]), str(r["refresh_token_enc"])) for r in rows]


async def list_sealed_grants(conn: Conn, after_id: int, limit: int) -> list[tuple[int, str]]:
    """(user id, sealed refresh token) pairs in id order after `after_id`, for key rotation."""
    rows = await conn.fetch(
        """
        SELECT id, refresh_token_enc FROM users
        WHERE refresh_token_enc IS NOT NULL AND id > $1 ORDER BY id LIMIT $2
        """,
        after_id,
        limit,
    )
    return [(int(r["id"]), str(r["refresh_token_enc"])) for r in rows]


async def update_sealed_grant(conn: Conn, user_id: int, old: str, new: str) -> bool:
    """Replace a sealed token if it is still `old` (re-encryption); False if it changed."""
    status: str = await conn.execute(
        "UPDATE users SET refresh_token_enc = $3 WHERE id = $1 AND refresh_token_enc = $2",
        user_id,
        old,
        new,
    )
    return status.endswith(" 1")


async def update_google_grant(
    conn: Conn, user_id: int, refresh_token_enc: str, status: GoogleStatus = GoogleStatus.ACTIVE
) -> None:
    """Store a new encrypted refresh token and mark the grant active."""
    await conn.execute(
        """
        UPDATE users SET refresh_token_enc = $2, google_status = $3, updated_at = now()
        WHERE id = $1
        """,
        user_id,
        refresh_token_enc,
        status,
    )


async def update_calendar_id(conn: Conn, user_id: int, calendar_id: str | None) -> None:
    """Remember the user's "Contests" calendar."""
    await conn.execute(
        "UPDATE users SET calendar_id = $2, updated_at = now() WHERE id = $1", user_id, calendar_id
    )


async def mark_revoked(conn: Conn, user_id: int, error: str) -> None:
    """The grant no longer works: keep the user and preferences, drop the token."""
    await conn.execute(
        """
        UPDATE users SET google_status = 'revoked', refresh_token_enc = NULL,
               sync_status = 'failed', last_sync_error = $2, updated_at = now()
        WHERE id = $1
        """,
        user_id,
        error,
    )


async def clear_google_link(conn: Conn, user_id: int) -> None:
    """Forget the Google link (after disconnect): token, calendar and status."""
    await conn.execute(
        """
        UPDATE users SET refresh_token_enc = NULL, calendar_id = NULL, google_status = 'none',
               google_sub = NULL, google_email = NULL, sync_status = 'never',
               last_sync_error = NULL, updated_at = now()
        WHERE id = $1
        """,
        user_id,
    )


async def update_preferences(
    conn: Conn,
    user_id: int,
    *,
    platforms: Sequence[str] | None = None,
    timezone: str | None = None,
    reminder_minutes: Sequence[int] | None = None,
) -> None:
    """Change any of platforms, time zone and reminders."""
    await conn.execute(
        """
        UPDATE users SET
            platforms = COALESCE($2::text[], platforms),
            timezone = COALESCE($3, timezone),
            reminder_minutes = COALESCE($4::int[], reminder_minutes),
            updated_at = now(), sync_wanted_at = clock_timestamp()
        WHERE id = $1
        """,
        user_id,
        list(platforms) if platforms is not None else None,
        timezone,
        list(reminder_minutes) if reminder_minutes is not None else None,
    )


async def update_sync_state(
    conn: Conn,
    user_id: int,
    status: SyncStatus,
    at: datetime | None,
    error: str | None,
    counts: Mapping[str, int] | None = None,
) -> None:
    """Record how the last sync went (and, when given, what it wrote)."""
    await conn.execute(
        """
        UPDATE users SET sync_status = $2, last_sync_at = COALESCE($3, last_sync_at),
               last_sync_error = $4, last_sync_result = COALESCE($5::jsonb, last_sync_result)
        WHERE id = $1
        """,
        user_id,
        status,
        at,
        error,
        json.dumps(dict(counts)) if counts is not None else None,
    )


@dataclass(frozen=True, slots=True)
class SyncStart:
    """What a sync reads as it marks itself running, from one version of the user's row, with
    the contests its calendar should hold and what was last written to it."""

    user: User
    interrupted: bool  # a sync was still marked running: one that never finished
    wanted: datetime | None  # the user's sync mark as it was when this sync began
    reminder_delivery: str
    contests: list[StoredContest]  # upcoming, of the user's platforms (all when none chosen)
    recorded: list[CalendarEventRecord]


async def start_sync(conn: Conn, user_id: int, now: datetime) -> SyncStart | None:
    """Mark a connected user's sync as running, in one statement that also returns what the sync
    needs: the user, whether a sync was still marked running (one that never finished: its worker
    died, as the caller holds the user's lock), the sync mark, the reminder choice, the contests
    upcoming at `now` of the user's platforms and the user's recorded events. None when not
    connected. One statement, not three: a round trip and a pool checkout are most of a read's
    cost, and every sync makes these reads."""
    row = await conn.fetchrow(
        f"""
        WITH before AS (SELECT sync_status AS status_before FROM users WHERE id = $1 FOR UPDATE),
        started AS (
            UPDATE users SET sync_status = 'running', last_sync_error = NULL
            FROM before
            WHERE id = $1 AND google_status = 'active' AND refresh_token_enc IS NOT NULL
            RETURNING {_USER_COLUMNS}, before.status_before, sync_wanted_at, reminder_delivery
        )
        SELECT started.*,
               {upcoming_rows("$2", "started.platforms")} AS upcoming,
               {recorded_rows("$1")} AS recorded
        FROM started
        """,
        user_id,
        now,
    )
    if row is None:
        return None
    return SyncStart(
        _user(row),
        row["status_before"] == "running",
        row["sync_wanted_at"],
        str(row["reminder_delivery"] or "auto"),
        contests_from_rows(row["upcoming"]),
        records_from_rows(row["recorded"]),
    )


async def finish_sync(
    conn: Conn,
    user_id: int,
    status: SyncStatus,
    at: datetime,
    error: str | None,
    counts: Mapping[str, int],
    *,
    covered: datetime | None,
    cause: str | None,
    duration_ms: int,
) -> None:
    """Record how a sync ended, in one statement: on the user, its status and what it wrote; after
    a good sync (`status` ok) the user's sync mark is cleared too, but only if it is still
    `covered`, the one the sync began with (a change that landed meanwhile keeps its mark, and the
    sweeper queues the sync it needs); and the run's row in `sync_runs` (`counts` with the
    throttled calls, the failure's `cause`) for the maintainers' alerts and report."""
    await conn.execute(
        """
        WITH done AS (
            UPDATE users SET sync_status = $2, last_sync_at = $3, last_sync_error = $4,
                   last_sync_result = $5::jsonb,
                   sync_wanted_at = CASE WHEN $2 = 'ok' AND sync_wanted_at = $6 THEN NULL
                                         ELSE sync_wanted_at END
            WHERE id = $1
        )
        INSERT INTO sync_runs
            (user_id, outcome, cause, created, updated, deleted, failed, throttled, duration_ms)
        VALUES ($1, $2, $7, $8, $9, $10, $11, $12, $13)
        """,
        user_id,
        status,
        at,
        error,
        json.dumps({k: counts.get(k, 0) for k in ("created", "updated", "deleted", "failed")}),
        covered,
        cause,
        *sync_run_counts(counts),
        duration_ms,
    )


async def list_active_user_ids(conn: Conn) -> list[int]:
    """Users with a working Google grant."""
    rows = await conn.fetch(
        "SELECT id FROM users WHERE google_status = 'active' AND refresh_token_enc IS NOT NULL "
        "ORDER BY id"
    )
    return [r["id"] for r in rows]


_AFFECTED = """
    u.google_status = 'active' AND u.refresh_token_enc IS NOT NULL AND (
        EXISTS (SELECT 1 FROM calendar_events e
                WHERE e.user_id = u.id AND e.contest_id = ANY($1::bigint[]))
        OR u.platforms && $2::text[]
        OR (cardinality(u.platforms) = 0 AND cardinality($2::text[]) > 0)
    )
"""


async def list_users_affected_by(
    conn: Conn, changed_or_cancelled: Sequence[int], created_platforms: Sequence[str]
) -> list[int]:
    """Active users with an event for a changed/cancelled contest, or following a platform with
    new contests."""
    rows = await conn.fetch(
        f"SELECT DISTINCT u.id FROM users u WHERE {_AFFECTED} ORDER BY u.id",
        list(changed_or_cancelled),
        list(created_platforms),
    )
    return [r["id"] for r in rows]


async def mark_users_affected_by(
    conn: Conn, changed_or_cancelled: Sequence[int], created_platforms: Sequence[str]
) -> int:
    """In the scrape's transaction: mark every affected user as needing a sync; how many."""
    status: str = await conn.execute(
        f"UPDATE users u SET sync_wanted_at = clock_timestamp() WHERE {_AFFECTED}",
        list(changed_or_cancelled),
        list(created_platforms),
    )
    return int(status.rsplit(maxsplit=1)[-1])


async def mark_sync_wanted(conn: Conn, user_id: int) -> None:
    """Mark one user as needing a sync (in the caller's transaction)."""
    await conn.execute("UPDATE users SET sync_wanted_at = clock_timestamp() WHERE id = $1", user_id)


async def get_sync_wanted(conn: Conn, user_id: int) -> datetime | None:
    """The user's mark as it is now (read when a sync begins)."""
    value = await conn.fetchval("SELECT sync_wanted_at FROM users WHERE id = $1", user_id)
    return value if isinstance(value, datetime) else None


async def list_sync_wanted(
    conn: Conn, retry_failed_after: datetime, limit: int = 1000
) -> list[int]:
    """Connected users marked as needing a sync, oldest mark first; a user whose last sync failed
    waits until `retry_failed_after` (the failed-sync retries run meanwhile)."""
    rows = await conn.fetch(
        """
        SELECT id FROM users
        WHERE sync_wanted_at IS NOT NULL AND google_status = 'active'
          AND refresh_token_enc IS NOT NULL
          AND NOT (sync_status = 'failed' AND last_sync_at > $1)
        ORDER BY sync_wanted_at LIMIT $2
        """,
        retry_failed_after,
        limit,
    )
    return [int(r["id"]) for r in rows]


async def delete_user(conn: Conn, user_id: int) -> bool:
    """Remove a user and, by cascade, identities, events, tokens and notices."""
    result = await conn.execute("DELETE FROM users WHERE id = $1", user_id)
    return bool(result.endswith(" 1"))


async def get_user_by_identity(
    conn: Conn, chat_platform: str, external_user_id: str
) -> User | None:
    """The user behind a chat identity."""
    row = await conn.fetchrow(
        f"""
        SELECT {_USER_COLUMNS} FROM users
        WHERE id = (SELECT user_id FROM identities
                    WHERE chat_platform = $1 AND external_user_id = $2)
        """,
        chat_platform,
        external_user_id,
    )
    return None if row is None else _user(row)


async def get_user_for_update(conn: asyncpg.Connection, user_id: int) -> User | None:
    """One user, row-locked until the caller's transaction ends (read-modify-write of prefs)."""
    row = await conn.fetchrow(
        f"SELECT {_USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE", user_id
    )
    return None if row is None else _user(row)


async def get_sync_result(conn: Conn, user_id: int) -> dict[str, int] | None:
    """What the user's last completed sync wrote (created/updated/deleted/failed), if recorded."""
    raw = await conn.fetchval("SELECT last_sync_result FROM users WHERE id = $1", user_id)
    if raw is None:
        return None
    data = json.loads(raw) if isinstance(raw, str) else raw
    if not isinstance(data, dict):
        return None
    return {str(k): int(v) for k, v in data.items() if isinstance(v, int)}


async def mark_identity_blocked(
    conn: Conn, chat_platform: str, chat_id: str, at: datetime | None = None
) -> int:
    """The chat refuses our messages (the user blocked the bot): stop sending there.

    Returns how many identities were newly marked.
    """
    result = await conn.execute(
        """
        UPDATE identities SET blocked_at = COALESCE($3, now())
        WHERE chat_platform = $1 AND chat_id = $2 AND blocked_at IS NULL
        """,
        chat_platform,
        chat_id,
        at,
    )
    return int(result.rsplit(" ", 1)[1])


async def unmark_identity_blocked(conn: Conn, chat_platform: str, external_user_id: str) -> int:
    """The user wrote to the bot again, so they are reachable; returns how many changed."""
    result = await conn.execute(
        """
        UPDATE identities SET blocked_at = NULL
        WHERE chat_platform = $1 AND external_user_id = $2 AND blocked_at IS NOT NULL
        """,
        chat_platform,
        external_user_id,
    )
    return int(result.rsplit(" ", 1)[1])


async def update_identity_chat_id(
    conn: Conn, chat_platform: str, old_chat_id: str, new_chat_id: str
) -> int:
    """A chat moved (a Telegram group became a supergroup); returns how many identities moved."""
    result = await conn.execute(
        "UPDATE identities SET chat_id = $3 WHERE chat_platform = $1 AND chat_id = $2",
        chat_platform,
        old_chat_id,
        new_chat_id,
    )
    return int(result.rsplit(" ", 1)[1])
