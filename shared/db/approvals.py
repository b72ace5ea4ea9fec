"""Queries on link_approvals: a chat identity waiting for an existing user's approval to join."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import asyncpg

from shared.db import Conn

_COLUMNS = (
    "id, target_user_id, chat_platform, external_user_id, created_at, expires_at, decided_at, "
    "decision"
)


@dataclass(frozen=True, slots=True)
class LinkApproval:
    """Identity (chat_platform, external_user_id) asks to join user `target_user_id`."""

    id: int
    target_user_id: int
    chat_platform: str
    external_user_id: str
    created_at: datetime
    expires_at: datetime
    decided_at: datetime | None
    decision: str | None


def _approval(row: asyncpg.Record) -> LinkApproval:
    return LinkApproval(**dict(row))


async def insert_approval(
    conn: Conn,
    target_user_id: int,
    chat_platform: str,
    external_user_id: str,
    now: datetime,
    expires_at: datetime,
) -> LinkApproval:
    """Open a request (any older open request of the same identity for that user is closed)."""
    await conn.execute(
        """
        UPDATE link_approvals SET decided_at = $4, decision = 'denied'
        WHERE target_user_id = $1 AND chat_platform = $2 AND external_user_id = $3
          AND decided_at IS NULL
        """,
        target_user_id,
        chat_platform,
        external_user_id,
        now,
    )
    row = await conn.fetchrow(
        f"""
        INSERT INTO link_approvals (target_user_id, chat_platform, external_user_id, created_at,
                                    expires_at)
        VALUES ($1, $2, $3, $4, $5)
        RETURNING {_COLUMNS}
        """,
        target_user_id,
        chat_platform,
        external_user_id,
        now,
        expires_at,
    )
    assert row is not None
    return _approval(row)


async def get_approval_for_update(conn: Conn, approval_id: int) -> LinkApproval | None:
    """One request, locked for the decision (run in a transaction)."""
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS} FROM link_approvals WHERE id = $1 FOR UPDATE", approval_id
    )
    return _approval(row) if row is not None else None


async def update_decision(conn: Conn, approval_id: int, decision: str, now: datetime) -> None:
    """Record 'approved' or 'denied'."""
    await conn.execute(
        "UPDATE link_approvals SET decision = $2, decided_at = $3 WHERE id = $1",
        approval_id,
        decision,
        now,
    )


async def delete_old_approvals(conn: Conn, before: datetime) -> int:
    """Forget requests that expired before `before`; returns how many."""
    status = await conn.execute("DELETE FROM link_approvals WHERE expires_at < $1", before)
    return int(status.split()[-1])
