"""GeeksforGeeks: the upcoming events of the practice events API (fixtures README §3.6)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from shared.models import Contest
from shared.platforms.base import (
    IST,
    EntryError,
    Parsed,
    field,
    json_list,
    load_json_object,
    make_contest,
    parse_iso,
    read_entries,
    require_slug,
)
from shared.platforms.http import PlatformClient

NAME = "geeksforgeeks"
LABEL = "GeeksforGeeks"


async def fetch_geeksforgeeks(client: PlatformClient, url: str) -> bytes:
    """Fetch the GeeksforGeeks contest events (JSON)."""
    return await client.fetch(NAME, "GET", url, expect="json")


def parse_geeksforgeeks(payload: str | bytes, now: datetime) -> list[Contest]:
    """Contests from `results.upcoming` that have not ended at `now`; naive times are IST."""
    return read_geeksforgeeks(payload, now).contests


def read_geeksforgeeks(payload: str | bytes, now: datetime) -> Parsed:
    """Like parse_geeksforgeeks, with the count of entries and the reasons any were skipped."""
    data = load_json_object(NAME, payload)
    return read_entries(NAME, json_list(NAME, data, "results", "upcoming"), _contest, now)


def _contest(event: Any) -> Contest:
    slug = field(event, "slug", require_slug)
    name = event.get("name")
    if name is None or (isinstance(name, str) and not name.strip()):
        name = event.get("title")
    if name is None:
        raise EntryError("lack name and title")
    start = field(event, "start_time", _ist)
    end = field(event, "end_time", _ist)
    url = f"https://practice.geeksforgeeks.org/contest/{slug}"
    return make_contest(NAME, slug, name, url, start, end)


def _ist(value: object) -> datetime:
    return parse_iso(value, IST)
