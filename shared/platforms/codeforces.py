"""Codeforces and Codeforces Gym: the official `contest.list` API (fixtures README §3.1)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.base import (
    EntryError,
    Parsed,
    api_reason,
    as_seconds,
    field,
    from_epoch,
    json_list,
    load_json_object,
    make_contest,
    read_entries,
)
from shared.platforms.http import PlatformClient

NAME = "codeforces"
LABEL = "Codeforces"

_FIRST_GYM_ID = 100000


async def fetch_codeforces(client: PlatformClient, url: str) -> bytes:
    """Fetch a Codeforces `contest.list` response (gym=false or gym=true, as `url` says)."""
    return await client.fetch(NAME, "GET", url, expect="json")


def parse_codeforces(payload: str | bytes, now: datetime) -> list[Contest]:
    """Contests and Gym contests from a `contest.list` payload that have not ended at `now`."""
    return read_codeforces(payload, now).contests


def read_codeforces(payload: str | bytes, now: datetime) -> Parsed:
    """Like parse_codeforces, with the count of entries and the reasons any were skipped."""
    data = load_json_object(NAME, payload)
    if data.get("status") != "OK":
        reason = api_reason(data.get("comment"), "no comment given")
        raise ParseError(NAME, f"API status is not OK: {reason}")
    return read_entries(NAME, json_list(NAME, data, "result"), _contest, now)


def _contest(entry: Any) -> Contest:
    ident = field(entry, "id")
    if isinstance(ident, bool) or not isinstance(ident, int) or ident <= 0:
        raise EntryError("have an id that is not a positive integer")
    start = field(entry, "startTimeSeconds", from_epoch)
    end = start + timedelta(seconds=field(entry, "durationSeconds", as_seconds))
    section = "gym" if ident >= _FIRST_GYM_ID else "contest"
    url = f"https://codeforces.com/{section}/{ident}"
    return make_contest(NAME, ident, field(entry, "name"), url, start, end)
