"""Discord bot latency: from the gateway's INTERACTION_CREATE for `/upcoming` to its response
reaching the fake Discord.

Steady load of `/upcoming` slash commands (default 300 at 20/s from 50 people, in DMs) through
the fake Discord (`tests/fakes/discord.py`, REST + gateway, in this process) for our bot (the
real discord.py client, dispatch, identity upsert, the person's settings and contests from real
PostgreSQL/Valkey, rendering an embed) and, in the same run, for a bare discord.py bot whose
CommandTree answers a trivial `/upcoming` with a fixed text, on its own instance of the same fake.
Prints median and p99 for both and their ratio (goal: our median within 1.5x of the bare bot's).

Services: TEST_POSTGRES_DSN / TEST_VALKEY_URI when set, else embedded throwaway servers.

    python bench/discord.py [--commands 300] [--rate 20] [--users 50] [--contests 60]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from contextlib import AsyncExitStack
from dataclasses import replace
from pathlib import Path
from typing import Any

# The repository root in place of bench/: `bench.` and the project import as packages, and
# bench/discord.py does not hide the discord package.
sys.path.pop(0)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket
from pydantic import SecretStr

from bench.latency import Baseline, compare, parse_load_args, report
from bot.discord.app import start_discord_bot
from shared.config import Settings
from shared.resources import Resources, settle_heap
from tests.fakes.discord import FakeDiscord, Interaction

FIRST_USER = 310_000_000_000_000_001
BARE = Baseline(
    name="bare discord.py",
    goal="goal: median within 1.5x",
    # For context: the bare bot answering with a page of the same size.
    same="bare, same embed",
    same_label="ratio, same embed",
    same_goal="our bot against the bare one sending the same page",
    failed="unanswered",
)


async def load(
    fake: FakeDiscord, commands: int, rate: float, users: int, warmup: int
) -> tuple[list[float], int]:
    """Send the load and wait for every response; latencies (s) of the measured commands."""
    sent: list[Interaction] = []
    total = warmup + commands
    loop = asyncio.get_running_loop()
    start = loop.time()
    for i in range(total):
        await asyncio.sleep(max(0.0, start + i / rate - loop.time()))
        sent.append(await fake.slash("upcoming", user_id=str(FIRST_USER + i % users)))
    unanswered = 0
    for interaction in sent:
        try:
            await interaction.wait_answered(30)
        except TimeoutError:
            unanswered += 1
    latencies = [
        i.answered_at - i.sent_at
        for i in sent[warmup:]
        if i.answered_at is not None and i.sent_at is not None
    ]
    return latencies, unanswered


async def run_ours(
    res: Resources, args: argparse.Namespace, sample: list[dict[str, Any]]
) -> tuple[list[float], int]:
    fake = FakeDiscord()
    await fake.start()
    try:
        bot_res = replace(res, settings=_discord(res.settings, fake))
        async with AsyncExitStack() as stack:
            await start_discord_bot(bot_res, stack)
            settle_heap()  # as every long-running `contestsync` command does once started
            result = await load(fake, args.commands, args.rate, args.users, args.warmup)
        answered = [i for i in fake.interactions.values() if i.responses]
        sample.append(answered[-1].responses[0]["data"])
        return result
    finally:
        await fake.close()


async def run_bare(
    args: argparse.Namespace, page: dict[str, Any] | None = None
) -> tuple[list[float], int]:
    fake = FakeDiscord()
    await fake.start()
    intents = discord.Intents.none()
    intents.guilds = True
    client = discord.Client(intents=intents)
    tree = app_commands.CommandTree(client)

    @tree.command(name="upcoming", description="Upcoming contests")
    async def upcoming(interaction: discord.Interaction) -> None:
        if page is None:
            await interaction.response.send_message("Upcoming contests: none today.")
        else:  # the same embed our bot answered, as a fixed reply
            embed = discord.Embed.from_dict(page["embeds"][0])
            await interaction.response.send_message(embed=embed)

    discord.http.Route.BASE = fake.api_url
    task: asyncio.Task[None] | None = None
    try:
        await client.login(fake.token)
        _, gateway, _ = await client.http.get_bot_gateway()
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
        await tree.sync()
        task = asyncio.create_task(client.connect())
        await asyncio.wait_for(client.wait_until_ready(), 30)
        settle_heap()
        return await load(fake, args.commands, args.rate, args.users, args.warmup)
    finally:
        await client.close()
        if task is not None:
            task.cancel()
        await fake.close()


def _discord(settings: Settings, fake: FakeDiscord) -> Settings:
    return settings.model_copy(
        update={"DISCORD_BOT_TOKEN": SecretStr(fake.token), "DISCORD_API_URL": fake.api_url}
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--commands", type=int, default=300)
    args = parse_load_args(parser)
    results = await compare(
        args,
        BARE,
        lambda _res, page: run_bare(args, page),
        lambda res, sample: run_ours(res, args, sample),
    )
    report(
        f"load: {args.commands} /upcoming interactions at {args.rate:g}/s from {args.users} "
        f"people in DMs (+{args.warmup} warm-up) per run, {args.rounds} alternating runs of "
        f"each bot, {args.contests} contests; fake Discord (REST + gateway) in-process; "
        "measured from INTERACTION_CREATE to the response",
        results,
        BARE,
    )


if __name__ == "__main__":
    # As in `contestsync discord`: the bot runs on uvloop.
    import uvloop

    uvloop.run(main())
