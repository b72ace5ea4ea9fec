"""No secret reaches a log line: the whole connect, sync, disconnect and delete path runs with
every logger at DEBUG, and the captured output is searched for each secret involved."""

from __future__ import annotations

import logging
from urllib.parse import parse_qs, urlsplit

import pytest

from backend.worker.settings import build_worker
from shared.db import users as uq
from shared.resources import Resources
from shared.services.connect import create_connect_link
from shared.services.sync import delete_user_data, disconnect_user, sync_user_calendar
from tests.fakes.google import FakeGoogle
from tests.web.test_oauth import Browser, browser, server, user_of

__all__ = ["browser", "server"]  # fixtures used here


async def test_no_secret_of_the_connect_and_sync_path_is_ever_logged(
    res: Resources,
    browser: Browser,
    fake_google: FakeGoogle,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    link = await create_connect_link(res.db, res.settings, "telegram", "111", "111", "ada")
    start = await browser.open_link(link.url)
    consent_url = start.headers["Location"]
    callback = await browser.consent(consent_url)
    page = await browser.get(callback)
    assert page.status == 200, page.text
    user_id = await user_of(res, "telegram", "111")
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None and user.refresh_token_enc
    await sync_user_calendar(res, user_id)
    fake_google.expire_access_tokens()
    await sync_user_calendar(res, user_id)  # refreshes the access token
    await disconnect_user(res.db, res.valkey, res.arq, user_id, delete_calendar=True)
    worker = build_worker(res, burst=True, handle_signals=False)
    worker.cron_jobs = []
    await worker.main()
    await worker.close()
    await delete_user_data(res.db, res.valkey, res.arq, user_id)

    secrets = [
        link.url.rsplit("/", 1)[1],  # the one-time link token
        parse_qs(urlsplit(consent_url).query)["state"][0],
        parse_qs(urlsplit(consent_url).query)["code_challenge"][0],
        *parse_qs(urlsplit(callback).query)["code"],
        *fake_google.issued_secrets(),
        user.refresh_token_enc,
        res.settings.ENCRYPTION_KEY.get_secret_value() if res.settings.ENCRYPTION_KEY else "",
        res.settings.SESSION_SECRET.get_secret_value() if res.settings.SESSION_SECRET else "",
        "test-secret",  # the OAuth client secret
    ]
    logged = caplog.text
    assert len(logged) > 1000  # the path did log (at DEBUG)
    leaked = [s[:6] + "…" for s in secrets if s and s in logged]
    assert leaked == []
