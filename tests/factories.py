"""Factories for payloads and rows used across tests."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from shared.config import Settings
from shared.db import users as uq
from shared.resources import Resources
from tests.fakes.discord import FakeDiscord
from tests.fakes.google import FakeGoogle
from tests.fakes.telegram import FakeTelegram

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def codeforces_payload(*contests: tuple[int, str, datetime, int]) -> str:
    """A Codeforces contest.list answer with (id, name, start, duration seconds) entries."""
    result = [
        {
            "id": cid,
            "name": name,
            "type": "CF",
            "phase": "BEFORE",
            "frozen": False,
            "durationSeconds": duration,
            "startTimeSeconds": int(start.timestamp()),
        }
        for cid, name, start, duration in contests
    ]
    return json.dumps({"status": "OK", "result": result})


def days(n: float) -> timedelta:
    """n days."""
    return timedelta(days=n)


async def connect_user(
    res: Resources,
    google: FakeGoogle,
    *,
    sub: str = "alice-sub",
    chat_user: str = "1001",
    platforms: Sequence[str] = ("codeforces",),
    timezone: str = "UTC",
    chat_platform: str = "telegram",
) -> int:
    """A chat user (Telegram unless told) with a working Google grant (issued by the fake);
    returns the user id."""
    token = google.issue_refresh_token(sub)
    async with res.db.write.acquire() as conn, conn.transaction():
        identity = await uq.upsert_identity(conn, chat_platform, chat_user, chat_user, "alice")
        user_id = identity.user_id
        sealed = res.cipher.encrypt(token, user_id)
        await uq.link_google_account(conn, user_id, sub, google.accounts[sub].email, sealed)
        await uq.update_preferences(conn, user_id, platforms=list(platforms), timezone=timezone)
    return user_id


def chat_settings(
    settings: Settings,
    telegram: FakeTelegram | None = None,
    discord: FakeDiscord | None = None,
    **extra: Any,
) -> Settings:
    """`settings` with the bots of the given chat platforms pointed at their fakes (and `extra`)."""
    update: dict[str, Any] = {}
    if telegram is not None:
        update |= {
            "TELEGRAM_BOT_TOKEN": SecretStr(telegram.token),
            "TELEGRAM_API_URL": telegram.base_url,
        }
    if discord is not None:
        update |= {
            "DISCORD_BOT_TOKEN": SecretStr(discord.token),
            "DISCORD_API_URL": discord.api_url,
        }
    return settings.model_copy(update={**update, **extra})


def process_env(settings: Settings, tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment for a `contestsync` subprocess running on these test settings.

    Every setting that is set is passed by its name (secrets included: the child needs them);
    this machine's own POSTGRES_*/VALKEY_*/TELEGRAM_*/TEST_* variables are left out.
    """
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("POSTGRES", "VALKEY", "TEST_", "TELEGRAM", "SESSION", "ENCRYPTION"))
    }
    for name, value in settings.model_dump().items():
        if value is None or value == []:
            continue
        env[name] = ",".join(_plain(v) for v in value) if isinstance(value, list) else _plain(value)
    env.update(DATA_DIR=str(tmp_path / "data"), **extra)
    return env


def _plain(value: object) -> str:
    return value.get_secret_value() if isinstance(value, SecretStr) else str(value)
