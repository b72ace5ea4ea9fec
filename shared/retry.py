"""One retry policy for every call ContestSync makes to someone else's server.

Which answers mean "later" rather than "never" (429 and 5xx), how a `Retry-After` header reads
(seconds or an HTTP date), and how long to wait between attempts (exponential backoff with full
jitter, capped; a server's `Retry-After` wins, within its own cap). The attempt loop is
tenacity's; each caller keeps its own attempt budget and decides which of its exceptions are
worth another try:

- `shared/platforms/http.py` — contest platforms (a few patient tries);
- `shared/calendar/client.py` — single Google Calendar calls and the calendar insert;
- `shared/services/sync.py` — rounds of batched calendar writes (`Backoff.delay` between rounds);
- `shared/services/connect.py` — Google's OAuth endpoints while the person waits (quick tries).
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt

log = logging.getLogger(__name__)


def is_retryable_status(status: int) -> bool:
    """429 (slow down) and every 5xx (the server's trouble) are worth another try."""
    return status == 429 or status >= 500


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now if now is not None else time.time()
    return max(0.0, when.timestamp() - current)


@dataclass(slots=True)
class Backoff:
    """Exponential backoff with full jitter: before retry n (1-based), a random wait in
    [0, min(cap, base·2ⁿ⁻¹)]. A server's Retry-After replaces it, up to `retry_after_cap`
    (the cap itself when not given)."""

    base: float = 1.0
    cap: float = 30.0
    retry_after_cap: float | None = None

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number `attempt` (1-based)."""
        if retry_after is not None:
            limit = self.cap if self.retry_after_cap is None else self.retry_after_cap
            return min(max(retry_after, 0.0), limit)
        return random.uniform(0.0, min(self.cap, self.base * 2 ** (attempt - 1)))


def _no_hint(_: BaseException) -> float | None:
    return None


def retrying(
    *,
    attempts: int,
    backoff: Backoff,
    retry_on: Callable[[BaseException], bool],
    retry_after_of: Callable[[BaseException], float | None] = _no_hint,
    before_sleep: Callable[[RetryCallState], None] | None = None,
) -> AsyncRetrying:
    """tenacity's attempt loop under this policy: up to `attempts` tries of what `retry_on`
    accepts, waiting `backoff.delay` (with the exception's Retry-After, if any) in between;
    the last exception is re-raised."""

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome is not None else None
        hint = retry_after_of(exc) if exc is not None else None
        return backoff.delay(state.attempt_number, hint)

    return AsyncRetrying(
        stop=stop_after_attempt(attempts),
        wait=wait,
        retry=retry_if_exception(retry_on),
        before_sleep=before_sleep,
        reraise=True,
    )
