"""The worker's cron delivers contest messages through the process's chat senders."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from backend.worker.settings import build_worker
from shared.messaging.posts import TelegramPoster
from shared.models import ChatPlatform
from shared.resources import Resources
from tests.delivery.conftest import add_contest, add_person
from tests.fakes.telegram import FakeTelegram


async def run_worker(res: Resources) -> None:
    worker = build_worker(res, burst=True, handle_signals=False)
    try:
        await asyncio.wait_for(worker.main(), 30)
    finally:
        await worker.close()


async def test_the_worker_sends_a_due_reminder_once(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    chat_res.messenger.register(ChatPlatform.TELEGRAM, tg_poster.sender)
    await add_person(chat_res, "telegram", "1001", reminders=[60])
    await add_contest(chat_res, "2001", timedelta(minutes=30), now=datetime.now(UTC))
    await run_worker(chat_res)
    await run_worker(chat_res)
    texts = [m["text"] for m in fake_telegram.sent(1001)]
    # (The worker's start-up scrape of the fake platforms may add contests of its own.)
    assert sum("Codeforces Round 1000" in t for t in texts) == 1
    assert len(texts) == len(set(texts))
