"""PostgreSQL pools: one write pool, round-robin read pools chosen per query."""

from __future__ import annotations

import asyncio
import itertools
import logging
import ssl
from collections.abc import Iterator
from typing import Any

import asyncpg

from shared.config import Settings
from shared.errors import ConfigError

log = logging.getLogger(__name__)

# How long a stop waits for PostgreSQL connections still in use before closing them anyway.
CLOSE_GRACE = 10.0


def build_ssl_context(ca_pem: str | None) -> ssl.SSLContext | None:
    """An SSL context trusting the CA given as PEM text, kept in memory (never written to disk)."""
    if not ca_pem:
        return None
    try:
        return ssl.create_default_context(cadata=ca_pem)
    except (ssl.SSLError, ValueError) as exc:
        raise ConfigError(
            f"POSTGRES_CA_CERT is not a valid PEM certificate ({exc.__class__.__name__})"
        ) from None


class Database:
    """The write pool plus read pools; `reader()` rotates across replicas query by query."""

    def __init__(self, write: asyncpg.Pool, reads: list[asyncpg.Pool]) -> None:
        self.write = write
        self.reads = reads
        self._cycle: Iterator[asyncpg.Pool] = itertools.cycle(reads or [write])

    def reader(self) -> asyncpg.Pool:
        """The pool for the next read that may lag behind writes (a replica, or the primary)."""
        return next(self._cycle)

    async def close(self, grace: float = CLOSE_GRACE) -> None:
        """Close every pool: connections in use get `grace` seconds to be given back, then
        they are closed anyway (asyncpg's close alone waits for ever for a stuck holder)."""
        for pool in [self.write, *self.reads]:
            try:
                await asyncio.wait_for(pool.close(), grace)
            except TimeoutError:  # asyncpg terminates the pool when its close is cancelled
                log.warning(
                    "PostgreSQL connections still in use %g s into the stop; closed anyway",
                    grace,
                )


async def _keep_session(conn: asyncpg.Connection) -> None:
    """Pool reset hook: nothing to undo (see pool_options)."""


def pool_options(settings: Settings, max_size: int) -> dict[str, Any]:
    """asyncpg pool options shared by the write and read pools."""
    options: dict[str, Any] = {
        "min_size": 1,
        "max_size": max_size,
        "command_timeout": 60,
        "timeout": 10,
        "server_settings": {"application_name": "contestsync", "timezone": "UTC"},
    }
    # asyncpg's default reset sends "pg_advisory_unlock_all; CLOSE ALL; UNLISTEN *; RESET ALL"
    # on every release: a round trip per pool query. Our code leaves no session state (no
    # LISTEN, SET, cursors or session-level advisory locks on pooled connections), and asyncpg
    # still rolls back an open transaction before calling this, so that query is skipped.
    options["reset"] = _keep_session
    context = build_ssl_context(settings.POSTGRES_CA_CERT)
    if context is not None:
        options["ssl"] = context
    if settings.POSTGRES_PGBOUNCER:
        # PgBouncer in transaction mode cannot keep prepared statements across transactions.
        options["statement_cache_size"] = 0
    return options


async def open_database(settings: Settings, dsn: str | None = None) -> Database:
    """Open the write pool (failing loudly) and every reachable read pool (skipping dead ones)."""
    primary = dsn or (settings.POSTGRES_DB.get_secret_value() if settings.POSTGRES_DB else None)
    if not primary:
        raise ConfigError("POSTGRES_DB is not set")
    try:
        write = await asyncpg.create_pool(
            primary, **pool_options(settings, settings.CONNECTION_LIMIT)
        )
    except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
        raise ConfigError(
            f"cannot connect to PostgreSQL (POSTGRES_DB): {exc.__class__.__name__}"
        ) from None
    reads: list[asyncpg.Pool] = []
    for index, replica in enumerate(settings.POSTGRES_READ_DB, start=1):
        try:
            pool = await asyncpg.create_pool(
                replica.get_secret_value(), **pool_options(settings, settings.CONNECTION_POOL_LIMIT)
            )
        except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
            log.warning(
                "read replica %d is unreachable, skipping it: %s", index, exc.__class__.__name__
            )
            continue
        reads.append(pool)
    if settings.POSTGRES_READ_DB:
        log.info(
            "database ready: primary + %d/%d read replicas",
            len(reads),
            len(settings.POSTGRES_READ_DB),
        )
    return Database(write, reads)


# What a lost or restarting PostgreSQL raises on a pooled query: the pool reconnects by itself on
# the next acquire, so callers answer "try again in a moment" instead of treating it as a bug.
_OUTAGE_ERRORS: tuple[type[BaseException], ...] = (
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.AdminShutdownError,
    asyncpg.exceptions.CrashShutdownError,
    ConnectionError,
)


def is_database_outage(exc: BaseException) -> bool:
    """True when `exc` means PostgreSQL is unreachable or restarting (not a bug of ours)."""
    return isinstance(exc, _OUTAGE_ERRORS) or (isinstance(exc, OSError) and exc.errno is not None)


PING_TIMEOUT = 2.0


async def ping(pool: asyncpg.Pool) -> None:
    """One round trip to PostgreSQL (readiness checks); raises when it does not answer in time."""
    await pool.fetchval("SELECT 1", timeout=PING_TIMEOUT)
