"""Giving up a Google grant, durably: revoke it and delete the calendar we made, whatever fails.

Every path that gives up a grant (/deleteme, /disconnect, a refused scope or unverified email, a
user replaced when its identity joins another, a reconnect with another Google account) records a
`google_cleanups` row in the same transaction as the change. The worker carries it out
(`carry_out_cleanup`), retrying with backoff while Google or the key is unavailable, and erases
the sealed token and the chats to tell once it is done. A fast-path enqueue follows the commit;
the worker's sweeper finds any cleanup whose enqueue was lost.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Protocol

import aiohttp
import asyncpg
from arq.connections import ArqRedis
from redis.exceptions import RedisError

from shared.cache.breaker import log_valkey_failure
from shared.calendar.client import CalendarApi, GrantRevokedError, revoke_token
from shared.calendar.plan import CALENDAR_SUMMARY
from shared.config import Settings
from shared.crypto import DecryptionError, TokenCipher
from shared.db import cleanups as gq
from shared.db import users as uq
from shared.db.cleanups import ChatTarget, GoogleCleanup
from shared.db.pools import Database
from shared.errors import ExternalServiceError, StartupError
from shared.jobs import enqueue_cleanup
from shared.messaging import Messenger
from shared.models import Identity, User

log = logging.getLogger(__name__)

# While one attempt runs, no other worker takes the same cleanup.
CLEANUP_LEASE = timedelta(minutes=5)
# Waits between attempts: 30 s, 1 min, 2 min, … up to an hour.
CLEANUP_BACKOFF_FIRST = timedelta(seconds=30)
CLEANUP_BACKOFF_MAX = timedelta(hours=1)
# After this long the grant is given up on (and the person told how to remove it themselves).
CLEANUP_GIVE_UP = timedelta(days=7)
GOOGLE_PERMISSIONS_URL = "https://myaccount.google.com/permissions"


class CleanupReason(StrEnum):
    """Why a grant is given up (decides what the person is told)."""

    DELETE = "deleteme"
    DISCONNECT = "disconnect"
    REFUSED = "refused"
    NEEDS_APPROVAL = "needs_approval"
    REPLACED_USER = "replaced_user"
    RECONNECT = "reconnect"


class CleanupOutcome(StrEnum):
    """How one attempt at a cleanup ended."""

    DONE = "done"
    ALREADY_REVOKED = "already_revoked"
    RETRY = "retry"
    GAVE_UP = "gave_up"
    NOT_DUE = "not_due"


@dataclass(frozen=True, slots=True)
class CleanupAttempt:
    """The result of `carry_out_cleanup`."""

    cleanup_id: int
    outcome: CleanupOutcome
    calendar_deleted: bool = False
    error: str | None = None


class CleanupDeps(Protocol):
    """What carrying out a cleanup reaches: the row, the sealed grant's keys, Google (the
    calendar API, and the revoke endpoint over HTTP) and the chats to tell."""

    @property
    def settings(self) -> Settings: ...
    @property
    def db(self) -> Database: ...
    @property
    def cipher(self) -> TokenCipher: ...
    @property
    def calendar(self) -> CalendarApi: ...
    @property
    def http(self) -> aiohttp.ClientSession: ...
    @property
    def messenger(self) -> Messenger: ...


KEY_CHECK_SAMPLE = 20
ROTATION_BATCH = 500


async def check_encryption_key(db: Database, cipher: TokenCipher) -> None:
    """Refuse to run when the configured keys open none of a sample of stored grants.

    A mistyped ENCRYPTION_KEY would otherwise fail every sync; refusing at start-up changes
    nothing and names the problem. Some unreadable rows among readable ones are logged only.
    """
    sample = await uq.sample_sealed_grants(db.write, KEY_CHECK_SAMPLE)
    unreadable = 0
    for user_id, sealed in sample:
        try:
            cipher.decrypt(sealed, user_id)
        except DecryptionError:
            unreadable += 1
    if sample and unreadable == len(sample):
        raise StartupError(
            f"ENCRYPTION_KEY cannot decrypt any of {len(sample)} stored Google grants, and "
            "neither can ENCRYPTION_OLD_KEYS: is it the key this database was written with? "
            "Nothing was changed."
        )
    if unreadable:
        log.error(
            "%d of %d sampled Google grants do not decrypt with the configured keys",
            unreadable,
            len(sample),
        )


@dataclass(frozen=True, slots=True)
class Rotation:
    """What `rotate_keys` did."""

    rotated: int
    current: int
    unreadable: int


async def rotate_keys(db: Database, cipher: TokenCipher) -> Rotation:
    """Re-seal every stored grant under the current ENCRYPTION_KEY, so old keys can be retired.

    Rows are rewritten one by one, only if unchanged meanwhile; a grant no key opens is left
    as it is and counted.
    """
    rotated = current = unreadable = 0
    after = 0
    while True:
        batch = await uq.list_sealed_grants(db.write, after, ROTATION_BATCH)
        if not batch:
            break
        for user_id, sealed in batch:
            after = user_id
            try:
                if not cipher.needs_rotation(sealed):
                    current += 1
                    continue
                plaintext = cipher.decrypt(sealed, user_id)
            except DecryptionError:
                unreadable += 1
                continue
            fresh = cipher.encrypt(plaintext, user_id)
            if await uq.update_sealed_grant(db.write, user_id, sealed, fresh):
                rotated += 1
    log.info(
        "keys rotated: %d re-sealed, %d already current, %d unreadable",
        rotated,
        current,
        unreadable,
    )
    return Rotation(rotated, current, unreadable)


def cleanup_backoff(attempts: int) -> timedelta:
    """The wait after `attempts` failed attempts."""
    wait: timedelta = CLEANUP_BACKOFF_FIRST * (2 ** max(0, attempts - 1))
    return min(wait, CLEANUP_BACKOFF_MAX)


async def record_cleanup(
    conn: asyncpg.Connection,
    user: User,
    reason: CleanupReason,
    *,
    delete_calendar: bool,
    notify: Sequence[Identity] = (),
    now: datetime,
) -> int | None:
    """Record the Google-side work owed for `user`'s grant (in the caller's transaction).

    None when there is nothing to do at Google: no sealed grant and no calendar to delete.
    """
    calendar_id = user.calendar_id if delete_calendar else None
    if user.refresh_token_enc is None:
        # Without a grant nothing at Google can be done; the person is told at once instead.
        return None
    return await gq.insert_cleanup(
        conn,
        user_id=user.id,
        reason=reason.value,
        refresh_token_enc=user.refresh_token_enc,
        calendar_id=calendar_id,
        delete_calendar=delete_calendar and calendar_id is not None,
        notify=[ChatTarget(i.chat_platform, i.chat_id) for i in notify if i.blocked_at is None],
        now=now,
    )


async def record_token_cleanup(
    conn: asyncpg.Connection,
    cipher: TokenCipher,
    user_id: int,
    refresh_token: str,
    reason: CleanupReason,
    now: datetime,
) -> int:
    """Record the revocation of a fresh grant we will not keep (sealed for `user_id`)."""
    return await gq.insert_cleanup(
        conn,
        user_id=user_id,
        reason=reason.value,
        refresh_token_enc=cipher.encrypt(refresh_token, user_id),
        calendar_id=None,
        delete_calendar=False,
        notify=(),
        now=now,
    )


async def start_cleanups(arq: ArqRedis, cleanup_ids: Sequence[int | None]) -> None:
    """Fast path after the commit: queue the recorded cleanups now (the sweeper is the backstop)."""
    for cleanup_id in cleanup_ids:
        if cleanup_id is None:
            continue
        try:
            await enqueue_cleanup(arq, cleanup_id, 0)
        except (RedisError, OSError) as exc:
            log_valkey_failure(log, exc, "cleanup %d not queued now (the sweeper will)", cleanup_id)


async def carry_out_cleanup(
    deps: CleanupDeps, cleanup_id: int, now: datetime | None = None
) -> CleanupAttempt:
    """One attempt: delete the calendar if asked, revoke the grant, record the outcome."""
    now = now or datetime.now(UTC)
    db, messenger = deps.db, deps.messenger
    cleanup = await gq.claim_cleanup(db.write, cleanup_id, now, now + CLEANUP_LEASE)
    if cleanup is None:
        return CleanupAttempt(cleanup_id, CleanupOutcome.NOT_DUE)
    try:
        token = deps.cipher.decrypt(cleanup.refresh_token_enc or "", cleanup.user_id)
    except DecryptionError:
        log.error(
            "cleanup %d: the sealed Google grant does not decrypt with ENCRYPTION_KEY or "
            "ENCRYPTION_OLD_KEYS; it stays recorded and is tried again",
            cleanup.id,
        )
        return await _failed(db, messenger, cleanup, "the stored grant cannot be decrypted", now)
    calendar_deleted = False
    try:
        if cleanup.delete_calendar and cleanup.calendar_id:
            try:
                # False means it was already gone (an earlier attempt, or the person): fine too.
                await deps.calendar.client(token).delete_calendar(cleanup.calendar_id)
                calendar_deleted = True
            except GrantRevokedError:
                log.info("cleanup %d: grant already revoked; calendar left in place", cleanup.id)
        revoked = await revoke_token(deps.http, deps.settings.GOOGLE_REVOKE_URL, token)
    except (ExternalServiceError, aiohttp.ClientError, TimeoutError) as exc:
        log.warning("cleanup %d: Google unavailable (%s); tried again later", cleanup.id, exc)
        error = f"Google unavailable: {type(exc).__name__}"
        return await _failed(db, messenger, cleanup, error, now)
    outcome = CleanupOutcome.DONE if revoked else CleanupOutcome.ALREADY_REVOKED
    await gq.update_cleanup_done(db.write, cleanup.id, outcome.value, now)
    log.info(
        "cleanup %d (%s): grant %s, calendar deleted: %s",
        cleanup.id,
        cleanup.reason,
        "revoked" if revoked else "already invalid",
        calendar_deleted,
    )
    await _tell(messenger, cleanup, _done_text(cleanup, revoked, calendar_deleted))
    return CleanupAttempt(cleanup.id, outcome, calendar_deleted)


async def _failed(
    db: Database, messenger: Messenger, cleanup: GoogleCleanup, error: str, now: datetime
) -> CleanupAttempt:
    if now - cleanup.created_at >= CLEANUP_GIVE_UP:
        await gq.update_cleanup_done(db.write, cleanup.id, CleanupOutcome.GAVE_UP.value, now)
        log.error("cleanup %d given up after %d attempts: %s", cleanup.id, cleanup.attempts, error)
        await _tell(
            messenger,
            cleanup,
            "ContestSync could not revoke its access to your Google account. Please remove "
            f"ContestSync yourself at {GOOGLE_PERMISSIONS_URL}.",
        )
        return CleanupAttempt(cleanup.id, CleanupOutcome.GAVE_UP, error=error)
    await gq.update_cleanup_failed(
        db.write, cleanup.id, error, now + cleanup_backoff(cleanup.attempts)
    )
    return CleanupAttempt(cleanup.id, CleanupOutcome.RETRY, error=error)


def _done_text(cleanup: GoogleCleanup, revoked: bool, calendar_deleted: bool) -> str:
    access = (
        "ContestSync's access to your Google account is revoked"
        if revoked
        else "Google had already withdrawn ContestSync's access"
    )
    if cleanup.delete_calendar:
        calendar = (
            f'the "{CALENDAR_SUMMARY}" calendar is deleted'
            if calendar_deleted
            else f'the "{CALENDAR_SUMMARY}" calendar could not be deleted from here (remove it '
            "in Google Calendar if you like)"
        )
        return f"Done: {access}, and {calendar}."
    return f"Done: {access}."


async def _tell(messenger: Messenger, cleanup: GoogleCleanup, text: str) -> None:
    for target in cleanup.notify:
        await messenger.notify_chat(
            target.chat_platform, target.chat_id, f"google_{cleanup.reason}", text
        )
