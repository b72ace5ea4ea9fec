"""Codeforces and Codeforces Gym: the official `contest.list` API (fixtures README §3.1)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.base import (
    ENTRY_ERRORS,
    as_seconds,
    finalize,
    from_epoch,
    load_json,
    make_contest,
)
from shared.platforms.http import PlatformClient

NAME = "codeforces"
LABEL = "Codeforces"
DEFAULT_URL = "https://codeforces.com/api/contest.list?gym=false"
GYM_URL = "https://codeforces.com/api/contest.list?gym=true"

_FIRST_GYM_ID = 100000


async def fetch_codeforces(client: PlatformClient, url: str) -> bytes:
    """Fetch a Codeforces `contest.list` response (gym=false or gym=true, as `url` says)."""
    return await client.fetch(NAME, "GET", url, expect="json")


def parse_codeforces(payload: str | bytes, now: datetime) -> list[Contest]:
    """Contests and Gym contests from a `contest.list` payload that have not ended at `now`."""
    data = load_json(NAME, payload)
    if not isinstance(data, dict):
        raise ParseError(NAME, "payload is not a JSON object")
    if data.get("status") != "OK":
        raise ParseError(NAME, f"API status is not OK: {_reason(data.get('comment'))}")
    entries = data.get("result")
    if not isinstance(entries, list):
        raise ParseError(NAME, "'result' is missing or not a list")
    contests: list[Contest] = []
    for entry in entries:
        try:
            contests.append(_contest(entry))
        except ENTRY_ERRORS:
            continue
    return finalize(contests, now)


def _contest(entry: Any) -> Contest:
    ident = entry["id"]
    if isinstance(ident, bool) or not isinstance(ident, int) or ident <= 0:
        raise ValueError("id is not a positive integer")
    start = from_epoch(entry["startTimeSeconds"])
    end = start + timedelta(seconds=as_seconds(entry["durationSeconds"]))
    section = "gym" if ident >= _FIRST_GYM_ID else "contest"
    url = f"https://codeforces.com/{section}/{ident}"
    return make_contest(NAME, ident, entry["name"], url, start, end)


def _reason(value: object) -> str:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())[:200]
    return "no comment given"
