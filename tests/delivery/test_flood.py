"""Telegram's overall flood limit, as the worker's client keeps it, against a fake Bot API that
refuses a 31st message within any second."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr

from shared.messaging.telegram import TelegramSender, build_bot
from shared.resources import Resources
from tests.fakes.telegram import FloodLimitedTelegram


@pytest.fixture
async def flood_fake() -> AsyncIterator[FloodLimitedTelegram]:
    fake = FloodLimitedTelegram(30)
    await fake.start()
    yield fake
    await fake.close()


async def test_a_fan_out_to_many_chats_never_trips_the_overall_limit(
    res: Resources, flood_fake: FloodLimitedTelegram
) -> None:
    settings = res.settings.model_copy(
        update={
            "TELEGRAM_BOT_TOKEN": SecretStr(flood_fake.token),
            "TELEGRAM_API_URL": flood_fake.base_url,
        }
    )
    bot = build_bot(settings)
    await bot.initialize()
    try:
        sender = TelegramSender(bot, res.db)
        chats = range(9_000_001, 9_000_071)
        await asyncio.gather(*(sender.send_message(chat, "contest") for chat in chats))
    finally:
        await bot.shutdown()
    assert flood_fake.refused == 0
    assert sorted(m["chat"]["id"] for m in flood_fake.sent()) == list(chats)
