"""Queries on the notices outbox."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from shared.db import Conn


@dataclass(frozen=True, slots=True)
class Notice:
    """A chat message waiting for (or past) delivery."""

    id: int
    user_id: int | None
    chat_platform: str
    chat_id: str
    kind: str
    body: str
    created_at: datetime
    sent_at: datetime | None


async def insert_notice(
    conn: Conn,
    user_id: int | None,
    chat_platform: str,
    chat_id: str,
    kind: str,
    body: str,
    buttons: Sequence[Sequence[tuple[str, str]]] = (),
) -> int:
    """Record a notice (with rows of (label, callback data) buttons); returns its id."""
    value = await conn.fetchval(
        """
        INSERT INTO notices (user_id, chat_platform, chat_id, kind, body, buttons)
        VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id
        """,
        user_id,
        chat_platform,
        chat_id,
        kind,
        body,
        json.dumps([[list(b) for b in row] for row in buttons]) if buttons else None,
    )
    return int(value)


async def list_notices(conn: Conn, user_id: int) -> list[Notice]:
    """Notices of a user, oldest first."""
    rows = await conn.fetch(
        """
        SELECT id, user_id, chat_platform, chat_id, kind, body, created_at, sent_at
        FROM notices WHERE user_id = $1 ORDER BY id
        """,
        user_id,
    )
    return [Notice(**dict(r)) for r in rows]


async def mark_notice_sent(conn: Conn, notice_id: int, at: datetime) -> None:
    """Delivered."""
    await conn.execute("UPDATE notices SET sent_at = $2 WHERE id = $1", notice_id, at)


async def mark_notice_failed(conn: Conn, notice_id: int, error: str) -> None:
    """A delivery attempt failed; it stays queued."""
    await conn.execute(
        "UPDATE notices SET attempts = attempts + 1, last_error = $2 WHERE id = $1",
        notice_id,
        error[:300],
    )


async def delete_old_notices(conn: Conn, sent_before: datetime, unsent_before: datetime) -> int:
    """Retention: notices carry personal data (an email in "Connected as …"); delivered ones are
    kept briefly, undeliverable ones a little longer. Returns how many were deleted."""
    status = await conn.execute(
        """
        DELETE FROM notices
        WHERE (sent_at IS NOT NULL AND sent_at < $1) OR (sent_at IS NULL AND created_at < $2)
        """,
        sent_before,
        unsent_before,
    )
    return int(status.split()[-1])


@dataclass(frozen=True, slots=True)
class PendingNotice:
    """An unsent notice, with what it takes to send it again."""

    id: int
    chat_platform: str
    chat_id: str
    body: str
    buttons: tuple[tuple[tuple[str, str], ...], ...]


async def list_unsent_notices(
    conn: Conn,
    chat_platforms: Sequence[str],
    since: datetime,
    before: datetime,
    max_attempts: int,
    limit: int,
) -> list[PendingNotice]:
    """Notices recorded between `since` and `before` and not yet delivered (tried fewer than
    `max_attempts` times) for these chat platforms, oldest first."""
    rows = await conn.fetch(
        """
        SELECT id, chat_platform, chat_id, body, buttons FROM notices
        WHERE sent_at IS NULL AND created_at >= $2 AND created_at < $3 AND attempts < $4
          AND chat_platform = ANY($1::text[])
        ORDER BY id LIMIT $5
        """,
        list(chat_platforms),
        since,
        before,
        max_attempts,
        limit,
    )
    out = []
    for r in rows:
        raw = json.loads(r["buttons"]) if isinstance(r["buttons"], str) else r["buttons"]
        buttons = tuple(tuple((str(b[0]), str(b[1])) for b in row) for row in raw or [])
        out.append(PendingNotice(r["id"], r["chat_platform"], r["chat_id"], r["body"], buttons))
    return out
