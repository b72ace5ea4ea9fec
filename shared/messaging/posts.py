"""Contest messages through the chat SDKs: send one (returning where it landed) or edit it.

The delivery engine (shared/delivery) is chat-neutral; these posters hold what Telegram and
Discord need. A chat that refuses us for good (blocked, kicked, deleted, permission removed)
raises `ChatGoneError`; anything else raised is worth another try later.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import discord
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden

from shared.delivery.events import EventGoneError
from shared.delivery.render import (
    DISCORD_EMBED_COLOR,
    ContestView,
    render_discord,
    render_discord_digest,
    render_telegram,
    render_telegram_digest,
)
from shared.messaging.discord import DiscordSender
from shared.messaging.telegram import TelegramSender

log = logging.getLogger(__name__)


class ChatGoneError(Exception):
    """The chat refuses our messages for good (403, or the chat no longer exists)."""


@dataclass(frozen=True, slots=True)
class Target:
    """Where a contest message goes."""

    chat_id: str
    thread_id: int | None = None
    role_id: str | None = None  # Discord: the platform's role to ping
    timezone: str = "UTC"
    direct: bool = False  # Discord: chat_id is a user id (DM), not a channel id


@dataclass(frozen=True, slots=True)
class Posted:
    """Where a message landed: the chat (a DM's channel on Discord, a migrated group's new id on
    Telegram) and the message id."""

    chat_id: str
    message_id: str


class Poster(Protocol):
    """Sends and edits contest messages on one chat platform."""

    async def post(self, target: Target, view: ContestView) -> Posted:
        """Send the message; raises ChatGoneError when the chat refuses us for good."""
        ...

    async def edit(self, target: Target, posted: Posted, view: ContestView) -> None:
        """Replace a sent message's content."""
        ...

    async def post_digest(self, target: Target, views: list[ContestView], total: int) -> Posted:
        """Send a daily digest listing these contests (of `total`); ChatGoneError as `post`."""
        ...


_GONE_TELEGRAM = ("chat not found", "bot was kicked", "not enough rights", "topic_closed")


class TelegramPoster:
    """Contest messages as Telegram HTML through the flood-limited TelegramSender."""

    def __init__(self, sender: TelegramSender) -> None:
        self.sender = sender

    async def post(self, target: Target, view: ContestView) -> Posted:
        """sendMessage (in the subscriber's topic, if any)."""
        return await self._send(target, render_telegram(view, target.timezone))

    async def post_digest(self, target: Target, views: list[ContestView], total: int) -> Posted:
        """sendMessage with the digest (in the subscriber's topic, if any)."""
        return await self._send(target, render_telegram_digest(views, target.timezone, total))

    async def _send(self, target: Target, text: str) -> Posted:
        try:
            message = await self.sender.send_message(
                target.chat_id, text, thread_id=target.thread_id, parse_mode=ParseMode.HTML
            )
        except Forbidden as exc:
            raise ChatGoneError(exc.__class__.__name__) from None
        except BadRequest as exc:
            if any(text in exc.message.lower() for text in _GONE_TELEGRAM):
                raise ChatGoneError(exc.message[:100]) from None
            raise
        return Posted(str(message.chat_id), str(message.message_id))

    async def edit(self, target: Target, posted: Posted, view: ContestView) -> None:
        """editMessageText (an unchanged message is fine)."""
        try:
            await self.sender.edit_message(
                posted.chat_id,
                int(posted.message_id),
                render_telegram(view, target.timezone),
                parse_mode=ParseMode.HTML,
            )
        except Forbidden as exc:
            raise ChatGoneError(exc.__class__.__name__) from None
        except BadRequest as exc:
            if "message to edit not found" in exc.message.lower():
                log.info("a contest message was deleted in its chat; not edited")
                return
            raise


class DiscordPoster:
    """Contest messages as Discord embeds; a server's message pings only the platform's role.

    Its client keeps every request (the DM channel lookups too) within the bot token's global
    limit: see `build_window_trace` in shared/messaging/discord.py."""

    def __init__(self, client: discord.Client) -> None:
        self.client = client
        self._dms: dict[str, int] = {}

    async def _channel_id(self, target: Target) -> int:
        if not target.direct:
            return int(target.chat_id)
        known = self._dms.get(target.chat_id)
        if known is None:
            user = await self.client.fetch_user(int(target.chat_id))
            known = (await user.create_dm()).id
            self._dms[target.chat_id] = known
        return known

    async def post(self, target: Target, view: ContestView) -> Posted:
        """POST channels/{id}/messages with allowed_mentions limited to the role."""
        rendered = render_discord(view, target.role_id)
        mentions = discord.AllowedMentions(
            everyone=False,
            users=False,
            roles=[discord.Object(int(target.role_id))] if target.role_id else False,
        )
        embed = _embed(rendered.title, rendered.url, rendered.description)
        return await self._send(target, rendered.content or None, embed, mentions)

    async def post_digest(self, target: Target, views: list[ContestView], total: int) -> Posted:
        """POST the digest as one embed, mentioning nobody."""
        title, description = render_discord_digest(views, total)
        embed = discord.Embed(title=title, description=description, color=DISCORD_EMBED_COLOR)
        return await self._send(target, None, embed, discord.AllowedMentions.none())

    async def _send(
        self,
        target: Target,
        content: str | None,
        embed: discord.Embed,
        mentions: discord.AllowedMentions,
    ) -> Posted:
        try:
            channel_id = await self._channel_id(target)
            channel = self.client.get_partial_messageable(channel_id)
            message = await channel.send(content=content, embed=embed, allowed_mentions=mentions)
        except (discord.Forbidden, discord.NotFound) as exc:
            raise ChatGoneError(f"{exc.status} {exc.code}") from None
        return Posted(str(channel_id), str(message.id))

    async def edit(self, target: Target, posted: Posted, view: ContestView) -> None:
        """PATCH the message; a deleted message is left alone."""
        rendered = render_discord(view, target.role_id)
        channel = self.client.get_partial_messageable(int(posted.chat_id))
        try:
            await channel.get_partial_message(int(posted.message_id)).edit(
                content=rendered.content or None,
                embed=_embed(rendered.title, rendered.url, rendered.description),
            )
        except discord.NotFound:
            log.info("a contest message was deleted in its Discord channel; not edited")
        except discord.Forbidden as exc:
            raise ChatGoneError(f"{exc.status} {exc.code}") from None


def _embed(title: str, url: str, description: str) -> discord.Embed:
    return discord.Embed(title=title, url=url, description=description, color=DISCORD_EMBED_COLOR)


def build_posters(senders: Mapping[str, object]) -> dict[str, Poster]:
    """Posters on the chat senders this process runs (the Messenger's), by chat platform."""
    posters: dict[str, Poster] = {}
    for chat_platform, sender in senders.items():
        if isinstance(sender, TelegramSender):
            posters[chat_platform] = TelegramPoster(sender)
        elif isinstance(sender, DiscordSender):
            posters[chat_platform] = DiscordPoster(sender.client)
    return posters


class DiscordEvents:
    """A server's external scheduled events through discord.py's REST client (whose requests
    keep to the bot token's global limit like the poster's)."""

    def __init__(self, client: discord.Client) -> None:
        self.client = client

    async def create(self, guild_id: str, payload: dict[str, Any]) -> str:
        """POST guilds/{id}/scheduled-events; the new event's id."""
        event = await self.client.http.create_guild_scheduled_event(int(guild_id), **payload)
        return str(event["id"])

    async def update(self, guild_id: str, event_id: str, payload: dict[str, Any]) -> None:
        """PATCH the event; EventGoneError when it was deleted."""
        try:
            await self.client.http.edit_scheduled_event(int(guild_id), int(event_id), **payload)
        except discord.NotFound:
            raise EventGoneError(event_id) from None

    async def delete(self, guild_id: str, event_id: str) -> None:
        """DELETE the event; EventGoneError when it was already deleted."""
        try:
            await self.client.http.delete_scheduled_event(int(guild_id), int(event_id))
        except discord.NotFound:
            raise EventGoneError(event_id) from None


def build_events_api(senders: Mapping[str, object]) -> DiscordEvents | None:
    """Scheduled events on the Discord sender this process runs, if any."""
    for sender in senders.values():
        if isinstance(sender, DiscordSender):
            return DiscordEvents(sender.client)
    return None
