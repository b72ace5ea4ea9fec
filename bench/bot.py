"""Telegram bot latency: from getUpdates handing an update out to the reply reaching the Bot API.

Steady load of `/upcoming` commands (default 300 updates at 20/s from 50 users) against the fake
Bot API (`tests/fakes/telegram.py`, in this process), long polling as `contestsync telegram` does.
Measured for our bot (dispatch, identity upsert, the user's settings and contests from real
PostgreSQL/Valkey, rendering) and, in the same run, for a minimal python-telegram-bot echo bot
(a CommandHandler replying a fixed text) built the same way: same flood limiter
(`ChatRateLimiter` with the bot's send window shared on Valkey, as `contestsync telegram` runs),
same concurrency, same poll settings. Prints median and p99 for both and
their ratio (goal: our median within 1.2x of the echo bot's, our p99 within 1.5x).

Services: TEST_POSTGRES_DSN / TEST_VALKEY_URI when set, else embedded throwaway servers.

    python bench/bot.py [--updates 300] [--rate 20] [--users 50] [--contests 60]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections import defaultdict
from contextlib import AsyncExitStack
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from telegram import InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.ext import ApplicationBuilder, CommandHandler, ContextTypes

# The repository root in place of bench/: `bench.` and the project import as packages, and
# bench/discord.py does not hide the discord package.
sys.path.pop(0)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.latency import Baseline, compare, parse_load_args, report
from bot.telegram.app import (
    ALLOWED_UPDATES,
    CONCURRENT_UPDATES,
    CONNECTION_POOL,
    start_telegram_bot,
)
from shared.config import Settings
from shared.messaging.telegram import api_urls, build_rate_limiter
from shared.resources import Resources, settle_heap
from tests.fakes.telegram import FakeTelegram

POLL_TIMEOUT = 10
FIRST_USER = 7_000_001
ECHO = Baseline(
    name="echo bot (PTB)",
    goal="goal: median within 1.2x, p99 within 1.5x",
    # For context: the echo bot answering with the same page and button.
    same="echo, same page",
    same_label="ratio, same page",
    same_goal="our bot against the echo bot sending the same page",
    failed="failed sends",
)


class TimedTelegram(FakeTelegram):
    """The fake Bot API, noting when getUpdates hands each update out."""

    def __init__(self) -> None:
        super().__init__()
        self.handed: dict[int, float] = {}

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        updates = await super()._get_updates(params)
        now = time.monotonic()
        for update in updates:
            self.handed.setdefault(update["update_id"], now)
        return updates


async def load(
    fake: TimedTelegram, updates: int, rate: float, users: int, warmup: int
) -> tuple[list[float], int]:
    """Send the load and wait for every reply; latencies (s) of the measured updates."""
    sent: list[tuple[int, int]] = []  # (update_id, chat_id)
    total = warmup + updates
    loop = asyncio.get_running_loop()
    start = loop.time()
    for i in range(total):
        await asyncio.sleep(max(0.0, start + i / rate - loop.time()))
        chat = FIRST_USER + i % users
        update = fake.user_message(chat, "/upcoming", username=f"user{i % users}")
        sent.append((update["update_id"], chat))

    def replies() -> int:
        return sum(1 for c in fake.calls if c.method == "sendMessage" and c.status == 200)

    await fake.wait_for(lambda: replies() >= total, timeout=60)
    # The n-th reply in a chat answers the n-th update sent to it.
    answers: dict[int, list[float]] = defaultdict(list)
    for call in fake.calls:
        if call.method == "sendMessage" and call.status == 200:
            answers[int(call.params["chat_id"])].append(call.at)
    seen: dict[int, int] = defaultdict(int)
    latencies: list[float] = []
    for n, (update_id, chat) in enumerate(sent):
        reply_at = answers[chat][seen[chat]]
        seen[chat] += 1
        if n >= warmup:
            latencies.append(reply_at - fake.handed[update_id])
    failed = sum(1 for c in fake.calls if c.method == "sendMessage" and c.status != 200)
    return latencies, failed


async def run_ours(
    res: Resources, args: argparse.Namespace, sample: list[dict[str, Any]]
) -> tuple[list[float], int]:
    fake = TimedTelegram()
    await fake.start()
    try:
        settings = _telegram(res.settings, fake)
        bot_res = replace(res, settings=settings)
        async with AsyncExitStack() as stack:
            await start_telegram_bot(bot_res, stack, poll_timeout=POLL_TIMEOUT)
            settle_heap()  # as every long-running `contestsync` command does once started
            result = await load(fake, args.updates, args.rate, args.users, args.warmup)
        sample.append(next(c.params for c in reversed(fake.calls) if c.method == "sendMessage"))
        return result
    finally:
        await fake.close()


async def run_echo(
    res: Resources, args: argparse.Namespace, page: dict[str, Any] | None = None
) -> tuple[list[float], int]:
    fake = TimedTelegram()
    await fake.start()
    settings = _telegram(res.settings, fake)
    base_url, base_file_url = api_urls(settings)
    assert settings.TELEGRAM_BOT_TOKEN is not None
    app = (
        ApplicationBuilder()
        .token(settings.TELEGRAM_BOT_TOKEN.get_secret_value())
        .base_url(base_url)
        .base_file_url(base_file_url)
        .rate_limiter(build_rate_limiter(res.valkey))  # ours: the send window shared on Valkey
        .concurrent_updates(CONCURRENT_UPDATES)
        .connection_pool_size(CONNECTION_POOL)
        .build()
    )

    # (A short list has no "more" button: the page then has no reply_markup.)
    buttons = page.get("reply_markup") if page else None
    markup = InlineKeyboardMarkup.de_json(buttons, None) if buttons else None

    async def echo(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        if page is None:
            await update.message.reply_text("Upcoming contests: none today.")
        else:  # the page our bot answered, with its button, as a fixed reply
            await update.message.reply_text(
                page["text"],
                reply_markup=markup,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )

    app.add_handler(CommandHandler("upcoming", echo))
    try:
        await app.initialize()
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(timeout=POLL_TIMEOUT, allowed_updates=list(ALLOWED_UPDATES))
        settle_heap()
        try:
            return await load(fake, args.updates, args.rate, args.users, args.warmup)
        finally:
            await app.updater.stop()
            await app.stop()
            await app.shutdown()
    finally:
        await fake.close()


def _telegram(settings: Settings, fake: FakeTelegram) -> Settings:
    return settings.model_copy(
        update={"TELEGRAM_BOT_TOKEN": SecretStr(fake.token), "TELEGRAM_API_URL": fake.base_url}
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=300)
    args = parse_load_args(parser)
    results = await compare(
        args,
        ECHO,
        lambda res, page: run_echo(res, args, page),
        lambda res, sample: run_ours(res, args, sample),
    )
    report(
        f"load: {args.updates} /upcoming updates at {args.rate:g}/s from {args.users} users "
        f"(+{args.warmup} warm-up) per run, {args.rounds} alternating runs of each bot, "
        f"{args.contests} contests; fake Bot API in-process; "
        "both bots: ChatRateLimiter on the shared send window, concurrent updates, long polling",
        results,
        ECHO,
    )


if __name__ == "__main__":
    # As in `contestsync telegram`: the bot runs on uvloop.
    import uvloop

    uvloop.run(main())
