"""Two `contestsync worker` processes on two nodes scraping a failing platform: one alert."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from shared.config import Settings
from shared.embedded import free_port
from shared.jobs import enqueue_scrape
from shared.resources import Resources
from tests.alerts.conftest import GROUP, TOPIC, group_texts
from tests.factories import process_env
from tests.fakes.platforms import FakePlatforms, Reply
from tests.fakes.telegram import FakeTelegram
from tests.process import contestsync


async def runs(res: Resources, outcome: str) -> int:
    return int(
        await res.db.write.fetchval(
            "SELECT count(*) FROM scrape_runs WHERE platform = 'codeforces' AND outcome = $1",
            outcome,
        )
    )


async def scrape_codeforces(res: Resources, outcome: str, times: int) -> None:
    """Queue Codeforces scrapes one after another until `times` more ended with `outcome`."""
    target = await runs(res, outcome) + times
    deadline = time.monotonic() + 60
    while await runs(res, outcome) < target:
        assert time.monotonic() < deadline, f"only {await runs(res, outcome)} {outcome} scrapes"
        await enqueue_scrape(res.arq, "codeforces")
        await asyncio.sleep(0.2)


async def test_a_second_worker_process_on_another_node_does_not_repeat_an_alert(
    settings: Settings,
    res: Resources,
    tmp_path: Path,
    fake_platforms: FakePlatforms,
    fake_telegram: FakeTelegram,
) -> None:
    """Node A's worker sees Codeforces fail and alerts; node B's worker, while A still runs and
    after A stopped, scrapes the same failure (no second alert) and then the recovery (one)."""
    # A Cloudflare-style 403 fails at once (a 5xx would be retried for seconds first).
    fake_platforms.payloads["codeforces"] = Reply(
        status=403, body=b"<html>challenge</html>", content_type="text/html"
    )
    common = {
        "TELEGRAM_BOT_TOKEN": fake_telegram.token,
        "TELEGRAM_API_URL": fake_telegram.base_url,
        "TELEGRAM_GROUP_ID": str(GROUP),
        "TELEGRAM_GROUP_TOPIC_ID": str(TOPIC),
        "ALERT_CHECK_SECONDS": "0.5",
    }

    def env(node: str) -> dict[str, str]:
        return process_env(
            settings, tmp_path / node, WORKER_PORT=str(free_port()), FROM_ENV=node, **common
        )

    async with contestsync(env("node-a"), "worker", log=tmp_path / "node-a.log") as node_a:
        await scrape_codeforces(res, "failed", 3)
        await fake_telegram.wait_for(
            lambda: any("Codeforces scrapes are failing" in t for t in group_texts(fake_telegram)),
            timeout=20,
        )
        async with contestsync(env("node-b"), "worker", log=tmp_path / "node-b.log") as node_b:
            await fake_telegram.wait_for(
                lambda: any("worker started on node-b" in t for t in group_texts(fake_telegram)),
                timeout=30,
            )
            await node_a.stop()
            await scrape_codeforces(res, "failed", 3)  # all on node B now
            await asyncio.sleep(1.5)  # node B's monitor runs its checks meanwhile
            failing = [t for t in group_texts(fake_telegram) if "scrapes are failing" in t]
            assert len(failing) == 1 and "node: node-a" in failing[0]

            fake_platforms.serve_file("codeforces", "codeforces/contest_list.json")
            await scrape_codeforces(res, "ok", 2)
            await fake_telegram.wait_for(
                lambda: any("scrapes recovered" in t for t in group_texts(fake_telegram)),
                timeout=20,
            )
            await node_b.stop()
    texts = group_texts(fake_telegram)
    assert len([t for t in texts if "Codeforces scrapes are failing" in t]) == 1, texts
    [recovered] = [t for t in texts if "Codeforces scrapes recovered" in t]
    failed = await runs(res, "failed")  # both nodes' start-up scrapes count too
    assert failed >= 6
    assert "node: node-b" in recovered and f"{failed} failed scrapes meanwhile" in recovered
    log_b = (tmp_path / "node-b.log").read_text()
    assert log_b.count("scrape:codeforces:scrape_platform(") >= 5  # B did see the failure
    assert "ALERT firing platform:codeforces" not in log_b
    assert "Traceback" not in log_b
