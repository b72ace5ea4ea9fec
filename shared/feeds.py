"""Calendar feeds: contests as an iCalendar document (RFC 5545, RFC 7986), written by `icalendar`.

Pure: the caller gives the contests, the public host and the clock. The same contests always give
the same bytes (DTSTAMP and LAST-MODIFIED come from the contest rows, not the clock), so the ETag
of a feed changes only when its content does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from icalendar import Alarm, Calendar, Event, vDuration

from shared.calendar.plan import build_event_id
from shared.models import FeedContest, format_utc, parse_utc

FEED_PAST = timedelta(days=7)
FEED_AHEAD = timedelta(days=60)
CANCELLED_KEEP = timedelta(days=14)  # long enough for every client to have refreshed once
REFRESH = timedelta(minutes=30)
PRODID = "-//ContestSync//Contest feed//EN"
CONTENT_TYPE = "text/calendar"


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """What one feed holds: its name, the platforms (None = every one) and reminder minutes."""

    name: str
    platforms: tuple[str, ...] | None
    reminders: tuple[int, ...] = ()
    personal: bool = False

    @property
    def variant(self) -> str:
        """A short digest naming this feed's content choices (its cache key part)."""
        data = json.dumps(
            [self.name, self.platforms, self.reminders, self.personal], separators=(",", ":")
        )
        return hashlib.sha256(data.encode()).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class FeedDocument:
    """A rendered feed: the iCalendar bytes, their strong ETag and the Last-Modified time."""

    body: bytes
    etag: str
    last_modified: datetime

    def encode(self) -> bytes:
        """One byte string for the cache: two header lines, then the body."""
        head = f"{self.etag}\n{format_utc(self.last_modified)}\n".encode()
        return head + self.body

    @classmethod
    def decode(cls, raw: bytes) -> FeedDocument:
        """Inverse of encode; ValueError for anything else."""
        etag, modified, body = raw.split(b"\n", 2)
        if not etag.startswith(b'"'):
            raise ValueError("not a cached feed")
        return cls(body, etag.decode(), parse_utc(modified.decode()))


def feed_window(now: datetime) -> tuple[datetime, datetime, datetime]:
    """(contests ending after, contests starting before, cancelled ones kept if cancelled after)."""
    return now - FEED_PAST, now + FEED_AHEAD, now - CANCELLED_KEEP


def build_uid(platform: str, external_id: str, host: str) -> str:
    """The event's UID: the calendar sync's event id for the contest, at the public host."""
    return f"{build_event_id(platform, external_id)}@{host}"


def render_feed(
    spec: FeedSpec,
    contests: Sequence[FeedContest],
    host: str,
    labels: Mapping[str, str],
    now: datetime,
) -> FeedDocument:
    """The feed of `contests` (already filtered to the spec's platforms and window)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", spec.name)
    cal.add("name", spec.name)
    cal.add("x-wr-caldesc", _calendar_description(spec))
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    closing = b"END:VCALENDAR\r\n"
    head = cal.to_ical()
    assert head.endswith(closing)
    events = [
        _event_block(contest, labels.get(contest.platform, contest.platform), host, spec.reminders)
        for contest in contests
    ]
    body = head[: -len(closing)] + b"".join(events) + closing
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return FeedDocument(body, etag, _last_modified(contests, now))


def _calendar_description(spec: FeedSpec) -> str:
    if spec.personal:
        return (
            "Your programming contests from ContestSync. Change platforms and reminders "
            "with /platforms and /reminders in the bot."
        )
    return "Upcoming programming contests, published by ContestSync."


@lru_cache(maxsize=16384)
def _event_block(contest: FeedContest, label: str, host: str, reminders: tuple[int, ...]) -> bytes:
    """One VEVENT as icalendar writes it. Memoised: icalendar needs about a millisecond per
    event, and after a scrape most events of most feeds are unchanged."""
    block: bytes = _event(contest, host, label, reminders).to_ical()
    return block


def _event(contest: FeedContest, host: str, label: str, reminders: tuple[int, ...]) -> Event:
    summary = f"[{label}] {contest.title}"
    cancelled = contest.cancelled_at is not None
    lines = [contest.title, f"{label} contest: {contest.url}", ""]
    if cancelled:
        lines.insert(0, "Cancelled: the platform no longer lists this contest.")
    lines.append("From ContestSync.")
    event = Event()
    event.add("uid", build_uid(contest.platform, contest.external_id, host))
    event.add("dtstamp", contest.updated_at.astimezone(UTC))
    event.add("last-modified", contest.updated_at.astimezone(UTC))
    event.add("sequence", contest.sequence)
    event.add("summary", summary)
    event.add("description", "\n".join(lines))
    event.add("url", contest.url)
    event.add("location", contest.url)
    event.add("categories", [label])
    event.add("dtstart", contest.starts_at.astimezone(UTC))
    if contest.ends_at > contest.starts_at:  # RFC 5545: DTEND must be later than DTSTART
        event.add("dtend", contest.ends_at.astimezone(UTC))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    if not cancelled:
        for minutes in reminders:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", -timedelta(minutes=minutes))
            event.add_component(alarm)
    return event


def _last_modified(contests: Sequence[FeedContest], now: datetime) -> datetime:
    """When the feed's content last changed: a contest's change, or one entering the window."""
    if not contests:
        return now.astimezone(UTC).replace(microsecond=0)
    latest = max(max(c.updated_at, c.starts_at - FEED_AHEAD) for c in contests)
    return min(latest, now).astimezone(UTC).replace(microsecond=0)
