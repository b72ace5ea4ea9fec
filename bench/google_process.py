"""The fake Google of the tests, run in a process of its own for benchmarks.

Benchmarks must not pay for the fake's CPU: in one process the fake and the worker share one GIL.
Control routes under /_bench let the benchmark add accounts, set latency and read counters.

    python bench/google_process.py   # prints the base URL, then serves until killed
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from aiohttp import web

# The repository root in place of bench/: `bench.` and the project import as packages, and
# bench/discord.py does not hide the discord package.
sys.path.pop(0)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fakes.google import FakeGoogle


def add_control_routes(fake: FakeGoogle) -> None:
    """Routes the benchmark drives the fake with."""

    async def account(request: web.Request) -> web.Response:
        sub = request.query["sub"]
        fake.add_account(sub, f"{sub}@example.com")
        # Connecting creates the "Contests" calendar (backend callback), before any sync.
        calendar = fake.add_calendar(sub, "Contests")
        return web.json_response(
            {"refresh_token": fake.issue_refresh_token(sub), "calendar_id": calendar.id}
        )

    async def faults(request: web.Request) -> web.Response:
        fake.set_faults(latency=float(request.query.get("latency", "0")))
        return web.json_response({})

    async def stats(request: web.Request) -> web.Response:
        return web.json_response(
            {
                "events": sum(len(c.events) for c in fake.calendars.values()),
                # The benchmark's own control calls are not Google requests.
                "calls": sum(1 for c in fake.calls if not c.path.startswith("/_bench/")),
                "refreshes": sum(1 for c in fake.calls if c.path == "/token"),
                "writes": len(fake.write_calls()),
                "cpu_seconds": time.process_time(),
            }
        )

    fake.app.router.add_post("/_bench/account", account)
    fake.app.router.add_post("/_bench/faults", faults)
    fake.app.router.add_get("/_bench/stats", stats)


async def main() -> None:
    fake = FakeGoogle(client_id="bench", client_secret="bench-secret")
    add_control_routes(fake)
    print(await fake.start(), flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    import uvloop

    uvloop.run(main())
