"""What the bot latency benchmarks (`bench/bot.py`, `bench/discord.py`) share: running each bot
in turn, and describing what was measured.

The bots run in alternating rounds (baseline, ours, baseline, ours, …) and each one's latencies
are pooled over its rounds, so a machine that warms up or gets busier during the run weighs on
both sides alike instead of on whichever ran last.
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

Run = Callable[[], Awaitable[tuple[list[float], int]]]


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
