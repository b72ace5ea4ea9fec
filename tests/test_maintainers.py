"""The maintainers' view from the outside: `contestsync run` with a maintainers' group and an admin.

A platform answering 500 → exactly one alert naming it; once it recovers (an admin's /scrape) →
exactly one recovery alert; a non-admin's /stats is refused and the admin's answered; /metrics on
the backend and on the worker port expose the scrape and sync series; start and stop are told.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from shared.config import Settings
from shared.embedded import free_port
from tests.factories import process_env
from tests.fakes.platforms import FakePlatforms, Reply
from tests.fakes.telegram import FakeTelegram
from tests.process import contestsync

GROUP = -1003141592653
TOPIC = 9
ADMIN = 777
MEMBER = 778


def topic_texts(telegram: FakeTelegram) -> list[str]:
    """Alerts: what the bot posted in the maintainers' topic."""
    return [m["text"] for m in telegram.sent(GROUP) if m.get("message_thread_id") == TOPIC]


async def metric_samples(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    async with aiohttp.ClientSession() as http, http.get(url) as resp:
        assert resp.status == 200
        text = await resp.text()
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


async def test_a_maintainer_sees_alerts_commands_and_metrics(
    settings: Settings,
    tmp_path: Path,
    fake_platforms: FakePlatforms,
    fake_telegram: FakeTelegram,
) -> None:
    telegram = fake_telegram
    fake_platforms.payloads["codeforces"] = Reply(
        status=500, body=b"oops", content_type="text/html"
    )
    port, worker_port = free_port(), free_port()
    env = process_env(
        settings,
        tmp_path,
        PORT=str(port),
        WORKER_PORT=str(worker_port),
        PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        TELEGRAM_BOT_TOKEN=telegram.token,
        TELEGRAM_API_URL=telegram.base_url,
        TELEGRAM_GROUP_ID=str(GROUP),
        TELEGRAM_GROUP_TOPIC_ID=str(TOPIC),
        ADMIN_TELEGRAM_IDS=str(ADMIN),
        FROM_ENV="blackbox-node",
    )
    async with contestsync(env, "run", log=tmp_path / "run.log") as proc:
        await telegram.wait_for(
            lambda: any("Codeforces scrapes are failing" in t for t in topic_texts(telegram)),
            timeout=60,
        )
        await asyncio.sleep(2)  # more scrapes or checks must not repeat it
        texts = topic_texts(telegram)
        failing = [t for t in texts if "Codeforces" in t]
        assert len(failing) == 1, texts
        assert "500" in failing[0] and "blackbox-node" in failing[0]
        assert any("started on blackbox-node" in t for t in texts)

        telegram.user_message(MEMBER, "/stats", chat_id=GROUP)
        await telegram.wait_for(
            lambda: any("maintainers only" in m["text"] for m in telegram.sent(GROUP)), timeout=20
        )
        telegram.user_message(ADMIN, "/stats", chat_id=GROUP)
        await telegram.wait_for(
            lambda: any(m["text"].startswith("Stats") for m in telegram.sent(GROUP)), timeout=20
        )
        stats = next(m["text"] for m in telegram.sent(GROUP) if m["text"].startswith("Stats"))
        assert "Users: 0" in stats and "Scrapes:" in stats

        fake_platforms.serve_file("codeforces", "codeforces/contest_list.json")
        telegram.user_message(ADMIN, "/scrape codeforces", chat_id=GROUP)
        await telegram.wait_for(
            lambda: any(m["text"].startswith("Scrape results:") for m in telegram.sent(GROUP)),
            timeout=60,
        )
        table = next(
            m["text"] for m in telegram.sent(GROUP) if m["text"].startswith("Scrape results:")
        )
        assert "Codeforces      ok" in table
        await telegram.wait_for(
            lambda: any("Codeforces scrapes recovered" in t for t in topic_texts(telegram)),
            timeout=20,
        )

        web = await metric_samples(f"http://127.0.0.1:{port}/metrics")
        worker = await metric_samples(f"http://127.0.0.1:{worker_port}/metrics")
        for parsed in (web, worker):  # one process here: the same registry on both ports
            failed = parsed[
                ("contestsync_scrapes_total", (("outcome", "failed"), ("platform", "codeforces")))
            ]
            assert failed >= 1
            assert ("contestsync_sync_duration_seconds_count", ()) in parsed
            assert any(name == "contestsync_job_duration_seconds_count" for name, _ in parsed)
        code, _ = await proc.stop()
        assert code == 0, proc.output()

    texts = topic_texts(telegram)
    assert len([t for t in texts if "Codeforces scrapes are failing" in t]) == 1
    assert len([t for t in texts if "Codeforces scrapes recovered" in t]) == 1
    assert any("stopping on blackbox-node" in t for t in texts)
