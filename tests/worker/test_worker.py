"""The arq worker, run for real in burst mode against real Valkey and PostgreSQL."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta

from arq.constants import in_progress_key_prefix

from backend.worker.settings import build_worker, scrape_cron
from shared.db import contests as q
from shared.jobs import SCHEDULE_SCRAPES, SCRAPE_PLATFORM, enqueue_scrape, scrape_job_id
from shared.platforms.registry import PLATFORMS
from shared.resources import Resources
from tests.factories import codeforces_payload
from tests.fakes.platforms import FakePlatforms


async def test_scrape_job_stores_contests(res: Resources, fake_platforms: FakePlatforms) -> None:
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    fake_platforms.serve("codeforces", codeforces_payload((5000, "Round X", start, 7200)))
    job = await enqueue_scrape(res.arq, "codeforces")
    assert job is not None
    worker = build_worker(res, burst=True, handle_signals=False)
    await worker.main()
    await worker.close()
    [contest] = await q.list_upcoming(res.db.write, datetime.now(UTC), ["codeforces"])
    assert (contest.external_id, contest.starts_at) == ("5000", start)
    health = {h.platform: h for h in await q.list_platform_health(res.db.write)}
    assert health["codeforces"].ok and health["codeforces"].contests_seen == 1


async def test_a_platform_is_queued_once_while_its_scrape_is_pending(res: Resources) -> None:
    assert await enqueue_scrape(res.arq, "atcoder") is not None
    assert await enqueue_scrape(res.arq, "atcoder") is None


async def test_a_platform_can_be_scraped_again_as_soon_as_its_scrape_ended(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    for _ in range(2):  # e.g. SCRAPE_INTERVAL_MINUTES=1: every scrape runs, none is refused
        assert await enqueue_scrape(res.arq, "codeforces") is not None
        worker = build_worker(res, burst=True, handle_signals=False)
        worker.cron_jobs = []  # only the queued scrape
        await worker.main()
        await worker.close()
    assert [c.platform for c in fake_platforms.calls].count("codeforces") == 2


async def test_fan_out_scrapes_every_platform_once(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    await res.arq.enqueue_job(SCHEDULE_SCRAPES)
    worker = build_worker(res, burst=True, handle_signals=False)
    await worker.main()
    await worker.close()
    health = await q.list_platform_health(res.db.write)
    assert {h.platform for h in health} == set(PLATFORMS)
    assert {c.platform for c in fake_platforms.calls} == set(PLATFORMS)
    assert len(fake_platforms.calls) == len(PLATFORMS)


async def test_two_workers_on_one_queue_run_each_job_once(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    for platform in PLATFORMS:
        assert await enqueue_scrape(res.arq, platform) is not None
    workers = [build_worker(res, burst=True, handle_signals=False) for _ in range(2)]
    for worker in workers:
        worker.cron_jobs = []  # only the queued scrapes
    await asyncio.gather(*(worker.main() for worker in workers))
    for worker in workers:
        await worker.close()
    scraped = [c.platform for c in fake_platforms.calls]
    assert sorted(scraped) == sorted(PLATFORMS)  # every platform once, none twice
    assert all(w.jobs_complete for w in workers)  # both took part


async def test_a_job_held_elsewhere_or_not_due_waits(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    # Another worker holds codeforces' in-progress mark for 1.5 s; atcoder is due in 1.5 s.
    assert await enqueue_scrape(res.arq, "codeforces") is not None
    await res.arq.set(in_progress_key_prefix + scrape_job_id("codeforces"), b"1", px=1500)
    deferred = await res.arq.enqueue_job(
        SCRAPE_PLATFORM, "atcoder", _job_id=scrape_job_id("atcoder"), _defer_by=1.5
    )
    assert deferred is not None
    worker = build_worker(res, burst=True, handle_signals=False)
    worker.cron_jobs = []
    started = time.monotonic()
    run = asyncio.create_task(worker.main())
    await asyncio.sleep(1.0)
    assert fake_platforms.calls == []  # neither was taken early
    await asyncio.wait_for(run, 30)
    await worker.close()
    assert sorted(c.platform for c in fake_platforms.calls) == ["atcoder", "codeforces"]
    assert time.monotonic() - started >= 1.5


def test_cron_runs_every_interval_and_at_startup() -> None:
    every_30 = scrape_cron(30)
    assert every_30.minute == {0, 30} and every_30.run_at_startup
    assert scrape_cron(15).minute == {0, 15, 30, 45}
    hourly = scrape_cron(120)
    assert hourly.hour == set(range(0, 24, 2)) and hourly.minute == {0}


async def test_a_queued_sync_outwaits_a_dead_workers_lock(res: Resources) -> None:
    # A busy user's sync is retried every BUSY_RETRY_SECONDS; it must still be alive when the
    # lock of a worker that died mid-sync expires, or that user's change would be dropped.
    from backend.worker.jobs import BUSY_RETRY_SECONDS
    from shared.cache.keys import SYNC_LOCK_TTL

    worker = build_worker(res, burst=True, handle_signals=False)
    sync = worker.functions["sync_user_calendar"]
    assert sync.max_tries is not None
    assert (sync.max_tries - 1) * BUSY_RETRY_SECONDS > SYNC_LOCK_TTL
    await worker.close()
