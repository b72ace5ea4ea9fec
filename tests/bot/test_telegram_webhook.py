"""Webhook mode: Telegram POSTs updates to the backend's route, which checks the secret."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import replace

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from pydantic import SecretStr

from backend.web.app import build_app
from bot.telegram.app import TelegramBot, start_telegram_bot
from bot.telegram.webhook import SECRET_HEADER, WEBHOOK_PATH
from shared.embedded import free_port
from shared.errors import ConfigError
from shared.resources import Resources
from tests.bot.test_telegram import ALICE, buttons, telegram_settings
from tests.fakes.telegram import FakeTelegram

SECRET = "wh-Secret_0123456789abcdef"


@pytest.fixture
async def webhook_bot(
    res: Resources, fake_telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> AsyncIterator[tuple[TelegramBot, TestServer]]:
    """The bot in webhook mode behind our backend, registered with the fake; logs captured."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.WARNING, logger="httpx")  # as setup_logging does: URLs hold the token
    port = free_port()
    settings = telegram_settings(
        res.settings,
        fake_telegram,
        TELEGRAM_WEBHOOK_URL=f"http://127.0.0.1:{port}{WEBHOOK_PATH}",
        TELEGRAM_WEBHOOK_SECRET=SecretStr(SECRET),
    )
    tg_res = replace(res, settings=settings)
    async with AsyncExitStack() as stack:
        bot = await start_telegram_bot(tg_res, stack)
        assert bot.application.updater is None
        server = TestServer(build_app(tg_res, telegram_webhook=bot.webhook_route), port=port)
        await server.start_server(access_log=None)
        stack.push_async_callback(server.close)
        await bot.connect_webhook()
        yield bot, server


def message_update(fake: FakeTelegram, text: str) -> dict[str, object]:
    return fake.user_message(ALICE, text)


async def test_webhook_is_registered_with_the_secret_and_update_types(
    webhook_bot: tuple[TelegramBot, TestServer],
    fake_telegram: FakeTelegram,
    caplog: pytest.LogCaptureFixture,
) -> None:
    webhook = fake_telegram.webhook
    assert webhook is not None
    assert webhook["url"].endswith(WEBHOOK_PATH)
    assert webhook["secret_token"] == SECRET
    assert set(webhook["allowed_updates"]) == {"message", "callback_query", "my_chat_member"}
    assert not fake_telegram.calls_to("getUpdates")
    assert SECRET not in caplog.text


async def test_delivered_update_is_answered(
    webhook_bot: tuple[TelegramBot, TestServer],
    fake_telegram: FakeTelegram,
    caplog: pytest.LogCaptureFixture,
) -> None:
    status = await fake_telegram.deliver_webhook(message_update(fake_telegram, "/start"))

    assert status == 200
    await fake_telegram.wait_for(lambda: bool(fake_telegram.sent(ALICE)))
    reply = fake_telegram.last_sent(ALICE)
    assert buttons(reply) == ["connect", "platforms", "upcoming"]

    press = fake_telegram.press_button(ALICE, reply, "platforms")
    assert await fake_telegram.deliver_webhook(press) == 200
    await fake_telegram.wait_for(lambda: len(fake_telegram.calls_to("answerCallbackQuery")) == 1)
    await fake_telegram.wait_for(lambda: len(fake_telegram.sent(ALICE)) == 2)
    assert SECRET not in caplog.text
    assert fake_telegram.token not in caplog.text


@pytest.mark.parametrize("secret", [None, "", "wrong", SECRET[:-1], SECRET + "x", "é" * 5])
async def test_wrong_or_missing_secret_is_refused_and_ignored(
    webhook_bot: tuple[TelegramBot, TestServer],
    fake_telegram: FakeTelegram,
    caplog: pytest.LogCaptureFixture,
    secret: str | None,
) -> None:
    status = await fake_telegram.deliver_webhook(
        message_update(fake_telegram, "/help"), secret=secret
    )

    assert status == 403
    # A real update afterwards is handled: so the refused one was not merely slow.
    assert await fake_telegram.deliver_webhook(message_update(fake_telegram, "/status")) == 200
    await fake_telegram.wait_for(lambda: bool(fake_telegram.sent(ALICE)))
    [only] = fake_telegram.sent(ALICE)
    assert only["text"].startswith("Your ContestSync status")
    assert SECRET not in caplog.text


async def test_bad_json_is_a_400(
    webhook_bot: tuple[TelegramBot, TestServer], fake_telegram: FakeTelegram
) -> None:
    _, server = webhook_bot
    url = str(server.make_url(WEBHOOK_PATH))
    async with aiohttp.ClientSession() as http:
        for body in (b"{not json", b"\xff\xfe", json.dumps([1, 2]).encode(), b'{"x": 1}'):
            async with http.post(url, data=body, headers={SECRET_HEADER: SECRET}) as resp:
                assert resp.status == 400
        async with http.get(url) as resp:
            assert resp.status == 405
        # A well-formed envelope PTB cannot read is dropped, not refused (Telegram would retry).
        poison = {"update_id": 5, "my_chat_member": {"chat": {"id": 1}}}
        async with http.post(url, json=poison, headers={SECRET_HEADER: SECRET}) as resp:
            assert resp.status == 200
    assert not fake_telegram.calls_to("sendMessage")


async def test_an_absurdly_nested_update_is_a_400_not_a_500(
    webhook_bot: tuple[TelegramBot, TestServer], fake_telegram: FakeTelegram
) -> None:
    _, server = webhook_bot
    url = str(server.make_url(WEBHOOK_PATH))
    nested = b'{"update_id": 1, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    async with aiohttp.ClientSession() as http:
        async with http.post(url, data=nested, headers={SECRET_HEADER: SECRET}) as resp:
            assert resp.status == 400
    assert not fake_telegram.calls_to("sendMessage")


async def test_webhook_is_not_limited_per_ip(
    webhook_bot: tuple[TelegramBot, TestServer], fake_telegram: FakeTelegram
) -> None:
    _, server = webhook_bot
    url = str(server.make_url(WEBHOOK_PATH))
    async with aiohttp.ClientSession() as http:
        for _ in range(130):  # more than the backend's 120 requests a minute per address
            async with http.post(url, data=b"{}", headers={SECRET_HEADER: SECRET}) as resp:
                assert resp.status == 400


def test_webhook_mode_needs_a_valid_secret(res: Resources, fake_telegram: FakeTelegram) -> None:
    from bot.core.commands import build_registry
    from bot.telegram.app import TelegramBot, build_application

    for secret in (None, "has space", "x" * 257):
        settings = telegram_settings(
            res.settings,
            fake_telegram,
            TELEGRAM_WEBHOOK_URL=f"https://bot.example.com{WEBHOOK_PATH}",
            TELEGRAM_WEBHOOK_SECRET=None if secret is None else SecretStr(secret),
        )
        with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_SECRET"):
            TelegramBot(
                replace(res, settings=settings), build_application(settings), build_registry()
            )
