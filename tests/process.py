"""`contestsync` in a process of its own, as the tests that drive it from the outside start it."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

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
