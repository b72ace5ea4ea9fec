"""Feed rendering against serving a rendered feed, for a feed of 1,000 contests.

A rendering (icalendar, two reminders per event) happens once per change of contests and per
choice of platforms and reminders; every other request reads the rendering back from Valkey and
only splits off its two header lines. Events are memoised, so a rendering after a scrape that
moved one contest rewrites one event. Prints the three costs per call and their ratios, measured
in the same run. Valkey's own GET is not included (it is the same for all).

    python bench/feeds.py [--contests 1000] [--seconds 1.0]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from shared.feeds import FeedDocument, FeedSpec, _event_block, render_feed
from shared.models import FeedContest
from shared.platforms.registry import PLATFORMS

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def build_contests(count: int) -> list[FeedContest]:
    names = list(PLATFORMS)
    return [
        FeedContest(
            platform=names[i % len(names)],
            external_id=str(10_000 + i),
            title=f"Programming Contest Round {10_000 + i} (Div. {1 + i % 3})",
            url=f"https://example.com/contests/{10_000 + i}",
            starts_at=NOW + timedelta(hours=i),
            ends_at=NOW + timedelta(hours=i, minutes=150),
            updated_at=NOW - timedelta(days=1),
            sequence=i % 4,
            cancelled_at=NOW if i % 50 == 0 else None,
        )
        for i in range(count)
    ]


def per_call(fn: Callable[[], object], seconds: float) -> float:
    """Seconds per call, over at least `seconds` of calls."""
    calls, started = 0, time.perf_counter()
    while True:
        fn()
        calls += 1
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return elapsed / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contests", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args()
    contests = build_contests(args.contests)
    labels = {name: p.label for name, p in PLATFORMS.items()}
    spec = FeedSpec("Contests (ContestSync)", None, (60, 10), personal=True)
    doc = render_feed(spec, contests, "contests.example.org", labels, NOW)
    cached = doc.encode()
    host = "contests.example.org"

    def cold() -> None:
        _event_block.cache_clear()
        render_feed(spec, contests, host, labels, NOW)

    moved = [*contests]
    step = [0]

    def one_changed() -> None:
        # Another start time for one contest each call, as after a scrape that moved it.
        step[0] += 1
        moved[0] = replace(contests[0], starts_at=NOW + timedelta(minutes=step[0]))
        render_feed(spec, moved, host, labels, NOW)

    cold_s = per_call(cold, args.seconds)
    render_feed(spec, contests, host, labels, NOW)
    warm_s = per_call(one_changed, args.seconds)
    serve_s = per_call(lambda: FeedDocument.decode(cached), args.seconds)
    print(f"feed of {args.contests} contests: {len(doc.body) / 1024:.0f} KiB")
    print(f"render, nothing memoised:            {cold_s * 1000:9.2f} ms per feed")
    print(f"render after one contest changed:    {warm_s * 1000:9.2f} ms per feed")
    print(f"serve a cached rendering (per GET):  {serve_s * 1000:9.3f} ms per feed")
    print(f"ratio cold render / serve:           {cold_s / serve_s:9.0f}x")
    print(f"ratio cold render / changed render:  {cold_s / warm_s:9.1f}x")


if __name__ == "__main__":
    main()
