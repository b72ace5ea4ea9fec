"""/sync: queue a calendar sync now and edit the answer with its result."""

from __future__ import annotations

import asyncio
import functools
import logging
from datetime import datetime

from redis.exceptions import RedisError

from bot.core.commands.common import (
    NOT_CONNECTED,
    REVOKED,
    asker,
)
from bot.core.registry import Registry
from bot.core.types import Context, Invocation, Reply
from shared.cache import hit_limit
from shared.cache import keys as cache_keys
from shared.cache.breaker import log_valkey_failure
from shared.db import users as uq
from shared.errors import NotConnectedError, RateLimitedError
from shared.jobs import enqueue_sync
from shared.models import GoogleStatus, SyncStatus, User
from shared.resources import Resources

log = logging.getLogger(__name__)


SYNC_POLL = 0.5


def describe_sync(user: User, result: dict[str, int] | None) -> str:
    """What the last finished sync did, in plain words."""
    if user.google_status is GoogleStatus.REVOKED:
        return REVOKED
    if user.sync_status is SyncStatus.FAILED:
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
        if user.google_status is GoogleStatus.REVOKED:
            return Reply(REVOKED, edit=True)
        if user.google_status is not GoogleStatus.ACTIVE:
            return Reply("Your Google Calendar was disconnected, so nothing was synced.", edit=True)
        finished = (
            user.last_sync_at is not None
            and (before is None or user.last_sync_at > before)
            and user.sync_status not in (SyncStatus.QUEUED, SyncStatus.RUNNING)
        )
        if finished:
            result = await uq.get_sync_result(res.db.write, user_id)
            return Reply(describe_sync(user, result), edit=True)
        if loop.time() >= deadline:
            return Reply("Still working — check /status in a minute.", edit=True)
        await asyncio.sleep(poll)


SYNC_LATER = (
    "Syncing is paused for a moment. Your calendar will be synced as soon as it can be — "
    "check /status in a minute."
)


async def cmd_sync(ctx: Context, inv: Invocation) -> Reply:
    """Sync your calendar now (at most once a minute); the message updates with the result."""
    res = ctx.res
    user = await asker(ctx, inv)
    if not user.connected:
        revoked = user.google_status is GoogleStatus.REVOKED
        raise NotConnectedError(REVOKED if revoked else NOT_CONNECTED)
    try:
        wait = await hit_limit(
            res.valkey,
            lambda start: cache_keys.sync_limit(user.id, start),
            1,
            cache_keys.SYNC_LIMIT_WINDOW,
        )
        if not wait:
            # Marked first: a sync the sweeper queued runs only while a mark is there, and
            # this request may be folded into it.
            await uq.mark_sync_wanted(res.db.write, user.id)
            await enqueue_sync(res.arq, user.id)
    except (RedisError, OSError) as exc:
        # The job queue is away (Valkey): the wish is recorded in PostgreSQL, and the worker's
        # sweeper syncs the user as soon as it runs again.
        log_valkey_failure(log, exc, "sync of user %d not queued now; marked instead", user.id)
        await uq.mark_sync_wanted(res.db.write, user.id)
        return Reply(SYNC_LATER)
    if wait:
        raise RateLimitedError(f"You can sync once a minute — try again in {wait} s.")
    log.info("user %d asked for a sync", user.id)
    before = user.last_sync_at
    return Reply(
        "Syncing your calendar…",
        followup=functools.partial(wait_for_sync, res, user.id, before, ctx.sync_wait),
    )


def register(registry: Registry) -> None:
    """/sync."""
    registry.command("sync", "Sync your calendar now", private_only=True)(cmd_sync)
