"""/feed: through the dispatcher, and once end to end through the fake Telegram Bot API.

The address a reply carries is fetched from our backend, so the tests check what a person would:
the feed opens, holds their contests, and stops working after /feed reset or /deleteme.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from icalendar import Calendar

from backend.web.app import build_app
from backend.worker.settings import build_worker
from bot.core.commands import build_registry
from bot.core.dispatch import dispatch
from bot.core.types import ChatPlatform, Context, Invocation, Reply
from bot.telegram.app import TelegramBot, start_telegram_bot
from shared.calendar.plan import build_event_id
from shared.db import contests as cq
from shared.db import users as uq
from shared.models import Contest
from shared.resources import Resources
from tests.factories import chat_settings
from tests.fakes.telegram import FakeTelegram

BASE = "http://127.0.0.1:8080"
FEED_URL = re.compile(r"http://127\.0\.0\.1:8080/feed/([A-Za-z0-9_-]{43})\.ics")
CHAT_USER = "1001"


async def say(res: Resources, text: str, *, private: bool = True, user: str = CHAT_USER) -> Reply:
    name, *args = text.removeprefix("/").split()
    chat = user if private else "-4242"
    inv = Invocation(
        ChatPlatform.TELEGRAM, user, chat, name, tuple(args), is_private=private, username="alice"
    )
    return await dispatch(Context(res), build_registry(), inv)


def feed_path(reply: Reply) -> str:
    (token,) = FEED_URL.findall(reply.text)
    assert f"webcal://127.0.0.1:8080/feed/{token}.ics" in reply.text
    return f"/feed/{token}.ics"


@pytest.fixture
async def client(res: Resources) -> AsyncIterator[TestClient]:
    async with TestClient(TestServer(build_app(res))) as test_client:
        yield test_client


async def seed_codeforces(res: Resources) -> datetime:
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    contest = Contest(
        "codeforces", "2301", "Round 1", "https://codeforces.com/contest/2301", start,
        start + timedelta(hours=2),
    )  # fmt: skip
    async with res.db.write.acquire() as conn, conn.transaction():
        await cq.upsert_contests(conn, "codeforces", [contest], datetime.now(UTC))
    return start


async def test_feed_answers_the_address_with_instructions_for_every_calendar_app(
    res: Resources, client: TestClient
) -> None:
    start = await seed_codeforces(res)
    reply = await say(res, "/feed")
    assert reply.ephemeral  # Discord shows it only to the asker
    for app in ("Apple Calendar", "Google Calendar", '"From URL"', "Outlook", "Thunderbird"):
        assert app in reply.text
    response = await client.get(feed_path(reply))
    assert response.status == 200
    (event,) = Calendar.from_ical(await response.read()).walk("VEVENT")
    assert str(event["UID"]) == f"{build_event_id('codeforces', '2301')}@127.0.0.1"
    assert event.decoded("DTSTART") == start


async def test_feed_asked_again_shows_the_same_address(res: Resources) -> None:
    first = await say(res, "/feed")
    second = await say(res, "/feed")
    assert feed_path(first) == feed_path(second)
    assert "ready" in first.text and "ready" not in second.text


async def test_feed_reset_replaces_the_address_and_the_old_one_is_404(
    res: Resources, client: TestClient
) -> None:
    old = feed_path(await say(res, "/feed"))
    reply = await say(res, "/feed reset")
    new = feed_path(reply)
    assert new != old
    assert "old feed address no longer works" in reply.text
    assert (await client.get(old)).status == 404
    assert (await client.get(new)).status == 200


async def test_feed_with_other_arguments_says_how_to_use_it(res: Resources) -> None:
    reply = await say(res, "/feed please")
    assert reply.text == "Use /feed for your calendar feed address, or /feed reset to replace it."
    assert await res.db.write.fetchval("SELECT count(*) FROM feed_tokens") == 0


async def test_feed_in_a_group_is_refused_without_an_address(res: Resources) -> None:
    reply = await say(res, "/feed", private=False)
    assert "private chat" in reply.text
    assert not FEED_URL.search(reply.text)
    assert await res.db.write.fetchval("SELECT count(*) FROM feed_tokens") == 0


async def test_help_lists_feed_and_links_privacy_and_terms(res: Resources) -> None:
    text = (await say(res, "/help")).text
    assert "/feed [reset] — Your calendar feed for any calendar app" in text
    assert f"Privacy: {BASE}/privacy" in text
    assert f"Terms: {BASE}/terms" in text


# ---------------------------------------------------------------- through the Bot API


@pytest.fixture
async def bot(res: Resources, fake_telegram: FakeTelegram) -> AsyncIterator[TelegramBot]:
    settings = chat_settings(res.settings, fake_telegram)
    async with AsyncExitStack() as stack:
        yield await start_telegram_bot(
            replace(res, settings=settings), stack, poll_timeout=1, poll_interval=0
        )


async def reply_to(fake: FakeTelegram, user_id: int, text: str) -> dict[str, Any]:
    before = len(fake.sent(user_id))
    fake.user_message(user_id, text)
    await fake.wait_for(lambda: len(fake.sent(user_id)) > before)
    return fake.sent(user_id)[before]


async def press(fake: FakeTelegram, user_id: int, message: dict[str, Any], data: str) -> None:
    update = fake.press_button(user_id, message, data)
    query_id = update["callback_query"]["id"]
    await fake.wait_for(
        lambda: any(
            str(c.params.get("callback_query_id")) == query_id
            for c in fake.calls_to("answerCallbackQuery")
        )
    )


async def test_telegram_feed_then_deleteme_makes_the_address_404(
    bot: TelegramBot, fake_telegram: FakeTelegram, res: Resources, client: TestClient
) -> None:
    await seed_codeforces(res)
    message = await reply_to(fake_telegram, 1001, "/feed")
    (token,) = FEED_URL.findall(message["text"])
    path = f"/feed/{token}.ics"
    assert (await client.get(path)).status == 200
    confirm = await reply_to(fake_telegram, 1001, "/deleteme")
    await press(fake_telegram, 1001, confirm, "del:yes")
    worker = build_worker(res, burst=True, handle_signals=False)
    try:
        await asyncio.wait_for(worker.main(), 30)
    finally:
        await worker.close()
    assert await uq.get_user_by_identity(res.db.write, "telegram", "1001") is None
    assert await res.db.write.fetchval("SELECT count(*) FROM feed_tokens") == 0
    assert (await client.get(path)).status == 404
