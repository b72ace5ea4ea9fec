"""Fixtures of the chat front-end tests: resources and a running Discord bot on the fake Discord
(the `fake_discord` fixture is shared: tests/conftest.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import pytest

from bot.discord.app import DiscordBot, start_discord_bot
from shared.resources import Resources
from tests.factories import chat_settings
from tests.fakes.discord import FakeDiscord


@pytest.fixture
def dc_res(res: Resources, fake_discord: FakeDiscord) -> Resources:
    """Resources whose settings point the Discord bot at the fake."""
    res.settings = chat_settings(res.settings, discord=fake_discord)
    return res


@pytest.fixture
async def discord_bot(dc_res: Resources, fake_discord: FakeDiscord) -> AsyncIterator[DiscordBot]:
    """The Discord bot, started as `contestsync discord` starts it, connected to the fake."""
    async with AsyncExitStack() as stack:
        bot = await start_discord_bot(dc_res, stack, sync_wait=15.0)
        yield bot
