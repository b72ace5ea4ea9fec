"""Outbound Telegram messages: the Bot API client, flood limits, blocked users, migrated groups.

The bot front end (bot/telegram) and the worker/backend processes send through `TelegramSender`,
so the delivery rules live in one place:

- flood limits (`ChatRateLimiter`): at most 30 messages in any second overall, about
  1/s per private chat (with a small burst), 20/min per group; a 429 `retry_after` pauses every
  request and is retried;
- a chat that refuses us (403, e.g. the user blocked the bot) marks its identities blocked, so
  the Messenger stops sending there until the user writes again;
- a group that became a supergroup (400 with `migrate_to_chat_id`) is followed: stored chat ids
  move to the new id and the message is sent again there.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from contextlib import AsyncExitStack
from typing import Any, TypeVar

import asyncpg
from aiolimiter import AsyncLimiter
from redis.asyncio import Redis
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    RetryAfter,
    TelegramError,
)
from telegram.ext import BaseRateLimiter, ExtBot
from telegram.request import HTTPXRequest

from shared.config import Settings
from shared.db import users as uq
from shared.db.pools import Database
from shared.errors import ConfigError
from shared.messaging import NoticeButtons
from shared.messaging.window import SendWindow, SharedSendWindow
from shared.models import ChatPlatform

log = logging.getLogger(__name__)

CHAT_PLATFORM = ChatPlatform.TELEGRAM
OVERALL_PER_SECOND = 30  # Telegram's limit for one bot token, across all our processes
# Every process sending as the bot shares one window of OVERALL_PER_SECOND in Valkey, where
# replies to people go first (`SharedSendWindow`). While Valkey cannot be reached each process
# falls back to a window of its own: the sending-only processes (the worker's fan-outs, the
# backend's notices) to this much, leaving one message a second to the bot process's replies.
BULK_PER_SECOND = 29
CHAT_BURST = 3  # a private chat may get 3 messages at once, then about one a second
CHAT_PER_SECOND = 1.0
GROUP_PER_MINUTE = 20
RETRY_AFTER_RETRIES = 3
MESSAGE_LIMIT = 4096
_MAX_CHAT_LIMITERS = 1024
_MAX_MIGRATIONS = 2  # a chat moved twice within one send is not followed further
REACHABLE_RECHECK = 600.0  # seconds between "is this user still marked blocked?" checks
_MAX_REACHABLE = 100_000

T = TypeVar("T")
JSONResult = Any


K = TypeVar("K", bound=int | str)


def _bucket(buckets: dict[K, AsyncLimiter], key: K, rate: float, period: float) -> AsyncLimiter:
    """The chat's leaky bucket in `buckets`, made on first use; past _MAX_CHAT_LIMITERS chats,
    the ones whose bucket has drained are forgotten first (they have no pending history)."""
    limiter = buckets.get(key)
    if limiter is None:
        if len(buckets) >= _MAX_CHAT_LIMITERS:
            for old, bucket in list(buckets.items()):
                if bucket.has_capacity(bucket.max_rate):
                    del buckets[old]
        limiter = AsyncLimiter(rate, period)
        buckets[key] = limiter
    return limiter


class ChatRateLimiter(BaseRateLimiter[int]):
    """Telegram's flood limits for one Bot client: overall, per private chat, per group, and
    `retry_after`.

    - Overall: at most 30 messages in any second as Telegram counts them: the bot's window
      shared with our other processes (`SharedSendWindow`), or this process's own (`SendWindow`).
    - Private chats: a small leaky bucket each (about one message a second, a burst of 3).
    - Groups: 20 a minute each.
    - A 429 pauses every request of this client for `retry_after` (+0.1 s). A request that
      finds a pause began while it waited for its turn sleeps it out and takes a fresh turn, so
      the requests queued during a pause leave one by one at the overall pace, not as a burst
      that would trip the limit again. (python-telegram-bot's AIORateLimiter, used before, let
      them all through at once when the pause ended, and any request finishing in the
      meantime lifted the pause early: each 429 brought more.) Through a shared window the
      pause holds our other processes too.
    """

    def __init__(
        self,
        overall_per_second: int = OVERALL_PER_SECOND,
        chat_burst: int = CHAT_BURST,
        chat_per_second: float = CHAT_PER_SECOND,
        group_per_minute: float = GROUP_PER_MINUTE,
        max_retries: int = RETRY_AFTER_RETRIES,
        shared: SharedSendWindow | None = None,
    ) -> None:
        self._shared = shared
        self._overall: SendWindow | SharedSendWindow | None = shared
        if shared is None and overall_per_second > 0:
            self._overall = SendWindow(overall_per_second, 1.0)
        self._group_per_minute = group_per_minute
        self._groups: dict[int | str, AsyncLimiter] = {}
        self._max_retries = max_retries
        self._chat_burst = chat_burst
        self._chat_period = chat_burst / chat_per_second if chat_per_second > 0 else 0.0
        self._chats: dict[int, AsyncLimiter] = {}
        self._paused_until = 0.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    def _chat_limiter(self, chat_id: object) -> AsyncLimiter | None:
        if not self._chat_period:
            return None
        try:
            key = int(chat_id)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return None
        if key <= 0:  # groups and channels have their own limit
            return None
        return _bucket(self._chats, key, self._chat_burst, self._chat_period)

    def _group_limiter(self, chat_id: object) -> AsyncLimiter | None:
        """20 a minute for a group (a negative id) or a channel (an @username)."""
        if not self._group_per_minute or chat_id is None:
            return None
        key: int | str
        try:
            key = int(chat_id)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            key = str(chat_id)
        if isinstance(key, int) and key >= 0:
            return None
        return _bucket(self._groups, key, self._group_per_minute, 60)

    async def _call(
        self,
        overall: bool,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
    ) -> JSONResult:
        """Call once there is no pause and (for a message) a place in the overall window; a
        place taken while a pause began is given back and taken again after it."""
        while True:
            left = self._paused_until - time.monotonic()
            if left > 0:
                await asyncio.sleep(left)
                continue
            window = self._overall.slot() if overall and self._overall else contextlib.nullcontext()
            async with window:
                if time.monotonic() < self._paused_until:
                    continue
                return await callback(*args, **kwargs)

    async def _pause(self, exc: RetryAfter) -> float:
        # (`retry_after` the property warns about its int form; the timedelta is the value.)
        seconds = exc._retry_after.total_seconds() + 0.1
        self._paused_until = max(self._paused_until, time.monotonic() + seconds)
        if self._shared is not None:
            await self._shared.pause(seconds)
        return seconds

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSONResult:
        """Wait for the chat's and the group's buckets and the overall pace, then call; a 429
        pauses this client and is tried again up to `max_retries` times."""
        chat_id = data.get("chat_id")
        max_retries = rate_limit_args or self._max_retries
        chat = self._chat_limiter(chat_id)
        group = self._group_limiter(chat_id)
        for attempt in range(max_retries + 1):
            async with chat or contextlib.nullcontext(), group or contextlib.nullcontext():
                try:
                    return await self._call(chat_id is not None, callback, args, kwargs)
                except RetryAfter as exc:
                    seconds = await self._pause(exc)
                    if attempt == max_retries:
                        log.warning("Telegram flood limit: still refused after %d tries", attempt)
                        raise
                    log.info("Telegram flood limit: every send pauses %.1f s", seconds)
        raise AssertionError("unreachable")


def build_rate_limiter(valkey: Redis | None = None, *, reply: bool = True) -> ChatRateLimiter:
    """The flood limits of one Telegram client of ours: the bot process's (`reply`: its answers
    go first) or a sending-only process's. With `valkey` the overall limit is the bot's window
    shared by all our processes; without, this process's own (30/s for the bot process,
    BULK_PER_SECOND for the others)."""
    own = OVERALL_PER_SECOND if reply else BULK_PER_SECOND
    if valkey is None:
        return ChatRateLimiter(own)
    window = SharedSendWindow(
        valkey, CHAT_PLATFORM, OVERALL_PER_SECOND, reply=reply, fallback_limit=own
    )
    return ChatRateLimiter(own, shared=window)


def api_urls(settings: Settings) -> tuple[str, str]:
    """(base_url, base_file_url) for python-telegram-bot from TELEGRAM_API_URL."""
    api = settings.TELEGRAM_API_URL.rstrip("/")
    return f"{api}/bot", f"{api}/file/bot"


def bot_token(settings: Settings) -> str:
    """TELEGRAM_BOT_TOKEN, or a ConfigError naming it."""
    if settings.TELEGRAM_BOT_TOKEN is None:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set")
    return settings.TELEGRAM_BOT_TOKEN.get_secret_value()


def quiet_client_logs() -> None:
    """Keep python-telegram-bot's request logging above DEBUG, even when LOG_LEVEL=DEBUG.

    Its DEBUG lines carry every call's parameters: message text and setWebhook's secret_token.
    (httpx, which logs URLs holding the bot token, is kept at WARNING by setup_logging.)
    """
    for name in ("telegram.Bot", "telegram.ext.ExtBot"):
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.level, logging.INFO))


def build_bot(
    settings: Settings, rate_limiter: ChatRateLimiter | None = None, valkey: Redis | None = None
) -> ExtBot[int]:
    """A Bot API client with our flood limits, for processes that only send (worker, backend):
    bulk sends in the bot's shared window (in `valkey`; BULK_PER_SECOND of this process's own
    without it) unless `rate_limiter` says otherwise."""
    quiet_client_logs()
    base_url, base_file_url = api_urls(settings)
    return ExtBot(
        bot_token(settings),
        base_url=base_url,
        base_file_url=base_file_url,
        request=HTTPXRequest(connection_pool_size=16),
        rate_limiter=rate_limiter or build_rate_limiter(valkey, reply=False),
    )


async def initialize_bot(bot: Bot) -> None:
    """Log in (getMe); a rejected token or an unreachable API is one readable ConfigError."""
    try:
        await bot.initialize()
    except InvalidToken:
        # PTB's own message quotes the token; never let it reach a log.
        raise ConfigError("Telegram rejected TELEGRAM_BOT_TOKEN") from None
    except TelegramError as exc:
        raise ConfigError(
            f"cannot reach the Telegram Bot API (TELEGRAM_API_URL): {exc.__class__.__name__}"
        ) from None


class TelegramSender:
    """Sends and edits messages, following migrated groups and marking chats that block us.

    Implements the Messenger's `ChatSender` (`send_text`) for notices recorded by workers.
    """

    def __init__(self, bot: Bot, db: Database) -> None:
        self.bot = bot
        self._db = db
        self._moved: dict[int, int] = {}
        self._reachable: dict[str, float] = {}

    def resolve(self, chat_id: int | str) -> int:
        """The chat id to use now: a migrated group's new id, or the id itself."""
        key = int(chat_id)
        seen: set[int] = set()
        while key in self._moved and key not in seen:
            seen.add(key)
            key = self._moved[key]
        return key

    async def send_text(self, chat_id: str, text: str, buttons: NoticeButtons = ()) -> None:
        """Send plain text with optional callback buttons (ChatSender); raises when refused."""
        markup = (
            InlineKeyboardMarkup(
                [
                    [InlineKeyboardButton(label, callback_data=data) for label, data in row]
                    for row in buttons
                ]
            )
            if buttons
            else None
        )
        await self.send_message(chat_id, text, reply_markup=markup)

    async def send_message(
        self,
        chat_id: int | str,
        text: str,
        *,
        reply_markup: InlineKeyboardMarkup | None = None,
        disable_preview: bool = True,
        thread_id: int | None = None,
        parse_mode: str | None = None,
    ) -> Message:
        """sendMessage with plain text (no parse mode, so nothing in it can break formatting)
        unless `parse_mode` is given (contest messages: HTML built from escaped parts);
        `thread_id` keeps an answer in the forum topic the command came from."""

        def send(target: int) -> Awaitable[Message]:
            return self.bot.send_message(
                target,
                _clamped(text),
                reply_markup=reply_markup,
                link_preview_options=_preview(disable_preview),
                message_thread_id=thread_id,
                parse_mode=parse_mode,
            )

        return await self._deliver(chat_id, send)

    async def edit_message(
        self,
        chat_id: int | str,
        message_id: int,
        text: str,
        *,
        reply_markup: InlineKeyboardMarkup | None = None,
        disable_preview: bool = True,
        parse_mode: str | None = None,
    ) -> Message | None:
        """editMessageText; an unchanged message is not an error (returns None)."""

        async def edit(target: int) -> Message | None:
            try:
                result = await self.bot.edit_message_text(
                    _clamped(text),
                    chat_id=target,
                    message_id=message_id,
                    reply_markup=reply_markup,
                    link_preview_options=_preview(disable_preview),
                    parse_mode=parse_mode,
                )
            except BadRequest as exc:
                if "message is not modified" in exc.message.lower():
                    return None
                raise
            return result if isinstance(result, Message) else None

        return await self._deliver(chat_id, edit)

    async def _deliver(self, chat_id: int | str, call: Callable[[int], Awaitable[T]]) -> T:
        target = self.resolve(chat_id)
        for hop in range(_MAX_MIGRATIONS + 1):
            try:
                return await call(target)
            except ChatMigrated as exc:
                if hop == _MAX_MIGRATIONS:
                    raise
                new = int(exc.new_chat_id)
                await self.record_migration(target, new)
                target = new
            except Forbidden:
                await self.record_blocked(target)
                raise
        raise AssertionError("unreachable")

    async def record_migration(self, old_chat_id: int, new_chat_id: int) -> None:
        """Remember that a group became a supergroup and move stored chat ids to the new id."""
        if old_chat_id == new_chat_id:
            return
        self._moved[old_chat_id] = new_chat_id
        try:
            moved = await uq.update_identity_chat_id(
                self._db.write, CHAT_PLATFORM, str(old_chat_id), str(new_chat_id)
            )
        except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as exc:
            log.warning("could not record a migrated Telegram group: %s", exc.__class__.__name__)
            return
        log.info("a Telegram group became a supergroup; %d stored chat id(s) moved", moved)

    async def record_blocked(self, chat_id: int) -> None:
        """The chat refuses our messages: mark its identities blocked."""
        self._reachable.pop(str(chat_id), None)  # a private chat's id is its user's id
        try:
            marked = await uq.mark_identity_blocked(self._db.write, CHAT_PLATFORM, str(chat_id))
        except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as exc:
            log.warning("could not mark a Telegram chat blocked: %s", exc.__class__.__name__)
            return
        if marked:
            log.info(
                "a Telegram chat refuses our messages; %d identity(ies) marked blocked", marked
            )

    async def record_reachable(self, user_id: int | str, *, recheck: bool = False) -> None:
        """The user wrote to us in private: they are reachable again (if they were marked).

        Checked at most once per REACHABLE_RECHECK seconds per user by this process, so an
        active user costs no query per message; a block this process notices resets that.
        """
        key = str(user_id)
        now = time.monotonic()
        checked = self._reachable.get(key)
        if not recheck and checked is not None and now - checked < REACHABLE_RECHECK:
            return
        if len(self._reachable) >= _MAX_REACHABLE:
            self._reachable.clear()
        self._reachable[key] = now
        with contextlib.suppress(asyncpg.PostgresError, asyncpg.InterfaceError, OSError):
            if await uq.unmark_identity_blocked(self._db.write, CHAT_PLATFORM, key):
                log.info("a Telegram user who had blocked the bot is reachable again")


def _clamped(text: str) -> str:
    if len(text) <= MESSAGE_LIMIT:
        return text
    return text[: MESSAGE_LIMIT - 1].rstrip() + "…"


def _preview(disabled: bool) -> LinkPreviewOptions | None:
    return LinkPreviewOptions(is_disabled=True) if disabled else None


async def open_telegram_sender(
    settings: Settings, db: Database, stack: AsyncExitStack, valkey: Redis | None = None
) -> TelegramSender | None:
    """A sender on its own Bot client for a process without the bot (worker, backend), sending
    in the bot's window shared through `valkey` (this process's own without it).

    None when TELEGRAM_BOT_TOKEN is unset. A Telegram outage at start-up is logged, not fatal:
    the Bot logs in on first use and undelivered notices stay in the outbox.
    """
    if settings.TELEGRAM_BOT_TOKEN is None:
        return None
    bot = build_bot(settings, valkey=valkey)
    stack.push_async_callback(bot.shutdown)
    sender = LazyTelegramSender(bot, db)
    try:
        await sender.ready()
    except ConfigError as exc:
        if "rejected" in str(exc):
            raise
        log.warning("Telegram notices: %s; will retry on first send", exc)
    return sender


class LazyTelegramSender(TelegramSender):
    """A TelegramSender whose Bot logs in on first use if start-up could not reach Telegram."""

    def __init__(self, bot: Bot, db: Database) -> None:
        super().__init__(bot, db)
        self._lock = asyncio.Lock()
        self._ready = False

    async def ready(self) -> None:
        """Log in once (getMe)."""
        async with self._lock:
            if not self._ready:
                await initialize_bot(self.bot)
                self._ready = True

    async def _deliver(self, chat_id: int | str, call: Callable[[int], Awaitable[T]]) -> T:
        if not self._ready:
            await self.ready()
        return await super()._deliver(chat_id, call)
