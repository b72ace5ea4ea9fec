"""The Discord bot process part: a discord.py gateway client over the one command registry.

Start-up: REST base from DISCORD_API_URL, log in (`users/@me`, `oauth2/applications/@me`), take
the gateway URL from `GET gateway/bot`, log the invite URL, register the slash commands only when
they changed (to DISCORD_DEV_GUILD_ID alone when set), then connect to the gateway with the guilds
intent only. Every interaction becomes an Invocation for `dispatch`; the Reply is rendered as an
embed with components (ephemeral in servers). A command that is not answered within
DEFER_AFTER seconds is deferred and its response edited in when ready, so Discord's 3-second
deadline is always met. Composition roots call `start_discord_bot`.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import AsyncExitStack
from datetime import UTC, datetime
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket

from bot.core.commands import build_registry
from bot.core.dispatch import dispatch
from bot.core.errors import log_failure, render_apology
from bot.core.registry import Registry
from bot.core.types import SYNC_WAIT, Context, Invocation, Memory, Reply
from bot.discord.render import (
    build_capabilities,
    build_commands,
    build_invite_url,
    commands_changed,
    render_embed,
    render_view,
)
from bot.discord.server import DiscordServer
from bot.discord.translate import (
    build_command_invocation,
    build_component_invocation,
    focused_option,
    may_press,
)
from shared.aio import cancel_and_wait
from shared.db import guilds as gq
from shared.errors import ConfigError
from shared.messaging.discord import DiscordSender, build_window_trace, point_at_api
from shared.messaging.window import SendWindow, SharedSendWindow
from shared.models import ChatPlatform
from shared.resources import Resources

log = logging.getLogger(__name__)

DEFER_AFTER = 1.5  # seconds: Discord wants the first response within 3 s of the interaction
READY_TIMEOUT = 30.0
SUGGESTIONS = 25
NOT_YOURS = "This button belongs to someone else's message — run the command yourself."
UNKNOWN = "I do not know that command any more; the list refreshes in a moment."


def build_client(
    shard_count: int | None, send_window: SendWindow | SharedSendWindow | None = None
) -> discord.Client:
    """A gateway client with the guilds intent only (no privileged intents, no content); with
    `send_window`, its REST requests take places in it (`build_window_trace`)."""
    intents = discord.Intents.none()
    intents.guilds = True
    kwargs: dict[str, Any] = {
        "intents": intents,
        "member_cache_flags": discord.MemberCacheFlags.none(),
        "chunk_guilds_at_startup": False,
        "enable_debug_events": False,
    }
    if send_window is not None:
        kwargs["http_trace"] = build_window_trace(send_window)
    if shard_count:
        return discord.AutoShardedClient(shard_count=shard_count, **kwargs)
    return discord.Client(**kwargs)


class DiscordBot:
    """A running Discord front end: the client, the registry and how interactions are answered."""

    def __init__(
        self,
        res: Resources,
        registry: Registry,
        *,
        client: discord.Client | None = None,
        sync_wait: float = SYNC_WAIT,
    ) -> None:
        settings = res.settings
        if settings.DISCORD_BOT_TOKEN is None:
            raise ConfigError("DISCORD_BOT_TOKEN is not set")
        self.res = res
        self.registry = registry
        self.client = client or build_client(settings.DISCORD_SHARD_COUNT)
        self.sender = DiscordSender(self.client)
        self.sync_wait = sync_wait
        self.dev_guild_id = settings.DISCORD_DEV_GUILD_ID
        self.application_id: int | None = None
        self.invite_url: str | None = None
        self._memory = Memory()
        self._capabilities = build_capabilities()
        self._task: asyncio.Task[None] | None = None
        self.client.event(self.on_interaction)
        self.client.event(self.on_guild_join)
        self.client.event(self.on_guild_remove)
        self.client.event(self.on_guild_available)

    def context(self, interaction: discord.Interaction | None = None) -> Context:
        """A handler context: Discord's capabilities, the bot's shared memory and, for an
        interaction in a server, that server."""
        server = None
        if interaction is not None and interaction.guild is not None:
            server = DiscordServer(interaction.guild, interaction.user)
        return Context(self.res, self._capabilities, self._memory, self.sync_wait, server)

    # ------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Log in, register commands when changed, connect to the gateway and wait for READY."""
        settings = self.res.settings
        assert settings.DISCORD_BOT_TOKEN is not None
        point_at_api(settings)
        try:
            await self.client.login(settings.DISCORD_BOT_TOKEN.get_secret_value())
        except discord.LoginFailure:
            raise ConfigError("Discord refused DISCORD_BOT_TOKEN") from None
        except (discord.HTTPException, OSError) as exc:
            raise ConfigError(
                f"cannot reach Discord at DISCORD_API_URL: {exc.__class__.__name__}"
            ) from None
        _, gateway, _ = await self.client.http.get_bot_gateway()
        # A plain Client connects to a hard-coded gateway; take Discord's answer instead.
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
        self.application_id = self.client.application_id
        assert self.application_id is not None
        self.invite_url = build_invite_url(self.application_id)
        log.info("Discord bot invite URL: %s", self.invite_url)
        await self.sync_commands()
        self._task = asyncio.create_task(self._connect())
        ready = asyncio.create_task(self.client.wait_until_ready())
        await asyncio.wait(
            {ready, self._task}, timeout=READY_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
        )
        if not ready.done():
            ready.cancel()
            if self._task.done() and self._task.exception() is not None:
                raise ConfigError(
                    f"Discord gateway refused the bot: {self._task.exception().__class__.__name__}"
                )
            raise ConfigError("Discord gateway did not become ready")
        log.info("Discord bot is connected to %d servers", len(self.client.guilds))

    async def _connect(self) -> None:
        try:
            await self.client.connect(reconnect=True)
        except asyncio.CancelledError:
            raise
        except Exception:  # boundary: the gateway task ends; the process keeps its other parts
            log.exception("Discord gateway connection ended")
            raise

    async def sync_commands(self) -> bool:
        """Register the slash commands when they differ from Discord's; True when registered."""
        assert self.application_id is not None
        http = self.client.http
        wanted = build_commands(self.registry)
        if self.dev_guild_id is not None:
            current = await http.get_guild_commands(self.application_id, self.dev_guild_id)
        else:
            current = await http.get_global_commands(self.application_id)
        if not commands_changed(wanted, current):  # type: ignore[arg-type]
            log.info("Discord slash commands unchanged (%d)", len(wanted))
            return False
        if self.dev_guild_id is not None:
            await http.bulk_upsert_guild_commands(
                self.application_id,
                self.dev_guild_id,
                wanted,
            )
        else:
            await http.bulk_upsert_global_commands(self.application_id, wanted)
        where = f"server {self.dev_guild_id}" if self.dev_guild_id is not None else "globally"
        log.info("Discord slash commands registered %s (%d)", where, len(wanted))
        return True

    async def stop(self) -> None:
        """Close the gateway and the client."""
        self.res.messenger.unregister(ChatPlatform.DISCORD, self.sender)
        await self.client.close()
        if self._task is not None:
            await cancel_and_wait(self._task)  # whatever it ended with: stopping regardless

    # ------------------------------------------------------------ guild membership

    async def on_guild_join(self, guild: discord.Guild) -> None:
        """The bot was added to a server: a setup it had before resumes."""
        resumed = await gq.mark_guild_returned(self.res.db.write, str(guild.id))
        log.info(
            "Discord: added to a server (%d servers now; setup resumed: %s)",
            len(self.client.guilds),
            resumed,
        )

    async def on_guild_available(self, guild: discord.Guild) -> None:
        """A server the bot is in came online (start-up, reconnect): its setup is active."""
        if await gq.mark_guild_returned(self.res.db.write, str(guild.id)):
            log.info("Discord: a server's setup resumed")

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """The bot was removed from a server: its setup is kept, but paused."""
        paused = await gq.mark_guild_removed(self.res.db.write, str(guild.id), datetime.now(UTC))
        log.info(
            "Discord: removed from a server (%d servers now; setup paused: %s)",
            len(self.client.guilds),
            paused,
        )

    # ------------------------------------------------------------ interactions

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """Every interaction: slash commands, autocomplete, buttons and selects."""
        kind = interaction.type
        try:
            if kind is discord.InteractionType.application_command:
                inv = build_command_invocation(interaction, self.registry)
                if inv is None:
                    await interaction.response.send_message(UNKNOWN, ephemeral=True)
                    return
                await self.answer(interaction, inv, component=False)
            elif kind is discord.InteractionType.autocomplete:
                await self.suggest(interaction)
            elif kind is discord.InteractionType.component:
                pressed = build_component_invocation(interaction)
                if pressed is None:
                    return  # not one of ours
                inv, owner = pressed
                if not may_press(owner, interaction.user.id):
                    await interaction.response.send_message(NOT_YOURS, ephemeral=True)
                    return
                await self.answer(interaction, inv, component=True)
        except Exception:  # boundary: whatever failed, the person gets an answer if possible
            data: dict[str, Any] = interaction.data or {}  # type: ignore[assignment]
            what = Invocation(
                ChatPlatform.DISCORD,
                str(interaction.user.id),
                str(interaction.user.id),
                str(data.get("name", "")),
                is_private=interaction.guild_id is None,
                callback=str(data["custom_id"]) if "custom_id" in data else None,
            )
            await self._apologize(interaction, log_failure(what, "answering", log))

    async def suggest(self, interaction: discord.Interaction) -> None:
        """Autocomplete: suggestions from the focused argument's `suggest`."""
        data: dict[str, Any] = interaction.data or {}  # type: ignore[assignment]
        command = self.registry.get(str(data.get("name", "")))
        focused = focused_option(data.get("options") or [])
        choices: list[app_commands.Choice[str]] = []
        if command is not None and focused is not None:
            args = list(command.args) + [a for s in command.subcommands for a in s.args]
            arg = next((a for a in args if str(focused.get("name", "")).startswith(a.name)), None)
            if arg is not None and arg.suggest is not None:
                typed = str(focused.get("value", ""))[:100]
                choices = [
                    app_commands.Choice(name=s[:100], value=s[:100])
                    for s in arg.suggest(typed)[:SUGGESTIONS]
                ]
        await interaction.response.autocomplete(choices)

    async def answer(
        self, interaction: discord.Interaction, inv: Invocation, *, component: bool
    ) -> None:
        """Dispatch and respond within the deadline: directly, or deferred then edited."""
        ephemeral = inv.private_reply
        deferring: list[asyncio.Task[object]] = []

        def defer() -> None:
            # Still working as the deadline nears: acknowledge now, edit the answer in later.
            if component:
                deferring.append(asyncio.create_task(interaction.response.defer()))
            else:
                deferring.append(
                    asyncio.create_task(
                        interaction.response.defer(ephemeral=ephemeral, thinking=True)
                    )
                )

        timer = asyncio.get_running_loop().call_later(DEFER_AFTER, defer)
        try:
            reply = await dispatch(self.context(interaction), self.registry, inv)
        finally:
            timer.cancel()
        deferred = bool(deferring)
        if deferred:
            await deferring[0]
        owner = inv.user_id
        if deferred:
            if component and not reply.edit:
                await interaction.followup.send(**_message(reply, owner), ephemeral=ephemeral)
            else:
                await interaction.edit_original_response(**_edit(reply, owner))
        elif component and reply.edit:
            await interaction.response.edit_message(**_edit(reply, owner))
        else:
            await interaction.response.send_message(**_message(reply, owner), ephemeral=ephemeral)
        if reply.followup is not None:
            result = await reply.followup()
            if result is not None:
                await interaction.edit_original_response(**_edit(result, owner))

    async def _apologize(self, interaction: discord.Interaction, error_id: str) -> None:
        text = render_apology(error_id)
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True)
            else:
                await interaction.response.send_message(text, ephemeral=True)
        except (discord.HTTPException, OSError) as exc:
            log.warning("discord: apology not sent either: %s", exc.__class__.__name__)


def _message(reply: Reply, owner: str) -> dict[str, Any]:
    """Keyword arguments of a new message."""
    kwargs: dict[str, Any] = {"embed": render_embed(reply.text)}
    view = render_view(reply, owner)
    if view is not None:
        kwargs["view"] = view
    return kwargs


def _edit(reply: Reply, owner: str) -> dict[str, Any]:
    """Keyword arguments of an edit: the new embed, and components (or none) in place."""
    return {"content": None, "embed": render_embed(reply.text), "view": render_view(reply, owner)}


async def start_discord_bot(
    res: Resources,
    stack: AsyncExitStack,
    *,
    registry: Registry | None = None,
    sync_wait: float = SYNC_WAIT,
    send_window: SendWindow | SharedSendWindow | None = None,
) -> DiscordBot:
    """Start the bot on a composition root's resources; `stack` stops it.

    Also registers its sender with the Messenger, so notices reach Discord users. With
    `send_window` (the bot token's shared one: `contestsync discord` takes places as replies,
    `contestsync run`, whose worker sends through this client, as bulk) the client's REST
    requests take places in it.
    """
    client = None
    if send_window is not None:
        client = build_client(res.settings.DISCORD_SHARD_COUNT, send_window)
    bot = DiscordBot(res, registry or build_registry(), client=client, sync_wait=sync_wait)
    stack.push_async_callback(bot.stop)
    await bot.start()
    res.messenger.register(ChatPlatform.DISCORD, bot.sender)
    return bot
