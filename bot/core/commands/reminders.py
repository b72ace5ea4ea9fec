"""/reminders: calendar popups, in minutes before each contest."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from bot.core.commands.common import (
    asker,
    queue_resync,
    words,
)
from bot.core.registry import Arg, ArgKind, Registry
from bot.core.render import (
    render_echo,
    render_list,
)
from bot.core.types import Context, Invocation, Reply
from shared.db import deliveries as dq
from shared.db import users as uq
from shared.delivery.render import render_minutes
from shared.errors import InvalidArgumentError
from shared.models import GoogleStatus

log = logging.getLogger(__name__)


MAX_REMINDERS = 5
MAX_REMINDER_MINUTES = 40320  # four weeks: Google Calendar's limit for a popup
REMINDERS_EXAMPLE = "/reminders 60 10"

_REMINDER = re.compile(r"(-?[0-9]+)(m|min|mins|minutes?|h|hours?|d|days?)?", re.ASCII)
_REMINDER_UNITS = {"h": 60, "d": 1440}


def parse_reminders(args: Sequence[str]) -> list[int]:
    """Distinct reminder minutes, largest first, from `/reminders 60 10` (or `off`)."""
    tokens = [t.lower() for t in words(args)]
    if tokens in (["off"], ["none"]):
        return []
    values: set[int] = set()
    for token in tokens:
        match = _REMINDER.fullmatch(token)
        if match is None:
            raise InvalidArgumentError(
                f'"{render_echo(token)}" is not a number of minutes. '
                f"Example: {REMINDERS_EXAMPLE} (or /reminders off)"
            )
        digits, unit = match.groups()
        minutes = int(digits) * _REMINDER_UNITS.get((unit or "m")[0], 1) if len(digits) <= 6 else -1
        if not 0 <= minutes <= MAX_REMINDER_MINUTES:
            raise InvalidArgumentError(
                f"Each reminder must be 0–{MAX_REMINDER_MINUTES} minutes (4 weeks) before the "
                f'start; "{render_echo(token)}" is not. Example: /reminders 1440 60'
            )
        values.add(minutes)
        if len(values) > MAX_REMINDERS:
            raise InvalidArgumentError(
                f"Google Calendar allows at most {MAX_REMINDERS} reminders per event. "
                "Example: /reminders 1440 60 10"
            )
    return sorted(values, reverse=True)


# How reminders reach a person (users.reminder_delivery): "auto" is chat messages without a
# connected Google Calendar, calendar popups with one.
DELIVERY_MODES = {
    "chat": "chat messages",
    "calendar": "calendar popups",
    "both": "calendar popups and chat messages",
    "auto": "chat messages without Google Calendar, calendar popups with it",
}


def render_delivery(mode: str, google_active: bool) -> str:
    """How the person's reminders arrive, in words."""
    if mode == "auto":
        return "calendar popups" if google_active else "chat messages"
    return DELIVERY_MODES.get(mode, mode)


async def cmd_reminders(ctx: Context, inv: Invocation) -> Reply:
    """Set reminders in minutes before each contest (`/reminders 60 10`, or `off`) and how
    they arrive (`/reminders chat|calendar|both|auto`)."""
    user = await asker(ctx, inv)
    tokens = [t.lower() for t in words(inv.args)]
    if len(tokens) == 1 and tokens[0] in DELIVERY_MODES:
        await dq.update_reminder_delivery(ctx.res.db.write, user.id, tokens[0])
        synced = await queue_resync(ctx.res, user)
        return Reply(
            f"Reminders now arrive as {DELIVERY_MODES[tokens[0]]}."
            + (" Your calendar is updated in a moment." if synced else "")
        )
    if not words(inv.args):
        mode = await dq.get_reminder_delivery(ctx.res.db.write, user.id)
        how = render_delivery(mode, user.google_status is GoogleStatus.ACTIVE)
        current = (
            render_list([render_minutes(m) for m in user.reminder_minutes]) + " before"
            if user.reminder_minutes
            else "none"
        )
        return Reply(
            f"Your reminders: {current}.\nSet up to {MAX_REMINDERS} in minutes before the start, "
            f"e.g. {REMINDERS_EXAMPLE} (1 hour and 10 minutes), or /reminders off for none.\n"
            f"They arrive as {how}; choose with /reminders chat, calendar or both."
        )
    minutes = parse_reminders(inv.args)
    await uq.update_preferences(ctx.res.db.write, user.id, reminder_minutes=minutes)
    log.info("user %d set %d reminders", user.id, len(minutes))
    synced = await queue_resync(ctx.res, user)
    if minutes:
        text = (
            f"Reminders set: {render_list([render_minutes(m) for m in minutes])} "
            "before each contest."
        )
    else:
        text = "Reminders turned off: no chat reminders, and calendar events have no popups."
    if synced:
        text += " Your calendar is updated in a moment."
    return Reply(text)


def register(registry: Registry) -> None:
    """/reminders <minutes…> | off."""
    registry.command(
        "reminders",
        "Set contest reminders (minutes before start)",
        args=(
            Arg(
                "minutes",
                ArgKind.TEXT,
                "Minutes before each contest, e.g. 60 10; off; or chat, calendar, both",
                usage="<minutes…> | off | chat | calendar | both",
            ),
        ),
        private_only=True,
    )(cmd_reminders)
