"""The Google connect flow over real HTTP: our app, a browser-like client and the fake Google.

The walk: GET /connect/<token> (a page naming the asking chat) → POST it → 303 to the fake's
consent page → GET it → 302 to our callback (its origin is PUBLIC_BASE_URL's, so it is rewritten
to the test server's) → GET the callback.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from arq.jobs import Job, JobStatus
from multidict import CIMultiDictProxy

from backend.web.app import build_app
from shared.db import notices as nq
from shared.db import users as uq
from shared.resources import Resources
from shared.services.connect import create_connect_link
from shared.services.linking import LinkDecision, decide_link
from tests.fakes.google import CALENDAR_APP_CREATED_SCOPE, CALENDAR_SCOPE, FakeGoogle

PUBLIC_BASE = "http://127.0.0.1:8080"


@dataclass
class Page:
    """One answer of our app, kept for the leak checks."""

    status: int
    text: str
    headers: CIMultiDictProxy[str]


class Browser:
    """Follows the flow by hand (no automatic redirects) and keeps every page our app served."""

    def __init__(self, session: aiohttp.ClientSession, server: TestServer) -> None:
        self.session = session
        self.server = server
        self.pages: list[Page] = []

    def ours(self, path_qs: str) -> str:
        return str(self.server.make_url("")).rstrip("/") + path_qs

    async def get(self, url: str, **kwargs: object) -> Page:
        async with self.session.get(url, allow_redirects=False, **kwargs) as resp:  # type: ignore[arg-type]
            page = Page(resp.status, await resp.text(), resp.headers)
        if url.startswith(self.ours("")):
            self.pages.append(page)
        return page

    async def post(self, url: str) -> Page:
        async with self.session.post(url, allow_redirects=False) as resp:
            page = Page(resp.status, await resp.text(), resp.headers)
        self.pages.append(page)
        return page

    async def view_link(self, link_url: str) -> Page:
        """GET the link: the page that names the asking chat (uses nothing up)."""
        assert link_url.startswith(f"{PUBLIC_BASE}/connect/")
        return await self.get(self.ours(link_url.removeprefix(PUBLIC_BASE)))

    async def open_link(self, link_url: str) -> Page:
        """View the link, then press "Continue to Google" (a POST): the redirect to Google."""
        page = await self.view_link(link_url)
        if page.status != 200:
            return page
        assert "<form method='post'>" in page.text
        return await self.post(self.ours(link_url.removeprefix(PUBLIC_BASE)))

    async def consent(self, consent_url: str) -> str:
        """Visit the fake consent page; the callback URL it sends us to, on our test server."""
        page = await self.get(consent_url)
        assert page.status == 302, page.text
        location = page.headers["Location"]
        assert location.startswith(f"{PUBLIC_BASE}/auth/google/callback?")
        return self.ours(location.removeprefix(PUBLIC_BASE))

    async def walk(self, link_url: str) -> tuple[str, Page]:
        """The whole flow: (callback URL, callback page)."""
        start = await self.open_link(link_url)
        assert start.status == 303, start.text
        callback = await self.consent(start.headers["Location"])
        return callback, await self.get(callback)


@pytest.fixture
async def server(res: Resources) -> AsyncIterator[TestServer]:
    test_server = TestServer(build_app(res))
    # As in production (backend/cli.py): request lines carry one-time secrets, so no access log.
    await test_server.start_server(access_log=None)
    yield test_server
    await test_server.close()


@pytest.fixture
async def browser(server: TestServer) -> AsyncIterator[Browser]:
    async with aiohttp.ClientSession() as session:
        yield Browser(session, server)


async def google_state(res: Resources) -> list[tuple[object, ...]]:
    """Everything a connection changes: users' Google columns and who belongs to whom."""
    users = await res.db.write.fetch(
        "SELECT id, google_sub, google_email, refresh_token_enc, calendar_id, google_status "
        "FROM users ORDER BY id"
    )
    identities = await res.db.write.fetch(
        "SELECT chat_platform, external_user_id, user_id FROM identities "
        "ORDER BY chat_platform, external_user_id"
    )
    return [tuple(r) for r in users] + [tuple(r) for r in identities]


def token_exchanges(fake: FakeGoogle) -> int:
    return sum(
        1
        for call in fake.calls
        if call.path == "/token" and (call.body or {}).get("grant_type") == "authorization_code"
    )


def query_of(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


async def user_of(res: Resources, chat_platform: str, external_user_id: str) -> int:
    identity = await uq.get_identity(res.db.write, chat_platform, external_user_id)
    assert identity is not None
    return identity.user_id


def assert_safe_headers(page: Page) -> None:
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert page.headers["X-Frame-Options"] == "DENY"
    assert "no-store" in page.headers["Cache-Control"]


# --- the happy path -------------------------------------------------------------------------------


async def test_connect_flow_stores_encrypted_grant_and_creates_calendar(
    res: Resources,
    browser: Browser,
    fake_google: FakeGoogle,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "chat-111", "alice")
    user_id = await user_of(res, "telegram", "111")
    await uq.update_preferences(res.db.write, user_id, timezone="Asia/Kolkata")

    callback, page = await browser.walk(link.url)

    assert page.status == 200, page.text
    assert "Connected — you can close this tab" in page.text
    assert "alice@example.com" in page.text
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None
    assert user.google_status == "active"
    assert user.google_sub == "alice-sub"
    assert user.google_email == "alice@example.com"
    assert user.refresh_token_enc is not None
    refresh_token = res.cipher.decrypt(user.refresh_token_enc, user_id)
    assert refresh_token != user.refresh_token_enc
    assert refresh_token not in user.refresh_token_enc
    # The stored token is the live grant: the fake accepts it for a refresh.
    async with res.http.post(
        f"{fake_google.base_url}/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": "test-client",
            "client_secret": "test-secret",
        },
    ) as resp:
        assert resp.status == 200

    calendars = [c for c in fake_google.calendars.values() if c.owner_sub == "alice-sub"]
    assert [(c.summary, c.time_zone) for c in calendars] == [("Contests", "Asia/Kolkata")]
    assert user.calendar_id == calendars[0].id

    notices = await nq.list_notices(res.db.write, user_id)
    assert [(n.kind, n.chat_platform, n.chat_id) for n in notices] == [
        ("google_connected", "telegram", "chat-111")
    ]
    assert "Connected as alice@example.com" in notices[0].body
    assert '"Contests"' in notices[0].body

    assert await Job(f"sync:{user_id}", res.arq).status() == JobStatus.queued

    assert token_exchanges(fake_google) == 1
    exchange = next(c for c in fake_google.calls if c.path == "/token")
    assert exchange.body is not None
    assert exchange.body["redirect_uri"] == f"{PUBLIC_BASE}/auth/google/callback"
    assert exchange.body["code_verifier"]
    assert exchange.body["client_secret"] == "test-secret"

    secrets_seen = [refresh_token, query_of(callback)["code"], query_of(callback)["state"]]
    secrets_seen.append(urlsplit(link.url).path.rsplit("/", 1)[1])
    secrets_seen.append(exchange.body["code_verifier"])
    assert browser.pages
    for seen in browser.pages:
        assert_safe_headers(seen)
        for secret in secrets_seen:
            assert secret not in seen.text
    for secret in secrets_seen:
        assert secret not in caplog.text


async def test_consent_request_asks_for_least_privilege_offline_access_with_pkce(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    start = await browser.open_link(link.url)
    assert start.status == 303
    assert_safe_headers(start)

    await browser.consent(start.headers["Location"])

    [request] = fake_google.auth_requests
    assert set(request.scopes) == {"openid", "email", CALENDAR_APP_CREATED_SCOPE}
    assert CALENDAR_SCOPE not in request.scopes
    assert CALENDAR_SCOPE not in request.query["scope"].split()
    assert request.query["access_type"] == "offline"
    assert request.query["prompt"] == "consent"
    assert request.query["code_challenge_method"] == "S256"
    assert len(request.query["code_challenge"]) == 43
    assert request.query["client_id"] == "test-client"
    assert request.query["redirect_uri"] == f"{PUBLIC_BASE}/auth/google/callback"
    assert len(request.query["state"]) >= 43


async def test_same_google_account_from_a_second_chat_waits_for_the_first_chats_approval(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    telegram = await create_connect_link(res.db, res.settings, "telegram", "111", "111", "ada")
    _, page = await browser.walk(telegram.url)
    assert page.status == 200, page.text
    discord = await create_connect_link(res.db, res.settings, "discord", "999", "dm-999", "ada_dc")
    owner = await user_of(res, "telegram", "111")
    before = await google_state(res)

    _, page = await browser.walk(discord.url)

    assert page.status == 200, page.text
    assert "Waiting for approval" in page.text and "nothing is linked" in page.text
    assert await user_of(res, "discord", "999") != owner  # not joined
    assert await google_state(res) == before
    request = await res.db.write.fetchrow("SELECT id, target_user_id, decision FROM link_approvals")
    assert request is not None and request["target_user_id"] == owner
    asked = await res.db.write.fetchrow(
        "SELECT chat_id, body, buttons FROM notices WHERE kind = 'link_request'"
    )
    assert asked is not None and asked["chat_id"] == "111"
    assert "Discord user @ada_dc" in asked["body"]
    assert json.loads(asked["buttons"]) == [
        [["Approve", f"la:y:{request['id']}"], ["Deny", f"la:n:{request['id']}"]]
    ]
    # The second consent's grant is not kept: it is given back to Google.
    cleanup = await res.db.write.fetchrow("SELECT reason FROM google_cleanups")
    assert cleanup is not None and cleanup["reason"] == "needs_approval"

    decided = await decide_link(
        res.db, res.arq, res.messenger, request["id"], "telegram", "111", approve=True
    )

    assert decided.decision is LinkDecision.APPROVED
    assert await user_of(res, "discord", "999") == owner
    identities = await uq.list_identities(res.db.write, owner)
    assert [(i.chat_platform, i.external_user_id) for i in identities] == [
        ("discord", "999"),
        ("telegram", "111"),
    ]
    assert await res.db.write.fetchval("SELECT count(*) FROM users") == 1
    user = await uq.get_user(res.db.write, owner)
    assert user is not None and user.connected
    assert res.cipher.decrypt(user.refresh_token_enc or "", owner)


async def test_same_google_account_linked_at_once_from_two_chats_asks_the_winner(
    res: Resources, browser: Browser, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    callbacks = []
    for chat_platform, external_user_id in (("telegram", "111"), ("discord", "999")):
        link = await create_connect_link(
            res.db, res.settings, chat_platform, external_user_id, external_user_id
        )
        start = await browser.open_link(link.url)
        callbacks.append(await browser.consent(start.headers["Location"]))
    telegram_user = await user_of(res, "telegram", "111")

    # Hold the Telegram user's row so its link stalls before claiming the Google account, let
    # the Discord link commit meanwhile, then release: the Telegram link must not join that
    # user but ask it for approval.
    async with res.db.write.acquire() as blocker, blocker.transaction():
        await blocker.execute("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", telegram_user)
        first = asyncio.create_task(browser.get(callbacks[0]))
        for _ in range(500):
            # Not on the blocker: pg_stat_activity is a snapshot for the rest of a transaction.
            waiting = await res.db.write.fetchval(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if waiting:
                break
            await asyncio.sleep(0.01)
        assert waiting, "the Telegram link never reached the held row"
        second = await browser.get(callbacks[1])
        assert second.status == 200, second.text
    page = await first

    assert page.status == 200, page.text
    assert "Waiting for approval" in page.text
    assert "asking its owner instead" in caplog.text
    assert await user_of(res, "telegram", "111") != await user_of(res, "discord", "999")
    target = await res.db.write.fetchval("SELECT target_user_id FROM link_approvals")
    assert target == await user_of(res, "discord", "999")


async def test_connection_stands_when_the_calendar_cannot_be_created(
    res: Resources,
    browser: Browser,
    fake_google: FakeGoogle,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake_google.set_faults(rate=1.0, statuses=(400,))
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")

    _, page = await browser.walk(link.url)

    assert page.status == 200, page.text
    user_id = await user_of(res, "telegram", "111")
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None and user.connected
    assert user.calendar_id is None
    assert await Job(f"sync:{user_id}", res.arq).status() == JobStatus.queued
    assert "calendar not ready" in caplog.text


# --- links ----------------------------------------------------------------------------------------


async def test_reused_link_gets_a_friendly_page_and_stores_nothing(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    first = await browser.open_link(link.url)
    assert first.status == 303
    before = await google_state(res)

    again = await browser.open_link(link.url)

    assert again.status == 410
    assert "expired or was already used" in again.text
    assert "/connect" in again.text
    assert_safe_headers(again)
    assert await google_state(res) == before
    assert await res.db.write.fetchval("SELECT count(*) FROM oauth_states") == 1


async def test_expired_link_gets_a_friendly_page(res: Resources, browser: Browser) -> None:
    past = datetime.now(UTC) - timedelta(minutes=11)
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111", now=past)
    before = await google_state(res)

    page = await browser.open_link(link.url)

    assert page.status == 410
    assert "expired" in page.text
    assert_safe_headers(page)
    assert await google_state(res) == before
    assert await res.db.write.fetchval("SELECT count(*) FROM oauth_states") == 0


async def test_unknown_and_oversized_links_get_a_page(browser: Browser) -> None:
    unknown = await browser.get(browser.ours("/connect/" + "x" * 43))
    assert unknown.status == 410
    oversized = await browser.get(browser.ours("/connect/" + "x" * 4000))
    assert oversized.status == 400
    for page in (unknown, oversized):
        assert "/connect" in page.text
        assert_safe_headers(page)


async def test_opening_the_link_uses_nothing_up_and_names_the_asking_chat(
    res: Resources, browser: Browser
) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111", "ada")
    path = link.url.removeprefix(PUBLIC_BASE)
    preview = await browser.get(
        browser.ours(path), headers={"User-Agent": "TelegramBot (like TwitterBot)"}
    )
    assert preview.status == 200
    assert "Connect Google Calendar to Telegram user @ada?" in preview.text
    assert_safe_headers(preview)
    assert "form-action 'self' http://127.0.0.1:" in preview.headers["Content-Security-Policy"]
    scanner = await browser.get(browser.ours(path))  # a link scanner's GET
    assert scanner.status == 200
    async with browser.session.head(browser.ours(path), allow_redirects=False) as head:
        assert head.status == 405
    assert await res.db.write.fetchval("SELECT count(*) FROM oauth_states") == 0

    page = await browser.open_link(link.url)

    assert page.status == 303
    assert await res.db.write.fetchval("SELECT count(*) FROM oauth_states") == 1


async def test_forged_state_is_refused_and_stores_nothing(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    await browser.open_link(link.url)
    before = await google_state(res)

    query = urlencode({"state": "forged-" + "A" * 40, "code": "4/0forged"})
    page = await browser.get(browser.ours(f"/auth/google/callback?{query}"))

    assert page.status == 400
    assert "/connect" in page.text
    assert_safe_headers(page)
    assert token_exchanges(fake_google) == 0
    assert await google_state(res) == before


async def test_callback_without_parameters_is_refused(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    page = await browser.get(browser.ours("/auth/google/callback"))
    assert page.status == 400
    assert_safe_headers(page)
    assert token_exchanges(fake_google) == 0


async def test_oversized_callback_values_are_refused(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    start = await browser.open_link(link.url)
    callback = await browser.consent(start.headers["Location"])
    state = query_of(callback)["state"]
    before = await google_state(res)

    query = urlencode({"state": state, "code": "4/0" + "c" * 5000})
    page = await browser.get(browser.ours(f"/auth/google/callback?{query}"))

    assert page.status == 400
    assert token_exchanges(fake_google) == 0
    assert await google_state(res) == before
    # The genuine answer still works: the oversized one did not use up the state.
    assert (await browser.get(callback)).status == 200


async def test_replayed_state_is_refused_without_a_second_exchange(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    callback, first = await browser.walk(link.url)
    assert first.status == 200
    before = await google_state(res)

    replay = await browser.get(callback)

    assert replay.status == 400
    assert "already used" in replay.text
    assert_safe_headers(replay)
    assert token_exchanges(fake_google) == 1
    assert await google_state(res) == before


async def test_access_denied_says_cancelled_and_notifies_in_chat(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    link = await create_connect_link(res.db, res.settings, "discord", "222", "dm-222")
    user_id = await user_of(res, "discord", "222")
    before = await google_state(res)
    fake_google.next_consent = ("alice-sub", "deny")

    callback, page = await browser.walk(link.url)

    assert query_of(callback)["error"] == "access_denied"
    assert page.status == 200
    assert "cancelled" in page.text
    assert "/connect" in page.text
    assert_safe_headers(page)
    assert await google_state(res) == before
    assert token_exchanges(fake_google) == 0
    notices = await nq.list_notices(res.db.write, user_id)
    assert [(n.kind, n.chat_id) for n in notices] == [("connect_cancelled", "dm-222")]
    assert "cancelled" in notices[0].body and "/connect" in notices[0].body
    assert await Job(f"sync:{user_id}", res.arq).status() == JobStatus.not_found


async def test_other_google_error_gets_a_page_and_a_chat_notice(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "chat-111")
    user_id = await user_of(res, "telegram", "111")
    start = await browser.open_link(link.url)
    callback = await browser.consent(start.headers["Location"])
    before = await google_state(res)

    query = urlencode({"state": query_of(callback)["state"], "error": "server_error"})
    page = await browser.get(browser.ours(f"/auth/google/callback?{query}"))

    assert page.status == 400
    assert "/connect" in page.text
    assert_safe_headers(page)
    assert token_exchanges(fake_google) == 0
    assert await google_state(res) == before
    notices = await nq.list_notices(res.db.write, user_id)
    assert [n.kind for n in notices] == ["connect_failed"]


async def test_failed_code_exchange_stores_nothing(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    start = await browser.open_link(link.url)
    callback = await browser.consent(start.headers["Location"])
    before = await google_state(res)

    query = urlencode({"state": query_of(callback)["state"], "code": "4/0not-a-real-code"})
    page = await browser.get(browser.ours(f"/auth/google/callback?{query}"))

    assert page.status == 400
    assert "nothing was changed" in page.text
    assert "/connect" in page.text
    assert_safe_headers(page)
    assert token_exchanges(fake_google) == 1
    assert await google_state(res) == before


async def test_a_token_endpoint_hiccup_is_retried_and_the_connection_lands(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    fake_google.fail_next("/token", 503, times=2)
    fake_google.fail_next("/v1/userinfo", 500)
    _, page = await browser.walk(link.url)
    assert page.status == 200, page.text
    assert token_exchanges(fake_google) == 3
    user = await uq.get_user(res.db.write, await user_of(res, "telegram", "111"))
    assert user is not None and user.google_status == "active" and user.refresh_token_enc


async def test_a_token_endpoint_outage_gets_a_page_and_stores_nothing(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    start = await browser.open_link(link.url)
    callback = await browser.consent(start.headers["Location"])
    before = await google_state(res)
    fake_google.fail_next("/token", 503, times=3)
    page = await browser.get(callback)
    assert page.status == 400
    assert "nothing was changed" in page.text and "/connect" in page.text
    assert token_exchanges(fake_google) == 3
    assert await google_state(res) == before


async def test_unverified_email_sent_as_the_string_false_is_refused(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    fake_google.add_account("bob-sub", "bob@example.com", email_verified="false")
    fake_google.next_consent = ("bob-sub", "approve")
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    before = await google_state(res)

    _, page = await browser.walk(link.url)

    assert page.status == 400
    assert "verified" in page.text
    assert await google_state(res) == before
    assert fake_google.calendars == {}


async def test_unverified_email_is_refused_and_stores_nothing(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    fake_google.add_account("bob-sub", "bob@example.com", email_verified=False)
    fake_google.next_consent = ("bob-sub", "approve")
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111")
    user_id = await user_of(res, "telegram", "111")
    before = await google_state(res)

    _, page = await browser.walk(link.url)

    assert page.status == 400
    assert "verified" in page.text
    assert_safe_headers(page)
    assert await google_state(res) == before
    assert fake_google.calendars == {}
    assert await Job(f"sync:{user_id}", res.arq).status() == JobStatus.not_found
