"""Every chat command, platform-neutral: each takes an Invocation and returns a Reply.

`build_registry()` registers them all; the Telegram and Discord adapters and /help share it.
Button data formats (all ≤ 64 bytes):

- "connect" (start menu), "connect:new" (issue a fresh link while connected)
- "platforms", "pf:<platform name>" (toggle), "pf:done"
- "upcoming", "up:<page>:<days>:<codes>" (codes: comma-separated short platform codes; empty = all)
- "dc:keep", "dc:delete", "dc:cancel"
- "del:yes", "del:no"
"""

from __future__ import annotations

import asyncio
import difflib
import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from redis.exceptions import RedisError

from bot.core.admin import register_admin
from bot.core.dispatch import run_command
from bot.core.feed import FEED_USAGE, cmd_feed
from bot.core.linking import (
    cmd_link,
    cmd_unlink,
    linked_chats,
    render_deleted,
    render_disconnected,
)
from bot.core.registry import Registry
from bot.core.render import (
    render_contest_page,
    render_echo,
    render_legal_links,
    render_list,
    render_minutes,
)
from bot.core.types import Button, Context, Invocation, Reply
from shared.cache import drop, hit_limit
from shared.cache import keys as cache_keys
from shared.calendar.plan import CALENDAR_SUMMARY
from shared.db import users as uq
from shared.errors import InvalidArgumentError, NotConnectedError, RateLimitedError
from shared.jobs import enqueue_sync
from shared.models import StoredContest, User
from shared.platforms.registry import PLATFORMS
from shared.resources import Resources
from shared.services.connect import LINK_TTL, create_connect_link
from shared.services.contests import fetch_platform_contests, select_window
from shared.services.sync import delete_user_data, disconnect_user

log = logging.getLogger(__name__)

SYNC_DEBOUNCE = 5  # seconds: quick preference changes share one calendar sync
SYNC_WAIT = 120.0  # seconds the /sync follow-up waits for the worker
SYNC_POLL = 0.5
PAGE_SIZE = 10
DEFAULT_DAYS = 7
MAX_DAYS = 30
MAX_PAGE = 999
MAX_REMINDERS = 5
MAX_REMINDER_MINUTES = 40320  # four weeks: Google Calendar's limit for a popup
TZ_QUERY_LIMIT = 64

# Short codes keep "up:<page>:<days>:<codes>" within Telegram's 64 bytes with every platform.
PLATFORM_CODES = {
    "leetcode": "lc",
    "codeforces": "cf",
    "codechef": "cc",
    "atcoder": "ac",
    "hackerrank": "hr",
    "geeksforgeeks": "gfg",
    "code360": "c360",
}
EXTRA_ALIASES = {
    "geeks": "geeksforgeeks",
    "codingninjas": "code360",
    "ninjas": "code360",
    "cn": "code360",
}
UPCOMING_EXAMPLE = "/upcoming codeforces atcoder 3 days"
REMINDERS_EXAMPLE = "/reminders 60 10"
TIMEZONE_EXAMPLE = "/timezone Europe/Berlin (or a city: /timezone Tokyo)"

NOT_CONNECTED = "Your Google Calendar is not connected yet. Send /connect to link it."
REVOKED = "Google no longer accepts ContestSync's access — use /connect to link it again."


# ---------------------------------------------------------------- shared helpers


def platform_code(name: str) -> str:
    """The short code of a platform in button data."""
    return PLATFORM_CODES.get(name, name)


@functools.cache
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for name, platform in PLATFORMS.items():
        table[name] = name
        table[platform.label.lower()] = name
        table[platform_code(name)] = name
    for alias, name in EXTRA_ALIASES.items():
        if name in PLATFORMS:
            table.setdefault(alias, name)
    return table


def resolve_platform(token: str) -> str | None:
    """The platform a name, label, code or alias means (case-insensitive); None if none."""
    return _aliases().get(token.strip().lower())


def _labels(names: Sequence[str]) -> list[str]:
    return [PLATFORMS[n].label for n in names if n in PLATFORMS]


def _ordered(names: Sequence[str] | set[str]) -> list[str]:
    """Known platforms in registry order (the order of every menu)."""
    chosen = set(names)
    return [n for n in PLATFORMS if n in chosen]


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


async def _user(ctx: Context, inv: Invocation) -> User:
    """The asker's user row (dispatch created it for private chats; created here if it vanished)."""
    chat_platform = inv.chat_platform.value
    user = await uq.get_user_by_identity(ctx.res.db.write, chat_platform, inv.user_id)
    if user is None:
        async with ctx.res.db.write.acquire() as conn, conn.transaction():
            identity = await uq.upsert_identity(
                conn, chat_platform, inv.user_id, inv.chat_id, inv.username
            )
            user = await uq.get_user(conn, identity.user_id)
    assert user is not None
    return user


async def _queue_resync(res: Resources, user: User) -> bool:
    """Queue a debounced calendar sync when connected; True when one is (or was) queued."""
    await drop(res.valkey, cache_keys.user(user.id))
    if not user.connected:
        return False
    try:
        await enqueue_sync(res.arq, user.id, defer_seconds=SYNC_DEBOUNCE)
    except (RedisError, OSError) as exc:  # the daily sync applies the change later
        log.warning("could not queue a sync of user %d: %s", user.id, type(exc).__name__)
        return False
    return True


def _tokens(args: Sequence[str]) -> list[str]:
    return " ".join(args).replace(",", " ").split()


def _button_expired(command: str) -> InvalidArgumentError:
    return InvalidArgumentError(f"This button has expired — send /{command} again.")


# ---------------------------------------------------------------- /start


def _welcome(ctx: Context, inv: Invocation, user: User | None) -> Reply:
    sites = render_list(_labels(list(PLATFORMS)))
    intro = (
        f"ContestSync puts programming contests from {sites} into your Google Calendar "
        "and keeps them right when contests move or are cancelled."
    )
    if not inv.is_private:
        text = (
            f"{intro}\n\nIn this group, /upcoming shows what is coming. To sync your own "
            "calendar, message me privately."
        )
        rows: list[tuple[Button, ...]] = [(Button("Upcoming contests", data="upcoming"),)]
        url = ctx.extras.get("private_url")
        if isinstance(url, str) and url:
            rows.append((Button("Open private chat", url=f"{url}?start=start"),))
        return Reply(text, buttons=tuple(rows))
    if user is not None and user.connected:
        step = (
            f"You are connected as {user.google_email or 'your Google account'}. "
            "Choose the platforms you follow, or see what is coming up."
        )
    else:
        step = (
            "Next step: connect your Google Calendar, then choose the platforms you follow. "
            "/help lists every command."
        )
    return Reply(
        f"{intro}\n\n{step}",
        buttons=(
            (Button("Connect Google Calendar", data="connect"),),
            (Button("Choose platforms", data="platforms"),),
            (Button("Upcoming contests", data="upcoming"),),
        ),
    )


# ---------------------------------------------------------------- /connect


async def cmd_connect(ctx: Context, inv: Invocation) -> Reply:
    """Send a one-time Google sign-in link (or, when connected, offer to reconnect)."""
    user = await _user(ctx, inv)
    fresh = inv.callback == "connect:new"
    if inv.callback not in (None, "connect", "connect:new"):
        raise _button_expired("connect")
    if user.connected and not fresh:
        return Reply(
            f"Your Google Calendar is connected as {user.google_email or 'a Google account'}. "
            "To use another Google account, or if something looks wrong, tap Reconnect for a "
            "new sign-in link.",
            buttons=((Button("Reconnect", data="connect:new"),),),
        )
    link = await create_connect_link(
        ctx.res, inv.chat_platform.value, inv.user_id, inv.chat_id, inv.username
    )
    minutes = int(LINK_TTL.total_seconds() // 60)
    lead = (
        "Google stopped accepting ContestSync's access, so please sign in again. "
        if user.google_status == "revoked"
        else ""
    )
    return Reply(
        f"{lead}Open the link below to connect your Google Calendar. It expires in {minutes} "
        f'minutes and works once. ContestSync creates its own "{CALENDAR_SUMMARY}" calendar '
        "and touches nothing else.",
        buttons=((Button("Open Google sign-in", url=link.url),),),
        edit=fresh,
    )


# ---------------------------------------------------------------- /platforms


def _platforms_reply(platforms: Sequence[str], *, edit: bool, notice: str | None) -> Reply:
    chosen = set(platforms)
    if chosen:
        now = f"Selected: {render_list(_labels(_ordered(chosen)))}."
    else:
        now = "None selected, so you get contests from every platform."
    toggles = [
        Button(f"✅ {p.label}" if name in chosen else p.label, data=f"pf:{name}")
        for name, p in PLATFORMS.items()
    ]
    rows = [tuple(toggles[i : i + 2]) for i in range(0, len(toggles), 2)]
    rows.append((Button("Done", data="pf:done"),))
    return Reply(
        "Choose the platforms whose contests go into your calendar and /upcoming. "
        f"Tap one to switch it on or off; changes are saved at once.\n\n{now}",
        buttons=tuple(rows),
        edit=edit,
        notice=notice,
    )


async def cmd_platforms(ctx: Context, inv: Invocation) -> Reply:
    """Choose platforms with toggle buttons; each tap is saved at once."""
    res = ctx.res
    data = inv.callback
    if data is None or data == "platforms":
        user = await _user(ctx, inv)
        return _platforms_reply(user.platforms, edit=False, notice=None)
    action = data.removeprefix("pf:")
    if data == "pf:done":
        user = await _user(ctx, inv)
        chosen = _ordered(user.platforms)
        summary = render_list(_labels(chosen)) if chosen else "every platform (none selected)"
        return Reply(
            f"Saved. You follow {summary}. Change it any time with /platforms.",
            edit=True,
            notice="Saved",
        )
    if not data.startswith("pf:") or action not in PLATFORMS:
        raise _button_expired("platforms")
    user = await _user(ctx, inv)
    async with res.db.write.acquire() as conn, conn.transaction():
        locked = await uq.get_user_for_update(conn, user.id)
        assert locked is not None
        selected = set(locked.platforms)
        turned_on = action not in selected
        saved = _ordered(selected | {action} if turned_on else selected - {action})
        await uq.update_preferences(conn, user.id, platforms=saved)
    log.info("user %d now follows %d platforms", user.id, len(saved))
    await _queue_resync(res, locked)
    label = PLATFORMS[action].label
    return _platforms_reply(saved, edit=True, notice=f"{label} {'on' if turned_on else 'off'}")


# ---------------------------------------------------------------- /upcoming

_NUMBER = re.compile(r"(-?[0-9]+)([a-z]*)", re.ASCII)
_DAY_UNITS = {"d": 1, "day": 1, "days": 1, "w": 7, "week": 7, "weeks": 7}


def parse_upcoming_args(args: Sequence[str]) -> tuple[list[str] | None, int]:
    """(platforms or None for the default, days) from `/upcoming [platform…] [N [days]]`."""
    platforms: list[str] = []
    everything = False
    days: int | None = None
    unit_pending = False  # a bare number may be followed by "days"/"weeks"
    for word in (t.lower() for t in _tokens(args)):
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
    return (_ordered(platforms) or None), days


def build_upcoming_data(page: int, days: int, platforms: Sequence[str]) -> str:
    """Button data of a page: `up:<page>:<days>:<codes>` (no codes = every platform)."""
    chosen = _ordered(platforms)
    codes = "" if len(chosen) == len(PLATFORMS) else ",".join(platform_code(p) for p in chosen)
    return f"up:{page}:{days}:{codes}"


def parse_upcoming_data(data: str) -> tuple[int, int, list[str]]:
    """Inverse of build_upcoming_data; InvalidArgumentError for anything else."""
    parts = data.split(":")
    if len(parts) != 4 or parts[0] != "up":
        raise _button_expired("upcoming")
    _, page_text, days_text, codes = parts
    if not (page_text.isascii() and page_text.isdigit() and len(page_text) <= 3):
        raise _button_expired("upcoming")
    if not (days_text.isascii() and days_text.isdigit() and len(days_text) <= 2):
        raise _button_expired("upcoming")
    days = int(days_text)
    if not 1 <= days <= MAX_DAYS:
        raise _button_expired("upcoming")
    by_code = {platform_code(name): name for name in PLATFORMS}
    platforms: list[str] = []
    for code in filter(None, codes.split(",")):
        if code not in by_code:
            raise _button_expired("upcoming")
        platforms.append(by_code[code])
    return int(page_text), days, _ordered(platforms) or list(PLATFORMS)


async def _upcoming_settings(ctx: Context, inv: Invocation) -> tuple[tuple[str, ...], str]:
    """The asker's followed platforms and time zone, remembered briefly (see Memory)."""
    key = (inv.chat_platform.value, inv.user_id)
    remembered = ctx.memory.settings.get(key)
    if remembered is None:
        user = await _user(ctx, inv)
        remembered = (tuple(user.platforms), user.timezone)
        ctx.memory.settings[key] = remembered
    return remembered


async def _recent_contests(ctx: Context, now: datetime) -> dict[str, list[StoredContest]]:
    """Every platform's upcoming contests, from this process's memory when fresh."""
    memory = ctx.memory.contests
    missing = [p for p in PLATFORMS if p not in memory]
    if missing:
        for platform, items in (await fetch_platform_contests(ctx.res, missing, now)).items():
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
    if inv.is_private:
        (followed, zone_name), lists = await asyncio.gather(
            _upcoming_settings(ctx, inv), _recent_contests(ctx, now)
        )
        zone = _zone(zone_name)
        if chosen is None:
            chosen = _ordered(list(followed)) or None
    else:
        lists = await _recent_contests(ctx, now)
    platforms = chosen or list(PLATFORMS)
    contests = select_window(
        (lists[p] for p in platforms if p in lists), now, now, now + timedelta(days=days)
    )
    zone_name = str(zone)  # "UTC" when a stored zone has vanished from tzdata
    span = "day" if days == 1 else f"{days} days"
    scope = "all platforms" if len(platforms) == len(PLATFORMS) else render_list(_labels(platforms))
    if not contests:
        longer = "" if days >= MAX_DAYS else f" Try a longer range, e.g. /upcoming {MAX_DAYS}."
        return Reply(f"No contests on {scope} in the next {span}.{longer}", edit=edit)
    pages = (len(contests) + PAGE_SIZE - 1) // PAGE_SIZE
    page = min(page, pages - 1, MAX_PAGE)
    shown = contests[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    labels = {name: p.label for name, p in PLATFORMS.items()}
    header = f"Upcoming contests in the next {span} — {scope}\nTimes in {zone_name}."
    footer = f"Page {page + 1} of {pages} · {len(contests)} contests" if pages > 1 else ""
    text = render_contest_page(shown, labels, zone, now, header, footer)
    nav: list[Button] = []
    if page > 0:
        nav.append(Button("◀ Earlier", data=build_upcoming_data(page - 1, days, platforms)))
    if page + 1 < pages and page < MAX_PAGE:
        nav.append(Button("Later ▶", data=build_upcoming_data(page + 1, days, platforms)))
    return Reply(text, buttons=(tuple(nav),) if nav else (), edit=edit)


# ---------------------------------------------------------------- /sync


def describe_sync(user: User, result: dict[str, int] | None) -> str:
    """What the last finished sync did, in plain words."""
    if user.google_status == "revoked":
        return REVOKED
    if user.sync_status == "failed":
        return (
            "The sync did not finish: Google Calendar could not be reached or refused some "
            "changes. It is retried automatically; you can also try /sync again in a few minutes."
        )
    counts = result or {}
    text = (
        f"Calendar synced: {counts.get('created', 0)} added, {counts.get('updated', 0)} updated, "
        f"{counts.get('deleted', 0)} removed"
    )
    failed = counts.get("failed", 0)
    if failed:
        text += f"; {failed} could not be written and will be retried at the next sync"
    return text + "."


async def wait_for_sync(
    res: Resources, user_id: int, before: datetime | None, wait: float, poll: float = SYNC_POLL
) -> Reply | None:
    """Poll the user row until a sync newer than `before` has finished; the result as an edit."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while True:
        user = await uq.get_user(res.db.write, user_id)
        if user is None:  # deleted their data meanwhile: nothing to report
            return None
        if user.google_status == "revoked":
            return Reply(REVOKED, edit=True)
        if user.google_status != "active":
            return Reply("Your Google Calendar was disconnected, so nothing was synced.", edit=True)
        finished = (
            user.last_sync_at is not None
            and (before is None or user.last_sync_at > before)
            and user.sync_status not in ("queued", "running")
        )
        if finished:
            result = await uq.get_sync_result(res.db.write, user_id)
            return Reply(describe_sync(user, result), edit=True)
        if loop.time() >= deadline:
            return Reply("Still working — check /status in a minute.", edit=True)
        await asyncio.sleep(poll)


async def cmd_sync(ctx: Context, inv: Invocation) -> Reply:
    """Sync your calendar now (at most once a minute); the message updates with the result."""
    res = ctx.res
    user = await _user(ctx, inv)
    if not user.connected:
        raise NotConnectedError(REVOKED if user.google_status == "revoked" else NOT_CONNECTED)
    wait = await hit_limit(
        res.valkey,
        lambda start: cache_keys.sync_limit(user.id, start),
        1,
        cache_keys.SYNC_LIMIT_WINDOW,
    )
    if wait:
        raise RateLimitedError(f"You can sync once a minute — try again in {wait} s.")
    await enqueue_sync(res.arq, user.id)
    log.info("user %d asked for a sync", user.id)
    limit = ctx.extras.get("sync_wait", SYNC_WAIT)
    seconds = float(limit) if isinstance(limit, int | float) else SYNC_WAIT
    before = user.last_sync_at
    return Reply(
        "Syncing your calendar…",
        followup=functools.partial(wait_for_sync, res, user.id, before, seconds),
    )


# ---------------------------------------------------------------- /status


def _last_sync_line(user: User, result: dict[str, int] | None, zone: tzinfo) -> str:
    if user.sync_status == "running":
        return "running now"
    if user.last_sync_at is None:
        return "never"
    when = f"{user.last_sync_at.astimezone(zone):%d %b %Y %H:%M}"
    return f"{when} — {describe_sync(user, result)}"


async def cmd_status(ctx: Context, inv: Invocation) -> Reply:
    """Your Google account, calendar, last sync, platforms, time zone and reminders."""
    user = await _user(ctx, inv)
    result = await uq.get_sync_result(ctx.res.db.write, user.id)
    zone = _zone(user.timezone)
    if user.connected:
        account = user.google_email or "connected"
        calendar = f'connected ("{CALENDAR_SUMMARY}")'
    elif user.google_status == "revoked":
        account = user.google_email or "unknown"
        calendar = "access revoked — use /connect"
    else:
        account = "not connected — use /connect"
        calendar = "not connected"
    chosen = _ordered(user.platforms)
    platforms = render_list(_labels(chosen)) if chosen else "all (none chosen — /platforms)"
    reminders = (
        render_list([render_minutes(m) for m in user.reminder_minutes]) + " before each contest"
        if user.reminder_minutes
        else "none"
    )
    lines = [
        "Your ContestSync status",
        f"Google account: {account}",
        f"Calendar: {calendar}",
        f"Last sync: {_last_sync_line(user, result, zone)}",
        f"Platforms: {platforms}",
        f"Time zone: {user.timezone}",
        f"Reminders: {reminders}",
    ]
    chats, removals = await linked_chats(ctx, user, inv)
    lines.append(chats)
    return Reply("\n".join(lines), buttons=tuple((b,) for b in removals))


# ---------------------------------------------------------------- /timezone

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


async def cmd_timezone(ctx: Context, inv: Invocation) -> Reply:
    """Set the time zone of /upcoming and /status (IANA name or a city)."""
    user = await _user(ctx, inv)
    query = " ".join(inv.args).strip()
    if not query:
        return Reply(
            f"Your time zone is {user.timezone}. Change it with /timezone <IANA name or city>, "
            f"e.g. {TIMEZONE_EXAMPLE}."
        )
    name = resolve_timezone(query)
    await uq.update_preferences(ctx.res.db.write, user.id, timezone=name)
    log.info("user %d changed time zone", user.id)
    synced = await _queue_resync(ctx.res, user)
    now = datetime.now(UTC).astimezone(ZoneInfo(name))
    text = f"Time zone set to {name} (it is {now:%H:%M} there now). /upcoming and /status use it."
    if synced:
        text += " Your Google calendar takes it in a moment; events keep their exact times."
    return Reply(text)


# ---------------------------------------------------------------- /reminders

_REMINDER = re.compile(r"(-?[0-9]+)(m|min|mins|minutes?|h|hours?|d|days?)?", re.ASCII)
_REMINDER_UNITS = {"h": 60, "d": 1440}


def parse_reminders(args: Sequence[str]) -> list[int]:
    """Distinct reminder minutes, largest first, from `/reminders 60 10` (or `off`)."""
    tokens = [t.lower() for t in _tokens(args)]
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
    user = await _user(ctx, inv)
    if not _tokens(inv.args):
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
    synced = await _queue_resync(ctx.res, user)
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


# ---------------------------------------------------------------- /disconnect


def _linked(user: User) -> bool:
    return user.google_status != "none" or user.google_sub is not None


async def cmd_disconnect(ctx: Context, inv: Invocation) -> Reply:
    """Disconnect Google Calendar, keeping or deleting the "Contests" calendar."""
    user = await _user(ctx, inv)
    data = inv.callback
    if data == "dc:cancel":
        return Reply("Cancelled — nothing changed.", edit=True, notice="Cancelled")
    if data not in (None, "disconnect", "dc:keep", "dc:delete"):
        raise _button_expired("disconnect")
    if not _linked(user):
        return Reply(
            "Your Google Calendar is not connected, so there is nothing to disconnect.",
            edit=data is not None and data != "disconnect",
        )
    account = user.google_email or "your Google account"
    if data in ("dc:keep", "dc:delete"):
        delete = data == "dc:delete"
        released = await disconnect_user(ctx.res, user.id, delete_calendar=delete)
        await drop(ctx.res.valkey, cache_keys.user(user.id))
        log.info("user %d disconnected (delete calendar: %s)", user.id, delete)
        return Reply(
            render_disconnected(account, delete, released.google_pending),
            edit=True,
            notice="Disconnected",
        )
    rows: list[tuple[Button, ...]] = [(Button("Disconnect, keep calendar", data="dc:keep"),)]
    note = ""
    if user.connected:
        rows.append((Button("Disconnect and delete calendar", data="dc:delete"),))
    else:
        note = (
            "\n\nGoogle no longer accepts ContestSync's access, so the calendar cannot be "
            "deleted from here; remove it in Google Calendar if you like."
        )
    rows.append((Button("Cancel", data="dc:cancel"),))
    return Reply(
        f"Disconnect Google Calendar ({account})?\n\n"
        f'Keep calendar: the "{CALENDAR_SUMMARY}" calendar and its events stay, but stop being '
        f'updated.\nDelete calendar: the "{CALENDAR_SUMMARY}" calendar and all its events are '
        f"removed.\n\nEither way ContestSync's access is revoked; your preferences are kept.{note}",
        buttons=tuple(rows),
    )


# ---------------------------------------------------------------- /deleteme


async def cmd_deleteme(ctx: Context, inv: Invocation) -> Reply:
    """Delete everything ContestSync keeps about you (asks first)."""
    data = inv.callback
    if data == "del:no":
        return Reply("Cancelled — nothing was deleted.", edit=True, notice="Cancelled")
    if data not in (None, "deleteme", "del:yes"):
        raise _button_expired("deleteme")
    user = await _user(ctx, inv)
    if data == "del:yes":
        released = await delete_user_data(ctx.res, user.id)
        await drop(ctx.res.valkey, cache_keys.user(user.id))
        ctx.memory.identities.pop((inv.chat_platform.value, inv.user_id), None)
        log.info("user %d deleted their data", user.id)
        return Reply(render_deleted(released.google_pending), edit=True, notice="Deleted")
    return Reply(
        "Delete all your ContestSync data? This revokes Google access, deletes the "
        f'"{CALENDAR_SUMMARY}" calendar with its events, and removes your preferences, chat '
        "links and sync history. It cannot be undone.",
        buttons=(
            (Button("Yes, delete everything", data="del:yes"),),
            (Button("Cancel", data="del:no"),),
        ),
    )


# ---------------------------------------------------------------- the registry


def build_registry() -> Registry:
    """Every command, in menu order; /start and /help see the registry they belong to."""
    registry = Registry()

    @registry.command("start", "What ContestSync does and how to begin", usage="")
    async def cmd_start(ctx: Context, inv: Invocation) -> Reply:
        """Welcome and next step; a deep-link payload naming a command runs that command."""
        payload = inv.args[0].lower() if inv.args and inv.callback is None else ""
        target = registry.get(payload) if payload and payload != "start" else None
        if target is not None and not (target.hidden or target.admin_only):
            return await run_command(ctx, target, replace(inv, args=()))
        user = await _user(ctx, inv) if inv.is_private else None
        return _welcome(ctx, inv, user)

    registry.command("connect", "Connect your Google Calendar", private_only=True)(cmd_connect)
    registry.command("platforms", "Choose the contest platforms you follow", private_only=True)(
        cmd_platforms
    )
    registry.command("upcoming", "Upcoming contests, by day", usage="[platform…] [days]")(
        cmd_upcoming
    )
    registry.command("sync", "Sync your calendar now", private_only=True)(cmd_sync)
    registry.command("status", "Your account, last sync and settings", private_only=True)(
        cmd_status
    )
    registry.command(
        "timezone", "Set your time zone", usage="<IANA name or city>", private_only=True
    )(cmd_timezone)
    registry.command(
        "reminders",
        "Set calendar reminders (minutes before start)",
        usage="<minutes…> | off",
        private_only=True,
    )(cmd_reminders)
    registry.command("disconnect", "Disconnect your Google Calendar", private_only=True)(
        cmd_disconnect
    )
    registry.command("deleteme", "Delete all your data", private_only=True)(cmd_deleteme)
    registry.command(
        "feed", "Your calendar feed for any calendar app", usage=FEED_USAGE, private_only=True
    )(cmd_feed)
    registry.command("link", "Approve or deny a chat joining your account", hidden=True)(cmd_link)
    registry.command("unlink", "Remove a linked chat", private_only=True, hidden=True)(cmd_unlink)

    register_admin(registry)  # maintainers' commands (bot/core/admin.py)

    @registry.command("help", "List the commands")
    async def cmd_help(ctx: Context, inv: Invocation) -> Reply:
        """The command list, generated from the registry."""
        links = render_legal_links(ctx.res.settings.PUBLIC_BASE_URL)
        return Reply(f"{registry.render_help(private=inv.is_private)}\n\n{links}")

    return registry
