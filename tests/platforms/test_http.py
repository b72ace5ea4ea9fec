"""Fetch behaviour against the local fake platform server."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import aiohttp
import pytest

from shared.config import Settings
from shared.errors import FetchError
from shared.platforms.http import FetchPolicy, PlatformClient
from shared.platforms.registry import PLATFORMS, get_platform
from tests.fakes.platforms import DEFAULT_FILE, FakePlatforms, Reply

FAST = FetchPolicy(
    timeout=1.0, attempts=3, backoff_initial=0.01, backoff_max=0.05, retry_after_max=3.0
)


async def fetch(fake: FakePlatforms, platform: str, policy: FetchPolicy = FAST) -> bytes:
    async with aiohttp.ClientSession() as session:
        client = PlatformClient(session, policy, rate_limits={platform: (1000.0, 1.0)})
        return await get_platform(platform).fetch(client, fake.url_for(platform))


async def test_fetch_sends_browser_headers_and_returns_the_body(
    fake_platforms: FakePlatforms,
) -> None:
    body = await fetch(fake_platforms, "codeforces")
    assert body.startswith(b"{")
    [call] = fake_platforms.calls_for("codeforces")
    assert call.method == "GET"
    assert call.path_qs == "/api/contest.list?gym=false"
    assert call.headers["User-Agent"].startswith("Mozilla/5.0")
    assert "application/json" in call.headers["Accept"]


async def test_leetcode_fetch_posts_the_graphql_query(fake_platforms: FakePlatforms) -> None:
    await fetch(fake_platforms, "leetcode")
    [call] = fake_platforms.calls_for("leetcode")
    expected = fake_platforms.expected["files"]["leetcode/all_contests.json"]["request"]
    assert call.method == "POST"
    assert call.body.decode() == expected["body"]
    assert call.headers["Content-Type"] == "application/json"
    assert call.headers["Referer"] == "https://leetcode.com/contest/"


async def test_429_with_retry_after_is_honoured_then_succeeds(
    fake_platforms: FakePlatforms,
) -> None:
    fake_platforms.script(
        "codechef", Reply(status=429, body=b"slow down", headers={"Retry-After": "1"})
    )
    started = time.monotonic()
    body = await fetch(fake_platforms, "codechef")
    waited = time.monotonic() - started
    assert body.startswith(b"{")
    assert len(fake_platforms.calls_for("codechef")) == 2
    assert waited >= 0.9  # the server asked for one second; backoff alone would be ~0.01 s


async def test_500_then_success_is_retried(fake_platforms: FakePlatforms) -> None:
    fake_platforms.script(
        "code360", Reply(status=500, body=b"oops"), Reply(status=502, body=b"bad gateway")
    )
    body = await fetch(fake_platforms, "code360")
    assert body.startswith(b"{")
    assert len(fake_platforms.calls_for("code360")) == 3


async def test_persistent_5xx_becomes_one_fetch_error_naming_the_platform(
    fake_platforms: FakePlatforms,
) -> None:
    fake_platforms.script("atcoder", *[Reply(status=503, body=b"maintenance")] * 3)
    with pytest.raises(FetchError) as err:
        await fetch(fake_platforms, "atcoder")
    assert err.value.platform == "atcoder"
    assert "HTTP 503" in str(err.value) and "3 attempts" in str(err.value)
    assert len(fake_platforms.calls_for("atcoder")) == 3


async def test_timeout_is_retried_then_reported(fake_platforms: FakePlatforms) -> None:
    fake_platforms.script("hackerrank", *[Reply(delay=2.0, body=b"{}")] * 3)
    with pytest.raises(FetchError, match="timed out"):
        await fetch(fake_platforms, "hackerrank")
    assert len(fake_platforms.calls_for("hackerrank")) == 3


async def test_timeout_once_then_success(fake_platforms: FakePlatforms) -> None:
    fake_platforms.script("hackerrank", Reply(delay=2.0, body=b"{}"))
    body = await fetch(fake_platforms, "hackerrank")
    assert b"models" in body


async def test_oversized_body_is_refused_without_retry(fake_platforms: FakePlatforms) -> None:
    fake_platforms.serve("geeksforgeeks", b"[" + b"1," * 600_000 + b"1]")
    small = FetchPolicy(timeout=2.0, attempts=3, backoff_initial=0.01, max_bytes=1024 * 1024)
    with pytest.raises(FetchError, match="larger than"):
        await fetch(fake_platforms, "geeksforgeeks", small)
    assert len(fake_platforms.calls_for("geeksforgeeks")) == 1


async def test_html_challenge_page_instead_of_json_is_a_fetch_error(
    fake_platforms: FakePlatforms,
) -> None:
    fake_platforms.serve(
        "leetcode", b"<!DOCTYPE html><html><title>Just a moment...</title></html>", "text/html"
    )
    with pytest.raises(FetchError, match="HTML"):
        await fetch(fake_platforms, "leetcode")


async def test_cloudflare_403_is_a_fetch_error_not_an_empty_list(
    fake_platforms: FakePlatforms,
) -> None:
    fake_platforms.script(
        "codeforces", Reply(status=403, body=b"<html>challenge</html>", content_type="text/html")
    )
    with pytest.raises(FetchError, match="HTTP 403"):
        await fetch(fake_platforms, "codeforces")
    assert len(fake_platforms.calls_for("codeforces")) == 1


async def test_connection_refused_is_a_fetch_error(fake_platforms: FakePlatforms) -> None:
    async with aiohttp.ClientSession() as session:
        client = PlatformClient(session, FAST)
        with pytest.raises(FetchError, match=r"cannot reach 127\.0\.0\.1"):
            await get_platform("codechef").fetch(client, "http://127.0.0.1:1/api")


async def test_rate_limit_spaces_requests_per_platform(fake_platforms: FakePlatforms) -> None:
    async with aiohttp.ClientSession() as session:
        client = PlatformClient(session, FAST, rate_limits={"codeforces": (1.0, 0.5)})
        started = time.monotonic()
        for _ in range(3):
            await get_platform("codeforces").fetch(client, fake_platforms.url_for("codeforces"))
        elapsed = time.monotonic() - started
    assert elapsed >= 0.9  # three calls at one per 0.5 s need at least two gaps


# Every recorded request (expected.json "request") and the URL our code fetches it from.
RECORDED_FETCHES = [
    (name, DEFAULT_FILE[name], Settings.model_fields[f"{name.upper()}_URL"].default)
    for name in sorted(PLATFORMS)
]


@pytest.mark.parametrize(
    ("platform", "fixture", "real_url"),
    RECORDED_FETCHES,
    ids=[fixture.removesuffix(".json").removesuffix(".html") for _, fixture, _ in RECORDED_FETCHES],
)
async def test_fetch_sends_the_recorded_request(
    fake_platforms: FakePlatforms, platform: str, fixture: str, real_url: str
) -> None:
    request = fake_platforms.expected["files"][fixture]["request"]
    assert real_url == request["url"]
    real = urlsplit(real_url)
    path_qs = f"{real.path}?{real.query}" if real.query else real.path
    url = f"{fake_platforms.base_url}/{platform}{path_qs}"
    if fixture == DEFAULT_FILE[platform]:
        assert url == fake_platforms.url_for(platform)
    fake_platforms.serve_file(platform, fixture)

    async with aiohttp.ClientSession() as session:
        client = PlatformClient(session, FAST, rate_limits={platform: (1000.0, 1.0)})
        body = await get_platform(platform).fetch(client, url)
        # The platform names itself: a failure is reported against it.
        fake_platforms.script(platform, Reply(status=404, body=b"gone"))
        with pytest.raises(FetchError) as err:
            await get_platform(platform).fetch(client, url)

    assert err.value.platform == platform
    assert body == (fake_platforms.fixtures / fixture).read_bytes()
    call, _ = fake_platforms.calls_for(platform)
    assert call.method == request["method"]
    assert call.path_qs == path_qs
    assert call.body == request.get("body", "").encode()
    # Every header the recording lists, as sent: the same value (Accept included: our client
    # asks for exactly the media types the recorded client did).
    sent = {key.lower(): value for key, value in call.headers.items()}
    assert {key: sent.get(key.lower()) for key in request["headers"]} == request["headers"]
