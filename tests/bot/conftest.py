"""Fixtures of the chat front-end tests: the fake Discord and a running Discord bot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import pytest
from pydantic import SecretStr

from bot.discord.app import DiscordBot, start_discord_bot
from shared.resources import Resources
from tests.fakes.discord import FakeDiscord


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A local fake of Discord's REST API and gateway, with one server."""
    fake = FakeDiscord()
    await fake.start()
    fake.add_guild("500", name="Contest Club", owner_id="100")
    yield fake
    await fake.close()


@pytest.fixture
def dc_res(res: Resources, fake_discord: FakeDiscord) -> Resources:
    """Resources whose settings point the Discord bot at the fake."""
    res.settings = res.settings.model_copy(
        update={
            "DISCORD_BOT_TOKEN": SecretStr(fake_discord.token),
            "DISCORD_API_URL": fake_discord.api_url,
        }
    )
    return res


@pytest.fixture
async def discord_bot(dc_res: Resources, fake_discord: FakeDiscord) -> AsyncIterator[DiscordBot]:
    """The Discord bot, started as `contestsync discord` starts it, connected to the fake."""
    async with AsyncExitStack() as stack:
        bot = await start_discord_bot(dc_res, stack, sync_wait=15.0)
        yield bot
