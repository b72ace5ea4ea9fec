"""Queries on Discord server setups (the `guilds` table)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from shared.db import Conn
from shared.models import GuildSetup

_COLUMNS = (
    "guild_id, channel_id, platforms, roles, reminder_minutes, enabled, picker_channel_id, "
    "picker_message_id, configured_by, removed_at"
)


def _setup(row: Any) -> GuildSetup:
    roles = row["roles"]
    return GuildSetup(
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        platforms=list(row["platforms"]),
        roles=dict(json.loads(roles) if isinstance(roles, str) else roles),
        reminder_minutes=list(row["reminder_minutes"]),
        enabled=row["enabled"],
        picker_channel_id=row["picker_channel_id"],
        picker_message_id=row["picker_message_id"],
        configured_by=row["configured_by"],
        removed_at=row["removed_at"],
    )


async def get_guild(conn: Conn, guild_id: str) -> GuildSetup | None:
    """A server's setup, if it has one."""
    row = await conn.fetchrow(f"SELECT {_COLUMNS} FROM guilds WHERE guild_id = $1", guild_id)
    return None if row is None else _setup(row)


async def upsert_guild(
    conn: Conn,
    guild_id: str,
    *,
    configured_by: str,
    channel_id: str | None = None,
    platforms: Sequence[str] | None = None,
    roles: Mapping[str, str] | None = None,
    reminder_minutes: Sequence[int] | None = None,
    enabled: bool | None = None,
) -> GuildSetup:
    """Create a server's setup or change the given parts of it; returns the row as it is now."""
    row = await conn.fetchrow(
        f"""
        INSERT INTO guilds (guild_id, channel_id, platforms, roles, reminder_minutes, enabled,
                            configured_by)
        VALUES ($1, $2, coalesce($3, '{{}}'::text[]), coalesce($4::jsonb, '{{}}'::jsonb),
                coalesce($5, '{{1440,60}}'::integer[]), coalesce($6, true), $7)
        ON CONFLICT (guild_id) DO UPDATE SET
            channel_id = coalesce($2, guilds.channel_id),
            platforms = coalesce($3, guilds.platforms),
            roles = coalesce($4::jsonb, guilds.roles),
            reminder_minutes = coalesce($5, guilds.reminder_minutes),
            enabled = coalesce($6, guilds.enabled),
            configured_by = $7,
            updated_at = now()
        RETURNING {_COLUMNS}
        """,
        guild_id,
        channel_id,
        list(platforms) if platforms is not None else None,
        json.dumps(dict(roles)) if roles is not None else None,
        list(reminder_minutes) if reminder_minutes is not None else None,
        enabled,
        configured_by,
    )
    return _setup(row)


async def update_guild_picker(conn: Conn, guild_id: str, channel_id: str, message_id: str) -> None:
    """Remember the role-picker message posted for a server."""
    await conn.execute(
        "UPDATE guilds SET picker_channel_id = $2, picker_message_id = $3, updated_at = now() "
        "WHERE guild_id = $1",
        guild_id,
        channel_id,
        message_id,
    )


async def mark_guild_removed(conn: Conn, guild_id: str, at: datetime) -> bool:
    """The bot left the server: its setup is kept but inactive; True when one was active."""
    status: str = await conn.execute(
        "UPDATE guilds SET removed_at = $2, updated_at = now() "
        "WHERE guild_id = $1 AND removed_at IS NULL",
        guild_id,
        at,
    )
    return status.endswith(" 1")


async def mark_guild_returned(conn: Conn, guild_id: str) -> bool:
    """The bot is in the server again: its setup resumes; True when one was removed."""
    status: str = await conn.execute(
        "UPDATE guilds SET removed_at = NULL, updated_at = now() "
        "WHERE guild_id = $1 AND removed_at IS NOT NULL",
        guild_id,
    )
    return status.endswith(" 1")


async def list_active_guilds(conn: Conn) -> list[GuildSetup]:
    """Setups whose announcements go out (switched on, channel chosen, bot present)."""
    rows = await conn.fetch(
        f"SELECT {_COLUMNS} FROM guilds "
        "WHERE enabled AND removed_at IS NULL AND channel_id IS NOT NULL ORDER BY guild_id"
    )
    return [_setup(r) for r in rows]
