"""Single flight: concurrent callers of one key share one run of the work, and its outcome."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial

import pytest

from shared.cache.flights import single_flight


async def _first_and_waiter(
    flights: dict[str, asyncio.Future[int]], work: Callable[[], Awaitable[int]]
) -> tuple[asyncio.Task[int], asyncio.Task[int]]:
    """A first caller of key "k", under way, and a second that waits for it."""
    first = asyncio.create_task(single_flight(flights, "k", work))
    await asyncio.sleep(0)
    waiter = asyncio.create_task(single_flight(flights, "k", work))
    await asyncio.sleep(0)
    return first, waiter


async def test_concurrent_callers_of_one_key_share_one_run() -> None:
    flights: dict[str, asyncio.Future[int]] = {}
    release = asyncio.Event()
    runs: list[str] = []

    async def work(key: str) -> int:
        runs.append(key)
        await release.wait()
        return len(runs)

    tasks = [
        asyncio.create_task(single_flight(flights, key, partial(work, key)))
        for key in ("a", "a", "a", "b")
    ]
    await asyncio.sleep(0)
    assert sorted(runs) == ["a", "b"] and set(flights) == {"a", "b"}
    release.set()
    results = await asyncio.gather(*tasks)
    assert results[:3] == [results[0]] * 3
    assert flights == {}  # nothing kept once done: the next miss runs the work again
    await single_flight(flights, "a", lambda: work("a"))
    assert runs.count("a") == 2


async def test_the_waiters_get_the_first_callers_exception() -> None:
    flights: dict[str, asyncio.Future[int]] = {}
    release = asyncio.Event()

    async def fail() -> int:
        await release.wait()
        raise LookupError("gone")

    first, waiter = await _first_and_waiter(flights, fail)
    release.set()
    for task in (first, waiter):
        with pytest.raises(LookupError, match="gone"):
            await task
    assert flights == {}


async def test_a_cancelled_first_caller_cancels_the_waiters() -> None:
    flights: dict[str, asyncio.Future[int]] = {}

    async def never() -> int:
        await asyncio.Event().wait()
        return 0

    first, waiter = await _first_and_waiter(flights, never)
    first.cancel()
    for task in (first, waiter):
        with pytest.raises(asyncio.CancelledError):
            await task
    assert flights == {}
