"""`start_sync`: one statement marks the sync running and reads what the sync plans from."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from shared.db import contests as cq
from shared.db import events as eq
from shared.db import users as uq
from shared.models import CalendarEventRecord, Contest
from shared.resources import Resources
from tests.factories import connect_user, days
from tests.fakes.google import FakeGoogle


async def test_the_start_reads_the_users_upcoming_contests_and_own_records(
    res: Resources, fake_google: FakeGoogle
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    fake_google.add_account("bob-sub", "bob@example.com")
    alice = await connect_user(res, fake_google, platforms=["codeforces"])
    bob = await connect_user(res, fake_google, sub="bob-sub", chat_user="1002", platforms=[])

    def contest(platform: str, external_id: str, starts_in: timedelta) -> Contest:
        starts = now + starts_in
        ends = starts + timedelta(hours=2)
        return Contest(platform, external_id, external_id, "https://example.com", starts, ends)

    async with res.db.write.acquire() as conn:
        cf = [
            contest("codeforces", "cf-soon", days(1)),
            contest("codeforces", "cf-ended", -days(1)),
        ]
        await cq.upsert_contests(conn, "codeforces", cf, now)
        await cq.upsert_contests(conn, "atcoder", [contest("atcoder", "ac-soon", days(0.2))], now)
        ids = {c.external_id: c.id for c in await cq.list_upcoming(conn, now - days(2))}
        cancel = "UPDATE contests SET cancelled_at = $1 WHERE external_id = 'ac-soon'"
        await conn.execute(cancel, now)
        records = {
            user: CalendarEventRecord(user, ids["cf-soon"], f"ev{user}", f"cal{user}", "h")
            for user in (alice, bob)
        }
        for user, record in records.items():
            await eq.record_outcomes(conn, user, [record], [], now)

    started = await uq.start_sync(res.db.write, alice, now)
    assert started is not None and started.user.sync_status == "running"
    assert [c.external_id for c in started.contests] == ["cf-soon"]  # not ended, not cancelled
    assert started.recorded == [records[alice]]  # never another user's

    async with res.db.write.acquire() as conn:  # atcoder's round is back
        await conn.execute("UPDATE contests SET cancelled_at = NULL")
    started = await uq.start_sync(res.db.write, bob, now)
    assert started is not None  # no platform chosen: every platform's contests
    assert [c.external_id for c in started.contests] == ["ac-soon", "cf-soon"]
    assert started.recorded == [records[bob]]
    assert await uq.start_sync(res.db.write, 999_999, now) is None
