"""Write and read pools on a real PostgreSQL server: scratch databases stand in for replicas."""

from __future__ import annotations

import logging
import secrets
import ssl
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from shared.config import Settings, load_settings
from shared.db.pools import Database, open_database, pool_options
from shared.errors import ConfigError

DEAD_DSN = "postgresql://postgres:dead-SEKRIT@127.0.0.1:1/postgres"


def _with_database(dsn: str, name: str) -> str:
    parts = urlsplit(dsn)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


@pytest.fixture(scope="module")
async def scratch(postgres_server: str) -> AsyncIterator[dict[str, str]]:
    """Three empty databases on one server: a primary and two stand-in replicas (role → DSN).

    Module-scoped: the tests only read from them.
    """
    tag = secrets.token_hex(3)
    names = {role: f"contestsync_pool_{role}_{tag}" for role in ("primary", "r1", "r2")}
    admin = await asyncpg.connect(postgres_server)
    for name in names.values():
        await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {role: _with_database(postgres_server, name) for role, name in names.items()}
    finally:
        for name in names.values():
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@pytest.fixture(autouse=True)
def no_dot_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Settings built here must not pick up a .env or variables of the machine."""
    for name in Settings.model_fields:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def db_settings(primary: str, *replicas: str, **extra: object) -> Settings:
    return load_settings(
        POSTGRES_DB=primary,
        POSTGRES_READ_DB=",".join(replicas),
        ENV="test",
        CONNECTION_LIMIT=2,
        CONNECTION_POOL_LIMIT=2,
        **extra,
    )


@pytest.fixture
async def opened() -> AsyncIterator[list[Database]]:
    """Databases opened by a test, closed after it."""
    found: list[Database] = []
    yield found
    for db in found:
        await db.close()


async def current_db(pool: asyncpg.Pool) -> str:
    return str(await pool.fetchval("SELECT current_database()"))


def db_name(dsn: str) -> str:
    return urlsplit(dsn).path.lstrip("/")


def self_signed_ca_pem() -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ContestSync Test CA")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM).decode()


# --- rotation -----------------------------------------------------------------------------------


async def test_reader_rotates_across_replicas_query_by_query(
    scratch: dict[str, str], opened: list[Database]
) -> None:
    db = await open_database(db_settings(scratch["primary"], scratch["r1"], scratch["r2"]))
    opened.append(db)
    seen = [await current_db(db.reader()) for _ in range(4)]
    r1, r2 = db_name(scratch["r1"]), db_name(scratch["r2"])
    assert seen in ([r1, r2, r1, r2], [r2, r1, r2, r1])


async def test_write_pool_is_the_primary(scratch: dict[str, str], opened: list[Database]) -> None:
    db = await open_database(db_settings(scratch["primary"], scratch["r1"], scratch["r2"]))
    opened.append(db)
    assert await current_db(db.write) == db_name(scratch["primary"])


async def test_reader_never_picks_the_primary_when_replicas_exist(
    scratch: dict[str, str], opened: list[Database]
) -> None:
    db = await open_database(db_settings(scratch["primary"], scratch["r1"], scratch["r2"]))
    opened.append(db)
    seen = {await current_db(db.reader()) for _ in range(6)}
    assert db_name(scratch["primary"]) not in seen


async def test_without_replicas_reads_go_to_the_write_pool(
    scratch: dict[str, str], opened: list[Database]
) -> None:
    db = await open_database(db_settings(scratch["primary"]))
    opened.append(db)
    assert db.reader() is db.write
    assert db.reader() is db.write


async def test_dead_replica_is_skipped_with_a_warning(
    scratch: dict[str, str], opened: list[Database], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="shared.db.pools")
    db = await open_database(
        db_settings(scratch["primary"], scratch["r1"], DEAD_DSN, scratch["r2"])
    )
    opened.append(db)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "replica 2" in warnings[0].getMessage()
    assert len(db.reads) == 2


async def test_other_replicas_still_rotate_when_one_is_dead(
    scratch: dict[str, str], opened: list[Database]
) -> None:
    db = await open_database(
        db_settings(scratch["primary"], scratch["r1"], DEAD_DSN, scratch["r2"])
    )
    opened.append(db)
    seen = [await current_db(db.reader()) for _ in range(4)]
    r1, r2 = db_name(scratch["r1"]), db_name(scratch["r2"])
    assert seen in ([r1, r2, r1, r2], [r2, r1, r2, r1])


async def test_dead_replica_warning_does_not_show_its_dsn(
    scratch: dict[str, str], opened: list[Database], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    db = await open_database(db_settings(scratch["primary"], DEAD_DSN))
    opened.append(db)
    assert "SEKRIT" not in caplog.text


async def test_all_replicas_dead_falls_back_to_reading_from_the_primary(
    scratch: dict[str, str], opened: list[Database]
) -> None:
    db = await open_database(db_settings(scratch["primary"], DEAD_DSN))
    opened.append(db)
    assert await current_db(db.reader()) == db_name(scratch["primary"])


async def test_dead_primary_is_a_readable_config_error(scratch: dict[str, str]) -> None:
    with pytest.raises(ConfigError) as caught:
        await open_database(db_settings(DEAD_DSN, scratch["r1"]))
    message = str(caught.value)
    assert "POSTGRES_DB" in message
    assert "\n" not in message
    assert "SEKRIT" not in message


async def test_primary_naming_a_missing_database_is_a_config_error(postgres_server: str) -> None:
    missing = _with_database(postgres_server, f"contestsync_missing_{secrets.token_hex(3)}")
    with pytest.raises(ConfigError, match="POSTGRES_DB"):
        await open_database(db_settings(missing))


async def test_unset_primary_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="POSTGRES_DB is not set"):
        await open_database(load_settings(ENV="test"))


async def test_close_closes_every_pool(scratch: dict[str, str]) -> None:
    db = await open_database(db_settings(scratch["primary"], scratch["r1"]))
    await db.close()
    assert db.write.is_closing()
    assert all(pool.is_closing() for pool in db.reads)


# --- pool options -------------------------------------------------------------------------------


def test_pgbouncer_turns_off_the_statement_cache() -> None:
    settings = load_settings(ENV="test", POSTGRES_PGBOUNCER="true")
    assert pool_options(settings, 5)["statement_cache_size"] == 0


def test_without_pgbouncer_the_statement_cache_stays_on() -> None:
    settings = load_settings(ENV="test")
    assert "statement_cache_size" not in pool_options(settings, 5)


def test_pool_sizes_follow_the_connection_limit() -> None:
    settings = load_settings(ENV="test")
    assert pool_options(settings, 7)["max_size"] == 7


async def test_pgbouncer_mode_still_runs_queries(
    scratch: dict[str, str], opened: list[Database]
) -> None:
    db = await open_database(db_settings(scratch["primary"], POSTGRES_PGBOUNCER="true"))
    opened.append(db)
    for _ in range(3):
        assert await db.write.fetchval("SELECT $1::int + 1", 41) == 42


def test_garbage_ca_certificate_is_a_config_error() -> None:
    settings = load_settings(ENV="test", POSTGRES_CA_CERT="this is not a certificate")
    with pytest.raises(ConfigError, match="POSTGRES_CA_CERT"):
        pool_options(settings, 5)


def test_pem_armour_around_garbage_is_a_config_error() -> None:
    pem = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"
    settings = load_settings(ENV="test", POSTGRES_CA_CERT=pem)
    with pytest.raises(ConfigError, match="POSTGRES_CA_CERT"):
        pool_options(settings, 5)


def test_real_ca_certificate_gives_an_ssl_context_trusting_it() -> None:
    settings = load_settings(ENV="test", POSTGRES_CA_CERT=self_signed_ca_pem())
    context = pool_options(settings, 5)["ssl"]
    assert isinstance(context, ssl.SSLContext)
    subjects = [str(ca["subject"]) for ca in context.get_ca_certs()]
    assert any("ContestSync Test CA" in subject for subject in subjects)


def test_ca_certificate_context_verifies_the_server() -> None:
    settings = load_settings(ENV="test", POSTGRES_CA_CERT=self_signed_ca_pem())
    context = pool_options(settings, 5)["ssl"]
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname is True


def test_without_ca_certificate_no_ssl_option_is_set() -> None:
    assert "ssl" not in pool_options(load_settings(ENV="test"), 5)


async def test_close_does_not_wait_for_ever_for_a_connection_still_in_use(
    scratch: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    """A stop whose request never gives its connection back still ends: after the grace the
    pool is closed anyway (asyncpg's own close waits as long as the holder does)."""
    db = await open_database(db_settings(scratch["primary"]))
    held = await db.write.acquire()  # a handler stuck mid-request, never releasing it
    with caplog.at_level(logging.WARNING, logger="shared.db.pools"):
        await db.close(grace=0.5)
    assert "still in use 0.5 s into the stop" in caplog.text
    with pytest.raises(asyncpg.InterfaceError):  # the holder's connection is gone
        await held.fetchval("SELECT 1")
    with pytest.raises(asyncpg.InterfaceError):
        await db.write.fetchval("SELECT 1")
