"""Typed helpers that enqueue worker jobs; job names live only here and in the worker."""

from __future__ import annotations

from arq.connections import ArqRedis
from arq.jobs import Job, JobStatus

SCRAPE_PLATFORM = "scrape_platform"
SCHEDULE_SCRAPES = "schedule_scrapes"


def scrape_job_id(platform: str) -> str:
    """The dedupe id: at most one queued or running scrape per platform."""
    return f"scrape:{platform}"


async def enqueue_scrape(arq: ArqRedis, platform: str) -> Job | None:
    """Queue a scrape of one platform; None when one is already queued or running."""
    return await arq.enqueue_job(SCRAPE_PLATFORM, platform, _job_id=scrape_job_id(platform))


SYNC_USER_CALENDAR = "sync_user_calendar"
SCHEDULE_SYNCS = "schedule_syncs"
SWEEP_SYNC_MARKS = "sweep_sync_marks"
DELIVER_NOTICES = "deliver_notices"
DELIVER_CONTEST_MESSAGES = "deliver_contest_messages"
CLEAN_UP_GOOGLE = "clean_up_google"
SWEEP_CLEANUPS = "sweep_cleanups"
PRUNE_EXPIRED = "prune_expired"
HEARTBEAT = "heartbeat"
SEND_DAILY_REPORT = "send_daily_report"
PRUNE_RUNS = "prune_runs"


def cron_name(job: str) -> str:
    """The name of a job's cron entry (`cron:<job>`): its metrics label and its unique lock."""
    return f"cron:{job}"


def sync_job_id(user_id: int) -> str:
    """The dedupe id: at most one queued calendar sync per user."""
    return f"sync:{user_id}"


async def enqueue_sync(
    arq: ArqRedis,
    user_id: int,
    defer_seconds: float | None = None,
    *,
    again: bool = True,
    swept: bool = False,
) -> Job | None:
    """Queue a calendar sync of one user; None when one is already queued and not yet started.

    A sync that is already running read the user's settings when it began, so a change made
    meanwhile queues one more sync (deduped under its own id) to run after it — unless `again`
    is false (the sweeper: the user's mark outlives the running sync if a change came in, and
    the next sweep after it queues the follow-up).

    `swept` (the sweeper) makes a sync that runs only while the user's mark is still there: the
    sweeper may read a mark just before the sync that covers it clears it, and a second sync
    then would do nothing but overwrite the result `/sync` reports.
    """
    if swept:
        job = await arq.enqueue_job(
            SYNC_USER_CALENDAR,
            user_id,
            _job_id=sync_job_id(user_id),
            _defer_by=defer_seconds,
            swept=True,
        )
    else:
        job = await arq.enqueue_job(
            SYNC_USER_CALENDAR, user_id, _job_id=sync_job_id(user_id), _defer_by=defer_seconds
        )
    if (
        again
        and job is None
        and await Job(sync_job_id(user_id), arq).status() is JobStatus.in_progress
    ):
        job = await arq.enqueue_job(
            SYNC_USER_CALENDAR,
            user_id,
            _job_id=f"{sync_job_id(user_id)}:again",
            _defer_by=max(defer_seconds or 0.0, 1.0),
        )
    return job


async def enqueue_sync_retry(
    arq: ArqRedis, user_id: int, attempt: int, defer_seconds: float
) -> Job | None:
    """Queue try number `attempt` of a sync that Google failed, `defer_seconds` from now."""
    return await arq.enqueue_job(
        SYNC_USER_CALENDAR,
        user_id,
        attempt,
        _job_id=f"{sync_job_id(user_id)}:retry{attempt}",
        _defer_by=defer_seconds,
    )


async def enqueue_cleanup(arq: ArqRedis, cleanup_id: int, attempts: int) -> Job | None:
    """Queue an attempt at a recorded Google cleanup (revoke, delete calendar).

    The id names the attempt count, so an id is never reused while an earlier attempt's result
    could still be kept; two sweeps before it runs queue it once.
    """
    return await arq.enqueue_job(
        CLEAN_UP_GOOGLE, cleanup_id, _job_id=f"cleanup:{cleanup_id}:{attempts}"
    )


SYNC_ALL_JOB_ID = "syncall"


async def enqueue_sync_all(arq: ArqRedis) -> Job | None:
    """Queue the fan-out that syncs every connected user (admin /syncall, POST /admin/sync)."""
    return await arq.enqueue_job(SCHEDULE_SYNCS, _job_id=SYNC_ALL_JOB_ID)
