"""Which client the per-IP rate limit counts behind a reverse proxy (TRUST_PROXY,
TRUSTED_PROXIES): X-Forwarded-For names the client only when the request came from a trusted
proxy, and only up to the first hop that is not one of ours."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import replace

import pytest
from aiohttp.test_utils import TestClient, TestServer

from backend.web.app import build_app
from shared.resources import Resources

LIMIT = 3

Client = Callable[..., AbstractAsyncContextManager[TestClient]]


@pytest.fixture
def web(res: Resources) -> Client:
    """A test client of the app with a limit of LIMIT requests a minute and these proxy
    settings (the test client connects from 127.0.0.1)."""

    @asynccontextmanager
    async def start(**proxies: object) -> AsyncIterator[TestClient]:
        settings = res.settings.model_copy(update={"WEB_RATE_LIMIT": LIMIT, **proxies})
        # Within one clock-aligned window of the limiter: no reset in the middle of a test.
        left = 60 - time.time() % 60
        if left < 8:
            await asyncio.sleep(left + 0.05)
        async with TestClient(TestServer(build_app(replace(res, settings=settings)))) as client:
            yield client

    return start


async def statuses(client: TestClient, forwarded_for: str, n: int = LIMIT + 1) -> list[int]:
    headers = {"X-Forwarded-For": forwarded_for}
    return [(await client.get("/api/contests", headers=headers)).status for _ in range(n)]


async def statuses_as_new_clients(client: TestClient, forwarded_for: str) -> list[int]:
    """LIMIT + 1 requests, each claiming another first hop (`forwarded_for` with {n})."""
    return [
        (
            await client.get(
                "/api/contests", headers={"X-Forwarded-For": forwarded_for.format(n=n)}
            )
        ).status
        for n in range(LIMIT + 1)
    ]


async def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit(web: Client) -> None:
    async with web(TRUST_PROXY=True, TRUSTED_PROXIES=["127.0.0.1/32"]) as client:
        assert await statuses(client, "203.0.113.7") == [200] * LIMIT + [429]
        # Another client behind the same proxy is not held by the first one's requests.
        assert await statuses(client, "198.51.100.20", LIMIT) == [200] * LIMIT


async def test_the_client_is_the_last_hop_that_is_not_a_trusted_proxy(web: Client) -> None:
    async with web(TRUST_PROXY=True, TRUSTED_PROXIES=["127.0.0.1/32", "10.0.0.0/8"]) as client:
        # A client-supplied first hop cannot pick a fresh bucket: the hop our own proxy (10.x)
        # received the request from is the client, whatever the client wrote before it.
        got = await statuses_as_new_clients(client, "192.0.2.{n}, 203.0.113.9, 10.1.2.3")
        assert got == [200] * LIMIT + [429]
        assert await statuses(client, "203.0.113.10", 1) == [200]


async def test_forwarded_for_is_ignored_from_a_peer_that_is_not_trusted(web: Client) -> None:
    # The proxy list does not hold 127.0.0.1, so the header is the caller's word: one bucket.
    async with web(TRUST_PROXY=True, TRUSTED_PROXIES=["10.0.0.0/8"]) as client:
        assert await statuses_as_new_clients(client, "192.0.2.{n}") == [200] * LIMIT + [429]


async def test_forwarded_for_is_ignored_without_trust_proxy(web: Client) -> None:
    async with web(TRUST_PROXY=False, TRUSTED_PROXIES=["127.0.0.1/32"]) as client:
        assert await statuses_as_new_clients(client, "192.0.2.{n}") == [200] * LIMIT + [429]


async def test_a_garbled_forwarded_for_counts_against_the_proxy_itself(web: Client) -> None:
    async with web(TRUST_PROXY=True, TRUSTED_PROXIES=["127.0.0.1/32"]) as client:
        assert await statuses(client, "not-an-address") == [200] * LIMIT + [429]
        # The proxy's own bucket is the one used up: any garbled header shares it.
        assert await statuses(client, "garbage, 127.0.0.1", 1) == [429]
        # A real client behind the proxy still has its own.
        assert await statuses(client, "203.0.113.7", 1) == [200]
