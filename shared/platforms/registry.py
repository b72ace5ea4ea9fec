"""The contest platforms ContestSync knows, each a fetch + a pure parse."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from shared.errors import InvalidArgumentError
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
from shared.platforms.base import Parsed
from shared.platforms.http import PlatformClient

Fetch = Callable[[PlatformClient, str], Awaitable[bytes]]
Parse = Callable[[str | bytes, datetime], list[Contest]]
Read = Callable[[str | bytes, datetime], Parsed]


@dataclass(frozen=True, slots=True)
class Platform:
    """A contest site: its key, display name, how to fetch and read, and how politely.

    Where it is fetched from is a setting (`<NAME>_URL` in shared/config.py, read through
    `Settings.platform_url`), so a test or a mirror can point it elsewhere.
    """

    name: str
    label: str
    fetch: Fetch
    read: Read
    # (requests, per seconds): Codeforces asks for at most one call every 2 s.
    rate: tuple[float, float] = (1.0, 1.0)

    def parse(self, payload: str | bytes, now: datetime) -> list[Contest]:
        """The contests of a payload not ended at `now` (what `read` gives, without the counts)."""
        return self.read(payload, now).contests


PLATFORMS: dict[str, Platform] = {
    p.name: p
    for p in (
        Platform(
            leetcode.NAME,
            leetcode.LABEL,
            leetcode.fetch_leetcode,
            leetcode.read_leetcode,
        ),
        Platform(
            codeforces.NAME,
            codeforces.LABEL,
            codeforces.fetch_codeforces,
            codeforces.read_codeforces,
            rate=(1.0, 2.0),
        ),
        Platform(
            codechef.NAME,
            codechef.LABEL,
            codechef.fetch_codechef,
            codechef.read_codechef,
        ),
        Platform(
            atcoder.NAME,
            atcoder.LABEL,
            atcoder.fetch_atcoder,
            atcoder.read_atcoder,
        ),
        Platform(
            hackerrank.NAME,
            hackerrank.LABEL,
            hackerrank.fetch_hackerrank,
            hackerrank.read_hackerrank,
        ),
        Platform(
            geeksforgeeks.NAME,
            geeksforgeeks.LABEL,
            geeksforgeeks.fetch_geeksforgeeks,
            geeksforgeeks.read_geeksforgeeks,
        ),
        Platform(
            code360.NAME,
            code360.LABEL,
            code360.fetch_code360,
            code360.read_code360,
        ),
    )
}


def get_platform(name: str) -> Platform:
    """The platform with that key, or KeyError listing the known keys."""
    try:
        return PLATFORMS[name.strip().lower()]
    except KeyError:
        raise KeyError(f"unknown platform {name!r}; known: {', '.join(PLATFORMS)}") from None


def parse_platform_list(text: str) -> list[str]:
    """The platform keys a comma-separated list names, in its order, blanks passed over;
    InvalidArgumentError (safe to show) for a name that is no platform."""
    keys: list[str] = []
    for name in text.split(","):
        key = name.strip().lower()
        if not key:
            continue
        if key not in PLATFORMS:
            raise InvalidArgumentError(
                f"unknown platform {name.strip()[:40]!r}; known: {', '.join(PLATFORMS)}"
            )
        keys.append(key)
    return keys


def rate_limits() -> dict[str, tuple[float, float]]:
    """Per-platform request rates for PlatformClient."""
    return {name: p.rate for name, p in PLATFORMS.items()}
