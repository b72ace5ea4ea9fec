"""The delivery engine against the fake Telegram and fake Discord, with an injected clock."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from shared.db import deliveries as dq
from shared.db import guilds as gq
from shared.delivery.engine import LEASE, run_deliveries
from shared.messaging.discord import DiscordSender
from shared.messaging.posts import DiscordPoster, TelegramPoster
from shared.models import ChatPlatform
from shared.resources import Resources
from tests.delivery.conftest import add_contest, add_person
from tests.factories import NOW
from tests.fakes.discord import FakeDiscord, text_of
from tests.fakes.telegram import FakeTelegram

MIN = timedelta(minutes=1)
GROUP = -1001234567890


def tg(poster: TelegramPoster) -> dict[str, TelegramPoster]:
    return {"telegram": poster}


async def test_a_person_without_google_gets_each_reminder_once(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    await add_person(chat_res, "telegram", "1001", reminders=[1440, 60], timezone="Europe/Berlin")
    await add_contest(chat_res, "2001", timedelta(days=2))
    start = NOW + timedelta(days=2)
    posters = tg(tg_poster)

    await run_deliveries(chat_res.db, posters, NOW)
    assert fake_telegram.sent(1001) == []
    for at in (start - 1440 * MIN, start - 1439 * MIN, start - 1430 * MIN):
        await run_deliveries(chat_res.db, posters, at)
    assert len(fake_telegram.sent(1001)) == 1
    for at in (start - 60 * MIN, start - 59 * MIN, start - 2 * MIN, start + MIN):
        await run_deliveries(chat_res.db, posters, at)
    sent = fake_telegram.sent(1001)
    assert len(sent) == 2
    text = sent[-1]["text"]
    assert "Codeforces Round 1000 (Div. 2)" in text and "Duration: 2 h" in text
    assert "Tue 01 Dec 2026, 13:00 CET" in text  # 12:00 UTC in the reader's zone
    links = [e for e in sent[-1]["entities"] if e["type"] == "text_link"]
    assert links and links[0]["url"] == "https://codeforces.com/contest/2001"


async def test_a_contest_listed_late_gets_only_the_latest_passed_lead_at_once(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    await add_person(chat_res, "telegram", "1001", reminders=[1440, 60, 10])
    await add_contest(chat_res, "2001", timedelta(minutes=30))
    for minutes in (0, 1, 5, 19):
        await run_deliveries(chat_res.db, tg(tg_poster), NOW + minutes * MIN)
    assert len(fake_telegram.sent(1001)) == 1  # the 60-minute lead, at once
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + 20 * MIN)  # 10 minutes before
    assert len(fake_telegram.sent(1001)) == 2
    leads = [d["lead_minutes"] for d in await dq.list_deliveries(chat_res.db.write)]
    assert sorted(leads) == [10, 60]


async def test_a_person_with_google_gets_chat_reminders_only_when_they_choose_them(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    user_id = await add_person(chat_res, "telegram", "1001", reminders=[60])
    await chat_res.db.write.execute(
        "UPDATE users SET google_status = 'active' WHERE id = $1", user_id
    )
    await add_contest(chat_res, "2001", timedelta(minutes=50))
    await run_deliveries(chat_res.db, tg(tg_poster), NOW)
    assert fake_telegram.sent(1001) == []  # calendar popups by default
    await dq.update_reminder_delivery(chat_res.db.write, user_id, "both")
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + MIN)
    assert len(fake_telegram.sent(1001)) == 1


async def test_a_missed_reminder_is_dropped_and_counted_once_the_contest_started(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    await add_person(chat_res, "telegram", "1001", reminders=[60])
    await add_contest(chat_res, "2001", timedelta(hours=2))
    await run_deliveries(chat_res.db, {}, NOW + 70 * MIN)  # recorded, but no Telegram sender
    result = await run_deliveries(
        chat_res.db, tg(tg_poster), NOW + 121 * MIN
    )  # the worker was down
    assert result.dropped == 1 and result.sent == 0
    assert fake_telegram.sent(1001) == []
    assert [d["state"] for d in await dq.list_deliveries(chat_res.db.write)] == ["dropped"]


async def test_a_telegram_group_topic_gets_each_announcement_once(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    await dq.upsert_group_subscription(chat_res.db.write, str(GROUP), 7, ["codeforces"], [1440, 60])
    await add_contest(chat_res, "2001", timedelta(hours=3))
    await add_contest(chat_res, "ac1", timedelta(hours=3), platform="atcoder", title="ABC 400")
    for minutes in (0, 1, 120, 121, 179):
        await run_deliveries(chat_res.db, tg(tg_poster), NOW + minutes * MIN)
    sent = fake_telegram.sent(GROUP)
    assert len(sent) == 2  # the 1440 lead at once, then the 60 one; AtCoder not followed
    assert all(m["message_thread_id"] == 7 for m in sent)
    assert all("Codeforces" in m["text"] for m in sent)


async def test_a_discord_channel_gets_the_announcement_pinging_only_the_platform_role(
    chat_res: Resources, fake_discord: FakeDiscord, dc_poster: DiscordPoster
) -> None:
    channel = fake_discord.channel("500", "contests")["id"]
    await gq.upsert_guild(
        chat_res.db.write,
        "500",
        configured_by="100",
        channel_id=channel,
        platforms=["codeforces"],
        roles={"codeforces": "9001"},
        reminder_minutes=[60],
    )
    await add_contest(chat_res, "2001", timedelta(minutes=45))
    for minutes in (0, 1, 2):
        await run_deliveries(chat_res.db, {"discord": dc_poster}, NOW + minutes * MIN)
    messages = fake_discord.channel_messages[channel]
    assert len(messages) == 1
    message = messages[0]
    assert message["content"] == "<@&9001>"
    assert [str(r) for r in message["allowed_mentions"]["roles"]] == ["9001"]
    assert message["allowed_mentions"]["parse"] == []
    unix = int((NOW + 45 * MIN).timestamp())
    assert f"<t:{unix}:F>" in text_of(message) and f"<t:{unix}:R>" in text_of(message)
    assert message["embeds"][0]["url"] == "https://codeforces.com/contest/2001"


async def test_a_discord_person_gets_reminders_in_their_dms(
    chat_res: Resources, fake_discord: FakeDiscord, dc_poster: DiscordPoster
) -> None:
    await add_person(chat_res, "discord", "300", reminders=[60])
    await add_contest(chat_res, "2001", timedelta(minutes=45))
    await run_deliveries(chat_res.db, {"discord": dc_poster}, NOW)
    await run_deliveries(chat_res.db, {"discord": dc_poster}, NOW + MIN)
    assert len(fake_discord.dm_messages("300")) == 1


async def test_a_moved_then_cancelled_contest_edits_what_was_sent(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    await add_person(chat_res, "telegram", "1001", reminders=[1440, 60])
    await add_contest(chat_res, "2001", timedelta(hours=5))
    await run_deliveries(chat_res.db, tg(tg_poster), NOW)
    (first,) = fake_telegram.sent(1001)
    await add_contest(chat_res, "2001", timedelta(hours=7))  # the platform moved it
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + MIN)
    edited = fake_telegram.message(1001, first["message_id"])
    assert "moved" in edited["text"] and "19:00" in edited["text"] and "was" in edited["text"]
    # The unsent 60-minute reminder follows the new time: not at 4 h, but at 6 h.
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + 4 * 60 * MIN)
    assert len(fake_telegram.sent(1001)) == 1
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + 6 * 60 * MIN)
    assert len(fake_telegram.sent(1001)) == 2
    await chat_res.db.write.execute("UPDATE contests SET cancelled_at = $1", NOW + 361 * MIN)
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + 362 * MIN)
    assert all("cancelled" in m["text"] for m in fake_telegram.sent(1001))
    edits = len(fake_telegram.calls_to("editMessageText"))
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + 363 * MIN)
    assert len(fake_telegram.calls_to("editMessageText")) == edits  # edited once each


async def test_two_engines_at_once_send_no_duplicates(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    for n in range(40):
        await add_person(chat_res, "telegram", str(5000 + n), reminders=[60])
    await add_contest(chat_res, "2001", timedelta(minutes=30))
    results = await asyncio.gather(
        run_deliveries(chat_res.db, tg(tg_poster), NOW, batch=7),
        run_deliveries(chat_res.db, tg(tg_poster), NOW, batch=7),
    )
    assert sum(r.sent for r in results) == 40
    assert len(fake_telegram.calls_to("sendMessage")) == 40
    assert all(len(fake_telegram.sent(5000 + n)) == 1 for n in range(40))


async def test_a_run_that_died_after_claiming_is_delivered_once_by_the_next(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    await add_person(chat_res, "telegram", "1001", reminders=[60])
    await add_contest(chat_res, "2001", timedelta(minutes=30))
    await run_deliveries(chat_res.db, {}, NOW)  # recorded
    claimed = await dq.claim_deliveries(chat_res.db.write, NOW, NOW + LEASE, ["telegram"], 10)
    assert len(claimed) == 1  # ... and that worker is killed here
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + MIN)
    assert fake_telegram.sent(1001) == []  # its lease still holds
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + LEASE + MIN)
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + LEASE + 2 * MIN)
    assert len(fake_telegram.sent(1001)) == 1


async def test_a_group_that_kicked_the_bot_is_deactivated(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    await dq.upsert_group_subscription(chat_res.db.write, str(GROUP), None, [], [60])
    await add_contest(chat_res, "2001", timedelta(minutes=30))
    await add_contest(chat_res, "2002", timedelta(minutes=40))
    fake_telegram.block(GROUP)
    result = await run_deliveries(chat_res.db, tg(tg_poster), NOW)
    assert result.deactivated >= 1
    subscription = await dq.get_group_subscription(chat_res.db.write, str(GROUP))
    assert subscription is not None and not subscription.active
    await add_contest(chat_res, "2003", timedelta(minutes=50))
    calls = len(fake_telegram.calls_to("sendMessage"))
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + MIN)
    assert len(fake_telegram.calls_to("sendMessage")) == calls


async def test_a_discord_channel_that_lost_its_permission_is_deactivated(
    chat_res: Resources, fake_discord: FakeDiscord, dc_poster: DiscordPoster
) -> None:
    channel = fake_discord.channel("500", "contests")["id"]
    await gq.upsert_guild(
        chat_res.db.write, "500", configured_by="100", channel_id=channel, reminder_minutes=[60]
    )
    await add_contest(chat_res, "2001", timedelta(minutes=30))
    fake_discord.fail_next("POST /channels/{channel_id}/messages", 403, 50013)
    chat_res.messenger.register(ChatPlatform.DISCORD, DiscordSender(dc_poster.client))
    result = await run_deliveries(
        chat_res.db, {"discord": dc_poster}, NOW, messenger=chat_res.messenger
    )
    assert result.deactivated == 1
    (told,) = fake_discord.dm_messages("100")  # the admin who ran /setup
    assert "/setup channel" in text_of(told)
    await add_contest(chat_res, "2002", timedelta(minutes=40))
    await run_deliveries(chat_res.db, {"discord": dc_poster}, NOW + MIN)
    assert fake_discord.channel_messages[channel] == []
    # The admins run /setup again: announcements resume.
    await gq.upsert_guild(chat_res.db.write, "500", configured_by="100", channel_id=channel)
    await run_deliveries(chat_res.db, {"discord": dc_poster}, NOW + 2 * MIN)
    assert len(fake_discord.channel_messages[channel]) == 1


async def test_a_group_that_became_a_supergroup_keeps_its_subscription(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    old, new = -4242, -1004242
    await dq.upsert_group_subscription(chat_res.db.write, str(old), None, [], [60])
    fake_telegram.migrate(old, new)
    await add_contest(chat_res, "2001", timedelta(minutes=30))
    await run_deliveries(chat_res.db, tg(tg_poster), NOW)
    assert len(fake_telegram.sent(new)) == 1
    assert await dq.get_group_subscription(chat_res.db.write, str(new)) is not None


async def test_the_admin_who_subscribed_a_group_that_kicked_the_bot_is_told_in_private(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    await add_person(chat_res, "telegram", "41", reminders=[])  # the admin talked to the bot
    await dq.upsert_group_subscription(chat_res.db.write, str(GROUP), None, [], [60], "41")
    other = -1005550001
    await dq.upsert_group_subscription(chat_res.db.write, str(other), None, [], [60], "43")
    await add_person(chat_res, "telegram", "43", reminders=[])
    fake_telegram.block(43)  # ... and this one has blocked the bot since
    await chat_res.db.write.execute(
        "UPDATE identities SET blocked_at = now() WHERE external_user_id = '43'"
    )
    await add_contest(chat_res, "2001", timedelta(minutes=30))
    fake_telegram.block(GROUP)
    fake_telegram.block(other)
    chat_res.messenger.senders["telegram"] = tg_poster.sender
    result = await run_deliveries(chat_res.db, tg(tg_poster), NOW, messenger=chat_res.messenger)
    assert result.deactivated == 2
    (told,) = fake_telegram.sent(41)
    assert "/subscribe" in told["text"] and "group" in told["text"]
    assert all(str(c.params["chat_id"]) != "43" for c in fake_telegram.calls_to("sendMessage"))


async def test_housekeeping_forgets_the_reminders_of_contests_long_over(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    await add_person(chat_res, "telegram", "1001", reminders=[60])
    await add_contest(chat_res, "2001", timedelta(minutes=30))  # over at NOW + 2.5 h
    await add_contest(chat_res, "2002", timedelta(days=40, minutes=30))
    await run_deliveries(chat_res.db, tg(tg_poster), NOW)
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + timedelta(days=40))
    assert len(fake_telegram.sent(1001)) == 2
    assert await dq.delete_old_deliveries(chat_res.db.write, NOW + timedelta(days=30)) == 1
    kept = await dq.list_deliveries(chat_res.db.write)
    assert [d["state"] for d in kept] == ["sent"] and len(kept) == 1
    # The later contest's reminder stays until it is over too; nothing is sent again.
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + timedelta(days=40, minutes=1))
    assert len(fake_telegram.sent(1001)) == 2
