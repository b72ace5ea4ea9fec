"""Every chat command, platform-neutral: each takes an Invocation and returns a Reply.

One module per command or family; each has `register(registry)`. `build_registry()` registers
them all in menu order; the Telegram and Discord adapters and /help share it.
Button data formats (all ≤ 64 bytes):

- "connect" (start menu), "connect:new" (issue a fresh link while connected)
- "platforms", "pf:<platform name>" (toggle), "pf:done", "pf:set" (a select's chosen values)
- "upcoming", "up:<page>:<days>:<codes>" (codes: comma-separated short platform codes; empty = all)
- "dc:keep", "dc:delete", "dc:cancel"
- "del:yes", "del:no"
"""

from __future__ import annotations

from bot.core import feed
from bot.core.admin import register_admin
from bot.core.commands import (
    account,
    connect,
    digest,
    platforms,
    reminders,
    setup,
    start,
    status,
    subscribe,
    sync,
    timezone,
    upcoming,
)
from bot.core.commands.common import SYNC_DEBOUNCE, platform_code, resolve_platform
from bot.core.commands.reminders import parse_reminders
from bot.core.commands.sync import describe_sync, wait_for_sync
from bot.core.commands.timezone import resolve_timezone, suggest_timezones
from bot.core.commands.upcoming import (
    DEFAULT_DAYS,
    MAX_DAYS,
    PAGE_SIZE,
    build_upcoming_data,
    parse_upcoming_args,
    parse_upcoming_data,
)
from bot.core.registry import Registry

__all__ = [
    "DEFAULT_DAYS",
    "MAX_DAYS",
    "PAGE_SIZE",
    "SYNC_DEBOUNCE",
    "build_registry",
    "build_upcoming_data",
    "describe_sync",
    "parse_reminders",
    "parse_upcoming_args",
    "parse_upcoming_data",
    "platform_code",
    "resolve_platform",
    "resolve_timezone",
    "suggest_timezones",
    "wait_for_sync",
]

# Menu order. /start and /help come from `start`, which splits around the personal commands.
FAMILIES = (
    connect,
    platforms,
    upcoming,
    sync,
    status,
    timezone,
    reminders,
    digest,
    account,
    setup,
    subscribe,
)


def build_registry() -> Registry:
    """Every command, in menu order; /start and /help see the registry they belong to."""
    registry = Registry()
    start.register_start(registry)
    for family in FAMILIES:
        family.register(registry)
    feed.register(registry)
    register_admin(registry)  # maintainers' commands (bot/core/admin.py), Telegram only
    start.register_help(registry)
    return registry
