"""The backend over HTTP: probes, security headers, the contest API and the landing page.

Real PostgreSQL and Valkey behind the app; contests come from scraping the fake Codeforces.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import cast
from unittest.mock import Mock

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer, make_mocked_request

from backend.web.app import build_app
from backend.web.middleware import _Deadlines, add_unmatched, build_serve, serve_routes
from backend.web.rendered import GENERATION_CHECK
from shared.cache import drop
from shared.cache import keys as cache_keys
from shared.models import format_utc
from shared.platforms.registry import get_platform
from shared.resources import Resources
from shared.services.feeds import bump_feeds_generation
from shared.services.scrape import ScrapeStatus, scrape_platform
from tests.factories import codeforces_payload
from tests.fakes.platforms import FakePlatforms
from tests.servers import StoppableValkey

CONTEST_KEYS = {"id", "platform", "external_id", "title", "url", "start", "end", "duration"}


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def iso(when: datetime) -> str:
    return format_utc(when)


async def scrape_codeforces(
    res: Resources, fake: FakePlatforms, *entries: tuple[int, str, timedelta, int]
) -> None:
    """Serve these Codeforces contests (start given relative to now) and scrape them."""
    now = utc_now()
    fake.serve(
        "codeforces",
        codeforces_payload(*((cid, name, now + ahead, dur) for cid, name, ahead, dur in entries)),
    )
    result = await scrape_platform(res, get_platform("codeforces"), now=datetime.now(UTC))
    assert result.status is ScrapeStatus.OK, result.error


async def scrape_three_rounds(res: Resources, fake: FakePlatforms) -> None:
    await scrape_codeforces(
        res,
        fake,
        (2301, "Round 1", timedelta(days=1), 7200),
        (2302, "Round 2", timedelta(days=3), 7200),
        (2303, "Round 3", timedelta(days=5), 7200),
    )


@pytest.fixture
async def client(res: Resources) -> AsyncIterator[TestClient]:
    async with TestClient(TestServer(build_app(res))) as test_client:
        yield test_client


async def titles(client: TestClient, **params: str) -> list[str]:
    response = await client.get("/api/contests", params=params)
    assert response.status == 200, await response.text()
    return [c["title"] for c in (await response.json())["contests"]]


async def titles_soon(client: TestClient, want: list[str]) -> list[str]:
    """The titles once they are `want`, or as they are after a few seconds: a process keeps
    its renderings until it sees the new contests generation (within GENERATION_CHECK)."""
    deadline = time.monotonic() + GENERATION_CHECK + 2
    while (got := await titles(client)) != want and time.monotonic() < deadline:  # noqa: ASYNC110 - polling
        await asyncio.sleep(0.1)
    return got


async def wait_for_fresh_minute() -> None:
    """Keep a burst of requests inside one clock-aligned rate-limit window."""
    left = 60 - time.time() % 60
    if left < 8:
        await asyncio.sleep(left + 0.05)


# --- probes ---------------------------------------------------------------------------------------


async def test_healthz_answers_ok(client: TestClient) -> None:
    response = await client.get("/healthz")
    assert response.status == 200
    assert (await response.json())["status"] == "ok"


async def test_readyz_is_ready_when_postgres_and_valkey_answer(client: TestClient) -> None:
    response = await client.get("/readyz")
    assert response.status == 200
    assert await response.json() == {"status": "ready"}


async def test_readyz_is_503_naming_valkey_when_valkey_is_down(
    own_valkey: StoppableValkey,
) -> None:
    await own_valkey.stop()
    response = await own_valkey.client.get("/readyz")
    assert response.status == 503
    body = await response.json()
    assert body["failing"] == ["valkey"]


# --- security headers -----------------------------------------------------------------------------


async def test_landing_page_carries_the_security_headers(client: TestClient) -> None:
    response = await client.get("/")
    assert response.status == 200
    assert response.content_type == "text/html"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]


async def test_every_response_gets_a_request_id(client: TestClient) -> None:
    first = await client.get("/")
    second = await client.get("/")
    assert first.headers["X-Request-ID"]
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]


async def test_a_callers_request_id_is_echoed(client: TestClient) -> None:
    response = await client.get("/", headers={"X-Request-ID": "trace-abc-123"})
    assert response.headers["X-Request-ID"] == "trace-abc-123"


@pytest.mark.parametrize(
    "given", ["<script>alert(1)</script>", "a" * 65, "with space", "trace_1", "../etc"]
)
async def test_a_request_id_that_is_not_a_plain_token_is_replaced(
    client: TestClient, given: str
) -> None:
    response = await client.get("/no-such-page", headers={"X-Request-ID": given})
    rid = response.headers["X-Request-ID"]
    assert rid != given and re.fullmatch(r"[0-9a-f]{16}", rid)
    assert "<script>" not in await response.text()


async def test_a_contest_url_that_is_not_http_is_never_a_link(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(res, fake_platforms, (2300, "Round A", timedelta(days=2), 7200))
    await res.db.write.execute("UPDATE contests SET url = 'javascript:alert(1)'")
    await drop(res.valkey, cache_keys.contests("codeforces"))
    html = await (await client.get("/")).text()
    assert "Round A" in html and "javascript:" not in html


async def test_landing_page_script_is_allowed_by_its_hash_in_the_csp(client: TestClient) -> None:
    response = await client.get("/")
    html = await response.text()
    (script,) = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    csp = response.headers["Content-Security-Policy"]
    assert f"script-src 'sha256-{digest}';" in csp
    assert "unsafe-inline" not in csp and "nonce-" not in csp


async def test_no_hsts_outside_production(client: TestClient) -> None:
    response = await client.get("/")
    assert "Strict-Transport-Security" not in response.headers


async def test_post_body_over_one_mebibyte_to_any_route_is_413(client: TestClient) -> None:
    response = await client.post(
        "/", data=b"x" * (1024 * 1024 + 1), headers={"Content-Type": "text/plain"}
    )
    assert response.status == 413


async def test_error_responses_carry_a_request_id(client: TestClient) -> None:
    response = await client.get("/no-such-page")
    assert response.status == 404
    assert response.headers.get("X-Request-ID")


async def test_a_method_no_route_allows_is_405_naming_the_allowed_ones(client: TestClient) -> None:
    response = await client.delete("/api/contests")
    assert response.status == 405
    assert set(response.headers["Allow"].split(",")) == {"GET", "HEAD"}
    assert response.headers.get("X-Request-ID")
    assert response.headers["X-Frame-Options"] == "DENY"


async def test_a_request_for_no_path_at_all_gets_the_request_id_and_headers(
    client: TestClient,
) -> None:
    reader, writer = await asyncio.open_connection(client.host, client.port)
    writer.write(b"OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    head = (await reader.read()).split(b"\r\n\r\n")[0].decode()
    writer.close()
    assert head.startswith("HTTP/1.1 404 ")
    assert "X-Request-ID: " in head and "X-Frame-Options: DENY" in head


async def test_requests_no_route_matches_are_counted_as_unmatched_never_by_path(
    client: TestClient, res: Resources
) -> None:
    assert (await client.get("/no-such-page")).status == 404
    assert (await client.put("/")).status == 405
    registry = res.metrics.registry
    for status in ("404", "405"):
        labels = {"route": "<unmatched>", "status": status}
        assert registry.get_sample_value("contestsync_http_requests_total", labels) == 1
    assert (
        registry.get_sample_value(
            "contestsync_http_requests_total", {"route": "/no-such-page", "status": "404"}
        )
        is None
    )


async def test_a_request_past_the_handler_time_limit_is_answered_504_and_logged(
    res: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    async def hangs(request: web.Request) -> web.Response:
        await asyncio.sleep(60)
        return web.Response(text="too late")

    serve = build_serve(res.settings, res.metrics, timeout=0.3)
    app = web.Application()
    app.router.add_routes(serve_routes([web.get("/hangs", hangs)], serve))
    add_unmatched(app, serve)
    async with TestClient(TestServer(app)) as test_client:
        response = await test_client.get("/hangs")
        text = await response.text()
        after = await test_client.get("/no-such-page")
    assert response.status == 504
    rid = response.headers["X-Request-ID"]
    assert "took too long" in text and rid in text and "too late" not in text
    assert response.headers["X-Frame-Options"] == "DENY"
    assert f"request {rid} timed out: GET /hangs" in caplog.text
    assert after.status == 404


async def test_time_limits_forget_requests_however_they_end() -> None:
    async def refuses(request: web.Request) -> web.Response:
        raise web.HTTPNotFound()

    async def hangs(request: web.Request) -> web.Response:
        await asyncio.sleep(60)
        return web.Response(text="too late")

    async def answers(request: web.Request) -> web.Response:
        return web.Response(text="ok")

    deadlines = _Deadlines(every=0.1)
    request = make_mocked_request("GET", "/")
    cast(Mock, request.task).get_loop.return_value = asyncio.get_running_loop()
    # Each in a task of its own, as aiohttp runs each request.
    with pytest.raises(web.HTTPNotFound):
        await asyncio.create_task(deadlines.run(refuses, request, time.perf_counter() + 5))
    with pytest.raises(TimeoutError):
        await asyncio.create_task(deadlines.run(hangs, request, time.perf_counter() + 0.1))
    answer = await asyncio.create_task(deadlines.run(answers, request, time.perf_counter() + 5))
    assert isinstance(answer, web.Response) and answer.text == "ok"
    assert len(deadlines) == 0


# --- /api/contests --------------------------------------------------------------------------------


async def test_api_lists_scraped_contests_with_their_fields(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    start = utc_now() + timedelta(days=2)
    await scrape_codeforces(res, fake_platforms, (2300, "Round A", timedelta(days=2), 7200))
    response = await client.get("/api/contests")
    assert response.status == 200
    body = await response.json()
    assert body["count"] == 1
    (contest,) = body["contests"]
    assert set(contest) == CONTEST_KEYS
    assert contest["platform"] == "codeforces"
    assert contest["external_id"] == "2300"
    assert contest["title"] == "Round A"
    assert contest["url"] == "https://codeforces.com/contest/2300"
    assert contest["start"] == iso(start)
    assert contest["end"] == iso(start + timedelta(seconds=7200))
    assert contest["duration"] == 7200
    assert isinstance(contest["id"], int)


async def test_api_lists_contests_in_start_order(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(
        res,
        fake_platforms,
        (2302, "Later", timedelta(days=4), 7200),
        (2301, "Sooner", timedelta(days=1), 7200),
    )
    assert await titles(client) == ["Sooner", "Later"]


async def test_api_with_nothing_scraped_is_an_empty_list(client: TestClient) -> None:
    response = await client.get("/api/contests")
    assert await response.json() == {"contests": [], "count": 0}


async def test_api_filters_by_platform(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(res, fake_platforms, (2300, "CF Round", timedelta(days=2), 7200))
    assert await titles(client, platform="codeforces") == ["CF Round"]
    assert await titles(client, platform="leetcode") == []


async def test_api_accepts_a_comma_list_of_platforms(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(res, fake_platforms, (2300, "CF Round", timedelta(days=2), 7200))
    assert await titles(client, platform="leetcode,Codeforces") == ["CF Round"]


async def test_api_refuses_an_unknown_platform_with_a_clear_message(client: TestClient) -> None:
    response = await client.get("/api/contests", params={"platform": "nope"})
    assert response.status == 400
    error = (await response.json())["error"]
    assert "unknown platform 'nope'" in error
    assert "codeforces" in error


async def test_api_refuses_an_unreadable_from(client: TestClient) -> None:
    response = await client.get("/api/contests", params={"from": "garbage"})
    assert response.status == 400
    assert "'from'" in (await response.json())["error"]


async def test_api_refuses_a_time_without_a_zone(client: TestClient) -> None:
    response = await client.get("/api/contests", params={"to": "2026-12-01T00:00:00"})
    assert response.status == 400
    assert "'to'" in (await response.json())["error"]


async def test_api_refuses_to_before_from(client: TestClient) -> None:
    now = utc_now()
    response = await client.get(
        "/api/contests", params={"from": iso(now + timedelta(days=2)), "to": iso(now)}
    )
    assert response.status == 400


async def test_api_refuses_a_window_longer_than_90_days(client: TestClient) -> None:
    now = utc_now()
    response = await client.get(
        "/api/contests", params={"from": iso(now), "to": iso(now + timedelta(days=91))}
    )
    assert response.status == 400
    assert "90 days" in (await response.json())["error"]


async def test_api_from_and_to_select_a_window(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_three_rounds(res, fake_platforms)
    now = utc_now()
    window = {"from": iso(now + timedelta(days=2)), "to": iso(now + timedelta(days=4))}
    assert await titles(client, **window) == ["Round 2"]


async def test_api_to_alone_cuts_off_later_contests(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_three_rounds(res, fake_platforms)
    assert await titles(client, to=iso(utc_now() + timedelta(days=4))) == ["Round 1", "Round 2"]


async def test_api_from_alone_skips_earlier_contests(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_three_rounds(res, fake_platforms)
    assert await titles(client, **{"from": iso(utc_now() + timedelta(days=2))}) == [
        "Round 2",
        "Round 3",
    ]


async def test_api_accepts_plain_dates(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_three_rounds(res, fake_platforms)
    day = (utc_now() + timedelta(days=6)).date().isoformat()
    assert await titles(client, to=day) == ["Round 1", "Round 2", "Round 3"]


async def test_api_second_call_is_served_from_valkey(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(res, fake_platforms, (2300, "Cached Round", timedelta(days=2), 7200))
    assert await titles(client) == ["Cached Round"]
    await res.db.write.execute("DELETE FROM contests")
    assert await titles(client) == ["Cached Round"]


async def test_api_reads_the_database_again_once_the_cache_key_is_dropped(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(res, fake_platforms, (2300, "Cached Round", timedelta(days=2), 7200))
    await titles(client)
    await res.db.write.execute("DELETE FROM contests")
    await drop(res.valkey, cache_keys.contests("codeforces"))
    await bump_feeds_generation(res.valkey)  # what every scrape that changes contests does
    assert await titles_soon(client, []) == []


async def test_api_shows_a_new_scrape_at_once(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(res, fake_platforms, (2300, "Old Name", timedelta(days=2), 7200))
    await titles(client)
    await scrape_codeforces(res, fake_platforms, (2300, "New Name", timedelta(days=2), 7200))
    assert await titles_soon(client, ["New Name"]) == ["New Name"]


async def test_api_answers_from_the_database_when_the_cached_value_is_outdated(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(res, fake_platforms, (2300, "Round A", timedelta(days=2), 7200))
    # A cache entry written by an older release, in a shape this release no longer reads.
    await res.valkey.set(
        cache_keys.contests("codeforces"), b'[{"name":"Round A","startTime":1}]', ex=60
    )
    assert await titles(client) == ["Round A"]


async def test_api_still_answers_from_the_database_with_valkey_down(
    own_valkey: StoppableValkey, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(
        own_valkey.res, fake_platforms, (2300, "Round A", timedelta(days=2), 7200)
    )
    await own_valkey.stop()
    assert await titles(own_valkey.client) == ["Round A"]


async def test_landing_page_still_renders_with_valkey_down(
    own_valkey: StoppableValkey, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(
        own_valkey.res, fake_platforms, (2300, "Round A", timedelta(days=2), 7200)
    )
    await own_valkey.stop()
    response = await own_valkey.client.get("/")
    assert response.status == 200
    assert "Round A" in await response.text()


# --- the landing page ---------------------------------------------------------------------------


async def test_landing_page_lists_upcoming_contest_titles(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_three_rounds(res, fake_platforms)
    html = await (await client.get("/")).text()
    assert html.index("Round 1") < html.index("Round 2") < html.index("Round 3")


async def test_landing_page_escapes_contest_titles(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(
        res, fake_platforms, (2300, "<script>alert(1)</script> Cup", timedelta(days=2), 7200)
    )
    html = await (await client.get("/")).text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Cup" in html
    assert "<script>alert(1)" not in html


async def test_landing_page_shows_platform_health(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(res, fake_platforms, (2300, "Round A", timedelta(days=2), 7200))
    html = await (await client.get("/")).text()
    assert "<h2>Platforms</h2>" in html
    assert "<strong>Codeforces</strong><br><span class='ok'>ok</span> · 1 listed" in html
    assert "<strong>LeetCode</strong><br><span class='none'>not scraped yet</span>" in html


async def test_landing_page_says_why_a_platform_fails_and_when_it_last_worked(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(res, fake_platforms, (2300, "Round A", timedelta(days=2), 7200))
    fake_platforms.serve("codeforces", b"<html>down</html>", "text/html", status=503)
    result = await scrape_platform(res, get_platform("codeforces"), now=datetime.now(UTC))
    assert result.status is ScrapeStatus.FAILED
    # Nothing listens on port 1: LeetCode cannot be reached.
    res.settings = res.settings.model_copy(update={"LEETCODE_URL": "http://127.0.0.1:1/graphql"})
    await scrape_platform(res, get_platform("leetcode"), now=datetime.now(UTC))
    html = await (await client.get("/")).text()
    codeforces = html.split("<strong>Codeforces</strong>")[1].split("</div>")[0]
    assert "failing</span> (1 try): 127.0.0.1 answered HTTP 503" in codeforces
    assert "last success just now" in codeforces
    leetcode = html.split("<strong>LeetCode</strong>")[1].split("</div>")[0]
    assert "cannot reach 127.0.0.1 (connection refused)" in leetcode
    assert "never succeeded yet" in leetcode
    assert "Each platform is scraped every 30 minutes." in html


async def test_landing_page_says_what_to_set_up_next(client: TestClient) -> None:
    html = await (await client.get("/")).text()
    assert "No upcoming contests are known yet" in html
    assert "scraped every 30 minutes" in html and "every few minutes" not in html
    steps = html.split("<h2>Next steps</h2>")[1]
    assert "TELEGRAM_BOT_TOKEN" in steps  # the test settings set no bot token
    assert "GOOGLE_CLIENT_ID" not in steps  # the fake Google's client is configured


# --- rate limit ---------------------------------------------------------------------------------


async def test_api_answers_429_with_retry_after_past_120_requests_a_minute(
    client: TestClient,
) -> None:
    await wait_for_fresh_minute()
    statuses = [(await client.get("/api/contests")).status for _ in range(120)]
    assert set(statuses) == {200}
    response = await client.get("/api/contests")
    assert response.status == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert "error" in await response.json()


async def test_health_probes_are_not_rate_limited(client: TestClient) -> None:
    await wait_for_fresh_minute()
    for _ in range(121):
        await client.get("/api/contests")
    assert (await client.get("/healthz")).status == 200
    assert (await client.get("/readyz")).status == 200
