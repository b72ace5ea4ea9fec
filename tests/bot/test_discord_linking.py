"""One person, two chats: a Google account connected from Telegram joins the Discord chat only
after the Telegram chat approves it (issue 9 point 5, over the fake Discord gateway)."""

from __future__ import annotations

import json

from bot.core.commands import build_registry
from bot.core.dispatch import dispatch
from bot.core.types import ChatPlatform, Context, Invocation
from bot.discord.app import DiscordBot
from shared.db import users as uq
from shared.resources import Resources
from shared.services.connect import create_connect_link
from tests.fakes.discord import FakeDiscord, components_of, text_of
from tests.fakes.google import FakeGoogle
from tests.web.test_oauth import PUBLIC_BASE, Browser, browser, server

__all__ = ["browser", "server"]  # fixtures used here

ALICE = "210000000000000001"
TELEGRAM_ALICE = "1001"


async def test_connect_from_telegram_then_discord_is_one_user_once_telegram_approves(
    discord_bot: DiscordBot,
    fake_discord: FakeDiscord,
    dc_res: Resources,
    browser: Browser,
    fake_google: FakeGoogle,
) -> None:
    res = dc_res
    first = await create_connect_link(
        res.db, res.settings, "telegram", TELEGRAM_ALICE, TELEGRAM_ALICE, "alice"
    )
    _, page = await browser.walk(first.url)
    assert page.status == 200, page.text
    owner = await uq.get_user_by_identity(res.db.write, "telegram", TELEGRAM_ALICE)
    assert owner is not None and owner.connected

    # In a Discord server, /connect answers (ephemerally) with a link; Alice consents with the
    # same Google account.
    interaction = await fake_discord.slash("connect", user_id=ALICE, guild_id="500")
    message = await interaction.wait_message()
    [link] = [c["url"] for c in components_of(message) if c.get("style") == 5]
    assert link.startswith(f"{PUBLIC_BASE}/connect/")
    _, page = await browser.walk(link)
    assert "Waiting for approval" in page.text
    discord_user = await uq.get_user_by_identity(res.db.write, "discord", ALICE)
    assert discord_user is not None and discord_user.id != owner.id  # not joined yet

    # Telegram gets the request with Approve / Deny and approves.
    request = await res.db.write.fetchrow(
        "SELECT body, buttons FROM notices WHERE kind = 'link_request' AND chat_id = $1",
        TELEGRAM_ALICE,
    )
    assert request is not None and "Discord user @" in request["body"]
    rows = json.loads(request["buttons"])
    approve = next(data for row in rows for _, data in row if data.startswith("la:y:"))
    press = Invocation(ChatPlatform.TELEGRAM, TELEGRAM_ALICE, TELEGRAM_ALICE, "", callback=approve)
    answer = await dispatch(Context(res), build_registry(), press)
    assert answer.text.startswith("Approved: Discord user")

    # One user, one calendar, both chats listed; the Discord DM was told.
    joined = await uq.get_user_by_identity(res.db.write, "discord", ALICE)
    assert joined is not None and joined.id == owner.id and joined.calendar_id == owner.calendar_id
    assert await res.db.write.fetchval("SELECT count(*) FROM users") == 1
    assert len(fake_google.calendars) == 1
    status = await fake_discord.slash("status", user_id=ALICE)
    text = text_of(await status.wait_message())
    assert "Linked chats:" in text and "Telegram user @alice" in text
    assert any("is now linked" in text_of(m) for m in fake_discord.dm_messages(ALICE))
