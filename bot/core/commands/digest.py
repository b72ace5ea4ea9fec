"""/digest: a daily message at a chosen local hour listing the next 24 hours' contests.

`/digest 8` switches it on at 08:00, `/digest off` switches it off, `/digest` shows it. Where it
runs decides whose digest it is:

- a private chat (Telegram) or a direct message (Discord): the person's own, at their
  /timezone, for the platforms they follow;
- a Telegram group: the group's, for its administrators only (as Telegram reports them), for
  the platforms of its /subscribe, in the topic it was subscribed in;
- a Discord server: the announcement channel's (/setup), for those who may manage the server.

A group or a server has its own time zone: `/digest 8 Europe/Berlin`; without one, the zone of
the admin who switches it on (their /timezone), else UTC. The worker's delivery engine
(shared/delivery) sends it once per local day; a day without contests sends nothing.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from bot.core.commands.common import asker, labels, ordered
from bot.core.commands.subscribe import ADMINS_ONLY
from bot.core.commands.timezone import resolve_timezone, suggest_timezones
from bot.core.registry import Arg, ArgKind, Registry
from bot.core.render import render_echo, render_list
from bot.core.types import Context, Invocation, Reply
from shared.db import deliveries as dq
from shared.db import guilds as gq
from shared.db import users as uq
from shared.errors import InvalidArgumentError

log = logging.getLogger(__name__)

EXAMPLE = "/digest 8 (08:00), /digest 20 or /digest off"
NOTHING_ON_QUIET_DAYS = "A day without contests in the next 24 hours gets no message."
SERVER_ADMINS_ONLY = "/digest in a server is for its admins: it needs the Manage Server permission."
SUBSCRIBE_FIRST = (
    "This group has no contest announcements yet: an administrator first runs /subscribe "
    "(the digest lists the platforms chosen there), then /digest 8."
)
SETUP_FIRST = (
    "This server has no announcement channel yet: run /setup channel #name first, then /digest 8."
)
_HOUR = re.compile(r"([01]?[0-9]|2[0-3])(?::00)?(?:h)?", re.ASCII)
_OFF = ("off", "none", "stop")


def parse_digest(args: tuple[str, ...]) -> tuple[int | str | None, str]:
    """("show" | an hour 0–23 | None for off, the zone words) from `/digest [hour|off] [zone]`."""
    tokens = " ".join(args).split()
    if not tokens:
        return "show", ""
    first, rest = tokens[0].lower(), " ".join(tokens[1:])
    if first in _OFF:
        if rest:
            raise InvalidArgumentError(f"/digest off takes nothing after it. Example: {EXAMPLE}")
        return None, ""
    match = _HOUR.fullmatch(first)
    if match is None:
        raise InvalidArgumentError(
            f'"{render_echo(tokens[0])}" is not an hour of the day (0–23). Example: {EXAMPLE}'
        )
    return int(match.group(1)), rest


def render_digest(hour: int | None, zone: str, where: str, platforms: list[str]) -> str:
    """What /digest says about a setting."""
    if hour is None:
        return f"No daily digest {where}. Switch it on with {EXAMPLE.split(',', maxsplit=1)[0]}."
    followed = render_list(labels(ordered(platforms))) or "every platform"
    return (
        f"Daily digest {where}: every day at {hour:02d}:00 ({zone}), listing the next 24 hours' "
        f"contests of {followed}. {NOTHING_ON_QUIET_DAYS}"
    )


def _first_one(hour: int, zone: str, now: datetime) -> str:
    local = ZoneInfo(zone)
    due = datetime.combine(now.astimezone(local).date(), time(hour), tzinfo=local)
    return f"The first one comes {'today' if due > now else 'tomorrow'} at {hour:02d}:00."


async def _shared_zone(ctx: Context, inv: Invocation, stored: str | None, given: str) -> str:
    """A group's or server's zone: the one given, else the stored one, else the asking admin's
    own /timezone, else UTC."""
    if given:
        return resolve_timezone(given)
    if stored:
        return stored
    user = await uq.get_user_by_identity(ctx.res.db.write, inv.chat_platform.value, inv.user_id)
    return user.timezone if user is not None else "UTC"


async def cmd_digest(ctx: Context, inv: Invocation) -> Reply:
    """A daily list of the next 24 hours' contests at a local hour: `/digest 8 [zone]`, `off`."""
    wanted, zone_words = parse_digest(inv.args)
    db = ctx.res.db.write
    personal_zone: str | None = None
    if inv.server_id is not None:  # a Discord server: its announcement channel
        if not inv.server_admin:
            raise InvalidArgumentError(SERVER_ADMINS_ONLY)
        setup = await gq.get_guild(db, inv.server_id)
        channel_subscriber = await dq.ensure_channel_subscriber(db, inv.server_id)
        if setup is None or setup.channel_id is None or channel_subscriber is None:
            raise InvalidArgumentError(SETUP_FIRST)
        subscriber_id, platforms = channel_subscriber, list(setup.platforms)
        where = "in this server's announcement channel"
    elif not inv.is_private:  # a Telegram group
        if ctx.chat_admins is None or not await ctx.chat_admins.is_admin(inv.user_id):
            log.info("/digest refused in a group: not an administrator")
            raise InvalidArgumentError(ADMINS_ONLY)
        subscription = await dq.get_group_subscription(db, inv.chat_id)
        if subscription is None or not subscription.active:
            raise InvalidArgumentError(SUBSCRIBE_FIRST)
        subscriber_id, platforms = subscription.id, subscription.platforms
        where = "in this group"
    else:  # a person, in private
        user = await asker(ctx, inv)
        if zone_words:
            raise InvalidArgumentError(
                f"Your digest follows your own time zone, {user.timezone}; change it with "
                "/timezone. Example: /digest 8"
            )
        subscriber_id = await dq.ensure_person_subscriber(db, inv.chat_platform.value, inv.user_id)
        personal_zone, platforms, where = user.timezone, user.platforms, "for you"
    current = await dq.get_digest(db, subscriber_id)
    zone = personal_zone or await _shared_zone(ctx, inv, current.timezone, zone_words)
    if wanted == "show":
        return Reply(render_digest(current.hour, zone, where, platforms))
    now = datetime.now(UTC)
    stored_zone = None if personal_zone else zone
    if wanted is None:
        await dq.set_digest(db, subscriber_id, None, None, now)
        log.info("a %s digest switched off", inv.chat_platform.value)
        return Reply(f"Daily digest off {where}.")
    assert isinstance(wanted, int)
    await dq.set_digest(db, subscriber_id, wanted, stored_zone, now)
    log.info("a %s digest set", inv.chat_platform.value)
    return Reply(
        render_digest(wanted, zone, where, platforms) + " " + _first_one(wanted, zone, now)
    )


def register(registry: Registry) -> None:
    """/digest [hour|off] [zone]: a person's (private), a group's or a server's (admins)."""
    registry.command(
        "digest",
        "A daily list of the next 24 hours' contests",
        args=(
            Arg(
                "hour",
                ArgKind.TEXT,
                "The local hour 0-23 it comes at (e.g. 8), or off; empty shows it",
                usage="[hour 0-23 | off]",
            ),
            Arg(
                "zone",
                ArgKind.TIMEZONE,
                "A group's or server's time zone, e.g. Europe/Berlin (a person's: /timezone)",
                usage="[time zone]",
                suggest=suggest_timezones,
            ),
        ),
    )(cmd_digest)
