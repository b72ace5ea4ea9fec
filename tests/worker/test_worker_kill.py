"""A worker process killed mid-sync: the next worker takes the job over within seconds and
finishes it exactly once."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from shared.cache import keys as cache_keys
from shared.calendar.plan import build_event_id
from shared.config import Settings
from shared.db import users as uq
from shared.jobs import enqueue_sync
from shared.platforms.registry import get_platform
from shared.resources import Resources
from shared.retry import Backoff
from shared.services.scrape import scrape_platform
from shared.services.sync import sync_user_calendar
from tests.factories import codeforces_payload, connect_user, process_env
from tests.fakes.google import FakeGoogle
from tests.fakes.platforms import FakePlatforms
from tests.process import contestsync


async def test_killed_worker_leaves_no_duplicates_and_nothing_missing(
    res: Resources,
    settings: Settings,
    fake_google: FakeGoogle,
    fake_platforms: FakePlatforms,
    tmp_path: Path,
) -> None:
    from datetime import UTC, datetime, timedelta

    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    contests = [(6000 + i, f"Round {i}", start + timedelta(hours=i), 7200) for i in range(300)]
    fake_platforms.serve("codeforces", codeforces_payload(*contests))
    await scrape_platform(res, get_platform("codeforces"))
    user_id = await connect_user(res, fake_google)
    fake_google.set_faults(latency=0.3)  # slow Google, so the kill lands mid-sync

    env = process_env(settings, tmp_path, WORKER_PORT="0", LOG_LEVEL="WARNING")
    async with contestsync(env, "worker", log=tmp_path / "worker.log", cwd=tmp_path) as proc:
        await enqueue_sync(res.arq, user_id)
        for _ in range(3000):
            recorded = await res.db.write.fetchval("SELECT count(*) FROM calendar_events")
            if recorded:
                break
            await asyncio.sleep(0.01)
        await proc.stop(signal.SIGKILL)  # no clean-up at all
    recorded = await res.db.write.fetchval("SELECT count(*) FROM calendar_events")
    assert 0 < recorded < 300
    # The dead worker's lock is still held: a new sync must wait for it, not write alongside.
    assert await res.valkey.exists(cache_keys.sync_lock(user_id)) == 1
    fake_google.set_faults()
    busy = await sync_user_calendar(res, user_id, backoff=Backoff(0.01, 0.05))
    assert busy.status == "busy"

    # Nothing is done by hand: the dead worker's lock lapses within seconds, and a new worker
    # takes its job over once the job's in-progress mark lapses (seconds, not arq's 10 minutes).
    assert await res.valkey.pttl(cache_keys.sync_lock(user_id)) <= cache_keys.SYNC_LOCK_TTL * 1000
    async with contestsync(env, "worker", log=tmp_path / "again.log", cwd=tmp_path) as again:
        for _ in range(900):
            user = await uq.get_user(res.db.write, user_id)
            if user is not None and user.sync_status == "ok":
                break
            await asyncio.sleep(0.1)
        await again.stop()
    log = again.output()
    assert "the worker that ran here before" in log and "stopped without shutting down" in log
    assert f"the last sync of user {user_id} never finished" in log
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None and user.calendar_id and user.sync_status == "ok"
    events = fake_google.events_of(user.calendar_id)
    assert set(events) == {build_event_id("codeforces", str(c[0])) for c in contests}
    assert await res.db.write.fetchval("SELECT count(*) FROM calendar_events") == 300
