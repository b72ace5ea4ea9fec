"""Rules every platform parser shares (fixtures README §1): titles, times, filtering, dedupe."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from shared.errors import ParseError
from shared.models import Contest

IST = timezone(timedelta(hours=5, minutes=30), "IST")
JST = timezone(timedelta(hours=9), "JST")

_SPACES = re.compile(r"\s+")

# Errors that mean "this one entry is malformed": the entry is skipped, the rest are kept.
ENTRY_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError, OSError)


def clean_title(raw: object) -> str:
    """Decode HTML entities, collapse whitespace runs to one space and trim."""
    if not isinstance(raw, str):
        raise ValueError("title is not a string")
    return _SPACES.sub(" ", html.unescape(raw)).strip()


def as_text(payload: str | bytes) -> str:
    """Payload bytes as text (UTF-8, undecodable bytes replaced)."""
    if isinstance(payload, bytes):
        return payload.decode("utf-8", errors="replace")
    return payload


def load_json(platform: str, payload: str | bytes) -> Any:
    """Decode a JSON payload or raise ParseError naming the platform."""
    try:
        return json.loads(as_text(payload))
    except (ValueError, RecursionError) as exc:
        raise ParseError(
            platform, f"payload is not valid JSON ({exc.__class__.__name__})"
        ) from None


def from_epoch(value: object) -> datetime:
    """Epoch seconds (int, or an integral float/str) as an aware UTC datetime."""
    if isinstance(value, bool) or value is None:
        raise ValueError("not an epoch")
    if isinstance(value, str):
        value = int(value.strip())
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("fractional epoch")
        value = int(value)
    if not isinstance(value, int):
        raise ValueError("not an epoch")
    return datetime.fromtimestamp(value, UTC)


def as_seconds(value: object) -> int:
    """A non-negative whole number of seconds."""
    if isinstance(value, bool) or value is None:
        raise ValueError("not a number of seconds")
    if isinstance(value, str):
        value = int(value.strip())
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("fractional seconds")
        value = int(value)
    if not isinstance(value, int) or value < 0:
        raise ValueError("not a number of seconds")
    return value


def parse_iso(value: object, naive_tz: timezone | None = None) -> datetime:
    """An ISO-8601 string as an aware UTC datetime; naive strings take `naive_tz` (else error)."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("not a time string")
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        if naive_tz is None:
            raise ValueError("time has no zone")
        parsed = parsed.replace(tzinfo=naive_tz)
    return parsed.astimezone(UTC).replace(microsecond=0)


def require_text(value: object) -> str:
    """A non-empty stripped string (ints are accepted and turned into text, as ids often are)."""
    if isinstance(value, bool):
        raise ValueError("not text")
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError("empty text")
    return value.strip()


def make_contest(
    platform: str, id: object, title: object, url: str, start: datetime, end: datetime
) -> Contest:
    """Build a contest with a validated id and a cleaned title; raises ValueError if malformed."""
    ident = require_text(id)
    name = clean_title(title)
    if not name:
        raise ValueError("empty title")
    if end < start:
        raise ValueError("ends before it starts")
    return Contest(
        platform=platform,
        id=ident,
        title=name,
        url=url,
        start=start.astimezone(UTC).replace(microsecond=0),
        end=end.astimezone(UTC).replace(microsecond=0),
    )


def finalize(contests: Iterable[Contest], now: datetime) -> list[Contest]:
    """Keep contests with end > now, the first of each (platform, id), ordered by start then id."""
    seen: set[tuple[str, str]] = set()
    kept: list[Contest] = []
    for contest in contests:
        key = (contest.platform, contest.id)
        if key in seen:
            continue
        seen.add(key)
        if contest.end > now:
            kept.append(contest)
    kept.sort(key=lambda c: (c.start, c.id))
    return kept
