"""/upcoming: contests of the next days, by day, in the asker's time zone, paged by buttons."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, tzinfo

from bot.core.commands.common import (
    asker,
    button_expired,
    labels,
    ordered,
    platform_code,
    resolve_platform,
    words,
    zone_of,
)
from bot.core.registry import Arg, ArgKind, Registry
from bot.core.render import (
    render_contest_page,
    render_echo,
    render_list,
)
from bot.core.types import Button, Context, Invocation, Reply
from shared.errors import InvalidArgumentError
from shared.models import StoredContest
from shared.platforms.registry import PLATFORMS
from shared.services.contests import fetch_platform_contests, select_window

log = logging.getLogger(__name__)


PAGE_SIZE = 10
DEFAULT_DAYS = 7
MAX_DAYS = 30
MAX_PAGE = 999
UPCOMING_EXAMPLE = "/upcoming codeforces atcoder 3 days"

_NUMBER = re.compile(r"(-?[0-9]+)([a-z]*)", re.ASCII)
_DAY_UNITS = {"d": 1, "day": 1, "days": 1, "w": 7, "week": 7, "weeks": 7}


def parse_upcoming_args(args: Sequence[str]) -> tuple[list[str] | None, int]:
    """(platforms or None for the default, days) from `/upcoming [platform…] [N [days]]`."""
    platforms: list[str] = []
    everything = False
    days: int | None = None
    unit_pending = False  # a bare number may be followed by "days"/"weeks"
    for word in (t.lower() for t in words(args)):
        number = _NUMBER.fullmatch(word)
        if word in _DAY_UNITS and unit_pending and days is not None:
            days *= _DAY_UNITS[word]
            unit_pending = False
        elif number and (number.group(2) == "" or number.group(2) in _DAY_UNITS):
            if days is not None:
                raise InvalidArgumentError(
                    f"Give the number of days only once. Example: {UPCOMING_EXAMPLE}"
                )
            digits, unit = number.groups()
            if len(digits) > 4 or digits.startswith("-"):
                raise InvalidArgumentError(
                    f"The number of days must be 1–{MAX_DAYS}. Example: /upcoming 14"
                )
            days = int(digits) * _DAY_UNITS.get(unit, 1)
            unit_pending = unit == ""
        elif word in _DAY_UNITS:
            raise InvalidArgumentError(
                f'Put the number before "{word}". Example: {UPCOMING_EXAMPLE}'
            )
        elif word == "all":
            everything = True
            unit_pending = False
        elif (name := resolve_platform(word)) is not None:
            if name not in platforms:
                platforms.append(name)
            unit_pending = False
        else:
            raise InvalidArgumentError(
                f'Unknown platform "{render_echo(word)}". Known: {", ".join(PLATFORMS)} '
                f"(or cf, cc, ac, lc, hr, gfg, c360). Example: {UPCOMING_EXAMPLE}"
            )
    if days is None:
        days = DEFAULT_DAYS
    if not 1 <= days <= MAX_DAYS:
        raise InvalidArgumentError(
            f"The number of days must be 1–{MAX_DAYS} (you asked for {days}). Example: /upcoming 14"
        )
    if everything:
        return list(PLATFORMS), days
    return (ordered(platforms) or None), days


def build_upcoming_data(page: int, days: int, platforms: Sequence[str]) -> str:
    """Button data of a page: `up:<page>:<days>:<codes>` (no codes = every platform)."""
    chosen = ordered(platforms)
    codes = "" if len(chosen) == len(PLATFORMS) else ",".join(platform_code(p) for p in chosen)
    return f"up:{page}:{days}:{codes}"


def parse_upcoming_data(data: str) -> tuple[int, int, list[str]]:
    """Inverse of build_upcoming_data; InvalidArgumentError for anything else."""
    parts = data.split(":")
    if len(parts) != 4 or parts[0] != "up":
        raise button_expired("upcoming")
    _, page_text, days_text, codes = parts
    if not (page_text.isascii() and page_text.isdigit() and len(page_text) <= 3):
        raise button_expired("upcoming")
    if not (days_text.isascii() and days_text.isdigit() and len(days_text) <= 2):
        raise button_expired("upcoming")
    days = int(days_text)
    if not 1 <= days <= MAX_DAYS:
        raise button_expired("upcoming")
    by_code = {platform_code(name): name for name in PLATFORMS}
    platforms: list[str] = []
    for code in filter(None, codes.split(",")):
        if code not in by_code:
            raise button_expired("upcoming")
        platforms.append(by_code[code])
    return int(page_text), days, ordered(platforms) or list(PLATFORMS)


async def _upcoming_settings(ctx: Context, inv: Invocation) -> tuple[tuple[str, ...], str]:
    """The asker's followed platforms and time zone, remembered briefly (see Memory)."""
    key = (inv.chat_platform.value, inv.user_id)
    remembered = ctx.memory.settings.get(key)
    if remembered is None:
        user = await asker(ctx, inv)
        remembered = (tuple(user.platforms), user.timezone)
        ctx.memory.settings[key] = remembered
    return remembered


async def _recent_contests(ctx: Context, now: datetime) -> dict[str, list[StoredContest]]:
    """Every platform's upcoming contests, from this process's memory when fresh."""
    memory = ctx.memory.contests
    missing = [p for p in PLATFORMS if p not in memory]
    if missing:
        for platform, items in (
            await fetch_platform_contests(ctx.res.db, ctx.res.valkey, missing, now)
        ).items():
            memory[platform] = items
    return {p: memory[p] for p in PLATFORMS if p in memory}


async def cmd_upcoming(ctx: Context, inv: Invocation) -> Reply:
    """Upcoming contests by day in your time zone, paged (`/upcoming cf ac 3 days`)."""
    data = inv.callback
    chosen: list[str] | None
    if data is not None and data != "upcoming":
        page, days, chosen = parse_upcoming_data(data)
        edit = True
    else:
        chosen, days = parse_upcoming_args(() if data else inv.args)
        page, edit = 0, False
    now = datetime.now(UTC)
    # The asker's settings and the contests are read side by side: every platform's contests
    # when the settings decide which, then filtered here.
    zone: tzinfo = UTC
    if inv.personal:
        remembered = ctx.memory.settings.get((inv.chat_platform.value, inv.user_id))
        if remembered is not None:  # no round trip for the settings: nothing to overlap
            followed, zone_name = remembered
            lists = await _recent_contests(ctx, now)
        else:
            (followed, zone_name), lists = await asyncio.gather(
                _upcoming_settings(ctx, inv), _recent_contests(ctx, now)
            )
        zone = zone_of(zone_name)
        if chosen is None:
            chosen = ordered(list(followed)) or None
    else:
        lists = await _recent_contests(ctx, now)
    platforms = chosen or list(PLATFORMS)
    contests = select_window(
        (lists[p] for p in platforms if p in lists), now, now, now + timedelta(days=days)
    )
    zone_name = str(zone)  # "UTC" when a stored zone has vanished from tzdata
    span = "day" if days == 1 else f"{days} days"
    scope = "all platforms" if len(platforms) == len(PLATFORMS) else render_list(labels(platforms))
    if not contests:
        longer = "" if days >= MAX_DAYS else f" Try a longer range, e.g. /upcoming {MAX_DAYS}."
        return Reply(f"No contests on {scope} in the next {span}.{longer}", edit=edit)
    pages = (len(contests) + PAGE_SIZE - 1) // PAGE_SIZE
    page = min(page, pages - 1, MAX_PAGE)
    shown = contests[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    names = {name: p.label for name, p in PLATFORMS.items()}
    caps = ctx.capabilities
    # With timestamp markup every reader sees their own zone; days still follow the asker's.
    times = "Times in your own time zone." if caps.timestamps else f"Times in {zone_name}."
    header = f"Upcoming contests in the next {span} — {scope}\n{times}"
    footer = f"Page {page + 1} of {pages} · {len(contests)} contests" if pages > 1 else ""
    text = render_contest_page(
        shown,
        names,
        zone,
        now,
        header,
        footer,
        limit=caps.message_limit,
        timestamps=caps.timestamps,
    )
    nav: list[Button] = []
    if page > 0:
        nav.append(Button("◀ Earlier", data=build_upcoming_data(page - 1, days, platforms)))
    if page + 1 < pages and page < MAX_PAGE:
        nav.append(Button("Later ▶", data=build_upcoming_data(page + 1, days, platforms)))
    return Reply(text, buttons=(tuple(nav),) if nav else (), edit=edit)


def register(registry: Registry) -> None:
    """/upcoming [platform…] [days] (button data "upcoming", "up:…")."""
    choices = tuple((name, p.label) for name, p in PLATFORMS.items())
    registry.command(
        "upcoming",
        "Upcoming contests, by day",
        args=(
            Arg("platform", ArgKind.CHOICE, "Only this platform", choices=choices, repeat=3),
            Arg(
                "days",
                ArgKind.INTEGER,
                f"How many days ahead (1-{MAX_DAYS}, default {DEFAULT_DAYS})",
                min_value=1,
                max_value=MAX_DAYS,
            ),
        ),
        read_only=True,
        button_prefixes=("up",),
    )(cmd_upcoming)
