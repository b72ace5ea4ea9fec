"""Sending windows that hold as the server counts: at most N requests in any period.

`SendWindow` keeps one process's sends within the limit. `SharedSendWindow` keeps every
process's sends as one bot within it, through Valkey, and lets replies to people go first: a
bot's limit (Telegram's 30 messages a second) is the token's, not the process's, and a worker
fanning out an announcement must not take the places of the bot process's answers to commands.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import time
from collections import deque
from collections.abc import AsyncIterator, Coroutine
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError

from shared.cache import keys
from shared.cache.breaker import log_valkey_failure

log = logging.getLogger(__name__)

# A send still in flight holds its place this long at most (a process killed mid-send frees it).
IN_FLIGHT_MS = 30_000
# A reply counts as waiting this long after its last look at the window (one that gave up stops).
WAITING_MS = 2_000
# Bulk sends are spread out, at most one per this fraction of `period / limit`: the window then
# frees places one at a time, and a reply waits for the next one (a few tens of milliseconds), not
# for a whole period after a burst. (A little under 1, so the window, not the spacing, is the
# limit that binds.)
BULK_SPACING = 0.9
_POLL_MS = 100  # how long to wait when the place that frees next is still in flight
# A reply goes out without asking Valkey first while the window, as last seen at most this long
# ago, has room to spare (see SharedSendWindow).
KNOWN_FOR = 0.25
SPARE = 3  # places the window must have left, beyond what may have been taken since it was seen

# KEYS: sends, waiting, paced, pause. ARGV: member, limit, period ms, reply (1/0), spacing ms.
# Returns -(places used, this one included) when the place is taken, else the milliseconds to
# wait before asking again.
_TAKE = (
    """
local sends, waiting, paced, pause = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local member, limit, period = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local reply, spacing = ARGV[4] == '1', tonumber(ARGV[5])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = redis.call('PTTL', pause)
if paused > 0 then return paused end
redis.call('ZREMRANGEBYSCORE', sends, '-inf', '(' .. (now - period))
redis.call('ZREMRANGEBYSCORE', waiting, '-inf', '(' .. now)
local used = redis.call('ZCARD', sends)
local room = limit
if reply then
  redis.call('ZREM', waiting, member)
else
  room = limit - redis.call('ZCARD', waiting)
  local last = tonumber(redis.call('GET', paced) or '0')
  if used < room and now - last < spacing then return spacing - (now - last) end
end
if used < room then
  redis.call('ZADD', sends, now + IN_FLIGHT, member)
  redis.call('PEXPIRE', sends, IN_FLIGHT + period)
  if not reply then redis.call('SET', paced, now, 'PX', period) end
  return -(used + 1)
end
if reply then
  redis.call('ZADD', waiting, now + WAITING, member)
  redis.call('PEXPIRE', waiting, WAITING)
end
local index = used - room
if index < 0 then index = 0 end
local frees = redis.call('ZRANGE', sends, index, index, 'WITHSCORES')
if #frees == 0 or tonumber(frees[2]) > now then return POLL end
return math.max(tonumber(frees[2]) + period - now, 1)
""".replace("IN_FLIGHT", str(IN_FLIGHT_MS))
    .replace("WAITING", str(WAITING_MS))
    .replace("POLL", str(_POLL_MS))
)

# KEYS: sends. ARGV: member. The send ended now: its place frees one period from now (the
# millisecond rounded up, so that the next send it lets out starts more than a period after).
_END = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.ceil(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
return now
"""

# KEYS: sends. ARGV: member, period ms. A reply sent without asking (see SharedSendWindow) takes
# its place as it goes out; returns the places used, this one included.
_NOTE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - tonumber(ARGV[2])))
redis.call('ZADD', KEYS[1], now + IN_FLIGHT, ARGV[1])
redis.call('PEXPIRE', KEYS[1], IN_FLIGHT + tonumber(ARGV[2]))
return redis.call('ZCARD', KEYS[1])
""".replace("IN_FLIGHT", str(IN_FLIGHT_MS))

# KEYS: pause. ARGV: ms. Every process of the bot waits this long (the longest pause asked wins).
_PAUSE = """
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
end
return 1
"""


class SendWindow:
    """At most `limit` requests in any `period` seconds as the server counts them, whatever the
    latency: a request starts only once `period` has passed since the request `limit` places
    before it *ended*. (A request reaches the server between its start and its end, so two
    requests `limit` apart always reach it at least `period` apart.)

    Pacing by start times alone (a bucket of 30 per second, or one request every 1/30 s) leaves
    no room for latency that varies: a request that waited on the network or the event loop
    reaches the server closer to the next one, some one-second window holds a 31st, and
    Telegram answers 429. Here the cost of latency is a little throughput instead: `limit`
    per (`period` + round trip), 29.9/s with a 3 ms round trip, 27.3/s with 100 ms."""

    def __init__(self, limit: int, period: float) -> None:
        self._limit = limit
        self._period = period
        self._ends: deque[asyncio.Future[float]] = deque()  # the last `limit` requests' ends
        self._gate = asyncio.Lock()  # first come, first served

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold a place in the window for one request."""
        async with self._gate:
            if len(self._ends) >= self._limit:
                oldest = self._ends.popleft()
                try:
                    ended = await asyncio.shield(oldest)
                    delay = ended + self._period - time.monotonic()
                    if delay > 0:
                        await asyncio.sleep(delay)
                except asyncio.CancelledError:
                    self._ends.appendleft(oldest)
                    raise
            mine: asyncio.Future[float] = asyncio.get_running_loop().create_future()
            self._ends.append(mine)
        try:
            yield
        finally:
            mine.set_result(time.monotonic())


class SharedSendWindow:
    """One bot's send window, shared through Valkey by every process that sends as the bot.

    The same rule as `SendWindow` (a place frees `period` after the send that held it ended,
    by Valkey's clock), counted across processes. Two kinds of sender use it:

    - replies (`reply=True`, the bot process answering people) take any free place, and while
      one waits for a place it is counted as waiting;
    - bulk sends (announcements, reminders, notices) leave one place free for each waiting
      reply and are spread evenly over the period, so the window frees places one at a time
      and a waiting reply gets the next one.

    A reply costs no round trip to Valkey while the window has room to spare: when the window as
    last seen (at most KNOWN_FOR ago) still has SPARE places beyond what all processes could have
    taken since, the reply goes out at once and takes its place in Valkey as it goes (whose
    answer is the next look at the window). Only a busy window (a broadcast) makes a reply ask
    first, and wait for its turn ahead of bulk sends.

    A 429 with `retry_after` seen by any process (`pause`) holds every process's sends.
    When Valkey cannot be reached the process falls back to a window of its own of
    `fallback_limit` (the share it can use without knowing the others), and returns to the
    shared one when Valkey answers again.
    """

    def __init__(
        self,
        valkey: Redis,
        chat_platform: str,
        limit: int,
        period: float = 1.0,
        *,
        reply: bool,
        fallback_limit: int,
    ) -> None:
        self._valkey = valkey
        self._keys = [
            keys.send_window(chat_platform),
            keys.send_window_waiting(chat_platform),
            keys.send_window_paced(chat_platform),
            keys.send_window_pause(chat_platform),
        ]
        self._limit = limit
        self._period_ms = round(period * 1000)
        self._reply = reply
        self._spacing_ms = 0 if reply else max(1, int(self._period_ms / limit * BULK_SPACING))
        self._take = valkey.register_script(_TAKE)
        self._end = valkey.register_script(_END)
        self._pause = valkey.register_script(_PAUSE)
        self._note = valkey.register_script(_NOTE)
        self._local = SendWindow(fallback_limit, period)
        self._period = period
        self._seen_used = limit  # the window as last seen: full until it has been seen
        self._seen_at = float("-inf")
        self._unseen = 0  # replies sent at once whose places Valkey has not confirmed yet
        self._recording: set[asyncio.Task[None]] = set()
        self._gate = asyncio.Lock()  # one asker at a time per process: first come, first served
        self._prefix = f"{os.getpid()}:{os.urandom(4).hex()}:"
        self._count = 0

    def _member(self) -> str:
        self._count += 1
        return f"{self._prefix}{self._count}"

    def _room_to_spare(self) -> bool:
        """A reply may go out before its place is confirmed: the window was seen recently, and
        even if every process sent at the full rate since, SPARE places are left."""
        age = time.monotonic() - self._seen_at
        if age > KNOWN_FOR:
            return False
        since = math.ceil(self._limit * age / self._period)
        return self._seen_used + self._unseen + since + SPARE < self._limit

    def _seen(self, used: int, at: float) -> None:
        if at >= self._seen_at:
            self._seen_used, self._seen_at = used, at

    async def _place(self) -> str | None:
        """Wait for a place in the shared window: its member, or None when Valkey is not there."""
        member = self._member()
        args: list[str | int] = [
            member,
            self._limit,
            self._period_ms,
            int(self._reply),
            self._spacing_ms,
        ]
        async with self._gate:
            while True:
                asked = time.monotonic()
                try:
                    wait_ms = int(await self._take(keys=self._keys, args=args))
                except RedisError as exc:
                    log_valkey_failure(
                        log, exc, "shared send window (this process's own used instead)"
                    )
                    return None
                if wait_ms <= 0:
                    self._seen(-wait_ms, asked)
                    return member
                await asyncio.sleep(wait_ms / 1000)

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold a place in the bot's window for one request."""
        if self._reply and self._room_to_spare():
            async with self._local.slot(), self._sent_at_once():
                yield
            return
        member = await self._place()
        if member is None:
            async with self._local.slot():
                yield
            return
        try:
            yield
        finally:
            # Recorded off the sender's path: the request is answered already.
            self._background(self._record_end(member))

    def _background(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(work)
        self._recording.add(task)
        task.add_done_callback(self._recording.discard)

    async def _record_end(self, member: str) -> None:
        try:
            await self._end(keys=self._keys[:1], args=[member])
        except RedisError as exc:  # its place frees when IN_FLIGHT_MS have passed
            log_valkey_failure(log, exc, "send window: a send's end not recorded")

    @contextlib.asynccontextmanager
    async def _sent_at_once(self) -> AsyncIterator[None]:
        """A reply going out while the window has room to spare: its place is taken in Valkey
        as it goes, and given back one period after it ended, off the reply's path."""
        member = self._member()
        self._unseen += 1
        noted = asyncio.create_task(self._note_place(member))
        ended = asyncio.get_running_loop().create_future()
        self._background(self._end_after(noted, ended, member))
        try:
            yield
        finally:
            ended.set_result(None)

    async def _note_place(self, member: str) -> bool:
        asked = time.monotonic()
        try:
            used = int(await self._note(keys=self._keys[:1], args=[member, self._period_ms]))
        except RedisError as exc:  # the window is not seen again: the next reply asks first
            log_valkey_failure(log, exc, "send window: a reply's place not recorded")
            return False
        finally:
            self._unseen -= 1
        self._seen(used, asked)
        return True

    async def _end_after(
        self, noted: asyncio.Task[bool], ended: asyncio.Future[None], member: str
    ) -> None:
        if await noted:
            await ended
            await self._record_end(member)

    async def pause(self, seconds: float) -> None:
        """Hold every process's sends for `seconds` (the chat platform's `retry_after`)."""
        try:
            await self._pause(keys=self._keys[3:], args=[max(1, round(seconds * 1000))])
        except RedisError as exc:
            log_valkey_failure(log, exc, "send window: a pause not shared")
