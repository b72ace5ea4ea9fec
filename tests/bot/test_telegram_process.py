"""`contestsync telegram` and `contestsync run` start (or skip) the bot as composition roots."""

from __future__ import annotations

import logging
from contextlib import AsyncExitStack
from pathlib import Path

import pytest

from backend.cli import _start_telegram
from shared.config import Settings
from shared.embedded import free_port
from shared.resources import Resources
from tests.factories import process_env
from tests.fakes.platforms import FakePlatforms
from tests.fakes.telegram import FakeTelegram
from tests.process import contestsync

ALICE = 1001


async def test_contestsync_telegram_answers_by_polling_and_stops_on_sigint(
    settings: Settings, tmp_path: Path, fake_telegram: FakeTelegram
) -> None:
    fake = fake_telegram
    env = process_env(
        settings,
        tmp_path,
        TELEGRAM_BOT_TOKEN=fake.token,
        TELEGRAM_API_URL=fake.base_url,
        LOG_LEVEL="DEBUG",
    )
    async with contestsync(env, "telegram", log=tmp_path / "telegram.log") as proc:
        await fake.wait_for(lambda: bool(fake.calls_to("getUpdates")), timeout=30)
        fake.user_message(ALICE, "/help")
        await fake.wait_for(lambda: bool(fake.sent(ALICE)), timeout=10)
        code, _ = await proc.stop()

    text = proc.output()
    assert code == 0, text
    assert fake.last_sent(ALICE)["text"].startswith("Commands:")
    assert fake.commands
    assert "is polling for updates" in text
    assert fake.token not in text
    assert "Commands:" not in text  # message text is never logged


async def test_contestsync_run_starts_the_bot_when_a_token_is_set(
    settings: Settings, tmp_path: Path, fake_platforms: FakePlatforms, fake_telegram: FakeTelegram
) -> None:
    fake = fake_telegram
    env = process_env(
        settings,
        tmp_path,
        TELEGRAM_BOT_TOKEN=fake.token,
        TELEGRAM_API_URL=fake.base_url,
        PORT=str(free_port()),
        WORKER_PORT=str(free_port()),
        **fake_platforms.settings_overrides(),  # the worker scrapes at start: not the internet
    )
    async with contestsync(env, "run", log=tmp_path / "run.log") as proc:
        await fake.wait_for(lambda: bool(fake.calls_to("getUpdates")), timeout=30)
        fake.user_message(ALICE, "/start")
        await fake.wait_for(lambda: bool(fake.sent(ALICE)), timeout=10)
        code, _ = await proc.stop()

    text = proc.output()
    assert code == 0, text
    assert "; web, worker, telegram;" in text
    assert "Telegram bot disabled" not in text


async def test_contestsync_telegram_without_a_token_says_so(
    settings: Settings, tmp_path: Path
) -> None:
    env = process_env(settings, tmp_path)
    async with contestsync(env, "telegram", log=tmp_path / "telegram.log") as proc:
        assert await proc.wait(20) == 2
    assert "TELEGRAM_BOT_TOKEN is not set" in proc.output()


async def test_run_without_a_token_logs_one_line_and_skips_the_bot(
    res: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with AsyncExitStack() as stack:
        assert await _start_telegram(res, stack) is None
    assert caplog.messages.count("Telegram bot disabled: TELEGRAM_BOT_TOKEN is not set") == 1
    assert "telegram" not in res.messenger.senders
