"""A user's Google access token is kept until it expires, not refreshed on every sync."""

from __future__ import annotations

from shared.cache import keys as cache_keys
from shared.db import users as uq
from shared.resources import Resources
from tests.fakes.google import FakeGoogle, RecordedCall
from tests.fakes.platforms import FakePlatforms
from tests.services.test_sync import rounds, sync, synced_user


def calls_since(google: FakeGoogle, start: int) -> list[tuple[str, str]]:
    return [(c.method, c.path) for c in google.calls[start:]]


def token_calls(google: FakeGoogle, start: int) -> int:
    return sum(1 for _, path in calls_since(google, start) if path == "/token")


async def test_a_resync_without_changes_makes_exactly_one_google_request(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await synced_user(res, fake_google, fake_platforms, rounds(4))
    start = len(fake_google.calls)
    result = await sync(res, user_id)
    assert (result.status, result.created, result.updated, result.deleted) == ("ok", 0, 0, 0)
    calls = calls_since(fake_google, start)
    assert len(calls) == 1
    assert calls[0][0] == "GET" and calls[0][1].startswith("/calendar/v3/calendars/")


async def test_the_token_is_shared_through_valkey_not_held_by_one_client(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await synced_user(res, fake_google, fake_platforms, rounds(2))
    first = len(fake_google.calls)
    await sync(res, user_id)
    await sync(res, user_id)
    assert token_calls(fake_google, 0) == 1
    assert token_calls(fake_google, first) == 0


async def test_an_expired_access_token_is_refreshed_once_and_the_sync_completes(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await synced_user(res, fake_google, fake_platforms, rounds(3))
    fake_google.expire_access_tokens()
    start = len(fake_google.calls)
    result = await sync(res, user_id)
    assert result.status == "ok"
    assert token_calls(fake_google, start) == 1
    # The fresh token replaced the dead one: the next resync is one request again.
    again = len(fake_google.calls)
    assert (await sync(res, user_id)).status == "ok"
    assert len(calls_since(fake_google, again)) == 1


async def test_a_revoked_grant_is_tried_once_then_the_user_is_marked_revoked(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await synced_user(res, fake_google, fake_platforms, rounds(2))
    fake_google.revoke_all("alice-sub")
    start = len(fake_google.calls)
    result = await sync(res, user_id)
    assert result.status == "revoked"
    assert token_calls(fake_google, start) == 1
    assert await res.valkey.get(cache_keys.access_token(user_id)) is None


async def test_the_stored_token_is_sealed_and_expires_before_googles(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await synced_user(res, fake_google, fake_platforms, rounds(1))
    key = cache_keys.access_token(user_id)
    raw = await res.valkey.get(key)
    assert raw is not None
    text = raw.decode() if isinstance(raw, bytes) else raw
    secrets = fake_google.issued_secrets()
    assert secrets and not any(secret in text for secret in secrets)
    ttl = await res.valkey.ttl(key)
    assert 0 < ttl <= 3599 - cache_keys.ACCESS_TOKEN_MARGIN


async def test_a_token_of_an_earlier_grant_is_not_used_after_reconnecting(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await synced_user(res, fake_google, fake_platforms, rounds(2))
    fake_google.add_account("bob-sub", "bob@example.com")
    # The user connects another Google account: a new refresh token on the same user.
    token = fake_google.issue_refresh_token("bob-sub")
    async with res.db.write.acquire() as conn, conn.transaction():
        await uq.link_google_account(
            conn, user_id, "bob-sub", "bob@example.com", res.cipher.encrypt(token, user_id)
        )
    start = len(fake_google.calls)
    result = await sync(res, user_id)
    assert result.status == "ok"
    assert token_calls(fake_google, start) == 1
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None and user.calendar_id is not None
    assert fake_google.calendars[user.calendar_id].owner_sub == "bob-sub"


async def test_a_token_refreshed_before_the_grant_was_revoked_is_not_kept(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await synced_user(res, fake_google, fake_platforms, rounds(2))
    await res.valkey.delete(cache_keys.access_token(user_id))

    class RevokedAfterTheRefresh(list[RecordedCall]):
        """The user revokes access between the sync's refresh and its first calendar call."""

        def append(self, call: RecordedCall) -> None:
            if call.path.startswith("/calendar/") and any(c.path == "/token" for c in self):
                fake_google.revoke_all("alice-sub")
            super().append(call)

    fake_google.calls = RevokedAfterTheRefresh()
    result = await sync(res, user_id)
    assert result.status == "revoked"
    # Refreshed, refused by the calendar, refused at the refresh again: nothing to keep.
    assert [(c.path.split("/")[1], c.status) for c in fake_google.calls] == [
        ("token", 200),
        ("calendar", 401),
        ("token", 400),
    ]
    assert await res.valkey.get(cache_keys.access_token(user_id)) is None
