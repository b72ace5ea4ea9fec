"""Valkey stopped under a running `contestsync run`: the process stays up, the web keeps serving
from PostgreSQL, the worker restarts by itself once Valkey is back and runs jobs again."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
from arq.connections import create_pool
from pydantic import SecretStr

from shared.config import Settings
from shared.db import contests as q
from shared.embedded import EmbeddedValkey, free_port
from shared.jobs import enqueue_scrape
from shared.resources import Resources, redis_settings
from tests.factories import process_env
from tests.fakes.platforms import FakePlatforms
from tests.process import contestsync


async def _status(url: str) -> int | None:
    try:
        async with aiohttp.ClientSession() as http, http.get(url) as resp:
            await resp.read()
            return resp.status
    except aiohttp.ClientError:
        return None


async def _until(check: object, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert callable(check)
        if await check():
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


async def test_a_valkey_outage_keeps_the_process_up_and_the_worker_comes_back(
    res: Resources,
    settings: Settings,
    fake_platforms: FakePlatforms,
    tmp_path: Path,
) -> None:
    valkey = EmbeddedValkey(tmp_path / "valkey", persist=False)
    url = await asyncio.to_thread(valkey.start)
    port, worker_port = free_port(), free_port()
    env = process_env(settings, tmp_path, VALKEY_URI=url, PORT=str(port))
    env["WORKER_PORT"] = str(worker_port)
    base = f"http://127.0.0.1:{port}"
    try:
        async with contestsync(env, "run", log=tmp_path / "run.log") as proc:

            async def ready() -> bool:
                assert proc.running, proc.output()
                return await _status(f"{base}/readyz") == 200

            await _until(ready, "the first start")
            await asyncio.to_thread(valkey.stop)

            async def worker_lost() -> bool:
                assert proc.running, proc.output()
                return "restarting it in" in proc.output()

            await _until(worker_lost, "the worker to notice")
            assert await _status(f"{base}/api/contests") == 200  # served from PostgreSQL
            assert await _status(f"{base}/readyz") == 503
            assert await _status(f"http://127.0.0.1:{worker_port}/healthz") == 200
            assert proc.running

            back = datetime.now(UTC)
            await asyncio.to_thread(valkey.start)
            await _until(ready, "Valkey to be used again")
            own = settings.model_copy(update={"VALKEY_URI": SecretStr(url)})
            arq = await create_pool(redis_settings(own))
            try:
                await enqueue_scrape(arq, "codeforces")

                async def scraped() -> bool:
                    health = {h.platform: h for h in await q.list_platform_health(res.db.write)}
                    last = health.get("codeforces")
                    return last is not None and (last.last_attempt_at or back) > back

                await _until(scraped, "a job run by the restarted worker", 90)
            finally:
                await arq.aclose()
            code, _ = await proc.stop()
        out = proc.output()
        assert code == 0, out
        assert out.count("Traceback") == 0
    finally:
        await asyncio.to_thread(valkey.stop)
