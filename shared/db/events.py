"""Queries on calendar_events: what we last wrote to each user's calendar."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from shared.db import Conn
from shared.models import CalendarEventRecord

_RECORD_COLUMNS = "user_id, contest_id, event_id, calendar_id, content_hash"


def recorded_rows(user_id: str) -> str:
    """SQL for an array of the events `list_calendar_events` lists, each a row of
    CalendarEventRecord's fields in order, for a statement that reads them with something else;
    `user_id` is an SQL expression."""
    return f"""ARRAY(
        SELECT ROW({_RECORD_COLUMNS}) FROM calendar_events
        WHERE user_id = {user_id} ORDER BY contest_id)"""


def records_from_rows(rows: Sequence[tuple[Any, ...]]) -> list[CalendarEventRecord]:
    """The records of a `recorded_rows` array."""
    return [CalendarEventRecord(*row) for row in rows]


async def list_calendar_events(conn: Conn, user_id: int) -> list[CalendarEventRecord]:
    """Every recorded event of a user."""
    rows = await conn.fetch(
        f"SELECT {_RECORD_COLUMNS} FROM calendar_events WHERE user_id = $1 ORDER BY contest_id",
        user_id,
    )
    return [
        CalendarEventRecord(
            r["user_id"], r["contest_id"], r["event_id"], r["calendar_id"], r["content_hash"]
        )
        for r in rows
    ]


async def record_outcomes(
    conn: Conn,
    user_id: int,
    written: Sequence[CalendarEventRecord],
    deleted_contest_ids: Sequence[int],
    now: datetime,
) -> None:
    """Record events written and forget events deleted, in one statement (so, atomically)."""
    if not written and not deleted_contest_ids:
        return
    await conn.execute(
        """
        WITH gone AS (
            DELETE FROM calendar_events
            WHERE user_id = $1 AND contest_id = ANY($7::bigint[])
        )
        INSERT INTO calendar_events (user_id, contest_id, event_id, calendar_id, content_hash,
                                     synced_at)
        SELECT $1, x.contest_id, x.event_id, x.calendar_id, x.content_hash, $6
        FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[])
             AS x(contest_id, event_id, calendar_id, content_hash)
        ON CONFLICT (user_id, contest_id) DO UPDATE SET
            event_id = EXCLUDED.event_id, calendar_id = EXCLUDED.calendar_id,
            content_hash = EXCLUDED.content_hash, synced_at = EXCLUDED.synced_at
        """,
        user_id,
        [r.contest_id for r in written],
        [r.event_id for r in written],
        [r.calendar_id for r in written],
        [r.content_hash for r in written],
        now,
        list(deleted_contest_ids),
    )


async def delete_calendar_events(conn: Conn, user_id: int) -> int:
    """Forget every event of a user (calendar recreated or disconnected)."""
    result = await conn.execute("DELETE FROM calendar_events WHERE user_id = $1", user_id)
    return int(result.split()[-1])
