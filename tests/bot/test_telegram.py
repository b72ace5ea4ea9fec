"""The Telegram bot end to end: real updates by long polling against the fake Bot API.

The real python-telegram-bot Application polls `tests/fakes/telegram.py`; commands run on real
PostgreSQL and Valkey, the connect flow goes through our backend and the fake Google, and syncs
run on a real arq worker in burst mode.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from backend.web.app import build_app
from backend.worker.settings import build_worker
from bot.core.commands import build_registry
from bot.telegram.app import TelegramBot, start_telegram_bot
from bot.telegram.translate import parse_command
from shared.cache import drop
from shared.cache import keys as cache_keys
from shared.config import Settings
from shared.db import contests as cq
from shared.db import notices as nq
from shared.db import users as uq
from shared.messaging import Messenger
from shared.messaging.telegram import open_telegram_sender
from shared.models import Contest
from shared.resources import Resources
from tests.factories import chat_settings, connect_user
from tests.fakes.google import FakeGoogle
from tests.fakes.telegram import FakeTelegram

Json = dict[str, Any]
PUBLIC_BASE = "http://127.0.0.1:8080"
ALICE = 1001


# ---------------------------------------------------------------- harness


def telegram_settings(settings: Settings, fake: FakeTelegram, **extra: Any) -> Settings:
    """Settings pointing the bot at the fake Bot API."""
    return chat_settings(settings, fake, **extra)


@pytest.fixture
async def tg_res(res: Resources, fake_telegram: FakeTelegram) -> Resources:
    """The test's resources with the bot's settings (same pools, clients and Messenger)."""
    return replace(res, settings=telegram_settings(res.settings, fake_telegram))


@pytest.fixture
async def bot(tg_res: Resources) -> AsyncIterator[TelegramBot]:
    """The bot, long polling the fake (as `contestsync telegram` does, with short polls)."""
    async with AsyncExitStack() as stack:
        yield await start_telegram_bot(
            tg_res, stack, sync_wait=15.0, poll_timeout=1, poll_interval=0
        )


def buttons(message: Json) -> list[str]:
    """Callback data (or URL) of every button of a message, in order."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b.get("callback_data") or b.get("url") for row in rows for b in row]


async def reply_to(fake: FakeTelegram, user_id: int, text: str, **kwargs: Any) -> Json:
    """Send `text` as the user and return the bot's new message in that chat."""
    chat_id = kwargs.get("chat_id") or user_id
    before = len(fake.sent(chat_id))
    fake.user_message(user_id, text, **kwargs)
    await fake.wait_for(lambda: len(fake.sent(chat_id)) > before)
    return fake.sent(chat_id)[before]


async def press(fake: FakeTelegram, user_id: int, message: Json, data: str) -> Json:
    """Press a button and wait until the press is answered; the message as it is then."""
    update = fake.press_button(user_id, message, data)
    query_id = update["callback_query"]["id"]
    await fake.wait_for(
        lambda: any(
            str(c.params.get("callback_query_id")) == query_id
            for c in fake.calls_to("answerCallbackQuery")
        )
    )
    return fake.message(message["chat"]["id"], message["message_id"])


async def seed(res: Resources, platform: str, entries: Sequence[tuple[str, str, datetime]]) -> None:
    """Store contests (id, title, start; 2 h long) as a scrape would, cache dropped."""
    contests = [
        Contest(
            platform, cid, title, f"https://example.com/{cid}", start, start + timedelta(hours=2)
        )
        for cid, title, start in entries
    ]
    async with res.db.write.acquire() as conn, conn.transaction():
        await cq.upsert_contests(conn, platform, contests, datetime.now(UTC))
    await drop(res.valkey, cache_keys.contests(platform))


def at_hour(days: int, hour: int) -> datetime:
    day = datetime.now(UTC).date() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


async def run_worker(res: Resources) -> None:
    worker = build_worker(res, burst=True, handle_signals=False)
    try:
        await asyncio.wait_for(worker.main(), 30)
    finally:
        await worker.close()


# ---------------------------------------------------------------- start-up and /start


async def test_start_publishes_the_command_menu_from_the_registry(
    bot: TelegramBot, fake_telegram: FakeTelegram
) -> None:
    expected = [{"command": n, "description": d} for n, d in build_registry().menu()]
    assert fake_telegram.commands == expected
    assert bot.handlers.bot_username == fake_telegram.bot_username


async def test_start_replies_with_buttons(bot: TelegramBot, fake_telegram: FakeTelegram) -> None:
    message = await reply_to(fake_telegram, ALICE, "/start")

    assert "ContestSync puts programming contests" in message["text"]
    assert buttons(message) == ["connect", "platforms", "upcoming"]
    [call] = fake_telegram.calls_to("sendMessage")
    assert "parse_mode" not in call.params
    assert call.params["link_preview_options"] == {"is_disabled": True}


async def test_command_addressed_to_the_bot_with_arguments_is_understood(
    bot: TelegramBot, fake_telegram: FakeTelegram
) -> None:
    message = await reply_to(fake_telegram, ALICE, "/timezone@contestsync_test_bot  Asia/Tokyo")
    assert message["text"].startswith("Time zone set to Asia/Tokyo")


def test_commands_for_other_bots_are_not_ours() -> None:
    assert parse_command("/help@OtherBot", "contestsync_test_bot") is None
    parsed = parse_command("/Upcoming@ContestSync_Test_Bot cf\n3 days", "contestsync_test_bot")
    assert parsed is not None
    assert (parsed.name, parsed.args, parsed.addressed) == ("upcoming", ("cf", "3", "days"), True)


async def test_user_text_cannot_break_the_formatting(
    bot: TelegramBot, fake_telegram: FakeTelegram
) -> None:
    message = await reply_to(fake_telegram, ALICE, "/timezone <b>Mars & <i>Venus")
    assert 'Unknown time zone "<b>Mars & <i>Venus"' in message["text"]
    assert "entities" not in message


async def test_private_only_command_in_a_group_links_to_the_private_chat(
    bot: TelegramBot, fake_telegram: FakeTelegram
) -> None:
    message = await reply_to(fake_telegram, ALICE, "/platforms", chat_id=-4242, chat_type="group")
    assert "works in a private chat" in message["text"]
    assert buttons(message) == ["https://t.me/contestsync_test_bot?start=platforms"]


async def test_unknown_bare_command_in_a_group_is_left_to_other_bots(
    bot: TelegramBot, fake_telegram: FakeTelegram
) -> None:
    fake_telegram.user_message(ALICE, "/weather", chat_id=-4242, chat_type="group")
    answered = await reply_to(fake_telegram, ALICE, "/help", chat_id=-4242, chat_type="group")
    assert answered["text"].startswith("Commands:")
    assert len(fake_telegram.sent(-4242)) == 1


# ---------------------------------------------------------------- /platforms


async def test_platform_buttons_edit_the_message_in_place_and_save(
    bot: TelegramBot, fake_telegram: FakeTelegram, res: Resources
) -> None:
    menu = await reply_to(fake_telegram, ALICE, "/platforms")
    assert "pf:codeforces" in buttons(menu)

    after = await press(fake_telegram, ALICE, menu, "pf:codeforces")
    await fake_telegram.wait_for(
        lambda: "Selected: Codeforces." in fake_telegram.message(ALICE, menu["message_id"])["text"]
    )
    await press(fake_telegram, ALICE, menu, "pf:atcoder")
    await fake_telegram.wait_for(
        lambda: (
            "Selected: Codeforces and AtCoder."
            in fake_telegram.message(ALICE, menu["message_id"])["text"]
        )
    )
    done = await press(fake_telegram, ALICE, menu, "pf:done")
    await fake_telegram.wait_for(
        lambda: fake_telegram.message(ALICE, menu["message_id"])["text"].startswith("Saved.")
    )

    assert after["message_id"] == done["message_id"] == menu["message_id"]
    assert len(fake_telegram.sent(ALICE)) == 1
    final = fake_telegram.message(ALICE, menu["message_id"])
    assert "reply_markup" not in final
    notices = [c.params.get("text") for c in fake_telegram.calls_to("answerCallbackQuery")]
    assert notices == ["Codeforces on", "AtCoder on", "Saved"]
    user = await uq.get_user_by_identity(res.db.write, "telegram", str(ALICE))
    assert user is not None and user.platforms == ["codeforces", "atcoder"]


# ---------------------------------------------------------------- /upcoming


async def test_upcoming_times_follow_the_time_zone(
    bot: TelegramBot, fake_telegram: FakeTelegram, res: Resources
) -> None:
    await seed(res, "codeforces", [("cf-1", "Codeforces Round 1", at_hour(2, 10))])

    before = await reply_to(fake_telegram, ALICE, "/upcoming")
    await reply_to(fake_telegram, ALICE, "/timezone Asia/Tokyo")
    after = await reply_to(fake_telegram, ALICE, "/upcoming")

    assert "Times in UTC." in before["text"]
    assert "10:00  Codeforces · Codeforces Round 1" in before["text"]
    assert "Times in Asia/Tokyo." in after["text"]
    assert "19:00  Codeforces · Codeforces Round 1" in after["text"]


async def test_upcoming_pages_with_buttons(
    bot: TelegramBot, fake_telegram: FakeTelegram, res: Resources
) -> None:
    await seed(
        res,
        "codeforces",
        [(f"cf-{i}", f"Round {i:02d}", at_hour(1 + i // 6, 1 + 3 * (i % 6))) for i in range(25)],
    )
    first = await reply_to(fake_telegram, ALICE, "/upcoming 7")
    assert "Page 1 of 3 · 25 contests" in first["text"]
    [later] = buttons(first)
    assert later.startswith("up:1:")

    second = await press(fake_telegram, ALICE, first, later)
    await fake_telegram.wait_for(
        lambda: "Page 2 of 3" in fake_telegram.message(ALICE, first["message_id"])["text"]
    )
    second = fake_telegram.message(ALICE, first["message_id"])
    earlier, later = buttons(second)
    assert earlier.startswith("up:0:") and later.startswith("up:2:")
    assert "Round 10" in second["text"] and "Round 00" not in second["text"]

    await press(fake_telegram, ALICE, second, later)
    await fake_telegram.wait_for(
        lambda: "Page 3 of 3" in fake_telegram.message(ALICE, first["message_id"])["text"]
    )
    assert len(fake_telegram.sent(ALICE)) == 1


# ---------------------------------------------------------------- connect → notice → sync


async def walk_connect_link(app_server: TestServer, link: str) -> int:
    """Follow a /connect link through our backend and the fake Google consent; final status."""
    ours = str(app_server.make_url("")).rstrip("/")
    assert link.startswith(f"{PUBLIC_BASE}/connect/")
    async with aiohttp.ClientSession() as http:
        async with http.post(ours + link.removeprefix(PUBLIC_BASE), allow_redirects=False) as r:
            assert r.status == 303, await r.text()
            consent = r.headers["Location"]
        async with http.get(consent, allow_redirects=False) as r:
            assert r.status == 302, await r.text()
            callback = r.headers["Location"]
        async with http.get(ours + callback.removeprefix(PUBLIC_BASE)) as r:
            await r.read()
            return r.status


async def test_connect_notice_platforms_and_sync_reach_the_calendar(
    bot: TelegramBot,
    fake_telegram: FakeTelegram,
    fake_google: FakeGoogle,
    tg_res: Resources,
) -> None:
    await seed(
        tg_res,
        "codeforces",
        [("cf-9", "Codeforces Round 9", at_hour(3, 14)), ("cf-10", "Round 10", at_hour(4, 14))],
    )
    await seed(tg_res, "atcoder", [("abc-1", "AtCoder Beginner Contest 1", at_hour(3, 12))])
    server = TestServer(build_app(tg_res))
    await server.start_server(access_log=None)
    try:
        offer = await reply_to(fake_telegram, ALICE, "/connect")
        [link] = buttons(offer)
        assert await walk_connect_link(server, link) == 200
    finally:
        await server.close()

    # The callback's notice goes out through the bot's sender, to the chat that asked.
    await fake_telegram.wait_for(lambda: len(fake_telegram.sent(ALICE)) == 2)
    notice = fake_telegram.last_sent(ALICE)
    assert "Connected as alice@example.com" in notice["text"]

    menu = await reply_to(fake_telegram, ALICE, "/platforms")
    await press(fake_telegram, ALICE, menu, "pf:codeforces")
    user = await uq.get_user_by_identity(tg_res.db.write, "telegram", str(ALICE))
    assert user is not None and user.platforms == ["codeforces"] and user.calendar_id

    await run_worker(tg_res)

    events = fake_google.events_of(user.calendar_id)
    summaries = {e["summary"] for e in events.values()}
    # (the worker's start-up scrape of the fake platforms may add more Codeforces rounds)
    assert {"[Codeforces] Codeforces Round 9", "[Codeforces] Round 10"} <= summaries
    assert all(s.startswith("[Codeforces] ") for s in summaries)


async def test_sync_reply_is_edited_with_the_result(
    bot: TelegramBot,
    fake_telegram: FakeTelegram,
    fake_google: FakeGoogle,
    tg_res: Resources,
) -> None:
    await seed(tg_res, "codeforces", [("cf-1", "Codeforces Round 1", at_hour(2, 10))])
    await connect_user(tg_res, fake_google, chat_user=str(ALICE))

    syncing = await reply_to(fake_telegram, ALICE, "/sync")
    assert syncing["text"] == "Syncing your calendar…"
    await run_worker(tg_res)

    await fake_telegram.wait_for(
        lambda: fake_telegram.message(ALICE, syncing["message_id"])["text"].startswith(
            "Calendar synced"
        ),
        timeout=10,
    )
    final = fake_telegram.message(ALICE, syncing["message_id"])
    # (the worker's start-up scrape of the fake platforms adds more contests than the seeded one)
    assert re.match(r"Calendar synced: [1-9][0-9]* added, 0 updated, 0 removed\.$", final["text"])
    assert len(fake_telegram.sent(ALICE)) == 1


# ---------------------------------------------------------------- delivery limits


async def test_blocked_user_is_marked_and_gets_no_more_sends(
    bot: TelegramBot, fake_telegram: FakeTelegram, tg_res: Resources
) -> None:
    await reply_to(fake_telegram, ALICE, "/start")
    identity = await uq.get_identity(tg_res.db.write, "telegram", str(ALICE))
    assert identity is not None
    fake_telegram.block(ALICE)

    await tg_res.messenger.notify_user(identity.user_id, "test", "first notice")
    blocked = await uq.get_identity(tg_res.db.write, "telegram", str(ALICE))
    assert blocked is not None and blocked.blocked_at is not None
    attempts = len(fake_telegram.calls_to("sendMessage"))
    await tg_res.messenger.notify_user(identity.user_id, "test", "second notice")
    assert len(fake_telegram.calls_to("sendMessage")) == attempts

    # Writing to the bot again unblocks it.
    reply = await reply_to(fake_telegram, ALICE, "/help")
    assert reply["text"].startswith("Commands:")
    for _ in range(100):  # the mark is cleared off the reply's path
        again = await uq.get_identity(tg_res.db.write, "telegram", str(ALICE))
        if again is not None and again.blocked_at is None:
            break
        await asyncio.sleep(0.02)
    assert again is not None and again.blocked_at is None


async def test_retry_after_is_honoured_without_an_error_to_the_user(
    bot: TelegramBot, fake_telegram: FakeTelegram
) -> None:
    fake_telegram.fail_next("sendMessage", error_code=429, retry_after=1)

    message = await reply_to(fake_telegram, ALICE, "/help")

    assert message["text"].startswith("Commands:")
    refused, delivered = fake_telegram.calls_to("sendMessage")
    assert (refused.status, delivered.status) == (429, 200)
    assert delivered.at - refused.at >= 1.0
    assert len(fake_telegram.sent(ALICE)) == 1


async def test_migrated_group_keeps_working_under_the_new_id(
    bot: TelegramBot, fake_telegram: FakeTelegram, tg_res: Resources
) -> None:
    old, new = -5555, -1000000005555
    async with tg_res.db.write.acquire() as conn, conn.transaction():
        await uq.upsert_identity(conn, "telegram", "2002", str(old))
    fake_telegram.user_message(ALICE, "/help", chat_id=old, chat_type="group")
    fake_telegram.migrate(old, new)

    await fake_telegram.wait_for(lambda: len(fake_telegram.sent(new)) == 1)
    assert fake_telegram.last_sent(new)["text"].startswith("Commands:")
    moved = await uq.get_identity(tg_res.db.write, "telegram", "2002")
    assert moved is not None and moved.chat_id == str(new)

    message = await reply_to(fake_telegram, ALICE, "/upcoming", chat_id=new, chat_type="supergroup")
    assert message["chat"]["id"] == new
    # Later sends to the old id go straight to the new one.
    refused = [c for c in fake_telegram.calls_to("sendMessage") if c.status == 400]
    await bot.sender.send_text(str(old), "still here")
    assert fake_telegram.last_sent(new)["text"] == "still here"
    assert [c for c in fake_telegram.calls_to("sendMessage") if c.status == 400] == refused


async def test_a_failing_send_still_gets_the_user_an_answer(
    bot: TelegramBot, fake_telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    fake_telegram.fail_next("sendMessage", error_code=400, description="Bad Request: boom")

    message = await reply_to(fake_telegram, ALICE, "/help")

    assert message["text"].startswith("Sorry, something went wrong on our side (error ")
    error_id = message["text"].split("(error ")[1].split(")")[0]
    assert error_id in caplog.text
    assert len(fake_telegram.sent(ALICE)) == 1


async def test_button_press_is_answered_even_when_rendering_fails(
    bot: TelegramBot, fake_telegram: FakeTelegram
) -> None:
    menu = await reply_to(fake_telegram, ALICE, "/platforms")
    fake_telegram.fail_next("editMessageText", error_code=500, description="Internal Server Error")

    await press(fake_telegram, ALICE, menu, "pf:leetcode")

    await fake_telegram.wait_for(lambda: len(fake_telegram.sent(ALICE)) == 2)
    assert fake_telegram.last_sent(ALICE)["text"].startswith("Sorry, something went wrong")
    assert len(fake_telegram.calls_to("answerCallbackQuery")) == 1


async def test_user_blocking_and_unblocking_the_bot_is_recorded(
    bot: TelegramBot, fake_telegram: FakeTelegram, tg_res: Resources
) -> None:
    await reply_to(fake_telegram, ALICE, "/start")

    async def blocked_at() -> object:
        identity = await uq.get_identity(tg_res.db.write, "telegram", str(ALICE))
        assert identity is not None
        return identity.blocked_at

    for status, blocked in (("kicked", True), ("member", False)):
        fake_telegram.push_update(
            {
                "my_chat_member": {
                    "chat": {"id": ALICE, "type": "private", "first_name": "Test"},
                    "from": {"id": ALICE, "is_bot": False, "first_name": "Test"},
                    "date": int(time.time()),
                    "old_chat_member": {
                        "status": "member",
                        "user": {"id": 1, "is_bot": True, "first_name": "B"},
                    },
                    "new_chat_member": {
                        "status": status,
                        "user": {"id": 1, "is_bot": True, "first_name": "B"},
                        "until_date": 0,
                    },
                }
            }
        )
        for _ in range(200):
            if (await blocked_at() is not None) == blocked:
                break
            await asyncio.sleep(0.01)
        assert (await blocked_at() is not None) == blocked


async def test_group_migration_message_moves_stored_chat_ids(
    bot: TelegramBot, fake_telegram: FakeTelegram, tg_res: Resources
) -> None:
    async with tg_res.db.write.acquire() as conn, conn.transaction():
        await uq.upsert_identity(conn, "telegram", "2002", "-777")
    fake_telegram.push_update(
        {
            "message": {
                "message_id": 5,
                "date": int(time.time()),
                "chat": {"id": -777, "type": "group", "title": "G"},
                "from": {"id": ALICE, "is_bot": False, "first_name": "Test"},
                "migrate_to_chat_id": -1000000000777,
            }
        }
    )
    for _ in range(200):
        identity = await uq.get_identity(tg_res.db.write, "telegram", "2002")
        if identity is not None and identity.chat_id != "-777":
            break
        await asyncio.sleep(0.01)
    assert identity is not None and identity.chat_id == "-1000000000777"
    assert bot.sender.resolve(-777) == -1000000000777


async def test_plain_text_in_private_gets_a_hint(
    bot: TelegramBot, fake_telegram: FakeTelegram
) -> None:
    message = await reply_to(fake_telegram, ALICE, "hello there")
    assert message["text"] == "I answer commands — send /help to see them."


async def test_worker_side_sender_delivers_notices_and_marks_blocked_chats(
    tg_res: Resources, fake_telegram: FakeTelegram
) -> None:
    async with tg_res.db.write.acquire() as conn, conn.transaction():
        identity = await uq.upsert_identity(conn, "telegram", str(ALICE), str(ALICE))
    async with AsyncExitStack() as stack:
        sender = await open_telegram_sender(tg_res.settings, tg_res.db, stack)
        assert sender is not None
        messenger = Messenger(tg_res.db, {"telegram": sender})

        await messenger.notify_user(identity.user_id, "test", "Connected <b>as</b> you & me")
        assert fake_telegram.last_sent(ALICE)["text"] == "Connected <b>as</b> you & me"

        fake_telegram.block(ALICE)
        await messenger.notify_user(identity.user_id, "test", "lost")
    notices = await nq.list_notices(tg_res.db.write, identity.user_id)
    assert [n.sent_at is not None for n in notices] == [True, False]
    blocked = await uq.get_identity(tg_res.db.write, "telegram", str(ALICE))
    assert blocked is not None and blocked.blocked_at is not None


async def test_notices_recorded_while_no_sender_ran_are_delivered_later_once(
    tg_res: Resources, fake_telegram: FakeTelegram
) -> None:
    async with tg_res.db.write.acquire() as conn, conn.transaction():
        identity = await uq.upsert_identity(conn, "telegram", str(ALICE), str(ALICE))
    offline = Messenger(tg_res.db)  # a process with no chat sender records the notice only
    await offline.notify_user(
        identity.user_id, "link_request", "Approve?", ((("Approve", "la:y:1"),),)
    )
    assert fake_telegram.sent(ALICE) == []
    since = datetime.now(UTC) - timedelta(days=1)
    async with AsyncExitStack() as stack:
        sender = await open_telegram_sender(tg_res.settings, tg_res.db, stack)
        assert sender is not None
        worker_side = Messenger(tg_res.db, {"telegram": sender})
        # A fresh notice is left to the process that recorded it (it may be sending it now).
        assert await worker_side.redeliver(since) == 0
        await tg_res.db.write.execute("UPDATE notices SET created_at = now() - interval '2 min'")
        assert await worker_side.redeliver(since) == 1
        assert await worker_side.redeliver(since) == 0  # delivered once
    [message] = fake_telegram.sent(ALICE)
    assert message["text"] == "Approve?"
    assert buttons(message) == ["la:y:1"]
    [notice] = await nq.list_notices(tg_res.db.write, identity.user_id)
    assert notice.sent_at is not None


# ---------------------------------------------------------------- robustness

_COMMANDS = [c.name for c in build_registry()] + ["nope", "START", "x" * 32]
_WORD = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40
)
_seen_users = iter(range(500_000, 10**6))


@hypothesis_settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    command=st.sampled_from(_COMMANDS),
    args=st.lists(_WORD, max_size=6),
    press=st.one_of(st.none(), _WORD.filter(lambda s: len(s.encode()) <= 64)),
)
async def test_any_arguments_get_exactly_one_answer(
    bot: TelegramBot,
    fake_telegram: FakeTelegram,
    command: str,
    args: list[str],
    press: str | None,
) -> None:
    user_id = next(_seen_users)  # a fresh chat per example: no per-chat flood limit between them
    text = " ".join([f"/{command}", *args])
    fake_telegram.user_message(user_id, text)
    query_id = None
    if press is not None:
        query_id = f"q{user_id}"
        fake_telegram.push_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": {"id": user_id, "is_bot": False, "first_name": "Test"},
                    "chat_instance": "1",
                    "data": press,
                    "message": {
                        "message_id": 1,
                        "date": int(time.time()),
                        "chat": {"id": user_id, "type": "private"},
                        "from": {"id": fake_telegram.bot_id, "is_bot": True, "first_name": "B"},
                        "text": "old",
                    },
                }
            }
        )

    def answers() -> list[object]:
        return [
            c
            for c in fake_telegram.calls
            if c.method == "sendMessage" and c.params.get("chat_id") == user_id and c.status == 200
        ]

    # The made-up pressed message is not the bot's, so a press is answered with a new message.
    expected = 1 + (press is not None)
    await fake_telegram.wait_for(lambda: len(answers()) >= expected, timeout=10)
    if query_id is not None:
        await fake_telegram.wait_for(
            lambda: any(
                c.params.get("callback_query_id") == query_id
                for c in fake_telegram.calls_to("answerCallbackQuery")
            )
        )
        answered = [
            c
            for c in fake_telegram.calls_to("answerCallbackQuery")
            if c.params.get("callback_query_id") == query_id
        ]
        assert len(answered) == 1
    await asyncio.sleep(0.05)
    assert len(answers()) == expected
