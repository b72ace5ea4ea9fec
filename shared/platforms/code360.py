"""Naukri Code360 (formerly Coding Ninjas CodeStudio): the public contest list (README §3.7)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.base import (
    ENTRY_ERRORS,
    finalize,
    from_epoch,
    load_json,
    make_contest,
    require_text,
)
from shared.platforms.http import PlatformClient

NAME = "code360"
LABEL = "Code360"
DEFAULT_URL = "https://www.naukri.com/code360/api/v4/public_section/contest_list"


async def fetch_code360(client: PlatformClient, url: str) -> bytes:
    """Fetch the Code360 public contest list as JSON."""
    return await client.fetch(NAME, "GET", url, expect="json")


def parse_code360(payload: str | bytes, now: datetime) -> list[Contest]:
    """Contests from a Code360 `contest_list` payload that have not ended at `now`."""
    data = load_json(NAME, payload)
    if not isinstance(data, dict):
        raise ParseError(NAME, "payload is not a JSON object")
    body = data.get("data")
    events = body.get("events") if isinstance(body, dict) else None
    if not isinstance(events, list):
        raise ParseError(NAME, "'data.events' is missing or not a list")
    contests: list[Contest] = []
    for event in events:
        try:
            contests.append(_contest(event))
        except ENTRY_ERRORS:
            continue
    return finalize(contests, now)


def _contest(event: Any) -> Contest:
    slug = require_text(event["slug"])
    start = from_epoch(event["event_start_time"])
    # Inverted windows happen; clist clamps the end to the start the same way.
    end = max(start, from_epoch(event["event_end_time"]))
    url = f"https://www.naukri.com/code360/contests/{quote(slug, safe='')}"
    return make_contest(NAME, slug, event["name"], url, start, end)
