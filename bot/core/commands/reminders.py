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
    render_minutes,
)
from bot.core.types import Context, Invocation, Reply
from shared.db import users as uq
from shared.errors import InvalidArgumentError

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


async def cmd_reminders(ctx: Context, inv: Invocation) -> Reply:
    """Set calendar reminders in minutes before each contest (`/reminders 60 10`, or `off`)."""
    user = await asker(ctx, inv)
    if not words(inv.args):
        current = (
            render_list([render_minutes(m) for m in user.reminder_minutes]) + " before"
            if user.reminder_minutes
            else "none"
        )
        return Reply(
            f"Your reminders: {current}.\nSet up to {MAX_REMINDERS} in minutes before the start, "
            f"e.g. {REMINDERS_EXAMPLE} (1 hour and 10 minutes), or /reminders off for none."
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
        text = "Reminders turned off: calendar events will have no notifications."
    if synced:
        text += " Your calendar is updated in a moment."
    return Reply(text)


def register(registry: Registry) -> None:
    """/reminders <minutes…> | off."""
    registry.command(
        "reminders",
        "Set calendar reminders (minutes before start)",
        args=(
            Arg(
                "minutes",
                ArgKind.TEXT,
                "Minutes before each contest, e.g. 60 10 (or off for none)",
                usage="<minutes…> | off",
            ),
        ),
        private_only=True,
    )(cmd_reminders)
