"""/api/contests and / of the real backend under wrk, next to aiohttp serving the same bytes.

Starts `contestsync web` on loopback (a process of its own, uvloop, as in production)
against PostgreSQL and Valkey (TEST_POSTGRES_DSN / TEST_VALKEY_URI, else embedded throwaway
servers) with 210 contests seeded, and in the same run an aiohttp hello-world process answering
the bytes the backend answered. wrk (Debian's package, installed here when missing and allowed;
else an aiohttp client pool) loads each in turn on one connection pool. Prints requests/s of
each, their ratio (goal ≥ 0.5), p99 latency and the errors (non-2xx answers and socket errors),
and the backend's peak RSS.

The per-IP rate limit is off for the run (WEB_RATE_LIMIT=0): every request comes from 127.0.0.1,
and 120 a minute is not what is measured here.

The backend and the hello-world server are loaded in turns, `--rounds` runs of each per path
(5 of 2 s by default), and each figure is the mean of its runs: a machine whose load changes
during the run (another benchmark beside this one) then weighs on both alike, where one run of
each in a row could catch it in one run only and swing the ratio by half.

    python bench/api.py [--contests 210] [--seconds 10] [--rounds 5] [--connections 50]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import asyncpg
from redis.asyncio import Redis

# The repository root in place of bench/: `bench.` and the project import as packages, and
# bench/discord.py does not hide the discord package.
sys.path.pop(0)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.sync import services
from shared.db import contests as cq
from shared.models import Contest
from shared.platforms.registry import PLATFORMS

ROOT = Path(__file__).resolve().parents[1]

HELLO = """
import sys
from pathlib import Path
import uvloop
from aiohttp import web

body = Path(sys.argv[2]).read_bytes()
content_type = sys.argv[3]

async def hello(request):
    return web.Response(body=body, headers={"Content-Type": content_type})

app = web.Application()
app.router.add_get("/", hello)
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None,
            print=None, loop=uvloop.new_event_loop())
"""


@dataclass(frozen=True, slots=True)
class Load:
    """What one load run measured."""

    requests_per_s: float
    p99_ms: float
    errors: int
    tool: str


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def find_wrk() -> str | None:
    """wrk on PATH, or installed from Debian when this runs as root with apt-get."""
    found = shutil.which("wrk")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    print("wrk is missing: apt-get install -y wrk", file=sys.stderr)
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "wrk"],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return shutil.which("wrk")


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


async def run_wrk(wrk: str, url: str, seconds: int, connections: int) -> Load:
    proc = await asyncio.create_subprocess_exec(
        wrk,
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        url,
        stdout=asyncio.subprocess.PIPE,
    )
    out = (await proc.communicate())[0].decode()
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])  # type: ignore[index]
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out)[1])  # type: ignore[index]
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match[1])
    if match := re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(n) for n in match.groups())
    return Load(rate, p99, errors, "wrk")


async def run_pool(url: str, seconds: int, connections: int) -> Load:
    """The fallback without wrk: `connections` aiohttp clients in a loop (this process's CPU
    then limits the figures of both servers alike)."""
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    limit = aiohttp.TCPConnector(limit=connections)

    async with aiohttp.ClientSession(connector=limit) as http:

        async def client() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                try:
                    async with http.get(url) as resp:
                        await resp.read()
                        errors += resp.status >= 400
                except aiohttp.ClientError:
                    errors += 1
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(connections)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else 0.0
    return Load(len(latencies) / elapsed, p99, errors, "aiohttp client pool")


async def load(wrk: str | None, url: str, seconds: int, connections: int) -> Load:
    if wrk:
        return await run_wrk(wrk, url, seconds, connections)
    return await run_pool(url, seconds, connections)


def combine(runs: list[Load]) -> Load:
    """Runs of equal length as one: the mean rate, the worst p99, every error."""
    return Load(
        sum(run.requests_per_s for run in runs) / len(runs),
        max(run.p99_ms for run in runs),
        sum(run.errors for run in runs),
        runs[0].tool,
    )


async def seed(dsn: str, count: int) -> None:
    """`count` upcoming contests over the next 14 days, spread over every platform."""
    now = datetime.now(UTC).replace(microsecond=0)
    names = list(PLATFORMS)
    rows: dict[str, list[Contest]] = {name: [] for name in names}
    for i in range(count):
        platform = names[i % len(names)]
        rows[platform].append(
            Contest(
                platform,
                f"bench{i}",
                f"{PLATFORMS[platform].label} Programming Round {1000 + i} (Div. {1 + i % 3})",
                f"https://example.com/{platform}/contests/{1000 + i}",
                now + timedelta(hours=1 + i * 13 * 24 // max(count, 1)),
                now + timedelta(hours=3 + i * 13 * 24 // max(count, 1)),
            )
        )
    conn = await asyncpg.connect(dsn)
    try:
        async with conn.transaction():
            for platform, contests in rows.items():
                await cq.upsert_contests(conn, platform, contests, now)
    finally:
        await conn.close()


async def start(stack: AsyncExitStack, args: list[str], env: dict[str, str], log: Path) -> int:
    """Run `args` until `stack` closes; its pid."""
    sink = log.open("wb")
    stack.callback(sink.close)
    proc = await asyncio.create_subprocess_exec(
        *args, env=env, cwd=ROOT, stdout=sink, stderr=asyncio.subprocess.STDOUT
    )

    async def stop() -> None:
        if proc.returncode is None:
            proc.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(proc.wait(), 10)
            except TimeoutError:
                proc.kill()
                await proc.wait()

    stack.push_async_callback(stop)
    return proc.pid


def peak_rss_mb(pid: int) -> float:
    """The most memory process `pid` has held resident so far (VmHWM), in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status)[1]) / 1024  # type: ignore[index]


async def until_up(url: str, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            try:
                async with http.get(url) as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    tail = (await asyncio.to_thread(log.read_text))[-3000:]
    raise SystemExit(f"{url} did not come up; its log:\n{tail}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contests", type=int, default=210)
    parser.add_argument("--seconds", type=int, default=10, help="per server and path")
    parser.add_argument("--rounds", type=int, default=5, help="turns the --seconds are cut in")
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args()
    wrk = find_wrk()

    async with AsyncExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="cs-bench-api-")))
        dsn, vk = await services(stack, tmp)
        await seed(dsn, args.contests)
        valkey = Redis.from_url(vk)
        await valkey.flushdb()  # a database of its own: nothing cached from another run
        await valkey.aclose()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("POSTGRES", "VALKEY"))},
            "POSTGRES_DB": dsn,
            "VALKEY_URI": vk,
            "ENV": "test",
            "HOST": "127.0.0.1",
            "PORT": str(port),
            "PUBLIC_BASE_URL": base,
            "SESSION_SECRET": secrets.token_hex(32),
            "ENCRYPTION_KEY": secrets.token_hex(32),
            "DATA_DIR": str(tmp / "data"),
            "WEB_RATE_LIMIT": "0",  # out of the way: every request comes from 127.0.0.1
        }
        backend_log = tmp / "backend.log"
        backend = await start(stack, [sys.executable, "-m", "backend.cli", "web"], env, backend_log)
        await until_up(f"{base}/healthz", backend_log)

        results: list[tuple[str, int, Load, Load]] = []
        async with aiohttp.ClientSession() as http:
            for path in ("/api/contests", "/"):
                async with http.get(base + path) as resp:
                    assert resp.status == 200, resp.status
                    body, content_type = await resp.read(), resp.headers["Content-Type"]
                if path == "/api/contests":
                    count = (await resp.json())["count"]
                    assert count == args.contests, f"the API lists {count} contests"
                saved = tmp / "body"
                saved.write_bytes(body)
                hello_port = free_port()
                async with AsyncExitStack() as hello_stack:
                    hello_log = tmp / "hello.log"
                    await start(
                        hello_stack,
                        [sys.executable, "-c", HELLO, str(hello_port), str(saved), content_type],
                        env,
                        hello_log,
                    )
                    hello_url = f"http://127.0.0.1:{hello_port}/"
                    await until_up(hello_url, hello_log)
                    slice_ = max(1, args.seconds // args.rounds)
                    runs: tuple[list[Load], list[Load]] = ([], [])
                    for _ in range(args.rounds):
                        runs[0].append(await load(wrk, base + path, slice_, args.connections))
                        runs[1].append(await load(wrk, hello_url, slice_, args.connections))
                results.append((path, len(body), combine(runs[0]), combine(runs[1])))
        backend_rss = peak_rss_mb(backend)

    tool = results[0][2].tool
    print(
        f"load: {tool}, {args.connections} connections, {args.seconds} s per server and path "
        f"in {args.rounds} turns, loopback; "
        f"{args.contests} contests; per-IP rate limit off for the run (WEB_RATE_LIMIT=0)"
    )
    for path, size, ours, hello in results:
        print(
            f"{path:<14} {size / 1024:5.0f} KiB  backend {ours.requests_per_s:9,.0f} req/s "
            f"p99 {ours.p99_ms:7.2f} ms errors {ours.errors} | aiohttp hello-world, same bytes "
            f"{hello.requests_per_s:9,.0f} req/s p99 {hello.p99_ms:7.2f} ms errors {hello.errors}"
            f" | ratio {ours.requests_per_s / hello.requests_per_s:.2f} (goal ≥ 0.5)"
        )
    print(
        f"web backend peak RSS {backend_rss:,.0f} MB after the load (the worker's, syncing "
        "10,000 users, goal ≤ 200 MB: python bench/sync.py --users 10000 --rounds 1)"
    )


if __name__ == "__main__":
    asyncio.run(main())
