"""Calendar sync against the fake Google, real PostgreSQL and Valkey."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from backend.worker.settings import build_worker
from shared.calendar.plan import build_event_id
from shared.db import notices as nq
from shared.db import users as uq
from shared.jobs import enqueue_sync
from shared.platforms.registry import get_platform
from shared.resources import Resources
from shared.retry import Backoff
from shared.services.scrape import scrape_platform
from shared.services.sync import (
    SyncResult,
    delete_user_data,
    disconnect_user,
    sync_user_calendar,
)
from tests.factories import NOW, codeforces_payload, connect_user, days
from tests.fakes.google import FakeGoogle
from tests.fakes.platforms import FakePlatforms

CF = get_platform("codeforces")
FAST = Backoff(base=0.01, cap=0.05)


def rounds(n: int, start: datetime = NOW) -> list[tuple[int, str, datetime, int]]:
    return [(3000 + i, f"Round {i}", start + days(1 + i / 4), 7200) for i in range(n)]


async def publish(
    res: Resources,
    fake: FakePlatforms,
    contests: list[tuple[int, str, datetime, int]],
    now: datetime = NOW,
) -> None:
    fake.serve("codeforces", codeforces_payload(*contests))
    result = await scrape_platform(res, CF, now=now)
    assert result.status.value == "ok", result.error


async def calendar_of(res: Resources, user_id: int) -> str:
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None and user.calendar_id
    return user.calendar_id


async def sync(res: Resources, user_id: int) -> SyncResult:
    """One sync at the fixtures' clock, with test-speed backoff."""
    return await sync_user_calendar(res, user_id, now=NOW, backoff=FAST)


async def synced_user(
    res: Resources,
    google: FakeGoogle,
    fake: FakePlatforms,
    contests: list[tuple[int, str, datetime, int]],
    **connect: Any,
) -> int:
    """A connected user whose calendar was synced once with these contests published."""
    await publish(res, fake, contests)
    user_id = await connect_user(res, google, **connect)
    await sync(res, user_id)
    return user_id


async def delete_calendar_on_googles_side(res: Resources, user_id: int) -> str:
    """The user deletes their calendar in Google Calendar; returns its id."""
    calendar_id = await calendar_of(res, user_id)
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None and user.refresh_token_enc
    token = res.cipher.decrypt(user.refresh_token_enc, user_id)
    assert await res.calendar.client(token).delete_calendar(calendar_id)
    return calendar_id


def expected_ids(contests: list[tuple[int, str, datetime, int]]) -> set[str]:
    return {build_event_id("codeforces", str(c[0])) for c in contests}


async def test_first_sync_creates_one_event_per_contest(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    contests = rounds(5)
    await publish(res, fake_platforms, contests)
    user_id = await connect_user(res, fake_google, timezone="Asia/Kolkata")
    result = await sync(res, user_id)
    assert (result.status, result.created, result.updated, result.deleted) == ("ok", 5, 0, 0)
    cal = await calendar_of(res, user_id)
    assert fake_google.calendars[cal].summary == "Contests"
    assert fake_google.calendars[cal].time_zone == "Asia/Kolkata"
    events = fake_google.events_of(cal)
    assert set(events) == expected_ids(contests)
    first = events[build_event_id("codeforces", "3000")]
    assert first["summary"] == "[Codeforces] Round 0"
    assert first["start"]["dateTime"] == "2026-11-30T12:00:00Z"
    assert [o["minutes"] for o in first["reminders"]["overrides"]] == [30, 10]
    rows = await res.db.write.fetchval(
        "SELECT count(*) FROM calendar_events WHERE user_id = $1", user_id
    )
    assert rows == 5
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None and user.sync_status == "ok" and user.last_sync_at is not None


async def test_second_sync_without_changes_writes_nothing_but_reads_the_calendar(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await synced_user(res, fake_google, fake_platforms, rounds(4))
    writes, calls = len(fake_google.write_calls()), len(fake_google.calls)
    result = await sync(res, user_id)
    assert (result.created, result.updated, result.deleted) == (0, 0, 0)
    assert len(fake_google.write_calls()) == writes
    new_calls = [c for c in fake_google.calls[calls:] if c.path.startswith("/calendar/v3/")]
    assert [(c.method, c.path.split("/")[3]) for c in new_calls] == [("GET", "calendars")]


async def test_reschedule_moves_the_same_event_in_one_request(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    contests = rounds(3)
    user_id = await synced_user(res, fake_google, fake_platforms, contests)
    moved = [*contests[:2], (contests[2][0], contests[2][1], contests[2][2] + days(1), 7200)]
    await publish(res, fake_platforms, moved)
    calls = len(fake_google.calls)
    result = await sync(res, user_id)
    assert (result.status, result.created, result.updated, result.deleted) == ("ok", 0, 1, 0)
    cal = await calendar_of(res, user_id)
    events = fake_google.events_of(cal)
    assert set(events) == expected_ids(contests)
    event = build_event_id("codeforces", "3002")
    assert events[event]["start"]["dateTime"] == "2026-12-02T00:00:00Z"
    # One request: the batch, whose first part reads the calendar, then the write.
    assert [(c.method, c.path, c.batch) for c in fake_google.calls[calls:]] == [
        ("POST", "/batch/calendar/v3", False),
        ("GET", f"/calendar/v3/calendars/{cal}", True),
        ("PUT", f"/calendar/v3/calendars/{cal}/events/{event}", True),
    ]


async def test_a_calendar_deleted_while_changes_are_pending_is_recreated_with_every_event(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    contests = rounds(3)
    user_id = await synced_user(res, fake_google, fake_platforms, contests[:2])
    old = await delete_calendar_on_googles_side(res, user_id)
    await publish(res, fake_platforms, contests)  # a new contest: a write is pending
    result = await sync(res, user_id)
    new = await calendar_of(res, user_id)
    assert new != old and result.calendar_recreated
    assert (result.status, result.created, result.failed) == ("ok", 3, 0)
    assert set(fake_google.events_of(new)) == expected_ids(contests)
    recorded = await res.db.write.fetch(
        "SELECT calendar_id FROM calendar_events WHERE user_id = $1", user_id
    )
    assert [r["calendar_id"] for r in recorded] == [new] * 3


@pytest.mark.parametrize(("status", "throttled"), [(503, 0), (429, 1)])
async def test_a_failed_calendar_read_in_the_batch_is_checked_apart_and_loses_nothing(
    res: Resources,
    fake_google: FakeGoogle,
    fake_platforms: FakePlatforms,
    status: int,
    throttled: int,
) -> None:
    contests = rounds(3)
    user_id = await synced_user(res, fake_google, fake_platforms, contests[:2])
    cal = await calendar_of(res, user_id)
    await publish(res, fake_platforms, contests)
    fake_google.fail_next(f"/calendar/v3/calendars/{cal}", status)  # the read part only
    calls = len(fake_google.calls)
    result = await sync(res, user_id)
    # The write of the first batch landed but was not counted; sent again it is a 409, and
    # written over (an update). A 429 counts for the quota alert all the same.
    assert (result.status, result.created, result.updated, result.failed) == ("ok", 0, 1, 0)
    assert result.throttled == throttled
    assert await calendar_of(res, user_id) == cal
    assert set(fake_google.events_of(cal)) == expected_ids(contests)
    plain_reads = [
        c for c in fake_google.calls[calls:] if c.method == "GET" and not c.batch and cal in c.path
    ]
    assert [c.status for c in plain_reads] == [200]
    rows = await res.db.write.fetchval(
        "SELECT count(*) FROM calendar_events WHERE user_id = $1", user_id
    )
    assert rows == 3


async def test_cancelled_contest_is_deleted_from_the_calendar(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    contests = rounds(4)
    user_id = await synced_user(res, fake_google, fake_platforms, contests)
    for _ in range(res.settings.PRUNE_AFTER_MISSES):
        await publish(res, fake_platforms, contests[:3])
    result = await sync(res, user_id)
    assert result.deleted == 1
    assert set(fake_google.events_of(await calendar_of(res, user_id))) == expected_ids(contests[:3])


async def test_unfollowing_a_platform_deletes_its_events(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await synced_user(res, fake_google, fake_platforms, rounds(3))
    await uq.update_preferences(res.db.write, user_id, platforms=["leetcode"])
    result = await sync(res, user_id)
    assert result.deleted == 3
    assert fake_google.events_of(await calendar_of(res, user_id)) == {}


async def test_batches_hold_at_most_fifty_calls(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    contests = rounds(120)
    await publish(res, fake_platforms, contests)
    user_id = await connect_user(res, fake_google)
    result = await sync(res, user_id)
    assert result.created == 120
    parts = Counter(c.batch_no for c in fake_google.calls if c.batch and c.method == "POST")
    assert parts and max(parts.values()) <= 50
    assert len(parts) == 3


async def test_thirty_percent_faults_still_end_in_exactly_the_expected_calendar(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    contests = rounds(60)
    await publish(res, fake_platforms, contests)
    user_id = await connect_user(res, fake_google)
    fake_google.set_faults(rate=0.3, retry_after=0, seed=7, commit_then_fail=0.5)
    result = await sync(res, user_id)
    cal = await calendar_of(res, user_id)
    moved = [(c[0], c[1], c[2] + days(2), c[3]) for c in contests[:10]] + contests[10:50]
    await publish(res, fake_platforms, moved)
    for _ in range(res.settings.PRUNE_AFTER_MISSES - 1):
        await publish(res, fake_platforms, moved)
    second = await sync(res, user_id)
    fake_google.set_faults()
    assert result.status == "ok" and second.status == "ok", (result, second)
    events = fake_google.events_of(cal)
    assert set(events) == expected_ids(moved)
    assert (
        events[build_event_id("codeforces", "3000")]["start"]["dateTime"] == "2026-12-02T12:00:00Z"
    )
    assert await res.db.write.fetchval("SELECT count(*) FROM calendar_events") == 50
    injected = [c for c in fake_google.calls if c.status in (429, 500, 503)]
    assert injected  # faults really happened


class RecordingBackoff(Backoff):
    """The production policy at test speed, noting what each wait was asked for."""

    def __init__(self) -> None:
        super().__init__(base=0.001, cap=0.002)
        self.asked: list[tuple[int, float | None]] = []

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        self.asked.append((attempt, retry_after))
        return super().delay(attempt, retry_after)


async def test_server_errors_back_off_by_attempt_and_rate_limits_by_retry_after(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    await publish(res, fake_platforms, rounds(40))
    user_id = await connect_user(res, fake_google)
    await sync(res, user_id)  # the calendar exists; later faults hit the event writes
    moved = [(c[0], c[1], c[2] + days(1), c[3]) for c in rounds(40)]
    await publish(res, fake_platforms, moved)

    fake_google.set_faults(rate=0.3, statuses=(500, 503), seed=3)
    errors = RecordingBackoff()
    first = await sync_user_calendar(res, user_id, now=NOW, backoff=errors)
    fake_google.set_faults(rate=0.3, statuses=(429,), retry_after=2, seed=3)
    await publish(res, fake_platforms, rounds(40))
    limits = RecordingBackoff()
    second = await sync_user_calendar(res, user_id, now=NOW, backoff=limits)
    fake_google.set_faults()

    assert (first.status, first.updated, second.status, second.updated) == ("ok", 40, "ok", 40)
    # No Retry-After on a 5xx: the wait grows with each round (attempt 1, 2, …).
    assert errors.asked and [a for a, _ in errors.asked] == list(range(1, len(errors.asked) + 1))
    assert all(hint is None for _, hint in errors.asked)
    # A 429 says how long to wait, and that is what the wait is.
    assert limits.asked and all(hint == 2.0 for _, hint in limits.asked)


async def test_a_token_endpoint_outage_is_waited_out_within_the_sync(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    await publish(res, fake_platforms, rounds(3))
    user_id = await connect_user(res, fake_google)
    fake_google.fail_next("/token", 503, times=3)  # google-auth's own three tries all fail
    result = await sync(res, user_id)
    assert (result.status, result.created) == ("ok", 3)
    assert [c.status for c in fake_google.calls if c.path == "/token"] == [503, 503, 503, 200]


async def test_sync_interrupted_mid_way_resumes_without_duplicates_or_gaps(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    contests = rounds(400)
    await publish(res, fake_platforms, contests)
    user_id = await connect_user(res, fake_google)
    fake_google.set_faults(latency=0.2)
    task = asyncio.create_task(sync(res, user_id))
    recorded = 0
    for _ in range(1000):
        await asyncio.sleep(0.01)
        recorded = await res.db.write.fetchval("SELECT count(*) FROM calendar_events")
        if recorded:
            break
    task.cancel()  # the worker dies after some events landed, with more in flight
    await asyncio.gather(task, return_exceptions=True)
    recorded = await res.db.write.fetchval("SELECT count(*) FROM calendar_events")
    assert 0 < recorded < 400
    fake_google.set_faults()
    result = await sync(res, user_id)
    assert result.status == "ok" and result.failed == 0
    cal = await calendar_of(res, user_id)
    assert set(fake_google.events_of(cal)) == expected_ids(contests)
    assert await res.db.write.fetchval("SELECT count(*) FROM calendar_events") == 400


async def test_events_written_but_not_recorded_are_adopted_not_duplicated(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    contests = rounds(6)
    user_id = await synced_user(res, fake_google, fake_platforms, contests)
    # A crash between Google's answer and our record: the rows are lost, the events are not.
    await res.db.write.execute("DELETE FROM calendar_events")
    result = await sync(res, user_id)
    assert result.status == "ok" and result.failed == 0
    assert set(fake_google.events_of(await calendar_of(res, user_id))) == expected_ids(contests)
    assert await res.db.write.fetchval("SELECT count(*) FROM calendar_events") == 6


async def test_two_concurrent_syncs_of_one_user_never_both_write(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    await publish(res, fake_platforms, rounds(20))
    user_id = await connect_user(res, fake_google)
    fake_google.set_faults(latency=0.02)
    first, second = await asyncio.gather(
        sync(res, user_id),
        sync(res, user_id),
    )
    assert sorted([first.status, second.status]) == ["busy", "ok"]
    inserts = [
        c for c in fake_google.write_calls() if c.method == "POST" and c.path.endswith("/events")
    ]
    assert len(inserts) == 20


async def test_revoked_grant_marks_the_user_revoked_keeps_preferences_and_tells_them(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await synced_user(
        res, fake_google, fake_platforms, rounds(2), platforms=["codeforces", "atcoder"]
    )
    fake_google.revoke_all("alice-sub")
    result = await sync(res, user_id)
    assert result.status == "revoked"
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None
    assert user.google_status == "revoked" and user.refresh_token_enc is None
    assert user.platforms == ["codeforces", "atcoder"]
    notices = await nq.list_notices(res.db.write, user_id)
    assert [n.kind for n in notices] == ["google_revoked"]
    assert "/connect" in notices[0].body


async def test_calendar_deleted_on_googles_side_is_recreated_and_refilled(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    contests = rounds(3)
    user_id = await synced_user(res, fake_google, fake_platforms, contests)
    old = await delete_calendar_on_googles_side(res, user_id)
    result = await sync(res, user_id)
    new = await calendar_of(res, user_id)
    assert new != old and result.calendar_recreated and result.created == 3
    assert set(fake_google.events_of(new)) == expected_ids(contests)


async def test_a_new_time_zone_is_given_to_the_calendar_once_and_events_keep_their_times(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await synced_user(res, fake_google, fake_platforms, rounds(2))
    cal = await calendar_of(res, user_id)
    events = fake_google.events_of(cal)
    await uq.update_preferences(res.db.write, user_id, timezone="Asia/Tokyo")  # /timezone Tokyo
    calls = len(fake_google.calls)
    result = await sync(res, user_id)
    assert result.status == "ok" and (result.created, result.updated, result.deleted) == (0, 0, 0)
    assert fake_google.calendars[cal].time_zone == "Asia/Tokyo"
    assert fake_google.events_of(cal) == events
    writes = [c.method for c in fake_google.calls[calls:] if c.path.startswith("/calendar/v3/")]
    assert writes == ["GET", "PATCH"]
    calls = len(fake_google.calls)
    await sync(res, user_id)  # already in step: only the read
    reads = [c.method for c in fake_google.calls[calls:] if c.path.startswith("/calendar/v3/")]
    assert reads == ["GET"]


async def test_a_time_zone_google_refuses_leaves_the_calendar_and_still_syncs(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    contests = rounds(2)
    user_id = await synced_user(res, fake_google, fake_platforms, contests[:1])
    cal = await calendar_of(res, user_id)
    # Stored before ContestSync validated zones, say: Google answers 400 to this one.
    await res.db.write.execute("UPDATE users SET timezone = 'Mars/Olympus' WHERE id = $1", user_id)
    await publish(res, fake_platforms, contests)
    result = await sync(res, user_id)
    assert (result.status, result.created) == ("ok", 1)
    assert fake_google.calendars[cal].time_zone == "UTC"
    assert set(fake_google.events_of(cal)) == expected_ids(contests)


async def run_jobs(res: Resources) -> None:
    """Run what is queued (the Google cleanups) in a real arq worker, cron left out."""
    worker = build_worker(res, burst=True, handle_signals=False)
    worker.cron_jobs = []
    await worker.main()
    await worker.close()


async def test_disconnect_revokes_and_deletes_the_calendar_but_keeps_the_user(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await synced_user(res, fake_google, fake_platforms, rounds(2))
    cal = await calendar_of(res, user_id)
    released = await disconnect_user(res.db, res.valkey, res.arq, user_id, delete_calendar=True)
    assert released.done and released.google_pending
    user = await uq.get_user(res.db.write, user_id)  # forgotten at once
    assert user is not None and user.google_status == "none" and user.refresh_token_enc is None
    assert await res.db.write.fetchval("SELECT count(*) FROM calendar_events") == 0
    await run_jobs(res)
    assert cal not in fake_google.calendars
    deletes = [c for c in fake_google.calls if c.method == "DELETE" and "/events/" in c.path]
    assert deletes == []  # one call removed every event
    assert [c.path for c in fake_google.calls if c.path == "/revoke"] == ["/revoke"]
    row = await res.db.write.fetchrow("SELECT outcome, refresh_token_enc FROM google_cleanups")
    assert row is not None and row["outcome"] == "done" and row["refresh_token_enc"] is None


async def test_disconnect_keeping_the_calendar_leaves_its_events(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await synced_user(res, fake_google, fake_platforms, rounds(2))
    cal = await calendar_of(res, user_id)
    released = await disconnect_user(res.db, res.valkey, res.arq, user_id, delete_calendar=False)
    assert released.google_pending
    await run_jobs(res)
    assert any(c.path == "/revoke" for c in fake_google.calls)
    assert len(fake_google.events_of(cal)) == 2


async def test_delete_user_data_removes_every_trace(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await synced_user(res, fake_google, fake_platforms, rounds(2))
    await delete_user_data(res.db, res.valkey, res.arq, user_id)
    for table in ("users", "identities", "calendar_events", "notices"):
        assert await res.db.write.fetchval(f"SELECT count(*) FROM {table}") == 0, table
    await run_jobs(res)
    assert (
        await res.db.write.fetchval(
            "SELECT count(*) FROM google_cleanups WHERE refresh_token_enc IS NOT NULL"
        )
        == 0
    )


async def test_sync_job_runs_in_a_real_worker(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:

    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    fake_platforms.serve("codeforces", codeforces_payload((9100, "Live Round", soon, 7200)))
    await scrape_platform(res, CF)
    user_id = await connect_user(res, fake_google)
    assert await enqueue_sync(res.arq, user_id) is not None
    assert await enqueue_sync(res.arq, user_id) is None  # deduped per user
    worker = build_worker(res, burst=True, handle_signals=False)
    await worker.main()
    await worker.close()
    events = fake_google.events_of(await calendar_of(res, user_id))
    assert set(events) == {build_event_id("codeforces", "9100")}
    assert await enqueue_sync(res.arq, user_id) is not None  # the id is free again


async def test_a_sync_google_failed_is_tried_again_later_by_the_worker(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    import time

    from arq.jobs import Job, JobStatus

    from backend.worker.jobs import FAILED_SYNC_RETRY_SECONDS

    # The worker syncs by the real clock, so the contests are scheduled from it.
    now = datetime.now(UTC).replace(microsecond=0)
    contests = rounds(3, start=now)
    await publish(res, fake_platforms, contests, now=now)
    user_id = await connect_user(res, fake_google)
    calendar = fake_google.add_calendar("alice-sub")
    await uq.update_calendar_id(res.db.write, user_id, calendar.id)
    fake_google.set_faults(rate=1.0, statuses=(503,))  # the Calendar API is down
    await enqueue_sync(res.arq, user_id)
    worker = build_worker(res, burst=True, handle_signals=False)
    worker.cron_jobs = []
    worker.max_burst_jobs = 1  # only the first sync; its follow-up is due later
    await worker.main()
    await worker.close()
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None and user.sync_status == "failed"
    retry = Job(f"sync:{user_id}:retry1", res.arq)
    assert await retry.status() is JobStatus.deferred
    info = await retry.info()
    assert info is not None and info.score is not None
    due_in = info.score / 1000 - time.time()
    assert FAILED_SYNC_RETRY_SECONDS[0] - 5 < due_in <= FAILED_SYNC_RETRY_SECONDS[0]

    fake_google.set_faults()  # Google is back; the test plays the clock and makes the try due
    await res.arq.zadd("arq:queue", {retry.job_id: time.time() * 1000}, xx=True)
    worker = build_worker(res, burst=True, handle_signals=False)
    worker.cron_jobs = []
    await worker.main()
    await worker.close()
    assert set(fake_google.events_of(calendar.id)) == expected_ids(contests)
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None and user.sync_status == "ok"
    assert await res.arq.zcard("arq:queue") == 0  # a sync that worked queues no further try


async def test_scrape_job_queues_syncs_for_exactly_the_affected_users(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:

    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    follower = await connect_user(res, fake_google, platforms=["codeforces"])
    fake_google.add_account("bob-sub", "bob@example.com")
    other = await connect_user(
        res, fake_google, sub="bob-sub", chat_user="2002", platforms=["leetcode"]
    )
    # Both calendars are in step already (their connect-time syncs are done).
    await res.db.write.execute("UPDATE users SET sync_wanted_at = NULL")
    fake_platforms.serve("codeforces", codeforces_payload((9200, "New Round", soon, 7200)))
    # The worker's start-up fan-out scrapes every platform; LeetCode lists nothing new.
    fake_platforms.serve("leetcode", '{"data": {"allContests": []}}')
    await res.arq.enqueue_job("scrape_platform", "codeforces", _job_id="scrape:codeforces")
    worker = build_worker(res, burst=True, handle_signals=False)
    await worker.main()
    await worker.close()
    assert set(fake_google.events_of(await calendar_of(res, follower))) == {
        build_event_id("codeforces", "9200")
    }
    other_user = await uq.get_user(res.db.write, other)
    assert other_user is not None and other_user.sync_status == "never"


async def test_an_unreadable_stored_grant_fails_the_sync_and_keeps_the_row(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await connect_user(res, fake_google)
    await res.db.write.execute(
        "UPDATE users SET refresh_token_enc = 'v1.deadbeef.AAAA' WHERE id = $1", user_id
    )
    result = await sync(res, user_id)
    assert result.status == "failed"
    assert result.error is not None and "ENCRYPTION_KEY" in result.error
    row = await res.db.write.fetchrow(
        "SELECT google_status, refresh_token_enc, sync_status FROM users WHERE id = $1", user_id
    )
    assert row is not None
    assert (row["google_status"], row["refresh_token_enc"]) == ("active", "v1.deadbeef.AAAA")
    assert row["sync_status"] == "failed"
    assert (
        await res.db.write.fetchval("SELECT count(*) FROM notices") == 0
    )  # nobody told to /connect
    assert json.dumps(result.to_json())


async def test_settings_changed_during_a_running_sync_queue_one_more_sync(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:

    from arq.jobs import Job, JobStatus

    from shared.jobs import sync_job_id

    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    fake_platforms.serve("codeforces", codeforces_payload((9300, "Round", soon, 7200)))
    await scrape_platform(res, CF)
    user_id = await connect_user(res, fake_google, platforms=["codeforces"])
    fake_google.set_faults(latency=0.1)
    worker = build_worker(res, handle_signals=False)
    worker.cron_jobs = []
    task = asyncio.create_task(worker.main())
    try:
        await enqueue_sync(res.arq, user_id)
        job = Job(sync_job_id(user_id), res.arq)
        for _ in range(500):
            if await job.status() is JobStatus.in_progress:
                break
            await asyncio.sleep(0.01)
        await uq.update_preferences(res.db.write, user_id, platforms=["leetcode"])
        again = await enqueue_sync(res.arq, user_id)
        assert again is not None and again.job_id == f"sync:{user_id}:again"
        event = build_event_id("codeforces", "9300")
        for _ in range(1000):  # the follow-up sync runs once the first releases its lock
            user = await uq.get_user(res.db.write, user_id)
            cal = user.calendar_id if user else None
            if (
                cal
                and user
                and user.sync_status == "ok"
                and event not in fake_google.events_of(cal)
            ):
                break
            await asyncio.sleep(0.02)
        for _ in range(500):  # let the job that did it finish its bookkeeping
            if all(t.done() for t in worker.tasks.values()):
                break
            await asyncio.sleep(0.01)
    finally:
        await worker.close()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    cal = await calendar_of(res, user_id)
    assert build_event_id("codeforces", "9300") not in fake_google.events_of(cal)


async def test_a_contest_whose_end_alone_changes_updates_its_event(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    contests = rounds(2)
    user_id = await synced_user(res, fake_google, fake_platforms, contests)
    extended = [contests[0], (contests[1][0], contests[1][1], contests[1][2], 3 * 3600)]
    await publish(res, fake_platforms, extended)
    result = await sync(res, user_id)
    assert (result.created, result.updated, result.deleted) == (0, 1, 0)
    event = fake_google.events_of(await calendar_of(res, user_id))[
        build_event_id("codeforces", str(contests[1][0]))
    ]
    start = contests[1][2]
    assert event["start"]["dateTime"] == start.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert event["end"]["dateTime"] == (start + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%SZ")


async def test_an_event_google_no_longer_knows_is_inserted_again_on_update(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    contests = rounds(2)
    user_id = await synced_user(res, fake_google, fake_platforms, contests)
    calendar = fake_google.calendars[await calendar_of(res, user_id)]
    lost = build_event_id("codeforces", str(contests[1][0]))
    del calendar.events[lost]  # purged on Google's side: an update answers 404
    moved = [contests[0], (contests[1][0], contests[1][1], contests[1][2] + days(1), 7200)]
    await publish(res, fake_platforms, moved)
    result = await sync(res, user_id)
    assert result.status == "ok"
    updates = [c for c in fake_google.write_calls() if lost in c.path and c.method != "POST"]
    assert updates and updates[-1].status == 404  # the update was tried and refused
    event = fake_google.events_of(calendar.id)[lost]
    assert event["start"]["dateTime"] == (contests[1][2] + days(1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    row = await res.db.write.fetchval(
        "SELECT count(*) FROM calendar_events WHERE user_id = $1", user_id
    )
    assert row == 2


async def test_reminders_as_chat_messages_only_leave_the_calendar_without_popups(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    from shared.db import deliveries as dq

    user_id = await synced_user(res, fake_google, fake_platforms, rounds(1))
    await dq.update_reminder_delivery(res.db.write, user_id, "chat")
    result = await sync(res, user_id)
    assert result.updated == 1
    [event] = fake_google.events_of(await calendar_of(res, user_id)).values()
    assert event["reminders"] == {"useDefault": False, "overrides": []}
