"""Queries for calendar feeds: feed tokens (hash and nonce only) and the contests a feed shows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import asyncpg

from shared.db import Conn
from shared.models import FeedContest, FeedOwner


async def get_feed_owner(conn: Conn, token_hash: bytes) -> FeedOwner | None:
    """The user whose feed token has this hash, with their platforms and reminders."""
    row = await conn.fetchrow(
        """
        SELECT u.id, u.platforms, u.reminder_minutes, u.updated_at
        FROM feed_tokens f JOIN users u ON u.id = f.user_id
        WHERE f.token_hash = $1
        """,
        token_hash,
    )
    if row is None:
        return None
    return FeedOwner(
        user_id=row["id"],
        platforms=list(row["platforms"]),
        reminder_minutes=list(row["reminder_minutes"]),
        updated_at=row["updated_at"],
    )


async def get_feed_nonce(conn: Conn, user_id: int) -> tuple[bytes, bytes] | None:
    """(nonce, token hash) of a user's feed token, if they have one."""
    row = await conn.fetchrow(
        "SELECT nonce, token_hash FROM feed_tokens WHERE user_id = $1", user_id
    )
    return None if row is None else (bytes(row["nonce"]), bytes(row["token_hash"]))


async def upsert_feed_token(
    conn: asyncpg.Connection | asyncpg.Pool, user_id: int, nonce: bytes, token_hash: bytes
) -> None:
    """Give a user this feed token, replacing (and so revoking) any earlier one."""
    await conn.execute(
        """
        INSERT INTO feed_tokens (user_id, nonce, token_hash, created_at)
        VALUES ($1, $2, $3, now())
        ON CONFLICT (user_id) DO UPDATE SET
            nonce = EXCLUDED.nonce, token_hash = EXCLUDED.token_hash, created_at = now()
        """,
        user_id,
        nonce,
        token_hash,
    )


async def delete_feed_token(conn: Conn, user_id: int) -> bool:
    """Revoke a user's feed token; True when there was one."""
    result = await conn.execute("DELETE FROM feed_tokens WHERE user_id = $1", user_id)
    return bool(result.endswith(" 1"))


async def list_feed_contests(
    conn: Conn,
    platforms: Sequence[str] | None,
    start: datetime,
    end: datetime,
    cancelled_since: datetime,
) -> list[FeedContest]:
    """Contests ending after `start` and starting before `end` (all platforms when None);
    cancelled ones only when cancelled after `cancelled_since`. Ordered by start."""
    rows = await conn.fetch(
        """
        SELECT platform, external_id, title, url, starts_at, ends_at, updated_at, sequence,
               cancelled_at
        FROM contests
        WHERE ends_at > $1 AND starts_at < $2
          AND ($3::text[] IS NULL OR platform = ANY($3::text[]))
          AND (cancelled_at IS NULL OR cancelled_at > $4)
        ORDER BY starts_at, platform, external_id
        """,
        start,
        end,
        list(platforms) if platforms is not None else None,
        cancelled_since,
    )
    return [
        FeedContest(
            platform=r["platform"],
            external_id=r["external_id"],
            title=r["title"],
            url=r["url"],
            starts_at=r["starts_at"],
            ends_at=r["ends_at"],
            updated_at=r["updated_at"],
            sequence=r["sequence"],
            cancelled_at=r["cancelled_at"],
        )
        for r in rows
    ]
