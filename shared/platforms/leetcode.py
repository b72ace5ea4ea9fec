"""LeetCode: the GraphQL contest lists (fixtures README §3.2)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.base import (
    ENTRY_ERRORS,
    as_seconds,
    finalize,
    from_epoch,
    load_json,
    make_contest,
    require_text,
)
from shared.platforms.http import PlatformClient

NAME = "leetcode"
LABEL = "LeetCode"
DEFAULT_URL = "https://leetcode.com/graphql"
QUERY_BODY = b'{"query":"{allContests{title,titleSlug,startTime,duration}}"}'

# The Referer spares us the CSRF/403 answers LeetCode gives to bare GraphQL posts.
_HEADERS: Mapping[str, str] = {
    "Content-Type": "application/json",
    "Accept": "application/json",
    "Referer": "https://leetcode.com/contest/",
}
_LIST_KEYS = ("allContests", "upcomingContests", "topTwoContests")


async def fetch_leetcode(client: PlatformClient, url: str) -> bytes:
    """Post the `allContests` GraphQL query and return the JSON response."""
    return await client.fetch(NAME, "POST", url, body=QUERY_BODY, headers=_HEADERS, expect="json")


def parse_leetcode(payload: str | bytes, now: datetime) -> list[Contest]:
    """Contests from any of the three GraphQL contest lists that have not ended at `now`."""
    data = load_json(NAME, payload)
    if not isinstance(data, dict):
        raise ParseError(NAME, "payload is not a JSON object")
    contests: list[Contest] = []
    for node in _nodes(data):
        try:
            contests.append(_contest(node))
        except ENTRY_ERRORS:
            continue
    return finalize(contests, now)


def _nodes(data: dict[str, Any]) -> list[Any]:
    body = data.get("data")
    if not isinstance(body, dict) or not any(key in body for key in _LIST_KEYS):
        raise _failure(data, "no allContests, upcomingContests or topTwoContests in 'data'")
    nodes: list[Any] = []
    for key in _LIST_KEYS:
        if key not in body:
            continue
        value = body[key]
        if not isinstance(value, list):
            raise _failure(data, f"'data.{key}' is not a list")
        nodes.extend(value)
    return nodes


def _failure(data: dict[str, Any], cause: str) -> ParseError:
    if data.get("errors"):
        return ParseError(NAME, f"GraphQL error: {_first_error(data['errors'])}")
    return ParseError(NAME, cause)


def _contest(node: Any) -> Contest:
    slug = require_text(node["titleSlug"])
    start = from_epoch(node["startTime"])
    end = start + timedelta(seconds=as_seconds(node["duration"]))
    url = f"https://leetcode.com/contest/{quote(slug, safe='')}"
    return make_contest(NAME, slug, node["title"], url, start, end)


def _first_error(errors: object) -> str:
    first = errors[0] if isinstance(errors, list) and errors else None
    message = first.get("message") if isinstance(first, dict) else None
    if isinstance(message, str) and message.strip():
        return " ".join(message.split())[:200]
    return "no message given"
