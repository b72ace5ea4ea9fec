"""Maintainers' commands through the real bot, long polling the fake Bot API, in a group.

Only people listed in ADMIN_TELEGRAM_IDS are answered, and only in the maintainers' group; /scrape
runs on a real arq worker in burst mode.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import replace
from typing import Any

import pytest

from backend.worker.settings import build_worker
from bot.core.admin import parse_duration
from bot.telegram.app import TelegramBot, start_telegram_bot
from shared.errors import InvalidArgumentError
from shared.resources import Resources
from tests.factories import chat_settings, connect_user
from tests.fakes.google import FakeGoogle
from tests.fakes.platforms import FakePlatforms, Reply
from tests.fakes.telegram import FakeTelegram

GROUP = -1009876543210
ADMIN = 5150
MEMBER = 6160
Json = dict[str, Any]


@pytest.fixture
async def admin_res(res: Resources, fake_telegram: FakeTelegram) -> Resources:
    """The test's resources with a bot, a maintainers' group and one admin."""
    settings = chat_settings(
        res.settings, fake_telegram, TELEGRAM_GROUP_ID=GROUP, ADMIN_TELEGRAM_IDS=[ADMIN]
    )
    return replace(res, settings=settings)


@pytest.fixture
async def bot(admin_res: Resources) -> AsyncIterator[TelegramBot]:
    async with AsyncExitStack() as stack:
        yield await start_telegram_bot(
            admin_res, stack, sync_wait=20.0, poll_timeout=1, poll_interval=0
        )


async def say(fake: FakeTelegram, user_id: int, text: str, chat_id: int = GROUP) -> Json:
    """`text` from `user_id` in `chat_id`; the bot's answer there."""
    before = len(fake.sent(chat_id))
    fake.user_message(user_id, text, chat_id=chat_id if chat_id != user_id else None)
    await fake.wait_for(lambda: len(fake.sent(chat_id)) > before, timeout=10)
    return fake.sent(chat_id)[before]


async def test_a_group_member_who_is_not_an_admin_is_refused_politely(
    bot: TelegramBot, fake_telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    answer = await say(fake_telegram, MEMBER, "/stats")
    assert answer["text"] == "Sorry, this command is for ContestSync's maintainers only."
    assert any("/stats refused" in r.getMessage() for r in caplog.records)
    answer = await say(fake_telegram, MEMBER, "/mute 1d")
    assert "maintainers only" in answer["text"]


async def test_the_admin_gets_figures_in_the_group_but_not_elsewhere(
    bot: TelegramBot, fake_telegram: FakeTelegram, admin_res: Resources, fake_google: FakeGoogle
) -> None:
    await connect_user(admin_res, fake_google)
    answer = await say(fake_telegram, ADMIN, "/stats")
    assert answer["text"].startswith("Stats (last 24 h)")
    assert "Users: 1 (calendars connected: 1, revoked: 0)" in answer["text"]

    private = await say(fake_telegram, ADMIN, "/stats", chat_id=ADMIN)
    assert private["text"] == "Admin commands are answered in the maintainers' group only."
    other_group = await say(fake_telegram, ADMIN, "/health", chat_id=-1005555)
    assert "maintainers' group only" in other_group["text"]


async def test_admin_commands_are_in_the_groups_menu_only(
    bot: TelegramBot, fake_telegram: FakeTelegram
) -> None:
    calls = fake_telegram.calls_to("setMyCommands")
    scoped = {
        json.dumps(c.params.get("scope") or {"type": "default"}, sort_keys=True): [
            cmd["command"] for cmd in c.params["commands"]
        ]
        for c in calls
    }
    default = scoped[json.dumps({"type": "default"})]
    group = scoped[json.dumps({"chat_id": GROUP, "type": "chat"}, sort_keys=True)]
    assert "stats" not in default and "upcoming" in default
    assert {"stats", "health", "scrape", "syncall", "user", "mute", "unmute"} <= set(group)
    assert len(scoped) == 2  # no admin menu in anyone's private chat


async def test_scrape_runs_through_the_worker_and_edits_the_reply_with_the_table(
    bot: TelegramBot,
    fake_telegram: FakeTelegram,
    admin_res: Resources,
    fake_platforms: FakePlatforms,
) -> None:
    # The burst worker also runs the start-up scrape of every platform: Codeforces stays down.
    fake_platforms.payloads["codeforces"] = Reply(status=503, body=b"busy")
    answer = await say(fake_telegram, ADMIN, "/scrape codeforces")
    assert answer["text"] == "Scraping codeforces through the worker…"
    await build_worker(admin_res, burst=True, handle_signals=False).main()
    message_id = answer["message_id"]
    await fake_telegram.wait_for(
        lambda: "Scrape results" in fake_telegram.message(GROUP, message_id)["text"], timeout=20
    )
    table = fake_telegram.message(GROUP, message_id)["text"]
    assert table.startswith("Scrape results:")
    assert "Codeforces" in table and "failed" in table and "503" in table
    assert "AtCoder" not in table  # only the platform asked for

    fake_platforms.serve_file("codeforces", "codeforces/contest_list.json")
    answer = await say(fake_telegram, ADMIN, "/scrape codeforces")
    await build_worker(admin_res, burst=True, handle_signals=False).main()
    await fake_telegram.wait_for(
        lambda: "Scrape results" in fake_telegram.message(GROUP, answer["message_id"])["text"],
        timeout=20,
    )
    row = next(
        line
        for line in fake_telegram.message(GROUP, answer["message_id"])["text"].splitlines()
        if line.startswith("Codeforces")
    )
    assert row.split()[1] == "ok" and int(row.split()[2]) > 0


async def test_user_shows_a_status_without_secrets(
    bot: TelegramBot, fake_telegram: FakeTelegram, admin_res: Resources, fake_google: FakeGoogle
) -> None:
    user_id = await connect_user(admin_res, fake_google)
    user = await admin_res.db.write.fetchrow(
        "SELECT refresh_token_enc, calendar_id FROM users WHERE id = $1", user_id
    )
    assert user is not None
    by_email = await say(fake_telegram, ADMIN, "/user alice@example.com")
    by_chat = await say(fake_telegram, ADMIN, "/user 1001")
    for answer in (by_email, by_chat):
        text = answer["text"]
        assert f"User {user_id}" in text and "Google: active (alice@example.com)" in text
        assert "telegram 1001" in text
        assert user["refresh_token_enc"] not in text
    assert (await say(fake_telegram, ADMIN, "/user nobody@x.org"))["text"].startswith("No user")


async def test_mute_keeps_alerts_out_of_the_group_until_unmute(
    bot: TelegramBot, fake_telegram: FakeTelegram, admin_res: Resources
) -> None:
    answer = await say(fake_telegram, ADMIN, "/mute 2h platform")
    assert answer["text"].startswith("Muted alerts named 'platform' for 2h")
    assert await admin_res.alerts.is_muted("platform:codeforces")
    assert not await admin_res.alerts.is_muted("syncs:failing")
    answer = await say(fake_telegram, ADMIN, "/unmute")
    assert answer["text"] == "Alerts unmuted (1 mute(s) lifted)."
    assert not await admin_res.alerts.is_muted("platform:codeforces")
    bad = await say(fake_telegram, ADMIN, "/mute forever")
    assert "duration like 30m" in bad["text"]


async def test_health_checks_each_part(bot: TelegramBot, fake_telegram: FakeTelegram) -> None:
    answer = await say(fake_telegram, ADMIN, "/health")
    text = answer["text"]
    assert "PostgreSQL primary: accepts writes" in text
    assert "Valkey: answers" in text
    assert "worker: no worker heartbeat recorded" in text  # no worker ran in this test
    assert "Codeforces: not scraped yet" in text


async def test_an_admin_in_a_topic_is_answered_in_that_topic(
    bot: TelegramBot, fake_telegram: FakeTelegram
) -> None:
    fake_telegram.user_message(ADMIN, "/stats", chat_id=GROUP, thread_id=42)
    await fake_telegram.wait_for(lambda: len(fake_telegram.sent(GROUP)) == 1, timeout=10)
    [answer] = fake_telegram.sent(GROUP)
    assert answer["text"].startswith("Stats") and answer["message_thread_id"] == 42


async def test_syncall_queues_the_fan_out_once(
    bot: TelegramBot, fake_telegram: FakeTelegram
) -> None:
    first = await say(fake_telegram, ADMIN, "/syncall")
    second = await say(fake_telegram, ADMIN, "/syncall")
    assert first["text"] == "Queued a calendar sync of every connected user."
    assert second["text"] == "A sync of every user is already queued."


def test_durations_are_read_in_common_units() -> None:
    assert parse_duration("90") == 90 * 60
    assert parse_duration("45s") == 45
    assert parse_duration("2h") == 7200
    assert parse_duration("1d") == 86400
    for bad in ("0", "8d", "soon", "-1h"):
        with pytest.raises(InvalidArgumentError):
            parse_duration(bad)


async def test_admin_answers_do_not_wait_for_each_other(
    bot: TelegramBot, fake_telegram: FakeTelegram
) -> None:
    """A /scrape waiting for the worker does not hold up the next command."""
    await say(fake_telegram, ADMIN, "/scrape atcoder")
    answer = await asyncio.wait_for(say(fake_telegram, ADMIN, "/stats"), 10)
    assert answer["text"].startswith("Stats")
