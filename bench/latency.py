"""What the bot latency benchmarks (`bench/bot.py`, `bench/discord.py`) share: the contests they
list, running each bot in turn, and describing what was measured.

The bots run in alternating rounds (baseline, ours, baseline, ours, …) and each one's latencies
are pooled over its rounds, so a machine that warms up or gets busier during the run weighs on
both sides alike instead of on whichever ran last.
"""

from __future__ import annotations

import argparse
import statistics
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from bench.sync import bench_settings
from shared.db import contests as cq
from shared.models import Contest
from shared.platforms.registry import PLATFORMS
from shared.resources import Resources, open_resources

Outcome = tuple[list[float], int]
Run = Callable[[], Awaitable[Outcome]]
OURS = "ContestSync bot"


@dataclass
class Measured:
    """One bot's latencies (seconds) over every round, and its failed or unanswered commands."""

    latencies: list[float] = field(default_factory=list)
    failed: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.latencies) * 1000

    @property
    def p99(self) -> float:
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[98] * 1000

    def describe(self) -> str:
        worst = max(self.latencies) * 1000
        return f"median {self.median:6.1f} ms   p99 {self.p99:6.1f} ms   max {worst:6.1f} ms"


async def seed(res: Resources, count: int) -> None:
    """`count` contests over the next week, spread over every platform."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    names = list(PLATFORMS)
    per: dict[str, list[Contest]] = defaultdict(list)
    for i in range(count):
        platform = names[i % len(names)]
        start = now + timedelta(hours=2 + (i * 150) // count)
        per[platform].append(
            Contest(
                platform,
                f"bench-{i}",
                f"Bench Round {i}",
                f"https://example.com/{platform}/{i}",
                start,
                start + timedelta(hours=2),
            )
        )
    async with res.db.write.acquire() as conn, conn.transaction():
        for platform, contests in per.items():
            await cq.upsert_contests(conn, platform, contests, now)


@dataclass(frozen=True)
class Baseline:
    """The bot ours is measured against, and how the report names and judges the comparison."""

    name: str  # the baseline answering a fixed short text
    goal: str
    same: str  # the baseline answering with the page our bot sent
    same_label: str
    same_goal: str
    failed: str  # what a failed command is called: "failed sends", "unanswered"


async def compare(
    args: argparse.Namespace,
    baseline: Baseline,
    run_base: Callable[[Resources, dict[str, Any] | None], Awaitable[Outcome]],
    run_ours: Callable[[Resources, list[dict[str, Any]]], Awaitable[Outcome]],
) -> dict[str, Measured]:
    """Seed the contests, then alternate the baseline, our bot (which appends the page it sent
    to its list) and, for context, the baseline answering with that same page."""
    async with AsyncExitStack() as stack:
        res = await open_resources(await bench_settings(stack), stack)
        await res.valkey.flushdb()
        await seed(res, args.contests)

        sample: list[dict[str, Any]] = []
        return await alternate(
            [
                (baseline.name, lambda: run_base(res, None)),
                (OURS, lambda: run_ours(res, sample)),
                (baseline.same, lambda: run_base(res, sample[0])),
            ],
            args.rounds,
        )


def report(load: str, results: dict[str, Measured], baseline: Baseline) -> None:
    """Print the load, each bot's figures and our bot's ratios to the baseline."""
    print(load)
    for name, measured in results.items():
        extra = f"   ({measured.failed} {baseline.failed})" if measured.failed else ""
        print(f"{name:<18}{measured.describe()}{extra}")
    ours = results[OURS]
    print(ratio_line("ratio", ours, results[baseline.name], baseline.goal))
    print(ratio_line(baseline.same_label, ours, results[baseline.same], baseline.same_goal))


async def alternate(runs: Sequence[tuple[str, Run]], rounds: int) -> dict[str, Measured]:
    """Every run once per round, in the given order, latencies pooled by name."""
    results = {name: Measured() for name, _ in runs}
    for _ in range(rounds):
        for name, run in runs:
            latencies, failed = await run()
            results[name].latencies.extend(latencies)
            results[name].failed += failed
    return results


def ratio_line(label: str, ours: Measured, base: Measured, goal: str) -> str:
    """`label  median N.NNx   p99 N.NNx (goal)`."""
    return (
        f"{label:<18}median {ours.median / base.median:.2f}x   "
        f"p99 {ours.p99 / base.p99:.2f}x ({goal})"
    )


def parse_load_args(parser: argparse.ArgumentParser) -> argparse.Namespace:
    """The load options both bot benchmarks take (after the count the caller added)."""
    parser.add_argument("--rate", type=float, default=20.0, help="commands per second")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--contests", type=int, default=60)
    parser.add_argument(
        "--warmup", type=int, default=None, help="sent before measuring (default: one per user)"
    )
    parser.add_argument("--rounds", type=int, default=2, help="alternating runs of each bot")
    args = parser.parse_args()
    if args.warmup is None:  # a person's first command creates their account: once in a life
        args.warmup = args.users
    return args
