"""Calendar feeds: each user's secret feed address, and feeds served from Valkey.

A feed token is HMAC-SHA256(SESSION_SECRET, user id and a random nonce): 256 bits that are never
stored. The database keeps the nonce and the token's SHA-256, so `/feed` can show the owner the
same address again, a request is matched by hash, and a reset (new nonce) kills the old address
at once. Without SESSION_SECRET a leaked database gives no working address.

A rendered feed is kept in Valkey under the current feeds generation (raised by every scrape that
changes contests), so a feed is rendered once per change and per choice of platforms and
reminders, not once per request; when Valkey is unreachable it is rendered from PostgreSQL.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import logging
import re
import secrets
import time
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from redis.asyncio import Redis
from redis.exceptions import RedisError

from shared.cache import keys as cache_keys
from shared.cache.breaker import log_valkey_failure
from shared.cache.flights import single_flight
from shared.config import Settings
from shared.db import feeds as fq
from shared.db import users as uq
from shared.db.pools import Database
from shared.errors import ConfigError
from shared.feeds import FeedDocument, FeedSpec, feed_window, render_feed
from shared.models import FeedOwner
from shared.platforms.registry import PLATFORMS

log = logging.getLogger(__name__)

TOKEN_CONTEXT = b"contestsync:feed:v1"
NONCE_BYTES = 16
TOKEN_LENGTH = 43  # 32 bytes of HMAC in unpadded base64url
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
PERSONAL_NAME = "Contests (ContestSync)"


@dataclass(frozen=True, slots=True)
class FeedLink:
    """A user's feed address over HTTPS (or HTTP) and as webcal://; `created` when new."""

    url: str
    webcal_url: str
    created: bool


def derive_feed_token(settings: Settings, user_id: int, nonce: bytes) -> str:
    """The feed token of a user for a nonce (HMAC-SHA256 under SESSION_SECRET)."""
    if settings.SESSION_SECRET is None:
        raise ConfigError("SESSION_SECRET is not set")
    key = bytes.fromhex(settings.SESSION_SECRET.get_secret_value())
    message = TOKEN_CONTEXT + b":" + str(user_id).encode() + b":" + nonce
    digest = hmac.new(key, message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def hash_feed_token(token: str) -> bytes:
    """What the database keeps of a token."""
    return hashlib.sha256(token.encode("ascii")).digest()


def feed_urls(settings: Settings, token: str) -> tuple[str, str]:
    """(http(s) URL, webcal:// URL) of a personal feed."""
    url = f"{settings.PUBLIC_BASE_URL.rstrip('/')}/feed/{token}.ics"
    return url, "webcal://" + url.split("://", 1)[1]


def public_host(settings: Settings) -> str:
    """The host that names event UIDs (PUBLIC_BASE_URL's host name)."""
    return urlsplit(settings.PUBLIC_BASE_URL).hostname or "localhost"


async def get_feed_link(
    db: Database, settings: Settings, user_id: int, *, reset: bool = False
) -> FeedLink:
    """The user's feed address, issued on first use; `reset` replaces (revokes) the old one."""
    async with db.write.acquire() as conn, conn.transaction():
        await uq.get_user_for_update(conn, user_id)  # one issuer per user at a time
        existing = await fq.get_feed_nonce(conn, user_id)
        token: str | None = None
        if existing is not None and not reset:
            nonce, stored_hash = existing
            candidate = derive_feed_token(settings, user_id, nonce)
            # A different SESSION_SECRET derives another token: issue a fresh address then.
            if hmac.compare_digest(hash_feed_token(candidate), stored_hash):
                token = candidate
        created = token is None
        if token is None:
            nonce = secrets.token_bytes(NONCE_BYTES)
            token = derive_feed_token(settings, user_id, nonce)
            await fq.upsert_feed_token(conn, user_id, nonce, hash_feed_token(token))
    if created:
        log.info("user %d has a new feed address (reset: %s)", user_id, reset)
    url, webcal = feed_urls(settings, token)
    return FeedLink(url, webcal, created)


async def find_feed_owner(db: Database, token: str) -> FeedOwner | None:
    """The owner of a feed token; None for anything that is not a live token (same answer)."""
    if not _TOKEN.fullmatch(token):
        return None
    # The write pool: a reset must take effect at once, never lag on a replica.
    return await fq.get_feed_owner(db.write, hash_feed_token(token))


def personal_spec(owner: FeedOwner) -> FeedSpec:
    """A user's feed: their platforms (every platform when none chosen) and their reminders."""
    chosen = tuple(p for p in PLATFORMS if p in set(owner.platforms))
    return FeedSpec(
        name=PERSONAL_NAME,
        platforms=chosen or None,
        reminders=tuple(owner.reminder_minutes),
        personal=True,
    )


def public_spec(platforms: list[str] | None) -> FeedSpec:
    """A public feed of some platforms (None or all of them: every platform), no reminders."""
    chosen = tuple(p for p in PLATFORMS if platforms is not None and p in set(platforms))
    if not chosen or len(chosen) == len(PLATFORMS):
        return FeedSpec(name="All contests (ContestSync)", platforms=None)
    names = ", ".join(PLATFORMS[p].label for p in chosen)
    return FeedSpec(name=f"{names} contests (ContestSync)", platforms=chosen)


Renders = dict[str, "asyncio.Future[FeedDocument]"]
"""Renderings under way in this process, by cache key: concurrent misses share one."""


async def load_feed(
    db: Database,
    valkey: Redis,
    host: str,
    spec: FeedSpec,
    now: datetime,
    renders: Renders | None = None,
) -> FeedDocument:
    """The feed for a spec: from Valkey when rendered in this generation, else rendered now
    (once, however many requests ask at the same time, when `renders` is given); `host` names
    the events' UIDs (`public_host`)."""
    key: str | None = None
    try:
        generation = int(await valkey.get(cache_keys.feeds_generation()) or 0)
        key = cache_keys.feed(generation, spec.variant)
        raw = await valkey.get(key)
    except (RedisError, OSError) as exc:
        log_valkey_failure(log, exc, "feed cache unavailable, rendering from the database")
        raw = None
    if raw is not None:
        try:
            return FeedDocument.decode(raw)
        except ValueError:
            log.warning("cached feed %s is unreadable, rendering again", spec.variant)
    if renders is None:
        return await _render(db, valkey, host, spec, now, key)
    return await single_flight(
        renders, key or spec.variant, lambda: _render(db, valkey, host, spec, now, key)
    )


async def _render(
    db: Database, valkey: Redis, host: str, spec: FeedSpec, now: datetime, key: str | None
) -> FeedDocument:
    started = time.perf_counter()
    start, end, cancelled_since = feed_window(now)
    # The write pool: a rendering is kept for the whole generation, so it must not lag.
    contests = await fq.list_feed_contests(db.write, spec.platforms, start, end, cancelled_since)
    labels = {name: p.label for name, p in PLATFORMS.items()}
    # icalendar takes about a millisecond per new event: keep the event loop answering meanwhile.
    doc = await asyncio.to_thread(render_feed, spec, contests, host, labels, now)
    if key is not None:
        try:
            await valkey.set(key, doc.encode(), ex=cache_keys.FEED_TTL)
        except (RedisError, OSError) as exc:
            log_valkey_failure(log, exc, "feed cache write failed")
    log.info(
        "rendered feed %s: %d events, %d bytes in %.0f ms",
        spec.variant[:8],
        len(contests),
        len(doc.body),
        (time.perf_counter() - started) * 1000,
    )
    return doc


async def bump_feeds_generation(valkey: Redis) -> None:
    """Contests changed: every feed is rendered again on its next request."""
    try:
        async with valkey.pipeline(transaction=True) as pipe:
            pipe.incr(cache_keys.feeds_generation())
            pipe.expire(cache_keys.feeds_generation(), cache_keys.FEEDS_GENERATION_TTL)
            await pipe.execute()
    except (RedisError, OSError) as exc:  # rendered feeds then expire within FEED_TTL
        log_valkey_failure(log, exc, "could not invalidate cached feeds")
