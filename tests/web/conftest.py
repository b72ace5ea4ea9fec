"""Fixtures of the web tests: the app on a Valkey of the test's own, which the test can stop."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

from backend.web.app import build_app
from shared.config import Settings
from shared.resources import open_resources
from tests.servers import StoppableValkey, throwaway_valkey


@pytest.fixture
async def own_valkey(settings: Settings, tmp_path: Path) -> AsyncIterator[StoppableValkey]:
    """The app with resources of its own, on a Valkey server of the test's own."""
    async with (
        throwaway_valkey(tmp_path / "valkey-own") as (server, url),
        AsyncExitStack() as stack,
    ):
        res = await open_resources(
            settings.model_copy(update={"VALKEY_URI": SecretStr(url)}), stack
        )
        async with TestClient(TestServer(build_app(res))) as test_client:
            yield StoppableValkey(server, res, test_client)
