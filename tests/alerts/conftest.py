"""Resources with a maintainers' group on the fake Telegram (a supergroup with topics)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from typing import Any

import pytest

from shared.alerts import Alerts
from shared.config import Settings
from shared.platforms.http import FetchPolicy, PlatformClient
from shared.platforms.registry import PLATFORMS
from shared.resources import Resources, open_resources
from tests.fakes.relay import FakeRelay
from tests.fakes.telegram import FakeTelegram

GROUP = -1001234567890
TOPIC = 77
ADMIN = 424242

OpenResources = Callable[..., Awaitable[Resources]]


def group_settings(settings: Settings, telegram: FakeTelegram, **extra: Any) -> Settings:
    """Settings with the bot token, the maintainers' group and its topic on the fake."""
    update: dict[str, Any] = {
        "TELEGRAM_API_URL": telegram.base_url,
        "TELEGRAM_GROUP_ID": GROUP,
        "TELEGRAM_GROUP_TOPIC_ID": TOPIC,
        "FROM_ENV": "node-a",
        "ADMIN_TELEGRAM_IDS": [ADMIN],
        **extra,
    }
    from pydantic import SecretStr

    update.setdefault("TELEGRAM_BOT_TOKEN", SecretStr(telegram.token))
    return settings.model_copy(update=update)


@pytest.fixture
async def open_res(settings: Settings) -> AsyncIterator[OpenResources]:
    """Opens Resources like a process would (several per test = several processes)."""
    async with AsyncExitStack() as stack:

        async def open_one(
            custom: Settings,
            *,
            per_minute: int = 10,
            window: float = 60.0,
            retry_first: float = 0.05,
        ) -> Resources:
            res = await open_resources(custom, stack)
            res.platforms = PlatformClient(
                res.http,
                FetchPolicy(timeout=2.0, attempts=2, backoff_initial=0.01, backoff_max=0.02),
                rate_limits={name: (1000.0, 1.0) for name in PLATFORMS},
            )
            res.alerts = Alerts(
                res.db,
                res.valkey,
                res.metrics,
                res.alerts.sender,
                node=custom.FROM_ENV,
                per_minute=per_minute,
                window=window,
                retry_first=retry_first,
            )
            stack.push_async_callback(res.alerts.close)
            return res

        yield open_one


@pytest.fixture
async def fake_relay() -> AsyncIterator[FakeRelay]:
    """The Go service's relay."""
    relay = FakeRelay()
    await relay.start()
    yield relay
    await relay.close()


def group_texts(telegram: FakeTelegram) -> list[str]:
    """Texts (or captions) the bot sent to the maintainers' group, oldest first."""
    return [m.get("text") or m.get("caption", "") for m in telegram.sent(GROUP)]
