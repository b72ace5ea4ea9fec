"""`contestsync` in a process of its own, as the tests that drive it from the outside start it,
and what those tests share: waiting for a condition and asking a process over HTTP."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Contestsync:
    """A running `python -m backend.cli …`; its stdout and stderr go to `log`."""

    proc: asyncio.subprocess.Process
    log: Path

    @property
    def running(self) -> bool:
        return self.proc.returncode is None

    @property
    def returncode(self) -> int | None:
        return self.proc.returncode

    def output(self) -> str:
        """Everything it printed so far."""
        return self.log.read_text(errors="replace")

    async def wait(self, seconds: float = 30) -> int:
        """Its exit code, once it exits by itself."""
        await asyncio.wait_for(self.proc.wait(), seconds)
        return self.proc.returncode or 0

    async def stop(self, sig: int = signal.SIGINT, seconds: float = 30) -> tuple[int, float]:
        """Send `sig` and wait for the exit: (exit code, seconds it took). Killed if it hangs."""
        started = time.monotonic()
        if self.running:
            self.proc.send_signal(sig)
        try:
            code = await self.wait(seconds)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()
            raise AssertionError(f"contestsync did not stop within {seconds} s") from None
        return code, time.monotonic() - started


@asynccontextmanager
async def contestsync(
    env: dict[str, str], *args: str, log: Path, cwd: Path = ROOT
) -> AsyncIterator[Contestsync]:
    """Start `contestsync <args>`; on the way out, stop it (SIGINT) if it is still running.

    The output goes to a file rather than a pipe, which nobody would read until the end and
    which would block a chatty process once full.
    """
    with log.open("wb") as sink:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "backend.cli",
            *args,
            env=env,
            cwd=cwd,
            stdout=sink,
            stderr=asyncio.subprocess.STDOUT,
        )
    process = Contestsync(proc, log)
    try:
        yield process
    finally:
        if process.running:
            await process.stop()


async def until(
    check: Callable[[], Awaitable[bool] | bool],
    what: str,
    seconds: float = 60,
    detail: Callable[[], object] = lambda: "",
) -> None:
    """Wait for `check` (plain or async). The deadlines are generous: they bound a hang, not a
    speed (on a machine running two suites at once, a process's start takes several times
    longer); `detail` says what was seen when one passes."""
    deadline = time.monotonic() + seconds
    while True:
        outcome = check()
        if isinstance(outcome, Awaitable):
            outcome = await outcome
        if outcome:
            return
        assert time.monotonic() < deadline, f"timed out waiting for {what}: {detail()}"
        await asyncio.sleep(0.1)


async def get_page(url: str) -> tuple[int | None, str]:
    """(status, body) of a GET; (None, "") when nothing answers."""
    try:
        async with aiohttp.ClientSession() as http, http.get(url) as resp:
            return resp.status, (await resp.read()).decode(errors="replace")
    except aiohttp.ClientError:
        return None, ""


async def status_of(url: str) -> int | None:
    """The status of a GET; None when nothing answers."""
    return (await get_page(url))[0]


async def answers(url: str) -> bool:
    """A GET is answered 200."""
    return await status_of(url) == 200
