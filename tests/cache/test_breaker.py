"""A Valkey that is gone or silent never takes the site down: short timeouts and a breaker."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from backend.web.app import build_app
from backend.web.middleware import VALKEY_KEY
from shared.cache.breaker import Breaker, ValkeyUnavailableError, open_guarded_valkey
from shared.resources import Resources


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_breaker_opens_after_five_failures_and_probes_after_the_cool_down(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    clock = Clock()
    breaker = Breaker(clock=clock)
    for _ in range(5):
        breaker.before_call()
        breaker.failed()
    with pytest.raises(ValkeyUnavailableError):
        breaker.before_call()
    clock.now += 9.9
    with pytest.raises(ValkeyUnavailableError):
        breaker.before_call()
    clock.now += 0.2
    breaker.before_call()  # one probe goes through
    breaker.failed()  # ... and fails: open again
    with pytest.raises(ValkeyUnavailableError):
        breaker.before_call()
    clock.now += 10.1
    breaker.before_call()
    breaker.succeeded()
    breaker.before_call()
    assert breaker.trips == 1
    # One warning for the outage (its first failure), one line when it ends.
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "Valkey did not answer" in warnings[0].getMessage()
    assert caplog.text.count("Valkey answers again") == 1


def test_each_outage_is_one_warning_and_one_recovery_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    clock = Clock()
    breaker = Breaker(clock=clock)
    for _outage in range(2):
        for _ in range(3):  # the circuit opens three times during a long outage
            while not breaker.is_open:
                breaker.before_call()
                breaker.failed(ConnectionError("gone"))
            clock.now += 10.1
        for _ in range(20):  # then Valkey answers: every call works
            breaker.before_call()
            breaker.succeeded()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert (
        warnings
        == ["Valkey did not answer (ConnectionError); serving without it until it does"] * 2
    )
    assert caplog.text.count("Valkey answers again") == 2


class SilentValkey:
    """Accepts connections and reads commands, but never answers (a hung server)."""

    def __init__(self) -> None:
        self.received = 0
        self.server: asyncio.Server | None = None

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while chunk := await reader.read(65536):
                self.received += chunk.count(b"*")  # roughly one per command
        finally:
            writer.close()

    async def start(self) -> str:
        self.server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        return f"redis://127.0.0.1:{port}/0"

    async def close(self) -> None:
        assert self.server is not None
        self.server.close()


@pytest.fixture
async def silent_site(res: Resources) -> AsyncIterator[tuple[TestClient, SilentValkey]]:
    silent = SilentValkey()
    url = await silent.start()
    hung = open_guarded_valkey(url, 0.25)
    res.valkey = hung
    app = build_app(res)
    app[VALKEY_KEY] = hung
    async with TestClient(TestServer(app)) as client:
        yield client, silent
    await hung.aclose()
    await silent.close()


async def test_a_silent_valkey_costs_requests_a_moment_then_nothing(
    silent_site: tuple[TestClient, SilentValkey],
) -> None:
    client, silent = silent_site

    async def get(path: str) -> int:
        async with client.get(path) as response:
            await response.read()
            return response.status

    first = await asyncio.gather(*(get("/api/contests") for _ in range(30)))
    assert first == [200] * 30  # answered from PostgreSQL, not 504
    asked = silent.received
    again = await asyncio.gather(*(get(p) for p in ("/api/contests", "/", "/feeds/all.ics") * 10))
    assert set(again) == {200}
    assert silent.received == asked  # the breaker is open: Valkey is not called at all
    ready = await client.get("/readyz")
    assert ready.status == 503 and "valkey" in (await ready.json())["failing"]
