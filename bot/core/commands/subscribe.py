"""/subscribe, /unsubscribe, /subscription: contest announcements in a Telegram group.

For the group's administrators only (as Telegram reports them, through the adapter's
`ChatAdmins`). `/subscribe [platform…] [minutes…]` follows the named platforms (all when none)
with announcements 1 day and 1 hour before each start unless lead times are given; in a forum
supergroup they go to the topic the command was sent in. Stored as the group's subscriber row;
the delivery engine (shared/delivery) sends them.
"""

from __future__ import annotations

import logging

from bot.core.commands.common import labels, ordered, resolve_platform, words
from bot.core.commands.reminders import parse_reminders
from bot.core.registry import Arg, ArgKind, Registry
from bot.core.render import render_list
from bot.core.types import ChatPlatform, Context, Invocation, Reply
from shared.db import deliveries as dq
from shared.db.deliveries import GroupSubscription
from shared.delivery.render import render_minutes
from shared.errors import InvalidArgumentError

log = logging.getLogger(__name__)

DEFAULT_LEADS = (1440, 60)
IN_A_GROUP = (
    "/{command} is for groups: add me to a group and send it there. "
    "For reminders to yourself, use /reminders."
)
ADMINS_ONLY = "Only this group's administrators can change its contest announcements."


async def _require_group_admin(ctx: Context, inv: Invocation) -> None:
    if inv.is_private:
        raise InvalidArgumentError(IN_A_GROUP.format(command=inv.command))
    if ctx.chat_admins is None or not await ctx.chat_admins.is_admin(inv.user_id):
        log.info("/%s refused in a group: not an administrator", inv.command)
        raise InvalidArgumentError(ADMINS_ONLY)


def render_subscription(subscription: GroupSubscription | None) -> str:
    """What /subscription says."""
    if subscription is None or not subscription.active:
        return "This group gets no contest announcements. An administrator can /subscribe."
    followed = render_list(labels(subscription.platforms)) or "every platform"
    leads = render_list([render_minutes(m) for m in subscription.reminder_minutes])
    topic = " in the topic it was set up in" if subscription.thread_id is not None else ""
    return f"This group gets announcements{topic} for {followed}, {leads} before each start."


def parse_subscription(args: tuple[str, ...]) -> tuple[list[str], list[int]]:
    """Platforms (all when none) and lead times (1 day and 1 hour when none) of /subscribe."""
    platforms: set[str] = set()
    rest: list[str] = []
    for token in words(args):
        platform = resolve_platform(token)
        if platform is not None:
            platforms.add(platform)
        else:
            rest.append(token)
    leads = parse_reminders(rest) if rest else list(DEFAULT_LEADS)
    if not leads:
        raise InvalidArgumentError("Give lead times in minutes, e.g. /subscribe codeforces 60")
    return ordered(platforms), leads


async def cmd_subscribe(ctx: Context, inv: Invocation) -> Reply:
    """Announce contests in this group (admins): `/subscribe [platform…] [minutes…]`."""
    await _require_group_admin(ctx, inv)
    platforms, leads = parse_subscription(inv.args)
    subscription = await dq.upsert_group_subscription(
        ctx.res.db.write, inv.chat_id, inv.thread_id, platforms, leads, inv.user_id
    )
    log.info("a Telegram group subscribed to %d platforms", len(platforms))
    return Reply("Subscribed. " + render_subscription(subscription))


async def cmd_unsubscribe(ctx: Context, inv: Invocation) -> Reply:
    """Stop contest announcements in this group (admins)."""
    await _require_group_admin(ctx, inv)
    subscription = await dq.get_group_subscription(ctx.res.db.write, inv.chat_id)
    if subscription is None or not subscription.active:
        return Reply("This group was not subscribed.")
    await dq.deactivate_subscriber(ctx.res.db.write, subscription.id, "unsubscribed")
    return Reply("Unsubscribed: this group gets no more contest announcements.")


async def cmd_subscription(ctx: Context, inv: Invocation) -> Reply:
    """Show this group's contest announcements (admins)."""
    await _require_group_admin(ctx, inv)
    return Reply(
        render_subscription(await dq.get_group_subscription(ctx.res.db.write, inv.chat_id))
    )


def register(registry: Registry) -> None:
    """/subscribe, /unsubscribe, /subscription (Telegram groups)."""
    registry.command(
        "subscribe",
        "Announce contests in this group (admins)",
        args=(
            Arg(
                "platforms",
                ArgKind.TEXT,
                "Platforms and lead minutes, e.g. codeforces atcoder 1440 60",
                required=False,
                usage="[platform…] [minutes…]",
            ),
        ),
        only_on=ChatPlatform.TELEGRAM,
    )(cmd_subscribe)
    registry.command(
        "unsubscribe",
        "Stop contest announcements in this group (admins)",
        only_on=ChatPlatform.TELEGRAM,
    )(cmd_unsubscribe)
    registry.command(
        "subscription",
        "Show this group's contest announcements",
        only_on=ChatPlatform.TELEGRAM,
        read_only=True,
    )(cmd_subscription)
