"""A worker SIGKILLed in the middle of a fan-out, then started again: every due message is
delivered, and only a message the chat API had accepted before the row was marked can repeat
(the window neither Telegram nor Discord lets us close: they take no idempotency key)."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr

from shared.db import deliveries as dq
from shared.delivery.engine import LEASE
from shared.resources import Resources
from tests.delivery.conftest import add_contest, add_person
from tests.factories import NOW, process_env
from tests.fakes.telegram import FloodLimitedTelegram
from tests.process import ROOT

PEOPLE = range(6_000_001, 6_000_151)


@pytest.fixture
async def flood_fake() -> AsyncIterator[FloodLimitedTelegram]:
    fake = FloodLimitedTelegram(30)  # 150 messages take about 5 s
    await fake.start()
    yield fake
    await fake.close()


async def fan_out(env: dict[str, str], log: Path, at: str) -> asyncio.subprocess.Process:
    with log.open("ab") as sink:
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.delivery.fanout_child",
            at,
            env=env,
            cwd=ROOT,
            stdout=sink,
            stderr=asyncio.subprocess.STDOUT,
        )


async def test_a_worker_killed_mid_fan_out_and_restarted_delivers_every_message(
    res: Resources, flood_fake: FloodLimitedTelegram, tmp_path: Path
) -> None:
    for person in PEOPLE:
        await add_person(res, "telegram", str(person), reminders=[60])
    await add_contest(res, "2001", timedelta(minutes=30))
    settings = res.settings.model_copy(
        update={
            "TELEGRAM_BOT_TOKEN": SecretStr(flood_fake.token),
            "TELEGRAM_API_URL": flood_fake.base_url,
        }
    )
    env = process_env(settings, tmp_path)
    log = tmp_path / "fanout.log"

    first = await fan_out(env, log, NOW.isoformat())
    for _ in range(600):  # until a third is out
        if len(flood_fake.sent()) >= len(PEOPLE) // 3 or first.returncode is not None:
            break
        await asyncio.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    await first.wait()
    assert first.returncode == -signal.SIGKILL, log.read_text()
    accepted = {m["chat"]["id"] for m in flood_fake.sent()}
    assert 0 < len(accepted) < len(PEOPLE)  # killed in the middle
    states = await dq.list_deliveries(res.db.write)
    in_flight = {d["id"] for d in states if d["state"] == "sending"}

    # Started again once the dead worker's leases ran out (the clock is injected).
    second = await fan_out(env, log, (NOW + LEASE + timedelta(minutes=1)).isoformat())
    assert await asyncio.wait_for(second.wait(), 60) == 0, log.read_text()

    counts = Counter(m["chat"]["id"] for m in flood_fake.sent())
    assert set(counts) == set(PEOPLE)  # none lost
    repeated = {chat for chat, n in counts.items() if n > 1}
    assert all(n <= 2 for n in counts.values())
    # A repeat is only a message accepted before the kill whose row was still "sending".
    assert repeated <= accepted
    assert len(repeated) <= len(in_flight)
    after = await dq.list_deliveries(res.db.write)
    assert {d["state"] for d in after} == {"sent"}
