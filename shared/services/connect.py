"""Connecting a Google Calendar: one-time /connect links, the OAuth redirect and its callback.

The flow of DESIGN §5: a chat identity asks for a link (hashed, single use, 10 minutes); opening it
consumes the link and starts Google's consent with a hashed, single-use state and a PKCE verifier;
the callback consumes the state, exchanges the code, reads the verified email and, in one
transaction, links the Google account to that identity's user with the encrypted refresh token.
authlib's low-level helpers build the requests; aiohttp carries them. Codes, tokens, states and
verifiers are never logged.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

import aiohttp
import asyncpg
from arq.connections import ArqRedis
from authlib.common.security import generate_token
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri, prepare_token_request
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from redis.exceptions import RedisError

from shared.cache.breaker import log_valkey_failure
from shared.calendar.client import CalendarApi
from shared.calendar.plan import CALENDAR_SUMMARY
from shared.config import Settings
from shared.crypto import TokenCipher
from shared.db import events as eq
from shared.db import links as lq
from shared.db import users as uq
from shared.db.approvals import LinkApproval
from shared.db.pools import Database
from shared.errors import ContestSyncError, GoogleUnavailableError, RateLimitedError, UserError
from shared.jobs import enqueue_sync
from shared.messaging import Messenger
from shared.models import Identity
from shared.retry import Backoff, is_retryable_status, retrying
from shared.services.grants import (
    CleanupReason,
    record_cleanup,
    record_token_cleanup,
    start_cleanups,
)
from shared.services.linking import announce_approval, request_approval
from shared.services.sync import ensure_calendar

log = logging.getLogger(__name__)

LINK_TTL = timedelta(minutes=10)
STATE_TTL = timedelta(minutes=10)
LINKS_PER_HOUR = 5
LINK_WINDOW = timedelta(hours=1)
TOKEN_BYTES = 32
VERIFIER_LENGTH = 64  # RFC 7636 allows 43..128 characters; 64 alphanumerics ≈ 381 bits
CALENDAR_APP_CREATED_SCOPE = "https://www.googleapis.com/auth/calendar.app.created"
SCOPES = ("openid", "email", CALENDAR_APP_CREATED_SCOPE)
GOOGLE_TIMEOUT = aiohttp.ClientTimeout(total=10)
# The person waits on the callback page: a few quick tries, not a long backoff.
GOOGLE_ATTEMPTS = 3
GOOGLE_BACKOFF = Backoff(base=0.5, cap=2.0)

# Upper bounds on what arrives in URLs: our tokens and states are 43 characters, Google's codes
# are about 75; anything far longer is not from us or from Google.
MAX_TOKEN_LENGTH = 128
MAX_STATE_LENGTH = 128
MAX_CODE_LENGTH = 1024
MAX_ERROR_LENGTH = 64
_URLSAFE = re.compile(r"[A-Za-z0-9_-]+")
_ERROR_NAME = re.compile(r"[a-z_]{1,40}")

CANCELLED_NOTICE = (
    "You cancelled connecting Google Calendar, so nothing was changed. "
    "Use /connect to try again whenever you like."
)
_LINK_EXPIRED = (
    "This connect link has expired or was already used. Send /connect in the chat to get a new one."
)
GOOGLE_ERROR_NOTICE = (
    "Google could not complete the connection, so nothing was changed. Use /connect to try again."
)


class ConnectDeps(Protocol):
    """What the OAuth callback reaches: the states and users in the database, Google's OAuth
    endpoints over HTTP and its calendar API, the grant's cipher, the queue (first sync,
    cleanups) and the chats it tells."""

    @property
    def settings(self) -> Settings: ...
    @property
    def db(self) -> Database: ...
    @property
    def http(self) -> aiohttp.ClientSession: ...
    @property
    def cipher(self) -> TokenCipher: ...
    @property
    def calendar(self) -> CalendarApi: ...
    @property
    def arq(self) -> ArqRedis: ...
    @property
    def messenger(self) -> Messenger: ...


class LinkExpiredError(UserError):
    """A /connect link is unknown, already used or expired."""


class ConnectUnavailableError(UserError):
    """Google sign-in is not configured on this server."""


@dataclass(frozen=True, slots=True)
class ConnectLink:
    """A one-time link that starts the Google consent for one chat identity."""

    url: str
    expires_at: datetime


class OutcomeKind(StrEnum):
    """How an OAuth callback ended."""

    CONNECTED = "connected"
    CANCELLED = "cancelled"
    INVALID_STATE = "invalid_state"
    GOOGLE_ERROR = "google_error"
    EXCHANGE_FAILED = "exchange_failed"
    MISSING_SCOPE = "missing_scope"
    UNVERIFIED_EMAIL = "unverified_email"
    NEEDS_APPROVAL = "needs_approval"


@dataclass(frozen=True, slots=True)
class ConnectOutcome:
    """The result of the callback; `message` is safe to show on a page."""

    kind: OutcomeKind
    message: str
    email: str | None = None
    user_id: int | None = None

    @property
    def ok(self) -> bool:
        """True when the Google account is now connected (or waits only for the owner's yes)."""
        return self.kind in (OutcomeKind.CONNECTED, OutcomeKind.NEEDS_APPROVAL)


_INVALID_STATE = ConnectOutcome(
    OutcomeKind.INVALID_STATE,
    "This sign-in attempt is unknown, expired or was already used. Nothing was changed. "
    "Send /connect in the chat to get a new link.",
)
_EXCHANGE_FAILED = ConnectOutcome(
    OutcomeKind.EXCHANGE_FAILED,
    "Google did not confirm the sign-in, so nothing was changed. "
    "Send /connect in the chat to try again.",
)


def hash_secret(value: str) -> bytes:
    """SHA-256 of a link token or state: the only form stored."""
    return hashlib.sha256(value.encode("utf-8")).digest()


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


def _well_formed(value: str, max_length: int) -> bool:
    return 0 < len(value) <= max_length and bool(_URLSAFE.fullmatch(value))


async def create_connect_link(
    db: Database,
    settings: Settings,
    chat_platform: str,
    external_user_id: str,
    chat_id: str,
    username: str | None = None,
    now: datetime | None = None,
) -> ConnectLink:
    """A new one-time /connect link for a chat identity; RateLimitedError after 5 in an hour."""
    now = _now(now)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    expires_at = now + LINK_TTL
    async with db.write.acquire() as conn, conn.transaction():
        # The identity upsert locks its row, so concurrent requests of one identity count in turn.
        await uq.upsert_identity(conn, chat_platform, external_user_id, chat_id, username)
        recent = await lq.count_link_tokens_since(
            conn, chat_platform, external_user_id, now - LINK_WINDOW
        )
        if recent >= LINKS_PER_HOUR:
            latest = (now + LINK_WINDOW).astimezone(UTC)
            raise RateLimitedError(
                f"You asked for {LINKS_PER_HOUR} connect links in the last hour. "
                f"Please try again later — at the latest at {latest:%H:%M} UTC."
            )
        await lq.insert_link_token(
            conn, hash_secret(token), chat_platform, external_user_id, now, expires_at
        )
    base = settings.PUBLIC_BASE_URL.rstrip("/")
    log.info("connect link issued for a %s identity", chat_platform)
    return ConnectLink(url=f"{base}/connect/{token}", expires_at=expires_at)


async def describe_link(db: Database, token: str, now: datetime | None = None) -> Identity:
    """The chat identity a live /connect link belongs to, without using it up.

    Raises LinkExpiredError for an unknown, used or expired link.
    """
    if not _well_formed(token, MAX_TOKEN_LENGTH):
        raise LinkExpiredError(_LINK_EXPIRED)
    owner = await lq.get_link_owner(db.write, hash_secret(token), _now(now))
    if owner is None:
        raise LinkExpiredError(_LINK_EXPIRED)
    return owner


async def begin_oauth(
    db: Database, settings: Settings, token: str, now: datetime | None = None
) -> str:
    """Consume a /connect token and return Google's authorization URL (PKCE, state stored hashed).

    Raises LinkExpiredError for an unknown, used or expired link.
    """
    if not settings.GOOGLE_CLIENT_ID or settings.GOOGLE_CLIENT_SECRET is None:
        raise ConnectUnavailableError(
            "Connecting Google Calendar is not set up on this server yet. "
            "Please tell the maintainers."
        )
    if not _well_formed(token, MAX_TOKEN_LENGTH):
        raise LinkExpiredError(_LINK_EXPIRED)
    now = _now(now)
    token_hash = hash_secret(token)
    state = secrets.token_urlsafe(TOKEN_BYTES)
    verifier = generate_token(VERIFIER_LENGTH)
    async with db.write.acquire() as conn, conn.transaction():
        owner = await lq.consume_link_token(conn, token_hash, now)
        if owner is None:
            raise LinkExpiredError(_LINK_EXPIRED)
        chat_platform, external_user_id = owner
        await lq.insert_oauth_state(
            conn,
            hash_secret(state),
            verifier,
            token_hash,
            chat_platform,
            external_user_id,
            now,
            now + STATE_TTL,
        )
    log.info("Google consent started for a %s identity", chat_platform)
    uri: str = prepare_grant_uri(
        settings.GOOGLE_AUTH_URL,
        client_id=settings.GOOGLE_CLIENT_ID,
        response_type="code",
        redirect_uri=settings.google_redirect_url,
        scope=list(SCOPES),
        state=state,
        code_challenge=create_s256_code_challenge(verifier),
        code_challenge_method="S256",
        access_type="offline",
        prompt="consent",
        include_granted_scopes="true",
    )
    return uri


async def complete_oauth(  # noqa: PLR0911 - one return per outcome, each its own page
    deps: ConnectDeps,
    state: str | None,
    code: str | None,
    error: str | None,
    now: datetime | None = None,
) -> ConnectOutcome:
    """Finish the consent: check and consume the state, exchange the code, link the account."""
    now = _now(now)
    if state is None or not _well_formed(state, MAX_STATE_LENGTH):
        log.warning("OAuth callback without a well-formed state")
        return _INVALID_STATE
    db = deps.db
    pending = await lq.consume_oauth_state(db.write, hash_secret(state), now)
    if pending is None:
        log.warning("OAuth callback with an unknown, used or expired state")
        return _INVALID_STATE
    identity = await uq.get_identity(db.write, pending.chat_platform, pending.external_user_id)
    if identity is None:  # deleted their data while the consent page was open
        return _INVALID_STATE
    if error is not None:
        return await _google_refused(deps.messenger, identity.user_id, error)
    if not code or len(code) > MAX_CODE_LENGTH:
        log.warning("OAuth callback without a usable code")
        return _EXCHANGE_FAILED

    tokens = await _exchange_code(deps.http, deps.settings, code, pending.code_verifier)
    if tokens is None:
        return _EXCHANGE_FAILED
    access_token = tokens.get("access_token")
    refresh_token = tokens.get("refresh_token")
    if not isinstance(access_token, str) or not access_token:
        log.warning("Google token answer has no access token")
        return _EXCHANGE_FAILED
    if not isinstance(refresh_token, str) or not refresh_token:
        log.warning("Google token answer has no refresh token")
        return _EXCHANGE_FAILED
    granted = tokens.get("scope")
    if isinstance(granted, str) and CALENDAR_APP_CREATED_SCOPE not in granted.split():
        log.warning("Google consent given without the calendar scope")
        await _give_back(deps, identity.user_id, refresh_token, now)
        return ConnectOutcome(
            OutcomeKind.MISSING_SCOPE,
            "ContestSync needs permission to create its own calendar, and that box was left "
            "unticked, so nothing was changed. Send /connect in the chat and allow calendar "
            "access to try again.",
        )

    profile = await _fetch_userinfo(deps.http, deps.settings, access_token)
    if profile is None:
        await _give_back(deps, identity.user_id, refresh_token, now)
        return _EXCHANGE_FAILED
    sub, email, verified = profile
    if not verified:
        log.warning("Google account without a verified email refused")
        await _give_back(deps, identity.user_id, refresh_token, now)
        return ConnectOutcome(
            OutcomeKind.UNVERIFIED_EMAIL,
            "This Google account has no verified email address, so nothing was changed. "
            "Verify the address with Google (or use another account), then send /connect "
            "in the chat again.",
            email=email,
        )

    linked = await _link_account(db, deps.cipher, identity, sub, email, refresh_token, now)
    if linked is None:  # deleted their data while the consent page was open
        return _INVALID_STATE
    await start_cleanups(deps.arq, linked.cleanups)
    if linked.approval is not None:
        await announce_approval(deps.messenger, linked.approval, identity, email)
        return ConnectOutcome(
            OutcomeKind.NEEDS_APPROVAL,
            "This Google account is already connected to ContestSync from another chat. We "
            "asked there to approve this chat; nothing is linked until someone does, within 10 "
            "minutes. You can close this tab.",
            email=email,
        )
    user_id = linked.user_id
    log.info(
        "user %d connected Google Calendar from a %s identity", user_id, identity.chat_platform
    )

    await _prepare_calendar(db, deps.calendar, user_id, refresh_token)
    await deps.messenger.notify_user(
        user_id,
        "google_connected",
        f'Connected as {email}. Your contests are being added to the "{CALENDAR_SUMMARY}" '
        "calendar.",
    )
    try:
        await enqueue_sync(deps.arq, user_id)
    except (RedisError, OSError) as exc:  # the daily sync picks the user up later
        log_valkey_failure(log, exc, "could not queue the first sync of user %d", user_id)
    return ConnectOutcome(
        OutcomeKind.CONNECTED,
        f'Connected as {email}. Your contests are being added to the "{CALENDAR_SUMMARY}" '
        "calendar. You can close this tab.",
        email=email,
        user_id=user_id,
    )


@dataclass(frozen=True, slots=True)
class _Linked:
    user_id: int
    approval: LinkApproval | None = None
    cleanups: tuple[int | None, ...] = ()


async def _give_back(deps: ConnectDeps, user_id: int, refresh_token: str, now: datetime) -> None:
    """A grant we refuse to keep is revoked (recorded durably, carried out by the worker)."""
    async with deps.db.write.acquire() as conn, conn.transaction():
        cleanup = await record_token_cleanup(
            conn, deps.cipher, user_id, refresh_token, CleanupReason.REFUSED, now
        )
    await start_cleanups(deps.arq, [cleanup])


async def _link_account(
    db: Database,
    cipher: TokenCipher,
    identity: Identity,
    sub: str,
    email: str,
    refresh_token: str,
    now: datetime,
) -> _Linked | None:
    """In one transaction: link the Google account to this identity's own user with the sealed
    grant, or, when another user holds that account, open a request for its approval instead
    (and give the new grant back). A different account linked before is given up."""
    for attempt in (1, 2):
        try:
            async with db.write.acquire() as conn, conn.transaction():
                fresh = await uq.get_identity(
                    conn, identity.chat_platform, identity.external_user_id
                )
                if fresh is None:
                    return None
                owner = await uq.get_user_by_google_sub(conn, sub)
                if owner is not None and owner.id != fresh.user_id:
                    approval = await request_approval(conn, fresh, owner.id, now)
                    cleanup = await record_token_cleanup(
                        conn,
                        cipher,
                        fresh.user_id,
                        refresh_token,
                        CleanupReason.NEEDS_APPROVAL,
                        now,
                    )
                    return _Linked(owner.id, approval, (cleanup,))
                user = await uq.get_user_for_update(conn, fresh.user_id)
                if user is None:
                    return None
                cleanups: tuple[int | None, ...] = ()
                if user.google_sub is not None and user.google_sub != sub:
                    # Reconnecting with another Google account: the old grant and calendar go.
                    old = await record_cleanup(
                        conn, user, CleanupReason.RECONNECT, delete_calendar=True, now=now
                    )
                    await eq.delete_calendar_events(conn, user.id)
                    cleanups = (old,)
                sealed = cipher.encrypt(refresh_token, user.id)
                await uq.link_google_account(conn, user.id, sub, email, sealed)
                return _Linked(user.id, None, cleanups)
        except asyncpg.UniqueViolationError:
            # Another user linked the same Google account at the same moment; the second
            # attempt finds that owner and asks for its approval.
            if attempt == 2:
                raise
            log.info("Google account linked concurrently; asking its owner instead")
    return None


async def _google_refused(messenger: Messenger, user_id: int, error: str) -> ConnectOutcome:
    """Google sent an error instead of a code: tell them in chat and on the page."""
    name = error if _ERROR_NAME.fullmatch(error) else "other"
    if name == "access_denied":
        log.info("Google consent cancelled by user %d", user_id)
        await messenger.notify_user(user_id, "connect_cancelled", CANCELLED_NOTICE)
        return ConnectOutcome(
            OutcomeKind.CANCELLED,
            "You cancelled connecting Google Calendar, so nothing was changed. "
            "Use /connect in the chat to try again whenever you like.",
        )
    log.warning("Google consent of user %d failed with %s", user_id, name)
    await messenger.notify_user(user_id, "connect_failed", GOOGLE_ERROR_NOTICE)
    return ConnectOutcome(
        OutcomeKind.GOOGLE_ERROR,
        "Google could not complete the sign-in, so nothing was changed. "
        "Send /connect in the chat to try again.",
    )


def _error_name(body: Any) -> str:
    """The OAuth `error` of an answer, if it looks like one (safe to log), else 'unknown'."""
    value = body.get("error") if isinstance(body, dict) else None
    return value if isinstance(value, str) and _ERROR_NAME.fullmatch(value) else "unknown"


async def _call_google(
    http: aiohttp.ClientSession, method: str, url: str, what: str, **kwargs: Any
) -> tuple[int, Any]:
    """(status, JSON body or None) of one OAuth endpoint call; "later" answers are retried.

    Raises `GoogleUnavailableError` once the tries are spent. Retrying the code exchange is
    safe: a code Google did consume answers `invalid_grant`, which ends the flow like a refusal.
    """
    attempts = retrying(
        attempts=GOOGLE_ATTEMPTS,
        backoff=GOOGLE_BACKOFF,
        retry_on=lambda e: isinstance(e, GoogleUnavailableError),
    )
    async for attempt in attempts:
        with attempt:
            try:
                async with http.request(method, url, timeout=GOOGLE_TIMEOUT, **kwargs) as resp:
                    try:
                        body = await resp.json(content_type=None)
                    except ValueError:
                        body = None
                    if is_retryable_status(resp.status):
                        log.warning("Google %s answered %d; trying again", what, resp.status)
                        raise GoogleUnavailableError(f"Google {what} answered {resp.status}")
                    return resp.status, body
            except (aiohttp.ClientError, TimeoutError) as exc:
                log.warning("Google %s failed: %s", what, type(exc).__name__)
                raise GoogleUnavailableError(f"cannot reach Google {what}") from None
    raise AssertionError("unreachable")  # pragma: no cover


async def _exchange_code(
    http: aiohttp.ClientSession, settings: Settings, code: str, verifier: str
) -> dict[str, Any] | None:
    """POST the authorization code to Google's token endpoint; None on any failure."""
    assert settings.GOOGLE_CLIENT_ID is not None and settings.GOOGLE_CLIENT_SECRET is not None
    form = prepare_token_request(
        "authorization_code",
        code=code,
        redirect_uri=settings.google_redirect_url,
        code_verifier=verifier,
        client_id=settings.GOOGLE_CLIENT_ID,
        client_secret=settings.GOOGLE_CLIENT_SECRET.get_secret_value(),
    )
    try:
        status, body = await _call_google(
            http,
            "POST",
            settings.GOOGLE_TOKEN_URL,
            "token exchange",
            data=form,
            headers={
                "Accept": "application/json",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
    except GoogleUnavailableError:
        return None
    if status != 200:
        log.warning("Google token exchange answered %d (%s)", status, _error_name(body))
        return None
    if not isinstance(body, dict):
        log.warning("Google token exchange answered something other than a JSON object")
        return None
    return body


async def _fetch_userinfo(
    http: aiohttp.ClientSession, settings: Settings, access_token: str
) -> tuple[str, str, bool] | None:
    """(sub, email, email verified) from the OpenID userinfo endpoint; None on any failure."""
    try:
        status, body = await _call_google(
            http,
            "GET",
            settings.GOOGLE_USERINFO_URL,
            "userinfo",
            headers={"Authorization": f"Bearer {access_token}", "Accept": "application/json"},
        )
    except GoogleUnavailableError:
        return None
    if status != 200:
        log.warning("Google userinfo answered %d", status)
        return None
    if not isinstance(body, dict):
        return None
    sub, email, verified = body.get("sub"), body.get("email"), body.get("email_verified")
    if not isinstance(sub, str) or not sub or len(sub) > 255:
        log.warning("Google userinfo has no usable subject")
        return None
    if not isinstance(email, str) or "@" not in email or len(email) > 320:
        log.warning("Google userinfo has no usable email")
        return None
    # OpenID says boolean; some Google endpoints have sent the string "true".
    return sub, email, verified is True or verified == "true"


async def _prepare_calendar(
    db: Database, calendar: CalendarApi, user_id: int, refresh_token: str
) -> None:
    """Create or find the "Contests" calendar now; on failure the first sync will do it."""
    user = await uq.get_user(db.write, user_id)
    if user is None:
        return
    try:
        _, created = await ensure_calendar(db, user, calendar.client(refresh_token))
    except ContestSyncError as exc:
        log.warning(
            "user %d: calendar not ready after connecting (%s); the sync will retry",
            user_id,
            type(exc).__name__,
        )
    except Exception:  # boundary: the connection is stored; a bug here must not undo the page
        log.exception("user %d: unexpected error preparing the calendar", user_id)
    else:
        log.info("user %d: calendar %s", user_id, "created" if created else "found")
