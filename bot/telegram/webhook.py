"""Webhook mode: the backend's route that hands Telegram's POSTed updates to the Application.

Telegram sends the secret given to setWebhook in `X-Telegram-Bot-Api-Secret-Token`; anything
without it is refused (403) and ignored. The update is queued and answered at once, so Telegram
never waits on a command.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
from collections.abc import Awaitable, Callable

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from shared.config import Settings
from shared.errors import ConfigError

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")

WebhookHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def webhook_secret(settings: Settings) -> str:
    """TELEGRAM_WEBHOOK_SECRET, checked against what Telegram accepts."""
    if settings.TELEGRAM_WEBHOOK_SECRET is None:
        raise ConfigError("TELEGRAM_WEBHOOK_SECRET must be set when TELEGRAM_WEBHOOK_URL is set")
    secret = settings.TELEGRAM_WEBHOOK_SECRET.get_secret_value()
    if not _SECRET.fullmatch(secret):
        raise ConfigError(
            "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -"
        )
    return secret


def build_webhook_handler(application: Application, secret: str) -> WebhookHandler:
    """The aiohttp handler of POST /telegram/webhook for this Application."""
    expected = secret.encode()

    async def telegram_webhook(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, expected):
            log.warning("telegram webhook: request without the right secret refused")
            return web.Response(status=403, text="forbidden")
        try:
            data = json.loads(await request.read())
        except (ValueError, RecursionError):  # UnicodeDecodeError included; absurd nesting
            return web.Response(status=400, text="bad JSON")
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            return web.Response(status=400, text="not an update")
        try:
            update = Update.de_json(data, application.bot)
        except Exception as exc:  # boundary: any malformed field makes the whole update unusable
            # Dropped with a 200: an error status would make Telegram redeliver it again and again.
            log.warning("telegram webhook: unreadable update dropped (%s)", exc.__class__.__name__)
            return web.Response(text="dropped")
        await application.update_queue.put(update)
        return web.Response(text="ok")

    return telegram_webhook
