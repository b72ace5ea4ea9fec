"""Fan-out of one contest announcement to many Telegram subscribers, through the delivery engine.

A fake Bot API (`tests/fakes/telegram.py`, in this process) that enforces Telegram's overall
limit — more than 30 sendMessage calls in any second answer 429 with `retry_after` — receives
one reminder for each of N people (default 2,000; the issue's figure is `--subscribers 10000`,
about six minutes). Printed: delivered messages per second divided by 30 (goal ≥ 0.95), lost and
duplicated messages (goal 0 and 0), 429s seen, and the p50 latency of `/upcoming` answered by the
bot's own sender (as the bot process has) in the middle of the fan-out, against the same
measured before it in the same run (the ratio).

Services: TEST_POSTGRES_DSN / TEST_VALKEY_URI when set, else embedded throwaway servers.

    python bench/deliver.py [--subscribers 2000] [--probes 20]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections import Counter
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import SecretStr

# The repository root in place of bench/ (whose discord.py would hide the discord package).
sys.path.pop(0)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.sync import services
from bot.core.commands import build_registry
from bot.core.dispatch import dispatch
from bot.core.types import ChatPlatform, Context, Invocation
from shared.config import load_settings
from shared.db import contests as cq
from shared.db import users as uq
from shared.delivery.engine import run_deliveries
from shared.messaging.posts import TelegramPoster
from shared.messaging.telegram import TelegramSender, build_bot, build_rate_limiter
from shared.models import Contest
from shared.resources import open_resources
from tests.fakes.telegram import FloodLimitedTelegram

LIMIT = 30  # messages per second, Telegram's overall limit for a bot
FIRST_USER = 8_000_001
PROBE_USER = 7_999_999


async def probe(ctx: Context, sender: TelegramSender, registry: Any, user: int) -> float:
    """One /upcoming from one person: dispatch and the reply reaching the Bot API; seconds."""
    started = time.monotonic()
    inv = Invocation(ChatPlatform.TELEGRAM, str(user), str(user), "upcoming")
    reply = await dispatch(ctx, registry, inv)
    await sender.send_message(user, reply.text)
    return time.monotonic() - started


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=2000)
    parser.add_argument("--probes", type=int, default=20)
    args = parser.parse_args()
    async with AsyncExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-deliver-")))
        dsn, vk = await services(stack, tmp)
        fake = FloodLimitedTelegram(LIMIT)
        await fake.start()
        stack.push_async_callback(fake.close)
        settings = load_settings(
            POSTGRES_DB=SecretStr(dsn),
            VALKEY_URI=SecretStr(vk),
            ENV="test",
            SESSION_SECRET="11" * 32,
            ENCRYPTION_KEY="22" * 32,
            DATA_DIR=tmp / "data",
            TELEGRAM_BOT_TOKEN=SecretStr(fake.token),
            TELEGRAM_API_URL=fake.base_url,
        )
        res = await open_resources(settings, stack)
        await res.valkey.flushdb()
        now = datetime.now(UTC)
        start = now + timedelta(minutes=30)
        contest = Contest(
            "codeforces",
            "9999",
            "Codeforces Round (bench)",
            "https://codeforces.com/contest/9999",
            start,
            start + timedelta(hours=2),
        )
        async with res.db.write.acquire() as conn, conn.transaction():
            await cq.upsert_contests(conn, "codeforces", [contest], now)
            for n in range(2 * args.probes):  # the people asking /upcoming get no reminders
                user = str(PROBE_USER - n)
                prober = await uq.upsert_identity(conn, "telegram", user, user)
                await uq.update_preferences(conn, prober.user_id, reminder_minutes=[])
            for n in range(args.subscribers):
                user = str(FIRST_USER + n)
                identity = await uq.upsert_identity(conn, "telegram", user, user, None)
                await uq.update_preferences(conn, identity.user_id, reminder_minutes=[60])
        # Two processes' clients: the worker's (BULK_PER_SECOND) and the bot process's (30/s).
        worker_bot = build_bot(settings)
        bot_bot = build_bot(settings, build_rate_limiter())
        for bot in (worker_bot, bot_bot):
            await bot.initialize()
            stack.push_async_callback(bot.shutdown)
        poster = TelegramPoster(TelegramSender(worker_bot, res.db))
        interactive = TelegramSender(bot_bot, res.db)
        registry, ctx = build_registry(), Context(res)

        idle = [await probe(ctx, interactive, registry, PROBE_USER - n) for n in range(args.probes)]
        await asyncio.sleep(1.1)  # the idle replies leave Telegram's one-second window
        started = time.monotonic()
        fan_out = asyncio.create_task(run_deliveries(res.db, {"telegram": poster}, now))
        expected_seconds = args.subscribers / LIMIT
        await asyncio.sleep(expected_seconds / 2)
        busy = [
            await probe(ctx, interactive, registry, PROBE_USER - args.probes - n)
            for n in range(args.probes)
        ]
        result = await fan_out
        elapsed = time.monotonic() - started
        later = now
        while result.failed and later < start:  # sends refused to the end: the next runs' work
            later += timedelta(minutes=1)
            result = await run_deliveries(res.db, {"telegram": poster}, later)

        counts = Counter(m["chat"]["id"] for m in fake.sent() if m["chat"]["id"] >= FIRST_USER)
        delivered = len(counts)
        duplicates = sum(c - 1 for c in counts.values())
        lost = args.subscribers - delivered
        rate = delivered / elapsed
        idle_p50, busy_p50 = statistics.median(idle), statistics.median(busy)
        print(f"subscribers           {args.subscribers}")
        print(
            f"delivered             {delivered} "
            f"(first run: {elapsed:.1f} s; refused ones by later runs)"
        )
        print(f"rate / limit          {rate:.1f}/s / {LIMIT}/s = {rate / LIMIT:.3f} (goal >= 0.95)")
        print(f"lost / duplicates     {lost} / {duplicates} (goal 0 / 0)")
        print(f"429s from the fake    {fake.refused}")
        print(f"/upcoming p50 idle    {idle_p50 * 1000:.0f} ms")
        print(
            f"/upcoming p50 busy    {busy_p50 * 1000:.0f} ms "
            f"({busy_p50 / idle_p50:.1f}x idle, during the fan-out)"
        )


if __name__ == "__main__":
    asyncio.run(main())
