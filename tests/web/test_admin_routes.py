"""/metrics on the backend and the worker port, and the password-protected admin routes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
from aiohttp.test_utils import TestClient, TestServer
from arq.constants import default_queue_name
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr

from backend.web.app import build_app
from backend.worker.settings import build_health_app, build_worker
from shared.jobs import enqueue_sync
from shared.resources import Resources
from tests.factories import connect_user
from tests.fakes.google import FakeGoogle

PASSWORD = "correct horse battery staple"


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of an exposition, parsed by prometheus_client's own parser."""
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(
    parsed: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float:
    return parsed.get((name, frozenset(labels.items())), 0.0)


@pytest.fixture
async def admin_client(res: Resources) -> AsyncIterator[TestClient]:
    settings = res.settings.model_copy(update={"ADMIN_PASSWORD": SecretStr(PASSWORD)})
    async with TestClient(TestServer(build_app(replace(res, settings=settings)))) as client:
        yield client


async def test_backend_metrics_count_requests_scrapes_and_contests(
    res: Resources, admin_client: TestClient
) -> None:
    await build_worker(res, burst=True, handle_signals=False).main()  # scrapes every platform
    await res.alerts.settle()
    assert (await admin_client.get("/api/contests")).status == 200
    assert (await admin_client.get("/connect/not-a-token")).status in (400, 404, 410)
    resp = await admin_client.get("/metrics")
    assert resp.status == 200
    assert resp.headers["Content-Type"].startswith("text/plain")
    parsed = samples(await resp.text())
    assert (
        value(parsed, "contestsync_http_requests_total", route="/api/contests", status="200") == 1
    )
    routes = {
        dict(labels).get("route") for name, labels in parsed if name.startswith("contestsync_http")
    }
    assert "/connect/{token}" in routes and not any("not-a-token" in str(r) for r in routes)
    # web and worker share this process here, so the scrapes are in its registry
    assert value(parsed, "contestsync_scrapes_total", platform="codeforces", outcome="ok") == 1
    assert value(parsed, "contestsync_scrape_duration_seconds_count", platform="codeforces") == 1
    assert value(parsed, "contestsync_contests", platform="codeforces", state="upcoming") > 0
    assert ("contestsync_queue_depth", frozenset()) in parsed


async def test_worker_port_metrics_show_jobs_syncs_and_google_calls(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await build_worker(res, burst=True, handle_signals=False).main()
    user_id = await connect_user(res, fake_google)
    await enqueue_sync(res.arq, user_id)
    worker = build_worker(res, burst=True, handle_signals=False)
    await worker.main()
    async with TestClient(TestServer(build_health_app(lambda: worker, res))) as client:
        resp = await client.get("/metrics")
        parsed = samples(await resp.text())
    assert value(parsed, "contestsync_syncs_total", outcome="ok") == 1
    assert value(parsed, "contestsync_sync_duration_seconds_count") == 1
    inserts = value(parsed, "contestsync_google_calls_total", method="events.insert", status="200")
    assert inserts > 0
    assert (
        value(parsed, "contestsync_google_calls_total", method="find_calendar", status="200") == 1
    )
    assert (
        value(parsed, "contestsync_google_calls_total", method="insert_calendar", status="200") == 1
    )
    assert value(parsed, "contestsync_google_token_refreshes_total", outcome="ok") >= 1
    assert (
        value(
            parsed, "contestsync_job_duration_seconds_count", job="sync_user_calendar", outcome="ok"
        )
        == 1
    )
    assert (
        value(parsed, "contestsync_job_duration_seconds_count", job="scrape_platform", outcome="ok")
        >= 7
    )
    assert (
        value(parsed, "contestsync_job_duration_seconds_count", job="cron:heartbeat", outcome="ok")
        >= 1
    )


async def test_admin_routes_are_hidden_without_a_password(res: Resources) -> None:
    async with TestClient(TestServer(build_app(res))) as client:
        for path in ("/admin/scrape", "/admin/sync", "/health"):
            resp = await client.post(path, headers={"X-Admin-Password": "anything"})
            assert resp.status == 404


async def test_admin_routes_need_the_password(
    admin_client: TestClient, res: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    for headers in ({}, {"X-Admin-Password": "wrong"}, {"X-Admin-Password": PASSWORD[:-1]}):
        resp = await admin_client.post("/admin/scrape", headers=headers)
        assert resp.status == 401
    assert await res.arq.zcard(default_queue_name) == 0
    assert all(PASSWORD not in r.getMessage() for r in caplog.records)
    assert any("wrong or missing password" in r.getMessage() for r in caplog.records)


async def test_admin_scrape_and_sync_queue_jobs_for_the_worker(
    admin_client: TestClient, res: Resources
) -> None:
    headers = {"X-Admin-Password": PASSWORD}
    resp = await admin_client.post("/admin/scrape?platform=codeforces", headers=headers)
    assert resp.status == 202
    assert await resp.json() == {"platforms": ["codeforces"], "queued": 1}
    resp = await admin_client.post("/admin/scrape", headers=headers, json={"platform": "nope"})
    assert resp.status == 400
    resp = await admin_client.post("/admin/sync", headers=headers)
    assert resp.status == 202 and (await resp.json())["queued"] is True
    queued = {k.decode() for k in await res.arq.zrange(default_queue_name, 0, -1)}
    assert queued == {"scrape:codeforces", "syncall"}


async def test_admin_health_is_deep_and_says_what_fails(
    admin_client: TestClient, res: Resources
) -> None:
    resp = await admin_client.post("/health", headers={"X-Admin-Password": PASSWORD})
    body = await resp.json()
    assert resp.status == 503  # no worker has run: the heartbeat is missing
    checks = {c["name"]: c for c in body["checks"]}
    assert checks["PostgreSQL primary"]["ok"] and checks["Valkey"]["ok"]
    assert not checks["worker"]["ok"]

    await build_worker(res, burst=True, handle_signals=False).main()
    resp = await admin_client.post("/health", headers={"X-Admin-Password": PASSWORD})
    body = await resp.json()
    assert resp.status == 200, body
    assert body["status"] == "ok"


async def test_admin_routes_are_rate_limited(admin_client: TestClient) -> None:
    statuses = [
        (await admin_client.post("/admin/sync", headers={"X-Admin-Password": "wrong"})).status
        for _ in range(12)
    ]
    assert statuses[:10] == [401] * 10
    assert statuses[10:] == [429, 429]
