"""HackerRank: the REST contest list and the community engage events (fixtures README §3.5)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.base import (
    EntryError,
    EntryLeftOutError,
    Parsed,
    field,
    from_epoch,
    json_list,
    load_json_object,
    make_contest,
    parse_iso,
    read_entries,
    require_slug,
)
from shared.platforms.http import PlatformClient

NAME = "hackerrank"
LABEL = "HackerRank"
_HOST = "hackerrank.com"
_NETLOC = re.compile(r"(?P<host>[A-Za-z0-9.-]+)(?::[0-9]{1,5})?")


async def fetch_hackerrank(client: PlatformClient, url: str) -> bytes:
    """Fetch a HackerRank contest list (REST list or engage events, JSON)."""
    return await client.fetch(NAME, "GET", url, expect="json")


def parse_hackerrank(payload: str | bytes, now: datetime) -> list[Contest]:
    """Contests from a REST `models` list or an engage `ongoing_events` list not ended at `now`."""
    return read_hackerrank(payload, now).contests


def read_hackerrank(payload: str | bytes, now: datetime) -> Parsed:
    """Like parse_hackerrank, with the count of entries and the reasons any were skipped."""
    data = load_json_object(NAME, payload)
    if "models" in data:
        models = data["models"]
        if not isinstance(models, list):
            raise ParseError(NAME, "'models' is not a list")
        return read_entries(NAME, models, _model_contest, now)
    if "data" in data:
        ongoing = json_list(NAME, data, "data", "events", "ongoing_events")
        return read_entries(NAME, ongoing, _event_contest, now)
    raise ParseError(NAME, "payload has neither 'models' nor 'data'")


def _model_contest(model: Any) -> Contest:
    slug = field(model, "slug", require_slug)
    start = _time(model, "get_starttimeiso", "epoch_starttime")
    end = _time(model, "get_endtimeiso", "epoch_endtime")
    url = f"https://www.hackerrank.com/contests/{slug}"
    return make_contest(NAME, slug, field(model, "name"), url, start, end)


def _event_contest(event: Any) -> Contest:
    attributes = field(event, "attributes")
    url = field(attributes, "microsite_url", _hackerrank_url)
    start = field(attributes, "start_time", parse_iso)
    end = field(attributes, "end_time", parse_iso)
    return make_contest(NAME, field(event, "id"), field(attributes, "name"), url, start, end)


def _time(model: dict[str, Any], iso_key: str, epoch_key: str) -> datetime:
    # The ISO field is preferred; the epoch field covers an absent or unreadable one.
    iso = model.get(iso_key)
    if iso is not None:
        try:
            return parse_iso(iso)
        except (ValueError, OverflowError):
            pass
    if iso is None and model.get(epoch_key) is None and epoch_key in model:
        # Both present and null: a permanent contest such as ProjectEuler+, never in a calendar.
        # Both absent would be a changed format, and is skipped as such.
        raise EntryLeftOutError(f"{model.get('slug')!r} has no {epoch_key}: permanent contest")
    if epoch_key not in model:
        if iso is not None:
            raise EntryError(f"have an unreadable {iso_key}")
        raise EntryError(f"lack {iso_key} and {epoch_key}")
    when: datetime = field(model, epoch_key, from_epoch)
    return when


def _hackerrank_url(value: object) -> str:
    """The URL if it is https on hackerrank.com or a subdomain; raises otherwise (entry skipped)."""
    if not isinstance(value, str):
        raise TypeError("url is not a string")
    url = value.strip()
    # Browsers read a backslash as "/" and drop tabs and newlines, so a URL that Python and a
    # browser could split differently is refused outright rather than reasoned about.
    if not url.isascii() or not url.isprintable() or " " in url or "\\" in url:
        raise ValueError("url has characters a browser may read differently")
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise ValueError("url is not https")
    # A bare host with an optional port: userinfo ("www.hackerrank.com@evil.io") never matches.
    netloc = _NETLOC.fullmatch(parts.netloc)
    if netloc is None:
        raise ValueError("url host is malformed")
    host = netloc["host"].lower()
    if host != _HOST and not host.endswith("." + _HOST):
        raise ValueError("url is not on hackerrank.com")
    return url
