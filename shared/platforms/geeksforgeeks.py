"""GeeksforGeeks: the upcoming events of the practice events API (fixtures README §3.6)."""

from __future__ import annotations

import re
from datetime import datetime

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.base import (
    ENTRY_ERRORS,
    IST,
    finalize,
    load_json,
    make_contest,
    parse_iso,
    require_text,
)
from shared.platforms.http import PlatformClient

NAME = "geeksforgeeks"
LABEL = "GeeksforGeeks"
DEFAULT_URL = (
    "https://practiceapi.geeksforgeeks.org/api/vr/events/?page_number=1&sub_type=all&type=contest"
)

_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


async def fetch_geeksforgeeks(client: PlatformClient, url: str) -> bytes:
    """Fetch the GeeksforGeeks contest events (JSON)."""
    return await client.fetch(NAME, "GET", url, expect="json")


def parse_geeksforgeeks(payload: str | bytes, now: datetime) -> list[Contest]:
    """Contests from `results.upcoming` that have not ended at `now`; naive times are IST."""
    data = load_json(NAME, payload)
    if not isinstance(data, dict):
        raise ParseError(NAME, "payload is not a JSON object")
    results = data.get("results")
    upcoming = results.get("upcoming") if isinstance(results, dict) else None
    if not isinstance(upcoming, list):
        raise ParseError(NAME, "'results.upcoming' is missing or not a list")
    contests: list[Contest] = []
    for event in upcoming:
        try:
            slug = _slug(event["slug"])
            name = event.get("name")
            if name is None or (isinstance(name, str) and not name.strip()):
                name = event.get("title")
            start = parse_iso(event.get("start_time"), IST)
            end = parse_iso(event.get("end_time"), IST)
            url = f"https://practice.geeksforgeeks.org/contest/{slug}"
            contests.append(make_contest(NAME, slug, name, url, start, end))
        except ENTRY_ERRORS:
            continue
    return finalize(contests, now)


def _slug(value: object) -> str:
    slug = require_text(value)
    if not _SLUG.fullmatch(slug):
        raise ValueError("slug has unexpected characters")
    return slug
