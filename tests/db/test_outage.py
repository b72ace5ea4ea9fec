"""PostgreSQL restarted while everything runs: a friendly 503 and a chat apology meanwhile, and
the same pools work again once it is back (no process restart)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import pytest
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

from backend.web.app import build_app
from backend.worker.settings import Worker, build_worker_settings
from bot.core.commands import build_registry
from bot.core.dispatch import DATABASE_OUTAGE, dispatch
from bot.core.types import ChatPlatform, Context, Invocation
from shared.config import Settings
from shared.db import contests as cq
from shared.db.migrate import migrate
from shared.embedded import EmbeddedPostgres
from shared.jobs import enqueue_scrape
from shared.resources import Resources, open_resources


class Restartable:
    """An embedded PostgreSQL of the test's own, which it can stop and start again."""

    def __init__(self, data_dir: Path) -> None:
        self.server = EmbeddedPostgres(data_dir)

    async def start(self) -> str:
        return await asyncio.to_thread(self.server.start)

    async def stop(self) -> None:
        await asyncio.to_thread(self.server.stop)


@pytest.fixture
async def own_postgres(
    settings: Settings, tmp_path: Path
) -> AsyncIterator[tuple[Restartable, Resources]]:
    pg = Restartable(tmp_path / "pg" / "data")
    (tmp_path / "pg").mkdir()
    dsn = await pg.start()
    conn = await asyncpg.connect(dsn)
    try:
        await migrate(conn)
    finally:
        await conn.close()
    own = settings.model_copy(update={"POSTGRES_DB": SecretStr(dsn)})
    async with AsyncExitStack() as stack:
        res = await open_resources(own, stack)
        yield pg, res
    await pg.stop()


async def test_a_restarting_database_gets_a_friendly_503_and_an_apology_then_recovers(
    own_postgres: tuple[Restartable, Resources],
) -> None:
    pg, res = own_postgres
    inv = Invocation(ChatPlatform.TELEGRAM, "1001", "1001", "status")
    async with TestClient(TestServer(build_app(res))) as client:
        # Not `/` itself: a page rendered before the outage is kept and served through it
        # (backend/web/rendered.py); the 503 is for what must be read from the database now.
        assert (await client.get("/readyz")).status == 200
        await pg.stop()

        page = await client.get("/")
        reply = await dispatch(Context(res), build_registry(), inv)

        assert page.status == 503
        text = await page.text()
        assert "database is unavailable for a moment" in text and "Traceback" not in text
        assert page.headers["Retry-After"] == "5"
        assert reply.text == DATABASE_OUTAGE

        await pg.start()
        statuses = []
        for _ in range(100):  # the pool reconnects on its own
            statuses.append((await client.get("/")).status)
            if statuses[-1] == 200:
                break
            await asyncio.sleep(0.1)
        assert statuses[-1] == 200
        answer = await dispatch(Context(res), build_registry(), inv)
        assert answer.text.startswith("Your ContestSync status")


async def test_a_scrape_that_meets_a_restarting_database_is_tried_again_soon(
    own_postgres: tuple[Restartable, Resources], caplog: pytest.LogCaptureFixture
) -> None:
    pg, res = own_postgres
    caplog.set_level(logging.WARNING, logger="backend.worker.jobs")
    kwargs = build_worker_settings(res)
    kwargs["cron_jobs"] = []  # only the queued scrape
    worker = Worker(**kwargs, burst=True, handle_signals=False)
    await enqueue_scrape(res.arq, "codeforces")
    await pg.stop()
    run = asyncio.create_task(worker.main())
    try:
        for _ in range(300):
            if "trying again in" in caplog.text or run.done():
                break
            await asyncio.sleep(0.1)
        assert "scrape of codeforces stopped: PostgreSQL unavailable" in caplog.text
        await pg.start()
        await asyncio.wait_for(run, 60)  # the retry, seconds later, not at the next cron round
    finally:
        run.cancel()
        await worker.close()
    assert worker.jobs_retried >= 1 and worker.jobs_failed == 0
    health = {h.platform: h for h in await cq.list_platform_health(res.db.write)}
    assert health["codeforces"].last_success_at is not None
    assert await cq.list_upcoming(res.db.write, datetime.now(UTC), ["codeforces"])
