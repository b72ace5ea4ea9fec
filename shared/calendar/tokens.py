"""Each user's Google access token, kept until it expires and shared by every process.

Without this every sync refreshed the token first: one extra Google request per user per sync,
doubling the cost of a resync that changes nothing. The token is stored in Valkey sealed with
the process's TokenCipher (AES-GCM bound to the user id, the key that seals refresh tokens), so
a Valkey dump holds no usable credential, together with a fingerprint of the refresh token it
came from, so a token of an earlier grant (the user reconnected, perhaps another account) is
never used. The sync reads it with its lock and writes it with the lock's release, each in the
same round trip (`OwnedLock.acquire_reading`, `OwnedLock.release_writing`). Valkey being away
only costs the refresh this saves.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from redis.asyncio import Redis
from redis.exceptions import RedisError

from shared.cache import keys as cache_keys
from shared.crypto import DecryptionError, TokenCipher

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AccessToken:
    """A Google access token and when it expires (naive UTC, as google-auth keeps it)."""

    token: str
    expiry: datetime

    def __repr__(self) -> str:
        return f"AccessToken(<hidden>, expiry={self.expiry.isoformat()})"


def _fingerprint(refresh_token: str) -> str:
    return hashlib.sha256(refresh_token.encode("utf-8")).hexdigest()[:32]


def naive_utcnow() -> datetime:
    """Now in naive UTC, as google-auth keeps expiries."""
    return datetime.now(UTC).replace(tzinfo=None)


def read_access_token(
    raw: bytes | str | None, cipher: TokenCipher, user_id: int, refresh_token: str
) -> AccessToken | None:
    """The access token of this grant in `raw`, the value stored under the user's key (None
    when absent, unreadable or of another grant)."""
    if raw is None:
        return None
    try:
        sealed = raw.decode("ascii") if isinstance(raw, bytes) else str(raw)
        data = json.loads(cipher.decrypt(sealed, user_id))
        if data["grant"] != _fingerprint(refresh_token):
            return None
        expiry = datetime.fromtimestamp(data["expiry"], UTC).replace(tzinfo=None)
        return AccessToken(str(data["token"]), expiry)
    except (DecryptionError, UnicodeDecodeError, ValueError, KeyError, TypeError, OverflowError):
        # Another ENCRYPTION_KEY or a damaged value: the sync refreshes as if it were absent.
        return None


def token_to_keep(
    cipher: TokenCipher,
    user_id: int,
    refresh_token: str,
    current: AccessToken | None,
    stored: AccessToken | None,
) -> tuple[str, str, int] | None:
    """What to store of `current`, the token a sync ended with: (key, sealed value, seconds to
    live); None when it is the one already stored or too close to its expiry to be worth it."""
    if current is None or (stored is not None and stored.token == current.token):
        return None
    lifetime = (current.expiry - naive_utcnow()).total_seconds()
    ttl = min(cache_keys.ACCESS_TOKEN_MAX_TTL, int(lifetime) - cache_keys.ACCESS_TOKEN_MARGIN)
    if ttl <= 0:
        return None
    payload = json.dumps(
        {
            "grant": _fingerprint(refresh_token),
            "token": current.token,
            "expiry": current.expiry.replace(tzinfo=UTC).timestamp(),
        },
        separators=(",", ":"),
    )
    return cache_keys.access_token(user_id), cipher.encrypt(payload, user_id), ttl


async def forget_access_token(valkey: Redis, user_id: int) -> None:
    """Drop a user's stored access token (grant revoked or released); it expires anyway."""
    try:
        await valkey.delete(cache_keys.access_token(user_id))
    except (RedisError, OSError) as exc:
        log.debug("access token of user %d not dropped: %s", user_id, exc.__class__.__name__)
