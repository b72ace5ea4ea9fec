"""/timezone: the zone of /upcoming and /status, by IANA name or city, with suggestions."""

from __future__ import annotations

import difflib
import functools
import logging
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, available_timezones

from bot.core.commands.common import (
    asker,
    queue_resync,
)
from bot.core.registry import Arg, ArgKind, Registry
from bot.core.render import (
    render_echo,
)
from bot.core.types import Context, Invocation, Reply
from shared.db import users as uq
from shared.errors import InvalidArgumentError

log = logging.getLogger(__name__)


TZ_QUERY_LIMIT = 64
TIMEZONE_EXAMPLE = "/timezone Europe/Berlin (or a city: /timezone Tokyo)"

_CONTINENTS = ("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/")
_OCEANS_EUROPE = ("Europe/", "Indian/", "Pacific/")
_NOT_ZONES = {"localtime", "factory", "posixrules"}


def _zone_preference(name: str) -> tuple[int, str]:
    preferred = name.startswith(_CONTINENTS + _OCEANS_EUROPE)
    return (0 if preferred else 1, name)


@functools.cache
def _zone_index() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-case full name → name, lower-case last component → preferred name)."""
    names = sorted(
        n
        for n in available_timezones()
        if n.lower() not in _NOT_ZONES and not n.startswith(("posix/", "right/"))
    )
    full = {n.lower(): n for n in names}
    last: dict[str, str] = {}
    for name in sorted(names, key=_zone_preference):
        last.setdefault(name.rsplit("/", 1)[-1].lower(), name)
    return full, last


def resolve_timezone(query: str) -> str:
    """The IANA name a user means ("Asia/Tokyo", "tokyo", "new york"); suggestions otherwise."""
    key = "_".join(query.split()).lower()
    full, last = _zone_index()
    found = full.get(key) or last.get(key)
    if found is not None:
        return found
    shown = render_echo(query)
    if not key or len(key) > TZ_QUERY_LIMIT:
        raise InvalidArgumentError(f'Unknown time zone "{shown}". Example: {TIMEZONE_EXAMPLE}')
    close = difflib.get_close_matches(key, [*full, *last], n=6, cutoff=0.6)
    suggestions: list[str] = []
    for match in close:
        name = full.get(match) or last[match]
        if name not in suggestions:
            suggestions.append(name)
    options = suggestions[:3]
    hint = ""
    if options:
        either = ", ".join(options[:-1]) + " or " + options[-1] if len(options) > 1 else options[0]
        hint = f" Did you mean {either}?"
    raise InvalidArgumentError(f'Unknown time zone "{shown}".{hint} Example: {TIMEZONE_EXAMPLE}')


def suggest_timezones(query: str, limit: int = 25) -> list[str]:
    """IANA names for a partly typed zone or city, best first (for Discord's autocomplete)."""
    key = "_".join(query.split()).lower()[:TZ_QUERY_LIMIT]
    full, last = _zone_index()
    if not key:
        return [n for n in sorted(full.values(), key=_zone_preference)][:limit]
    found: list[str] = []
    exact = full.get(key) or last.get(key)
    if exact is not None:
        found.append(exact)
    for city, name in last.items():
        if city.startswith(key) and name not in found:
            found.append(name)
    for lowered, name in full.items():
        if len(found) >= limit:
            break
        if key in lowered and name not in found:
            found.append(name)
    return found[:limit]


async def cmd_timezone(ctx: Context, inv: Invocation) -> Reply:
    """Set the time zone of /upcoming and /status (IANA name or a city)."""
    user = await asker(ctx, inv)
    query = " ".join(inv.args).strip()
    if not query:
        return Reply(
            f"Your time zone is {user.timezone}. Change it with /timezone <IANA name or city>, "
            f"e.g. {TIMEZONE_EXAMPLE}."
        )
    name = resolve_timezone(query)
    await uq.update_preferences(ctx.res.db.write, user.id, timezone=name)
    log.info("user %d changed time zone", user.id)
    synced = await queue_resync(ctx.res, user)
    now = datetime.now(UTC).astimezone(ZoneInfo(name))
    text = f"Time zone set to {name} (it is {now:%H:%M} there now). /upcoming and /status use it."
    if synced:
        text += " Your Google calendar takes it in a moment; events keep their exact times."
    return Reply(text)


def register(registry: Registry) -> None:
    """/timezone <IANA name or city>."""
    registry.command(
        "timezone",
        "Set your time zone",
        args=(
            Arg(
                "zone",
                ArgKind.TIMEZONE,
                "An IANA time zone or a city, e.g. Europe/Berlin or Tokyo",
                usage="<IANA name or city>",
                suggest=suggest_timezones,
            ),
        ),
        private_only=True,
    )(cmd_timezone)
