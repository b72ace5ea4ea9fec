"""Typed helpers that enqueue worker jobs; job names live only here and in the worker."""

from __future__ import annotations

from arq.connections import ArqRedis
from arq.jobs import Job

SCRAPE_PLATFORM = "scrape_platform"
SCHEDULE_SCRAPES = "schedule_scrapes"


def scrape_job_id(platform: str) -> str:
    """The dedupe id: at most one queued or running scrape per platform."""
    return f"scrape:{platform}"


async def enqueue_scrape(arq: ArqRedis, platform: str) -> Job | None:
    """Queue a scrape of one platform; None when one is already queued or running."""
    return await arq.enqueue_job(SCRAPE_PLATFORM, platform, _job_id=scrape_job_id(platform))
