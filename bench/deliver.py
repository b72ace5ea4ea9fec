"""Fan-out of one contest announcement to many Telegram subscribers, then to many Discord
servers, through the delivery engine.

A fake Bot API (`FloodLimitedTelegram`, in this process) that enforces Telegram's overall
limit — more than 30 sendMessage calls in any second answer 429 with `retry_after` — receives
one reminder for each of N people (default 2,000; the issue's figure is `--subscribers 10000`,
about six minutes) from the worker's client. Printed: delivered messages per second of the
first run divided by 30 (goal ≥ 0.95), lost and duplicated messages (goal 0 and 0), 429s seen,
and the p50 latency of `/upcoming` answered through the bot process's own client (the two clients
share the bot's send window in Valkey, replies first, as two processes share a bot token) before
the fan-out, in the middle of it as `--probes` replies in a row, and as one reply a second.

Then the same announcement to `--servers` Discord channels (default 1,000) from the worker's
REST client (its requests in the bot token's window in Valkey, 48/s) against the fake Discord's
global limit (50 requests/s of any route, 429 `global`) and per-channel buckets (5 per 5 s):
delivered per second divided by 50, lost, duplicated, 429s, and the most requests the fake
counted in any one second.

Services: TEST_POSTGRES_DSN / TEST_VALKEY_URI when set, else embedded throwaway servers.

    python bench/deliver.py [--subscribers 2000] [--probes 20] [--servers 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections import Counter
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import SecretStr

# The repository root in place of bench/: `bench.` and the project import as packages, and
# bench/discord.py does not hide the discord package.
sys.path.pop(0)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.sync import bench_settings
from bot.core.commands import build_registry
from bot.core.dispatch import dispatch
from bot.core.types import ChatPlatform, Context, Invocation
from shared.config import Settings
from shared.db import contests as cq
from shared.db import guilds as gq
from shared.db import users as uq
from shared.delivery.engine import run_deliveries
from shared.messaging.discord import REQUESTS_PER_SECOND, open_discord_sender
from shared.messaging.posts import DiscordPoster, TelegramPoster
from shared.messaging.telegram import TelegramSender, build_bot, build_rate_limiter
from shared.models import Contest
from shared.resources import Resources, open_resources
from tests.fakes.discord import FloodLimitedDiscord
from tests.fakes.telegram import FloodLimitedTelegram

LIMIT = 30  # messages per second, Telegram's overall limit for a bot
DISCORD_LIMIT = 50  # requests per second, Discord's global limit for a bot
FIRST_GUILD = 700_000_000_000_000_001
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
    parser.add_argument("--servers", type=int, default=1000, help="Discord channels (0: none)")
    args = parser.parse_args()
    async with AsyncExitStack() as stack:
        fake = FloodLimitedTelegram(LIMIT)
        await fake.start()
        stack.push_async_callback(fake.close)
        fake_discord = FloodLimitedDiscord(DISCORD_LIMIT)
        await fake_discord.start()
        stack.push_async_callback(fake_discord.close)
        settings = await bench_settings(
            stack,
            TELEGRAM_BOT_TOKEN=SecretStr(fake.token),
            TELEGRAM_API_URL=fake.base_url,
            DISCORD_BOT_TOKEN=SecretStr(fake_discord.token),
            DISCORD_API_URL=fake_discord.api_url,
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
            for n in range(3 * args.probes):  # the people asking /upcoming get no reminders
                user = str(PROBE_USER - n)
                prober = await uq.upsert_identity(conn, "telegram", user, user)
                await uq.update_preferences(conn, prober.user_id, reminder_minutes=[])
            for n in range(args.subscribers):
                user = str(FIRST_USER + n)
                identity = await uq.upsert_identity(conn, "telegram", user, user, None)
                await uq.update_preferences(conn, identity.user_id, reminder_minutes=[60])
        # Two processes' clients, as `contestsync worker` and `contestsync telegram` build them:
        # the worker's bulk sends and the bot process's replies share the bot's window in Valkey.
        worker_bot = build_bot(settings, valkey=res.valkey)
        bot_bot = build_bot(settings, build_rate_limiter(res.valkey))
        for bot in (worker_bot, bot_bot):
            await bot.initialize()
            stack.push_async_callback(bot.shutdown)
        poster = TelegramPoster(TelegramSender(worker_bot, res.db))
        interactive = TelegramSender(bot_bot, res.db)
        registry, ctx = build_registry(), Context(res)

        # The previous minutes' runs gave every person a subscriber row; nothing was due yet.
        await run_deliveries(res.db, {"telegram": poster}, now - timedelta(hours=2))
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
        spaced = []  # one reply a second, as people asking one at a time
        for n in range(args.probes):
            await asyncio.sleep(1.0)
            spaced.append(await probe(ctx, interactive, registry, PROBE_USER - 2 * args.probes - n))
        result = await fan_out
        elapsed = time.monotonic() - started
        first_run = result.sent
        later = now
        while result.failed and later < start:  # sends refused to the end: the next runs' work
            later += timedelta(minutes=1)
            result = await run_deliveries(res.db, {"telegram": poster}, later)

        counts = Counter(m["chat"]["id"] for m in fake.sent() if m["chat"]["id"] >= FIRST_USER)
        delivered = len(counts)
        duplicates = sum(c - 1 for c in counts.values())
        lost = args.subscribers - delivered
        rate = first_run / elapsed
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
            f"({busy_p50 / idle_p50:.1f}x idle, {args.probes} in a row during the fan-out)"
        )
        spaced_p50 = statistics.median(spaced)
        print(
            f"/upcoming p50 busy    {spaced_p50 * 1000:.0f} ms "
            f"({spaced_p50 / idle_p50:.1f}x idle, one a second during the fan-out)"
        )
        if args.servers:
            await discord_fan_out(res, settings, stack, fake_discord, args.servers, now, start)


async def discord_fan_out(
    res: Resources,
    settings: Settings,
    stack: AsyncExitStack,
    fake: FloodLimitedDiscord,
    servers: int,
    now: datetime,
    start: datetime,
) -> None:
    """The same announcement to `servers` Discord servers' channels through the worker's
    REST client (as `contestsync worker` opens it, sharing the bot's window in Valkey), against
    the fake's global limit and per-channel buckets."""
    channels: list[str] = []
    for n in range(servers):
        guild_id = str(FIRST_GUILD + n)
        fake.add_guild(guild_id, name=f"Server {n}", send=False)
        channel_id = fake.channel(guild_id, "contests")["id"]
        channels.append(channel_id)
        await gq.upsert_guild(
            res.db.write,
            guild_id,
            configured_by="100",
            channel_id=channel_id,
            reminder_minutes=[60],
        )
    sender = await open_discord_sender(settings, stack, res.valkey)
    assert sender is not None
    poster = DiscordPoster(sender.client)
    await run_deliveries(res.db, {"discord": poster}, now - timedelta(hours=2))
    started = time.monotonic()
    result = await run_deliveries(res.db, {"discord": poster}, now)
    elapsed = time.monotonic() - started
    first_run = result.sent
    later = now
    while result.failed and later < start:
        later += timedelta(minutes=1)
        result = await run_deliveries(res.db, {"discord": poster}, later)
    counts = [len(fake.channel_messages.get(c, [])) for c in channels]
    delivered = sum(1 for c in counts if c)
    rate = first_run / elapsed
    print(f"discord channels      {servers}")
    print(f"delivered             {delivered} (first run: {elapsed:.1f} s)")
    print(f"rate / global limit   {rate:.1f}/s / {DISCORD_LIMIT}/s = {rate / DISCORD_LIMIT:.3f}")
    print(f"lost / duplicates     {servers - delivered} / {sum(c - 1 for c in counts if c)}")
    print(f"429s from the fake    {fake.refused_global} global, {fake.refused_bucket} bucket")
    window = REQUESTS_PER_SECOND
    print(f"busiest second        {fake.busiest_second()} requests (the window: {window})")


if __name__ == "__main__":
    asyncio.run(main())
