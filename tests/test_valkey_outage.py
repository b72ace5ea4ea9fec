"""Valkey stopped under a running `contestsync run`: the process stays up, the web keeps serving
from PostgreSQL, the worker restarts by itself once Valkey is back and runs jobs again."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from shared.config import Settings
from shared.embedded import free_port
from shared.jobs import enqueue_scrape
from shared.resources import Resources
from tests.factories import process_env
from tests.fakes.platforms import FakePlatforms
from tests.process import contestsync, status_of, until
from tests.servers import queue_on, scraped_since, throwaway_valkey


async def test_a_valkey_outage_keeps_the_process_up_and_the_worker_comes_back(
    res: Resources,
    settings: Settings,
    fake_platforms: FakePlatforms,
    tmp_path: Path,
) -> None:
    port, worker_port = free_port(), free_port()
    base = f"http://127.0.0.1:{port}"
    async with throwaway_valkey(tmp_path / "valkey") as (valkey, url):
        env = process_env(settings, tmp_path, VALKEY_URI=url, PORT=str(port))
        env["WORKER_PORT"] = str(worker_port)
        async with contestsync(env, "run", log=tmp_path / "run.log") as proc:

            async def ready() -> bool:
                assert proc.running, proc.output()
                return await status_of(f"{base}/readyz") == 200

            await until(ready, "the first start")
            await asyncio.to_thread(valkey.stop)

            def worker_lost() -> bool:
                assert proc.running, proc.output()
                return "restarting it in" in proc.output()

            await until(worker_lost, "the worker to notice")
            assert await status_of(f"{base}/api/contests") == 200  # served from PostgreSQL
            assert await status_of(f"{base}/readyz") == 503
            assert await status_of(f"http://127.0.0.1:{worker_port}/healthz") == 200
            assert proc.running

            back = datetime.now(UTC)
            await asyncio.to_thread(valkey.start)
            await until(ready, "Valkey to be used again")
            async with queue_on(settings, url) as arq:
                await enqueue_scrape(arq, "codeforces")
                await until(
                    lambda: scraped_since(res.db, "codeforces", back),
                    "a job run by the restarted worker",
                    90,
                )
            code, _ = await proc.stop()
        out = proc.output()
        assert code == 0, out
        assert out.count("Traceback") == 0
