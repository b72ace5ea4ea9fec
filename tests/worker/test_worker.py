"""The arq worker, run for real in burst mode against real Valkey and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backend.worker.settings import build_worker, scrape_cron
from shared.db import contests as q
from shared.jobs import SCHEDULE_SCRAPES, enqueue_scrape
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
    result = await job.result(timeout=5)
    [contest] = await q.list_upcoming(res.db.write, datetime.now(UTC), ["codeforces"])
    assert (contest.external_id, contest.starts_at) == ("5000", start)
    assert result["status"] == "ok" and result["created"] == [contest.id]


async def test_a_platform_is_queued_once_while_its_scrape_is_pending(res: Resources) -> None:
    assert await enqueue_scrape(res.arq, "atcoder") is not None
    assert await enqueue_scrape(res.arq, "atcoder") is None


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


def test_cron_runs_every_interval_and_at_startup() -> None:
    every_30 = scrape_cron(30)
    assert every_30.minute == {0, 30} and every_30.run_at_startup
    assert scrape_cron(15).minute == {0, 15, 30, 45}
    hourly = scrape_cron(120)
    assert hourly.hour == set(range(0, 24, 2)) and hourly.minute == {0}
