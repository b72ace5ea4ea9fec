"""Durable change propagation: a change that alters a calendar marks its user in the same
transaction, and the worker's sweeper brings the calendar in step, whoever made the change."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from backend.worker.settings import build_worker
from shared.calendar.plan import build_event_id
from shared.config import Settings
from shared.db import users as uq
from shared.jobs import enqueue_sync
from shared.platforms.registry import get_platform
from shared.resources import Resources
from shared.services.scrape import scrape_platform
from shared.services.sync import sync_user_calendar
from tests.factories import codeforces_payload, connect_user, process_env
from tests.fakes.google import FakeGoogle
from tests.fakes.platforms import FakePlatforms

CF = get_platform("codeforces")


def rounds(start: datetime, *ids: int) -> list[tuple[int, str, datetime, int]]:
    return [(i, f"Round {i}", start + timedelta(days=1 + n), 7200) for n, i in enumerate(ids)]


async def sweep(res: Resources) -> None:
    """A burst worker whose only cron job is the sync sweeper (no scrapes of its own)."""
    worker = build_worker(res, burst=True, handle_signals=False)
    worker.cron_jobs = [c for c in worker.cron_jobs if c.name == "cron:sweep_sync_marks"]
    await worker.main()
    await worker.close()


async def mark_of(res: Resources, user_id: int) -> datetime | None:
    return await uq.get_sync_wanted(res.db.write, user_id)


async def synced(
    res: Resources,
    google: FakeGoogle,
    fake: FakePlatforms,
    contests: list[tuple[int, str, datetime, int]],
) -> tuple[int, str]:
    fake.serve("codeforces", codeforces_payload(*contests))
    await scrape_platform(res, CF)
    user_id = await connect_user(res, google)
    await sync_user_calendar(res, user_id)
    assert await mark_of(res, user_id) is None  # a good sync cleared the connect's mark
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None and user.calendar_id
    return user_id, user.calendar_id


async def test_a_scrape_outside_the_worker_marks_the_user_and_the_sweeper_moves_the_event(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    contests = rounds(now, 7001, 7002)
    user_id, calendar = await synced(res, fake_google, fake_platforms, contests)
    moved = [contests[0], (7002, "Round 7002", contests[1][2] + timedelta(hours=5), 7200)]
    fake_platforms.serve("codeforces", codeforces_payload(*moved))

    await scrape_platform(res, CF)  # what `contestsync scrape` runs: no job is queued by it

    assert await mark_of(res, user_id) is not None
    assert await res.arq.zcard("arq:queue") == 0
    await sweep(res)
    event = fake_google.events_of(calendar)[build_event_id("codeforces", "7002")]
    assert event["start"]["dateTime"] == moved[1][2].strftime("%Y-%m-%dT%H:%M:%SZ")
    assert await mark_of(res, user_id) is None


async def test_contestsync_scrape_then_the_worker_brings_the_calendar_in_step(
    res: Resources,
    settings: Settings,
    fake_google: FakeGoogle,
    fake_platforms: FakePlatforms,
    tmp_path: Path,
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    contests = rounds(now, 7101, 7102, 7103)
    _, calendar = await synced(res, fake_google, fake_platforms, contests)
    fake_platforms.serve("codeforces", codeforces_payload(*contests[:2]))  # 7103 vanishes
    env = process_env(settings, tmp_path, PRUNE_AFTER_MISSES="1")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "backend.cli", "scrape", "--platform", "codeforces", env=env
    )
    assert await asyncio.wait_for(proc.wait(), 120) == 0

    await sweep(res)

    assert set(fake_google.events_of(calendar)) == {
        build_event_id("codeforces", "7101"),
        build_event_id("codeforces", "7102"),
    }


async def test_a_change_during_a_running_sync_is_not_lost(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    user_id, calendar = await synced(res, fake_google, fake_platforms, rounds(now, 7201))
    await uq.update_preferences(res.db.write, user_id, reminder_minutes=[15])
    fake_google.set_faults(latency=0.3)
    running = asyncio.create_task(sync_user_calendar(res, user_id))
    await asyncio.sleep(0.1)  # the sync has read the mark and is waiting on Google
    await uq.update_preferences(res.db.write, user_id, platforms=["leetcode"])
    result = await running
    fake_google.set_faults()

    assert result.status == "ok"
    assert await mark_of(res, user_id) is not None  # the later change is still owed
    await sweep(res)
    assert fake_google.events_of(calendar) == {}  # Codeforces deselected: its event is gone
    assert await mark_of(res, user_id) is None


async def test_a_failed_sync_keeps_the_mark_and_is_left_to_its_retries_for_a_while(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    user_id, _ = await synced(res, fake_google, fake_platforms, rounds(now, 7301))
    await uq.update_preferences(res.db.write, user_id, reminder_minutes=[5])
    fake_google.set_faults(rate=1.0, statuses=(503,))
    result = await sync_user_calendar(res, user_id)
    assert result.status == "failed"
    assert await mark_of(res, user_id) is not None
    assert await uq.list_sync_wanted(res.db.write, datetime.now(UTC) - timedelta(minutes=5)) == []
    later = datetime.now(UTC) + timedelta(minutes=1)
    assert await uq.list_sync_wanted(res.db.write, later) == [user_id]


async def test_a_sync_stopped_midway_never_stays_running(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    fake_platforms.serve("codeforces", codeforces_payload(*rounds(now, 7401)))
    await scrape_platform(res, CF)
    user_id = await connect_user(res, fake_google)
    fake_google.set_faults(latency=2.0)
    running = asyncio.create_task(sync_user_calendar(res, user_id))
    for _ in range(100):
        user = await uq.get_user(res.db.write, user_id)
        if user is not None and user.sync_status == "running":
            break
        await asyncio.sleep(0.02)
    running.cancel()
    await asyncio.gather(running, return_exceptions=True)

    user = await uq.get_user(res.db.write, user_id)
    assert user is not None and user.sync_status == "failed"
    assert "stopped unexpectedly" in (user.last_sync_error or "")


async def test_a_swept_sync_whose_mark_was_cleared_meanwhile_changes_nothing(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    """The sweeper read a mark just before the sync that covered it cleared it: the sync it then
    queues finds nothing wanted and leaves the result `/sync` reports (and Google) alone."""
    start = datetime.now(UTC).replace(microsecond=0)
    user_id, _ = await synced(res, fake_google, fake_platforms, rounds(start, 8101, 8102))
    before = await res.db.write.fetchrow(
        "SELECT last_sync_at, last_sync_result FROM users WHERE id = $1", user_id
    )
    calls = len(fake_google.calls)
    assert await enqueue_sync(res.arq, user_id, again=False, swept=True) is not None
    worker = build_worker(res, burst=True, handle_signals=False)
    worker.cron_jobs = []
    await worker.main()
    await worker.close()
    after = await res.db.write.fetchrow(
        "SELECT last_sync_at, last_sync_result FROM users WHERE id = $1", user_id
    )
    assert after == before
    assert len(fake_google.calls) == calls  # not even a token refresh

    # While a mark is there, the same swept job does sync.
    await uq.mark_sync_wanted(res.db.write, user_id)
    assert await enqueue_sync(res.arq, user_id, again=False, swept=True) is not None
    worker = build_worker(res, burst=True, handle_signals=False)
    worker.cron_jobs = []
    await worker.main()
    await worker.close()
    assert await mark_of(res, user_id) is None
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None and user.last_sync_at is not None
    assert user.last_sync_at > before["last_sync_at"]
