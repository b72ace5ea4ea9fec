"""Started while no Valkey listens: `contestsync run` (web, worker, Telegram bot) comes up serving
from PostgreSQL, /readyz says what is missing, the bot answers, and once a Valkey appears on the
configured port the worker connects by itself and runs jobs — with one warning, no traceback."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
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
from tests.fakes.telegram import FakeTelegram
from tests.process import contestsync

CHAT = 5151


async def _get(url: str) -> tuple[int | None, str]:
    try:
        async with aiohttp.ClientSession() as http, http.get(url) as resp:
            return resp.status, await resp.text()
    except aiohttp.ClientError:
        return None, ""


async def _until(check: Callable[[], Awaitable[bool]], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not await check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.2)


async def test_started_without_valkey_it_serves_and_the_worker_starts_when_valkey_appears(
    res: Resources,
    settings: Settings,
    fake_platforms: FakePlatforms,
    fake_telegram: FakeTelegram,
    tmp_path: Path,
) -> None:
    valkey = EmbeddedValkey(tmp_path / "valkey", persist=False, port=free_port())
    url = f"redis://127.0.0.1:{valkey.port}/0"  # nothing listens there yet
    port, worker_port = free_port(), free_port()
    env = process_env(
        settings,
        tmp_path,
        VALKEY_URI=url,
        PORT=str(port),
        WORKER_PORT=str(worker_port),
        TELEGRAM_BOT_TOKEN=fake_telegram.token,
        TELEGRAM_API_URL=fake_telegram.base_url,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        async with contestsync(env, "run", log=tmp_path / "run.log") as proc:

            async def serving() -> bool:
                assert proc.running, proc.output()
                return (await _get(f"{base}/api/contests"))[0] == 200

            await _until(serving, "the web backend to serve without Valkey")
            status, body = await _get(f"{base}/readyz")
            assert status == 503 and "valkey" in body
            assert (await _get(f"http://127.0.0.1:{worker_port}/healthz"))[0] == 200
            fake_telegram.user_message(CHAT, "/upcoming", username="early")

            async def answered() -> bool:
                return bool(fake_telegram.sent(CHAT))

            await _until(answered, "the bot to answer /upcoming")
            await asyncio.sleep(3)  # a few of the worker's quiet retries
            assert proc.running

            came = datetime.now(UTC)
            assert await asyncio.to_thread(valkey.start) == url

            async def ready() -> bool:
                return (await _get(f"{base}/readyz"))[0] == 200

            await _until(ready, "Valkey to be used")
            own = settings.model_copy(update={"VALKEY_URI": SecretStr(url)})
            arq = await create_pool(redis_settings(own))
            try:

                async def scraped() -> bool:
                    await enqueue_scrape(arq, "codeforces")
                    health = {h.platform: h for h in await q.list_platform_health(res.db.write)}
                    last = health.get("codeforces")
                    return last is not None and (last.last_attempt_at or came) > came

                await _until(scraped, "a job run by the worker", 90)
            finally:
                await arq.aclose()
            code, _ = await proc.stop()
        out = proc.output()
        assert code == 0, out
        assert "Traceback" not in out
        warnings = [line for line in out.splitlines() if " WARNING " in line]
        assert len(warnings) == 1 and "Valkey did not answer" in warnings[0], warnings
        assert "worker running after" in out
        assert "Valkey answers again" in out
    finally:
        await asyncio.to_thread(valkey.stop)
