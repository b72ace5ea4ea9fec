"""Single flight: concurrent misses of one key in this process do the work once."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


async def single_flight(
    flights: dict[K, asyncio.Future[T]], key: K, work: Callable[[], Awaitable[T]]
) -> T:
    """`work()` for `key`, run once however many ask at the same time: the first caller runs it
    and the others await its outcome (its result or its exception); a cancelled first caller
    cancels the waiters too. `flights` holds the work under way (one dict per kind of work)."""
    pending = flights.get(key)
    if pending is not None:
        return await asyncio.shield(pending)
    future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
    flights[key] = future
    try:
        result = await work()
    except asyncio.CancelledError:
        future.cancel()
        raise
    except Exception as exc:
        future.set_exception(exc)
        future.exception()  # waiters (if any) get it; nobody else must be told it was missed
        raise
    finally:
        flights.pop(key, None)
    future.set_result(result)
    return result
