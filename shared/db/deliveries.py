"""Queries on contest-message subscribers and their deliveries (exactly-once, kept in step)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from shared.db import Conn

# A lead-0 reminder ("starting now") may still go out this long after the start; any other
# reminder is dropped once its contest has started.
_DEADLINE = (
    "(c.starts_at + CASE WHEN d.lead_minutes = 0 THEN interval '5 minutes' "
    "ELSE interval '0 minutes' END)"
)


@dataclass(frozen=True, slots=True)
class GroupSubscription:
    """A Telegram group's subscription (one row per group; the topic it was made in)."""

    id: int
    chat_id: str
    thread_id: int | None
    platforms: list[str]
    reminder_minutes: list[int]
    active: bool


@dataclass(frozen=True, slots=True)
class DeliveryJob:
    """A claimed delivery with everything needed to send (or edit) its message."""

    id: int
    subscriber_id: int
    subscriber_kind: str
    chat_platform: str
    chat_id: str | None  # None: the subscriber lost its chat (e.g. a server without a channel)
    thread_id: int | None
    external_user_id: str | None
    role_id: str | None
    timezone: str
    lead_minutes: int
    attempts: int
    contest_id: int
    platform: str
    title: str
    url: str
    starts_at: datetime
    ends_at: datetime
    cancelled_at: datetime | None
    message_id: str | None
    sent_chat_id: str | None
    shown_starts_at: datetime | None
    owner_id: str | None  # a Discord server's: who ran /setup; a group's: who ran /subscribe


@dataclass(frozen=True, slots=True)
class Digest:
    """A subscriber's daily digest setting: the local hour (None = off) and its time zone."""

    subscriber_id: int
    hour: int | None
    timezone: str | None  # a group's or server's own zone (a person's is their /timezone)


@dataclass(frozen=True, slots=True)
class DigestJob:
    """A claimed daily digest with everything needed to send it."""

    id: int
    subscriber_id: int
    subscriber_kind: str
    chat_platform: str
    chat_id: str | None
    thread_id: int | None
    external_user_id: str | None
    timezone: str
    platforms: list[str]
    attempts: int
    digest_day: date
    owner_id: str | None


@dataclass(frozen=True, slots=True)
class DigestContest:
    """One contest a digest lists."""

    platform: str
    title: str
    url: str
    starts_at: datetime
    ends_at: datetime


# ---- subscribers


async def refresh_subscribers(conn: Conn) -> int:
    """Give every chat identity and every set-up Discord server its subscriber row, and switch
    back on a server's channel that refused us once its admins ran /setup since; returns how
    many rows were added."""
    added = await conn.fetchval(
        """
        WITH people AS (
            INSERT INTO subscribers (kind, chat_platform, external_user_id)
            SELECT 'person', i.chat_platform, i.external_user_id FROM identities i
            WHERE NOT EXISTS (
                SELECT 1 FROM subscribers s WHERE s.kind = 'person'
                AND s.chat_platform = i.chat_platform AND s.external_user_id = i.external_user_id)
            ON CONFLICT DO NOTHING RETURNING 1
        ), servers AS (
            INSERT INTO subscribers (kind, chat_platform, guild_id)
            SELECT 'channel', 'discord', g.guild_id FROM guilds g
            WHERE NOT EXISTS (
                SELECT 1 FROM subscribers s WHERE s.kind = 'channel' AND s.guild_id = g.guild_id)
            ON CONFLICT DO NOTHING RETURNING 1
        )
        SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM servers)
        """
    )
    await conn.execute(
        """
        UPDATE subscribers s SET active = true, deactivated_at = NULL, deactivated_why = NULL,
               updated_at = now()
        FROM guilds g
        WHERE s.kind = 'channel' AND s.guild_id = g.guild_id AND NOT s.active
          AND g.updated_at > s.deactivated_at
        """
    )
    return int(added or 0)


async def upsert_group_subscription(
    conn: Conn,
    chat_id: str,
    thread_id: int | None,
    platforms: Sequence[str],
    reminder_minutes: Sequence[int],
    subscribed_by: str | None = None,
) -> GroupSubscription:
    """Subscribe a Telegram group (again): its platforms, lead times and topic, and the admin
    who did (told in private if the group stops taking messages)."""
    row = await conn.fetchrow(
        """
        INSERT INTO subscribers (kind, chat_platform, chat_id, thread_id, platforms,
                                 reminder_minutes, subscribed_by)
        VALUES ('group', 'telegram', $1, $2, $3, $4, $5)
        ON CONFLICT (chat_id) WHERE kind = 'group' DO UPDATE SET
            thread_id = $2, platforms = $3, reminder_minutes = $4, active = true,
            subscribed_by = coalesce($5, subscribers.subscribed_by),
            deactivated_at = NULL, deactivated_why = NULL, updated_at = now()
        RETURNING id, chat_id, thread_id, platforms, reminder_minutes, active
        """,
        chat_id,
        thread_id,
        list(platforms),
        list(reminder_minutes),
        subscribed_by,
    )
    return _group(row)


async def get_group_subscription(conn: Conn, chat_id: str) -> GroupSubscription | None:
    """A Telegram group's subscription, active or not."""
    row = await conn.fetchrow(
        "SELECT id, chat_id, thread_id, platforms, reminder_minutes, active FROM subscribers "
        "WHERE kind = 'group' AND chat_id = $1",
        chat_id,
    )
    return None if row is None else _group(row)


def _group(row: Any) -> GroupSubscription:
    return GroupSubscription(
        id=row["id"],
        chat_id=row["chat_id"],
        thread_id=row["thread_id"],
        platforms=list(row["platforms"]),
        reminder_minutes=list(row["reminder_minutes"]),
        active=row["active"],
    )


async def deactivate_subscriber(conn: Conn, subscriber_id: int, why: str) -> bool:
    """Stop sending to a subscriber (unsubscribed, or the chat refused us); True if it was on.

    Stamped with the database's clock, like `guilds.updated_at`: a /setup after this switches
    a server's channel back on."""
    status: str = await conn.execute(
        "UPDATE subscribers SET active = false, deactivated_at = now(), deactivated_why = $2, "
        "updated_at = now() WHERE id = $1 AND active",
        subscriber_id,
        why[:200],
    )
    return status.endswith(" 1")


async def update_group_chat_id(conn: Conn, old_chat_id: str, new_chat_id: str) -> int:
    """A group became a supergroup: its subscription follows it to the new id."""
    status: str = await conn.execute(
        "UPDATE subscribers SET chat_id = $2, updated_at = now() "
        "WHERE kind = 'group' AND chat_id = $1 "
        "AND NOT EXISTS (SELECT 1 FROM subscribers WHERE kind = 'group' AND chat_id = $2)",
        old_chat_id,
        new_chat_id,
    )
    return int(status.rsplit(maxsplit=1)[-1])


async def update_reminder_delivery(conn: Conn, user_id: int, mode: str) -> None:
    """How a person wants reminders: auto, calendar, chat or both."""
    await conn.execute(
        "UPDATE users SET reminder_delivery = $2, updated_at = now(), "
        "sync_wanted_at = clock_timestamp() WHERE id = $1",
        user_id,
        mode,
    )


async def get_reminder_delivery(conn: Conn, user_id: int) -> str:
    """A person's reminder choice ('auto' when unknown)."""
    value = await conn.fetchval("SELECT reminder_delivery FROM users WHERE id = $1", user_id)
    return str(value or "auto")


# ---- what is due


async def insert_due_deliveries(conn: Conn, now: datetime) -> tuple[int, int]:
    """Record what is due at `now`: for each active subscriber and contest of its platforms,
    the latest lead whose moment has passed, unless that lead (or a later one) is recorded.
    A contest that already started is recorded as dropped (a missed message is never sent
    after the start). Returns (pending, dropped) rows added."""
    rows = await conn.fetch(
        """
        WITH targets AS (
            SELECT s.id, s.created_at, u.platforms, u.reminder_minutes AS leads
            FROM subscribers s
            JOIN identities i ON i.chat_platform = s.chat_platform
                             AND i.external_user_id = s.external_user_id
            JOIN users u ON u.id = i.user_id
            WHERE s.kind = 'person' AND i.blocked_at IS NULL
              AND cardinality(u.reminder_minutes) > 0
              AND (u.reminder_delivery IN ('chat', 'both')
                   OR (u.reminder_delivery = 'auto' AND u.google_status <> 'active'))
            UNION ALL
            SELECT s.id, s.created_at, s.platforms, s.reminder_minutes
            FROM subscribers s WHERE s.kind = 'group' AND s.active
            UNION ALL
            SELECT s.id, s.created_at, g.platforms, g.reminder_minutes
            FROM subscribers s JOIN guilds g ON g.guild_id = s.guild_id
            WHERE s.kind = 'channel' AND s.active AND g.enabled AND g.removed_at IS NULL
              AND g.channel_id IS NOT NULL
        ), candidates AS (
            SELECT t.id AS subscriber_id, t.created_at, c.id AS contest_id, c.starts_at,
                   (SELECT min(l) FROM unnest(t.leads) AS l
                    WHERE c.starts_at - make_interval(mins => l) <= $1::timestamptz) AS lead
            FROM targets t
            JOIN contests c ON c.cancelled_at IS NULL
                 AND (cardinality(t.platforms) = 0 OR c.platform = ANY (t.platforms))
                 AND c.starts_at > $1::timestamptz - interval '1 day'
                 AND c.starts_at <= $1::timestamptz
                                    + make_interval(mins => (SELECT max(l) FROM unnest(t.leads) l))
        )
        INSERT INTO deliveries AS d (subscriber_id, contest_id, kind, lead_minutes, state)
        SELECT cd.subscriber_id, cd.contest_id, 'reminder', cd.lead,
               CASE WHEN $1::timestamptz < cd.starts_at
                         + CASE WHEN cd.lead = 0 THEN interval '5 minutes'
                                ELSE interval '0 minutes' END
                    THEN 'pending' ELSE 'dropped' END
        FROM candidates cd
        WHERE cd.lead IS NOT NULL
          AND ($1::timestamptz < cd.starts_at
               OR cd.created_at <= cd.starts_at - make_interval(mins => cd.lead))
          AND NOT EXISTS (
              SELECT 1 FROM deliveries e
              WHERE e.subscriber_id = cd.subscriber_id AND e.contest_id = cd.contest_id
                AND e.kind = 'reminder' AND e.lead_minutes <= cd.lead)
        ON CONFLICT ON CONSTRAINT deliveries_once DO NOTHING
        RETURNING d.state
        """,
        now,
    )
    pending = sum(1 for r in rows if r["state"] == "pending")
    return pending, len(rows) - pending


async def drop_late_deliveries(conn: Conn, now: datetime) -> int:
    """Pending deliveries (or claims whose lease ran out) that can no longer go out: their
    contest started or was cancelled. Returns how many were dropped."""
    status: str = await conn.execute(
        f"""
        UPDATE deliveries d SET state = 'dropped', lease_until = NULL
        FROM contests c
        WHERE c.id = d.contest_id
          AND (d.state = 'pending' OR (d.state = 'sending' AND d.lease_until < $1::timestamptz))
          AND (c.cancelled_at IS NOT NULL OR $1::timestamptz >= {_DEADLINE})
        """,
        now,
    )
    return int(status.rsplit(maxsplit=1)[-1])


async def supersede_deliveries(conn: Conn) -> int:
    """Unsent reminders overtaken by a later lead of the same contest (only the latest passed
    lead goes out); returns how many."""
    status: str = await conn.execute(
        """
        UPDATE deliveries d SET state = 'superseded', lease_until = NULL
        WHERE d.state = 'pending' AND EXISTS (
            SELECT 1 FROM deliveries e
            WHERE e.subscriber_id = d.subscriber_id AND e.contest_id = d.contest_id
              AND e.kind = d.kind AND e.lead_minutes < d.lead_minutes
              AND e.state IN ('pending', 'sending', 'sent'))
        """
    )
    return int(status.rsplit(maxsplit=1)[-1])


_JOB_SELECT = """
    SELECT d.id, d.subscriber_id, s.kind AS subscriber_kind, s.chat_platform,
           CASE s.kind WHEN 'person' THEN i.chat_id WHEN 'group' THEN s.chat_id
                ELSE g.channel_id END AS chat_id,
           s.thread_id, s.external_user_id,
           CASE WHEN s.kind = 'channel' THEN g.roles ->> c.platform END AS role_id,
           coalesce(u.timezone, 'UTC') AS timezone,
           d.lead_minutes, d.attempts, c.id AS contest_id, c.platform, c.title, c.url, c.starts_at,
           c.ends_at, c.cancelled_at, d.message_id, d.sent_chat_id, d.shown_starts_at,
           CASE s.kind WHEN 'channel' THEN g.configured_by
                       WHEN 'group' THEN s.subscribed_by END AS owner_id
    FROM deliveries d
    JOIN contests c ON c.id = d.contest_id
    JOIN subscribers s ON s.id = d.subscriber_id
    LEFT JOIN identities i ON s.kind = 'person' AND i.chat_platform = s.chat_platform
                          AND i.external_user_id = s.external_user_id
    LEFT JOIN users u ON u.id = i.user_id
    LEFT JOIN guilds g ON s.kind = 'channel' AND g.guild_id = s.guild_id
    WHERE d.id = ANY ($1::bigint[])
    ORDER BY c.starts_at, d.id
"""


# A delivery that may be claimed at $1: pending (its retry time, if any, passed), or claimed by a
# worker whose lease lapsed (it stopped mid-send).
_CLAIMABLE = """((d.state = 'pending'
                   AND (d.lease_until IS NULL OR d.lease_until <= $1::timestamptz))
                  OR (d.state = 'sending' AND d.lease_until < $1::timestamptz))"""


def _claim_query(set_: str, where: str, order_by: str, still: str = "") -> str:
    """A claim at $1 of up to $4 deliveries to the chat platforms $3, $2 the lease: the rows
    `where` picks (with their contest `c` and subscriber `s`), in `order_by`, locked and
    skipping rows another worker holds (two workers never claim the same row), then updated
    with `set_` (`still`: a last condition on the row `u`); returns their ids."""
    return f"""
        UPDATE deliveries AS u SET {set_}
        FROM (
            SELECT d.id FROM deliveries d
            JOIN contests c ON c.id = d.contest_id
            JOIN subscribers s ON s.id = d.subscriber_id
            WHERE s.chat_platform = ANY ($3::text[])
              AND {where}
            ORDER BY {order_by}
            LIMIT $4
            FOR UPDATE OF d SKIP LOCKED
        ) AS picked
        WHERE u.id = picked.id {still}
        RETURNING u.id
        """


_CLAIM_DUE = _claim_query(
    set_="state = 'sending', lease_until = $2, attempts = u.attempts + 1",
    where=f"""{_CLAIMABLE}
              AND c.cancelled_at IS NULL
              AND c.starts_at - make_interval(mins => d.lead_minutes) <= $1::timestamptz
              AND $1::timestamptz < {_DEADLINE}""",
    order_by="c.starts_at, d.id",
    still="AND u.state IN ('pending', 'sending')",
)

_CLAIM_EDITS = _claim_query(
    set_="edit_lease_until = $2",
    where="""d.state = 'sent' AND d.message_id IS NOT NULL
              AND (d.edit_lease_until IS NULL OR d.edit_lease_until < $1::timestamptz)
              AND c.ends_at > $1::timestamptz - interval '1 day'
              AND ((c.cancelled_at IS NOT NULL AND d.shown_status <> 'cancelled')
                   OR (c.cancelled_at IS NULL AND c.starts_at <> d.shown_starts_at))""",
    order_by="d.id",
)


async def _claim(
    conn: Conn,
    query: str,
    now: datetime,
    lease_until: datetime,
    chat_platforms: Sequence[str],
    limit: int,
) -> list[DeliveryJob]:
    ids = await conn.fetch(query, now, lease_until, list(chat_platforms), limit)
    return await _jobs(conn, [r["id"] for r in ids])


async def claim_deliveries(
    conn: Conn, now: datetime, lease_until: datetime, chat_platforms: Sequence[str], limit: int
) -> list[DeliveryJob]:
    """Claim up to `limit` due deliveries for these chat platforms (row locks, SKIP LOCKED:
    two workers never claim the same row); a claim holds until `lease_until`, after which a
    delivery whose worker died is claimed again."""
    return await _claim(conn, _CLAIM_DUE, now, lease_until, chat_platforms, limit)


async def _jobs(conn: Conn, ids: list[int]) -> list[DeliveryJob]:
    if not ids:
        return []
    rows = await conn.fetch(_JOB_SELECT, ids)
    return [DeliveryJob(**dict(r)) for r in rows]


async def mark_delivery_sent(
    conn: Conn, delivery_id: int, chat_id: str, message_id: str, shown: datetime, at: datetime
) -> bool:
    """The message went out: remember where, and the start time it shows."""
    status: str = await conn.execute(
        """
        UPDATE deliveries SET state = 'sent', lease_until = NULL, message_id = $3,
               sent_chat_id = $2, sent_at = $5, shown_starts_at = $4, shown_status = 'scheduled',
               last_error = NULL
        WHERE id = $1 AND state = 'sending'
        """,
        delivery_id,
        chat_id,
        message_id,
        shown,
        at,
    )
    return status.endswith(" 1")


async def release_delivery(
    conn: Conn, delivery_id: int, error: str, retry_at: datetime, max_attempts: int
) -> str:
    """A send failed: back to pending until `retry_at`, or failed after `max_attempts`."""
    value = await conn.fetchval(
        """
        UPDATE deliveries SET state = CASE WHEN attempts >= $4 THEN 'failed' ELSE 'pending' END,
               lease_until = $3, last_error = $2
        WHERE id = $1 AND state = 'sending' RETURNING state
        """,
        delivery_id,
        error[:300],
        retry_at,
        max_attempts,
    )
    return str(value or "")


async def give_up_delivery(conn: Conn, delivery_id: int, error: str) -> None:
    """The subscriber is gone: this delivery will not be tried again."""
    await conn.execute(
        "UPDATE deliveries SET state = 'failed', lease_until = NULL, last_error = $2 "
        "WHERE id = $1 AND state = 'sending'",
        delivery_id,
        error[:300],
    )


# ---- kept in step


async def claim_edits(
    conn: Conn, now: datetime, lease_until: datetime, chat_platforms: Sequence[str], limit: int
) -> list[DeliveryJob]:
    """Sent messages whose contest moved or was cancelled since (not yet ended a day ago),
    claimed for editing until `lease_until`."""
    return await _claim(conn, _CLAIM_EDITS, now, lease_until, chat_platforms, limit)


async def mark_delivery_edited(conn: Conn, delivery_id: int, shown: datetime, status: str) -> None:
    """The sent message now shows this start and status."""
    await conn.execute(
        "UPDATE deliveries SET shown_starts_at = $2, shown_status = $3, edit_lease_until = NULL "
        "WHERE id = $1",
        delivery_id,
        shown,
        status,
    )


async def list_deliveries(conn: Conn) -> list[dict[str, Any]]:
    """Every delivery with its subscriber and contest keys (tests, admin views)."""
    rows = await conn.fetch(
        "SELECT id, subscriber_id, contest_id, kind, lead_minutes, state, message_id, "
        "sent_chat_id, shown_status, attempts FROM deliveries ORDER BY id"
    )
    return [dict(r) for r in rows]


# ---- daily digests


async def ensure_person_subscriber(conn: Conn, chat_platform: str, external_user_id: str) -> int:
    """A person's subscriber row (made now if the engine has not made it yet); its id."""
    await conn.execute(
        "INSERT INTO subscribers (kind, chat_platform, external_user_id) "
        "VALUES ('person', $1, $2) ON CONFLICT DO NOTHING",
        chat_platform,
        external_user_id,
    )
    return int(
        await conn.fetchval(
            "SELECT id FROM subscribers WHERE kind = 'person' AND chat_platform = $1 "
            "AND external_user_id = $2",
            chat_platform,
            external_user_id,
        )
    )


async def ensure_channel_subscriber(conn: Conn, guild_id: str) -> int | None:
    """A set-up Discord server's subscriber row (made now if need be); None without a setup."""
    await conn.execute(
        "INSERT INTO subscribers (kind, chat_platform, guild_id) "
        "SELECT 'channel', 'discord', guild_id FROM guilds WHERE guild_id = $1 "
        "ON CONFLICT DO NOTHING",
        guild_id,
    )
    value = await conn.fetchval(
        "SELECT id FROM subscribers WHERE kind = 'channel' AND guild_id = $1", guild_id
    )
    return None if value is None else int(value)


async def get_digest(conn: Conn, subscriber_id: int) -> Digest:
    """A subscriber's digest setting."""
    row = await conn.fetchrow(
        "SELECT digest_hour, timezone FROM subscribers WHERE id = $1", subscriber_id
    )
    if row is None:
        return Digest(subscriber_id, None, None)
    return Digest(subscriber_id, row["digest_hour"], row["timezone"])


async def set_digest(
    conn: Conn, subscriber_id: int, hour: int | None, timezone: str | None, since: datetime
) -> Digest:
    """Switch a subscriber's digest on at `hour` (in `timezone`, kept when None) or off (None).

    `since` is stamped only when the hour or the zone changes: a day whose hour had passed by
    then gets no digest, and repeating the same setting changes nothing."""
    row = await conn.fetchrow(
        """
        UPDATE subscribers SET
            digest_since = CASE WHEN digest_hour IS DISTINCT FROM $2
                                  OR timezone IS DISTINCT FROM coalesce($3, timezone)
                                THEN $4 ELSE digest_since END,
            digest_hour = $2, timezone = coalesce($3, timezone), updated_at = now()
        WHERE id = $1
        RETURNING id, digest_hour, timezone
        """,
        subscriber_id,
        hour,
        timezone,
        since,
    )
    return Digest(row["id"], row["digest_hour"], row["timezone"])


# Subscribers whose digest is on and who can be reached: (id, hour, since, zone).
_DIGEST_TARGETS = """
    SELECT s.id, s.digest_hour, s.digest_since, coalesce(u.timezone, 'UTC') AS zone
    FROM subscribers s
    JOIN identities i ON i.chat_platform = s.chat_platform
                     AND i.external_user_id = s.external_user_id
    JOIN users u ON u.id = i.user_id
    WHERE s.kind = 'person' AND s.digest_hour IS NOT NULL AND i.blocked_at IS NULL
    UNION ALL
    SELECT s.id, s.digest_hour, s.digest_since, coalesce(s.timezone, 'UTC')
    FROM subscribers s
    WHERE s.kind = 'group' AND s.active AND s.digest_hour IS NOT NULL
    UNION ALL
    SELECT s.id, s.digest_hour, s.digest_since, coalesce(s.timezone, 'UTC')
    FROM subscribers s JOIN guilds g ON g.guild_id = s.guild_id
    WHERE s.kind = 'channel' AND s.active AND s.digest_hour IS NOT NULL
      AND g.enabled AND g.removed_at IS NULL AND g.channel_id IS NOT NULL
"""


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


async def insert_due_digests(conn: Conn, now: datetime) -> int:
    """Record today's digest (the subscriber's local day) for each subscriber whose local hour
    has come, unless recorded already or switched on after it; returns how many were added.

    Local days are worked out here (Python's zoneinfo, with `now` injectable) for each (zone,
    hour) in use, then matched in one INSERT."""
    pairs = await conn.fetch(f"SELECT DISTINCT zone, digest_hour FROM ({_DIGEST_TARGETS}) t")
    zones: list[str] = []
    hours: list[int] = []
    days: list[date] = []
    due: list[datetime] = []
    ends: list[datetime] = []
    for row in pairs:
        zone = _zone(row["zone"])
        local = now.astimezone(zone)
        if local.hour < row["digest_hour"]:
            continue
        day = local.date()
        zones.append(row["zone"])
        hours.append(row["digest_hour"])
        days.append(day)
        due.append(datetime.combine(day, time(row["digest_hour"]), tzinfo=zone))
        ends.append(datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone))
    if not zones:
        return 0
    status = await conn.execute(
        f"""
        WITH t AS ({_DIGEST_TARGETS}),
        z AS (SELECT * FROM unnest($1::text[], $2::int[], $3::date[], $4::timestamptz[],
                                   $5::timestamptz[]) AS z(zone, hour, day, due_at, ends_at))
        INSERT INTO deliveries (subscriber_id, kind, lead_minutes, digest_day, expires_at)
        SELECT t.id, 'digest', t.digest_hour * 60, z.day, z.ends_at
        FROM t JOIN z ON z.zone = t.zone AND z.hour = t.digest_hour
        WHERE t.digest_since IS NOT NULL AND t.digest_since <= z.due_at
        ON CONFLICT (subscriber_id, digest_day) WHERE kind = 'digest' DO NOTHING
        """,
        zones,
        hours,
        days,
        due,
        ends,
    )
    return int(status.split()[-1])


async def drop_expired_digests(conn: Conn, now: datetime) -> int:
    """Digests whose local day ended before they could go out; returns how many."""
    status = await conn.execute(
        """
        UPDATE deliveries SET state = 'dropped', lease_until = NULL
        WHERE kind = 'digest' AND expires_at <= $1::timestamptz
          AND (state = 'pending' OR (state = 'sending' AND lease_until < $1::timestamptz))
        """,
        now,
    )
    return int(status.split()[-1])


async def claim_digests(
    conn: Conn, now: datetime, lease_until: datetime, chat_platforms: Sequence[str], limit: int
) -> list[DigestJob]:
    """Claim up to `limit` due digests for these chat platforms, like `claim_deliveries`."""
    rows = await conn.fetch(
        f"""
        WITH picked AS (
            UPDATE deliveries AS u SET state = 'sending', lease_until = $2,
                   attempts = u.attempts + 1
            FROM (
                SELECT d.id FROM deliveries d
                JOIN subscribers s ON s.id = d.subscriber_id
                WHERE d.kind = 'digest'
                  AND {_CLAIMABLE}
                  AND s.chat_platform = ANY ($3::text[])
                  AND $1::timestamptz < d.expires_at
                ORDER BY d.id
                LIMIT $4
                FOR UPDATE OF d SKIP LOCKED
            ) AS p
            WHERE u.id = p.id AND u.state IN ('pending', 'sending')
            RETURNING u.id, u.subscriber_id, u.attempts, u.digest_day
        )
        SELECT p.id, p.subscriber_id, s.kind AS subscriber_kind, s.chat_platform,
               CASE s.kind WHEN 'person' THEN i.chat_id WHEN 'group' THEN s.chat_id
                    ELSE g.channel_id END AS chat_id,
               s.thread_id, s.external_user_id,
               CASE s.kind WHEN 'person' THEN coalesce(u.timezone, 'UTC')
                    ELSE coalesce(s.timezone, 'UTC') END AS timezone,
               CASE s.kind WHEN 'person' THEN u.platforms WHEN 'group' THEN s.platforms
                    ELSE g.platforms END AS platforms,
               p.attempts, p.digest_day,
               CASE s.kind WHEN 'channel' THEN g.configured_by
                           WHEN 'group' THEN s.subscribed_by END AS owner_id
        FROM picked p
        JOIN subscribers s ON s.id = p.subscriber_id
        LEFT JOIN identities i ON s.kind = 'person' AND i.chat_platform = s.chat_platform
                              AND i.external_user_id = s.external_user_id
        LEFT JOIN users u ON u.id = i.user_id
        LEFT JOIN guilds g ON s.kind = 'channel' AND g.guild_id = s.guild_id
        ORDER BY p.id
        """,
        now,
        lease_until,
        list(chat_platforms),
        limit,
    )
    return [DigestJob(**{**dict(r), "platforms": list(r["platforms"] or [])}) for r in rows]


async def list_digest_contests(
    conn: Conn, platforms: Sequence[str], since: datetime, until: datetime, limit: int
) -> list[DigestContest]:
    """Contests of these platforms (all when none) starting in [since, until), not cancelled,
    soonest first."""
    rows = await conn.fetch(
        """
        SELECT platform, title, url, starts_at, ends_at FROM contests
        WHERE cancelled_at IS NULL AND starts_at >= $2::timestamptz AND starts_at < $3::timestamptz
          AND (cardinality($1::text[]) = 0 OR platform = ANY ($1::text[]))
        ORDER BY starts_at, id
        LIMIT $4
        """,
        list(platforms),
        since,
        until,
        limit,
    )
    return [DigestContest(**dict(r)) for r in rows]


async def delete_old_digests(conn: Conn, before: datetime) -> int:
    """Housekeeping: digests whose local day ended before `before` (one row per subscriber
    per day would otherwise pile up); returns how many."""
    status = await conn.execute(
        "DELETE FROM deliveries WHERE kind = 'digest' AND expires_at < $1 "
        "AND state NOT IN ('pending', 'sending')",
        before,
    )
    return int(status.split()[-1])


async def delete_old_deliveries(conn: Conn, ended_before: datetime) -> int:
    """Housekeeping: the reminders of contests that ended before `ended_before` (nothing is sent
    or edited for them any more; one row per subscriber, contest and lead would otherwise pile
    up); returns how many."""
    status = await conn.execute(
        """
        DELETE FROM deliveries d USING contests c
        WHERE d.contest_id = c.id AND d.kind = 'reminder' AND c.ends_at < $1
          AND d.state NOT IN ('pending', 'sending')
        """,
        ended_before,
    )
    return int(status.split()[-1])


async def count_digest_contests(
    conn: Conn, platforms: Sequence[str], since: datetime, until: datetime
) -> int:
    """How many contests `list_digest_contests` would list without a limit."""
    value = await conn.fetchval(
        """
        SELECT count(*) FROM contests
        WHERE cancelled_at IS NULL AND starts_at >= $2::timestamptz AND starts_at < $3::timestamptz
          AND (cardinality($1::text[]) = 0 OR platform = ANY ($1::text[]))
        """,
        list(platforms),
        since,
        until,
    )
    return int(value)


async def finish_digest(
    conn: Conn, delivery_id: int, posted: tuple[str, str] | None, at: datetime
) -> None:
    """The digest went out (`posted` = where it landed), or there was nothing to list
    (`posted` None: recorded as dropped, nothing sent)."""
    if posted is None:
        await conn.execute(
            "UPDATE deliveries SET state = 'dropped', lease_until = NULL, "
            "last_error = 'no contests' WHERE id = $1 AND state = 'sending'",
            delivery_id,
        )
        return
    await conn.execute(
        "UPDATE deliveries SET state = 'sent', lease_until = NULL, sent_chat_id = $2, "
        "message_id = $3, sent_at = $4, last_error = NULL WHERE id = $1 AND state = 'sending'",
        delivery_id,
        posted[0],
        posted[1],
        at,
    )


# ---- Discord scheduled events


@dataclass(frozen=True, slots=True)
class GuildEventRecord:
    """A scheduled event we created in a server for a contest, and what it holds."""

    guild_id: str
    contest_id: int
    event_id: str
    content_hash: str


@dataclass(frozen=True, slots=True)
class EventContest:
    """A contest as a server's scheduled event needs it (and whether the server follows it)."""

    id: int
    platform: str
    title: str
    url: str
    starts_at: datetime
    ends_at: datetime
    cancelled_at: datetime | None


async def list_event_guilds(conn: Conn) -> list[tuple[str, list[str], bool]]:
    """Servers with a setup or recorded events: (guild id, platforms, mirrors events now)."""
    rows = await conn.fetch(
        """
        SELECT g.guild_id, g.platforms,
               (g.enabled AND g.removed_at IS NULL AND g.channel_id IS NOT NULL) AS mirrored
        FROM guilds g
        WHERE (g.enabled AND g.removed_at IS NULL AND g.channel_id IS NOT NULL)
           OR EXISTS (SELECT 1 FROM guild_events e WHERE e.guild_id = g.guild_id)
        ORDER BY g.guild_id
        """
    )
    return [(r["guild_id"], list(r["platforms"]), r["mirrored"]) for r in rows]


async def list_event_contests(
    conn: Conn, guild_id: str, platforms: Sequence[str], now: datetime, until: datetime
) -> list[EventContest]:
    """Contests a server's events should show (its platforms — all when none — starting
    before `until` and not ended) plus those it has events for, cancelled or not."""
    rows = await conn.fetch(
        """
        SELECT c.id, c.platform, c.title, c.url, c.starts_at, c.ends_at, c.cancelled_at
        FROM contests c
        WHERE (c.cancelled_at IS NULL AND c.ends_at > $3::timestamptz
               AND c.starts_at <= $4::timestamptz
               AND (cardinality($2::text[]) = 0 OR c.platform = ANY ($2::text[])))
           OR c.id IN (SELECT contest_id FROM guild_events WHERE guild_id = $1)
        ORDER BY c.starts_at, c.id
        """,
        guild_id,
        list(platforms),
        now,
        until,
    )
    return [EventContest(**dict(r)) for r in rows]


async def list_guild_events(conn: Conn, guild_id: str) -> list[GuildEventRecord]:
    """The events recorded for a server."""
    rows = await conn.fetch(
        "SELECT guild_id, contest_id, event_id, content_hash FROM guild_events "
        "WHERE guild_id = $1 ORDER BY contest_id",
        guild_id,
    )
    return [GuildEventRecord(**dict(r)) for r in rows]


async def upsert_guild_event(
    conn: Conn, guild_id: str, contest_id: int, event_id: str, content_hash: str
) -> None:
    """Record a created or updated event."""
    await conn.execute(
        """
        INSERT INTO guild_events (guild_id, contest_id, event_id, content_hash)
        VALUES ($1, $2, $3, $4)
        ON CONFLICT (guild_id, contest_id) DO UPDATE SET
            event_id = $3, content_hash = $4, synced_at = now()
        """,
        guild_id,
        contest_id,
        event_id,
        content_hash,
    )


async def delete_guild_event(conn: Conn, guild_id: str, contest_id: int) -> None:
    """Forget a deleted event."""
    await conn.execute(
        "DELETE FROM guild_events WHERE guild_id = $1 AND contest_id = $2", guild_id, contest_id
    )
