"""The delivery engine: record what is due, claim it, send it once, keep it in step.

One run (the worker's `deliver_contest_messages` cron, every minute):

1. every chat identity and set-up Discord server gets its subscriber row;
2. what is due at `now` is recorded in `deliveries` under the unique key (subscriber, contest,
   kind, lead) — only the latest lead whose moment passed, so a contest that appears late or a
   subscription made late gets one message at once, never a burst; a contest that already
   started is recorded as dropped and counted;
3. due rows are claimed in batches (row locks with SKIP LOCKED, a lease), sent through the
   chat platform's poster, and marked sent with the message's id. A worker killed after
   claiming leaves a lease that runs out; the next run claims the row again;
4. sent messages whose contest moved or was cancelled are edited;
5. daily digests: each subscriber whose digest is on gets one per local day, recorded under
   (subscriber, local day) once its local hour has come and sent like a reminder; one missed
   during downtime is sent late within the same local day and dropped after it. A day with
   no contest in the next 24 hours sends nothing (the row is recorded as dropped).

The only window for a repeat is a worker dying between the chat API accepting a message and
the row being marked sent (neither Telegram nor Discord takes an idempotency key).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

import asyncpg

from shared.db import deliveries as dq
from shared.db import users as uq
from shared.db.pools import Database
from shared.delivery.render import CANCELLED, DIGEST_MAX, MOVED, SCHEDULED, ContestView
from shared.messaging import Messenger
from shared.messaging.posts import ChatGoneError, Posted, Poster, Target

log = logging.getLogger(__name__)

BATCH = 200
CONCURRENCY = 32  # sends in flight; the senders' own limiters pace them
LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 6
RETRY_BASE = timedelta(seconds=30)
CHANNEL_GONE = (
    "ContestSync can no longer post contest announcements in your server's channel (the "
    "channel was deleted or my permission to post there was removed). Announcements are "
    "paused; run /setup channel in the server to resume them."
)
GROUP_GONE = (
    "ContestSync can no longer post contest announcements in a Telegram group you subscribed "
    "(I was removed from it, lost the right to post, or its topic was deleted). Announcements "
    "there are paused; add me back and run /subscribe in the group to resume them."
)
DIGEST_SPAN = timedelta(hours=24)


@dataclass
class RunResult:
    """What one run did."""

    recorded: int = 0
    dropped: int = 0
    superseded: int = 0
    sent: int = 0
    failed: int = 0
    deactivated: int = 0
    edited: int = 0
    digests: int = 0

    def to_json(self) -> dict[str, int]:
        """For the job's result."""
        return dict(self.__dict__)


async def run_deliveries(
    db: Database,
    posters: Mapping[str, Poster],
    now: datetime,
    *,
    batch: int = BATCH,
    concurrency: int = CONCURRENCY,
    lease: timedelta = LEASE,
    budget: float | None = None,
    messenger: Messenger | None = None,
) -> RunResult:
    """One run of the engine at `now` for the chat platforms that have a poster here.

    `budget` (seconds of wall time) stops claiming new batches when spent, so a cron run does
    not overlap the next one; what is left is claimed by the next run. `messenger`, when
    given, tells a Discord server's admin that its channel stopped taking announcements.
    """
    result = RunResult()
    async with db.write.acquire() as conn, conn.transaction():
        await dq.refresh_subscribers(conn)
        result.recorded, dropped_new = await dq.insert_due_deliveries(conn, now)
        result.superseded = await dq.supersede_deliveries(conn)
        result.dropped = dropped_new + await dq.drop_late_deliveries(conn, now)
        result.recorded += await dq.insert_due_digests(conn, now)
        result.dropped += await dq.drop_expired_digests(conn, now)
    if result.dropped:
        log.warning(
            "%d contest messages dropped: their contest started, or their digest's day ended, "
            "first",
            result.dropped,
        )
    if not posters:
        return result
    platforms = sorted(posters)
    stop_at = None if budget is None else time.monotonic() + budget
    gate = asyncio.Semaphore(concurrency)

    async def guarded(job: dq.DeliveryJob, edit: bool) -> None:
        async with gate:
            if edit:
                await _edit(db, posters[job.chat_platform], job, result)
            else:
                await _send(db, posters[job.chat_platform], job, now, result, messenger)

    async def digest(job: dq.DigestJob) -> None:
        async with gate:
            await _send_digest(db, posters[job.chat_platform], job, now, result, messenger)

    def claimer(claim: Claim[T]) -> Callable[[], Awaitable[list[T]]]:
        return lambda: claim(db.write, now, now + lease, platforms, batch)

    await _in_batches(claimer(dq.claim_deliveries), lambda job: guarded(job, False), stop_at)
    await _in_batches(claimer(dq.claim_edits), lambda job: guarded(job, True), stop_at)
    await _in_batches(claimer(dq.claim_digests), digest, stop_at)
    if result.sent or result.failed or result.edited or result.digests:
        log.info(
            "contest messages: %d sent, %d digests, %d edited, %d failed, "
            "%d subscribers deactivated",
            result.sent,
            result.digests,
            result.edited,
            result.failed,
            result.deactivated,
        )
    return result


Job = dq.DeliveryJob | dq.DigestJob


T = TypeVar("T")
Claim = Callable[[asyncpg.Pool, datetime, datetime, list[str], int], Awaitable[list[T]]]


async def _in_batches(
    claim: Callable[[], Awaitable[list[T]]],
    work: Callable[[T], Awaitable[None]],
    stop_at: float | None,
) -> None:
    """Claim and work through batches until none is left or the budget is spent; the next batch
    is claimed while this one is sent, so the senders never wait on a claim between batches."""

    def more() -> bool:
        return stop_at is None or time.monotonic() < stop_at

    if not more():
        return
    ahead: asyncio.Task[list[T]] | None = asyncio.ensure_future(claim())
    try:
        while ahead is not None:
            jobs = await ahead
            ahead = None
            if not jobs:
                return
            if more():
                ahead = asyncio.ensure_future(claim())
            await asyncio.gather(*(work(job) for job in jobs))
    finally:
        if ahead is not None and not ahead.done():
            ahead.cancel()  # a claim that landed anyway is sent once its lease runs out


def _target(job: Job) -> Target:
    return Target(
        chat_id=job.chat_id or "",
        thread_id=job.thread_id,
        role_id=job.role_id if isinstance(job, dq.DeliveryJob) else None,
        timezone=job.timezone,
        direct=job.subscriber_kind == "person" and job.chat_platform == "discord",
    )


def _view(job: dq.DeliveryJob, status: str = SCHEDULED) -> ContestView:
    return ContestView(
        platform=job.platform,
        title=job.title,
        url=job.url,
        starts_at=job.starts_at,
        ends_at=job.ends_at,
        status=status,
        was_starts_at=job.shown_starts_at if status == MOVED else None,
    )


async def _send(
    db: Database,
    poster: Poster,
    job: dq.DeliveryJob,
    now: datetime,
    result: RunResult,
    messenger: Messenger | None,
) -> None:
    if not job.chat_id:
        await dq.give_up_delivery(db.write, job.id, "no chat")
        result.failed += 1
        return
    try:
        posted = await poster.post(_target(job), _view(job))
    except ChatGoneError as exc:
        await _chat_gone(db, job, str(exc), result, messenger)
        return
    except (asyncpg.PostgresError, asyncpg.InterfaceError):
        raise
    except Exception as exc:  # boundary: a chat outage or a rate limit is tried again later
        await _retry_later(db, job, exc, now, result)
        return
    await dq.mark_delivery_sent(
        db.write, job.id, posted.chat_id, posted.message_id, job.starts_at, now
    )
    result.sent += 1
    if job.subscriber_kind == "group" and posted.chat_id != job.chat_id:
        await dq.update_group_chat_id(db.write, job.chat_id, posted.chat_id)


async def _retry_later(
    db: Database, job: Job, exc: Exception, now: datetime, result: RunResult
) -> None:
    # The claim counted this attempt; back off 30 s, 1, 2, 4 … minutes.
    retry = now + RETRY_BASE * (2 ** min(max(job.attempts - 1, 0), 6))
    state = await dq.release_delivery(db.write, job.id, exc.__class__.__name__, retry, MAX_ATTEMPTS)
    log.warning("contest message %d not sent (%s); %s", job.id, exc.__class__.__name__, state)
    result.failed += 1


async def _chat_gone(
    db: Database, job: Job, why: str, result: RunResult, messenger: Messenger | None
) -> None:
    """The chat refuses us for good: give the delivery up, switch the subscriber off, and tell
    whoever can switch it back on where they can be told: a server's admin who ran /setup in
    their DMs, a group's admin who ran /subscribe in their private chat. A person who blocked
    the bot cannot be told (logged)."""
    await dq.give_up_delivery(db.write, job.id, f"chat gone: {why}")
    result.failed += 1
    if not await _deactivate(db, job, why):
        return
    result.deactivated += 1
    if job.subscriber_kind == "person":
        log.info("a %s person blocked the bot; nobody to tell", job.chat_platform)
        return
    text = CHANNEL_GONE if job.subscriber_kind == "channel" else GROUP_GONE
    chat = await _owner_chat(db, job.chat_platform, job.owner_id)
    if messenger is None or chat is None:
        log.info(
            "a %s %s stopped taking messages; its admin cannot be told here",
            job.chat_platform,
            job.subscriber_kind,
        )
        return
    await messenger.notify_chat(job.chat_platform, chat, "announcements_stopped", text)


async def _owner_chat(db: Database, chat_platform: str, owner_id: str | None) -> str | None:
    """The private chat that reaches a subscriber's admin: their chat identity's unless they
    blocked the bot; without one, a Discord user's DM (opened from their id; a Telegram bot
    cannot start a private chat)."""
    if not owner_id:
        return None
    identity = await uq.get_identity(db.write, chat_platform, owner_id)
    if identity is not None:
        return identity.chat_id if identity.blocked_at is None else None
    return owner_id if chat_platform == "discord" else None


async def _send_digest(
    db: Database,
    poster: Poster,
    job: dq.DigestJob,
    now: datetime,
    result: RunResult,
    messenger: Messenger | None,
) -> None:
    """List the next 24 hours' contests of the subscriber's platforms; nothing to list sends
    nothing."""
    if not job.chat_id:
        await dq.give_up_delivery(db.write, job.id, "no chat")
        result.failed += 1
        return
    contests = await dq.list_digest_contests(
        db.write, job.platforms, now, now + DIGEST_SPAN, DIGEST_MAX + 1
    )
    if not contests:
        await dq.finish_digest(db.write, job.id, None, now)
        return
    views = [
        ContestView(c.platform, c.title, c.url, c.starts_at, c.ends_at)
        for c in contests[:DIGEST_MAX]
    ]
    total = len(contests)
    if total > DIGEST_MAX:  # say how many more there are
        total = await dq.count_digest_contests(db.write, job.platforms, now, now + DIGEST_SPAN)
    try:
        posted = await poster.post_digest(_target(job), views, total)
    except ChatGoneError as exc:
        await _chat_gone(db, job, str(exc), result, messenger)
        return
    except (asyncpg.PostgresError, asyncpg.InterfaceError):
        raise
    except Exception as exc:  # boundary: tried again later, within the same local day
        await _retry_later(db, job, exc, now, result)
        return
    await dq.finish_digest(db.write, job.id, (posted.chat_id, posted.message_id), now)
    result.digests += 1
    if job.subscriber_kind == "group" and posted.chat_id != job.chat_id:
        await dq.update_group_chat_id(db.write, job.chat_id, posted.chat_id)


async def _deactivate(db: Database, job: Job, why: str) -> bool:
    """A chat that refuses us: a person's identity is marked blocked (it comes back when they
    write again); a group or channel subscription is switched off (until /subscribe or /setup)."""
    if job.subscriber_kind == "person" and job.external_user_id is not None:
        # (The Telegram sender marks it itself before raising.)
        await uq.mark_identity_blocked(db.write, job.chat_platform, job.chat_id or "")
        done = True
    else:
        done = await dq.deactivate_subscriber(db.write, job.subscriber_id, why)
    if not done:
        return False  # another delivery to the same chat noticed first
    log.info(
        "a %s %s subscriber refuses messages; deactivated", job.chat_platform, job.subscriber_kind
    )
    return True


async def _edit(db: Database, poster: Poster, job: dq.DeliveryJob, result: RunResult) -> None:
    status = CANCELLED if job.cancelled_at is not None else MOVED
    if job.message_id is None or job.sent_chat_id is None:
        return
    try:
        await poster.edit(
            _target(job), Posted(job.sent_chat_id, job.message_id), _view(job, status)
        )
    except ChatGoneError:
        await dq.mark_delivery_edited(db.write, job.id, job.starts_at, status)  # nothing to edit
        return
    except (asyncpg.PostgresError, asyncpg.InterfaceError):
        raise
    except Exception as exc:  # boundary: the edit lease runs out and the next run tries again
        log.warning("contest message %d not edited: %s", job.id, exc.__class__.__name__)
        return
    await dq.mark_delivery_edited(db.write, job.id, job.starts_at, status)
    result.edited += 1
