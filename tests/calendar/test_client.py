"""The Calendar client's own HTTP path (calendar reads, event batches) against the fake Google."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web
from pydantic import SecretStr

from shared.calendar.client import CalendarApi, CalendarApiError, EventCall, GrantRevokedError
from shared.calendar.plan import OpKind
from shared.calendar.tokens import AccessToken
from shared.config import Settings
from shared.errors import ExternalServiceError, GoogleUnavailableError
from shared.resources import Resources
from tests.fakes.google import ACCESS_TOKEN_TTL, FakeGoogle

BATCH = "/batch/calendar/v3"


def inserts(n: int, prefix: str = "ev") -> list[EventCall]:
    return [
        EventCall(
            OpKind.INSERT,
            f"{prefix}{i:04d}",
            {
                "id": f"{prefix}{i:04d}",
                "summary": f"Round {i} — Div. 2",
                "start": {"dateTime": "2026-12-10T10:00:00Z"},
                "end": {"dateTime": "2026-12-10T12:00:00Z"},
            },
        )
        for i in range(n)
    ]


def token_calls(fake: FakeGoogle, since: int = 0) -> int:
    return sum(1 for call in fake.calls[since:] if call.path == "/token")


async def test_a_batch_lands_every_event_in_one_request(
    res: Resources, fake_google: FakeGoogle
) -> None:
    calendar = fake_google.add_calendar("alice-sub")
    client = res.calendar.client(fake_google.issue_refresh_token("alice-sub"))
    results = await client.execute_batch(calendar.id, inserts(3))
    assert [r.status for r in results] == [200, 200, 200]
    assert [r.body for r in results] == [
        {"id": f"ev{i:04d}", "status": "confirmed"} for i in range(3)
    ]
    assert sorted(fake_google.events_of(calendar.id)) == ["ev0000", "ev0001", "ev0002"]
    assert sum(1 for call in fake_google.calls if call.path == BATCH) == 1
    # A second write of the same ids is refused per part, the rest of the batch unaffected.
    again = await client.execute_batch(calendar.id, [*inserts(1), *inserts(1, "other")])
    assert [r.status for r in again] == [409, 200]
    assert again[0].reason == "duplicate"


async def test_parts_refused_401_are_sent_again_after_one_refresh(
    res: Resources, fake_google: FakeGoogle
) -> None:
    calendar = fake_google.add_calendar("alice-sub")
    client = res.calendar.client(fake_google.issue_refresh_token("alice-sub"))
    assert await client.get_calendar(calendar.id) is not None  # holds a token now
    fake_google.expire_access_tokens()  # Google now answers each part of a batch 401
    start = len(fake_google.calls)
    results = await client.execute_batch(calendar.id, inserts(4))
    assert [r.status for r in results] == [200] * 4
    assert token_calls(fake_google, start) == 1
    assert len(fake_google.events_of(calendar.id)) == 4


async def test_a_batch_refused_as_a_whole_gives_each_call_googles_answer(
    res: Resources, fake_google: FakeGoogle
) -> None:
    calendar = fake_google.add_calendar("alice-sub")
    client = res.calendar.client(fake_google.issue_refresh_token("alice-sub"))
    fake_google.fail_next(BATCH, 503)
    results = await client.execute_batch(calendar.id, inserts(2))
    assert [(r.status, r.reason) for r in results] == [(503, "backendError")] * 2
    assert fake_google.events_of(calendar.id) == {}
    # Nothing was half-written: the same calls go through afterwards.
    assert [r.status for r in await client.execute_batch(calendar.id, inserts(2))] == [200, 200]


async def test_a_batch_can_read_the_calendar_as_its_first_part(
    res: Resources, fake_google: FakeGoogle
) -> None:
    calendar = fake_google.add_calendar("alice-sub", time_zone="Asia/Kolkata")
    client = res.calendar.client(fake_google.issue_refresh_token("alice-sub"))
    read, results = await client.execute_batch_reading(calendar.id, inserts(2))
    assert (read.status, read.body) == (200, {"id": calendar.id, "timeZone": "Asia/Kolkata"})
    assert [r.status for r in results] == [200, 200]
    assert sorted(fake_google.events_of(calendar.id)) == ["ev0000", "ev0001"]
    assert sum(1 for call in fake_google.calls if not call.batch and call.path != "/token") == 1
    # A calendar that is gone: the read says so, and so does every write.
    read, results = await client.execute_batch_reading("gone@group.calendar.google.com", inserts(1))
    assert (read.status, [r.status for r in results]) == (404, [404])
    # The read takes one of the batch's fifty places.
    with pytest.raises(ValueError, match="at most 49"):
        await client.execute_batch_reading(calendar.id, inserts(50))


async def test_the_calendar_read_retries_later_answers_and_reports_a_missing_one(
    res: Resources, fake_google: FakeGoogle
) -> None:
    calendar = fake_google.add_calendar("alice-sub", time_zone="Asia/Kolkata")
    client = res.calendar.client(fake_google.issue_refresh_token("alice-sub"))
    fake_google.fail_next(f"/calendar/v3/calendars/{calendar.id}", 503)
    found = await client.get_calendar(calendar.id)
    assert found is not None and found["timeZone"] == "Asia/Kolkata"
    assert await client.get_calendar("no-such-calendar@group.calendar.google.com") is None


@pytest.fixture
async def unreadable_google() -> AsyncIterator[str]:
    """A server that answers batches and calendar reads 200 with a page, not Google's answer."""

    async def answer(request: web.Request) -> web.Response:
        await request.read()
        return web.Response(text="<html>proxy error page</html>", content_type="text/html")

    app = web.Application()
    app.router.add_post(BATCH, answer)
    app.router.add_get("/calendar/v3/calendars/{id}", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


def valid_token() -> AccessToken:
    return AccessToken("a-token", datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=1))


async def test_an_unreadable_answer_fails_every_call_for_later(
    settings: Settings, unreadable_google: str, caplog: pytest.LogCaptureFixture
) -> None:
    unreadable = settings.model_copy(update={"GOOGLE_API_URL": unreadable_google})
    api = CalendarApi(unreadable, attempts=2, backoff_base=0.01)
    try:
        client = api.client("refresh-token", valid_token())
        with caplog.at_level(logging.WARNING, "shared.calendar.client"):
            results = await client.execute_batch("cal", inserts(2))
        with pytest.raises(CalendarApiError) as read_error:
            await client.get_calendar("cal")
    finally:
        await api.aclose()
    assert read_error.value.status == 502 and read_error.value.retryable
    assert [(r.status, r.reason) for r in results] == [(502, "badBatchResponse")] * 2
    assert "unreadable" in caplog.text


async def test_an_unreachable_google_is_reported_as_unavailable(settings: Settings) -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dead = settings.model_copy(update={"GOOGLE_API_URL": f"http://127.0.0.1:{port}"})
    api = CalendarApi(dead, attempts=1)
    try:
        client = api.client("refresh-token", valid_token())
        with pytest.raises(GoogleUnavailableError) as batch_error:
            await client.execute_batch("cal", inserts(1))
        with pytest.raises(GoogleUnavailableError):
            await client.get_calendar("cal")
    finally:
        await api.aclose()
    assert "a-token" not in str(batch_error.value) and str(port) not in str(batch_error.value)


async def test_calls_in_flight_together_refresh_the_token_once(
    res: Resources, fake_google: FakeGoogle
) -> None:
    calendar = fake_google.add_calendar("alice-sub")
    client = res.calendar.client(fake_google.issue_refresh_token("alice-sub"))
    assert client.access_token() is None  # nothing held yet: the first call refreshes
    found = await asyncio.gather(*(client.get_calendar(calendar.id) for _ in range(5)))
    assert all(f is not None and f["id"] == calendar.id for f in found)
    assert token_calls(fake_google) == 1
    held = client.access_token()
    assert held is not None
    lifetime = held.expiry - datetime.now(UTC).replace(tzinfo=None)
    assert (
        timedelta(seconds=ACCESS_TOKEN_TTL - 60) < lifetime <= timedelta(seconds=ACCESS_TOKEN_TTL)
    )


async def test_a_refused_client_fails_the_call_without_calling_the_grant_revoked(
    settings: Settings, fake_google: FakeGoogle
) -> None:
    calendar = fake_google.add_calendar("alice-sub")
    refresh_token = fake_google.issue_refresh_token("alice-sub")
    wrong = settings.model_copy(update={"GOOGLE_CLIENT_SECRET": SecretStr("not-the-secret")})
    api = CalendarApi(wrong, attempts=1)
    try:
        with pytest.raises(ExternalServiceError) as refused:
            await api.client(refresh_token).get_calendar(calendar.id)
    finally:
        await api.aclose()
    assert not isinstance(refused.value, GoogleUnavailableError)  # not worth another try
    assert token_calls(fake_google) == 1
    assert "not-the-secret" not in str(refused.value) and refresh_token not in str(refused.value)


async def test_a_revoked_grant_and_a_token_endpoint_outage_are_told_apart(
    res: Resources, fake_google: FakeGoogle
) -> None:
    calendar = fake_google.add_calendar("alice-sub")
    refresh_token = fake_google.issue_refresh_token("alice-sub")
    res.calendar.attempts = 1  # the read itself is not tried again: only the refresh is
    fake_google.fail_next("/token", 503, times=3)
    with pytest.raises(GoogleUnavailableError):
        await res.calendar.client(refresh_token).get_calendar(calendar.id)
    assert [c.status for c in fake_google.calls if c.path == "/token"] == [503] * 3
    fake_google.revoke_all("alice-sub")
    with pytest.raises(GrantRevokedError):
        await res.calendar.client(refresh_token).get_calendar(calendar.id)
    assert token_calls(fake_google) == 4  # invalid_grant is final: asked once
