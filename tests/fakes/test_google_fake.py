"""The Google fake against the real clients: authlib, google-auth and google-api-python-client."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import time
import warnings
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from email.message import Message
from email.parser import BytesParser
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import aiohttp
import authlib.deprecate  # noqa: F401  (installs its "always" filter before ours below)
import google_auth_httplib2
import httplib2
import pytest
import pytest_asyncio
from google.auth.exceptions import RefreshError
from google.oauth2.credentials import Credentials
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from googleapiclient.http import BatchHttpRequest

from tests.fakes.google import (
    CALENDAR_APP_CREATED_SCOPE,
    CALENDAR_SCOPE,
    DEFAULT_SCOPES,
    EMAIL_SCOPE,
    FakeGoogle,
)

with warnings.catch_warnings():
    # authlib 1.9 warns that plain httpx is deprecated in favour of httpx2.
    warnings.simplefilter("ignore")
    from authlib.common.security import generate_token
    from authlib.integrations.base_client import OAuthError
    from authlib.integrations.httpx_client import AsyncOAuth2Client

CLIENT_ID = "client-123.apps.googleusercontent.com"
CLIENT_SECRET = "shh-secret"
REDIRECT_URI = "http://127.0.0.1:9/auth/google/callback"
SCOPES = f"openid email {CALENDAR_APP_CREATED_SCOPE}"
SUB = "110000000000000000001"
OTHER_SUB = "110000000000000000002"


def event_id(key: str) -> str:
    """Deterministic lowercase base32hex id, the way the sync derives it."""
    digest = hashlib.sha256(key.encode()).digest()
    return base64.b32hexencode(digest).decode().rstrip("=").lower()


def event_body(
    key: str, start: str = "2030-01-01T10:00:00Z", end: str = "2030-01-01T12:00:00Z"
) -> dict[str, Any]:
    return {
        "id": event_id(key),
        "summary": f"[Codeforces] {key}",
        "start": {"dateTime": start},
        "end": {"dateTime": end},
        "reminders": {"useDefault": False, "overrides": [{"method": "popup", "minutes": 30}]},
        "extendedProperties": {"private": {"contest": key, "hash": "h1"}},
    }


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeGoogle]:
    fake = FakeGoogle(CLIENT_ID, CLIENT_SECRET, redirect_uris=[REDIRECT_URI])
    fake.add_account(SUB, "ada@example.com")
    fake.add_account(OTHER_SUB, "bob@example.com")
    await fake.start()
    yield fake
    await fake.close()


# ------------------------------------------------------------------ OAuth with authlib


def oauth_client() -> AsyncOAuth2Client:
    return AsyncOAuth2Client(
        CLIENT_ID,
        CLIENT_SECRET,
        scope=SCOPES,
        redirect_uri=REDIRECT_URI,
        code_challenge_method="S256",
    )


async def consent(fake: FakeGoogle, verifier: str, **extra: str) -> dict[str, str]:
    """Open the consent URL as a browser would and return the callback's query parameters."""
    params = {"access_type": "offline", "prompt": "consent", **extra}
    async with oauth_client() as client:
        url, _state = client.create_authorization_url(
            f"{fake.base_url}/o/oauth2/v2/auth", code_verifier=verifier, **params
        )
    async with aiohttp.ClientSession() as session:
        async with session.get(url, allow_redirects=False) as resp:
            assert resp.status == 302
            location = resp.headers["Location"]
    assert location.startswith(REDIRECT_URI + "?")
    return dict(parse_qsl(urlsplit(location).query))


async def exchange(fake: FakeGoogle, code: str, verifier: str) -> dict[str, Any]:
    async with oauth_client() as client:
        token: dict[str, Any] = await client.fetch_token(
            f"{fake.base_url}/token", code=code, code_verifier=verifier
        )
    return token


@pytest.mark.asyncio
async def test_pkce_code_exchange_gives_refresh_token_and_email(fake: FakeGoogle) -> None:
    verifier = generate_token(48)
    params = await consent(fake, verifier)
    token = await exchange(fake, params["code"], verifier)

    assert token["refresh_token"] and token["token_type"] == "Bearer"
    assert CALENDAR_APP_CREATED_SCOPE in token["scope"].split()
    assert EMAIL_SCOPE in token["scope"].split()
    requested = fake.auth_requests[-1].scopes
    assert CALENDAR_APP_CREATED_SCOPE in requested and CALENDAR_SCOPE not in requested
    assert fake.auth_requests[-1].query["code_challenge_method"] == "S256"
    token_call = next(c for c in fake.calls if c.path == "/token")
    assert token_call.body is not None and token_call.body["code_verifier"] == verifier
    assert token_call.headers["Authorization"].startswith("Basic ")

    async with aiohttp.ClientSession() as session:
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        async with session.get(f"{fake.base_url}/v1/userinfo", headers=headers) as resp:
            assert resp.status == 200
            info = await resp.json()
    assert info == {"sub": SUB, "email": "ada@example.com", "email_verified": True}


@pytest.mark.asyncio
async def test_wrong_code_verifier_is_invalid_grant(fake: FakeGoogle) -> None:
    params = await consent(fake, generate_token(48))
    with pytest.raises(OAuthError) as exc:
        await exchange(fake, params["code"], generate_token(48))
    assert exc.value.error == "invalid_grant"


@pytest.mark.asyncio
async def test_reused_code_is_invalid_grant(fake: FakeGoogle) -> None:
    verifier = generate_token(48)
    params = await consent(fake, verifier)
    await exchange(fake, params["code"], verifier)
    with pytest.raises(OAuthError) as exc:
        await exchange(fake, params["code"], verifier)
    assert exc.value.error == "invalid_grant"


@pytest.mark.asyncio
async def test_denied_consent_redirects_with_access_denied(fake: FakeGoogle) -> None:
    fake.next_consent = (OTHER_SUB, "deny")
    params = await consent(fake, generate_token(48), state="st-1")
    assert params == {"error": "access_denied", "state": "st-1"}
    assert fake.next_consent is None


@pytest.mark.asyncio
async def test_second_consent_without_prompt_gives_no_refresh_token(fake: FakeGoogle) -> None:
    verifier = generate_token(48)
    first = await consent(fake, verifier)
    await exchange(fake, first["code"], verifier)
    again = await consent(fake, verifier, prompt="select_account")
    token = await exchange(fake, again["code"], verifier)
    assert "refresh_token" not in token and token["access_token"]


@pytest.mark.asyncio
async def test_unregistered_redirect_uri_gets_error_page(fake: FakeGoogle) -> None:
    query = {
        "client_id": CLIENT_ID,
        "redirect_uri": "https://evil.example/cb",
        "response_type": "code",
        "scope": SCOPES,
        "state": "s",
        "code_challenge": "x" * 43,
        "code_challenge_method": "S256",
    }
    async with aiohttp.ClientSession() as session:
        url = f"{fake.base_url}/o/oauth2/v2/auth"
        async with session.get(url, params=query, allow_redirects=False) as resp:
            assert resp.status == 400
            assert "redirect_uri_mismatch" in await resp.text()


@pytest.mark.asyncio
async def test_revoke_endpoint_kills_the_grant(fake: FakeGoogle) -> None:
    refresh_token = fake.issue_refresh_token(SUB)
    form = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{fake.base_url}/revoke", data={"token": refresh_token}) as resp:
            assert resp.status == 200
        async with session.post(f"{fake.base_url}/revoke", data={"token": refresh_token}) as resp:
            assert resp.status == 400
            assert (await resp.json())["error"] == "invalid_token"
        refresh = {**form, "grant_type": "refresh_token", "refresh_token": refresh_token}
        async with session.post(f"{fake.base_url}/token", data=refresh) as resp:
            assert resp.status == 400
            assert (await resp.json())["error"] == "invalid_grant"
        bad_client = {**refresh, "client_secret": "nope"}
        async with session.post(f"{fake.base_url}/token", data=bad_client) as resp:
            assert resp.status == 401
            assert (await resp.json())["error"] == "invalid_client"


# ------------------------------------------------------------------ Calendar with the Google client


@dataclass
class Google:
    """The real google-api-python-client, bound to one thread's AuthorizedHttp."""

    service: Any
    http: google_auth_httplib2.AuthorizedHttp
    batch_uri: str

    async def run(self, request: Any) -> Any:
        return await asyncio.to_thread(request.execute, http=self.http)

    async def batch(self, requests: list[Any]) -> dict[str, tuple[Any, Exception | None]]:
        results: dict[str, tuple[Any, Exception | None]] = {}

        def collect(request_id: str, response: Any, exception: Exception | None) -> None:
            results[request_id] = (response, exception)

        batch = BatchHttpRequest(callback=collect, batch_uri=self.batch_uri)
        for request in requests:
            batch.add(request)
        await asyncio.to_thread(batch.execute, http=self.http)
        return results


def google_client(
    fake: FakeGoogle, sub: str = SUB, scopes: Sequence[str] = DEFAULT_SCOPES
) -> Google:
    creds = Credentials(
        token=None,
        refresh_token=fake.issue_refresh_token(sub, scopes),
        token_uri=f"{fake.base_url}/token",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
    )
    http = google_auth_httplib2.AuthorizedHttp(creds, http=httplib2.Http(timeout=10))
    service = build(
        "calendar",
        "v3",
        http=http,
        static_discovery=True,
        cache_discovery=False,
        client_options={"api_endpoint": f"{fake.base_url}/calendar/v3/"},
    )
    return Google(service, http, f"{fake.base_url}/batch/calendar/v3")


async def new_calendar(google: Google) -> str:
    body = {"summary": "Contests", "timeZone": "Europe/Berlin"}
    calendar = await google.run(google.service.calendars().insert(body=body))
    calendar_id: str = calendar["id"]
    return calendar_id


async def http_error(awaitable: Any) -> HttpError:
    with pytest.raises(HttpError) as exc:
        await awaitable
    return exc.value


def reasons(error: HttpError) -> list[str]:
    details: Any = error.error_details
    return [d["reason"] for d in details] if isinstance(details, list) else []


@pytest.mark.asyncio
async def test_insert_calendar_and_event_then_duplicate_id_is_409(fake: FakeGoogle) -> None:
    google = google_client(fake)
    cid = await new_calendar(google)
    events = google.service.events()

    created = await google.run(events.insert(calendarId=cid, body=event_body("cf:1")))

    assert created["id"] == event_id("cf:1")
    assert created["status"] == "confirmed" and created["etag"] and created["htmlLink"]
    assert created["iCalUID"] == f"{created['id']}@google.com"
    assert fake.events_of(cid)[created["id"]]["summary"] == "[Codeforces] cf:1"
    assert cid.endswith("@group.calendar.google.com")
    assert fake.calendars[cid].owner_sub == SUB
    listed = await google.run(google.service.calendarList().list())
    assert [(c["id"], c["accessRole"]) for c in listed["items"]] == [(cid, "owner")]

    error = await http_error(google.run(events.insert(calendarId=cid, body=event_body("cf:1"))))
    assert error.resp.status == 409 and reasons(error) == ["duplicate"]


@pytest.mark.asyncio
async def test_patch_merges_and_update_replaces(fake: FakeGoogle) -> None:
    google = google_client(fake)
    cid = await new_calendar(google)
    events = google.service.events()
    eid = (await google.run(events.insert(calendarId=cid, body=event_body("cf:2"))))["id"]

    patch = {"summary": "renamed", "extendedProperties": {"private": {"hash": "h2"}}}
    patched = await google.run(events.patch(calendarId=cid, eventId=eid, body=patch))
    assert patched["summary"] == "renamed"
    assert patched["extendedProperties"]["private"] == {"contest": "cf:2", "hash": "h2"}
    assert patched["reminders"]["overrides"] == [{"method": "popup", "minutes": 30}]

    body = {k: v for k, v in event_body("cf:2").items() if k != "reminders"}
    replaced = await google.run(events.update(calendarId=cid, eventId=eid, body=body))
    assert replaced["reminders"] == {"useDefault": True}
    assert replaced["etag"] != patched["etag"]

    bad = {"end": {"dateTime": "2029-12-31T00:00:00Z"}}
    error = await http_error(google.run(events.patch(calendarId=cid, eventId=eid, body=bad)))
    assert error.resp.status == 400 and reasons(error) == ["timeRangeEmpty"]


@pytest.mark.asyncio
async def test_deleted_event_is_gone_and_its_id_stays_reserved(fake: FakeGoogle) -> None:
    google = google_client(fake)
    cid = await new_calendar(google)
    events = google.service.events()
    eid = (await google.run(events.insert(calendarId=cid, body=event_body("cf:3"))))["id"]

    assert await google.run(events.delete(calendarId=cid, eventId=eid)) == ""

    again = await http_error(google.run(events.delete(calendarId=cid, eventId=eid)))
    assert again.resp.status == 410 and reasons(again) == ["deleted"]
    fetched = await http_error(google.run(events.get(calendarId=cid, eventId=eid)))
    assert fetched.resp.status == 410
    missing = await http_error(google.run(events.get(calendarId=cid, eventId="neverexisted")))
    assert missing.resp.status == 404 and reasons(missing) == ["notFound"]
    reinsert = await http_error(google.run(events.insert(calendarId=cid, body=event_body("cf:3"))))
    assert reinsert.resp.status == 409
    assert fake.events_of(cid) == {} and fake.calendars[cid].deleted_ids == {eid}
    shown = await google.run(events.list(calendarId=cid, showDeleted=True))
    assert [(e["id"], e["status"]) for e in shown["items"]] == [(eid, "cancelled")]


@pytest.mark.asyncio
async def test_list_filters_by_private_property_and_pages(fake: FakeGoogle) -> None:
    google = google_client(fake)
    cid = await new_calendar(google)
    events = google.service.events()
    for n in range(5):
        await google.run(events.insert(calendarId=cid, body=event_body(f"cf:{n}")))

    seen: list[str] = []
    page_token = None
    while True:
        page = await google.run(events.list(calendarId=cid, maxResults=2, pageToken=page_token))
        assert page["kind"] == "calendar#events"
        seen += [e["id"] for e in page["items"]]
        page_token = page.get("nextPageToken")
        if not page_token:
            break
    assert sorted(seen) == sorted(event_id(f"cf:{n}") for n in range(5))

    one = await google.run(events.list(calendarId=cid, privateExtendedProperty="contest=cf:3"))
    assert [e["id"] for e in one["items"]] == [event_id("cf:3")]


@pytest.mark.asyncio
async def test_invalid_ids_and_times_are_400(fake: FakeGoogle) -> None:
    google = google_client(fake)
    cid = await new_calendar(google)
    events = google.service.events()

    bad_id = {**event_body("x"), "id": "UPPER-case_ids"}
    error = await http_error(google.run(events.insert(calendarId=cid, body=bad_id)))
    assert error.resp.status == 400 and reasons(error) == ["invalid"]
    backwards = event_body("y", start="2030-01-02T00:00:00Z", end="2030-01-01T00:00:00Z")
    error = await http_error(google.run(events.insert(calendarId=cid, body=backwards)))
    assert reasons(error) == ["timeRangeEmpty"]
    no_end = {k: v for k, v in event_body("z").items() if k != "end"}
    error = await http_error(google.run(events.insert(calendarId=cid, body=no_end)))
    assert error.resp.status == 400
    without_id = {k: v for k, v in event_body("w").items() if k != "id"}
    generated = await google.run(events.insert(calendarId=cid, body=without_id))
    assert len(generated["id"]) >= 5
    assert set(generated["id"]) <= set("0123456789abcdefghijklmnopqrstuv")


@pytest.mark.asyncio
async def test_other_accounts_and_deleted_calendars_are_404(fake: FakeGoogle) -> None:
    google = google_client(fake)
    other = google_client(fake, OTHER_SUB)
    cid = await new_calendar(google)

    error = await http_error(other.run(other.service.calendars().get(calendarId=cid)))
    assert error.resp.status == 404 and reasons(error) == ["notFound"]

    await google.run(google.service.calendars().delete(calendarId=cid))
    assert cid not in fake.calendars
    error = await http_error(
        google.run(google.service.events().insert(calendarId=cid, body=event_body("a")))
    )
    assert error.resp.status == 404


@pytest.mark.asyncio
async def test_batch_of_60_inserts_all_land(fake: FakeGoogle) -> None:
    google = google_client(fake)
    cid = await new_calendar(google)
    events = google.service.events()

    results = await google.batch(
        [events.insert(calendarId=cid, body=event_body(f"cf:{n}")) for n in range(60)]
    )

    assert len(results) == 60 and all(exc is None for _, exc in results.values())
    assert results["1"][0]["id"] == event_id("cf:0")
    assert len(fake.events_of(cid)) == 60
    parts = [c for c in fake.write_calls() if c.batch]
    assert len(parts) == 60 and len({c.batch_no for c in parts}) == 1
    assert all(c.status == 200 and c.headers["Authorization"].startswith("Bearer ") for c in parts)
    outer = [c for c in fake.calls if c.path == "/batch/calendar/v3"]
    assert len(outer) == 1 and outer[0].status == 200


@pytest.mark.asyncio
async def test_batch_parts_fail_independently(fake: FakeGoogle) -> None:
    google = google_client(fake)
    cid = await new_calendar(google)
    events = google.service.events()
    fake.set_faults(rate=0.5, statuses=(503,), seed=7)

    results = await google.batch(
        [events.insert(calendarId=cid, body=event_body(f"cf:{n}")) for n in range(40)]
    )

    failed = [exc for _, exc in results.values() if exc is not None]
    assert 0 < len(failed) < 40
    assert all(isinstance(e, HttpError) and e.resp.status == 503 for e in failed)
    assert len(fake.events_of(cid)) == 40 - len(failed)


@pytest.mark.asyncio
async def test_batch_refreshes_expired_token_and_redoes_parts(fake: FakeGoogle) -> None:
    google = google_client(fake)
    cid = await new_calendar(google)
    events = google.service.events()
    fake.expire_access_tokens()

    results = await google.batch(
        [events.insert(calendarId=cid, body=event_body(f"cf:{n}")) for n in range(3)]
    )

    assert all(exc is None for _, exc in results.values())
    statuses = [c.status for c in fake.calls if c.batch]
    assert statuses == [401, 401, 401, 200, 200, 200]
    assert len(fake.events_of(cid)) == 3


@pytest.mark.asyncio
async def test_batch_with_long_request_ids_round_trips(fake: FakeGoogle) -> None:
    google = google_client(fake)
    cid = await new_calendar(google)
    events = google.service.events()
    results: dict[str, Any] = {}
    batch = BatchHttpRequest(
        callback=lambda rid, resp, exc: results.update({rid: exc or resp}),
        batch_uri=google.batch_uri,
    )
    for n in range(3):
        # Content-ID headers this long get folded by the client's MIME generator.
        key = f"cf:{n}"
        batch.add(events.insert(calendarId=cid, body=event_body(key)), request_id=event_id(key))
    batch.add(events.get(calendarId=cid, eventId="missing1"), request_id="x" * 60)

    await asyncio.to_thread(batch.execute, http=google.http)

    assert {rid: r["id"] for rid, r in results.items() if isinstance(r, dict)} == {
        event_id(f"cf:{n}"): event_id(f"cf:{n}") for n in range(3)
    }
    missing = results["x" * 60]
    assert isinstance(missing, HttpError) and missing.resp.status == 404


@pytest.mark.asyncio
async def test_hand_made_crlf_batch_with_outer_auth_and_absolute_urls(fake: FakeGoogle) -> None:
    google = google_client(fake)
    cid = await new_calendar(google)
    token = google.http.credentials.token
    insert = json.dumps(event_body("cf:raw"))
    body = (
        "--xyz\r\nContent-Type: application/http\r\nContent-ID: <item1>\r\n\r\n"
        f"POST {fake.base_url}/calendar/v3/calendars/{quote(cid)}/events HTTP/1.1\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(insert)}\r\n\r\n"
        f"{insert}\r\n"
        "--xyz\r\nContent-Type: application/http\r\nContent-ID: <item2>\r\n\r\n"
        f"DELETE /calendar/v3/calendars/{quote(cid)}/events/nosuchid HTTP/1.1\r\n\r\n"
        "--xyz--\r\n"
    )
    headers = {
        "Content-Type": 'multipart/mixed; boundary="xyz"',
        "Authorization": f"Bearer {token}",
    }
    async with aiohttp.ClientSession() as session:
        url = f"{fake.base_url}/batch/calendar/v3"
        async with session.post(url, data=body, headers=headers) as resp:
            assert resp.status == 200
            content_type = resp.headers["Content-Type"]
            raw = await resp.read()

    message = BytesParser().parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw
    )
    parts = [p for p in message.get_payload() if isinstance(p, Message)]
    assert [p["Content-ID"] for p in parts] == ["<response-item1>", "<response-item2>"]
    status_lines = [str(p.get_payload()).splitlines()[0] for p in parts]
    assert status_lines == ["HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found"]
    assert event_id("cf:raw") in fake.events_of(cid)
    recorded = [(c.method, c.batch, c.status) for c in fake.calls if c.batch]
    assert recorded == [("POST", True, 200), ("DELETE", True, 404)]


@pytest.mark.asyncio
async def test_token_without_calendar_scope_is_403(fake: FakeGoogle) -> None:
    google = google_client(fake, scopes=["openid", "email"])

    error = await http_error(google.run(google.service.calendarList().list()))

    assert error.resp.status == 403 and reasons(error) == ["insufficientPermissions"]


@pytest.mark.asyncio
async def test_batch_over_1000_parts_is_rejected(fake: FakeGoogle) -> None:
    part = (
        "--b\r\nContent-Type: application/http\r\nContent-ID: <{n}>\r\n\r\n"
        "GET /calendar/v3/users/me/calendarList HTTP/1.1\r\n\r\n"
    )
    body = "".join(part.format(n=n) for n in range(1001)) + "--b--\r\n"
    async with aiohttp.ClientSession() as session:
        headers = {"Content-Type": "multipart/mixed; boundary=b"}
        url = f"{fake.base_url}/batch/calendar/v3"
        async with session.post(url, data=body, headers=headers) as resp:
            assert resp.status == 400
            assert (await resp.json())["error"]["code"] == 400


@pytest.mark.asyncio
async def test_revoked_grant_raises_refresh_error(fake: FakeGoogle) -> None:
    google = google_client(fake)
    await new_calendar(google)
    fake.revoke_all(SUB)

    with pytest.raises(RefreshError) as exc:
        await google.run(google.service.calendarList().list())
    assert "invalid_grant" in str(exc.value)


@pytest.mark.asyncio
async def test_expired_access_token_is_refreshed_and_retried(fake: FakeGoogle) -> None:
    google = google_client(fake)
    cid = await new_calendar(google)
    fake.expire_access_tokens()

    calendar = await google.run(google.service.calendars().get(calendarId=cid))

    assert calendar["id"] == cid
    tail = [(c.method, c.path, c.status) for c in fake.calls[-3:]]
    get_path = f"/calendar/v3/calendars/{cid}"
    assert tail == [("GET", get_path, 401), ("POST", "/token", 200), ("GET", get_path, 200)]


@pytest.mark.asyncio
async def test_rate_limit_fault_has_retry_after_and_reason(fake: FakeGoogle) -> None:
    google = google_client(fake)
    await new_calendar(google)
    fake.set_faults(rate=1.0, statuses=(429,), retry_after=7)

    error = await http_error(google.run(google.service.calendarList().list()))

    assert error.resp.status == 429 and error.resp["retry-after"] == "7"
    assert reasons(error)[0] in ("rateLimitExceeded", "userRateLimitExceeded")
    assert error.resp["content-type"] == "application/json; charset=UTF-8"


@pytest.mark.asyncio
async def test_commit_then_fail_stores_the_write_before_the_503(fake: FakeGoogle) -> None:
    google = google_client(fake)
    cid = await new_calendar(google)
    events = google.service.events()
    fake.set_faults(rate=1.0, statuses=(503,), commit_then_fail=1.0)

    error = await http_error(google.run(events.insert(calendarId=cid, body=event_body("cf:9"))))
    assert error.resp.status == 503 and reasons(error) == ["backendError"]
    assert event_id("cf:9") in fake.events_of(cid)

    fake.set_faults()
    retry = await http_error(google.run(events.insert(calendarId=cid, body=event_body("cf:9"))))
    assert retry.resp.status == 409


@pytest.mark.asyncio
async def test_faults_spare_oauth_unless_asked_and_latency_applies(fake: FakeGoogle) -> None:
    refresh_token = fake.issue_refresh_token(SUB)
    form = {
        "grant_type": "refresh_token",
        "refresh_token": refresh_token,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    url = f"{fake.base_url}/token"
    async with aiohttp.ClientSession() as session:
        fake.set_faults(rate=1.0, statuses=(503,), latency=0.05)
        started = time.monotonic()
        async with session.post(url, data=form) as resp:
            assert resp.status == 200
        assert time.monotonic() - started >= 0.05
        fake.set_faults(rate=1.0, statuses=(503,), include_oauth=True)
        async with session.post(url, data=form) as resp:
            assert resp.status == 503


@pytest.mark.asyncio
async def test_calendar_api_rejects_missing_and_unknown_tokens(fake: FakeGoogle) -> None:
    url = f"{fake.base_url}/calendar/v3/users/me/calendarList"
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            assert resp.status == 401
            assert resp.headers["Content-Type"] == "application/json; charset=UTF-8"
            assert (await resp.json())["error"]["errors"][0]["reason"] == "required"
        async with session.get(url, headers={"Authorization": "Bearer ya29.nope"}) as resp:
            body = await resp.json()
    assert body["error"]["status"] == "UNAUTHENTICATED"
    assert body["error"]["errors"][0]["reason"] == "authError"
    assert body["error"]["message"] == "Invalid Credentials"
