"""/subscribe, /unsubscribe, /subscription in Telegram groups and /reminders chat|calendar|both,
through the real Telegram bot on the fake Bot API; announcements then sent by the engine."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta

import pytest

from bot.telegram.app import TelegramBot, start_telegram_bot
from shared.db import deliveries as dq
from shared.db import users as uq
from shared.delivery.engine import run_deliveries
from shared.messaging.posts import TelegramPoster
from shared.resources import Resources
from tests.bot.test_telegram import reply_to
from tests.delivery.conftest import add_contest
from tests.fakes.telegram import FakeTelegram

GROUP = -1009876543210
ADMIN, MEMBER = 41, 42


@pytest.fixture
async def bot(chat_res: Resources) -> AsyncIterator[TelegramBot]:
    """The Telegram bot long polling the fake."""
    async with AsyncExitStack() as stack:
        yield await start_telegram_bot(
            chat_res, stack, sync_wait=15.0, poll_timeout=1, poll_interval=0
        )


async def test_only_a_group_admin_can_subscribe_and_the_topic_gets_announcements(
    chat_res: Resources, fake_telegram: FakeTelegram, bot: TelegramBot
) -> None:
    fake_telegram.set_admins(GROUP, 40, ADMIN)
    refused = await reply_to(fake_telegram, MEMBER, "/subscribe", chat_id=GROUP, thread_id=5)
    assert "administrators" in refused["text"]
    assert await dq.get_group_subscription(chat_res.db.write, str(GROUP)) is None

    answer = await reply_to(
        fake_telegram, ADMIN, "/subscribe codeforces 60", chat_id=GROUP, thread_id=5
    )
    assert "Subscribed" in answer["text"] and "Codeforces" in answer["text"]
    subscription = await dq.get_group_subscription(chat_res.db.write, str(GROUP))
    assert subscription is not None and subscription.thread_id == 5
    assert subscription.platforms == ["codeforces"] and subscription.reminder_minutes == [60]

    now = datetime.now(UTC)
    await add_contest(chat_res, "3001", timedelta(minutes=30), now=now)
    await add_contest(
        chat_res, "ac9", timedelta(minutes=30), platform="atcoder", title="ABC 9", now=now
    )
    before = len(fake_telegram.sent(GROUP))
    poster = TelegramPoster(bot.sender)
    await run_deliveries(chat_res.db, {"telegram": poster}, now)
    await run_deliveries(chat_res.db, {"telegram": poster}, now + timedelta(minutes=1))
    announcements = fake_telegram.sent(GROUP)[before:]
    assert len(announcements) == 1
    assert announcements[0]["message_thread_id"] == 5
    assert "Codeforces Round 1000" in announcements[0]["text"]

    shown = await reply_to(fake_telegram, MEMBER, "/subscription", chat_id=GROUP)
    assert "administrators" in shown["text"]
    shown = await reply_to(fake_telegram, 40, "/subscription", chat_id=GROUP)
    assert "Codeforces" in shown["text"] and "1 h" in shown["text"]
    gone = await reply_to(fake_telegram, 40, "/unsubscribe", chat_id=GROUP)
    assert "Unsubscribed" in gone["text"]
    subscription = await dq.get_group_subscription(chat_res.db.write, str(GROUP))
    assert subscription is not None and not subscription.active


async def test_subscribe_in_a_private_chat_points_at_groups(
    fake_telegram: FakeTelegram, bot: TelegramBot
) -> None:
    answer = await reply_to(fake_telegram, MEMBER, "/subscribe")
    assert "for groups" in answer["text"] and "/reminders" in answer["text"]


async def test_reminders_chooses_how_reminders_arrive(
    chat_res: Resources, fake_telegram: FakeTelegram, bot: TelegramBot
) -> None:
    shown = await reply_to(fake_telegram, 1001, "/reminders")
    assert "arrive as chat messages" in shown["text"]  # no Google Calendar connected
    answer = await reply_to(fake_telegram, 1001, "/reminders calendar")
    assert "calendar popups" in answer["text"]
    user = await uq.get_user_by_identity(chat_res.db.write, "telegram", "1001")
    assert user is not None
    assert await dq.get_reminder_delivery(chat_res.db.write, user.id) == "calendar"


async def test_digest_in_a_group_is_for_its_admins_and_in_private_for_the_person(
    chat_res: Resources, fake_telegram: FakeTelegram, bot: TelegramBot
) -> None:
    fake_telegram.set_admins(GROUP, 40, ADMIN)
    first = await reply_to(fake_telegram, ADMIN, "/digest 8", chat_id=GROUP)
    assert "/subscribe" in first["text"]  # nothing to list the platforms of yet
    await reply_to(fake_telegram, ADMIN, "/subscribe codeforces", chat_id=GROUP)

    refused = await reply_to(fake_telegram, MEMBER, "/digest 8", chat_id=GROUP)
    assert "administrators" in refused["text"]
    group = await dq.get_group_subscription(chat_res.db.write, str(GROUP))
    assert group is not None
    assert (await dq.get_digest(chat_res.db.write, group.id)).hour is None

    answer = await reply_to(fake_telegram, ADMIN, "/digest 8 Europe/Berlin", chat_id=GROUP)
    assert "08:00 (Europe/Berlin)" in answer["text"] and "Codeforces" in answer["text"]
    assert "without contests" in answer["text"]  # what a quiet day gets
    digest = await dq.get_digest(chat_res.db.write, group.id)
    assert (digest.hour, digest.timezone) == (8, "Europe/Berlin")
    shown = await reply_to(fake_telegram, ADMIN, "/digest", chat_id=GROUP)
    assert "08:00 (Europe/Berlin)" in shown["text"]
    bad = await reply_to(fake_telegram, ADMIN, "/digest 25", chat_id=GROUP)
    assert "not an hour" in bad["text"]
    assert (await dq.get_digest(chat_res.db.write, group.id)).hour == 8

    await reply_to(fake_telegram, 1001, "/timezone Asia/Tokyo")
    mine = await reply_to(fake_telegram, 1001, "/digest 7")
    assert "07:00 (Asia/Tokyo)" in mine["text"] and "for you" in mine["text"]
    own = await dq.ensure_person_subscriber(chat_res.db.write, "telegram", "1001")
    assert (await dq.get_digest(chat_res.db.write, own)).hour == 7
    zoned = await reply_to(fake_telegram, 1001, "/digest 7 Europe/Paris")
    assert "/timezone" in zoned["text"]
    off = await reply_to(fake_telegram, 1001, "/digest off")
    assert "off" in off["text"]
    assert (await dq.get_digest(chat_res.db.write, own)).hour is None
    assert (await dq.get_digest(chat_res.db.write, group.id)).hour == 8  # the group's stays
