"""Queries on calendar_events: what we last wrote to each user's calendar."""

from __future__ import annotations

from datetime import datetime

from shared.db.contests import Conn
from shared.models import CalendarEventRecord


async def list_calendar_events(conn: Conn, user_id: int) -> list[CalendarEventRecord]:
    """Every recorded event of a user."""
    rows = await conn.fetch(
        """
        SELECT user_id, contest_id, event_id, calendar_id, content_hash
        FROM calendar_events WHERE user_id = $1 ORDER BY contest_id
        """,
        user_id,
    )
    return [
        CalendarEventRecord(
            r["user_id"], r["contest_id"], r["event_id"], r["calendar_id"], r["content_hash"]
        )
        for r in rows
    ]


async def upsert_calendar_event(conn: Conn, record: CalendarEventRecord, now: datetime) -> None:
    """Record that an event now holds this content."""
    await conn.execute(
        """
        INSERT INTO calendar_events (user_id, contest_id, event_id, calendar_id, content_hash,
                                     synced_at)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (user_id, contest_id) DO UPDATE SET
            event_id = EXCLUDED.event_id, calendar_id = EXCLUDED.calendar_id,
            content_hash = EXCLUDED.content_hash, synced_at = EXCLUDED.synced_at
        """,
        record.user_id,
        record.contest_id,
        record.event_id,
        record.calendar_id,
        record.content_hash,
        now,
    )


async def delete_calendar_event(conn: Conn, user_id: int, contest_id: int) -> None:
    """Forget an event that was deleted (or is gone) on Google's side."""
    await conn.execute(
        "DELETE FROM calendar_events WHERE user_id = $1 AND contest_id = $2", user_id, contest_id
    )


async def delete_calendar_events(conn: Conn, user_id: int) -> int:
    """Forget every event of a user (calendar recreated or disconnected)."""
    result = await conn.execute("DELETE FROM calendar_events WHERE user_id = $1", user_id)
    return int(result.split()[-1])
