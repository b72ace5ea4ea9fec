"""LeetCode: the GraphQL contest lists (fixtures README §3.2)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.base import (
    EntryError,
    Parsed,
    as_seconds,
    clean_title,
    field,
    from_epoch,
    load_json_object,
    make_contest,
    read_entries,
)
from shared.platforms.http import PlatformClient

NAME = "leetcode"
LABEL = "LeetCode"
QUERY_BODY = b'{"query":"{allContests{title,titleSlug,startTime,duration}}"}'

# The Referer spares us the CSRF/403 answers LeetCode gives to bare GraphQL posts.
_HEADERS: Mapping[str, str] = {
    "Content-Type": "application/json",
    "Accept": "application/json",
    "Referer": "https://leetcode.com/contest/",
}
_LIST_KEYS = ("allContests", "upcomingContests", "topTwoContests")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


async def fetch_leetcode(client: PlatformClient, url: str) -> bytes:
    """Post the `allContests` GraphQL query and return the JSON response."""
    return await client.fetch(NAME, "POST", url, body=QUERY_BODY, headers=_HEADERS, expect="json")


def parse_leetcode(payload: str | bytes, now: datetime) -> list[Contest]:
    """Contests from any of the three GraphQL contest lists that have not ended at `now`."""
    return read_leetcode(payload, now).contests


def read_leetcode(payload: str | bytes, now: datetime) -> Parsed:
    """Like parse_leetcode, with the count of entries and the reasons any were skipped."""
    data = load_json_object(NAME, payload)
    return read_entries(NAME, _nodes(data), _contest, now)


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
    title = field(node, "title")
    start = field(node, "startTime", from_epoch)
    end = start + timedelta(seconds=field(node, "duration", as_seconds))
    slug = _slug(node, title)
    url = f"https://leetcode.com/contest/{quote(slug, safe='')}"
    return make_contest(NAME, slug, title, url, start, end)


def _slug(node: dict[str, Any], title: object) -> str:
    # `titleSlug` is only there when the GraphQL query asks for it (topTwoContests is often
    # queried without it). LeetCode forms it from the title ("Weekly Contest 308" ->
    # "weekly-contest-308"), so the same contest keeps the same id whichever query listed it.
    given = node.get("titleSlug")
    if isinstance(given, str) and given.strip():
        return given.strip()
    formed = _NOT_SLUG.sub("-", clean_title(title).lower()).strip("-")
    if not formed:
        raise EntryError("lack titleSlug and have no title to form it from")
    return formed


def _first_error(errors: object) -> str:
    first = errors[0] if isinstance(errors, list) and errors else None
    message = first.get("message") if isinstance(first, dict) else None
    if isinstance(message, str) and message.strip():
        return " ".join(message.split())[:200]
    return "no message given"
