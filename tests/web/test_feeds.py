"""Calendar feeds over HTTP: personal and public feeds on real PostgreSQL and Valkey.

Contests come from scraping the fake Codeforces (moves, cancellations) or are written with the
project's own upsert; every feed is read back with `icalendar` and with vobject.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
import vobject
from aiohttp.test_utils import TestClient, TestServer
from icalendar import Calendar
from multidict import CIMultiDictProxy

from backend.web.access import ACCESS_LOGGER, AccessLogger
from backend.web.app import build_app
from shared.cache import keys as cache_keys
from shared.calendar.plan import build_event_id
from shared.config import Settings
from shared.db import contests as cq
from shared.db import users as uq
from shared.models import Contest
from shared.platforms.registry import get_platform
from shared.resources import Resources
from shared.services.feeds import bump_feeds_generation, get_feed_link
from shared.services.scrape import ScrapeStatus, scrape_platform
from tests.factories import codeforces_payload
from tests.fakes.platforms import FakePlatforms
from tests.servers import StoppableValkey

HOST = "127.0.0.1"  # PUBLIC_BASE_URL's host in the test settings
BASE = "http://127.0.0.1:8080"


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def uid(platform: str, external_id: str) -> str:
    return f"{build_event_id(platform, external_id)}@{HOST}"


@dataclass(frozen=True)
class FeedEvent:
    """One VEVENT as both parsers agree it is."""

    uid: str
    summary: str
    start: datetime
    end: datetime | None
    sequence: int
    status: str
    alarms: tuple[timedelta, ...]


def read_feed(body: bytes) -> dict[str, FeedEvent]:
    """The events of a feed by UID, checked to read the same in icalendar and vobject."""
    ours: dict[str, FeedEvent] = {}
    for e in Calendar.from_ical(body).walk("VEVENT"):
        ours[str(e["UID"])] = FeedEvent(
            uid=str(e["UID"]),
            summary=str(e["SUMMARY"]),
            start=e.decoded("DTSTART"),
            end=e.decoded("DTEND") if "DTEND" in e else None,
            sequence=int(str(e["SEQUENCE"])),
            status=str(e["STATUS"]),
            alarms=tuple(sorted(a.decoded("TRIGGER") for a in e.walk("VALARM"))),
        )
    theirs: dict[str, FeedEvent] = {}
    for e in vobject.readOne(body.decode("utf-8")).contents.get("vevent", []):
        theirs[e.uid.value] = FeedEvent(
            uid=e.uid.value,
            summary=e.summary.value,
            start=e.dtstart.value,
            end=e.dtend.value if "dtend" in e.contents else None,
            sequence=int(e.sequence.value),
            status=e.status.value,
            alarms=tuple(sorted(a.trigger.value for a in e.contents.get("valarm", []))),
        )
    assert ours == theirs
    return ours


async def put_contests(res: Resources, platform: str, contests: Sequence[Contest]) -> None:
    """Record contests as a scrape would (without its miss counting)."""
    async with res.db.write.acquire() as conn, conn.transaction():
        await cq.upsert_contests(conn, platform, contests, utc_now())


def cf(cid: str, start: datetime, minutes: int = 120, title: str | None = None) -> Contest:
    return Contest(
        "codeforces",
        cid,
        title or f"Codeforces Round {cid}",
        f"https://codeforces.com/contest/{cid}",
        start,
        start + timedelta(minutes=minutes),
    )


def ac(cid: str, start: datetime) -> Contest:
    return Contest(
        "atcoder",
        cid,
        f"AtCoder Beginner Contest {cid}",
        f"https://atcoder.jp/contests/{cid}",
        start,
        start + timedelta(minutes=100),
    )


async def scrape_codeforces(
    res: Resources, fake: FakePlatforms, *entries: tuple[int, str, datetime, int]
) -> None:
    fake.serve("codeforces", codeforces_payload(*entries))
    result = await scrape_platform(res, get_platform("codeforces"), now=datetime.now(UTC))
    assert result.status is ScrapeStatus.OK, result.error


async def make_user(
    res: Resources, chat_user: str = "1001", platforms: Sequence[str] = ("codeforces",)
) -> int:
    async with res.db.write.acquire() as conn, conn.transaction():
        identity = await uq.upsert_identity(conn, "telegram", chat_user, chat_user, "alice")
        await uq.update_preferences(
            conn, identity.user_id, platforms=list(platforms), reminder_minutes=[60, 10]
        )
    return identity.user_id


async def feed_path(res: Resources, user_id: int, *, reset: bool = False) -> str:
    link = await get_feed_link(res.db, res.settings, user_id, reset=reset)
    assert link.url.startswith(f"{BASE}/feed/") and link.url.endswith(".ics")
    assert link.webcal_url == "webcal://" + link.url.removeprefix("http://")
    return link.url.removeprefix(BASE)


@pytest.fixture
async def client(res: Resources) -> AsyncIterator[TestClient]:
    async with TestClient(TestServer(build_app(res))) as test_client:
        yield test_client


async def get_feed(
    client: TestClient, path: str, **headers: str
) -> tuple[int, bytes, CIMultiDictProxy[str]]:
    response = await client.get(path, headers=headers)
    return response.status, await response.read(), response.headers


# --- the personal feed ----------------------------------------------------------------------------


async def test_personal_feed_holds_exactly_the_users_platforms_from_7_days_ago_to_60_ahead(
    client: TestClient, res: Resources
) -> None:
    now = utc_now()
    await put_contests(
        res,
        "codeforces",
        [
            cf("1", now - timedelta(days=8)),  # ended more than 7 days ago
            cf("2", now - timedelta(days=6, minutes=13)),
            cf("3", now + timedelta(days=1, minutes=35), minutes=135),
            cf("4", now + timedelta(days=59)),
            cf("5", now + timedelta(days=61)),  # beyond 60 days
        ],
    )
    await put_contests(res, "atcoder", [ac("abc400", now + timedelta(days=2))])
    user_id = await make_user(res)
    status, body, headers = await get_feed(client, await feed_path(res, user_id))
    assert status == 200
    assert headers["Content-Type"] == "text/calendar; charset=utf-8"
    events = read_feed(body)
    assert set(events) == {uid("codeforces", "2"), uid("codeforces", "3"), uid("codeforces", "4")}
    third = events[uid("codeforces", "3")]
    assert third.summary == "[Codeforces] Codeforces Round 3"
    assert third.start == now + timedelta(days=1, minutes=35)
    assert third.end == now + timedelta(days=1, minutes=170)
    assert third.status == "CONFIRMED"
    assert third.alarms == (timedelta(minutes=-60), timedelta(minutes=-10))


async def test_personal_feed_follows_a_change_of_platforms(
    client: TestClient, res: Resources
) -> None:
    now = utc_now()
    await put_contests(res, "codeforces", [cf("3", now + timedelta(days=1))])
    await put_contests(res, "atcoder", [ac("abc400", now + timedelta(days=2))])
    user_id = await make_user(res)
    path = await feed_path(res, user_id)
    assert set(read_feed((await get_feed(client, path))[1])) == {uid("codeforces", "3")}
    await uq.update_preferences(res.db.write, user_id, platforms=["atcoder"])
    assert set(read_feed((await get_feed(client, path))[1])) == {uid("atcoder", "abc400")}


async def test_a_user_with_no_platforms_chosen_gets_every_platform(
    client: TestClient, res: Resources
) -> None:
    now = utc_now()
    await put_contests(res, "codeforces", [cf("3", now + timedelta(days=1))])
    await put_contests(res, "atcoder", [ac("abc400", now + timedelta(days=2))])
    user_id = await make_user(res, platforms=())
    events = read_feed((await get_feed(client, await feed_path(res, user_id)))[1])
    assert set(events) == {uid("codeforces", "3"), uid("atcoder", "abc400")}


async def test_a_moved_contest_keeps_its_uid_with_a_higher_sequence(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    now = utc_now()
    await scrape_codeforces(res, fake_platforms, (2301, "Round 1", now + timedelta(days=2), 7200))
    path = await feed_path(res, await make_user(res))
    status, body, headers = await get_feed(client, path)
    before = read_feed(body)[uid("codeforces", "2301")]
    moved_to = now + timedelta(days=3, hours=1)
    await scrape_codeforces(res, fake_platforms, (2301, "Round 1", moved_to, 7200))
    status, body, _ = await get_feed(client, path, **{"If-None-Match": headers["ETag"]})
    assert status == 200
    after = read_feed(body)
    assert set(after) == {before.uid}
    assert after[before.uid].start == moved_to
    assert after[before.uid].sequence > before.sequence


async def test_a_renamed_contest_gets_a_higher_sequence_but_an_unchanged_one_does_not(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    start = utc_now() + timedelta(days=2)
    await scrape_codeforces(res, fake_platforms, (2301, "Round 1", start, 7200))
    path = await feed_path(res, await make_user(res))
    first = read_feed((await get_feed(client, path))[1])[uid("codeforces", "2301")]
    await scrape_codeforces(res, fake_platforms, (2301, "Round 1", start, 7200))
    same = read_feed((await get_feed(client, path))[1])[uid("codeforces", "2301")]
    await scrape_codeforces(res, fake_platforms, (2301, "Round 1 (Div. 2)", start, 7200))
    renamed = read_feed((await get_feed(client, path))[1])[uid("codeforces", "2301")]
    assert same.sequence == first.sequence
    assert renamed.sequence > first.sequence
    assert renamed.summary == "[Codeforces] Round 1 (Div. 2)"


async def test_a_cancelled_contest_stays_in_the_feed_marked_cancelled(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms, settings: Settings
) -> None:
    now = utc_now()
    keep = (2302, "Round 2", now + timedelta(days=4), 7200)
    await scrape_codeforces(
        res, fake_platforms, (2301, "Round 1", now + timedelta(days=2), 7200), keep
    )
    path = await feed_path(res, await make_user(res))
    before = read_feed((await get_feed(client, path))[1])
    for _ in range(settings.PRUNE_AFTER_MISSES):
        await scrape_codeforces(res, fake_platforms, keep)
    after = read_feed((await get_feed(client, path))[1])
    gone = after[uid("codeforces", "2301")]
    assert gone.status == "CANCELLED"
    assert gone.alarms == ()
    assert gone.sequence > before[uid("codeforces", "2301")].sequence
    assert after[uid("codeforces", "2302")].status == "CONFIRMED"


async def test_a_matching_if_none_match_gets_304_and_a_stale_one_the_feed(
    client: TestClient, res: Resources
) -> None:
    await put_contests(res, "codeforces", [cf("3", utc_now() + timedelta(days=1))])
    path = await feed_path(res, await make_user(res))
    status, body, headers = await get_feed(client, path)
    assert status == 200 and body
    etag, modified = headers["ETag"], headers["Last-Modified"]
    status, body, again = await get_feed(client, path, **{"If-None-Match": etag})
    assert (status, body) == (304, b"")
    assert again["ETag"] == etag
    status, _, _ = await get_feed(client, path, **{"If-None-Match": f'"x", W/{etag}'})
    assert status == 304
    status, body, _ = await get_feed(client, path, **{"If-None-Match": '"something-else"'})
    assert status == 200 and b"BEGIN:VCALENDAR" in body
    status, _, _ = await get_feed(client, path, **{"If-Modified-Since": modified})
    assert status == 304


async def test_feed_reset_revokes_the_old_address_at_once(
    client: TestClient, res: Resources
) -> None:
    user_id = await make_user(res)
    old = await feed_path(res, user_id)
    assert await feed_path(res, user_id) == old  # asking again shows the same address
    assert (await get_feed(client, old))[0] == 200
    new = await feed_path(res, user_id, reset=True)
    assert new != old
    assert (await get_feed(client, old))[0] == 404
    assert (await get_feed(client, new))[0] == 200


async def test_unknown_and_malformed_tokens_get_the_same_404_as_any_unknown_path(
    client: TestClient, res: Resources
) -> None:
    await feed_path(res, await make_user(res))
    nowhere = await client.get("/no/such/page")
    expected = (nowhere.status, await nowhere.text())
    assert expected[0] == 404
    for path in (
        f"/feed/{secrets.token_urlsafe(32)}.ics",
        "/feed/short.ics",
        f"/feed/{'A' * 200}.ics",
        "/feed/.ics",
    ):
        response = await client.get(path)
        assert (response.status, await response.text()) == expected, path
        assert "ETag" not in response.headers


async def test_deleting_the_user_removes_the_feed(client: TestClient, res: Resources) -> None:
    user_id = await make_user(res)
    path = await feed_path(res, user_id)
    assert await uq.delete_user(res.db.write, user_id)
    assert await res.db.write.fetchval("SELECT count(*) FROM feed_tokens") == 0
    assert (await get_feed(client, path))[0] == 404


async def test_the_database_keeps_only_a_hash_of_the_token(res: Resources) -> None:
    user_id = await make_user(res)
    token = (await feed_path(res, user_id)).removeprefix("/feed/").removesuffix(".ics")
    assert len(token) == 43  # 256 bits, base64url
    row = await res.db.write.fetchrow("SELECT * FROM feed_tokens WHERE user_id = $1", user_id)
    assert row is not None
    assert all(token.encode() not in bytes(v) for v in row.values() if isinstance(v, bytes))
    assert token not in str(dict(row))


# --- public feeds ---------------------------------------------------------------------------------


async def test_public_feeds_by_platform_and_by_list(client: TestClient, res: Resources) -> None:
    now = utc_now()
    await put_contests(res, "codeforces", [cf("3", now + timedelta(days=1))])
    await put_contests(res, "atcoder", [ac("abc400", now + timedelta(days=2))])
    both = {uid("codeforces", "3"), uid("atcoder", "abc400")}
    status, body, headers = await get_feed(client, "/feeds/all.ics")
    assert status == 200 and set(read_feed(body)) == both
    assert "public" in headers["Cache-Control"]
    assert b"BEGIN:VALARM" not in body
    assert set(read_feed((await get_feed(client, "/feeds/codeforces.ics"))[1])) == {
        uid("codeforces", "3")
    }
    assert set(read_feed((await get_feed(client, "/feeds/all.ics?platforms=atcoder"))[1])) == {
        uid("atcoder", "abc400")
    }
    listed = await get_feed(client, "/feeds/all.ics?platforms=atcoder,codeforces")
    assert set(read_feed(listed[1])) == both
    name = Calendar.from_ical(listed[1])["X-WR-CALNAME"]
    assert name == "Codeforces, AtCoder contests (ContestSync)"


async def test_public_feed_refuses_an_unknown_platform_clearly(client: TestClient) -> None:
    response = await client.get("/feeds/all.ics?platforms=codeforces,topcoder")
    assert response.status == 400
    assert "unknown platform 'topcoder'" in await response.text()
    assert (await client.get("/feeds/topcoder.ics")).status == 404


async def test_feeds_are_rendered_once_per_change_and_served_from_valkey(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    now = utc_now()
    await scrape_codeforces(res, fake_platforms, (2301, "Round 1", now + timedelta(days=2), 7200))
    first = (await get_feed(client, "/feeds/codeforces.ics"))[1]
    assert b"Round 1" in first
    keys = [k async for k in res.valkey.scan_iter(match="cache:feed:*")]
    assert len(keys) == 1
    # A change behind the feed's back (no scrape) is not seen: the rendering is reused...
    await res.db.write.execute("UPDATE contests SET title = 'Renamed quietly'")
    assert (await get_feed(client, "/feeds/codeforces.ics"))[1] == first
    # ...until contests change, which starts a new generation of feeds.
    await bump_feeds_generation(res.valkey)
    assert b"Renamed quietly" in (await get_feed(client, "/feeds/codeforces.ics"))[1]
    assert int(await res.valkey.get(cache_keys.feeds_generation())) == 2


async def test_feeds_are_served_from_the_database_with_valkey_down(
    own_valkey: StoppableValkey,
) -> None:
    res = own_valkey.res
    await put_contests(res, "codeforces", [cf("3", utc_now() + timedelta(days=1))])
    path = await feed_path(res, await make_user(res))
    await asyncio.to_thread(own_valkey.server.stop)
    for url in (path, "/feeds/all.ics"):
        status, body, _ = await get_feed(own_valkey.client, url)
        assert status == 200, url
        assert set(read_feed(body)) == {uid("codeforces", "3")}


# --- logs -----------------------------------------------------------------------------------------


async def test_the_access_log_shows_the_route_never_the_token(
    res: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    path = await feed_path(res, await make_user(res))
    token = path.removeprefix("/feed/").removesuffix(".ics")
    server = TestServer(build_app(res))
    await server.start_server(
        access_log_class=AccessLogger, access_log=logging.getLogger(ACCESS_LOGGER)
    )
    try:
        async with TestClient(server) as test_client:
            with caplog.at_level(logging.DEBUG):
                assert (await test_client.get(path)).status == 200
                await test_client.get(f"/feed/{secrets.token_urlsafe(32)}.ics")
                await test_client.get("/auth/google/callback?state=s3cret-state&code=s3cret-code")
    finally:
        await server.close()
    access = [r.getMessage() for r in caplog.records if r.name == ACCESS_LOGGER]
    assert any(line.startswith("GET /feed/{token}.ics 200 ") for line in access)
    assert any(line.startswith("GET /feed/{token}.ics 404 ") for line in access)
    assert token not in caplog.text
    assert "s3cret" not in caplog.text


async def test_concurrent_requests_on_a_cold_cache_share_one_rendering(
    client: TestClient, res: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    now = utc_now()
    await put_contests(res, "codeforces", [cf(str(i), now + timedelta(hours=i)) for i in range(50)])
    with caplog.at_level(logging.INFO, logger="shared.services.feeds"):
        answers = await asyncio.gather(*(get_feed(client, "/feeds/all.ics") for _ in range(20)))
        assert {status for status, _, _ in answers} == {200}
        assert len({body for _, body, _ in answers}) == 1
        assert len(read_feed(answers[0][1])) == 50
        await get_feed(client, "/feeds/all.ics")
    renders = [r for r in caplog.records if r.getMessage().startswith("rendered feed ")]
    assert len(renders) == 1
    assert "50 events" in renders[0].getMessage()
