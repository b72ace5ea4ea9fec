"""Valkey helpers on a real server: JSON with TTLs, read-through, owned locks, fixed windows."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from redis.asyncio import Redis

from shared.cache import (
    OwnedLock,
    cached_json_many,
    drop,
    hit_limit,
    keys,
    open_valkey,
    set_json,
)
from shared.embedded import EmbeddedValkey
from tests.servers import throwaway_valkey


@pytest.fixture
async def valkey(clean_valkey: str) -> AsyncIterator[Redis]:
    client = open_valkey(clean_valkey)
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture
async def stoppable(tmp_path: Path) -> AsyncIterator[tuple[EmbeddedValkey, Redis]]:
    """A throwaway Valkey server of this test's own, and a client of it."""
    async with throwaway_valkey(tmp_path / "v") as (server, url):
        client = open_valkey(url)
        try:
            yield server, client
        finally:
            await client.aclose()


class Loader:
    """A stand-in for the database query behind the cache: counts its calls."""

    def __init__(self, value: list[str]) -> None:
        self.value = value
        self.calls = 0

    async def __call__(self, _: str) -> list[str]:
        self.calls += 1
        return list(self.value)


def _decode(raw: bytes) -> list[str]:
    value = json.loads(raw)
    if not isinstance(value, list):
        raise ValueError("not a list")
    return [str(item) for item in value]


async def read_through(client: Redis, key: str, loader: Loader) -> list[str]:
    [value] = await cached_json_many(client, [key], 60, loader, encode=list, decode=_decode)
    return value


# --- JSON values ----------------------------------------------------------------------------------


async def test_json_value_round_trips_and_expires(valkey: Redis) -> None:
    value = {"title": "Round — Div. 2", "ids": [1, 2], "rated": True, "note": None}
    await set_json(valkey, keys.contests("codeforces"), value, keys.CONTESTS_TTL)
    assert json.loads(await valkey.get(keys.contests("codeforces"))) == value
    assert 0 < await valkey.ttl(keys.contests("codeforces")) <= keys.CONTESTS_TTL


async def test_read_through_loads_once_then_serves_from_the_cache(valkey: Redis) -> None:
    loader = Loader(["a", "b"])
    assert await read_through(valkey, "cache:test", loader) == ["a", "b"]
    assert await read_through(valkey, "cache:test", loader) == ["a", "b"]
    assert loader.calls == 1
    assert await valkey.ttl("cache:test") > 0


async def test_each_platform_is_cached_under_its_own_key(valkey: Redis) -> None:
    loaded: list[str] = []

    async def load(key: str) -> list[str]:
        loaded.append(key)
        return [key.rsplit(":", 1)[1]]

    wanted = [keys.contests("atcoder"), keys.contests("leetcode")]
    first = await cached_json_many(valkey, wanted, 60, load, encode=list, decode=_decode)
    again = await cached_json_many(valkey, wanted, 60, load, encode=list, decode=_decode)
    assert first == again == [["atcoder"], ["leetcode"]]
    assert loaded == wanted  # each loaded once, then both served in one read
    assert await valkey.keys(keys.CONTESTS_PATTERN) != []


async def test_cached_empty_list_is_a_hit(valkey: Redis) -> None:
    loader = Loader([])
    await read_through(valkey, "cache:test", loader)
    assert await read_through(valkey, "cache:test", loader) == []
    assert loader.calls == 1


async def test_unreadable_cached_value_falls_back_to_the_loader(valkey: Redis) -> None:
    await valkey.set("cache:test", b"{not json", ex=60)
    loader = Loader(["fresh"])
    assert await read_through(valkey, "cache:test", loader) == ["fresh"]
    assert json.loads(await valkey.get("cache:test")) == ["fresh"]  # and overwritten


async def test_cached_value_the_decoder_rejects_is_treated_as_a_miss(valkey: Redis) -> None:
    # Written by an older release in a shape this release no longer reads.
    await valkey.set("cache:test", b'[{"name":"old shape"}]', ex=60)
    loader = Loader(["fresh"])
    [value] = await cached_json_many(
        valkey,
        ["cache:test"],
        60,
        loader,
        encode=lambda items: [{"title": t} for t in items],
        decode=lambda raw: [item["title"] for item in json.loads(raw)],
    )
    assert value == ["fresh"]
    assert loader.calls == 1


async def test_drop_removes_the_keys(valkey: Redis) -> None:
    await set_json(valkey, keys.contests("atcoder"), [1], 60)
    await set_json(valkey, keys.contests("leetcode"), [2], 60)
    await drop(valkey, keys.contests("atcoder"), keys.contests("leetcode"))
    assert await valkey.exists(keys.contests("atcoder"), keys.contests("leetcode")) == 0


# --- owned locks ----------------------------------------------------------------------------------


async def test_lock_is_taken_by_the_first_owner_only(valkey: Redis) -> None:
    first = OwnedLock(valkey, keys.sync_lock(1), keys.SYNC_LOCK_TTL)
    second = OwnedLock(valkey, keys.sync_lock(1), keys.SYNC_LOCK_TTL)
    assert await first.acquire() is True
    assert await second.acquire() is False


async def test_lock_taken_with_a_read_in_one_round_trip(valkey: Redis) -> None:
    await valkey.set(keys.access_token(1), b"sealed")
    await valkey.execute_command("RPUSH", keys.access_token(2), b"a list, not a string")
    first = OwnedLock(valkey, keys.sync_lock(1), keys.SYNC_LOCK_TTL)
    second = OwnedLock(valkey, keys.sync_lock(1), keys.SYNC_LOCK_TTL)
    assert await first.acquire_reading(keys.access_token(1)) == (True, b"sealed")
    assert await second.acquire_reading(keys.access_token(1)) == (False, b"sealed")
    assert await valkey.get(keys.sync_lock(1)) == first.token.encode()
    # A read that fails on its own (wrong type) does not undo the lock taken with it.
    third = OwnedLock(valkey, keys.sync_lock(2), keys.SYNC_LOCK_TTL)
    assert await third.acquire_reading(keys.access_token(2)) == (True, None)
    assert await third.release() is True


async def test_lock_released_with_a_write_in_one_round_trip(valkey: Redis) -> None:
    first = OwnedLock(valkey, keys.sync_lock(1), keys.SYNC_LOCK_TTL)
    second = OwnedLock(valkey, keys.sync_lock(1), keys.SYNC_LOCK_TTL)
    await first.acquire()
    # Not the owner: the lock stays the first owner's.
    assert await second.release_writing(keys.access_token(1), "older", 60) is False
    assert await valkey.get(keys.sync_lock(1)) == first.token.encode()
    assert await first.release_writing(keys.access_token(1), "sealed", 600) is True
    assert await valkey.exists(keys.sync_lock(1)) == 0
    assert await valkey.get(keys.access_token(1)) == b"sealed"
    assert 590 <= await valkey.ttl(keys.access_token(1)) <= 600


async def test_lock_expires_with_the_sync_lock_ttl(valkey: Redis) -> None:
    lock = OwnedLock(valkey, keys.sync_lock(1), keys.SYNC_LOCK_TTL)
    await lock.acquire()
    assert 0 < await valkey.pttl(keys.sync_lock(1)) <= keys.SYNC_LOCK_TTL * 1000


async def test_another_owner_cannot_release_the_lock(valkey: Redis) -> None:
    first = OwnedLock(valkey, keys.sync_lock(1), keys.SYNC_LOCK_TTL)
    second = OwnedLock(valkey, keys.sync_lock(1), keys.SYNC_LOCK_TTL)
    await first.acquire()
    assert await second.release() is False
    assert await valkey.get(keys.sync_lock(1)) == first.token.encode()


async def test_another_owner_cannot_renew_the_lock(valkey: Redis) -> None:
    first = OwnedLock(valkey, keys.sync_lock(1), 2)
    second = OwnedLock(valkey, keys.sync_lock(1), 300)
    await first.acquire()
    assert await second.renew() is False
    assert await valkey.pttl(keys.sync_lock(1)) <= 2000


async def test_renew_pushes_the_expiry_back(valkey: Redis) -> None:
    lock = OwnedLock(valkey, keys.sync_lock(1), 2)
    await lock.acquire()
    await asyncio.sleep(0.4)
    before = await valkey.pttl(keys.sync_lock(1))
    assert await lock.renew() is True
    after = await valkey.pttl(keys.sync_lock(1))
    assert before <= 1700
    assert after > before + 200


async def test_release_by_the_owner_frees_the_lock(valkey: Redis) -> None:
    first = OwnedLock(valkey, keys.sync_lock(1), keys.SYNC_LOCK_TTL)
    second = OwnedLock(valkey, keys.sync_lock(1), keys.SYNC_LOCK_TTL)
    await first.acquire()
    assert await first.release() is True
    assert await second.acquire() is True


async def test_expired_lock_can_be_taken_by_another_owner(valkey: Redis) -> None:
    first = OwnedLock(valkey, keys.sync_lock(1), 0.2)
    second = OwnedLock(valkey, keys.sync_lock(1), keys.SYNC_LOCK_TTL)
    await first.acquire()
    await asyncio.sleep(0.3)
    assert await second.acquire() is True


async def test_release_after_expiry_leaves_the_new_owners_lock_in_place(valkey: Redis) -> None:
    first = OwnedLock(valkey, keys.sync_lock(1), 0.2)
    second = OwnedLock(valkey, keys.sync_lock(1), keys.SYNC_LOCK_TTL)
    await first.acquire()
    await asyncio.sleep(0.3)
    await second.acquire()
    assert await first.release() is False
    assert await valkey.get(keys.sync_lock(1)) == second.token.encode()


async def test_renew_after_expiry_reports_the_lock_lost(valkey: Redis) -> None:
    first = OwnedLock(valkey, keys.sync_lock(1), 0.2)
    second = OwnedLock(valkey, keys.sync_lock(1), keys.SYNC_LOCK_TTL)
    await first.acquire()
    await asyncio.sleep(0.3)
    await second.acquire()
    assert await first.renew() is False
    assert await valkey.pttl(keys.sync_lock(1)) > keys.SYNC_LOCK_TTL * 1000 // 2


# --- fixed-window limits --------------------------------------------------------------------------


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self, now: float = 1_700_000_040.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def limit_key(start: int) -> str:
    return keys.limit("test", "client", start)


async def test_limit_allows_limit_hits_then_asks_to_wait_until_the_window_ends(
    valkey: Redis,
) -> None:
    clock = Clock(1_700_000_040.25)  # 0.25 s into a 10 s window
    waits = [await hit_limit(valkey, limit_key, 3, 10, clock) for _ in range(4)]
    assert waits == [0, 0, 0, 10]
    clock.now += 6
    assert await hit_limit(valkey, limit_key, 3, 10, clock) == 4


async def test_limit_resets_in_a_new_window(valkey: Redis) -> None:
    clock = Clock()
    for _ in range(4):
        await hit_limit(valkey, limit_key, 3, 10, clock)
    clock.now += 10
    assert await hit_limit(valkey, limit_key, 3, 10, clock) == 0


async def test_wait_never_exceeds_the_window(valkey: Redis) -> None:
    waits = [await hit_limit(valkey, limit_key, 1, 60) for _ in range(3)]
    assert 0 < max(waits) <= 60


async def test_limit_counters_expire(valkey: Redis) -> None:
    await hit_limit(valkey, limit_key, 3, 60)
    (key,) = await valkey.keys("limit:test:client:*")
    assert 0 < await valkey.ttl(key) <= 61


async def test_limits_of_different_clients_are_separate(valkey: Redis) -> None:
    def other(start: int) -> str:
        return keys.limit("test", "other", start)

    for _ in range(2):
        await hit_limit(valkey, limit_key, 1, 60)
    assert await hit_limit(valkey, other, 1, 60) == 0


# --- Valkey down ----------------------------------------------------------------------------------


async def test_read_through_serves_the_loader_when_valkey_is_down(
    stoppable: tuple[EmbeddedValkey, Redis],
) -> None:
    server, client = stoppable
    loader = Loader(["from-db"])
    assert await read_through(client, "cache:test", loader) == ["from-db"]
    assert await read_through(client, "cache:test", loader) == ["from-db"]
    assert loader.calls == 1
    await asyncio.to_thread(server.stop)
    assert await read_through(client, "cache:test", loader) == ["from-db"]
    assert loader.calls == 2


async def test_reads_through_with_valkey_down_log_one_warning_for_the_outage(
    stoppable: tuple[EmbeddedValkey, Redis], caplog: pytest.LogCaptureFixture
) -> None:
    server, client = stoppable
    await asyncio.to_thread(server.stop)
    caplog.set_level(logging.WARNING, logger="shared.cache")
    for _ in range(10):
        assert await read_through(client, "cache:test", Loader(["x"])) == ["x"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "Valkey did not answer" in warnings[0], warnings


async def test_drop_with_valkey_down_logs_a_warning_and_does_not_raise(
    stoppable: tuple[EmbeddedValkey, Redis], caplog: pytest.LogCaptureFixture
) -> None:
    server, client = stoppable
    await asyncio.to_thread(server.stop)
    caplog.set_level(logging.WARNING, logger="shared.cache")
    await drop(client, keys.contests("codeforces"))
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
