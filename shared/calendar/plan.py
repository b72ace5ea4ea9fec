"""The pure half of calendar sync: what each event should hold, and what to change to get there."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from shared.models import CalendarEventRecord, StoredContest, format_utc, safe_link

CALENDAR_SUMMARY = "Contests"
CALENDAR_DESCRIPTION = "Upcoming programming contests, kept in step by ContestSync."
DEFAULT_REMINDERS = (30, 10)

# Google's event colour ids ("1".."11"), one per platform so the calendar reads at a glance.
PLATFORM_COLORS = {
    "leetcode": "6",
    "codeforces": "9",
    "codechef": "5",
    "atcoder": "8",
    "hackerrank": "10",
    "geeksforgeeks": "2",
    "code360": "4",
}


class OpKind(StrEnum):
    """An event write."""

    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class DesiredEvent:
    """The event a contest should have in a user's calendar; `body_json` is `body` encoded."""

    contest_id: int
    event_id: str
    body: dict[str, Any]
    content_hash: str
    body_json: str = ""


@dataclass(frozen=True, slots=True)
class Operation:
    """One change to make; `body`/`body_json`/`content_hash` are empty for deletes."""

    kind: OpKind
    contest_id: int
    event_id: str
    body: dict[str, Any] | None = None
    content_hash: str | None = None
    body_json: str | None = None


def build_event_id(platform: str, external_id: str) -> str:
    """Deterministic Google event id: lowercase base32hex (0-9a-v) of a hash of the contest key."""
    digest = hashlib.sha256(f"{platform}:{external_id}".encode()).digest()[:20]
    return base64.b32hexencode(digest).decode("ascii").lower().rstrip("=")


def build_event(
    contest: StoredContest, platform_label: str, reminder_minutes: Sequence[int]
) -> DesiredEvent:
    """The event body for a contest (DESIGN §5 "Event content") and the hash of that content.

    Every user with the same reminders gets the same body, so bodies (and their JSON, which
    the calendar client sends as is) are memoised; callers must treat the body as read-only.
    """
    return _build_event(contest, platform_label, tuple(reminder_minutes))


@lru_cache(maxsize=8192)
def _build_event(
    contest: StoredContest, platform_label: str, reminder_minutes: tuple[int, ...]
) -> DesiredEvent:
    event_id = build_event_id(contest.platform, contest.external_id)
    url = safe_link(contest.url) or ""  # only http(s) links reach a calendar
    body: dict[str, Any] = {
        "id": event_id,
        "status": "confirmed",
        "summary": f"[{platform_label}] {contest.title}",
        "description": (
            f"{contest.title}\n{platform_label} contest: {url}\n\n"
            "Added by ContestSync. Use /platforms in the bot to change what appears here."
        ),
        "location": url,
        "start": {"dateTime": format_utc(contest.starts_at), "timeZone": "UTC"},
        "end": {"dateTime": format_utc(contest.ends_at), "timeZone": "UTC"},
        "reminders": {
            "useDefault": False,
            "overrides": [{"method": "popup", "minutes": m} for m in reminder_minutes],
        },
        "transparency": "transparent",
    }
    if url:
        body["source"] = {"title": f"{platform_label}: {contest.title}"[:250], "url": url}
    color = PLATFORM_COLORS.get(contest.platform)
    if color:
        body["colorId"] = color
    content_hash = hashlib.sha256(
        json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    ).hexdigest()[:32]
    body["extendedProperties"] = {
        "private": {
            "contestsync": f"{contest.platform}:{contest.external_id}",
            "contentHash": content_hash,
        }
    }
    body_json = json.dumps(body, separators=(",", ":"))
    return DesiredEvent(contest.id, event_id, body, content_hash, body_json)


def plan_sync(
    desired: Sequence[DesiredEvent], recorded: Sequence[CalendarEventRecord], calendar_id: str
) -> list[Operation]:
    """Inserts for new contests, updates where the content changed, deletes for the rest.

    Records of another calendar (the calendar was recreated) count as absent. Deletes come
    first so that a full calendar never briefly holds both an old and a new event.
    """
    current = {r.contest_id: r for r in recorded if r.calendar_id == calendar_id}
    wanted = {d.contest_id: d for d in desired}
    ops: list[Operation] = [
        Operation(OpKind.DELETE, r.contest_id, r.event_id)
        for r in current.values()
        if r.contest_id not in wanted
    ]
    for d in desired:
        record = current.get(d.contest_id)
        if record is None:
            ops.append(
                Operation(
                    OpKind.INSERT, d.contest_id, d.event_id, d.body, d.content_hash, d.body_json
                )
            )
        elif record.content_hash != d.content_hash:
            ops.append(
                Operation(
                    OpKind.UPDATE,
                    d.contest_id,
                    record.event_id,
                    d.body,
                    d.content_hash,
                    d.body_json,
                )
            )
    return ops
