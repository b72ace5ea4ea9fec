"""CodeChef: the `list/contests/all` API, running and future contests (fixtures README §3.3)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.base import (
    IST,
    EntryError,
    Parsed,
    api_reason,
    field,
    load_json_object,
    make_contest,
    parse_iso,
    read_entries,
    require_text,
)
from shared.platforms.http import PlatformClient

NAME = "codechef"
LABEL = "CodeChef"
_LIST_KEYS = ("present_contests", "future_contests")
_LEGACY_FORMAT = "%d %b %Y %H:%M:%S"


async def fetch_codechef(client: PlatformClient, url: str) -> bytes:
    """Fetch the CodeChef contest lists (present, future, past) as JSON."""
    return await client.fetch(NAME, "GET", url, expect="json")


def parse_codechef(payload: str | bytes, now: datetime) -> list[Contest]:
    """Running and future contests from a `list/contests/all` payload not ended at `now`."""
    return read_codechef(payload, now).contests


def read_codechef(payload: str | bytes, now: datetime) -> Parsed:
    """Like parse_codechef, with the count of entries and the reasons any were skipped."""
    data = load_json_object(NAME, payload)
    if data.get("status") != "success":
        reason = api_reason(data.get("message"), "no message given")
        raise ParseError(NAME, f"API status is not success: {reason}")
    return read_entries(NAME, _entries(data), _contest, now)


def _entries(data: dict[str, Any]) -> list[Any]:
    lists = [data.get(key) for key in _LIST_KEYS]
    if all(value is None for value in lists):
        raise ParseError(NAME, "neither 'present_contests' nor 'future_contests' is present")
    entries: list[Any] = []
    for key, value in zip(_LIST_KEYS, lists, strict=True):
        if value is None:
            continue
        if not isinstance(value, list):
            raise ParseError(NAME, f"'{key}' is not a list")
        entries.extend(value)
    return entries


def _contest(entry: Any) -> Contest:
    code = field(entry, "contest_code", require_text)
    start = _time(entry, "contest_start_date")
    end = _time(entry, "contest_end_date")
    url = f"https://www.codechef.com/{quote(code, safe='')}"
    return make_contest(NAME, code, field(entry, "contest_name"), url, start, end)


def _time(entry: Any, key: str) -> datetime:
    iso = entry.get(f"{key}_iso")
    if iso is not None and not (isinstance(iso, str) and not iso.strip()):
        parsed: datetime = field(entry, f"{key}_iso", lambda value: parse_iso(value, naive_tz=IST))
        return parsed
    if entry.get(key) is None:
        raise EntryError(f"lack {key}_iso and {key}")
    legacy: datetime = field(entry, key, _legacy_time)
    return legacy


def _legacy_time(legacy: object) -> datetime:
    if not isinstance(legacy, str):
        raise TypeError("legacy date is not a string")
    # The legacy string has two spaces between date and time; strptime wants one.
    local = datetime.strptime(" ".join(legacy.split()), _LEGACY_FORMAT).replace(tzinfo=IST)
    return local.astimezone(UTC)
