"""Maintainers' commands, answered in the maintainers' group (TELEGRAM_GROUP_ID) to the people in
ADMIN_TELEGRAM_IDS only. Being a member of the group gives no rights; anyone else gets a polite
refusal (dispatch refuses non-admins; these handlers also refuse other chats), and every refusal
is logged.

/stats · /health (deep) · /scrape [platform] (through the worker; the reply is edited with the
result table) · /syncall · /user <chat id | email> · /mute <duration> [alert] · /unmute
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

from bot.core.registry import Registry
from bot.core.types import ChatPlatform, Context, Invocation, Reply
from shared.db import alerts as aq
from shared.errors import InvalidArgumentError, UserError
from shared.platforms.registry import PLATFORMS
from shared.services import maintainers

log = logging.getLogger(__name__)

GROUP_ONLY = "Admin commands are answered in the maintainers' group only."
MAX_MUTE_SECONDS = 7 * 24 * 3600
_DURATION = re.compile(r"^(\d{1,6})\s*(s|sec|m|min|h|d)?$")
_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, None: 60}


class AdminRefusedError(UserError):
    """An admin command where admin commands are not answered."""


def _in_group(ctx: Context, inv: Invocation) -> None:
    group = ctx.res.settings.TELEGRAM_GROUP_ID
    if inv.chat_platform is not ChatPlatform.TELEGRAM or group is None or inv.chat_id != str(group):
        log.warning("admin /%s refused outside the maintainers' group", inv.command)
        raise AdminRefusedError(GROUP_ONLY)
    log.info("admin /%s by an admin in the maintainers' group", inv.command)


def parse_duration(text: str) -> int:
    """'90' (minutes), '30m', '2h', '1d', '45s' → seconds; at most 7 days."""
    match = _DURATION.match(text.strip().lower())
    if match is None:
        raise InvalidArgumentError("Give a duration like 30m, 2h or 1d, e.g. /mute 2h platform")
    seconds = int(match.group(1)) * _UNITS[match.group(2)]
    if not 0 < seconds <= MAX_MUTE_SECONDS:
        raise InvalidArgumentError("A mute lasts from 1 second to 7 days.")
    return seconds


async def cmd_stats(ctx: Context, inv: Invocation) -> Reply:
    """The last 24 hours in figures."""
    _in_group(ctx, inv)
    res = ctx.res
    return Reply(await maintainers.render_stats(res.db, res.arq, res.alerts))


async def cmd_health(ctx: Context, inv: Invocation) -> Reply:
    """Deep health: PostgreSQL, replicas, Valkey, worker, bots, platforms."""
    _in_group(ctx, inv)
    return Reply((await maintainers.deep_health(ctx.res)).render())


async def cmd_scrape(ctx: Context, inv: Invocation) -> Reply:
    """Scrape one platform (or all) through the worker; the reply is edited with the results."""
    _in_group(ctx, inv)
    if inv.args:
        name = inv.args[0].lower()
        if name not in PLATFORMS:
            raise InvalidArgumentError(f"Unknown platform. One of: {', '.join(PLATFORMS)}")
        names = [name]
    else:
        names = list(PLATFORMS)
    since = datetime.now(UTC)
    await maintainers.scrape_now(ctx.res.arq, names)
    wait = ctx.sync_wait  # how long a command waits for the worker's result (120 s)

    async def results() -> Reply:
        rows, finished = await maintainers.wait_for_scrapes(ctx.res.db, names, since, wait)
        head = "Scrape results:" if finished else "Scrape results so far (still waiting):"
        return Reply(f"{head}\n{maintainers.render_scrape_table(rows, since)}", edit=True)

    return Reply(f"Scraping {', '.join(names)} through the worker…", followup=results)


async def cmd_syncall(ctx: Context, inv: Invocation) -> Reply:
    """Queue a calendar sync of every connected user."""
    _in_group(ctx, inv)
    queued = await maintainers.sync_everyone(ctx.res.arq)
    if not queued:
        return Reply("A sync of every user is already queued.")
    return Reply("Queued a calendar sync of every connected user.")


async def cmd_user(ctx: Context, inv: Invocation) -> Reply:
    """One user's status, found by chat id or Google email (no secret shown)."""
    _in_group(ctx, inv)
    if not inv.args:
        raise InvalidArgumentError("Usage: /user <chat id | email>")
    status = await aq.find_user_status(ctx.res.db.reader(), inv.args[0])
    if status is None:
        return Reply("No user found with that chat id or email.")
    chats = ", ".join(
        f"{platform} {chat}{' (blocked)' if blocked else ''}"
        for platform, chat, blocked in status.identities
    )
    last = (
        f"{status.last_sync_at:%Y-%m-%d %H:%M} UTC" if status.last_sync_at is not None else "never"
    )
    lines = [
        f"User {status.id} (since {status.created_at:%Y-%m-%d})",
        f"Google: {status.google_status}"
        + (f" ({status.google_email})" if status.google_email else ""),
        f"Chats: {chats or 'none'}",
        f"Platforms: {', '.join(status.platforms) or 'all'} · time zone {status.timezone}",
        f"Sync: {status.sync_status}, last {last}; {status.events} events in the calendar",
    ]
    if status.last_sync_error:
        lines.append(f"Last error: {status.last_sync_error[:200]}")
    return Reply("\n".join(lines))


async def cmd_mute(ctx: Context, inv: Invocation) -> Reply:
    """Keep alerts (all, or one name or family such as `platform`) out of the group for a while."""
    _in_group(ctx, inv)
    if not inv.args:
        raise InvalidArgumentError("Usage: /mute <duration> [alert], e.g. /mute 2h platform")
    seconds = parse_duration(inv.args[0])
    name = inv.args[1].lower() if len(inv.args) > 1 else None
    await ctx.res.alerts.mute(seconds, name)
    what = f"alerts named {name!r}" if name else "all alerts"
    log.info("alerts muted for %d s (%s)", seconds, name or "all")
    return Reply(f"Muted {what} for {inv.args[0]}. They are still logged; /unmute to undo.")


async def cmd_unmute(ctx: Context, inv: Invocation) -> Reply:
    """Lift every mute."""
    _in_group(ctx, inv)
    lifted = await ctx.res.alerts.unmute()
    return Reply(f"Alerts unmuted ({lifted} mute(s) lifted)." if lifted else "Nothing was muted.")


def register_admin(registry: Registry) -> None:
    """Add the maintainers' commands (shown in the maintainers' group's menu only)."""
    for name, description, usage, handler in (
        ("stats", "Figures of the last 24 hours", "", cmd_stats),
        ("health", "Deep health check", "", cmd_health),
        ("scrape", "Scrape now through the worker", "[platform]", cmd_scrape),
        ("syncall", "Sync every connected user", "", cmd_syncall),
        ("user", "One user's status", "<chat id | email>", cmd_user),
        ("mute", "Mute alerts for a while", "<duration> [alert]", cmd_mute),
        ("unmute", "Lift every mute", "", cmd_unmute),
    ):
        registry.command(
            name, description, usage=usage, admin_only=True, only_on=ChatPlatform.TELEGRAM
        )(handler)
