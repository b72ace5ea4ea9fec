"""Chat-neutral handlers for one person's many chats: approving a chat that asks to join, listing
and removing linked chats, and the texts that say what /disconnect and /deleteme really did."""

from __future__ import annotations

from bot.core.types import Button, Context, Invocation, Reply
from shared.calendar.plan import CALENDAR_SUMMARY
from shared.db import users as uq
from shared.models import Identity, User
from shared.services.linking import (
    APPROVE_PREFIX,
    UNLINK_PREFIX,
    chat_label,
    decide_link,
    remove_identity,
)

EXPIRED = "This button is no longer valid."


async def cmd_link(ctx: Context, inv: Invocation) -> Reply:
    """Approve / Deny pressed under a link request (button data `la:y:<id>` or `la:n:<id>`)."""
    parts = (inv.callback or "").split(":")
    if len(parts) != 3 or parts[0] != APPROVE_PREFIX or parts[1] not in ("y", "n"):
        return Reply(EXPIRED, toast=EXPIRED)
    try:
        approval_id = int(parts[2])
    except ValueError:
        return Reply(EXPIRED, toast=EXPIRED)
    res = ctx.res
    result = await decide_link(
        res.db,
        res.arq,
        res.messenger,
        approval_id,
        inv.chat_platform.value,
        inv.user_id,
        approve=parts[1] == "y",
    )
    return Reply(result.message, edit=True, toast=result.message[:190])


async def cmd_unlink(ctx: Context, inv: Invocation) -> Reply:
    """A removal button of /status (`ul:<chat platform>:<external user id>`)."""
    parts = (inv.callback or "").split(":", 2)
    if len(parts) != 3 or parts[0] != UNLINK_PREFIX or not parts[2]:
        return Reply(EXPIRED, toast=EXPIRED)
    message = await remove_identity(
        ctx.res.db, ctx.res.messenger, inv.chat_platform.value, inv.user_id, parts[1], parts[2]
    )
    return Reply(message, edit=True, toast=message[:190])


async def linked_chats(ctx: Context, user: User, inv: Invocation) -> tuple[str, tuple[Button, ...]]:
    """The /status line listing every chat linked to the account, and a removal button for each
    chat other than the asker's own."""
    identities = await uq.list_identities(ctx.res.db.write, user.id)
    labels: list[str] = []
    buttons: list[Button] = []
    for identity in identities:
        own = _is_asker(identity, inv)
        labels.append(chat_label(identity) + (" (this chat)" if own else ""))
        data = f"{UNLINK_PREFIX}:{identity.chat_platform}:{identity.external_user_id}"
        if not own and len(data.encode()) <= 64:
            buttons.append(Button(f"Remove {chat_label(identity)}"[:60], data=data))
    return "Linked chats: " + "; ".join(labels), tuple(buttons)


def _is_asker(identity: Identity, inv: Invocation) -> bool:
    return (identity.chat_platform, identity.external_user_id) == (
        inv.chat_platform.value,
        inv.user_id,
    )


def render_disconnected(account: str, delete_calendar: bool, google_pending: bool) -> str:
    """What /disconnect did at once, and what follows at Google."""
    if not google_pending:
        return (
            f"Disconnected {account}. Google had already withdrawn ContestSync's access, so "
            "there was nothing to revoke"
            + (
                f'; remove the "{CALENDAR_SUMMARY}" calendar in Google Calendar if you like.'
                if delete_calendar
                else "."
            )
            + " Your preferences are kept; use /connect any time to link again."
        )
    fate = (
        f'and deleting the "{CALENDAR_SUMMARY}" calendar'
        if delete_calendar
        else f'(the "{CALENDAR_SUMMARY}" calendar stays, no longer updated)'
    )
    return (
        f"Disconnected {account}: ContestSync no longer uses it. Revoking its access at Google "
        f"{fate} now; I will confirm here when Google has done it. Your preferences are kept; "
        "use /connect any time to link again."
    )


def render_deleted(google_pending: bool) -> str:
    """What /deleteme did at once, and what follows at Google."""
    done = (
        "Your data is deleted: preferences, linked chats, calendar records and sync history are "
        "gone from ContestSync."
    )
    if google_pending:
        return (
            f"{done} Revoking ContestSync's Google access and deleting the "
            f'"{CALENDAR_SUMMARY}" calendar now; I will confirm here when Google has done it. '
            "Send /start any time to begin again."
        )
    return f"{done} Send /start any time to begin again."
