"""Parse throughput of every platform on a full-history payload.

Each payload is built from the shared fixture of that platform, with its entries repeated under
fresh ids until it is as long as the real full listing (Codeforces ~2,000 contests, LeetCode ~800,
…). Prints entries per payload, payload size, and parses and entries per second.

    python bench/parse.py [--seconds 1.0]
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from shared.platforms.registry import PLATFORMS

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "data" / "platforms"
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def _grow(items: list[dict], target: int, rename: Callable[[dict, int], None]) -> list[dict]:
    out = []
    for i in range(target):
        item = copy.deepcopy(items[i % len(items)])
        rename(item, i)
        out.append(item)
    return out


def build_codeforces() -> tuple[bytes, int]:
    data = json.loads((FIXTURES / "codeforces/contest_list.json").read_bytes())

    def rename(c: dict, i: int) -> None:
        c["id"] = 10_000 + i

    data["result"] = _grow(data["result"], 2000, rename)
    return json.dumps(data).encode(), 2000


def build_leetcode() -> tuple[bytes, int]:
    data = json.loads((FIXTURES / "leetcode/all_contests.json").read_bytes())
    nodes = data["data"]["allContests"]

    def rename(c: dict, i: int) -> None:
        c["titleSlug"] = f"contest-{i}"

    data["data"]["allContests"] = _grow(nodes, 800, rename)
    return json.dumps(data).encode(), 800


def build_codechef() -> tuple[bytes, int]:
    data = json.loads((FIXTURES / "codechef/contests_all.json").read_bytes())

    def rename(c: dict, i: int) -> None:
        c["contest_code"] = f"C{i}"

    data["future_contests"] = _grow(data["future_contests"], 300, rename)
    data["past_contests"] = _grow(data["past_contests"] or data["future_contests"], 1700, rename)
    return json.dumps(data).encode(), 2000


def build_atcoder() -> tuple[bytes, int]:
    html = (FIXTURES / "atcoder/contests.html").read_text()
    match = re.search(r'(<div id="contest-table-upcoming">.*?<tbody>)(.*?)(</tbody>)', html, re.S)
    assert match, "upcoming table not found in the AtCoder fixture"
    rows = re.findall(r"<tr>.*?</tr>", match.group(2), re.S)
    grown = []
    for i in range(500):
        row = rows[i % len(rows)]
        grown.append(re.sub(r'href="/contests/([^"]+)"', f'href="/contests/x{i}"', row, count=1))
    page = html[: match.start(2)] + "\n".join(grown) + html[match.end(2) :]
    return page.encode(), 500


def build_hackerrank() -> tuple[bytes, int]:
    data = json.loads((FIXTURES / "hackerrank/upcoming.json").read_bytes())

    def rename(c: dict, i: int) -> None:
        c["slug"] = f"contest-{i}"

    data["models"] = _grow(data["models"], 500, rename)
    return json.dumps(data).encode(), 500


def build_geeksforgeeks() -> tuple[bytes, int]:
    data = json.loads((FIXTURES / "geeksforgeeks/events_contest.json").read_bytes())

    def rename(c: dict, i: int) -> None:
        c["slug"] = f"event-{i}"

    data["results"]["upcoming"] = _grow(data["results"]["upcoming"], 500, rename)
    return json.dumps(data).encode(), 500


def build_code360() -> tuple[bytes, int]:
    data = json.loads((FIXTURES / "code360/contest_list.json").read_bytes())

    def rename(c: dict, i: int) -> None:
        c["slug"] = f"contest-{i}"

    data["data"]["events"] = _grow(data["data"]["events"], 1000, rename)
    return json.dumps(data).encode(), 1000


BUILDERS: dict[str, Callable[[], tuple[bytes, int]]] = {
    "codeforces": build_codeforces,
    "leetcode": build_leetcode,
    "codechef": build_codechef,
    "atcoder": build_atcoder,
    "hackerrank": build_hackerrank,
    "geeksforgeeks": build_geeksforgeeks,
    "code360": build_code360,
}


def measure(name: str, seconds: float) -> tuple[int, int, int, float]:
    payload, entries = BUILDERS[name]()
    parse = PLATFORMS[name].parse
    kept = len(parse(payload, NOW))
    runs = 0
    started = time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        parse(payload, NOW)
        runs += 1
    return entries, len(payload), kept, runs / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="time per platform")
    args = parser.parse_args()
    print(
        f"{'platform':<14}{'entries':>8}{'bytes':>10}{'kept':>6}{'parses/s':>11}{'entries/s':>12}"
    )
    for name in PLATFORMS:
        entries, size, kept, rate = measure(name, args.seconds)
        print(f"{name:<14}{entries:>8}{size:>10}{kept:>6}{rate:>11.1f}{rate * entries:>12.0f}")


if __name__ == "__main__":
    main()
