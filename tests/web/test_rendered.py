"""/ and /api/contests are rendered once per query and contest change, and answer 304s."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from aiohttp.test_utils import TestClient, TestServer

from backend.web.app import build_app
from backend.web.rendered import GENERATION_CHECK
from shared.resources import Resources
from tests.fakes.platforms import FakePlatforms
from tests.web.test_app import scrape_codeforces


@pytest.fixture
async def client(res: Resources) -> AsyncIterator[TestClient]:
    async with TestClient(TestServer(build_app(res))) as test_client:
        yield test_client


async def test_the_api_answers_304_to_a_matching_etag(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(res, fake_platforms, (2300, "Round A", timedelta(days=2), 7200))
    first = await client.get("/api/contests")
    assert first.status == 200
    etag = first.headers["ETag"]
    again = await client.get("/api/contests", headers={"If-None-Match": etag})
    assert again.status == 304
    assert await again.read() == b""
    assert again.headers["ETag"] == etag
    other = await client.get("/api/contests", headers={"If-None-Match": '"something-else"'})
    assert other.status == 200
    assert await other.read() == await first.read()


async def test_each_query_has_its_own_etag(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(res, fake_platforms, (2300, "Round A", timedelta(days=2), 7200))
    every = await client.get("/api/contests")
    one = await client.get("/api/contests", params={"platform": "leetcode"})
    assert (await one.json())["count"] == 0
    assert one.headers["ETag"] != every.headers["ETag"]
    crossed = await client.get(
        "/api/contests",
        params={"platform": "leetcode"},
        headers={"If-None-Match": every.headers["ETag"]},
    )
    assert crossed.status == 200


async def test_a_scrape_that_changes_contests_changes_the_etag_and_the_body(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(res, fake_platforms, (2300, "Old Name", timedelta(days=2), 7200))
    before = await client.get("/api/contests")
    old_etag, old_body = before.headers["ETag"], await before.read()
    await scrape_codeforces(res, fake_platforms, (2300, "New Name", timedelta(days=2), 7200))
    deadline = time.monotonic() + GENERATION_CHECK + 2
    while True:
        after = await client.get("/api/contests", headers={"If-None-Match": old_etag})
        if after.status == 200 or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.1)
    assert after.status == 200
    assert after.headers["ETag"] != old_etag
    body = await after.read()
    assert body != old_body and b"New Name" in body and b"Old Name" not in body


async def test_the_landing_page_answers_304_that_keeps_its_csp(
    client: TestClient, res: Resources, fake_platforms: FakePlatforms
) -> None:
    await scrape_codeforces(res, fake_platforms, (2300, "Round A", timedelta(days=2), 7200))
    first = await client.get("/")
    html = await first.text()
    assert "Round A" in html
    etag, csp = first.headers["ETag"], first.headers["Content-Security-Policy"]
    assert not etag.startswith("W/")
    again = await client.get("/")
    assert await again.text() == html
    assert again.headers["ETag"] == etag and again.headers["Content-Security-Policy"] == csp
    # A 304 refreshes the headers the browser keeps with its copy: the page's own CSP, not the
    # site's default.
    held = await client.get("/", headers={"If-None-Match": etag})
    assert held.status == 304
    assert await held.read() == b""
    assert held.headers["Content-Security-Policy"] == csp
