"""Every backend route under hypothesis-generated methods, paths, query strings, headers and
bodies: never a 5xx, never a traceback in a response.

The app runs in a thread with its own event loop (real PostgreSQL and Valkey), so hypothesis
drives it with plain blocking HTTP requests. The per-IP rate limit stays on: a 429 is a fine
answer to a flood.
"""

from __future__ import annotations

import asyncio
import http.client
import threading
from collections.abc import Iterator
from contextlib import AsyncExitStack
from urllib.parse import quote, urlencode

import pytest
from aiohttp import web
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.web.app import build_app
from shared.config import Settings
from shared.embedded import free_port
from shared.resources import open_resources

FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ROUTES = [
    "/",
    "/api/contests",
    "/connect/{x}",
    "/auth/google/callback",
    "/feed/{x}.ics",
    "/feeds/{x}.ics",
    "/feeds/all.ics",
    "/privacy",
    "/terms",
    "/healthz",
    "/readyz",
    "/metrics",
    "/admin/scrape",
    "/admin/sync",
    "/health",
    "/favicon.ico",
    "/{x}",
]
QUERY_KEYS = ["platform", "platforms", "from", "to", "state", "code", "error", "scope", "x"]
ZONED = st.builds(
    lambda y, m, d, h, z: f"{y:04d}-{m:02d}-{d:02d}T{h:02d}:00:00{z}",
    st.integers(1, 9999),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 23),
    st.sampled_from(["Z", "+14:00", "-12:00", "+05:30", ""]),
)
VALUES = st.one_of(
    st.text(max_size=40),
    ZONED,
    st.sampled_from(["codeforces", "codeforces,codeforces", "atcoder,nope", ",,", "2026-13-40"]),
)
HEADER_TEXT = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=80)


class Site:
    """The backend served from a thread of its own."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.error: BaseException | None = None
        self.stop_event: asyncio.Event | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self._serve())
        except BaseException as exc:  # reported to the test
            self.error = exc
            self.ready.set()

    async def _serve(self) -> None:
        self.stop_event = asyncio.Event()
        async with AsyncExitStack() as stack:
            res = await open_resources(self.settings, stack)
            runner = web.AppRunner(build_app(res), handle_signals=False)
            await runner.setup()
            stack.push_async_callback(runner.cleanup)
            await web.TCPSite(runner, "127.0.0.1", self.port).start()
            self.ready.set()
            await self.stop_event.wait()

    def start(self) -> None:
        self.thread.start()
        self.ready.wait(30)
        if self.error is not None:
            raise self.error

    def stop(self) -> None:
        if self.stop_event is not None:
            self.loop.call_soon_threadsafe(self.stop_event.set)
        self.thread.join(30)

    def request(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body or None, headers=headers)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()


@pytest.fixture
def site(settings: Settings) -> Iterator[Site]:
    running = Site(settings)
    running.start()
    yield running
    running.stop()


def _path(route: str, segment: str, query: dict[str, str]) -> str:
    path = route.replace("{x}", quote(segment, safe="") or "x")
    return path + ("?" + urlencode(query) if query else "")


def _check(status: int, body: bytes) -> None:
    assert status < 500, body[:300]
    assert b"Traceback" not in body


@FUZZ
@given(
    method=st.sampled_from(["GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"]),
    route=st.sampled_from(ROUTES),
    segment=st.text(max_size=60),
    query=st.dictionaries(st.sampled_from(QUERY_KEYS), VALUES, max_size=4),
    headers=st.dictionaries(
        st.sampled_from(
            [
                "X-Request-ID",
                "If-None-Match",
                "If-Modified-Since",
                "Accept",
                "X-Admin-Password",
                "Content-Type",
                "User-Agent",
            ]
        ),
        HEADER_TEXT,
        max_size=4,
    ),
    body=st.binary(max_size=300),
)
def test_no_route_answers_a_5xx_or_a_traceback(
    site: Site,
    method: str,
    route: str,
    segment: str,
    query: dict[str, str],
    headers: dict[str, str],
    body: bytes,
) -> None:
    status, answer = site.request(method, _path(route, segment, query), headers, body)
    _check(status, answer)


@FUZZ
@given(query=st.dictionaries(st.sampled_from(["platform", "from", "to"]), VALUES, max_size=3))
def test_the_contest_api_answers_every_query_with_json_or_400(
    site: Site, query: dict[str, str]
) -> None:
    status, answer = site.request("GET", _path("/api/contests", "", query), {}, b"")
    _check(status, answer)
    assert status in (200, 400, 429), status


@pytest.mark.parametrize(
    "query",
    [
        "platform=codeforces,codeforces",
        "platform=codeforces&platform=codeforces",
        "from=9999-12-31T23:00:00-12:00",
        "to=0001-01-01T00:00:00%2B14:00",
    ],
)
def test_repeated_platforms_and_out_of_range_dates_are_not_server_errors(
    site: Site, query: str
) -> None:
    status, answer = site.request("GET", f"/api/contests?{query}", {}, b"")
    assert status in (200, 400), answer[:300]
