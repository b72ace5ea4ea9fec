"""`contestsync telegram` and `contestsync run` start (or skip) the bot as composition roots."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
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

ROOT = Path(__file__).resolve().parents[2]
ALICE = 1001


async def _spawn(env: dict[str, str], *args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "backend.cli",
        *args,
        env=env,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )


async def test_contestsync_telegram_answers_by_polling_and_stops_on_sigint(
    settings: Settings, tmp_path: Path
) -> None:
    fake = FakeTelegram()
    await fake.start()
    try:
        env = process_env(
            settings,
            tmp_path,
            TELEGRAM_BOT_TOKEN=fake.token,
            TELEGRAM_API_URL=fake.base_url,
            LOG_LEVEL="DEBUG",
        )
        proc = await _spawn(env, "telegram")
        try:
            await fake.wait_for(lambda: bool(fake.calls_to("getUpdates")), timeout=30)
            fake.user_message(ALICE, "/help")
            await fake.wait_for(lambda: bool(fake.sent(ALICE)), timeout=10)
        finally:
            if proc.returncode is None:
                proc.send_signal(signal.SIGINT)
        out, _ = await asyncio.wait_for(proc.communicate(), 20)
    finally:
        await fake.close()

    text = out.decode()
    assert proc.returncode == 0, text
    assert fake.last_sent(ALICE)["text"].startswith("Commands:")
    assert fake.commands
    assert "is polling for updates" in text
    assert fake.token not in text
    assert "Commands:" not in text  # message text is never logged


async def test_contestsync_run_starts_the_bot_when_a_token_is_set(
    settings: Settings, tmp_path: Path, fake_platforms: FakePlatforms
) -> None:
    fake = FakeTelegram()
    await fake.start()
    try:
        env = process_env(
            settings,
            tmp_path,
            TELEGRAM_BOT_TOKEN=fake.token,
            TELEGRAM_API_URL=fake.base_url,
            PORT=str(free_port()),
            WORKER_PORT=str(free_port()),
            **fake_platforms.settings_overrides(),  # the worker scrapes at start: not the internet
        )
        proc = await _spawn(env, "run")
        try:
            await fake.wait_for(lambda: bool(fake.calls_to("getUpdates")), timeout=30)
            fake.user_message(ALICE, "/start")
            await fake.wait_for(lambda: bool(fake.sent(ALICE)), timeout=10)
        finally:
            if proc.returncode is None:
                proc.send_signal(signal.SIGINT)
        out, _ = await asyncio.wait_for(proc.communicate(), 30)
    finally:
        await fake.close()

    text = out.decode()
    assert proc.returncode == 0, text
    assert "(web, worker, telegram;" in text
    assert "Telegram bot disabled" not in text


async def test_contestsync_telegram_without_a_token_says_so(
    settings: Settings, tmp_path: Path
) -> None:
    proc = await _spawn(process_env(settings, tmp_path), "telegram")
    out, _ = await asyncio.wait_for(proc.communicate(), 20)
    assert proc.returncode == 2
    assert "TELEGRAM_BOT_TOKEN is not set" in out.decode()


async def test_run_without_a_token_logs_one_line_and_skips_the_bot(
    res: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with AsyncExitStack() as stack:
        assert await _start_telegram(res, stack) is None
    assert caplog.messages.count("Telegram bot disabled: TELEGRAM_BOT_TOKEN is not set") == 1
    assert "telegram" not in res.messenger.senders
