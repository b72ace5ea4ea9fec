"""Calendar sync throughput of one worker process against the fake Google with real latency.

N users × M contests are synced by a real arq worker (burst mode) against `tests/fakes/google.py`
with a per-request latency. In the same run, a baseline writes one event per HTTP request,
sequentially and without batching (how the Go service worked), for a sample of the same users and
contests. Prints events written per second for both, their ratio, the worker's CPU capacity, the
cost of a resync of a user whose calendar is already up to date (Google requests per user: the
access token is reused, so 1.00) and the peak RSS of the process the worker runs in.

The first syncs run in rounds (`--rounds`, 3), each a worker run over its own fresh users: CPU
time per user drifts by tens of percent from run to run on a shared VM, so every round is
printed and the median one gives the throughput and the CPU capacity.

Services: TEST_POSTGRES_DSN / TEST_VALKEY_URI when set, else embedded throwaway servers.

    python bench/sync.py [--users 200] [--contests 40] [--latency 0.03] [--baseline-users 5]
                         [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import resource
import secrets
import sys
import tempfile
import time
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import aiohttp
import asyncpg
from pydantic import SecretStr

# The repository root in place of bench/: `bench.` and the project import as packages, and
# bench/discord.py does not hide the discord package.
sys.path.pop(0)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.worker.settings import build_worker
from shared.calendar.plan import build_event
from shared.config import Settings, load_settings
from shared.db import contests as cq
from shared.db import users as uq
from shared.db.migrate import migrate
from shared.embedded import EmbeddedPostgres, EmbeddedValkey
from shared.jobs import enqueue_sync
from shared.models import Contest
from shared.resources import Resources, open_resources, settle_heap

PLATFORMS = ("codeforces", "leetcode", "codechef", "atcoder")


async def services(stack: AsyncExitStack, tmp: Path) -> tuple[str, str]:
    pg = os.environ.get("TEST_POSTGRES_DSN")
    if not pg:
        server = EmbeddedPostgres(tmp / "pg" / "data", delete_on_stop=True)
        (tmp / "pg").mkdir()
        pg = await asyncio.to_thread(server.start)
        stack.callback(server.stop)
    vk = os.environ.get("TEST_VALKEY_URI")
    if not vk:
        valkey = EmbeddedValkey(tmp / "valkey", persist=False)
        vk = await asyncio.to_thread(valkey.start)
        stack.callback(valkey.stop)
    name = f"contestsync_bench_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(pg)
    await admin.execute(f'CREATE DATABASE "{name}"')

    async def drop() -> None:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()

    stack.push_async_callback(drop)
    parts = urlsplit(pg)
    dsn = urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))
    conn = await asyncpg.connect(dsn)
    await migrate(conn)
    await conn.close()
    return dsn, vk


async def bench_settings(stack: AsyncExitStack, **overrides: object) -> Settings:
    """Settings of a benchmark run: its own database and Valkey (`services`), test keys, a
    temporary DATA_DIR, and `overrides`."""
    tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="cs-bench-")))
    dsn, vk = await services(stack, tmp)
    return load_settings(
        POSTGRES_DB=SecretStr(dsn),
        VALKEY_URI=SecretStr(vk),
        ENV="test",
        SESSION_SECRET="11" * 32,
        ENCRYPTION_KEY="22" * 32,
        DATA_DIR=tmp / "data",
        **overrides,
    )


class Google:
    """The fake Google in its own process, driven over its /_bench routes."""

    def __init__(self, base_url: str, http: aiohttp.ClientSession) -> None:
        self.base_url = base_url
        self.http = http

    async def account(self, sub: str) -> tuple[str, str]:
        """A connected account: (refresh token, id of its "Contests" calendar)."""
        async with self.http.post(f"{self.base_url}/_bench/account", params={"sub": sub}) as r:
            data = await r.json()
        return str(data["refresh_token"]), str(data["calendar_id"])

    async def latency(self, seconds: float) -> None:
        async with self.http.post(f"{self.base_url}/_bench/faults", params={"latency": seconds}):
            pass

    async def stats(self) -> dict[str, float]:
        async with self.http.get(f"{self.base_url}/_bench/stats") as r:
            return dict(await r.json())


async def start_google(stack: AsyncExitStack) -> Google:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        str(Path(__file__).with_name("google_process.py")),
        stdout=asyncio.subprocess.PIPE,
    )

    async def stop() -> None:
        proc.kill()
        await proc.wait()

    stack.push_async_callback(stop)
    assert proc.stdout is not None
    base = (await asyncio.wait_for(proc.stdout.readline(), 30)).decode().strip()
    http = aiohttp.ClientSession()
    stack.push_async_callback(http.close)
    return Google(base, http)


async def seed(res: Resources, google: Google, users: int, contests: int) -> list[int]:
    now = datetime.now(UTC).replace(microsecond=0)
    per = contests // len(PLATFORMS) + 1
    async with res.db.write.acquire() as conn, conn.transaction():
        for p in PLATFORMS:
            rows = [
                Contest(
                    p,
                    f"b{i}",
                    f"Bench {p} {i}",
                    f"https://example.com/{p}/{i}",
                    now + timedelta(hours=6 + i),
                    now + timedelta(hours=8 + i),
                )
                for i in range(per)
            ]
            await cq.upsert_contests(
                conn, p, rows[: max(0, contests - PLATFORMS.index(p) * per)], now
            )
    ids = []
    for n in range(users):
        sub = f"user-{n}"
        token, calendar_id = await google.account(sub)
        async with res.db.write.acquire() as conn, conn.transaction():
            identity = await uq.upsert_identity(conn, "telegram", str(10_000 + n), str(10_000 + n))
            uid = identity.user_id
            sealed = res.cipher.encrypt(token, uid)
            await uq.link_google_account(conn, uid, sub, f"{sub}@example.com", sealed)
            await uq.update_calendar_id(conn, uid, calendar_id)
        ids.append(uid)
    return ids


class GcClock:
    """CPU time spent in garbage collection while `running` (timed by `gc.callbacks`)."""

    def __init__(self) -> None:
        self.running = False
        self.seconds = 0.0
        self._began = 0.0
        gc.callbacks.append(self._note)

    def _note(self, phase: str, _info: dict[str, int]) -> None:
        if not self.running:
            return
        if phase == "start":
            self._began = time.process_time()
        else:
            self.seconds += time.process_time() - self._began


GC_CLOCK = GcClock()


async def run_worker(res: Resources, user_ids: list[int]) -> tuple[float, float]:
    """Queue one sync per user and let one worker run them all.

    Returns the wall time and the worker process's CPU time per user (ms).
    """
    await res.db.write.execute(
        "UPDATE users SET sync_status = 'queued' WHERE id = ANY($1::bigint[])", user_ids
    )
    worker = build_worker(res, handle_signals=False)
    worker.cron_jobs = []  # only the queued syncs
    for uid in user_ids:  # queued first: the figure is the worker's, not the producer's
        await enqueue_sync(res.arq, uid)
    started, cpu = time.perf_counter(), time.process_time()
    GC_CLOCK.running = True
    task = asyncio.create_task(worker.main())
    while await res.db.write.fetchval(  # noqa: ASYNC110 - polling another process's work
        "SELECT count(*) FROM users WHERE sync_status IN ('queued', 'running')"
    ):
        await asyncio.sleep(0.05)
    elapsed = time.perf_counter() - started
    cpu_ms = (time.process_time() - cpu) / len(user_ids) * 1000
    GC_CLOCK.running = False
    while await res.arq.zcard("arq:queue"):  # noqa: ASYNC110 - let arq finish its bookkeeping
        await asyncio.sleep(0.05)
    await worker.close()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    return elapsed, cpu_ms


async def baseline(res: Resources, google: Google, user_ids: list[int]) -> tuple[int, float]:
    """One POST per event, one after another: the Go service's way."""
    labels = {p: p.title() for p in PLATFORMS}
    written = 0
    started = time.perf_counter()
    async with aiohttp.ClientSession() as http:
        for uid in user_ids:
            user = await uq.get_user(res.db.write, uid)
            assert user is not None and user.refresh_token_enc
            token = res.cipher.decrypt(user.refresh_token_enc, uid)
            form = {
                "grant_type": "refresh_token",
                "refresh_token": token,
                "client_id": "bench",
                "client_secret": "bench-secret",
            }
            async with http.post(f"{google.base_url}/token", data=form) as resp:
                access = (await resp.json())["access_token"]
            headers = {"Authorization": f"Bearer {access}"}
            async with http.post(
                f"{google.base_url}/calendar/v3/calendars",
                headers=headers,
                json={"summary": "Baseline", "timeZone": "UTC"},
            ) as resp:
                cal = (await resp.json())["id"]
            for contest in await cq.list_upcoming(res.db.write, datetime.now(UTC)):
                body = build_event(contest, labels[contest.platform], [30, 10]).body
                body = {**body, "id": body["id"][:-1] + "0"}  # a fresh id per calendar
                async with http.post(
                    f"{google.base_url}/calendar/v3/calendars/{cal}/events",
                    headers=headers,
                    json=body,
                ) as resp:
                    assert resp.status == 200, resp.status
                written += 1
    return written, time.perf_counter() - started


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--contests", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.03, help="seconds added per request")
    parser.add_argument("--baseline-users", type=int, default=5)
    parser.add_argument(
        "--rounds", type=int, default=3, help="first syncs of that many groups of fresh users"
    )
    args = parser.parse_args()

    async with AsyncExitStack() as stack:
        google = await start_google(stack)
        base = google.base_url
        settings = await bench_settings(
            stack,
            GOOGLE_CLIENT_ID="bench",
            GOOGLE_CLIENT_SECRET="bench-secret",
            GOOGLE_TOKEN_URL=f"{base}/token",
            GOOGLE_REVOKE_URL=f"{base}/revoke",
            GOOGLE_API_URL=base,
            CONNECTION_LIMIT=30,
        )
        res = await open_resources(settings, stack)
        await res.valkey.flushdb()
        seeded = await seed(res, google, args.users * args.rounds, args.contests)
        groups = [seeded[i * args.users : (i + 1) * args.users] for i in range(args.rounds)]
        await google.latency(args.latency)
        settle_heap()  # as `contestsync worker` does once started

        # One worker run per group of fresh users: each round is a first sync of `users` users.
        # CPU time on a shared VM drifts from run to run; the median round is the one reported.
        measured = []
        gc_before = GC_CLOCK.seconds
        for group in groups:
            before = await google.stats()
            elapsed, cpu_ms = await run_worker(res, group)
            after = await google.stats()
            events = int(after["events"] - before["events"])
            fake_cpu = after["cpu_seconds"] - before["cpu_seconds"]
            measured.append((cpu_ms, elapsed, events, fake_cpu))
        gc_ms = (GC_CLOCK.seconds - gc_before) * 1000
        first_cpu_ms = sum(m[0] for m in measured) * args.users
        cpu_ms, elapsed, events, fake_cpu = sorted(measured)[len(measured) // 2]
        statuses = await res.db.write.fetch("SELECT sync_status, count(*) FROM users GROUP BY 1")
        rate = events / elapsed
        user_ids = groups[0]

        before = await google.stats()
        resync, resync_cpu_ms = await run_worker(res, user_ids)
        after = await google.stats()
        resync_calls = after["calls"] - before["calls"]
        resync_writes = after["writes"] - before["writes"]
        resync_refreshes = after["refreshes"] - before["refreshes"]
        # The worker runs in this process: its peak resident set is the worker's memory figure.
        peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        sample = user_ids[: args.baseline_users]
        base_events, base_elapsed = await baseline(res, google, sample)
        base_rate = base_events / base_elapsed

    lines = [
        (
            "users × contests",
            f"{args.users} × {args.contests}, latency {args.latency * 1e3:.0f} ms",
        ),
        (
            "first syncs",
            f"{args.rounds} rounds of {args.users} fresh users, ms CPU per user: "
            + ", ".join(f"{m[0]:.1f}" for m in measured)
            + " (all users: "
            + ", ".join(f"{r[0]} {r[1]}" for r in statuses)
            + ")",
        ),
        ("events written", f"{events} in {elapsed:.2f} s (the median round)"),
        (
            "sync throughput",
            f"{rate:,.0f} events/s in one worker process "
            f"({cpu_ms:.1f} ms CPU per user; the fake Google used {fake_cpu:.1f} s CPU apart)",
        ),
        (
            "baseline, sequential",
            f"{base_rate:,.1f} events/s ({base_events} events, "
            f"{len(sample)} users, one request per event)",
        ),
        ("ratio", f"{rate / base_rate:,.1f}x"),
        (
            "worker CPU capacity",
            f"{1000 * args.contests / cpu_ms:,.0f} events per CPU-second "
            "(what one worker process does with a core to itself; the median round, the rounds "
            + " / ".join(f"{1000 * args.contests / m[0]:,.0f}" for m in measured)
            + ")",
        ),
        (
            "garbage collection",
            f"{gc_ms:,.0f} ms of the first syncs' {first_cpu_ms:,.0f} ms CPU "
            f"(thresholds {'/'.join(map(str, gc.get_threshold()))})",
        ),
        (
            "no-change resync",
            f"{resync / len(user_ids) * 1000:.1f} ms wall and "
            f"{resync_cpu_ms:.1f} ms CPU per user, {resync_calls / len(user_ids):.2f} requests "
            f"per user ({resync_refreshes} token refreshes), {resync_writes} writes",
        ),
        (
            "worker peak RSS",
            f"{peak_rss_mb:,.0f} MB after the first syncs of {args.users * args.rounds} users "
            f"and a resync of {args.users} (goal ≤ 200 MB)",
        ),
    ]
    for name, value in lines:
        print(f"{name:<22}{value}")


if __name__ == "__main__":
    # As in `contestsync worker`: the worker runs on uvloop.
    import uvloop

    uvloop.run(main())
