"""Queries on one-time /connect tokens and OAuth states (both stored only as hashes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shared.db import Conn
from shared.models import Identity


@dataclass(frozen=True, slots=True)
class PendingState:
    """A consumed OAuth state: who asked and the PKCE verifier to finish the exchange."""

    chat_platform: str
    external_user_id: str
    code_verifier: str


async def insert_link_token(
    conn: Conn,
    token_hash: bytes,
    chat_platform: str,
    external_user_id: str,
    created_at: datetime,
    expires_at: datetime,
) -> None:
    """Store a new /connect token (hash only), timed by the caller's clock."""
    await conn.execute(
        """
        INSERT INTO link_tokens (token_hash, chat_platform, external_user_id, created_at,
                                 expires_at)
        VALUES ($1, $2, $3, $4, $5)
        """,
        token_hash,
        chat_platform,
        external_user_id,
        created_at,
        expires_at,
    )


async def count_link_tokens_since(
    conn: Conn, chat_platform: str, external_user_id: str, since: datetime
) -> int:
    """How many links an identity asked for since a time (the per-hour limit)."""
    value = await conn.fetchval(
        """
        SELECT count(*) FROM link_tokens
        WHERE chat_platform = $1 AND external_user_id = $2 AND created_at >= $3
        """,
        chat_platform,
        external_user_id,
        since,
    )
    return int(value)


async def get_link_owner(conn: Conn, token_hash: bytes, now: datetime) -> Identity | None:
    """The identity a live (unused, unexpired) token belongs to, without using the token."""
    row = await conn.fetchrow(
        """
        SELECT i.chat_platform, i.external_user_id, i.user_id, i.chat_id, i.username,
               i.blocked_at
        FROM link_tokens t
        JOIN identities i USING (chat_platform, external_user_id)
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2
        """,
        token_hash,
        now,
    )
    return None if row is None else Identity(**dict(row))


async def consume_link_token(
    conn: Conn, token_hash: bytes, now: datetime
) -> tuple[str, str] | None:
    """Use a token once: its (chat_platform, external_user_id), or None if unknown/used/expired."""
    row = await conn.fetchrow(
        """
        UPDATE link_tokens SET used_at = $2
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
        RETURNING chat_platform, external_user_id
        """,
        token_hash,
        now,
    )
    return None if row is None else (row["chat_platform"], row["external_user_id"])


async def insert_oauth_state(
    conn: Conn,
    state_hash: bytes,
    code_verifier: str,
    link_token_hash: bytes,
    chat_platform: str,
    external_user_id: str,
    created_at: datetime,
    expires_at: datetime,
) -> None:
    """Store a pending OAuth state with its PKCE verifier."""
    await conn.execute(
        """
        INSERT INTO oauth_states (state_hash, code_verifier, link_token_hash, chat_platform,
                                  external_user_id, created_at, expires_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """,
        state_hash,
        code_verifier,
        link_token_hash,
        chat_platform,
        external_user_id,
        created_at,
        expires_at,
    )


async def consume_oauth_state(conn: Conn, state_hash: bytes, now: datetime) -> PendingState | None:
    """Use a state once; None when unknown, used or expired. The verifier is wiped on use."""
    row = await conn.fetchrow(
        """
        UPDATE oauth_states s SET used_at = $2, code_verifier = ''
        FROM (SELECT state_hash, code_verifier FROM oauth_states
              WHERE state_hash = $1 AND used_at IS NULL AND expires_at > $2 FOR UPDATE) old
        WHERE s.state_hash = old.state_hash
        RETURNING s.chat_platform, s.external_user_id, old.code_verifier
        """,
        state_hash,
        now,
    )
    if row is None:
        return None
    return PendingState(row["chat_platform"], row["external_user_id"], row["code_verifier"])


async def delete_expired(conn: Conn, before: datetime) -> int:
    """Housekeeping: drop link tokens and states that expired before a time."""
    a = await conn.execute("DELETE FROM link_tokens WHERE expires_at < $1", before)
    b = await conn.execute("DELETE FROM oauth_states WHERE expires_at < $1", before)
    return int(a.split()[-1]) + int(b.split()[-1])
