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
4. sent messages whose contest moved or was cancelled are edited.

The only window for a repeat is a worker dying between the chat API accepting a message and
the row being marked sent (neither Telegram nor Discord takes an idempotency key).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

import asyncpg

from shared.db import deliveries as dq
from shared.db import users as uq
from shared.db.pools import Database
from shared.delivery.render import CANCELLED, MOVED, SCHEDULED, ContestView
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
    if result.dropped:
        log.warning("%d contest messages dropped: their contest started first", result.dropped)
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

    for edit, claim in ((False, dq.claim_deliveries), (True, dq.claim_edits)):
        while stop_at is None or time.monotonic() < stop_at:
            jobs = await claim(db.write, now, now + lease, platforms, batch)
            if not jobs:
                break
            await asyncio.gather(*(guarded(job, edit) for job in jobs))
    if result.sent or result.failed or result.edited:
        log.info(
            "contest messages: %d sent, %d edited, %d failed, %d subscribers deactivated",
            result.sent,
            result.edited,
            result.failed,
            result.deactivated,
        )
    return result


def _target(job: dq.DeliveryJob) -> Target:
    return Target(
        chat_id=job.chat_id or "",
        thread_id=job.thread_id,
        role_id=job.role_id,
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
        await dq.give_up_delivery(db.write, job.id, f"chat gone: {exc}")
        if await _deactivate(db, job, str(exc)):
            result.deactivated += 1
            if messenger is not None and job.subscriber_kind == "channel" and job.owner_id:
                await messenger.notify_chat(
                    job.chat_platform, job.owner_id, "announcements_stopped", CHANNEL_GONE
                )
        result.failed += 1
        return
    except (asyncpg.PostgresError, asyncpg.InterfaceError):
        raise
    except Exception as exc:  # boundary: a chat outage or a rate limit is tried again later
        # The claim counted this attempt; back off 30 s, 1, 2, 4 … minutes.
        retry = now + RETRY_BASE * (2 ** min(max(job.attempts - 1, 0), 6))
        state = await dq.release_delivery(
            db.write, job.id, exc.__class__.__name__, retry, MAX_ATTEMPTS
        )
        log.warning("contest message %d not sent (%s); %s", job.id, exc.__class__.__name__, state)
        result.failed += 1
        return
    await dq.mark_delivery_sent(
        db.write, job.id, posted.chat_id, posted.message_id, job.starts_at, now
    )
    result.sent += 1
    if job.subscriber_kind == "group" and posted.chat_id != job.chat_id:
        await dq.update_group_chat_id(db.write, job.chat_id, posted.chat_id)


async def _deactivate(db: Database, job: dq.DeliveryJob, why: str) -> bool:
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
