"""Naukri Code360 (formerly Coding Ninjas CodeStudio): the public contest list (README §3.7)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

from shared.models import Contest
from shared.platforms.base import (
    Parsed,
    field,
    from_epoch,
    json_list,
    load_json_object,
    make_contest,
    read_entries,
    require_text,
)
from shared.platforms.http import PlatformClient

NAME = "code360"
LABEL = "Code360"


async def fetch_code360(client: PlatformClient, url: str) -> bytes:
    """Fetch the Code360 public contest list as JSON."""
    return await client.fetch(NAME, "GET", url, expect="json")


def parse_code360(payload: str | bytes, now: datetime) -> list[Contest]:
    """Contests from a Code360 `contest_list` payload that have not ended at `now`."""
    return read_code360(payload, now).contests


def read_code360(payload: str | bytes, now: datetime) -> Parsed:
    """Like parse_code360, with the count of entries and the reasons any were skipped."""
    data = load_json_object(NAME, payload)
    return read_entries(NAME, json_list(NAME, data, "data", "events"), _contest, now)


def _contest(event: Any) -> Contest:
    slug = field(event, "slug", require_text)
    start = field(event, "event_start_time", from_epoch)
    # Inverted windows happen; clist clamps the end to the start the same way.
    end = max(start, field(event, "event_end_time", from_epoch))
    url = f"https://www.naukri.com/code360/contests/{quote(slug, safe='')}"
    return make_contest(NAME, slug, field(event, "name"), url, start, end)
