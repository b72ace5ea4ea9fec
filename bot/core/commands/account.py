"""/disconnect (keep or delete the calendar) and /deleteme (every trace of the person)."""

from __future__ import annotations

import logging

from bot.core.commands.common import (
    asker,
    button_expired,
)
from bot.core.registry import Registry
from bot.core.types import Button, Context, Invocation, Reply
from shared.cache import drop
from shared.cache import keys as cache_keys
from shared.calendar.plan import CALENDAR_SUMMARY
from shared.jobs import enqueue_delete_user_data, enqueue_disconnect
from shared.models import User

log = logging.getLogger(__name__)


def _linked(user: User) -> bool:
    return user.google_status != "none" or user.google_sub is not None


async def cmd_disconnect(ctx: Context, inv: Invocation) -> Reply:
    """Disconnect Google Calendar, keeping or deleting the "Contests" calendar."""
    user = await asker(ctx, inv)
    data = inv.callback
    if data == "dc:cancel":
        return Reply("Cancelled — nothing changed.", edit=True, toast="Cancelled")
    if data not in (None, "disconnect", "dc:keep", "dc:delete"):
        raise button_expired("disconnect")
    if not _linked(user):
        return Reply(
            "Your Google Calendar is not connected, so there is nothing to disconnect.",
            edit=data is not None and data != "disconnect",
        )
    account = user.google_email or "your Google account"
    if data in ("dc:keep", "dc:delete"):
        delete = data == "dc:delete"
        await enqueue_disconnect(ctx.res.arq, user.id, delete_calendar=delete)
        await drop(ctx.res.valkey, cache_keys.user(user.id))
        log.info("user %d asked to disconnect (delete calendar: %s)", user.id, delete)
        fate = (
            f'and the "{CALENDAR_SUMMARY}" calendar with all its events is being deleted'
            if delete
            else f'the "{CALENDAR_SUMMARY}" calendar stays in your Google account but is no '
            "longer updated"
        )
        return Reply(
            f"Disconnecting: ContestSync's access to {account} is being revoked, {fate}. "
            "Your preferences are kept; use /connect any time to link again.",
            edit=True,
            toast="Disconnecting…",
        )
    rows: list[tuple[Button, ...]] = [(Button("Disconnect, keep calendar", data="dc:keep"),)]
    note = ""
    if user.connected:
        rows.append((Button("Disconnect and delete calendar", data="dc:delete"),))
    else:
        note = (
            "\n\nGoogle no longer accepts ContestSync's access, so the calendar cannot be "
            "deleted from here; remove it in Google Calendar if you like."
        )
    rows.append((Button("Cancel", data="dc:cancel"),))
    return Reply(
        f"Disconnect Google Calendar ({account})?\n\n"
        f'Keep calendar: the "{CALENDAR_SUMMARY}" calendar and its events stay, but stop being '
        f'updated.\nDelete calendar: the "{CALENDAR_SUMMARY}" calendar and all its events are '
        f"removed.\n\nEither way ContestSync's access is revoked; your preferences are kept.{note}",
        buttons=tuple(rows),
    )


async def cmd_deleteme(ctx: Context, inv: Invocation) -> Reply:
    """Delete everything ContestSync keeps about you (asks first)."""
    data = inv.callback
    if data == "del:no":
        return Reply("Cancelled — nothing was deleted.", edit=True, toast="Cancelled")
    if data not in (None, "deleteme", "del:yes"):
        raise button_expired("deleteme")
    user = await asker(ctx, inv)
    if data == "del:yes":
        await enqueue_delete_user_data(ctx.res.arq, user.id)
        await drop(ctx.res.valkey, cache_keys.user(user.id))
        log.info("user %d asked to delete their data", user.id)
        return Reply(
            "Deleting your data: Google access is revoked, the "
            f'"{CALENDAR_SUMMARY}" calendar is deleted, and your preferences, chat links and '
            "sync history are removed. Send /start any time to begin again.",
            edit=True,
            toast="Deleting…",
        )
    return Reply(
        "Delete all your ContestSync data? This revokes Google access, deletes the "
        f'"{CALENDAR_SUMMARY}" calendar with its events, and removes your preferences, chat '
        "links and sync history. It cannot be undone.",
        buttons=(
            (Button("Yes, delete everything", data="del:yes"),),
            (Button("Cancel", data="del:no"),),
        ),
    )


def register(registry: Registry) -> None:
    """/disconnect (button data "dc:…") and /deleteme ("del:…")."""
    registry.command(
        "disconnect",
        "Disconnect your Google Calendar",
        private_only=True,
        button_prefixes=("dc",),
    )(cmd_disconnect)
    registry.command(
        "deleteme", "Delete all your data", private_only=True, button_prefixes=("del",)
    )(cmd_deleteme)
