"""/status: the Google account, the calendar, the last sync and the settings."""

from __future__ import annotations

import logging
from datetime import tzinfo

from bot.core.commands.common import (
    asker,
    labels,
    ordered,
    zone_of,
)
from bot.core.commands.sync import describe_sync
from bot.core.linking import linked_chats
from bot.core.registry import Registry
from bot.core.render import (
    render_list,
)
from bot.core.types import Context, Invocation, Reply
from shared.calendar.plan import CALENDAR_SUMMARY
from shared.db import users as uq
from shared.delivery.render import render_minutes
from shared.models import GoogleStatus, SyncStatus, User

log = logging.getLogger(__name__)


def _last_sync_line(user: User, result: dict[str, int] | None, zone: tzinfo) -> str:
    if user.sync_status is SyncStatus.RUNNING:
        return "running now"
    if user.last_sync_at is None:
        return "never"
    when = f"{user.last_sync_at.astimezone(zone):%d %b %Y %H:%M}"
    return f"{when} — {describe_sync(user, result)}"


async def cmd_status(ctx: Context, inv: Invocation) -> Reply:
    """Your Google account, calendar, last sync, platforms, time zone and reminders."""
    user = await asker(ctx, inv)
    result = await uq.get_sync_result(ctx.res.db.write, user.id)
    zone = zone_of(user.timezone)
    if user.connected:
        account = user.google_email or "connected"
        calendar = f'connected ("{CALENDAR_SUMMARY}")'
    elif user.google_status is GoogleStatus.REVOKED:
        account = user.google_email or "unknown"
        calendar = "access revoked — use /connect"
    else:
        account = "not connected — use /connect"
        calendar = "not connected"
    chosen = ordered(user.platforms)
    platforms = render_list(labels(chosen)) if chosen else "all (none chosen — /platforms)"
    reminders = (
        render_list([render_minutes(m) for m in user.reminder_minutes]) + " before each contest"
        if user.reminder_minutes
        else "none"
    )
    chats, removals = await linked_chats(ctx, user, inv)
    lines = [
        "Your ContestSync status",
        f"Google account: {account}",
        f"Calendar: {calendar}",
        chats,
        f"Last sync: {_last_sync_line(user, result, zone)}",
        f"Platforms: {platforms}",
        f"Time zone: {user.timezone}",
        f"Reminders: {reminders}",
    ]
    return Reply("\n".join(lines), buttons=tuple((b,) for b in removals))


def register(registry: Registry) -> None:
    """/status."""
    registry.command(
        "status", "Your account, last sync and settings", private_only=True, read_only=True
    )(cmd_status)
