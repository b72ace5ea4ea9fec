"""Chaos, black-box: web, worker and Telegram bot as processes of their own (`contestsync web`,
`worker`, `telegram`) against the fake platforms, Google and Telegram, on a Valkey of this test's
own. Contests move, vanish and appear while the worker is killed with SIGKILL five times at
seeded random points of its scrape-and-sync cycle, then Valkey is stopped once while the bot is
used. Once everything has settled every calendar holds exactly the upcoming contests, no chat
message was sent twice, and the logs name each fault the system came through.
"""

from __future__ import annotations

import asyncio
import random
import signal
from collections import Counter
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path

from shared.config import Settings
from shared.db import deliveries as dq
from shared.db import users as uq
from shared.embedded import free_port
from shared.models import format_utc
from shared.resources import Resources
from tests.factories import codeforces_payload, connect_user, process_env
from tests.fakes.google import FakeGoogle
from tests.fakes.platforms import FakePlatforms
from tests.fakes.telegram import FakeTelegram
from tests.process import Contestsync, answers, contestsync, status_of, until
from tests.servers import throwaway_valkey

SEED = 20261203
KILLS = 5
PEOPLE = {"chaos-1": 7001, "chaos-2": 7002, "chaos-3": 7003}
Contest = tuple[int, str, datetime, int]


def expected(contests: list[Contest]) -> list[tuple[str, str]]:
    """What every calendar should show: (summary, start) of each upcoming contest."""
    return sorted((f"[Codeforces] {name}", format_utc(start)) for _, name, start, _ in contests)


def calendar_of(google: FakeGoogle, sub: str) -> list[tuple[str, str]] | None:
    """The one "Contests" calendar of an account, as its owner sees it (None: there is none)."""
    calendars = [c for c in google.calendars.values() if c.owner_sub == sub]
    assert [c.summary for c in calendars] in ([], ["Contests"]), "a duplicated calendar"
    if not calendars:
        return None
    return sorted((e["summary"], e["start"]["dateTime"]) for e in calendars[0].events.values())


def reshuffle(contests: list[Contest], rng: random.Random, new_id: int) -> list[Contest]:
    """One move, one cancellation and one new contest, as a platform's day brings them (the
    first contest, whose reminder is due, is left alone)."""
    changed = list(contests)
    cid, name, start, duration = changed.pop(rng.randrange(1, len(changed)))
    changed.append((cid, name, start + timedelta(hours=rng.randint(1, 6)), duration))
    changed.pop(rng.randrange(1, len(changed)))
    start = changed[0][2] + timedelta(days=rng.randint(1, 9), minutes=rng.randrange(0, 60, 15))
    changed.append((new_id, f"Chaos Round {new_id}", start, 7200))
    return changed


async def test_killed_workers_and_a_valkey_outage_leave_every_calendar_right(
    res: Resources,
    settings: Settings,
    tmp_path: Path,
    fake_google: FakeGoogle,
    fake_platforms: FakePlatforms,
    fake_telegram: FakeTelegram,
) -> None:
    rng = random.Random(SEED)
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    contests: list[Contest] = [(9499, "Chaos Sprint", now + timedelta(minutes=40), 3600)]
    contests += [
        (9500 + n, f"Chaos Round {9500 + n}", now + timedelta(days=1, hours=5 * n), 7200)
        for n in range(12)
    ]
    for sub, chat in PEOPLE.items():
        fake_google.add_account(sub, f"{sub}@example.com")
        user_id = await connect_user(res, fake_google, sub=sub, chat_user=str(chat))
        async with res.db.write.acquire() as conn:
            # Reminders in chat as well: the sprint's is due at once, a message to send once.
            await uq.update_preferences(conn, user_id, reminder_minutes=[60])
            await dq.update_reminder_delivery(conn, user_id, "both")
    fake_google.set_faults(latency=0.15)  # a sync takes a while: time to be killed in

    web_port, worker_port = free_port(), free_port()
    web_url = f"http://127.0.0.1:{web_port}"
    logs: list[Path] = []

    def started(name: str) -> Path:
        logs.append(tmp_path / f"{name}.log")
        return logs[-1]

    async with throwaway_valkey(tmp_path / "valkey") as (valkey, valkey_url):
        env = process_env(
            settings,
            tmp_path,
            VALKEY_URI=valkey_url,
            PORT=str(web_port),
            WORKER_PORT=str(worker_port),
            PUBLIC_BASE_URL=web_url,
            TELEGRAM_BOT_TOKEN=fake_telegram.token,
            TELEGRAM_API_URL=fake_telegram.base_url,
            PRUNE_AFTER_MISSES="1",
        )

        async def worker(stack: AsyncExitStack, n: int) -> Contestsync:
            return await stack.enter_async_context(
                contestsync(env, "worker", log=started(f"worker{n}"))
            )

        async with AsyncExitStack() as stack:
            web = await stack.enter_async_context(contestsync(env, "web", log=started("web")))
            bot = await stack.enter_async_context(
                contestsync({**env, "PORT": str(free_port())}, "telegram", log=started("telegram"))
            )
            await until(lambda: answers(f"{web_url}/readyz"), "the web backend", 60)

            # 1. Five cycles: the platform changes, a worker starts, scrapes and syncs, and is
            # killed at a seeded random point of it.
            kills: list[str] = []
            for n in range(KILLS):
                contests = reshuffle(contests, rng, 9600 + n)
                fake_platforms.serve("codeforces", codeforces_payload(*contests))
                scrapes = len(fake_platforms.calls_for("codeforces"))
                google_calls = len(fake_google.calls)
                proc = await worker(stack, n)
                phase = rng.choice(("scrape", "sync"))

                def begun(incarnation: Contestsync = proc) -> bool:
                    return "Starting worker" in incarnation.output()

                await until(begun, "a worker", 60)
                if phase == "scrape":

                    def scraping(before: int = scrapes) -> bool:
                        return len(fake_platforms.calls_for("codeforces")) > before

                    await until(scraping, "a scrape", 60)
                    await asyncio.sleep(rng.uniform(0, 0.4))
                else:

                    def syncing(before: int = google_calls) -> bool:
                        return len(fake_google.calls) > before

                    await until(syncing, "a sync", 60)
                    await asyncio.sleep(rng.uniform(0, 1.2))
                assert proc.running, proc.output()
                proc.proc.send_signal(signal.SIGKILL)
                await proc.wait()
                await asyncio.sleep(0.5)  # its requests in flight at the slow fake are through
                kills.append(phase)

            # 2. A last worker, and Valkey stopped under everything while the platform changes.
            last = await worker(stack, KILLS)
            await until(
                lambda: answers(f"http://127.0.0.1:{worker_port}/healthz"), "the worker", 60
            )
            await until(lambda: "Starting worker" in last.output(), "its job loop", 60)
            await until(
                lambda: calendar_of(fake_google, "chaos-1") == expected(contests),
                "the calendars to catch up after the kills",
                240,
                lambda: (calendar_of(fake_google, "chaos-1"), expected(contests), last.output()),
            )
            await asyncio.to_thread(valkey.stop)
            contests = reshuffle(contests, rng, 9700)
            fake_platforms.serve("codeforces", codeforces_payload(*contests))
            await until(lambda: "restarting it in" in last.output(), "the worker to notice", 60)
            assert await status_of(f"{web_url}/api/contests") == 200  # from PostgreSQL
            assert await status_of(f"{web_url}/readyz") == 503
            asked = len(fake_telegram.sent(7001))
            fake_telegram.user_message(7001, "/upcoming", username="chaos1")
            await until(lambda: len(fake_telegram.sent(7001)) > asked, "/upcoming answered", 30)
            assert "Chaos Sprint" in fake_telegram.sent(7001)[asked]["text"]
            # Long enough for the breakers to open and probe again and the worker to retry.
            await asyncio.sleep(12)
            assert await status_of(f"{web_url}/") == 200
            assert last.running and bot.running and web.running
            await asyncio.to_thread(valkey.start)

            # 3. Settled: every calendar holds exactly the upcoming contests.
            def settled() -> bool:
                return all(calendar_of(fake_google, sub) == expected(contests) for sub in PEOPLE)

            await until(
                settled,
                "every calendar to settle",
                240,
                lambda: ([calendar_of(fake_google, sub) for sub in PEOPLE], last.output()),
            )
            await until(lambda: answers(f"{web_url}/readyz"), "Valkey to be used again", 60)
            for proc in (last, bot, web):
                code, _ = await proc.stop()
                assert code == 0, proc.output()

    # No chat message went out twice (each reminder or answer has its own text per chat).
    sends = Counter(
        (call.params.get("chat_id"), call.params.get("text"))
        for call in fake_telegram.calls_to("sendMessage")
        if call.status == 200
    )
    assert sends and max(sends.values()) == 1, [m for m, k in sends.items() if k > 1]

    # The logs name each fault: every worker after a kill says its predecessor was killed, and
    # the Valkey outage is one warning and one recovery line in the process that met it.
    texts = {path.stem: path.read_text(errors="replace") for path in logs}
    for n in range(1, KILLS + 1):
        assert "stopped without shutting down" in texts[f"worker{n}"], (n, kills)
    assert "worker stopped by itself" in texts[f"worker{KILLS}"]
    assert texts["web"].count("Valkey did not answer") == 1, texts["web"]
    assert texts["web"].count("Valkey answers again") == 1, texts["web"]
    for name, text in texts.items():
        assert "Traceback" not in text, (name, text)
        assert text.count("Valkey did not answer") <= 1, (name, text)
