"""The migration runner on scratch databases of a real PostgreSQL server."""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from shared.db.migrate import MIGRATIONS_DIR, MigrationError, load_migrations, migrate

DESIGN_TABLES = {
    "contests",
    "platform_health",
    "users",
    "identities",
    "calendar_events",
    "link_tokens",
    "oauth_states",
    "guilds",
    "deliveries",
}


def _with_database(dsn: str, name: str) -> str:
    parts = urlsplit(dsn)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


@pytest.fixture
async def scratch_dsn(postgres_server: str) -> AsyncIterator[str]:
    """An empty database of its own, dropped after the test."""
    name = f"contestsync_migrate_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(postgres_server)
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _with_database(postgres_server, name)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@pytest.fixture
async def conn(scratch_dsn: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(scratch_dsn)
    try:
        yield connection
    finally:
        await connection.close()


def write(folder: Path, name: str, sql: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(sql, encoding="utf-8")
    return path


async def tables(conn: asyncpg.Connection) -> set[str]:
    rows = await conn.fetch(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
    )
    return {r["table_name"] for r in rows}


async def recorded(conn: asyncpg.Connection) -> list[int]:
    rows = await conn.fetch("SELECT version FROM schema_migrations ORDER BY version")
    return [r["version"] for r in rows]


# --- the project's own migrations -----------------------------------------------------------------


async def test_migrating_an_empty_database_creates_every_design_table(
    conn: asyncpg.Connection,
) -> None:
    await migrate(conn)
    assert DESIGN_TABLES | {"schema_migrations"} <= await tables(conn)


async def test_every_applied_file_is_recorded_with_its_version_and_checksum(
    conn: asyncpg.Connection,
) -> None:
    applied = await migrate(conn)
    rows = await conn.fetch(
        "SELECT version, name, checksum FROM schema_migrations ORDER BY version"
    )
    files = sorted(MIGRATIONS_DIR.glob("*.sql"))
    assert [m.version for m in applied] == [r["version"] for r in rows]
    assert len(rows) == len(files) >= 1
    for row, path in zip(rows, files, strict=True):
        assert row["version"] == int(path.name[:4])
        assert row["name"] == path.stem
        assert row["checksum"] == hashlib.sha256(path.read_bytes()).hexdigest()


async def test_second_migrate_is_a_no_op(conn: asyncpg.Connection) -> None:
    await migrate(conn)
    before = await conn.fetch("SELECT version, applied_at FROM schema_migrations ORDER BY version")
    assert await migrate(conn) == []
    after = await conn.fetch("SELECT version, applied_at FROM schema_migrations ORDER BY version")
    assert before == after


async def test_duplicate_platform_and_external_id_is_refused(conn: asyncpg.Connection) -> None:
    await migrate(conn)
    start = datetime(2026, 12, 1, 14, 35, tzinfo=UTC)
    insert = (
        "INSERT INTO contests (platform, external_id, title, url, starts_at, ends_at) "
        "VALUES ($1, $2, $3, $4, $5, $5)"
    )
    await conn.execute(
        insert, "codeforces", "2300", "Round A", "https://codeforces.com/contest/2300", start
    )
    with pytest.raises(asyncpg.UniqueViolationError):
        await conn.execute(insert, "codeforces", "2300", "Round A again", "https://x", start)


async def test_same_external_id_on_another_platform_is_allowed(conn: asyncpg.Connection) -> None:
    await migrate(conn)
    start = datetime(2026, 12, 1, 14, 35, tzinfo=UTC)
    insert = (
        "INSERT INTO contests (platform, external_id, title, url, starts_at, ends_at) "
        "VALUES ($1, '100', 'Contest', 'https://x', $2, $2)"
    )
    await conn.execute(insert, "codeforces", start)
    await conn.execute(insert, "codechef", start)
    assert await conn.fetchval("SELECT count(*) FROM contests") == 2


async def test_delivery_of_the_same_announcement_twice_is_refused(conn: asyncpg.Connection) -> None:
    await migrate(conn)
    start = datetime(2026, 12, 1, 14, 35, tzinfo=UTC)
    contest_id = await conn.fetchval(
        "INSERT INTO contests (platform, external_id, title, url, starts_at, ends_at) "
        "VALUES ('codeforces', '1', 'R', 'https://x', $1, $1) RETURNING id",
        start,
    )
    subscriber_id = await conn.fetchval(
        "INSERT INTO subscribers (kind, chat_platform, chat_id) "
        "VALUES ('group', 'telegram', '-1001') RETURNING id"
    )
    insert = (
        "INSERT INTO deliveries (subscriber_id, contest_id, kind, lead_minutes) "
        "VALUES ($1, $2, 'reminder', 60)"
    )
    await conn.execute(insert, subscriber_id, contest_id)
    with pytest.raises(asyncpg.UniqueViolationError):
        await conn.execute(insert, subscriber_id, contest_id)


# --- the runner on folders of our own -------------------------------------------------------------


async def test_edited_applied_file_is_refused(conn: asyncpg.Connection, tmp_path: Path) -> None:
    path = write(tmp_path, "0001_first.sql", "CREATE TABLE a (id int);")
    await migrate(conn, tmp_path)
    path.write_text("CREATE TABLE a (id bigint);", encoding="utf-8")
    with pytest.raises(MigrationError, match=r"0001_first.*edited"):
        await migrate(conn, tmp_path)


async def test_edited_applied_file_stops_later_files_from_applying(
    conn: asyncpg.Connection, tmp_path: Path
) -> None:
    path = write(tmp_path, "0001_first.sql", "CREATE TABLE a (id int);")
    await migrate(conn, tmp_path)
    path.write_text("CREATE TABLE a (id bigint);", encoding="utf-8")
    write(tmp_path, "0002_second.sql", "CREATE TABLE b (id int);")
    with pytest.raises(MigrationError):
        await migrate(conn, tmp_path)
    assert await recorded(conn) == [1]
    assert "b" not in await tables(conn)


async def test_pending_files_apply_in_version_order(
    conn: asyncpg.Connection, tmp_path: Path
) -> None:
    write(tmp_path, "0001_create.sql", "CREATE TABLE steps (n int);")
    await migrate(conn, tmp_path)
    # Written out of order on purpose: 0010 relies on 0002 having run first.
    write(tmp_path, "0010_third.sql", "INSERT INTO steps SELECT max(n) + 1 FROM steps;")
    write(tmp_path, "0002_second.sql", "INSERT INTO steps VALUES (1);")
    applied = await migrate(conn, tmp_path)
    assert [m.version for m in applied] == [2, 10]
    assert await conn.fetchval("SELECT array_agg(n ORDER BY n) FROM steps") == [1, 2]
    assert await recorded(conn) == [1, 2, 10]


async def test_broken_file_leaves_earlier_files_applied_and_itself_unrecorded(
    conn: asyncpg.Connection, tmp_path: Path
) -> None:
    write(tmp_path, "0001_good.sql", "CREATE TABLE good (id int);")
    write(tmp_path, "0002_broken.sql", "CREATE TABLE half (id int);\nCREATE TABLEE oops;")
    with pytest.raises((asyncpg.PostgresError, MigrationError)):
        await migrate(conn, tmp_path)
    assert await recorded(conn) == [1]
    found = await tables(conn)
    assert "good" in found
    assert "half" not in found


async def test_fixed_broken_file_applies_on_the_next_run(
    conn: asyncpg.Connection, tmp_path: Path
) -> None:
    write(tmp_path, "0001_good.sql", "CREATE TABLE good (id int);")
    broken = write(tmp_path, "0002_broken.sql", "CREATE TABLEE oops;")
    with pytest.raises(MigrationError, match="0002_broken failed"):
        await migrate(conn, tmp_path)
    broken.write_text("CREATE TABLE fixed (id int);", encoding="utf-8")
    applied = await migrate(conn, tmp_path)
    assert [m.version for m in applied] == [2]
    assert "fixed" in await tables(conn)


async def test_concurrent_migrations_apply_each_file_once(scratch_dsn: str, tmp_path: Path) -> None:
    write(tmp_path, "0001_log.sql", "CREATE TABLE applied_log (version int);")
    write(
        tmp_path,
        "0002_slow.sql",
        "SELECT pg_sleep(0.3); INSERT INTO applied_log VALUES (2);",
    )
    write(tmp_path, "0003_last.sql", "INSERT INTO applied_log VALUES (3);")
    first = await asyncpg.connect(scratch_dsn)
    second = await asyncpg.connect(scratch_dsn)
    try:
        results = await asyncio.gather(migrate(first, tmp_path), migrate(second, tmp_path))
        log = await first.fetch("SELECT version FROM applied_log ORDER BY version")
        versions = await recorded(first)
    finally:
        await first.close()
        await second.close()
    applied = sorted(m.version for result in results for m in result)
    assert applied == [1, 2, 3]
    assert [r["version"] for r in log] == [2, 3]
    assert versions == [1, 2, 3]


async def test_badly_named_file_is_rejected_before_anything_runs(
    conn: asyncpg.Connection, tmp_path: Path
) -> None:
    write(tmp_path, "0001_good.sql", "CREATE TABLE good (id int);")
    write(tmp_path, "2_Bad-Name.sql", "CREATE TABLE bad (id int);")
    with pytest.raises(MigrationError, match=r"2_Bad-Name\.sql"):
        await migrate(conn, tmp_path)
    assert "good" not in await tables(conn)


def test_two_files_with_one_version_are_rejected(tmp_path: Path) -> None:
    write(tmp_path, "0001_one.sql", "SELECT 1;")
    write(tmp_path, "0001_other.sql", "SELECT 1;")
    with pytest.raises(MigrationError, match="0001"):
        load_migrations(tmp_path)


async def test_applied_migration_whose_file_is_gone_is_refused(
    conn: asyncpg.Connection, tmp_path: Path
) -> None:
    write(tmp_path, "0001_one.sql", "CREATE TABLE one (id int);")
    gone = write(tmp_path, "0002_two.sql", "CREATE TABLE two (id int);")
    await migrate(conn, tmp_path)
    gone.unlink()
    with pytest.raises(MigrationError, match="0002_two"):
        await migrate(conn, tmp_path)


async def test_advisory_lock_is_released_after_a_failed_run(
    scratch_dsn: str, tmp_path: Path
) -> None:
    write(tmp_path, "0001_broken.sql", "CREATE TABLEE oops;")
    first = await asyncpg.connect(scratch_dsn)
    second = await asyncpg.connect(scratch_dsn)
    try:
        with pytest.raises(MigrationError, match="0001_broken failed"):
            await migrate(first, tmp_path)
        write(tmp_path, "0001_broken.sql", "CREATE TABLE fine (id int);")
        applied = await asyncio.wait_for(migrate(second, tmp_path), timeout=5)
    finally:
        await first.close()
        await second.close()
    assert [m.version for m in applied] == [1]
