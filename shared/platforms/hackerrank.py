"""HackerRank: the REST contest list and the community engage events (fixtures README §3.5)."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.base import (
    ENTRY_ERRORS,
    finalize,
    from_epoch,
    load_json,
    make_contest,
    parse_iso,
    require_text,
)
from shared.platforms.http import PlatformClient

NAME = "hackerrank"
LABEL = "HackerRank"
DEFAULT_URL = (
    "https://www.hackerrank.com/rest/contests/upcoming?offset=0&limit=10&contest_slug=active"
)

_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_HOST = "hackerrank.com"
_NETLOC = re.compile(r"(?P<host>[A-Za-z0-9.-]+)(?::[0-9]{1,5})?")


async def fetch_hackerrank(client: PlatformClient, url: str) -> bytes:
    """Fetch a HackerRank contest list (REST list or engage events, JSON)."""
    return await client.fetch(NAME, "GET", url, expect="json")


def parse_hackerrank(payload: str | bytes, now: datetime) -> list[Contest]:
    """Contests from a REST `models` list or an engage `ongoing_events` list not ended at `now`."""
    data = load_json(NAME, payload)
    if not isinstance(data, dict):
        raise ParseError(NAME, "payload is not a JSON object")
    if "models" in data:
        return finalize(_parse_models(data["models"]), now)
    if "data" in data:
        return finalize(_parse_events(data["data"]), now)
    raise ParseError(NAME, "payload has neither 'models' nor 'data'")


def _parse_models(models: object) -> list[Contest]:
    if not isinstance(models, list):
        raise ParseError(NAME, "'models' is not a list")
    contests: list[Contest] = []
    for model in models:
        try:
            slug = _slug(model["slug"])
            start = _time(model.get("get_starttimeiso"), model.get("epoch_starttime"))
            end = _time(model.get("get_endtimeiso"), model.get("epoch_endtime"))
            url = f"https://www.hackerrank.com/contests/{slug}"
            contests.append(make_contest(NAME, slug, model.get("name"), url, start, end))
        except ENTRY_ERRORS:
            continue
    return contests


def _parse_events(data: object) -> list[Contest]:
    events = data.get("events") if isinstance(data, dict) else None
    ongoing = events.get("ongoing_events") if isinstance(events, dict) else None
    if not isinstance(ongoing, list):
        raise ParseError(NAME, "'data.events.ongoing_events' is missing or not a list")
    contests: list[Contest] = []
    for event in ongoing:
        try:
            attributes = event["attributes"]
            url = _hackerrank_url(attributes["microsite_url"])
            start = parse_iso(attributes.get("start_time"))
            end = parse_iso(attributes.get("end_time"))
            contests.append(
                make_contest(NAME, event.get("id"), attributes.get("name"), url, start, end)
            )
        except ENTRY_ERRORS:
            continue
    return contests


def _slug(value: object) -> str:
    slug = require_text(value)
    if not _SLUG.fullmatch(slug):
        raise ValueError("slug has unexpected characters")
    return slug


def _time(iso: object, epoch: object) -> datetime:
    # The ISO field is preferred; the epoch field covers an absent or unreadable one. Both null
    # (permanent contests such as ProjectEuler+) makes from_epoch raise, which skips the entry.
    if iso is not None:
        try:
            return parse_iso(iso)
        except (ValueError, OverflowError):
            pass
    return from_epoch(epoch)


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
