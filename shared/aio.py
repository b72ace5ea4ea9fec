"""asyncio helpers for stopping: cancelling a task for sure, and saying what a stop waits on."""

from __future__ import annotations

import asyncio
import logging
from types import CoroutineType
from typing import Any

log = logging.getLogger(__name__)

# While a cancelled task runs on, it is asked again this often.
CANCEL_AGAIN_SECONDS = 1.0


async def cancel_and_wait(task: asyncio.Task[Any], every: float = CANCEL_AGAIN_SECONDS) -> None:
    """Cancel `task` and wait until it has ended, cancelling it again every `every` seconds.

    Python 3.11 can lose a cancellation that meets a timeout firing at the same moment inside the
    task (asyncio's `timeout` and `wait_for`, which redis-py and asyncpg use on every call): the
    task then runs on as if it had never been asked, and a plain `cancel(); await task` waits
    for ever — a process that does not stop on Ctrl-C. What the task ended with (a result, an
    exception, the cancellation) stays on the task for the caller to read.
    """
    while not task.done():
        task.cancel()
        await asyncio.wait({task}, timeout=every)


def where(task: asyncio.Task[Any]) -> str:
    """The task's name and the innermost coroutine it is suspended in (function, file:line)."""
    coro: Any = task.get_coro()
    frame = None
    while coro is not None:
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None) or frame
        inner = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
        if not isinstance(inner, CoroutineType) and not hasattr(inner, "gi_frame"):
            break
        coro = inner
    if frame is None:
        return task.get_name()
    code = frame.f_code
    return f"{task.get_name()} in {code.co_qualname} ({code.co_filename}:{frame.f_lineno})"


def report_pending(what: str) -> None:
    """Log, as one warning, every task of the running loop that has not ended (but this one)."""
    current = asyncio.current_task()
    pending = [where(t) for t in asyncio.all_tasks() if t is not current and not t.done()]
    log.warning("%s; waiting on %d task(s): %s", what, len(pending), "; ".join(pending) or "-")
