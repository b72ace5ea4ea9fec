"""A person's whole journey, black-box: `contestsync run` in its own process, driven only from
the outside — Telegram messages, a browser through Google's consent, contests moving and vanishing
on the platform, Google failing at random, the grant revoked — with the fake calendar compared to
the expected contests after every step.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from arq import create_pool
from arq.connections import ArqRedis

from shared.config import Settings
from shared.embedded import free_port
from shared.jobs import enqueue_scrape
from shared.models import format_utc
from shared.resources import redis_settings
from tests.factories import codeforces_payload, process_env
from tests.fakes.google import FakeGoogle
from tests.fakes.platforms import FakePlatforms
from tests.fakes.telegram import FakeTelegram
from tests.process import contestsync

ROOT = Path(__file__).resolve().parents[1]
ALICE = 4242
Contest = tuple[int, str, datetime, int]


def expected(contests: list[Contest]) -> list[tuple[str, str]]:
    """What the calendar should show for these Codeforces contests: (summary, start)."""
    return sorted((f"[Codeforces] {name}", format_utc(start)) for _, name, start, _ in contests)


def calendar_view(google: FakeGoogle) -> list[tuple[str, str]]:
    """Alice's "Contests" calendar as she would see it; several such calendars fail the test."""
    calendars = [c for c in google.calendars.values() if c.owner_sub == "alice-sub"]
    assert [c.summary for c in calendars] in ([], ["Contests"])
    if not calendars:
        return []
    events = calendars[0].events.values()
    return sorted((e["summary"], e["start"]["dateTime"]) for e in events)


async def eventually(check: Callable[[], object], what: str, seconds: float = 45) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.1)


def texts(telegram: FakeTelegram) -> list[str]:
    return [m["text"] for m in telegram.sent(ALICE)]


def link_button(message: dict[str, Any]) -> str:
    [[button]] = message["reply_markup"]["inline_keyboard"]
    return str(button["url"])


async def say(telegram: FakeTelegram, text: str) -> dict[str, Any]:
    """Send a message to the bot and return its first answer."""
    before = len(telegram.sent(ALICE))
    telegram.user_message(ALICE, text, username="alice")
    await eventually(lambda: len(telegram.sent(ALICE)) > before, f"an answer to {text}")
    return telegram.sent(ALICE)[before]


async def sign_in(link: str) -> str:
    """Open the link in a browser, press "Continue to Google" on the page it shows, and follow
    Google's consent back to our callback page."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as browser:
        async with browser.get(link) as shown:
            assert shown.status == 200 and "<form method='post'>" in await shown.text()
        async with browser.post(link) as page:
            assert page.status == 200
            assert page.url.path == "/auth/google/callback"
            return await page.text()


async def test_a_person_connects_and_the_calendar_follows_the_contests(
    settings: Settings,
    tmp_path: Path,
    fake_google: FakeGoogle,
    fake_platforms: FakePlatforms,
    fake_telegram: FakeTelegram,
) -> None:
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    contests: list[Contest] = [
        (9001, "Round 901 (Div. 2)", now + timedelta(days=1), 7200),
        (9002, "Round 902 (Div. 1)", now + timedelta(days=2), 9000),
        (9003, "Educational Round 903", now + timedelta(days=3), 7200),
    ]
    fake_platforms.serve("codeforces", codeforces_payload(*contests))
    telegram = fake_telegram
    port = free_port()
    env = process_env(
        settings,
        tmp_path,
        PORT=str(port),
        WORKER_PORT=str(free_port()),
        PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        TELEGRAM_BOT_TOKEN=telegram.token,
        TELEGRAM_API_URL=telegram.base_url,
        PRUNE_AFTER_MISSES="1",
    )
    links: list[str] = []

    async def scrape_codeforces(arq: ArqRedis, served: list[Contest]) -> None:
        """The platform now lists `served`; the worker's next scrape sees it."""
        fake_platforms.serve("codeforces", codeforces_payload(*served))
        job = None
        for _ in range(200):  # the start-up scrape may still hold the job id for a moment
            job = await enqueue_scrape(arq, "codeforces")
            if job is not None:
                break
            await asyncio.sleep(0.05)
        assert job is not None

    async with (
        await create_pool(redis_settings(settings)) as arq,
        contestsync(env, "run", log=tmp_path / "contestsync.log") as proc,
    ):
        await telegram.wait_for(lambda: bool(telegram.calls_to("getUpdates")), timeout=30)

        # 1. Alice picks Codeforces with the toggle buttons, then asks for a link.
        menu = await say(telegram, "/platforms")
        telegram.press_button(ALICE, menu, "pf:codeforces")
        await eventually(
            lambda: "Selected: Codeforces" in telegram.message(ALICE, menu["message_id"])["text"],
            "the platform choice",
        )
        offer = await say(telegram, "/connect")
        links.append(link_button(offer))
        page = await sign_in(links[0])
        assert "Connected" in page and "alice@example.com" in page

        # 2. The calendar fills with exactly the upcoming Codeforces contests; she is told.
        await eventually(lambda: calendar_view(fake_google) == expected(contests), "first sync")
        await eventually(
            lambda: any("Connected as alice@example.com" in t for t in texts(telegram)),
            "the connected notice",
        )

        # 3. One contest moves, one vanishes, one appears.
        moved = (9002, "Round 902 (Div. 1)", now + timedelta(days=2, hours=5), 9000)
        contests = [contests[0], moved, (9004, "Round 904", now + timedelta(days=4), 7200)]
        await scrape_codeforces(arq, contests)
        await eventually(lambda: calendar_view(fake_google) == expected(contests), "a reschedule")

        # 4. Google fails a third of the calls (some after storing the write) while a season of
        # rounds is announced, one moves and one vanishes.
        fake_google.set_faults(rate=0.3, seed=11, commit_then_fail=0.3)
        calls = len(fake_google.calls)
        contests = [
            (9001, "Round 901 (Div. 2)", now + timedelta(days=1, hours=1), 7200),
            contests[1],
            *(
                (9100 + n, f"Global Round {n}", now + timedelta(days=5, hours=n), 10800)
                for n in range(20)
            ),
        ]
        await scrape_codeforces(arq, contests)
        await eventually(
            lambda: calendar_view(fake_google) == expected(contests),
            "a sync through faults",
            90,
        )
        fake_google.set_faults()
        failed = [c for c in fake_google.calls[calls:] if c.status in (429, 500, 503)]
        assert failed, "no fault was injected"

        # 5. Alice revokes ContestSync's access in her Google account, then asks for a sync.
        fake_google.revoke_all("alice-sub")
        writes = len(fake_google.write_calls())
        await say(telegram, "/sync")
        await eventually(
            lambda: any("no longer lets ContestSync" in t for t in texts(telegram)),
            "the revoked notice",
        )
        assert calendar_view(fake_google) == expected(contests)
        assert len(fake_google.write_calls()) == writes

        # 6. She connects again: the same calendar, already right, is kept, and nothing rewritten.
        offer = await say(telegram, "/connect")
        assert "sign in again" in offer["text"]
        links.append(link_button(offer))
        await sign_in(links[1])
        await eventually(
            lambda: sum("Connected as" in t for t in texts(telegram)) == 2, "reconnected"
        )
        status = await say(telegram, "/status")
        assert "alice@example.com" in status["text"]
        assert "Codeforces" in status["text"]
        assert calendar_view(fake_google) == expected(contests)
        assert len(fake_google.write_calls()) == writes
        code, _ = await proc.stop()

    log = proc.output()
    assert code == 0, log
    issued = fake_google.issued_refresh_tokens()
    assert len(issued) == 2  # one per consent
    for token in issued:
        assert token not in log
    assert telegram.token not in log
    for link in links:
        assert link.rsplit("/", 1)[1] not in log
