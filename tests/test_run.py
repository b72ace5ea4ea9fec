"""`contestsync run` with no configuration: embedded services, health, restart, clean stop."""

from __future__ import annotations

import asyncio
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp

from shared.embedded import free_port
from tests.factories import codeforces_payload
from tests.fakes.platforms import FakePlatforms
from tests.process import Contestsync, contestsync


def _bare_env(tmp_path: Path, fake: FakePlatforms, port: int, worker_port: int) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("POSTGRES", "VALKEY", "TEST_", "SESSION_SECRET", "ENCRYPTION_KEY"))
    }
    env.update(
        PORT=str(port),
        WORKER_PORT=str(worker_port),
        DATA_DIR=str(tmp_path / "data"),
        PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        **fake.settings_overrides(),
    )
    return env


async def _wait_ready(port: int, proc: Contestsync) -> dict[str, int]:
    statuses: dict[str, int] = {}
    deadline = time.monotonic() + 60
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            assert proc.running, f"contestsync run exited early:\n{proc.output()}"
            try:
                for path in ("/healthz", "/readyz"):
                    async with http.get(f"http://127.0.0.1:{port}{path}") as resp:
                        statuses[path] = resp.status
                if statuses == {"/healthz": 200, "/readyz": 200}:
                    return statuses
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    return statuses


async def _api_ids(port: int) -> list[str]:
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}/api/contests?platform=codeforces") as resp:
            data = await resp.json()
    return [c["external_id"] for c in data["contests"]]


async def test_run_with_no_configuration_serves_survives_restart_and_stops(
    tmp_path: Path, fake_platforms: FakePlatforms
) -> None:
    soon = datetime.now(UTC) + timedelta(days=2)
    fake_platforms.serve("codeforces", codeforces_payload((7777, "Embedded Round", soon, 7200)))
    port, worker_port = free_port(), free_port()
    env = _bare_env(tmp_path, fake_platforms, port, worker_port)

    async with contestsync(env, "run", log=tmp_path / "first.log", cwd=tmp_path) as proc:
        assert await _wait_ready(port, proc) == {"/healthz": 200, "/readyz": 200}
        for _ in range(100):  # the start-up scrape lands within a few seconds
            if "7777" in await _api_ids(port):
                break
            await asyncio.sleep(0.2)
        assert "7777" in await _api_ids(port)
        code, took = await proc.stop()
    out = proc.output()
    assert code == 0, out
    assert took < 10
    assert "ContestSync is running at" in out and "applied migration 0001_initial" in out
    keys = (tmp_path / "data" / "dev-keys.json").read_text()

    # Second run: the platform now fails, so only stored data can answer.
    fake_platforms.serve("codeforces", b"<html>down</html>", "text/html")
    async with contestsync(env, "run", log=tmp_path / "second.log", cwd=tmp_path) as proc:
        assert await _wait_ready(port, proc) == {"/healthz": 200, "/readyz": 200}
        assert "7777" in await _api_ids(port)
        code, took = await proc.stop()
    assert code == 0 and took < 10
    assert "applied migration" not in proc.output()
    assert (tmp_path / "data" / "dev-keys.json").read_text() == keys
    leftovers = [p for p in (tmp_path / "data").rglob("postmaster.pid")]
    assert leftovers == []  # the embedded PostgreSQL was stopped
