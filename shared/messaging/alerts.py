"""Outbound messages to the maintainers' Telegram group: through the bot token, or the Go relay.

Two senders with one shape (`send_text`, `send_photo`); both raise `AlertDeliveryError` when the
message did not get through, so the alert outbox keeps it for a later try.

- `BotGroupSender`: the Bot API with our flood limits (20 messages a minute per group, 429
  `retry_after` honoured), HTML parse mode, `message_thread_id` = TELEGRAM_GROUP_TOPIC_ID.
- `RelaySender`: POST `TELEGRAM_PROXY_URL` with `Authorization: Bearer PROXY_SECRET_KEY` and the Go
  service's JSON body `{"group_id", "topic_id", "text"}` (a photo goes as its caption's text).
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import AsyncExitStack
from typing import Protocol

import aiohttp
from redis.asyncio import Redis
from telegram import InputFile, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import TelegramError

from shared.config import Settings
from shared.errors import ConfigError, ExternalServiceError
from shared.messaging.telegram import build_bot, initialize_bot

log = logging.getLogger(__name__)

RELAY_TIMEOUT = 10.0


class AlertDeliveryError(ExternalServiceError):
    """The maintainers' group could not be reached; the message is kept and tried again."""


class GroupSender(Protocol):
    """Delivers HTML text (≤ 4096 characters) and photos to the maintainers' group."""

    channel: str

    async def send_text(self, text: str) -> None:
        """Send or raise AlertDeliveryError."""
        ...

    async def send_photo(self, png: bytes, caption: str) -> None:
        """Send a PNG with an HTML caption (≤ 1024 characters) or raise AlertDeliveryError."""
        ...


class BotGroupSender:
    """The maintainers' group through the bot token (python-telegram-bot, our flood limits): its
    messages take places in the bot's send window shared through `valkey`, as the worker's
    fan-outs do, so an alert in the middle of one never makes the 31st message of a second."""

    channel = "telegram"

    def __init__(self, settings: Settings, valkey: Redis | None = None) -> None:
        assert settings.TELEGRAM_GROUP_ID is not None
        self._group = settings.TELEGRAM_GROUP_ID
        self._topic = settings.TELEGRAM_GROUP_TOPIC_ID
        self.bot = build_bot(settings, valkey=valkey)
        self._ready = False
        self._lock = asyncio.Lock()

    async def _login(self) -> None:
        async with self._lock:
            if not self._ready:
                try:
                    await initialize_bot(self.bot)
                except ConfigError as exc:
                    raise AlertDeliveryError(str(exc)) from None
                self._ready = True

    async def send_text(self, text: str) -> None:
        """sendMessage in HTML to the group (and topic)."""
        await self._login()
        try:
            await self.bot.send_message(
                self._group,
                text,
                parse_mode=ParseMode.HTML,
                message_thread_id=self._topic,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        except TelegramError as exc:
            raise AlertDeliveryError(f"Telegram: {exc.__class__.__name__}") from None

    async def send_photo(self, png: bytes, caption: str) -> None:
        """sendPhoto (multipart) to the group (and topic)."""
        await self._login()
        try:
            await self.bot.send_photo(
                self._group,
                InputFile(png, filename="report.png"),
                caption=caption,
                parse_mode=ParseMode.HTML,
                message_thread_id=self._topic,
            )
        except TelegramError as exc:
            raise AlertDeliveryError(f"Telegram: {exc.__class__.__name__}") from None

    async def close(self) -> None:
        """Close the Bot client."""
        if self._ready:
            await self.bot.shutdown()


class RelaySender:
    """The Go service's relay: JSON {group_id, topic_id, text} with a bearer token."""

    channel = "relay"

    def __init__(self, settings: Settings, http: aiohttp.ClientSession) -> None:
        assert settings.TELEGRAM_PROXY_URL is not None and settings.TELEGRAM_GROUP_ID is not None
        if settings.PROXY_SECRET_KEY is None:
            raise ConfigError("TELEGRAM_PROXY_URL needs PROXY_SECRET_KEY")
        self._url = settings.TELEGRAM_PROXY_URL
        self._secret = settings.PROXY_SECRET_KEY
        self._group = settings.TELEGRAM_GROUP_ID
        self._topic = settings.TELEGRAM_GROUP_TOPIC_ID
        self._http = http

    async def send_text(self, text: str) -> None:
        """POST the Go body; any answer but 2xx is a failed delivery."""
        body = {"group_id": self._group, "topic_id": self._topic, "text": text}
        headers = {"Authorization": f"Bearer {self._secret.get_secret_value()}"}
        try:
            async with self._http.post(
                self._url,
                json=body,
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=RELAY_TIMEOUT),
            ) as resp:
                await resp.read()
                if not 200 <= resp.status < 300:
                    raise AlertDeliveryError(f"relay answered {resp.status}")
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise AlertDeliveryError(f"relay unreachable: {exc.__class__.__name__}") from None

    async def send_photo(self, png: bytes, caption: str) -> None:
        """The relay carries text only: the caption goes alone."""
        await self.send_text(caption)

    async def close(self) -> None:
        """Nothing of its own to close (the session belongs to the composition root)."""


def open_group_sender(
    settings: Settings,
    http: aiohttp.ClientSession,
    stack: AsyncExitStack,
    valkey: Redis | None = None,
) -> BotGroupSender | RelaySender | None:
    """The sender DESIGN §5 asks for, or None (alerts only logged) without TELEGRAM_GROUP_ID;
    through the bot token it shares the bot's send window in `valkey`."""
    if settings.TELEGRAM_GROUP_ID is None:
        return None
    sender: BotGroupSender | RelaySender
    if settings.TELEGRAM_PROXY_URL:
        sender = RelaySender(settings, http)
    elif settings.TELEGRAM_BOT_TOKEN is not None:
        sender = BotGroupSender(settings, valkey)
    else:
        log.info("alerts are only logged: TELEGRAM_GROUP_ID needs a bot token or a relay")
        return None
    stack.push_async_callback(sender.close)
    return sender
