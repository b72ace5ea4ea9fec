"""The contest platforms ContestSync knows, each a fetch + a pure parse."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from shared.models import Contest
from shared.platforms import (
    atcoder,
    code360,
    codechef,
    codeforces,
    geeksforgeeks,
    hackerrank,
    leetcode,
)
from shared.platforms.http import PlatformClient

Fetch = Callable[[PlatformClient, str], Awaitable[bytes]]
Parse = Callable[[str | bytes, datetime], list[Contest]]


@dataclass(frozen=True, slots=True)
class Platform:
    """A contest site: its key, display name, how to fetch and parse, and how politely."""

    name: str
    label: str
    default_url: str
    fetch: Fetch
    parse: Parse
    # (requests, per seconds): Codeforces asks for at most one call every 2 s.
    rate: tuple[float, float] = (1.0, 1.0)


PLATFORMS: dict[str, Platform] = {
    p.name: p
    for p in (
        Platform(
            leetcode.NAME,
            leetcode.LABEL,
            leetcode.DEFAULT_URL,
            leetcode.fetch_leetcode,
            leetcode.parse_leetcode,
        ),
        Platform(
            codeforces.NAME,
            codeforces.LABEL,
            codeforces.DEFAULT_URL,
            codeforces.fetch_codeforces,
            codeforces.parse_codeforces,
            rate=(1.0, 2.0),
        ),
        Platform(
            codechef.NAME,
            codechef.LABEL,
            codechef.DEFAULT_URL,
            codechef.fetch_codechef,
            codechef.parse_codechef,
        ),
        Platform(
            atcoder.NAME,
            atcoder.LABEL,
            atcoder.DEFAULT_URL,
            atcoder.fetch_atcoder,
            atcoder.parse_atcoder,
        ),
        Platform(
            hackerrank.NAME,
            hackerrank.LABEL,
            hackerrank.DEFAULT_URL,
            hackerrank.fetch_hackerrank,
            hackerrank.parse_hackerrank,
        ),
        Platform(
            geeksforgeeks.NAME,
            geeksforgeeks.LABEL,
            geeksforgeeks.DEFAULT_URL,
            geeksforgeeks.fetch_geeksforgeeks,
            geeksforgeeks.parse_geeksforgeeks,
        ),
        Platform(
            code360.NAME,
            code360.LABEL,
            code360.DEFAULT_URL,
            code360.fetch_code360,
            code360.parse_code360,
        ),
    )
}


def get_platform(name: str) -> Platform:
    """The platform with that key, or KeyError listing the known keys."""
    try:
        return PLATFORMS[name.strip().lower()]
    except KeyError:
        raise KeyError(f"unknown platform {name!r}; known: {', '.join(PLATFORMS)}") from None


def rate_limits() -> dict[str, tuple[float, float]]:
    """Per-platform request rates for PlatformClient."""
    return {name: p.rate for name, p in PLATFORMS.items()}
