"""/connect: a one-time Google sign-in link, or a reconnect offer when connected."""

from __future__ import annotations

import logging

from bot.core.commands.common import (
    asker,
    button_expired,
)
from bot.core.registry import Registry
from bot.core.types import Button, Context, Invocation, Reply
from shared.calendar.plan import CALENDAR_SUMMARY
from shared.models import GoogleStatus
from shared.services.connect import LINK_TTL, create_connect_link

log = logging.getLogger(__name__)


async def cmd_connect(ctx: Context, inv: Invocation) -> Reply:
    """Send a one-time Google sign-in link (or, when connected, offer to reconnect)."""
    user = await asker(ctx, inv)
    fresh = inv.callback == "connect:new"
    if inv.callback not in (None, "connect", "connect:new"):
        raise button_expired("connect")
    if user.connected and not fresh:
        return Reply(
            f"Your Google Calendar is connected as {user.google_email or 'a Google account'}. "
            "To use another Google account, or if something looks wrong, tap Reconnect for a "
            "new sign-in link.",
            buttons=((Button("Reconnect", data="connect:new"),),),
        )
    link = await create_connect_link(
        ctx.res.db,
        ctx.res.settings,
        inv.chat_platform.value,
        inv.user_id,
        inv.chat_id,
        inv.username,
    )
    minutes = int(LINK_TTL.total_seconds() // 60)
    lead = (
        "Google stopped accepting ContestSync's access, so please sign in again. "
        if user.google_status is GoogleStatus.REVOKED
        else ""
    )
    return Reply(
        f"{lead}Open the link below to connect your Google Calendar. It expires in {minutes} "
        f'minutes and works once. ContestSync creates its own "{CALENDAR_SUMMARY}" calendar '
        "and touches nothing else.",
        buttons=((Button("Open Google sign-in", url=link.url),),),
        edit=fresh,
    )


def register(registry: Registry) -> None:
    """/connect (button data "connect", "connect:new")."""
    registry.command("connect", "Connect your Google Calendar", private_only=True)(cmd_connect)
