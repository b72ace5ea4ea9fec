"""Telegram's overall flood limit, as our clients keep it, against a fake Bot API that refuses a
31st message within any second: one client alone, and several processes' clients sharing the
bot's send window in Valkey, where replies to people go first."""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import pytest
from pydantic import SecretStr
from telegram.ext import ExtBot

from shared.cache import keys, open_valkey
from shared.config import Settings
from shared.embedded import free_port
from shared.messaging.alerts import BotGroupSender, open_group_sender
from shared.messaging.telegram import TelegramSender, build_bot, build_rate_limiter
from shared.messaging.window import SharedSendWindow
from shared.resources import Resources
from tests.fakes.telegram import FloodLimitedTelegram


@pytest.fixture
async def flood_fake() -> AsyncIterator[FloodLimitedTelegram]:
    fake = FloodLimitedTelegram(30)
    await fake.start()
    yield fake
    await fake.close()


def flood_settings(res: Resources, fake: FloodLimitedTelegram) -> Settings:
    return res.settings.model_copy(
        update={"TELEGRAM_BOT_TOKEN": SecretStr(fake.token), "TELEGRAM_API_URL": fake.base_url}
    )


async def started(stack: AsyncExitStack, bot: ExtBot[int]) -> ExtBot[int]:
    await bot.initialize()
    stack.push_async_callback(bot.shutdown)
    return bot


async def test_a_fan_out_to_many_chats_never_trips_the_overall_limit(
    res: Resources, flood_fake: FloodLimitedTelegram
) -> None:
    settings = flood_settings(res, flood_fake)
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


async def enter(entered: list[str], window: SharedSendWindow, name: str) -> None:
    """Take a place in `window` and note who got in, in order."""
    async with window.slot():
        entered.append(name)


async def a_reply_waits(res: Resources) -> None:
    """Until a reply is counted as waiting in the test window."""
    async with asyncio.timeout(10):
        while not await res.valkey.zcard(keys.send_window_waiting("test")):  # noqa: ASYNC110 - polling Valkey
            await asyncio.sleep(0.01)


async def test_processes_sending_as_one_bot_share_its_limit(
    res: Resources, flood_fake: FloodLimitedTelegram
) -> None:
    """Two workers fanning out and the bot process answering, each on its own client, all at
    once: together never more than 30 in a second (each alone keeps to its own share only)."""
    settings = flood_settings(res, flood_fake)
    async with AsyncExitStack() as stack:
        workers = [await started(stack, build_bot(settings, valkey=res.valkey)) for _ in "ab"]
        replier = build_bot(settings, build_rate_limiter(res.valkey))
        senders = [TelegramSender(b, res.db) for b in [*workers, await started(stack, replier)]]
        chats = {
            sender: range(9_100_001 + 100 * n, 9_100_031 + 100 * n)
            for n, sender in enumerate(senders)
        }
        await asyncio.gather(
            *(sender.send_message(chat, "contest") for sender, ids in chats.items() for chat in ids)
        )
    assert flood_fake.refused == 0
    expected = sorted(chat for ids in chats.values() for chat in ids)
    assert sorted(m["chat"]["id"] for m in flood_fake.sent()) == expected


async def test_an_alert_in_the_middle_of_a_fan_out_takes_a_place_in_the_bots_window(
    res: Resources, flood_fake: FloodLimitedTelegram
) -> None:
    """The maintainers' alerts go through the bot token too: sent while two workers fill every
    place of the second, the alert waits for one rather than making the 31st message."""
    settings = flood_settings(res, flood_fake).model_copy(
        update={"TELEGRAM_GROUP_ID": -1009300000001}
    )
    async with AsyncExitStack() as stack:
        group = open_group_sender(settings, res.http, stack, res.valkey)
        assert isinstance(group, BotGroupSender)
        workers = [
            TelegramSender(await started(stack, build_bot(settings, valkey=res.valkey)), res.db)
            for _ in "ab"
        ]
        chats = range(9_300_001, 9_300_061)
        await asyncio.gather(
            *(workers[n % 2].send_message(chat, "contest") for n, chat in enumerate(chats)),
            group.send_text("⚠️ <b>sync failures</b>"),
        )
    assert flood_fake.refused == 0
    sent = [m["chat"]["id"] for m in flood_fake.sent()]
    assert sorted(sent) == [-1009300000001, *chats]


async def test_a_waiting_reply_takes_the_next_free_place_before_bulk_sends(
    res: Resources,
) -> None:
    """A window of 2 a second held by a worker's sends: a reply that asks for a place, and a
    bulk send that asks after it, enter in that order when the window frees."""
    entered: list[str] = []
    bulk = SharedSendWindow(res.valkey, "test", 2, 1.0, reply=False, fallback_limit=2)
    other_bulk = SharedSendWindow(res.valkey, "test", 2, 1.0, reply=False, fallback_limit=2)
    reply = SharedSendWindow(res.valkey, "test", 2, 1.0, reply=True, fallback_limit=2)
    send = functools.partial(enter, entered)

    await send(bulk, "bulk 1")
    await send(bulk, "bulk 2")  # the window is full for about a second now
    replying = asyncio.create_task(send(reply, "reply"))
    await a_reply_waits(res)
    await asyncio.gather(replying, send(other_bulk, "bulk 3"))
    assert entered == ["bulk 1", "bulk 2", "reply", "bulk 3"]
    assert await res.valkey.zcard(keys.send_window_waiting("test")) == 0


async def test_a_429_seen_by_one_process_holds_the_others(
    res: Resources, flood_fake: FloodLimitedTelegram
) -> None:
    """The fake's second is filled by another client; our first process meets the 429 and waits
    it out, and the second process, sending just after, waits with it instead of meeting 429s."""
    settings = flood_settings(res, flood_fake)
    async with AsyncExitStack() as stack:
        first, second = [
            TelegramSender(await started(stack, build_bot(settings, valkey=res.valkey)), res.db)
            for _ in "ab"
        ]
        flood_fake.window.extend([time.monotonic()] * 30)  # another client's 30 this second
        met = asyncio.create_task(first.send_message(9_200_100, "contest"))
        async with asyncio.timeout(10):
            while not flood_fake.refused:  # noqa: ASYNC110 - polling the fake
                await asyncio.sleep(0.005)
        await asyncio.gather(
            met, *(second.send_message(9_200_200 + n, "contest") for n in range(3))
        )
    assert flood_fake.refused == 1
    assert len(flood_fake.sent()) == 4


async def test_without_valkey_each_process_keeps_to_its_own_share(
    res: Resources, flood_fake: FloodLimitedTelegram
) -> None:
    """Valkey gone: the worker's client falls back to a window of its own and still sends
    everything within the limit."""
    gone = open_valkey(f"redis://127.0.0.1:{free_port()}/0")
    settings = flood_settings(res, flood_fake)
    async with AsyncExitStack() as stack:
        stack.push_async_callback(gone.aclose)
        sender = TelegramSender(await started(stack, build_bot(settings, valkey=gone)), res.db)
        chats = range(9_300_001, 9_300_046)
        await asyncio.gather(*(sender.send_message(chat, "contest") for chat in chats))
    assert flood_fake.refused == 0
    assert sorted(m["chat"]["id"] for m in flood_fake.sent()) == list(chats)


async def test_a_free_place_is_left_to_a_waiting_reply(res: Resources) -> None:
    """A reply of the bot process waits for a place (and has not looked again yet): a worker's
    send finding the window free leaves the place to it while it counts as waiting."""
    entered: list[str] = []
    bulk = SharedSendWindow(res.valkey, "test", 1, 0.3, reply=False, fallback_limit=1)
    reply = SharedSendWindow(res.valkey, "test", 1, 0.3, reply=True, fallback_limit=1)
    send = functools.partial(enter, entered)

    await send(bulk, "bulk 1")
    asking = asyncio.create_task(send(reply, "reply"))
    await a_reply_waits(res)
    asking.cancel()  # its process is busy: it has not come back for the place yet
    later = asyncio.create_task(send(bulk, "bulk 2"))
    await asyncio.sleep(0.6)  # the place freed 0.3 s after bulk 1; the reply still counts
    assert entered == ["bulk 1"]
    await send(reply, "reply")
    await later
    assert entered == ["bulk 1", "reply", "bulk 2"]


async def test_replies_with_room_to_spare_still_take_their_places(res: Resources) -> None:
    """Replies sent at once while the window is quiet (no round trip first) are counted in the
    shared window all the same, so the worker's sends leave them their places."""
    reply = SharedSendWindow(res.valkey, "test", 30, 1.0, reply=True, fallback_limit=30)
    for _ in range(5):
        async with reply.slot():
            pass
    async with asyncio.timeout(10):
        while await res.valkey.zcard(keys.send_window("test")) < 5:  # noqa: ASYNC110 - polling Valkey
            await asyncio.sleep(0.01)
    await asyncio.sleep(0.1)  # their ends, recorded after the sends, move them but add none
    assert await res.valkey.zcard(keys.send_window("test")) == 5
