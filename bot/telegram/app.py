"""The Telegram bot process part: the python-telegram-bot Application and its lifecycle.

`build_application` makes the Application (API URL from TELEGRAM_API_URL, our flood limits,
concurrent updates); `TelegramBot` wires the handlers around one command registry and runs it:
log in, publish the command menu, then long polling — or, when TELEGRAM_WEBHOOK_URL is set,
setWebhook plus a route in the backend (`webhook_route`) that feeds `update_queue`.
Composition roots call `start_telegram_bot`.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import AsyncExitStack
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from redis.asyncio import Redis
from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    CallbackQueryHandler,
    ChatMemberHandler,
    MessageHandler,
    filters,
)

from bot.core.commands import build_registry
from bot.core.registry import Registry
from bot.core.types import SYNC_WAIT
from bot.telegram.handlers import TelegramHandlers
from bot.telegram.webhook import (
    WEBHOOK_PATH,
    build_webhook_handler,
    webhook_secret,
)
from shared.config import Settings
from shared.errors import ConfigError
from shared.messaging.telegram import (
    TelegramSender,
    api_urls,
    bot_token,
    build_rate_limiter,
    initialize_bot,
    quiet_client_logs,
)
from shared.models import ChatPlatform
from shared.resources import Resources

log = logging.getLogger(__name__)

ALLOWED_UPDATES = (Update.MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER)
CONCURRENT_UPDATES = 256  # updates handled at once (a /sync follow-up may wait for minutes)
CONNECTION_POOL = 64
POLL_TIMEOUT = 30.0  # seconds a long poll waits for updates
STOP_GRACE = 8.0  # seconds in-flight updates get to finish on shutdown
MAX_WEBHOOK_CONNECTIONS = 40

TelegramApp = Application


def build_application(
    settings: Settings,
    *,
    rate_limiter: BaseRateLimiter[Any] | None = None,
    valkey: Redis | None = None,
) -> TelegramApp:
    """The Application: Bot API at TELEGRAM_API_URL, our flood limits (its replies first in the
    bot's send window shared through `valkey`), concurrent updates.

    Without TELEGRAM_WEBHOOK_URL it has an Updater for long polling; with it, updates arrive
    through the backend's webhook route instead.
    """
    quiet_client_logs()
    base_url, base_file_url = api_urls(settings)
    builder = (
        ApplicationBuilder()
        .token(bot_token(settings))
        .base_url(base_url)
        .base_file_url(base_file_url)
        .rate_limiter(rate_limiter or build_rate_limiter(valkey))
        .concurrent_updates(CONCURRENT_UPDATES)
        .connection_pool_size(CONNECTION_POOL)
    )
    if settings.TELEGRAM_WEBHOOK_URL:
        builder = builder.updater(None)
    return builder.build()


def install_handlers(application: TelegramApp, handlers: TelegramHandlers) -> None:
    """One callback per kind of update; commands and button presses go through dispatch."""
    message = filters.UpdateType.MESSAGE
    application.add_handler(MessageHandler(message & filters.COMMAND, handlers.on_command))
    application.add_handler(CallbackQueryHandler(handlers.on_button))
    application.add_handler(
        MessageHandler(message & filters.StatusUpdate.MIGRATE, handlers.on_migration)
    )
    application.add_handler(
        MessageHandler(
            message & filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, handlers.on_text
        )
    )
    application.add_handler(
        ChatMemberHandler(handlers.on_membership, ChatMemberHandler.MY_CHAT_MEMBER)
    )
    application.add_error_handler(handlers.on_error)


class TelegramBot:
    """A running Telegram front end: Application, handlers, sender and how updates arrive."""

    def __init__(
        self,
        res: Resources,
        application: TelegramApp,
        registry: Registry,
        *,
        sync_wait: float = SYNC_WAIT,
    ) -> None:
        self.res = res
        self.application = application
        self.registry = registry
        self.sender = TelegramSender(application.bot, res.db)
        self.handlers = TelegramHandlers(res, registry, self.sender, sync_wait=sync_wait)
        install_handlers(application, self.handlers)
        settings = res.settings
        self.webhook_url = settings.TELEGRAM_WEBHOOK_URL or None
        self._secret = webhook_secret(settings) if self.webhook_url else None
        if self.webhook_url and urlsplit(self.webhook_url).path != WEBHOOK_PATH:
            log.warning(
                "TELEGRAM_WEBHOOK_URL should end in %s, where the backend listens", WEBHOOK_PATH
            )

    @property
    def webhook_route(self) -> web.RouteDef | None:
        """The backend's POST /telegram/webhook route in webhook mode; None when polling."""
        if self._secret is None:
            return None
        return web.post(WEBHOOK_PATH, build_webhook_handler(self.application, self._secret))

    async def start(
        self, *, poll_timeout: float = POLL_TIMEOUT, poll_interval: float = 0.0
    ) -> None:
        """Log in, publish the command menu, start handling updates (and polling, if polling)."""
        await initialize_bot(self.application.bot)
        await self.application.initialize()
        self.handlers.bot_username = self.application.bot.username
        await self.publish_commands()
        await self.application.start()
        updater = self.application.updater
        if self.webhook_url is None and updater is not None:
            await updater.start_polling(
                poll_interval=poll_interval,
                timeout=timedelta(seconds=poll_timeout),
                allowed_updates=list(ALLOWED_UPDATES),
                error_callback=_polling_error,
            )
            log.info("Telegram bot @%s is polling for updates", self.handlers.bot_username)

    async def connect_webhook(self) -> None:
        """Point Telegram at our webhook route (once the backend is listening)."""
        if self.webhook_url is None or self._secret is None:
            return
        try:
            await self.application.bot.set_webhook(
                self.webhook_url,
                secret_token=self._secret,
                allowed_updates=list(ALLOWED_UPDATES),
                max_connections=MAX_WEBHOOK_CONNECTIONS,
            )
        except TelegramError as exc:
            raise ConfigError(
                f"Telegram refused TELEGRAM_WEBHOOK_URL: {exc.__class__.__name__}"
            ) from None
        log.info(
            "Telegram bot @%s receives updates by webhook at %s",
            self.handlers.bot_username,
            urlsplit(self.webhook_url).path,
        )

    async def publish_commands(self) -> None:
        """setMyCommands from the registry (and the admin menu where admins talk to the bot)."""
        menu = [BotCommand(name, description) for name, description in self.registry.menu()]
        await self.application.bot.set_my_commands(menu)
        admin_menu = [
            BotCommand(name, description)
            for name, description in self.registry.menu(include_admin=True)
        ]
        if len(admin_menu) == len(menu):
            return
        settings = self.res.settings
        # Admin commands are answered in the maintainers' group only: their menu is shown there.
        chats = [settings.TELEGRAM_GROUP_ID] if settings.TELEGRAM_GROUP_ID is not None else []
        for chat_id in chats:
            try:
                await self.application.bot.set_my_commands(
                    admin_menu, scope=BotCommandScopeChat(chat_id)
                )
            except TelegramError as exc:  # e.g. an admin who never opened a chat with the bot
                log.warning("admin command menu not set for one chat: %s", exc.__class__.__name__)

    async def probe(self) -> None:
        """Ask the Bot API who we are: raises when it cannot be reached (alerts, /health)."""
        await self.application.bot.get_me()

    async def stop(self) -> None:
        """Stop polling, let in-flight updates finish (briefly), close the client."""
        self.res.messenger.unregister(ChatPlatform.TELEGRAM, self.sender)
        updater = self.application.updater
        if updater is not None and updater.running:
            await updater.stop()
        if self.application.running:
            try:
                await asyncio.wait_for(self.application.stop(), STOP_GRACE)
            except TimeoutError:
                log.warning("Telegram updates still running after %.0f s; stopping", STOP_GRACE)
        await self.handlers.drain(STOP_GRACE)
        await self.application.shutdown()


def _polling_error(exc: TelegramError) -> None:
    log.warning("Telegram polling failed: %s; retrying", exc.__class__.__name__)


async def start_telegram_bot(
    res: Resources,
    stack: AsyncExitStack,
    *,
    registry: Registry | None = None,
    application: TelegramApp | None = None,
    sync_wait: float = SYNC_WAIT,
    poll_timeout: float = POLL_TIMEOUT,
    poll_interval: float = 0.0,
) -> TelegramBot:
    """Start the bot on a composition root's resources; `stack` stops it.

    Also registers its sender with the Messenger, so notices reach Telegram users. In webhook
    mode the caller serves `webhook_route` and then calls `connect_webhook`.
    """
    bot = TelegramBot(
        res,
        application or build_application(res.settings, valkey=res.valkey),
        registry or build_registry(),
        sync_wait=sync_wait,
    )
    stack.push_async_callback(bot.stop)
    await bot.start(poll_timeout=poll_timeout, poll_interval=poll_interval)
    res.messenger.register(ChatPlatform.TELEGRAM, bot.sender)
    return bot
