"""Discord guild scheduled events mirroring a server's contests of the next 7 days.

A pure planner (desired events vs recorded ones → create / update / delete) and a small
executor that records each outcome as it lands (`guild_events`), like the calendar sync: a
contest that moves updates its event, a cancelled contest or a deselected platform deletes it,
a server whose setup is switched off loses its events. Update 404 → create again; delete 404 →
already gone.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from shared.db import deliveries as dq
from shared.db.deliveries import EventContest, GuildEventRecord
from shared.db.pools import Database
from shared.delivery.render import platform_label, render_length

log = logging.getLogger(__name__)

HORIZON = timedelta(days=7)
NAME_LIMIT = 100
DESCRIPTION_LIMIT = 1000


class EventGoneError(Exception):
    """The event no longer exists in the server (404)."""


class EventsApi(Protocol):
    """A server's scheduled events (external, location = contest URL)."""

    async def create(self, guild_id: str, payload: dict[str, object]) -> str:
        """Create one; its id."""
        ...

    async def update(self, guild_id: str, event_id: str, payload: dict[str, object]) -> None:
        """Change one; EventGoneError when it was deleted."""
        ...

    async def delete(self, guild_id: str, event_id: str) -> None:
        """Delete one; EventGoneError when it was already deleted."""
        ...


@dataclass(frozen=True, slots=True)
class EventOp:
    """One change to a server's events."""

    action: str  # create | update | delete
    contest_id: int
    event_id: str | None = None
    payload: dict[str, object] | None = None
    content_hash: str = ""


def build_event_payload(contest: EventContest) -> dict[str, object]:
    """An external scheduled event for a contest: name, start, end, location, description."""
    label = platform_label(contest.platform)
    name = f"[{label}] {' '.join(contest.title.split())}"
    description = (
        f"{label} contest, {render_length(contest.starts_at, contest.ends_at)}.\n{contest.url}"
    )
    return {
        "name": name[:NAME_LIMIT],
        "privacy_level": 2,
        "entity_type": 3,
        "entity_metadata": {"location": contest.url[:100]},
        "scheduled_start_time": contest.starts_at.isoformat(),
        "scheduled_end_time": contest.ends_at.isoformat(),
        "description": description[:DESCRIPTION_LIMIT],
    }


def content_hash(payload: dict[str, object]) -> str:
    """A stable hash of what an event holds."""
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:32]


def plan_guild_events(
    contests: list[EventContest],
    recorded: list[GuildEventRecord],
    platforms: list[str],
    mirrored: bool,
    now: datetime,
) -> list[EventOp]:
    """Desired events (a mirrored server's contests of its platforms — all when none — that
    start within HORIZON and have not started; an event already made follows its contest even
    beyond) against recorded ones. An event whose contest
    is under way is left alone; one whose contest is cancelled, ended, or no longer followed
    is deleted."""
    by_id = {c.id: c for c in contests}
    have = {r.contest_id: r for r in recorded}
    ops: list[EventOp] = []

    def followed(c: EventContest) -> bool:
        return mirrored and c.cancelled_at is None and (not platforms or c.platform in platforms)

    for contest in contests:
        record = have.get(contest.id)
        if not followed(contest) or contest.starts_at <= now:
            continue
        if record is None and contest.starts_at > now + HORIZON:
            continue  # created once it comes within the horizon
        payload = build_event_payload(contest)
        digest = content_hash(payload)
        if record is None:
            ops.append(EventOp("create", contest.id, None, payload, digest))
        elif record.content_hash != digest:
            ops.append(EventOp("update", contest.id, record.event_id, payload, digest))
    for record in recorded:
        known = by_id.get(record.contest_id)
        if known is not None and followed(known) and now < known.ends_at:
            continue  # under way, or still to come (created/updated above)
        ops.append(EventOp("delete", record.contest_id, record.event_id))
    return ops


@dataclass
class EventsResult:
    """What one pass did."""

    created: int = 0
    updated: int = 0
    deleted: int = 0
    failed: int = 0


async def sync_guild_events(db: Database, api: EventsApi, now: datetime) -> EventsResult:
    """Bring every set-up server's scheduled events in step with its contests."""
    result = EventsResult()
    for guild_id, platforms, mirrored in await dq.list_event_guilds(db.write):
        contests = await dq.list_event_contests(db.write, guild_id, platforms, now, now + HORIZON)
        recorded = await dq.list_guild_events(db.write, guild_id)
        for op in plan_guild_events(contests, recorded, platforms, mirrored, now):
            try:
                await _apply(db, api, guild_id, op, result)
            except Exception as exc:  # boundary: one server's refusal must not stop the others
                result.failed += 1
                log.warning(
                    "scheduled event %s in a server failed: %s", op.action, exc.__class__.__name__
                )
    if result.created or result.updated or result.deleted or result.failed:
        log.info(
            "scheduled events: %d created, %d updated, %d deleted, %d failed",
            result.created,
            result.updated,
            result.deleted,
            result.failed,
        )
    return result


async def _apply(
    db: Database, api: EventsApi, guild_id: str, op: EventOp, result: EventsResult
) -> None:
    if op.action == "delete":
        assert op.event_id is not None
        try:
            await api.delete(guild_id, op.event_id)
        except EventGoneError:
            pass
        await dq.delete_guild_event(db.write, guild_id, op.contest_id)
        result.deleted += 1
        return
    assert op.payload is not None
    if op.action == "update":
        assert op.event_id is not None
        try:
            await api.update(guild_id, op.event_id, op.payload)
        except EventGoneError:
            pass  # deleted by someone in the server: create it again
        else:
            await dq.upsert_guild_event(
                db.write, guild_id, op.contest_id, op.event_id, op.content_hash
            )
            result.updated += 1
            return
    event_id = await api.create(guild_id, op.payload)
    await dq.upsert_guild_event(db.write, guild_id, op.contest_id, event_id, op.content_hash)
    result.created += 1
