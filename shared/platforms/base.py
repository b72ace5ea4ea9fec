"""Rules every platform parser shares (fixtures README §1): titles, times, filtering, dedupe."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from shared.errors import ParseError
from shared.models import Contest

IST = timezone(timedelta(hours=5, minutes=30), "IST")
JST = timezone(timedelta(hours=9), "JST")

_SPACES = re.compile(r"\s+")
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")

# Errors that mean "this one entry is malformed": the entry is skipped, the rest are kept.
ENTRY_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError, OSError)


class EntryError(ValueError):
    """One list entry cannot be read; `reason` completes "N of M entries <reason>"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class EntryLeftOutError(Exception):
    """An entry left out on purpose (say, a permanent contest with no end): not a skip."""


class EntriesUnreadableError(ParseError):
    """The list held entries but every one was skipped: a changed format, never "no contests"."""

    def __init__(self, platform: str, entries: int, skipped: dict[str, int]) -> None:
        reason, count = max(skipped.items(), key=lambda item: (item[1], item[0]))
        super().__init__(platform, f"{count} of {entries} entries {reason}")
        self.entries = entries
        self.skipped = skipped


@dataclass(frozen=True, slots=True)
class Parsed:
    """One payload read: the contests kept, how many entries it listed, why any were skipped."""

    contests: list[Contest]
    entries: int
    skipped: dict[str, int]

    @property
    def skipped_count(self) -> int:
        """How many entries were skipped, all reasons together."""
        return sum(self.skipped.values())


def skip_reason(exc: BaseException) -> str:
    """Why an entry was skipped, worded to follow "N of M entries …"."""
    if isinstance(exc, EntryError):
        return exc.reason
    if isinstance(exc, KeyError) and exc.args:
        return f"lack {exc.args[0]}"
    detail = " ".join(str(exc).split())[:80]
    return f"are malformed ({detail or exc.__class__.__name__})"


def field(entry: Any, key: str, read: Callable[[Any], Any] | None = None) -> Any:
    """`entry[key]` (through `read`); EntryError names the key when absent, null or unreadable."""
    if not isinstance(entry, dict):
        raise EntryError("are not JSON objects")
    value = entry.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise EntryError(f"lack {key}")
    if read is None:
        return value
    try:
        return read(value)
    except ENTRY_ERRORS:
        raise EntryError(f"have an unreadable {key}") from None


def read_entries(
    platform: str, entries: Iterable[Any], build: Callable[[Any], Contest], now: datetime
) -> Parsed:
    """Build a contest from each entry, skipping malformed ones; all skipped is an error."""
    contests: list[Contest] = []
    skipped: Counter[str] = Counter()
    total = 0
    for entry in entries:
        total += 1
        try:
            contests.append(build(entry))
        except EntryLeftOutError:
            continue
        except ENTRY_ERRORS as exc:
            skipped[skip_reason(exc)] += 1
    # Entries left out on purpose do not count as skipped; but when nothing was built and
    # something was skipped, the format has changed: that must never read as "no contests".
    if skipped and not contests:
        raise EntriesUnreadableError(platform, total, dict(skipped))
    return Parsed(finalize(contests, now), total, dict(skipped))


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


def load_json_object(platform: str, payload: str | bytes) -> dict[str, Any]:
    """Decode a payload that must be one JSON object, or raise ParseError naming the platform."""
    data = load_json(platform, payload)
    if not isinstance(data, dict):
        raise ParseError(platform, "payload is not a JSON object")
    return data


def json_list(platform: str, data: object, *path: str) -> list[Any]:
    """The list at `path` in nested JSON objects; ParseError "'a.b' is missing or not a list"."""
    value = data
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, list):
        raise ParseError(platform, f"'{'.'.join(path)}' is missing or not a list")
    return value


def api_reason(value: object, missing: str) -> str:
    """An API's own error text on one line, at most 200 characters; `missing` when it gave none."""
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())[:200]
    return missing


def _whole_number(value: object, unreadable: str, fractional: str) -> int:
    """An int, or an integral float or numeric string, as an int; ValueError otherwise."""
    if isinstance(value, bool) or value is None:
        raise ValueError(unreadable)
    if isinstance(value, str):
        value = int(value.strip())
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(fractional)
        value = int(value)
    if not isinstance(value, int):
        raise ValueError(unreadable)
    return value


def from_epoch(value: object) -> datetime:
    """Epoch seconds (int, or an integral float/str) as an aware UTC datetime."""
    return datetime.fromtimestamp(_whole_number(value, "not an epoch", "fractional epoch"), UTC)


def as_seconds(value: object) -> int:
    """A non-negative whole number of seconds."""
    seconds = _whole_number(value, "not a number of seconds", "fractional seconds")
    if seconds < 0:
        raise ValueError("not a number of seconds")
    return seconds


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


def require_slug(value: object) -> str:
    """A contest's URL slug: text of letters, digits, `_`, `.` and `-` that starts with neither."""
    slug = require_text(value)
    if not _SLUG.fullmatch(slug):
        raise ValueError("slug has unexpected characters")
    return slug


def make_contest(
    platform: str, id: object, title: object, url: str, start: datetime, end: datetime
) -> Contest:
    """Build a contest with a validated id and a cleaned title; raises ValueError if malformed."""
    try:
        ident = require_text(id)
    except ValueError:
        raise EntryError("have an empty id") from None
    try:
        name = clean_title(title)
    except ValueError:
        raise EntryError("have no title text") from None
    if not name:
        raise EntryError("have an empty title")
    if end < start:
        raise EntryError("end before they start")
    return Contest(
        platform=platform,
        external_id=ident,
        title=name,
        url=url,
        starts_at=start.astimezone(UTC).replace(microsecond=0),
        ends_at=end.astimezone(UTC).replace(microsecond=0),
    )


def finalize(contests: Iterable[Contest], now: datetime) -> list[Contest]:
    """Keep contests with end > now, the first of each (platform, id), ordered by start then id."""
    seen: set[tuple[str, str]] = set()
    kept: list[Contest] = []
    for contest in contests:
        key = (contest.platform, contest.external_id)
        if key in seen:
            continue
        seen.add(key)
        if contest.ends_at > now:
            kept.append(contest)
    kept.sort(key=lambda c: (c.starts_at, c.external_id))
    return kept
