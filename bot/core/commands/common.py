"""What the command modules share: platform names and codes, the asker's row, resyncs."""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from datetime import UTC, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from redis.exceptions import RedisError

from bot.core.types import Context, Invocation
from shared.cache.breaker import log_valkey_failure
from shared.db import users as uq
from shared.errors import InvalidArgumentError
from shared.jobs import enqueue_sync
from shared.models import User
from shared.platforms.registry import PLATFORMS
from shared.resources import Resources

log = logging.getLogger(__name__)


SYNC_DEBOUNCE = 5  # seconds: quick preference changes share one calendar sync
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
NOT_CONNECTED = "Your Google Calendar is not connected yet. Send /connect to link it."
REVOKED = "Google no longer accepts ContestSync's access — use /connect to link it again."


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


def labels(names: Sequence[str]) -> list[str]:
    """The display labels of known platforms."""
    return [PLATFORMS[n].label for n in names if n in PLATFORMS]


def ordered(names: Sequence[str] | set[str]) -> list[str]:
    """Known platforms in registry order (the order of every menu)."""
    chosen = set(names)
    return [n for n in PLATFORMS if n in chosen]


def zone_of(name: str) -> tzinfo:
    """The zone of a stored name; UTC when tzdata no longer knows it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


async def asker(ctx: Context, inv: Invocation) -> User:
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


async def queue_resync(res: Resources, user: User) -> bool:
    """Queue a debounced calendar sync when connected; True when one is (or was) queued."""
    if not user.connected:
        return False
    try:
        await enqueue_sync(res.arq, user.id, defer_seconds=SYNC_DEBOUNCE)
    except (RedisError, OSError) as exc:  # the daily sync applies the change later
        log_valkey_failure(log, exc, "could not queue a sync of user %d", user.id)
        return False
    return True


def words(args: Sequence[str]) -> list[str]:
    """Arguments split on whitespace and commas."""
    return " ".join(args).replace(",", " ").split()


def button_expired(command: str) -> InvalidArgumentError:
    """The error for button data this command no longer understands."""
    return InvalidArgumentError(f"This button has expired — send /{command} again.")
