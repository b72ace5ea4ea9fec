"""One-time /connect links and the start of the OAuth flow, against real PostgreSQL."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from shared.db import users as uq
from shared.errors import RateLimitedError
from shared.resources import Resources
from shared.services.connect import (
    LinkExpiredError,
    begin_oauth,
    create_connect_link,
)

TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{43,}")


def token_of(url: str) -> str:
    prefix = "http://127.0.0.1:8080/connect/"
    assert url.startswith(prefix), url
    return url.removeprefix(prefix)


async def link_rows(res: Resources) -> list[dict[str, object]]:
    rows = await res.db.write.fetch(
        "SELECT token_hash, chat_platform, external_user_id, created_at, expires_at, used_at "
        "FROM link_tokens ORDER BY created_at"
    )
    return [dict(r) for r in rows]


async def test_link_url_carries_a_long_url_safe_token(res: Resources) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111", "alice")
    token = token_of(link.url)
    assert TOKEN_RE.fullmatch(token)
    other = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    assert token_of(other.url) != token


async def test_link_creates_identity_and_user(res: Resources) -> None:
    await create_connect_link(res.db, res.settings, "discord", "222", "dm-222", "bob")
    identity = await uq.get_identity(res.db.write, "discord", "222")
    assert identity is not None
    assert identity.chat_id == "dm-222"
    assert identity.username == "bob"
    assert await uq.get_user(res.db.write, identity.user_id) is not None


async def test_only_the_token_hash_is_stored(res: Resources) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    token = token_of(link.url)
    rows = await link_rows(res)
    assert len(rows) == 1
    assert rows[0]["token_hash"] == hashlib.sha256(token.encode()).digest()
    dump = await res.db.write.fetchval("SELECT string_agg(t::text, '|') FROM link_tokens t")
    assert token not in dump
    assert token.encode() not in bytes(rows[0]["token_hash"])


async def test_link_expires_after_ten_minutes(res: Resources) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111", now=now)
    assert link.expires_at == now + timedelta(minutes=10)
    rows = await link_rows(res)
    assert rows[0]["expires_at"] == now + timedelta(minutes=10)


async def test_sixth_link_within_an_hour_is_rate_limited(res: Resources) -> None:
    for _ in range(5):
        await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    with pytest.raises(RateLimitedError) as caught:
        await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    assert "try again" in str(caught.value)
    assert "UTC" in str(caught.value)
    assert len(await link_rows(res)) == 5


async def test_rate_limit_is_per_identity(res: Resources) -> None:
    for _ in range(5):
        await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    await create_connect_link(res.db, res.settings, "telegram", "333", "333")
    await create_connect_link(res.db, res.settings, "discord", "111", "dm-111")
    assert len(await link_rows(res)) == 7


async def test_links_older_than_an_hour_do_not_count(res: Resources) -> None:
    for _ in range(5):
        await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    later = datetime.now(UTC) + timedelta(hours=1, minutes=1)
    link = await create_connect_link(
        res.db, res.settings, "telegram", "111", "111", now=later
    )  # not refused
    assert link.expires_at == later + timedelta(minutes=10)
    rows = await link_rows(res)
    assert len(rows) == 6
    # ...while a sixth link inside the same hour still is.
    with pytest.raises(RateLimitedError):
        await create_connect_link(
            res.db, res.settings, "telegram", "111", "111", now=later - timedelta(minutes=2)
        )


async def test_begin_oauth_builds_google_url_with_pkce(res: Resources) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    url = await begin_oauth(res.db, res.settings, token_of(link.url), datetime.now(UTC))
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == res.settings.GOOGLE_AUTH_URL
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query["client_id"] == "test-client"
    assert query["redirect_uri"] == "http://127.0.0.1:8080/auth/google/callback"
    assert query["response_type"] == "code"
    assert query["scope"].split() == [
        "openid",
        "email",
        "https://www.googleapis.com/auth/calendar.app.created",
    ]
    assert query["code_challenge_method"] == "S256"
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", query["code_challenge"])
    assert query["access_type"] == "offline"
    assert query["prompt"] == "consent"
    assert query["include_granted_scopes"] == "true"
    assert TOKEN_RE.fullmatch(query["state"])
    row = await res.db.write.fetchrow(
        "SELECT state_hash, code_verifier, link_token_hash, chat_platform, external_user_id, "
        "expires_at - created_at AS ttl FROM oauth_states"
    )
    assert row is not None
    assert row["state_hash"] == hashlib.sha256(query["state"].encode()).digest()
    assert row["link_token_hash"] == hashlib.sha256(token_of(link.url).encode()).digest()
    assert (row["chat_platform"], row["external_user_id"]) == ("telegram", "111")
    assert abs(row["ttl"] - timedelta(minutes=10)) < timedelta(seconds=5)
    verifier = row["code_verifier"]
    assert 43 <= len(verifier) <= 128
    challenge = hashlib.sha256(verifier.encode()).digest()
    assert base64.urlsafe_b64encode(challenge).rstrip(b"=").decode() == query["code_challenge"]


async def test_begin_oauth_uses_a_link_only_once(res: Resources) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    await begin_oauth(res.db, res.settings, token_of(link.url), datetime.now(UTC))
    with pytest.raises(LinkExpiredError):
        await begin_oauth(res.db, res.settings, token_of(link.url), datetime.now(UTC))
    assert await res.db.write.fetchval("SELECT count(*) FROM oauth_states") == 1


async def test_begin_oauth_refuses_an_expired_link(res: Resources) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    with pytest.raises(LinkExpiredError):
        await begin_oauth(
            res.db, res.settings, token_of(link.url), datetime.now(UTC) + timedelta(minutes=11)
        )
    assert await res.db.write.fetchval("SELECT count(*) FROM oauth_states") == 0


@pytest.mark.parametrize("token", ["unknown-token-" + "x" * 30, "bad token!", "", "a" * 500])
async def test_begin_oauth_refuses_unknown_or_malformed_tokens(res: Resources, token: str) -> None:
    with pytest.raises(LinkExpiredError):
        await begin_oauth(res.db, res.settings, token, datetime.now(UTC))
