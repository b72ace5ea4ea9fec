"""Discord's global limit, as our sending processes keep it, against a fake Discord that refuses a
51st request of the bot within any second: several processes' REST clients (posts, DM lookups,
scheduled events) sharing the bot token's window in Valkey, a global 429 shared, and each
process on its own share while Valkey is unreachable."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from datetime import timedelta

import pytest
from pydantic import SecretStr
from redis.asyncio import Redis

from shared.cache import keys, open_valkey
from shared.config import Settings
from shared.db.deliveries import EventContest
from shared.delivery.events import build_event_payload
from shared.delivery.render import ContestView
from shared.embedded import free_port
from shared.messaging.discord import REQUESTS_PER_SECOND, open_discord_sender
from shared.messaging.posts import DiscordEvents, DiscordPoster, Target
from shared.resources import Resources
from tests.factories import NOW
from tests.fakes.discord import FloodLimitedDiscord

GUILD = "600"
VIEW = ContestView(
    "codeforces",
    "Codeforces Round 1000 (Div. 2)",
    "https://codeforces.com/contest/2001",
    NOW + timedelta(hours=1),
    NOW + timedelta(hours=3),
)


@pytest.fixture
async def flood_fake() -> AsyncIterator[FloodLimitedDiscord]:
    fake = FloodLimitedDiscord(50)
    await fake.start()
    fake.add_guild(GUILD, channels=())
    yield fake
    await fake.close()


def flood_settings(res: Resources, fake: FloodLimitedDiscord) -> Settings:
    return res.settings.model_copy(
        update={"DISCORD_BOT_TOKEN": SecretStr(fake.token), "DISCORD_API_URL": fake.api_url}
    )


async def worker(stack: AsyncExitStack, settings: Settings, valkey: Redis) -> DiscordPoster:
    """A sending process's poster on its own REST client, as `contestsync worker` opens it."""
    sender = await open_discord_sender(settings, stack, valkey)
    assert sender is not None
    return DiscordPoster(sender.client)


def channels(fake: FloodLimitedDiscord, name: str, count: int) -> list[str]:
    """`count` channels of the test server."""
    return [fake.add_channel(GUILD, f"{name}-{n}")["id"] for n in range(count)]


async def post_to(poster: DiscordPoster, ids: list[str]) -> None:
    await asyncio.gather(*(poster.post(Target(chat_id), VIEW) for chat_id in ids))


def delivered(fake: FloodLimitedDiscord, ids: list[str]) -> list[int]:
    return [len(fake.channel_messages.get(chat_id, [])) for chat_id in ids]


async def test_two_workers_fanning_out_together_keep_to_the_bot_tokens_limit(
    res: Resources, flood_fake: FloodLimitedDiscord
) -> None:
    """Two processes' clients posting at once: together never more than 48 requests in a
    second as Discord counts them (each alone would take 48), and everything arrives."""
    settings = flood_settings(res, flood_fake)
    first, second = channels(flood_fake, "a", 60), channels(flood_fake, "b", 60)
    async with AsyncExitStack() as stack:
        posters = [await worker(stack, settings, res.valkey) for _ in "ab"]
        await asyncio.gather(post_to(posters[0], first), post_to(posters[1], second))
    assert flood_fake.refused_global == 0
    assert flood_fake.busiest_second() <= REQUESTS_PER_SECOND
    assert delivered(flood_fake, first + second) == [1] * 120


async def test_scheduled_events_and_dm_lookups_take_places_in_the_same_window(
    res: Resources, flood_fake: FloodLimitedDiscord
) -> None:
    """One process fans out to channels while another creates a burst of scheduled events and
    a third posts to people's DMs (a user lookup and a DM channel each): the fake counts every
    one of these requests in the global limit, and together they still keep within 48."""
    settings = flood_settings(res, flood_fake)
    ids = channels(flood_fake, "c", 60)
    people = [str(7_000_001 + n) for n in range(10)]
    for person in people:
        flood_fake.user(person)
    contests = [
        EventContest(n, "codeforces", f"Round {n}", VIEW.url, VIEW.starts_at, VIEW.ends_at, None)
        for n in range(30)
    ]
    async with AsyncExitStack() as stack:
        poster, events_poster, dm_poster = [
            await worker(stack, settings, res.valkey) for _ in "abc"
        ]
        events = DiscordEvents(events_poster.client)
        await asyncio.gather(
            post_to(poster, ids),
            *(events.create(GUILD, build_event_payload(c)) for c in contests),
            *(dm_poster.post(Target(person, direct=True), VIEW) for person in people),
        )
    assert flood_fake.refused_global == 0
    assert flood_fake.busiest_second() <= REQUESTS_PER_SECOND
    assert len(flood_fake.scheduled_events[GUILD]) == 30
    assert delivered(flood_fake, ids) == [1] * 60
    assert all(len(flood_fake.dm_messages(person)) == 1 for person in people)
    assert len(flood_fake.calls_to("POST /users/@me/channels")) == 10


async def test_a_global_429_seen_by_one_worker_holds_the_others(
    res: Resources, flood_fake: FloodLimitedDiscord
) -> None:
    """The fake's second is filled by another client; our first process meets the global 429
    (which discord.py waits out itself), and the second process, sending after, waits with it
    instead of meeting 429s of its own."""
    settings = flood_settings(res, flood_fake)
    (alone,), others = channels(flood_fake, "d", 1), channels(flood_fake, "e", 3)
    async with AsyncExitStack() as stack:
        first, second = [await worker(stack, settings, res.valkey) for _ in "ab"]
        flood_fake.window.extend([time.monotonic()] * 50)  # another client's 50 this second
        met = asyncio.create_task(post_to(first, [alone]))
        async with asyncio.timeout(10):
            while not await res.valkey.exists(keys.send_window_pause("discord")):  # noqa: ASYNC110 - polling Valkey
                await asyncio.sleep(0.005)
        await asyncio.gather(met, post_to(second, others))
    assert flood_fake.refused_global == 1
    assert delivered(flood_fake, [alone, *others]) == [1] * 4


async def test_without_valkey_each_worker_keeps_to_its_own_share(
    res: Resources, flood_fake: FloodLimitedDiscord
) -> None:
    """Valkey unreachable: each process's client falls back to a window of its own (half the
    bot's share), so two fanning out at once still deliver everything within the limit."""
    gone = open_valkey(f"redis://127.0.0.1:{free_port()}/0")
    settings = flood_settings(res, flood_fake)
    first, second = channels(flood_fake, "f", 40), channels(flood_fake, "g", 40)
    async with AsyncExitStack() as stack:
        stack.push_async_callback(gone.aclose)
        posters = [await worker(stack, settings, gone) for _ in "ab"]
        await asyncio.gather(post_to(posters[0], first), post_to(posters[1], second))
    assert flood_fake.refused_global == 0
    assert flood_fake.busiest_second() <= REQUESTS_PER_SECOND
    assert delivered(flood_fake, first + second) == [1] * 80
