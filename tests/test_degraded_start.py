"""Started while no Valkey listens: `contestsync run` (web, worker, Telegram bot) comes up serving
from PostgreSQL, /readyz says what is missing, the bot answers, and once a Valkey appears on the
configured port the worker connects by itself and runs jobs — with one warning, no traceback."""

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
from tests.fakes.telegram import FakeTelegram
from tests.process import answers, contestsync, get_page, status_of, until
from tests.servers import queue_on, scraped_since, throwaway_valkey

CHAT = 5151


async def test_started_without_valkey_it_serves_and_the_worker_starts_when_valkey_appears(
    res: Resources,
    settings: Settings,
    fake_platforms: FakePlatforms,
    fake_telegram: FakeTelegram,
    tmp_path: Path,
) -> None:
    port, worker_port = free_port(), free_port()
    base = f"http://127.0.0.1:{port}"
    # Nothing listens at `url` yet.
    async with throwaway_valkey(tmp_path / "valkey", started=False) as (valkey, url):
        env = process_env(
            settings,
            tmp_path,
            VALKEY_URI=url,
            PORT=str(port),
            WORKER_PORT=str(worker_port),
            TELEGRAM_BOT_TOKEN=fake_telegram.token,
            TELEGRAM_API_URL=fake_telegram.base_url,
        )
        async with contestsync(env, "run", log=tmp_path / "run.log") as proc:

            async def serving() -> bool:
                assert proc.running, proc.output()
                return await status_of(f"{base}/api/contests") == 200

            await until(serving, "the web backend to serve without Valkey")
            status, body = await get_page(f"{base}/readyz")
            assert status == 503 and "valkey" in body
            assert await status_of(f"http://127.0.0.1:{worker_port}/healthz") == 200
            fake_telegram.user_message(CHAT, "/upcoming", username="early")
            await until(lambda: bool(fake_telegram.sent(CHAT)), "the bot to answer /upcoming")
            await asyncio.sleep(3)  # a few of the worker's quiet retries
            assert proc.running

            came = datetime.now(UTC)
            assert await asyncio.to_thread(valkey.start) == url
            await until(lambda: answers(f"{base}/readyz"), "Valkey to be used")
            async with queue_on(settings, url) as arq:

                async def scraped() -> bool:
                    await enqueue_scrape(arq, "codeforces")
                    return await scraped_since(res.db, "codeforces", came)

                await until(scraped, "a job run by the worker", 90)
            code, _ = await proc.stop()
        out = proc.output()
        assert code == 0, out
        assert "Traceback" not in out
        warnings = [line for line in out.splitlines() if " WARNING " in line]
        assert len(warnings) == 1 and "Valkey did not answer" in warnings[0], warnings
        assert "worker running after" in out
        assert "Valkey answers again" in out
