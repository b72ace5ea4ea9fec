"""/disconnect (keep or delete the calendar), /deleteme (every trace of the person), and the
buttons of one person's many chats (approve a chat joining, remove a linked chat)."""

from __future__ import annotations

import logging

from bot.core.commands.common import (
    asker,
    button_expired,
)
from bot.core.linking import cmd_link, cmd_unlink, render_deleted, render_disconnected
from bot.core.registry import Registry
from bot.core.types import Button, Context, Invocation, Reply
from shared.calendar.plan import CALENDAR_SUMMARY
from shared.models import GoogleStatus, User
from shared.services.linking import APPROVE_PREFIX, UNLINK_PREFIX
from shared.services.sync import delete_user_data, disconnect_user

log = logging.getLogger(__name__)


def _linked(user: User) -> bool:
    return user.google_status is not GoogleStatus.NONE or user.google_sub is not None


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
        released = await disconnect_user(
            ctx.res.db, ctx.res.valkey, ctx.res.arq, user.id, delete_calendar=delete
        )
        log.info("user %d disconnected (delete calendar: %s)", user.id, delete)
        return Reply(
            render_disconnected(account, delete, released.google_pending),
            edit=True,
            toast="Disconnected",
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
        released = await delete_user_data(ctx.res.db, ctx.res.valkey, ctx.res.arq, user.id)
        ctx.memory.identities.pop((inv.chat_platform.value, inv.user_id), None)
        log.info("user %d deleted their data", user.id)
        return Reply(render_deleted(released.google_pending), edit=True, toast="Deleted")
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
    # Approve / Deny under a link request ("la:…") and the removals of /status ("ul:…").
    registry.command(
        "link",
        "Approve or deny a chat joining your account",
        hidden=True,
        button_prefixes=(APPROVE_PREFIX,),
    )(cmd_link)
    registry.command(
        "unlink",
        "Remove a linked chat",
        private_only=True,
        hidden=True,
        button_prefixes=(UNLINK_PREFIX,),
    )(cmd_unlink)
