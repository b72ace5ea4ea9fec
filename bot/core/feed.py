"""/feed: a personal calendar feed address for any calendar app, no Google account needed.

The address is secret, so it is only answered in a private chat (Telegram) or as an ephemeral
reply (Discord). `/feed reset` replaces it; the old address answers 404 from then on.
"""

from __future__ import annotations

import logging

from bot.core.registry import Registry
from bot.core.types import Context, Invocation, Reply
from shared.db import users as uq
from shared.errors import InvalidArgumentError
from shared.feeds import FEED_AHEAD, FEED_PAST
from shared.services.feeds import FeedLink, get_feed_link

log = logging.getLogger(__name__)

FEED_USAGE = "[reset]"


def render_feed_reply(link: FeedLink, *, reset: bool) -> str:
    """The address, its webcal:// form and one line per calendar app."""
    if reset:
        lead = "Your old feed address no longer works. Your new personal calendar feed:"
    elif link.created:
        lead = "Your personal calendar feed is ready:"
    else:
        lead = "Your personal calendar feed:"
    past, ahead = FEED_PAST.days, FEED_AHEAD.days
    return "\n".join(
        [
            lead,
            link.url,
            "",
            f"Or as a subscription link: {link.webcal_url}",
            "",
            "Apple Calendar: open the webcal:// link, or File → New Calendar Subscription and "
            "paste the address.",
            'Google Calendar: Other calendars → + → "From URL", paste the address.',
            'Outlook: Add calendar → "Subscribe from web", paste the address.',
            'Thunderbird: New Calendar → "On the Network", paste the address.',
            "",
            f"It holds your platforms' contests from {past} days ago to {ahead} days ahead, "
            "with your /reminders, and asks apps to refresh every 30 minutes (Google refreshes "
            "less often). Keep it private: anyone with the address sees your contests. "
            "If it leaked, /feed reset replaces it.",
        ]
    )


async def cmd_feed(ctx: Context, inv: Invocation) -> Reply:
    """Your personal calendar feed address (`/feed reset` replaces it)."""
    words = [a.lower() for a in inv.args]
    if words not in ([], ["reset"]):
        raise InvalidArgumentError(
            "Use /feed for your calendar feed address, or /feed reset to replace it."
        )
    reset = words == ["reset"]
    user_id = await _user_id(ctx, inv)
    link = await get_feed_link(ctx.res.db, ctx.res.settings, user_id, reset=reset)
    if reset:
        log.info("user %d reset their feed address", user_id)
    return Reply(render_feed_reply(link, reset=reset), ephemeral=True)


async def _user_id(ctx: Context, inv: Invocation) -> int:
    """The asker's user (created with their identity if it vanished, e.g. after /deleteme)."""
    user = await uq.get_user_by_identity(ctx.res.db.write, inv.chat_platform.value, inv.user_id)
    if user is not None:
        return user.id
    async with ctx.res.db.write.acquire() as conn, conn.transaction():
        identity = await uq.upsert_identity(
            conn, inv.chat_platform.value, inv.user_id, inv.chat_id, inv.username
        )
    return identity.user_id


def register(registry: Registry) -> None:
    """/feed and /feed reset."""
    registry.command(
        "feed", "Your calendar feed for any calendar app", usage=FEED_USAGE, private_only=True
    )(cmd_feed)
