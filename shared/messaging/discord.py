"""Outbound Discord messages: notices to a person's DMs (their user id is the identity's chat id).

The Discord bot registers a `DiscordSender` on its own gateway client; processes without the bot
(web backend, worker) open one on a REST-only discord.py client with `open_discord_sender`.
discord.py waits out Discord's 429s (`retry_after`) itself.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import AsyncExitStack

import discord

from shared.config import Settings
from shared.messaging import NoticeButtons

log = logging.getLogger(__name__)

EMBED_COLOR = 0x5865F2
DESCRIPTION_LIMIT = 4096
CUSTOM_ID_LIMIT = 100  # Discord's limit on a component's custom id


def build_custom_id(owner: str, data: str) -> str:
    """A component's custom id: who may press it (a user id) and the button data it carries."""
    return f"{owner}|{data}"[:CUSTOM_ID_LIMIT]


def point_at_api(settings: Settings) -> None:
    """Send discord.py's REST calls to DISCORD_API_URL (one API per process)."""
    discord.http.Route.BASE = settings.DISCORD_API_URL.rstrip("/")


class DiscordSender:
    """Delivers plain-text notices to people's DMs through a logged-in discord.py client."""

    def __init__(self, client: discord.Client) -> None:
        self.client = client
        self._dms: dict[int, discord.DMChannel] = {}

    async def send_text(self, chat_id: str, text: str, buttons: NoticeButtons = ()) -> None:
        """Open (or reuse) the DM channel and post the text as an embed, with its buttons (only
        the DM's owner may press them); raises on failure."""
        user_id = int(chat_id)
        channel = self._dms.get(user_id)
        if channel is None:
            user = self.client.get_user(user_id) or await self.client.fetch_user(user_id)
            channel = await user.create_dm()
            self._dms[user_id] = channel
        body = text if len(text) <= DESCRIPTION_LIMIT else text[: DESCRIPTION_LIMIT - 1] + "…"
        embed = discord.Embed(description=body, color=EMBED_COLOR)
        if not buttons:
            await channel.send(embed=embed)
            return
        view = discord.ui.View(timeout=None)
        for row, line in enumerate(buttons[:5]):
            for label, data in line[:5]:
                view.add_item(
                    discord.ui.Button(
                        label=label[:80], custom_id=build_custom_id(chat_id, data), row=row
                    )
                )
        await channel.send(embed=embed, view=view)


class LazyDiscordSender(DiscordSender):
    """A DiscordSender whose REST client logs in on first use if start-up could not."""

    def __init__(self, client: discord.Client, token: str) -> None:
        super().__init__(client)
        self._token = token
        self._lock = asyncio.Lock()

    async def ready(self) -> None:
        """Log in once (users/@me, oauth2/applications/@me)."""
        async with self._lock:
            if self.client.user is None:
                await self.client.login(self._token)

    async def send_text(self, chat_id: str, text: str, buttons: NoticeButtons = ()) -> None:
        """Log in if needed, then deliver."""
        await self.ready()
        await super().send_text(chat_id, text, buttons)


async def open_discord_sender(settings: Settings, stack: AsyncExitStack) -> DiscordSender | None:
    """A REST-only sender for a process without the Discord bot; None without a token.

    A Discord outage at start-up is logged, not fatal: undelivered notices stay in the outbox.
    """
    if settings.DISCORD_BOT_TOKEN is None:
        return None
    point_at_api(settings)
    # REST only (no gateway connection); the guilds flag just keeps discord.py from warning.
    client = discord.Client(intents=discord.Intents(guilds=True))
    stack.push_async_callback(client.close)
    sender = LazyDiscordSender(client, settings.DISCORD_BOT_TOKEN.get_secret_value())
    try:
        await sender.ready()
    except discord.LoginFailure:
        log.error("Discord notices: DISCORD_BOT_TOKEN was refused")
    except (discord.HTTPException, OSError) as exc:
        log.warning("Discord notices: %s; will retry on first send", exc.__class__.__name__)
    return sender
