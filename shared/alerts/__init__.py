"""Maintainers' alerts: one message when a state begins and one when it ends, never in between.

`Alerts.set_state(name, firing, title, detail)` is cheap and synchronous: the work happens in a
background task, so a scrape, a sync or a command never waits for it. That task

1. writes the log line (always, whatever happens next);
2. swaps the state in Valkey (`alert:state:<name>`, one Lua script): only the process that sees
   the state change goes on, so two workers or two nodes never send the same alert twice;
3. keeps the message in the PostgreSQL outbox (`alert_outbox`), marked muted under /mute;
4. drains the outbox: at most `per_minute` messages a minute to the group; anything over that is
   folded into one summary. A failed delivery leaves the rows in the outbox and is retried with
   backoff (and by the worker's heartbeat cron, from any process).
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import time
from collections.abc import Awaitable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import asyncpg
from redis.asyncio import Redis
from redis.exceptions import RedisError

from shared.alerts.render import (
    FIRING,
    INFO,
    RESOLVED,
    render_alert,
    render_summary,
    split_message,
)
from shared.cache import OwnedLock
from shared.cache import keys as cache_keys
from shared.cache.breaker import log_valkey_failure
from shared.db import alerts as aq
from shared.db.pools import Database
from shared.messaging.alerts import AlertDeliveryError, GroupSender
from shared.metrics import Metrics

log = logging.getLogger(__name__)

DEFAULT_PER_MINUTE = 10
RETRY_FIRST = 2.0
RETRY_MAX = 60.0
WINDOW = 60.0

# Swap the stored state; returns {changed (1/0), previous JSON or ""}. The same state again only
# counts one more report and pushes the expiry back, keeping the time it began.
_SWAP = """
local old = redis.call('GET', KEYS[1])
if old then
  local ok, o = pcall(cjson.decode, old)
  if ok and o['state'] == ARGV[1] then
    o['count'] = (tonumber(o['count']) or 1) + 1
    redis.call('SET', KEYS[1], cjson.encode(o), 'EX', ARGV[3])
    return {0, old}
  end
end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return {1, old or ''}
"""


@dataclass(frozen=True, slots=True)
class Change:
    """A changed state; the previous one tells when it began and how often it was seen."""

    name: str
    state: str
    since: datetime | None
    count: int


class Alerts:
    """The process's alerting: state changes in, messages to the maintainers' group out."""

    def __init__(
        self,
        db: Database,
        valkey: Redis,
        metrics: Metrics,
        sender: GroupSender | None,
        *,
        node: str | None = None,
        per_minute: int = DEFAULT_PER_MINUTE,
        retry_first: float = RETRY_FIRST,
        window: float = WINDOW,
    ) -> None:
        self._db = db
        self._valkey = valkey
        self._metrics = metrics
        self.sender = sender
        self.node = node or socket.gethostname()
        self.per_minute = max(1, per_minute)
        self._retry_first = retry_first
        self.window = window  # the per-minute limit's window (seconds; shorter in tests)
        self._retry_delay = retry_first
        self._tasks: set[asyncio.Task[Any]] = set()
        self._retry: asyncio.Task[None] | None = None
        self._local: dict[str, str] = {}  # last states, when Valkey cannot be asked
        self._last_run: dict[str, float] = {}
        self._closed = False

    # ------------------------------------------------------------ the callers' side

    def spawn(self, work: Coroutine[Any, Any, Any]) -> None:
        """Run `work` off the caller's path; its failure is logged, never raised."""
        if self._closed:
            work.close()
            return
        task = asyncio.create_task(self._guard(work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _guard(self, work: Awaitable[Any]) -> None:
        try:
            await work
        except Exception:  # boundary: alerting must never break anything else
            log.exception("alert work failed")

    def set_state(
        self,
        name: str,
        firing: bool,
        title: str,
        detail: str = "",
        *,
        count_noun: str | None = None,
        recheck_every: float | None = None,
    ) -> None:
        """Report a condition's current state; a message goes out only when it changes.

        `recheck_every` (seconds) is for a state reported "fine" on every run of something
        frequent (each calendar sync): while this process last stored it as resolved, it is
        swapped in Valkey again at most that often, so a state another process set firing is
        resolved at most that late. Firing reports are never skipped (they count).
        """
        if (
            recheck_every is not None
            and not firing
            and self._local.get(name) == RESOLVED
            and not self.due(f"state:{name}", recheck_every)
        ):
            return
        self.spawn(self.report(name, firing, title, detail, count_noun=count_noun))

    def event(self, name: str, title: str, detail: str = "") -> None:
        """A one-off message (node started or stopped), deduplicated like a state."""
        self.spawn(self.report(name, None, title, detail))

    async def report(
        self,
        name: str,
        firing: bool | None,
        title: str,
        detail: str = "",
        *,
        count_noun: str | None = None,
    ) -> bool:
        """The body of `set_state`/`event`, awaitable; True when a message was queued."""
        state = INFO if firing is None else (FIRING if firing else RESOLVED)
        now = datetime.now(UTC)
        change = await self._swap(name, state, now, key_state=title if firing is None else None)
        if change is None:
            return False
        if state == RESOLVED and change.since is None:
            return False  # it was never reported as failing: nothing to announce
        body = render_alert(
            state,
            title,
            detail,
            self.node,
            since=change.since,
            now=now,
            count=change.count,
            count_noun=count_noun,
        )
        logger = log.warning if state == FIRING else log.info
        logger("ALERT %s %s: %s %s", state, name, title, detail.replace("\n", "; ")[:500])
        self._metrics.alerts.labels(state).inc()
        if self.sender is None:
            return True
        muted = await self.is_muted(name)
        await aq.insert_alert(self._db.write, name, state, body, muted=muted)
        if muted:
            log.info("alert %s is muted; kept but not sent", name)
            return True
        await self.drain()
        return True

    async def _swap(
        self, name: str, state: str, now: datetime, *, key_state: str | None
    ) -> Change | None:
        stored_state = key_state or state
        value = json.dumps({"state": stored_state, "since": now.timestamp(), "count": 1})
        key = cache_keys.alert_state(name)
        try:
            swapped = self._valkey.eval(
                _SWAP, 1, key, stored_state, value, str(cache_keys.ALERT_STATE_TTL)
            )
            changed, old_raw = await cast(Awaitable[list[Any]], swapped)
        except (RedisError, OSError) as exc:
            log_valkey_failure(log, exc, "alert state of %s kept locally", name)
            previous = self._local.get(name)
            self._local[name] = stored_state
            if previous == stored_state:
                return None
            return Change(name, state, None, 1)
        self._local[name] = stored_state
        if not int(changed):
            return None
        since, count = None, 1
        if old_raw:
            try:
                old = json.loads(old_raw)
                if state == RESOLVED and old.get("state") == FIRING:
                    since = datetime.fromtimestamp(float(old["since"]), UTC)
                    count = int(old.get("count", 1))
            except (ValueError, KeyError, TypeError):
                since = None
        return Change(name, state, since, count)

    async def current(self) -> dict[str, dict[str, Any]]:
        """Every stored alert state (for /health and /stats)."""
        states: dict[str, dict[str, Any]] = {}
        async for raw_key in self._valkey.scan_iter(match=cache_keys.ALERT_STATE_PATTERN):
            key = raw_key.decode() if isinstance(raw_key, bytes) else str(raw_key)
            raw = await self._valkey.get(key)
            if raw is None:
                continue
            try:
                states[key.split(":", 2)[2]] = json.loads(raw)
            except ValueError:
                continue
        return states

    def due(self, what: str, every: float) -> bool:
        """True at most once per `every` seconds for `what` in this process (costly checks)."""
        now = time.monotonic()
        if now - self._last_run.get(what, -every) < every:
            return False
        self._last_run[what] = now
        return True

    # ------------------------------------------------------------ mute

    async def is_muted(self, name: str) -> bool:
        """True under a /mute of everything, of this alert, or of its family (`platform`)."""
        family = name.split(":", 1)[0]
        keys = {cache_keys.alert_mute(n) for n in (cache_keys.ALERT_MUTE_ALL, name, family)}
        try:
            return bool(await self._valkey.exists(*keys))
        except (RedisError, OSError):
            return False

    async def mute(self, seconds: int, name: str | None = None) -> None:
        """Keep alerts (all, or one name or family) out of the group for `seconds`."""
        key = cache_keys.alert_mute(name or cache_keys.ALERT_MUTE_ALL)
        await self._valkey.set(key, str(int(time.time()) + seconds), ex=seconds)

    async def unmute(self) -> int:
        """Lift every mute; returns how many there were."""
        keys = [k async for k in self._valkey.scan_iter(match=cache_keys.ALERT_MUTE_PATTERN)]
        return int(await self._valkey.delete(*keys)) if keys else 0

    # ------------------------------------------------------------ delivery

    async def drain(self) -> int:
        """Deliver kept alerts within the per-minute limit; returns messages sent.

        One process at a time (an owned lock in Valkey); a failure keeps the rest for a retry.
        """
        if self.sender is None:
            return 0
        lock = OwnedLock(
            self._valkey, cache_keys.alert_drain_lock(), cache_keys.ALERT_DRAIN_LOCK_TTL
        )
        try:
            if not await lock.acquire():
                self._schedule_retry(0.5)  # another process is sending; look again shortly
                return 0
        except (RedisError, OSError):
            lock = None  # type: ignore[assignment]  # Valkey away: send anyway, alone or not
        try:
            return await self._drain_locked()
        finally:
            if lock is not None:
                try:
                    await lock.release()
                except (RedisError, OSError):
                    pass

    async def _drain_locked(self) -> int:
        assert self.sender is not None
        sent = 0
        try:
            pending = await aq.list_unsent_alerts(self._db.write)
            if not pending:
                return 0
            now = datetime.now(UTC)
            since = now - timedelta(seconds=self.window)
            used = await aq.count_messages_since(self._db.write, since)
        except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as exc:
            log.warning("alert outbox unreadable: %s", type(exc).__name__)
            self._schedule_retry()
            return 0
        budget = self.per_minute - used
        if budget <= 0:
            self._schedule_retry(self.window / 4)
            return 0
        # Within the limit each alert goes alone; over it, everything waiting becomes one summary
        # (so a minute never holds more than `per_minute` messages).
        alone, folded = (pending, []) if len(pending) <= budget else ([], pending)
        try:
            for alert in alone:
                await self._send(alert.body)
                await aq.mark_alerts_sent(
                    self._db.write, [alert.id], datetime.now(UTC), folded=False
                )
                sent += 1
            if folded:
                summary = render_summary([a.body for a in folded], self.node)
                await self._send(summary)
                ids = [a.id for a in folded]
                at = datetime.now(UTC)
                async with self._db.write.acquire() as conn, conn.transaction():
                    await aq.mark_alerts_sent(conn, ids, at, folded=True)
                    await aq.insert_sent_summary(conn, summary, at)
                sent += 1
                log.info("%d alerts over the per-minute limit folded into one summary", len(ids))
        except AlertDeliveryError as exc:
            remaining = [a.id for a in pending if a not in alone[:sent]]
            await aq.mark_alerts_failed(self._db.write, remaining, str(exc))
            self._metrics.deliveries.labels(self.sender.channel, "failed").inc()
            log.warning("alerts not delivered (%s); %d kept for a retry", exc, len(remaining))
            self._schedule_retry()
            return sent
        self._retry_delay = self._retry_first
        if len(pending) >= 200:
            self._schedule_retry(0.1)  # more than one page waiting
        return sent

    async def _send(self, body: str) -> None:
        assert self.sender is not None
        for part in split_message(body):
            await self.sender.send_text(part)
        self._metrics.deliveries.labels(self.sender.channel, "sent").inc()

    async def send_photo(self, png: bytes, caption: str, text: str) -> None:
        """The daily report: a chart with a short caption, then the figures as text.

        Not kept in the outbox: a report that cannot be sent is logged and skipped (tomorrow's
        follows), so a long outage does not queue a backlog of stale reports.
        """
        if self.sender is None:
            log.info("daily report not sent: no maintainers' group configured")
            return
        try:
            await self.sender.send_photo(png, caption)
            await self._send(text)
        except AlertDeliveryError as exc:
            self._metrics.deliveries.labels(self.sender.channel, "failed").inc()
            log.warning("daily report not delivered: %s", exc)

    def _schedule_retry(self, delay: float | None = None) -> None:
        if self._closed or (self._retry is not None and not self._retry.done()):
            return
        if delay is None:
            delay = self._retry_delay
            self._retry_delay = min(self._retry_delay * 2, RETRY_MAX)
        self._retry = asyncio.create_task(self._retry_after(delay))

    async def _retry_after(self, delay: float) -> None:
        await asyncio.sleep(delay)
        self._retry = None
        try:
            await self.drain()
        except Exception:  # boundary: a retry loop must not die silently
            log.exception("alert retry failed")
            self._schedule_retry()

    async def settle(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109 - a grace period
        """Wait (up to `timeout` s) for queued alert work; tests and shutdown use it."""
        deadline = time.monotonic() + timeout
        while self._tasks and time.monotonic() < deadline:
            await asyncio.wait(set(self._tasks), timeout=max(0.0, deadline - time.monotonic()))

    async def close(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109 - a grace period
        """Finish queued work (the node-stopped alert too), one last drain, stop retrying."""
        await self.settle(timeout)
        self._closed = True
        if self._retry is not None:
            self._retry.cancel()
        for task in list(self._tasks):
            task.cancel()
