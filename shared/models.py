"""Data shared between packages: frozen dataclasses, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from urllib.parse import urlsplit


class ChatPlatform(StrEnum):
    """The chat front ends a person talks to ContestSync through."""

    TELEGRAM = "telegram"
    DISCORD = "discord"


class GoogleStatus(StrEnum):
    """A user's Google grant (`users.google_status`)."""

    NONE = "none"  # never connected, or disconnected
    ACTIVE = "active"  # a usable refresh token is stored
    REVOKED = "revoked"  # Google refused the grant; preferences kept until /connect again


class SyncStatus(StrEnum):
    """Where a user's calendar sync stands (`users.sync_status`)."""

    NEVER = "never"
    QUEUED = "queued"
    RUNNING = "running"
    OK = "ok"
    PARTIAL = "partial"  # finished, some writes still failing (retried at the next sync)
    FAILED = "failed"


class SyncOutcome(StrEnum):
    """How one sync run ended (`SyncResult.status`, the `syncs` metric's label)."""

    OK = "ok"
    PARTIAL = "partial"
    FAILED = "failed"
    RUNNING = "running"  # only while the run is under way
    BUSY = "busy"  # another sync of the user held the lock: nothing done, run after it
    SKIPPED = "skipped"  # no such user
    NOT_CONNECTED = "not_connected"
    REVOKED = "revoked"

    @property
    def did_work(self) -> bool:
        """Whether the run talked to Google (so its duration and outcome count)."""
        return self not in (SyncOutcome.BUSY, SyncOutcome.SKIPPED, SyncOutcome.NOT_CONNECTED)


@dataclass(frozen=True, slots=True)
class Contest:
    """One contest as a platform lists it; `external_id` is the platform's own id, times are UTC.

    Named as in `StoredContest`, which adds our row id once it is stored.
    """

    platform: str
    external_id: str
    title: str
    url: str
    starts_at: datetime
    ends_at: datetime

    @property
    def duration(self) -> int:
        """Length in whole seconds."""
        return int((self.ends_at - self.starts_at).total_seconds())


@dataclass(frozen=True, slots=True)
class StoredContest:
    """A contest as ContestSync keeps it: our row id plus the platform's identity and times."""

    id: int
    platform: str
    external_id: str
    title: str
    url: str
    starts_at: datetime
    ends_at: datetime
    cancelled_at: datetime | None = None

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (times as ISO-8601 UTC with Z)."""
        return {
            "id": self.id,
            "platform": self.platform,
            "external_id": self.external_id,
            "title": self.title,
            "url": self.url,
            "start": format_utc(self.starts_at),
            "end": format_utc(self.ends_at),
            "duration": int((self.ends_at - self.starts_at).total_seconds()),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> StoredContest:
        """Inverse of to_json."""
        return cls(
            id=int(str(data["id"])),
            platform=str(data["platform"]),
            external_id=str(data["external_id"]),
            title=str(data["title"]),
            url=str(data["url"]),
            starts_at=parse_utc(str(data["start"])),
            ends_at=parse_utc(str(data["end"])),
        )


@dataclass(frozen=True, slots=True)
class PlatformHealth:
    """How the last scrapes of one platform went."""

    platform: str
    last_attempt_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    consecutive_failures: int
    contests_seen: int
    # Of the last scrape: entries the platform listed, how many were skipped, and why (commonest
    # reason first), e.g. (("lack startTime", 23),).
    entries_seen: int = 0
    entries_skipped: int = 0
    skip_reasons: tuple[tuple[str, int], ...] = ()

    @property
    def ok(self) -> bool:
        """True when the last attempt succeeded."""
        return self.last_attempt_at is not None and self.consecutive_failures == 0


LINK_SCHEMES = frozenset({"https", "http"})


def safe_link(url: str) -> str | None:
    """The URL when it may become a link (http(s) with a host, one line); None otherwise, so a
    platform payload can never put `javascript:` or `data:` into a page, event or message."""
    text = url.strip()
    if not text or text.split() != [text]:
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.hostname:
        return None
    return text


def format_utc(when: datetime) -> str:
    """`YYYY-MM-DDTHH:MM:SSZ` in UTC."""
    return when.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def parse_utc(text: str) -> datetime:
    """Inverse of format_utc (accepts any ISO-8601 with a zone)."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError("time has no zone")
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Identity:
    """A chat account (Telegram or Discord user) and the chat that reaches it."""

    chat_platform: str
    external_user_id: str
    user_id: int
    chat_id: str
    username: str | None = None
    blocked_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class User:
    """One person: Google link, preferences and sync state (the encrypted token is never shown)."""

    id: int
    google_sub: str | None
    google_email: str | None
    refresh_token_enc: str | None = field(repr=False)
    calendar_id: str | None
    google_status: GoogleStatus
    platforms: list[str]
    timezone: str
    reminder_minutes: list[int]
    sync_status: SyncStatus
    last_sync_at: datetime | None
    last_sync_error: str | None
    created_at: datetime

    @property
    def connected(self) -> bool:
        """True when a usable Google grant is stored."""
        return self.google_status is GoogleStatus.ACTIVE and self.refresh_token_enc is not None


@dataclass(frozen=True, slots=True)
class GuildSetup:
    """A Discord server's announcement setup (/setup); active when enabled and the bot is in it."""

    guild_id: str
    channel_id: str | None
    platforms: list[str]
    roles: dict[str, str]  # platform → role id
    reminder_minutes: list[int]
    enabled: bool
    picker_channel_id: str | None
    picker_message_id: str | None
    configured_by: str | None
    removed_at: datetime | None

    @property
    def active(self) -> bool:
        """Announcements go out: switched on, a channel chosen, and the bot in the server."""
        return self.enabled and self.channel_id is not None and self.removed_at is None


@dataclass(frozen=True, slots=True)
class CalendarEventRecord:
    """What we last wrote to a user's calendar for one contest."""

    user_id: int
    contest_id: int
    event_id: str
    calendar_id: str
    content_hash: str


@dataclass(frozen=True, slots=True)
class FeedContest:
    """A contest as a calendar feed shows it: times, change stamp and iCalendar SEQUENCE."""

    platform: str
    external_id: str
    title: str
    url: str
    starts_at: datetime
    ends_at: datetime
    updated_at: datetime
    sequence: int
    cancelled_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class FeedOwner:
    """The user behind a feed token: what their feed holds and when their choices last changed."""

    user_id: int
    platforms: list[str]
    reminder_minutes: list[int]
    updated_at: datetime
