"""Stopping for sure: a task that loses a cancellation is asked again, and a stop that hangs
says what it waits on."""

from __future__ import annotations

import asyncio
import logging

import pytest

from shared.aio import cancel_and_wait, report_pending


async def test_a_task_that_lost_a_cancellation_is_cancelled_again_until_it_ends() -> None:
    asked: list[int] = []

    async def loop_that_loses_one_cancel() -> None:
        # As a Python 3.11 task does when a cancel meets a timeout firing inside a call: the
        # CancelledError never reaches it and it goes on (here: it swallows the first one).
        while True:
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                asked.append(1)
                if len(asked) >= 2:
                    raise

    task = asyncio.create_task(loop_that_loses_one_cancel())
    await asyncio.sleep(0)
    await cancel_and_wait(task, every=0.05)
    assert task.cancelled()
    assert len(asked) == 2


async def test_what_a_task_ended_with_stays_on_it() -> None:
    async def fails() -> None:
        raise ValueError("boom")

    task = asyncio.create_task(fails())
    await asyncio.sleep(0)
    await cancel_and_wait(task)
    assert isinstance(task.exception(), ValueError)


async def test_a_hanging_stop_names_the_function_it_waits_in(
    caplog: pytest.LogCaptureFixture,
) -> None:
    never = asyncio.Event()

    async def stuck_in_close() -> None:
        await never.wait()

    task = asyncio.create_task(stuck_in_close(), name="closing")
    await asyncio.sleep(0)
    with caplog.at_level(logging.WARNING, logger="shared.aio"):
        asyncio.get_running_loop().call_soon(report_pending, "still stopping 15 s after Ctrl-C")
        await asyncio.sleep(0.01)
    task.cancel()
    line = next(r.getMessage() for r in caplog.records if r.name == "shared.aio")
    assert line.startswith("still stopping 15 s after Ctrl-C; waiting on ")
    # The innermost coroutine the task is suspended in, not just its name.
    assert "closing in Event.wait" in line, line
