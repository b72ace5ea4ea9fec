"""Fixtures of the delivery engine tests: posters on the fake Telegram and the fake Discord."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from datetime import datetime, timedelta

import pytest

from shared.db import contests as cq
from shared.db import users as uq
from shared.messaging.discord import open_discord_sender
from shared.messaging.posts import DiscordPoster, TelegramPoster
from shared.messaging.telegram import TelegramSender, build_bot
from shared.models import Contest
from shared.resources import Resources
from tests.factories import NOW, chat_settings
from tests.fakes.discord import FakeDiscord
from tests.fakes.telegram import FakeTelegram


@pytest.fixture
def chat_res(res: Resources, fake_telegram: FakeTelegram, fake_discord: FakeDiscord) -> Resources:
    """Resources whose settings point both chat platforms at their fakes."""
    res.settings = chat_settings(res.settings, fake_telegram, fake_discord)
    return res


@pytest.fixture
async def tg_poster(chat_res: Resources) -> AsyncIterator[TelegramPoster]:
    """A Telegram poster on its own flood-limited Bot client."""
    bot = build_bot(chat_res.settings)
    await bot.initialize()
    try:
        yield TelegramPoster(TelegramSender(bot, chat_res.db))
    finally:
        await bot.shutdown()


@pytest.fixture
async def dc_poster(chat_res: Resources) -> AsyncIterator[DiscordPoster]:
    """A Discord poster on a REST-only discord.py client."""
    async with AsyncExitStack() as stack:
        sender = await open_discord_sender(chat_res.settings, stack)
        assert sender is not None
        yield DiscordPoster(sender.client)


async def add_contest(
    res: Resources,
    external_id: str,
    starts_in: timedelta,
    *,
    platform: str = "codeforces",
    title: str = "Codeforces Round 1000 (Div. 2)",
    now: datetime = NOW,
) -> int:
    """A contest starting `starts_in` after `now` (two hours long); its row id."""
    start = now + starts_in
    contest = Contest(
        platform,
        external_id,
        title,
        f"https://codeforces.com/contest/{external_id}",
        start,
        start + timedelta(hours=2),
    )
    async with res.db.write.acquire() as conn, conn.transaction():
        await cq.upsert_contests(conn, platform, [contest], now)
    row = await res.db.write.fetchval(
        "SELECT id FROM contests WHERE platform = $1 AND external_id = $2", platform, external_id
    )
    return int(row)


async def add_person(
    res: Resources,
    chat_platform: str,
    user: str,
    *,
    reminders: list[int] | None = None,
    timezone: str = "UTC",
) -> int:
    """A person who talked to the bot (no Google); their user id."""
    async with res.db.write.acquire() as conn, conn.transaction():
        identity = await uq.upsert_identity(conn, chat_platform, user, user, None)
        await uq.update_preferences(
            conn,
            identity.user_id,
            reminder_minutes=reminders if reminders is not None else [60],
            timezone=timezone,
        )
    return identity.user_id
