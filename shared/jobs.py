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
DISCONNECT_USER = "disconnect_user"
DELETE_USER_DATA = "delete_user_data"


def sync_job_id(user_id: int) -> str:
    """The dedupe id: at most one queued calendar sync per user."""
    return f"sync:{user_id}"


async def enqueue_sync(
    arq: ArqRedis, user_id: int, defer_seconds: float | None = None
) -> Job | None:
    """Queue a calendar sync of one user; None when one is already queued and not yet started.

    A sync that is already running read the user's settings when it began, so a change made
    meanwhile queues one more sync (deduped under its own id) to run after it.
    """
    job = await arq.enqueue_job(
        SYNC_USER_CALENDAR, user_id, _job_id=sync_job_id(user_id), _defer_by=defer_seconds
    )
    if job is None and await Job(sync_job_id(user_id), arq).status() is JobStatus.in_progress:
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


async def enqueue_disconnect(arq: ArqRedis, user_id: int, delete_calendar: bool) -> Job | None:
    """Queue a disconnect: revoke the grant and optionally delete the "Contests" calendar."""
    return await arq.enqueue_job(
        DISCONNECT_USER, user_id, delete_calendar, _job_id=f"disconnect:{user_id}"
    )


async def enqueue_delete_user_data(arq: ArqRedis, user_id: int) -> Job | None:
    """Queue the removal of every trace of a user (grant revoked, calendar deleted)."""
    return await arq.enqueue_job(DELETE_USER_DATA, user_id, _job_id=f"delete:{user_id}")


SYNC_ALL_JOB_ID = "syncall"


async def enqueue_sync_all(arq: ArqRedis) -> Job | None:
    """Queue the fan-out that syncs every connected user (admin /syncall, POST /admin/sync)."""
    return await arq.enqueue_job(SCHEDULE_SYNCS, _job_id=SYNC_ALL_JOB_ID)
