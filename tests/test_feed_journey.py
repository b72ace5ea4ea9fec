"""A calendar feed, black-box: `contestsync run` in its own process, driven only from the outside.

Alice asks the Telegram bot for /feed, her calendar app fetches the address over HTTP, contests
move and vanish on the platform, she resets the address; the pages answer with their headers, and
the process's own log never shows her token.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from arq import create_pool
from arq.connections import ArqRedis
from icalendar import Calendar

from shared.calendar.plan import build_event_id
from shared.config import Settings
from shared.embedded import free_port
from shared.jobs import enqueue_scrape
from shared.resources import redis_settings
from tests.factories import codeforces_payload, process_env
from tests.fakes.platforms import FakePlatforms
from tests.fakes.telegram import FakeTelegram
from tests.process import contestsync, until

ALICE = 4343
Entry = tuple[int, str, datetime, int]
FEED = re.compile(r"(http://127\.0\.0\.1:\d+/feed/([A-Za-z0-9_-]{43})\.ics)")


async def eventually(check: Callable[[], Awaitable[bool]], what: str, seconds: float = 45) -> None:
    deadline = time.monotonic() + seconds
    while not await check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.2)


async def say(telegram: FakeTelegram, text: str) -> dict[str, Any]:
    before = len(telegram.sent(ALICE))
    telegram.user_message(ALICE, text, username="alice")
    await telegram.wait_for(lambda: len(telegram.sent(ALICE)) > before, timeout=30)
    return telegram.sent(ALICE)[before]


def events(body: bytes) -> dict[str, tuple[str, datetime, int, str]]:
    """UID → (summary, start, sequence, status) of every event."""
    return {
        str(e["UID"]): (
            str(e["SUMMARY"]),
            e.decoded("DTSTART"),
            int(str(e["SEQUENCE"])),
            str(e["STATUS"]),
        )
        for e in Calendar.from_ical(body).walk("VEVENT")
    }


def uid(external_id: int) -> str:
    return f"{build_event_id('codeforces', str(external_id))}@127.0.0.1"


async def test_a_person_subscribes_to_the_feed_and_it_follows_the_contests(
    settings: Settings, tmp_path: Path, fake_platforms: FakePlatforms, fake_telegram: FakeTelegram
) -> None:
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    contests: list[Entry] = [
        (9001, "Round 901 (Div. 2)", now + timedelta(days=1), 7200),
        (9002, "Round 902 (Div. 1)", now + timedelta(days=2), 9000),
        (9003, "Educational Round 903", now + timedelta(days=3), 7200),
    ]
    fake_platforms.serve("codeforces", codeforces_payload(*contests))
    telegram = fake_telegram
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = process_env(
        settings,
        tmp_path,
        PORT=str(port),
        WORKER_PORT=str(free_port()),
        PUBLIC_BASE_URL=base,
        TELEGRAM_BOT_TOKEN=telegram.token,
        TELEGRAM_API_URL=telegram.base_url,
        PRUNE_AFTER_MISSES="1",
    )

    async def scrape(arq: ArqRedis, served: list[Entry]) -> None:
        fake_platforms.serve("codeforces", codeforces_payload(*served))
        for _ in range(200):  # the start-up scrape may still hold the job id for a moment
            if await enqueue_scrape(arq, "codeforces") is not None:
                return
            await asyncio.sleep(0.05)
        raise AssertionError("could not queue a scrape")

    async with (
        await create_pool(redis_settings(settings)) as arq,
        contestsync(env, "run", log=tmp_path / "contestsync.log") as proc,
        aiohttp.ClientSession() as app,
    ):
        await telegram.wait_for(lambda: bool(telegram.calls_to("getUpdates")), timeout=30)
        menu = await say(telegram, "/platforms")
        telegram.press_button(ALICE, menu, "pf:codeforces")
        await telegram.wait_for(
            lambda: "Selected: Codeforces" in telegram.message(ALICE, menu["message_id"])["text"],
            timeout=30,
        )

        # 1. /feed gives an address; her calendar app reads exactly her contests from it.
        reply = await say(telegram, "/feed")
        [(url, token)] = FEED.findall(reply["text"])
        assert url.startswith(base)
        assert f"webcal://127.0.0.1:{port}/feed/{token}.ics" in reply["text"]
        wanted = {uid(cid): (f"[Codeforces] {name}", start) for cid, name, start, _ in contests}
        seen: dict[str, tuple[str, datetime, int, str]] = {}

        async def feed_is(expected: dict[str, tuple[str, datetime]]) -> bool:
            nonlocal seen
            async with app.get(url) as response:
                assert response.status == 200
                seen = events(await response.read())
            return {k: v[:2] for k, v in seen.items() if v[3] == "CONFIRMED"} == expected

        await eventually(lambda: feed_is(wanted), "the first feed")
        first = dict(seen)

        # 2. One contest moves and one vanishes: same UID with a later SEQUENCE, and cancelled.
        moved = (9002, "Round 902 (Div. 1)", now + timedelta(days=2, hours=5), 9000)
        await scrape(arq, [contests[0], moved])
        wanted = {
            uid(9001): wanted[uid(9001)],
            uid(9002): ("[Codeforces] Round 902 (Div. 1)", moved[2]),
        }
        await eventually(lambda: feed_is(wanted), "the feed after a reschedule")
        assert seen[uid(9002)][2] > first[uid(9002)][2]
        assert seen[uid(9003)][3] == "CANCELLED"
        async with app.get(url, headers={"If-None-Match": "*"}) as response:
            assert response.status == 304

        # 3. /feed reset: the old address answers 404 at once, the new one works.
        reset = await say(telegram, "/feed reset")
        [(new_url, new_token)] = FEED.findall(reset["text"])
        assert new_token != token
        async with app.get(url) as response:
            assert response.status == 404
        async with app.get(new_url) as response:
            assert response.status == 200

        # 4. The pages a person can trust, with the security headers.
        for path in ("/privacy", "/terms"):
            async with app.get(base + path) as response:
                assert response.status == 200
                assert response.content_type == "text/html"
                assert response.headers["X-Frame-Options"] == "DENY"
                assert response.headers["Referrer-Policy"] == "no-referrer"
                assert "'sha256-" in response.headers["Content-Security-Policy"]

        # Log lines are written by the process's log thread a moment after the answer.
        await until(
            lambda: "GET /feed/{token}.ics 404" in proc.output(), "the 404's access line", 10
        )
        log = proc.output()
        assert "GET /feed/{token}.ics 200" in log
        assert token not in log and new_token not in log
