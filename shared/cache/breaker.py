"""A Valkey client that fails fast: short timeouts and a circuit breaker.

Valkey is a cache, a lock service and a rate limiter here; PostgreSQL is the record. A Valkey
that is gone, or that accepts connections and never answers, must therefore cost a request a
fraction of a second at most, not seconds per call queued behind redis-py's pool. After
`FAILURES_TO_OPEN` failed calls in a row the breaker opens: for `OPEN_SECONDS` every call fails
at once with `ValkeyUnavailableError` (a redis ConnectionError, which every caller already
handles), then one call is let through to probe. One WARNING when an outage begins (the first failed
call), one INFO when Valkey answers again; callers log their own failed calls with
`log_valkey_failure`, which stays quiet about outages the breaker has already reported.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.client import Pipeline
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)

FAILURES_TO_OPEN = 5
OPEN_SECONDS = 10.0
# Failures that say "Valkey is not there"; a wrong command or type is the caller's business.
_OUTAGE = (RedisConnectionError, RedisTimeoutError, OSError, TimeoutError)


class ValkeyUnavailableError(RedisConnectionError):
    """The breaker is open: Valkey failed just now and is not being called for a moment."""


class Breaker:
    """Consecutive-failure circuit breaker with a cool-down (monotonic clock, injectable)."""

    def __init__(
        self,
        failures_to_open: int = FAILURES_TO_OPEN,
        open_seconds: float = OPEN_SECONDS,
        clock: Any = time.monotonic,
    ) -> None:
        self.failures_to_open = failures_to_open
        self.open_seconds = open_seconds
        self._clock = clock
        self.failures = 0
        self.opened_at: float | None = None
        self.trips = 0

    @property
    def is_open(self) -> bool:
        """True while calls are refused without trying."""
        if self.opened_at is None:
            return False
        return bool(self._clock() - self.opened_at < self.open_seconds)

    def before_call(self) -> None:
        """Refuse at once while open; after the cool-down let calls through to probe."""
        if self.is_open:
            raise ValkeyUnavailableError("Valkey is unavailable (circuit open)")

    def succeeded(self) -> None:
        """A call worked: close the breaker; one line if an outage just ended."""
        if self.failures:
            log.info("Valkey answers again; using it")
        self.failures = 0
        self.opened_at = None

    def failed(self, exc: BaseException | None = None) -> None:
        """A call failed with an outage error: count it, open after enough in a row. The first
        failure of an outage is its one warning."""
        self.failures += 1
        if self.failures == 1:
            log.warning(
                "Valkey did not answer (%s); serving without it until it does",
                type(exc).__name__ if exc is not None else "no answer",
            )
        if self.failures >= self.failures_to_open:
            if self.opened_at is None:
                self.trips += 1
                log.info(
                    "Valkey failed %d times in a row; not calling it for %.0f s at a time",
                    self.failures,
                    self.open_seconds,
                )
            self.opened_at = self._clock()


def log_valkey_failure(logger: logging.Logger, exc: BaseException, what: str, *args: Any) -> None:
    """Log a failed Valkey call: at DEBUG when it is an outage (the client's breaker gives the
    one warning per outage), as a WARNING otherwise (a wrong command or value)."""
    level = logging.DEBUG if isinstance(exc, _OUTAGE) else logging.WARNING
    logger.log(level, what + ": %s", *args, type(exc).__name__)


class GuardedValkey(Redis):
    """redis-py's asyncio client behind a `Breaker` (commands, scripts and pipelines)."""

    breaker: Breaker

    async def execute_command(self, *args: Any, **options: Any) -> Any:
        """Run a command unless the breaker is open; record how it went."""
        self.breaker.before_call()
        try:
            # redis-py leaves execute_command unannotated.
            result = await super().execute_command(*args, **options)  # type: ignore[no-untyped-call]
        except _OUTAGE as exc:
            self.breaker.failed(exc)
            raise
        self.breaker.succeeded()
        return result

    def pipeline(self, transaction: bool = True, shard_hint: Any = None) -> Pipeline:
        """A pipeline whose `execute` goes through the same breaker."""
        pipe = GuardedPipeline(
            self.connection_pool, self.response_callbacks, transaction, shard_hint
        )
        pipe.breaker = self.breaker
        return pipe


class GuardedPipeline(Pipeline):
    """A pipeline behind the client's breaker."""

    breaker: Breaker

    async def execute(self, raise_on_error: bool = True) -> list[Any]:
        """Send the queued commands unless the breaker is open."""
        self.breaker.before_call()
        try:
            result = await super().execute(raise_on_error)
        except _OUTAGE as exc:
            self.breaker.failed(exc)
            raise
        self.breaker.succeeded()
        return result


def open_guarded_valkey(uri: str, timeout: float, breaker: Breaker | None = None) -> GuardedValkey:
    """A breaker-guarded client whose every call gives up after `timeout` seconds."""
    client: GuardedValkey = GuardedValkey.from_url(
        uri,
        decode_responses=False,
        socket_connect_timeout=timeout,
        socket_timeout=timeout,
        health_check_interval=30,
    )
    client.breaker = breaker or Breaker()
    return client
