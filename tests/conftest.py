"""Shared fixtures: real PostgreSQL and Valkey (configured, or throwaway servers started here).

TEST_POSTGRES_DSN / TEST_VALKEY_URI point at existing servers; when unset, embedded servers from the
project's own dependencies are started for the session. A service that cannot be reached fails
the tests that need it; nothing is skipped.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
from pydantic import SecretStr
from redis.asyncio import Redis

from shared.config import Settings, load_settings
from shared.db.migrate import migrate
from shared.embedded import EmbeddedPostgres, EmbeddedValkey
from shared.platforms.http import FetchPolicy, PlatformClient
from shared.platforms.registry import PLATFORMS
from shared.resources import Resources, open_resources
from shared.retry import Backoff
from tests.fakes.discord import FakeDiscord
from tests.fakes.google import FakeGoogle
from tests.fakes.platforms import FakePlatforms
from tests.fakes.telegram import FakeTelegram

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "platforms"
TABLES = (
    "alert_outbox, scrape_runs, sync_runs, google_cleanups, link_approvals, notices, deliveries, "
    "guild_events, subscribers, guilds, oauth_states, link_tokens, calendar_events, identities, "
    "users, platform_health, contests"
)


def fixtures_dir() -> Path:
    """The saved platform payloads; their absence is a failure, not a skip."""
    if not (FIXTURES / "expected.json").exists():
        pytest.fail(f"platform fixtures not found at {FIXTURES}")
    return FIXTURES


@pytest.fixture(scope="session")
def tmp_root() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="contestsync-tests-") as path:
        yield Path(path)


@pytest.fixture(scope="session")
def postgres_server(tmp_root: Path) -> Iterator[str]:
    """DSN of a PostgreSQL server's maintenance database."""
    dsn = os.environ.get("TEST_POSTGRES_DSN")
    if dsn:
        yield dsn
        return
    server = EmbeddedPostgres(tmp_root / "pg" / "data", delete_on_stop=True)
    (tmp_root / "pg").mkdir()
    yield server.start()
    server.stop()


@pytest.fixture(scope="session")
def valkey_server(tmp_root: Path) -> Iterator[str]:
    """URL of a Valkey/Redis server (database index chosen by the URL)."""
    url = os.environ.get("TEST_VALKEY_URI")
    if url:
        yield url
        return
    server = EmbeddedValkey(tmp_root / "valkey", persist=False)
    yield server.start()
    server.stop()


def _with_database(dsn: str, name: str) -> str:
    parts = urlsplit(dsn)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


@pytest.fixture(scope="session")
async def database_dsn(postgres_server: str) -> AsyncIterator[str]:
    """A fresh database for this session, migrated with the project's own runner."""
    name = f"contestsync_test_{secrets.token_hex(4)}"
    try:
        admin = await asyncpg.connect(postgres_server, timeout=10)
    except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
        pytest.fail(f"PostgreSQL is not reachable at TEST_POSTGRES_DSN: {exc!r}")
    await admin.execute(f'CREATE DATABASE "{name}"')
    dsn = _with_database(postgres_server, name)
    conn = await asyncpg.connect(dsn)
    try:
        await migrate(conn)
    finally:
        await conn.close()
    yield dsn
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.close()


@pytest.fixture
async def clean_db(database_dsn: str) -> str:
    """The session database with every table emptied before the test."""
    conn = await asyncpg.connect(database_dsn)
    try:
        await conn.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")
    finally:
        await conn.close()
    return database_dsn


@pytest.fixture
async def clean_valkey(valkey_server: str) -> str:
    """The Valkey database emptied before the test."""
    client = Redis.from_url(valkey_server, socket_connect_timeout=3)
    try:
        await client.flushdb()
    except Exception as exc:  # any failure: the service is missing
        pytest.fail(f"Valkey is not reachable at TEST_VALKEY_URI: {exc!r}")
    finally:
        await client.aclose()
    return valkey_server


@pytest.fixture
async def fake_platforms() -> AsyncIterator[FakePlatforms]:
    """A local fake of all seven contest platforms serving the shared fixtures."""
    fake = FakePlatforms(fixtures_dir())
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def fake_google() -> AsyncIterator[FakeGoogle]:
    """A local fake of Google OAuth + Calendar v3 with one account, "alice"."""
    fake = FakeGoogle(client_id="test-client", client_secret="test-secret")
    fake.add_account("alice-sub", "alice@example.com")
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    """A local fake of the Telegram Bot API."""
    fake = FakeTelegram()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A local fake of Discord's REST API and gateway, with one server ("Contest Club", 500,
    owned by user 100)."""
    fake = FakeDiscord()
    await fake.start()
    fake.add_guild("500", name="Contest Club", owner_id="100")
    yield fake
    await fake.close()


def google_overrides(fake: FakeGoogle) -> dict[str, str]:
    """Settings that point every Google endpoint at the fake."""
    base = fake.base_url
    return {
        "GOOGLE_CLIENT_ID": "test-client",
        "GOOGLE_CLIENT_SECRET": "test-secret",
        "GOOGLE_AUTH_URL": f"{base}/o/oauth2/v2/auth",
        "GOOGLE_TOKEN_URL": f"{base}/token",
        "GOOGLE_REVOKE_URL": f"{base}/revoke",
        "GOOGLE_USERINFO_URL": f"{base}/v1/userinfo",
        "GOOGLE_API_URL": base,
    }


@pytest.fixture
def settings(
    clean_db: str,
    clean_valkey: str,
    tmp_path: Path,
    fake_platforms: FakePlatforms,
    fake_google: FakeGoogle,
) -> Settings:
    """Settings for one test: real services, the fake platforms, fixed keys."""
    overrides = {
        "POSTGRES_DB": SecretStr(clean_db),
        "VALKEY_URI": SecretStr(clean_valkey),
        "ENV": "test",
        "SESSION_SECRET": "11" * 32,
        "ENCRYPTION_KEY": "22" * 32,
        "DATA_DIR": tmp_path / "data",
        "CONNECTION_LIMIT": 5,
        "CONNECTION_POOL_LIMIT": 3,
        "PUBLIC_BASE_URL": "http://127.0.0.1:8080",
        **fake_platforms.settings_overrides(),
        **google_overrides(fake_google),
    }
    return load_settings(**overrides)


@pytest.fixture
async def res(settings: Settings) -> AsyncIterator[Resources]:
    """Open resources (pools, clients) as a composition root would, closed after the test."""
    async with AsyncExitStack() as stack:
        resources = await open_resources(settings, stack)
        # Tests should not wait for real back-off delays or production politeness.
        resources.platforms = PlatformClient(
            resources.http,
            FetchPolicy(
                timeout=2.0, attempts=3, backoff_initial=0.01, backoff_max=0.05, retry_after_max=2.0
            ),
            rate_limits={name: (1000.0, 1.0) for name in PLATFORMS},
        )
        resources.calendar.backoff = Backoff(0.01, 0.05)
        yield resources
