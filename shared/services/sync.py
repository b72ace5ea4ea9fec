"""Calendar sync, connect-time calendar set-up and disconnect: the executor around the planner."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Protocol

from arq.connections import ArqRedis
from redis.asyncio import Redis

from shared.alerts.watch import classify_sync_failure
from shared.cache import OwnedLock
from shared.cache import keys as cache_keys
from shared.calendar.client import (
    BATCH_LIMIT,
    RATE_LIMIT_REASONS,
    CalendarApi,
    CalendarClient,
    CallResult,
    EventCall,
    GrantRevokedError,
    is_retryable,
)
from shared.calendar.plan import (
    CALENDAR_DESCRIPTION,
    CALENDAR_SUMMARY,
    DEFAULT_REMINDERS,
    Operation,
    OpKind,
    build_event,
    plan_sync,
)
from shared.calendar.tokens import forget_access_token, read_access_token, token_to_keep
from shared.crypto import DecryptionError, TokenCipher
from shared.db import events as eq
from shared.db import users as uq
from shared.db.pools import Database
from shared.errors import ContestSyncError, ExternalServiceError
from shared.messaging import Messenger
from shared.models import CalendarEventRecord, SyncOutcome, SyncStatus, User
from shared.platforms.registry import PLATFORMS
from shared.retry import Backoff
from shared.services.grants import CleanupReason, record_cleanup, start_cleanups

log = logging.getLogger(__name__)

MAX_ROUNDS = 8
PARALLEL_BATCHES = 4
BACKOFF_BASE = 1.0
BACKOFF_MAX = 32.0
UNREADABLE_GRANT = (
    "the stored Google grant cannot be decrypted (is ENCRYPTION_KEY right?); nothing was changed"
)
REVOKED_NOTICE = (
    "Google no longer lets ContestSync update your calendar (access was revoked or expired). "
    "Your preferences are kept: use /connect to link your Google Calendar again."
)


class _CalendarDeps(Protocol):
    """What the locked part of a sync reads and writes: the user's rows, the sealed grant and
    its cached access token, and Google's calendar API."""

    @property
    def db(self) -> Database: ...
    @property
    def valkey(self) -> Redis: ...
    @property
    def cipher(self) -> TokenCipher: ...
    @property
    def calendar(self) -> CalendarApi: ...


class SyncDeps(_CalendarDeps, Protocol):
    """What a calendar sync reaches: the above, its lock in Valkey, and the chats it tells when
    Google revoked the grant."""

    @property
    def messenger(self) -> Messenger: ...


class GrantUnreadableError(ContestSyncError):
    """The sealed grant does not decrypt under the configured keys (a wrong ENCRYPTION_KEY)."""


@dataclass
class SyncResult:
    """How a sync ended, with counts of event writes."""

    user_id: int
    status: SyncOutcome
    created: int = 0
    updated: int = 0
    deleted: int = 0
    failed: int = 0
    error: str | None = None
    calendar_recreated: bool = False
    throttled: int = 0  # calls Google answered 429 / rate limit (for the quota alert)
    run_recorded: bool = False  # its `sync_runs` row is written (with the outcome)

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (arq results, bot messages): the outcome's fields (not the
        bookkeeping flag `run_recorded`), the status as its text."""
        data: dict[str, object] = {name: getattr(self, name) for name in _JSON_FIELDS}
        data["status"] = str(self.status)
        return data

    def counts(self) -> dict[str, int]:
        """The event writes by kind, and the calls Google throttled (a `sync_runs` row's)."""
        return {name: getattr(self, name) for name in _COUNTS}


# (Listed once from the dataclass: `asdict` copies deeply, and a worker calls these per sync.)
_JSON_FIELDS = tuple(f.name for f in fields(SyncResult) if f.name != "run_recorded")
_COUNTS = ("created", "updated", "deleted", "failed", "throttled")


@dataclass
class _Pending:
    op: Operation
    tries: int = 0
    converted: bool = False


@dataclass
class _Round:
    retry: list[_Pending] = field(default_factory=list)
    later: bool = False  # Google said "later" (429, 5xx, rate limit): back off before retrying
    retry_after: float | None = None  # the longest Retry-After Google gave, if any


def _labels() -> dict[str, str]:
    return {name: p.label for name, p in PLATFORMS.items()}


async def ensure_calendar(db: Database, user: User, client: CalendarClient) -> tuple[str, bool]:
    """The user's "Contests" calendar id, reading it from Google first; (id, newly created)."""
    if user.calendar_id:
        calendar = await client.get_calendar(user.calendar_id)
        if calendar is not None:
            if calendar.get("timeZone") != user.timezone:
                await _follow_time_zone(client, user)
            return user.calendar_id, False
        log.info("calendar of user %d is gone on Google's side; recreating it", user.id)
    else:
        found = await client.find_calendar(CALENDAR_SUMMARY)
        if found is not None:
            await uq.update_calendar_id(db.write, user.id, found)
            return found, False
    calendar_id = await client.insert_calendar(
        CALENDAR_SUMMARY, user.timezone, CALENDAR_DESCRIPTION
    )
    async with db.write.acquire() as conn, conn.transaction():
        await uq.update_calendar_id(conn, user.id, calendar_id)
        await eq.delete_calendar_events(conn, user.id)
    return calendar_id, True


async def _follow_time_zone(client: CalendarClient, user: User) -> None:
    """Give the calendar the user's time zone (after /timezone); a failure only costs that."""
    assert user.calendar_id is not None
    try:
        await client.set_calendar_time_zone(user.calendar_id, user.timezone)
    except ExternalServiceError as exc:  # a revoked grant is not one of these: it propagates
        log.warning("user %d: calendar time zone left as it was: %s", user.id, exc)
        return
    log.info("user %d: calendar time zone now follows theirs", user.id)


async def handle_revoked(db: Database, valkey: Redis, messenger: Messenger, user_id: int) -> None:
    """invalid_grant: keep the user and preferences, drop the token, tell them in chat."""
    await uq.mark_revoked(db.write, user_id, "Google access was revoked; /connect again")
    await forget_access_token(valkey, user_id)
    await messenger.notify_user(user_id, "google_revoked", REVOKED_NOTICE)
    log.info("user %d: Google grant revoked", user_id)


async def sync_user_calendar(
    deps: SyncDeps,
    user_id: int,
    now: datetime | None = None,
    backoff: Backoff | None = None,
) -> SyncResult:
    """Make the user's calendar hold exactly their upcoming contests (DESIGN §5 Sync).

    A sync that ran to its end records its `sync_runs` row itself, with its outcome
    (`SyncResult.run_recorded`); `shared.alerts.watch.note_sync` records the others.
    """
    began = time.monotonic()
    lock = OwnedLock(deps.valkey, cache_keys.sync_lock(user_id), cache_keys.SYNC_LOCK_TTL)
    # The access token an earlier sync got is read with the lock, in one round trip.
    taken, stored_token = await lock.acquire_reading(cache_keys.access_token(user_id))
    if not taken:
        log.info("sync of user %d already running elsewhere; skipped", user_id)
        return SyncResult(user_id, SyncOutcome.BUSY, error="a sync is already running")
    # One statement marks the sync running and reads what it needs, the user's sync mark among
    # them: as it was before this sync read anything, cleared at the end only if unchanged.
    started = await uq.start_sync(deps.db.write, user_id, now or datetime.now(UTC))
    if started is None:
        await lock.release()
        if await uq.get_user(deps.db.write, user_id) is None:
            return SyncResult(user_id, SyncOutcome.SKIPPED, error="no such user")
        return SyncResult(
            user_id, SyncOutcome.NOT_CONNECTED, error="Google Calendar is not connected"
        )
    if started.interrupted:
        log.warning(
            "the last sync of user %d never finished (its worker stopped); syncing again", user_id
        )
    lost = asyncio.Event()
    renewer = asyncio.create_task(_keep_lock(lock, lost))
    keep: list[tuple[str, str, int]] = []  # the access token to store as the lock is released
    try:
        result = await _sync_locked(
            deps, started, stored_token, backoff or Backoff(BACKOFF_BASE, BACKOFF_MAX), lost, keep
        )
    except GrantRevokedError:
        keep.clear()  # a token of a revoked grant is not kept
        await handle_revoked(deps.db, deps.valkey, deps.messenger, user_id)
        return SyncResult(user_id, SyncOutcome.REVOKED, error="Google access was revoked")
    except (ExternalServiceError, GrantUnreadableError) as exc:
        await uq.update_sync_state(
            deps.db.write, user_id, SyncStatus.FAILED, datetime.now(UTC), str(exc)[:300]
        )
        log.warning("sync of user %d failed: %s", user_id, exc)
        return SyncResult(user_id, SyncOutcome.FAILED, error=str(exc)[:300])
    except BaseException as exc:
        # A bug, a lost database or a cancelled job: never leave the user "running" for ever.
        with contextlib.suppress(Exception):
            await uq.update_sync_state(
                deps.db.write,
                user_id,
                SyncStatus.FAILED,
                datetime.now(UTC),
                f"the sync stopped unexpectedly ({type(exc).__name__})",
            )
        raise
    finally:
        renewer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await renewer
        with contextlib.suppress(Exception):  # the lock expires by itself if Valkey is away
            await (lock.release_writing(*keep[0]) if keep else lock.release())
    status = SyncStatus.OK if result.failed == 0 else SyncStatus.PARTIAL
    if lost.is_set():
        status, result.error = SyncStatus.FAILED, "sync lock lost; stopped early"
    result.status = SyncOutcome(status)
    counts = result.counts()
    cause = None if status is SyncStatus.OK else classify_sync_failure(result.status, result.error)
    await uq.finish_sync(
        deps.db.write,
        user_id,
        status,
        datetime.now(UTC),
        result.error,
        counts,
        covered=started.wanted,
        cause=cause,
        duration_ms=int((time.monotonic() - began) * 1000),
    )
    result.run_recorded = True
    log.info(
        "synced user %d: %d created, %d updated, %d deleted, %d failed",
        user_id,
        result.created,
        result.updated,
        result.deleted,
        result.failed,
    )
    return result


async def _keep_lock(lock: OwnedLock, lost: asyncio.Event) -> None:
    interval = lock.ttl_ms / 1000 / 3
    failing = False
    while True:
        await asyncio.sleep(interval)
        try:
            renewed = await lock.renew()
        except Exception as exc:  # a Valkey hiccup: keep trying until the TTL would lapse
            if not failing:  # once per outage, not every few seconds
                log.warning("could not renew %s: %s", lock.key, exc.__class__.__name__)
            failing = True
            continue
        failing = False
        if not renewed:
            lost.set()
            return


async def _sync_locked(
    deps: _CalendarDeps,
    started: uq.SyncStart,
    stored_token: bytes | None,
    backoff: Backoff,
    lost: asyncio.Event,
    keep: list[tuple[str, str, int]],
) -> SyncResult:
    """The sync under the lock; the access token it ends with goes into `keep`."""
    user = started.user
    try:
        token = deps.cipher.decrypt(user.refresh_token_enc or "", user.id)
    except DecryptionError:
        # Never treated as a revoked grant: a wrong ENCRYPTION_KEY must not wipe anything.
        log.error(
            "stored Google grant of user %d does not decrypt with ENCRYPTION_KEY or "
            "ENCRYPTION_OLD_KEYS; the sync failed and the grant is kept",
            user.id,
        )
        raise GrantUnreadableError(UNREADABLE_GRANT) from None
    # The access token an earlier sync got is used until it expires: no refresh per sync.
    stored = read_access_token(stored_token, deps.cipher, user.id, token)
    client = deps.calendar.client(token, stored)
    try:
        labels = _labels()
        reminders = (
            user.reminder_minutes if user.reminder_minutes is not None else DEFAULT_REMINDERS
        )
        if started.reminder_delivery == "chat":
            reminders = []  # reminders come as chat messages only: no calendar popups
        desired = [
            build_event(c, labels.get(c.platform, c.platform), reminders) for c in started.contests
        ]
        # The contests and the records were read as the sync started. Records read before a
        # calendar is recreated name the old calendar, and the planner treats those as absent.
        throttled = 0
        if user.calendar_id is not None:
            ops = plan_sync(desired, started.recorded, user.calendar_id)
            if ops:
                # Writes to make: the calendar is read in their first batch, not on its own.
                result = SyncResult(user.id, SyncOutcome.RUNNING)
                read = await _execute(
                    deps.db,
                    user.id,
                    client,
                    user.calendar_id,
                    ops,
                    result,
                    backoff,
                    lost,
                    read_calendar=True,
                )
                if read is None or read.status == 200:  # None: the lock was lost at once
                    if read is not None and (read.body or {}).get("timeZone") != user.timezone:
                        await _follow_time_zone(client, user)
                    return result
                # Gone, or the read failed: nothing of that batch was recorded, and the sync
                # goes the long way (a write that landed anyway is found again: 409 → update).
                log.info("user %d: calendar read answered %d; checked apart", user.id, read.status)
                throttled = result.throttled
        calendar_id, recreated = await ensure_calendar(deps.db, user, client)
        ops = plan_sync(desired, started.recorded, calendar_id)
        result = SyncResult(
            user.id, SyncOutcome.RUNNING, calendar_recreated=recreated, throttled=throttled
        )
        await _execute(deps.db, user.id, client, calendar_id, ops, result, backoff, lost)
        return result
    finally:
        kept = token_to_keep(deps.cipher, user.id, token, client.access_token(), stored)
        if kept is not None:
            keep.append(kept)


async def _execute(
    db: Database,
    user_id: int,
    client: CalendarClient,
    calendar_id: str,
    ops: Sequence[Operation],
    result: SyncResult,
    backoff: Backoff,
    lost: asyncio.Event,
    *,
    read_calendar: bool = False,
) -> CallResult | None:
    """Write `ops` in batches, in rounds until every write landed or failed for good.

    With `read_calendar`, the first batch also reads the calendar and goes before the others;
    when that read is not a 200 nothing is settled or sent further. Returns the read's result
    (None without `read_calendar`, or when no batch went).
    """
    pending = [_Pending(op) for op in ops]
    gate = asyncio.Semaphore(PARALLEL_BATCHES)
    read: CallResult | None = None

    def calls(batch: list[_Pending]) -> list[EventCall]:
        return [EventCall(p.op.kind, p.op.event_id, p.op.body_json or p.op.body) for p in batch]

    async def run(batch: list[_Pending]) -> _Round:
        async with gate:
            if lost.is_set():
                return _Round(retry=batch)
            answers = await client.execute_batch(calendar_id, calls(batch))
            return await _settle(db, user_id, calendar_id, batch, answers, result)

    for round_no in range(1, MAX_ROUNDS + 1):
        if not pending or lost.is_set():
            break
        rounds: list[_Round] = []
        if read_calendar and round_no == 1:
            first, pending = pending[: BATCH_LIMIT - 1], pending[BATCH_LIMIT - 1 :]
            read, answers = await client.execute_batch_reading(calendar_id, calls(first))
            if read.status != 200:  # throttled answers still count (the quota alert)
                result.throttled += sum(1 for a in (read, *answers) if _throttled(a))
                return read
            rounds.append(await _settle(db, user_id, calendar_id, first, answers, result))
        batches = [pending[i : i + BATCH_LIMIT] for i in range(0, len(pending), BATCH_LIMIT)]
        rounds += await asyncio.gather(*(run(b) for b in batches))
        pending = [p for r in rounds for p in r.retry]
        # Conversions (409 → update, 404 → insert) go again at once; "later" answers wait.
        if pending and round_no < MAX_ROUNDS and any(r.later for r in rounds):
            hints = [r.retry_after for r in rounds if r.retry_after is not None]
            await asyncio.sleep(backoff.delay(round_no, max(hints) if hints else None))
    result.failed += len(pending)
    if pending:
        result.error = f"{len(pending)} calendar change(s) still failing after {MAX_ROUNDS} rounds"
    return read


async def _settle(
    db: Database,
    user_id: int,
    calendar_id: str,
    batch: list[_Pending],
    answers: list[CallResult],
    result: SyncResult,
) -> _Round:
    """Record what landed (in one transaction per batch) and return what to try again."""
    landed: list[Operation] = []
    nxt = _Round()
    for pending, answer in zip(batch, answers, strict=True):
        op = pending.op
        ok = 200 <= answer.status < 300
        if op.kind is OpKind.DELETE and (ok or answer.status in (404, 410)):
            landed.append(op)
            result.deleted += 1
        elif ok:
            landed.append(op)
            if op.kind is OpKind.INSERT and not pending.converted:
                result.created += 1
            else:
                result.updated += 1
        elif op.kind is OpKind.INSERT and answer.status == 409:
            nxt.retry.append(_Pending(_as(op, OpKind.UPDATE), pending.tries, converted=True))
        elif op.kind is OpKind.UPDATE and answer.status in (404, 410):
            nxt.retry.append(_Pending(_as(op, OpKind.INSERT), pending.tries, converted=True))
        elif is_retryable(answer.status, answer.reason):
            nxt.retry.append(_Pending(op, pending.tries + 1, pending.converted))
            nxt.later = True
            if _throttled(answer):
                result.throttled += 1  # counted for the quota alert (shared/alerts)
            if answer.retry_after is not None:
                nxt.retry_after = max(nxt.retry_after or 0.0, answer.retry_after)
        else:
            result.failed += 1
            log.warning(
                "user %d: %s of an event failed with %d %s",
                user_id,
                op.kind.value,
                answer.status,
                answer.reason or "",
            )
    if landed:
        written = [
            CalendarEventRecord(
                user_id, op.contest_id, op.event_id, calendar_id, op.content_hash or ""
            )
            for op in landed
            if op.kind is not OpKind.DELETE
        ]
        gone = [op.contest_id for op in landed if op.kind is OpKind.DELETE]
        await eq.record_outcomes(db.write, user_id, written, gone, datetime.now(UTC))
    return nxt


def _throttled(answer: CallResult) -> bool:
    return answer.status == 429 or answer.reason in RATE_LIMIT_REASONS


def _as(op: Operation, kind: OpKind) -> Operation:
    return Operation(kind, op.contest_id, op.event_id, op.body, op.content_hash, op.body_json)


@dataclass(frozen=True, slots=True)
class GrantRelease:
    """What /disconnect or /deleteme did at once, and whether Google-side work follows."""

    user_id: int
    done: bool
    google_pending: bool


async def _release_grant(
    db: Database,
    valkey: Redis,
    arq: ArqRedis,
    user_id: int,
    reason: CleanupReason,
    delete_calendar: bool,
    now: datetime,
) -> tuple[bool, int | None]:
    """In one transaction: record the Google cleanup of the user's grant (telling their chats),
    then forget the link (disconnect) or the whole user (delete). (user found, cleanup id)."""
    async with db.write.acquire() as conn, conn.transaction():
        user = await uq.get_user_for_update(conn, user_id)
        if user is None:
            return False, None
        identities = await uq.list_identities(conn, user_id)
        cleanup = await record_cleanup(
            conn, user, reason, delete_calendar=delete_calendar, notify=identities, now=now
        )
        if reason is CleanupReason.DELETE:
            await uq.delete_user(conn, user_id)
        else:
            await uq.clear_google_link(conn, user.id)
            await eq.delete_calendar_events(conn, user.id)
    await forget_access_token(valkey, user_id)
    await start_cleanups(arq, [cleanup])
    return True, cleanup


async def disconnect_user(
    db: Database,
    valkey: Redis,
    arq: ArqRedis,
    user_id: int,
    delete_calendar: bool,
    now: datetime | None = None,
) -> GrantRelease:
    """Forget the Google link now (preferences kept); revoking the grant and, if asked, deleting
    the "Contests" calendar are recorded in the same transaction and carried out by the worker."""
    found, cleanup = await _release_grant(
        db,
        valkey,
        arq,
        user_id,
        CleanupReason.DISCONNECT,
        delete_calendar,
        now or datetime.now(UTC),
    )
    if not found:
        return GrantRelease(user_id, False, False)
    log.info("user %d disconnected (Google cleanup %s)", user_id, cleanup or "not needed")
    return GrantRelease(user_id, True, cleanup is not None)


async def delete_user_data(
    db: Database, valkey: Redis, arq: ArqRedis, user_id: int, now: datetime | None = None
) -> GrantRelease:
    """Remove the user, identities, events and history now, in one transaction; the revocation
    and the calendar's deletion are recorded with it and carried out by the worker."""
    found, cleanup = await _release_grant(
        db, valkey, arq, user_id, CleanupReason.DELETE, True, now or datetime.now(UTC)
    )
    if not found:
        return GrantRelease(user_id, False, False)
    log.info("user %d deleted (Google cleanup %s)", user_id, cleanup or "not needed")
    return GrantRelease(user_id, True, cleanup is not None)
