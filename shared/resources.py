"""The composition root's resources: opened once per process in one AsyncExitStack, passed down."""

from __future__ import annotations

import asyncio
import gc
import logging
from contextlib import AsyncExitStack, suppress
from dataclasses import dataclass

import aiohttp
from arq.connections import ArqRedis, RedisSettings, create_pool
from pydantic import SecretStr
from redis.asyncio import Redis
from redis.exceptions import RedisError

from shared.alerts import Alerts
from shared.cache import open_valkey
from shared.calendar.client import CalendarApi
from shared.config import Settings
from shared.crypto import TokenCipher
from shared.db.pools import Database, open_database
from shared.embedded import EmbeddedPostgres, EmbeddedValkey
from shared.errors import ConfigError
from shared.messaging import Messenger
from shared.messaging.alerts import open_group_sender
from shared.metrics import Metrics
from shared.platforms.http import PlatformClient
from shared.platforms.registry import rate_limits

log = logging.getLogger(__name__)


@dataclass
class Resources:
    """Everything a process talks to, built by its composition root."""

    settings: Settings
    db: Database
    valkey: Redis
    arq: ArqRedis
    http: aiohttp.ClientSession
    platforms: PlatformClient
    messenger: Messenger
    cipher: TokenCipher
    calendar: CalendarApi
    metrics: Metrics
    alerts: Alerts


async def with_embedded_services(settings: Settings, stack: AsyncExitStack) -> Settings:
    """Start embedded PostgreSQL / Valkey for whichever of POSTGRES_DB / VALKEY_URI is unset."""
    update: dict[str, SecretStr] = {}
    if settings.POSTGRES_DB is None:
        pg = EmbeddedPostgres(settings.DATA_DIR.resolve() / "postgres")
        update["POSTGRES_DB"] = SecretStr(await asyncio.to_thread(pg.start))
        stack.callback(pg.stop)
        log.info("embedded PostgreSQL started in %s", pg.data_dir)
    if settings.VALKEY_URI is None:
        vk = EmbeddedValkey(settings.DATA_DIR.resolve() / "valkey")
        update["VALKEY_URI"] = SecretStr(await asyncio.to_thread(vk.start))
        stack.callback(vk.stop)
        log.info("embedded Valkey started on 127.0.0.1:%d", vk.port)
    return settings.model_copy(update=update) if update else settings


def redis_settings(settings: Settings) -> RedisSettings:
    """arq's connection settings from VALKEY_URI."""
    if settings.VALKEY_URI is None:
        raise ConfigError("VALKEY_URI is not set")
    rs = RedisSettings.from_dsn(settings.VALKEY_URI.get_secret_value())
    rs.conn_timeout = 2
    rs.conn_retries = 2
    return rs


async def open_valkey_checked(settings: Settings, stack: AsyncExitStack) -> Redis:
    """A Valkey client, asked for a PING: a Valkey that does not answer at start-up is one
    warning, not a refusal to start (the process serves from PostgreSQL meanwhile, and the
    client's breaker says when Valkey answers)."""
    if settings.VALKEY_URI is None:
        raise ConfigError("VALKEY_URI is not set")
    valkey = open_valkey(settings.VALKEY_URI.get_secret_value())
    stack.push_async_callback(valkey.aclose)
    with suppress(RedisError, OSError):  # the breaker has logged the outage's one warning
        await valkey.ping()
    return valkey


async def open_arq(settings: Settings) -> ArqRedis:
    """arq's client for queueing jobs; when Valkey does not answer at start-up, one that
    connects on first use instead (queueing then fails until Valkey is back, and callers fall
    back on the durable marks in PostgreSQL)."""
    rs = redis_settings(settings)
    rs.conn_retries = 0
    try:
        return await create_pool(rs)
    except (RedisError, OSError):
        assert settings.VALKEY_URI is not None
        lazy: ArqRedis = ArqRedis.from_url(
            settings.VALKEY_URI.get_secret_value(), socket_connect_timeout=rs.conn_timeout
        )
        return lazy


async def open_resources(settings: Settings, stack: AsyncExitStack) -> Resources:
    """Open pools and clients, pinging each service; every one is closed by `stack`."""
    db = await open_database(settings)
    stack.push_async_callback(db.close)
    valkey = await open_valkey_checked(settings, stack)
    arq = await open_arq(settings)
    stack.push_async_callback(arq.aclose)
    http = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=100, ttl_dns_cache=300),
        timeout=aiohttp.ClientTimeout(total=60),
    )
    stack.push_async_callback(http.close)
    platforms = PlatformClient(http, rate_limits=rate_limits())
    cipher = build_cipher(settings)
    calendar = CalendarApi(settings)
    stack.push_async_callback(calendar.aclose)
    metrics = Metrics()
    calendar.metrics = metrics
    alerts = Alerts(
        db,
        valkey,
        metrics,
        open_group_sender(settings, http, stack, valkey),
        node=settings.FROM_ENV,
        per_minute=settings.ALERTS_PER_MINUTE,
    )
    stack.push_async_callback(alerts.close)  # closed before the pools it writes to
    return Resources(
        settings,
        db,
        valkey,
        arq,
        http,
        platforms,
        Messenger(db, metrics=metrics),
        cipher,
        calendar,
        metrics,
        alerts,
    )


def build_cipher(settings: Settings) -> TokenCipher:
    """The refresh-token cipher from ENCRYPTION_KEY (current) and ENCRYPTION_OLD_KEYS."""
    if settings.ENCRYPTION_KEY is None:
        raise ConfigError("ENCRYPTION_KEY is not set")
    try:
        return TokenCipher.from_hex(
            settings.ENCRYPTION_KEY.get_secret_value(),
            [k.get_secret_value() for k in settings.ENCRYPTION_OLD_KEYS],
        )
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


# The youngest generation is collected every this many net allocations of container objects
# (CPython's default: 700).
YOUNG_GC_THRESHOLD = 10_000


def settle_heap() -> None:
    """Called once a long-running process has started: collect, freeze what start-up left, and
    collect the youngest generation less often.

    Imports and start-up leave a few hundred thousand long-lived objects (the Google discovery
    document, discord.py, pydantic models). Without this every full collection walks them all:
    a 100 ms pause in the middle of serving commands, the bots' p99. Frozen objects are never
    scanned again; what is created while serving is collected as usual.

    Work in flight (a worker's fifty syncs: their coroutines, answers and rows) outlives many
    young collections at the default threshold, so each scanned it again and moved it to the
    middle generation, whose collections then scanned it again: 5% of a syncing worker's CPU
    (200 ms of 4.3 s in `bench/sync.py`, timed by `gc.callbacks`). At YOUNG_GC_THRESHOLD most
    of it is gone before a collection: 1%, in collections of a few milliseconds.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_GC_THRESHOLD, *gc.get_threshold()[1:])
