"""Servers of a test's own, beside the session's: a throwaway Valkey that the test can stop and
start again (alone, or under the web app), and what the tests of a Valkey outage ask of it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from aiohttp.test_utils import TestClient
from arq.connections import ArqRedis, create_pool
from pydantic import SecretStr

from shared.config import Settings
from shared.db import contests as q
from shared.db.pools import Database
from shared.embedded import EmbeddedValkey, free_port
from shared.resources import Resources, redis_settings


@asynccontextmanager
async def throwaway_valkey(
    folder: Path, *, started: bool = True
) -> AsyncIterator[tuple[EmbeddedValkey, str]]:
    """A Valkey server of the test's own and its URL, stopped on the way out; with `started`
    False nothing listens at that URL until the test starts the server."""
    server = EmbeddedValkey(folder, persist=False, port=free_port())
    url = await asyncio.to_thread(server.start) if started else f"redis://127.0.0.1:{server.port}/0"
    try:
        yield server, url
    finally:
        await asyncio.to_thread(server.stop)


@dataclass
class StoppableValkey:
    """The app on its own Valkey server, which the test can stop."""

    server: EmbeddedValkey
    res: Resources
    client: TestClient

    async def stop(self) -> None:
        """Stop the app's Valkey server."""
        await asyncio.to_thread(self.server.stop)


@asynccontextmanager
async def queue_on(settings: Settings, url: str) -> AsyncIterator[ArqRedis]:
    """An arq client of the Valkey at `url` (a test's own), closed on the way out."""
    own = settings.model_copy(update={"VALKEY_URI": SecretStr(url)})
    arq = await create_pool(redis_settings(own))
    try:
        yield arq
    finally:
        await arq.aclose()


async def scraped_since(db: Database, platform: str, since: datetime) -> bool:
    """A scrape of `platform` was attempted after `since` (its platform_health row says so)."""
    health = {h.platform: h for h in await q.list_platform_health(db.write)}
    last = health.get(platform)
    return last is not None and (last.last_attempt_at or since) > since
