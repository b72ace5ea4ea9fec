"""`contestsync discord` and `contestsync run` start (or skip) the Discord bot as composition
roots, against the fake Discord."""

from __future__ import annotations

import asyncio
import logging
from contextlib import AsyncExitStack
from pathlib import Path

import pytest

from backend.cli import _start_discord
from bot.discord.app import start_discord_bot
from shared.cache import keys
from shared.config import Settings
from shared.embedded import free_port
from shared.resources import Resources
from tests.factories import process_env
from tests.fakes.discord import FakeDiscord, text_of
from tests.fakes.platforms import FakePlatforms
from tests.fakes.telegram import FakeTelegram
from tests.process import contestsync

ALICE = "210000000000000001"


async def test_contestsync_discord_answers_and_stops_on_sigint(
    settings: Settings, tmp_path: Path, fake_discord: FakeDiscord, res: Resources
) -> None:
    env = process_env(
        settings,
        tmp_path,
        DISCORD_BOT_TOKEN=fake_discord.token,
        DISCORD_API_URL=fake_discord.api_url,
        LOG_LEVEL="DEBUG",
    )
    async with contestsync(env, "discord", log=tmp_path / "discord.log") as proc:
        await asyncio.wait_for(fake_discord.ready.wait(), 60)
        interaction = await fake_discord.slash("help", user_id=ALICE)
        message = await interaction.wait_message()
        # Its REST requests (log-in, command sync) took places in the bot token's window.
        assert await res.valkey.exists(keys.send_window("discord"))
        code, _ = await proc.stop()

    text = proc.output()
    assert code == 0, text
    assert text_of(message).startswith("Commands:")
    assert "Discord bot invite URL: https://discord.com/oauth2/authorize?client_id=" in text
    assert fake_discord.calls_to("PUT /applications/{application_id}/commands")
    assert fake_discord.token not in text
    assert "Commands:" not in text  # message text is never logged


async def test_contestsync_run_starts_both_bots_when_both_tokens_are_set(
    settings: Settings,
    tmp_path: Path,
    fake_platforms: FakePlatforms,
    fake_telegram: FakeTelegram,
    fake_discord: FakeDiscord,
) -> None:
    env = process_env(
        settings,
        tmp_path,
        TELEGRAM_BOT_TOKEN=fake_telegram.token,
        TELEGRAM_API_URL=fake_telegram.base_url,
        DISCORD_BOT_TOKEN=fake_discord.token,
        DISCORD_API_URL=fake_discord.api_url,
        PORT=str(free_port()),
        WORKER_PORT=str(free_port()),
        **fake_platforms.settings_overrides(),
    )
    async with contestsync(env, "run", log=tmp_path / "run.log") as proc:
        await asyncio.wait_for(fake_discord.ready.wait(), 60)
        interaction = await fake_discord.slash("upcoming", user_id=ALICE, guild_id="500")
        await interaction.wait_message()
        code, _ = await proc.stop()

    text = proc.output()
    assert code == 0, text
    assert "; web, worker, telegram, discord;" in text
    assert interaction.ephemeral


async def test_contestsync_discord_without_a_token_says_so(
    settings: Settings, tmp_path: Path
) -> None:
    env = process_env(settings, tmp_path)
    async with contestsync(env, "discord", log=tmp_path / "discord.log") as proc:
        assert await proc.wait(20) == 2
    assert "DISCORD_BOT_TOKEN is not set" in proc.output()


async def test_run_without_a_discord_token_logs_one_line_and_skips_the_bot(
    res: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with AsyncExitStack() as stack:
        assert await _start_discord(res, stack) is None
    assert caplog.messages.count("Discord bot disabled: DISCORD_BOT_TOKEN is not set") == 1
    assert "discord" not in res.messenger.senders


async def test_run_s_discord_client_sends_in_the_bot_tokens_window(
    dc_res: Resources, fake_discord: FakeDiscord
) -> None:
    """In `contestsync run` the worker sends through the bot's client, so that client's REST
    requests (its log-in and command sync already) take places in the bot token's window
    shared with the other sending processes; a bot started without a window stays out of it."""
    window = keys.send_window("discord")
    async with AsyncExitStack() as stack:
        await start_discord_bot(dc_res, stack)
        assert fake_discord.calls
        assert not await dc_res.valkey.exists(window)
    async with AsyncExitStack() as stack:
        assert await _start_discord(dc_res, stack) is not None
        assert await dc_res.valkey.exists(window)
