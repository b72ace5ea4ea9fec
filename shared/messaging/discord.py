"""Outbound Discord messages: notices to a person's DMs (their user id is the identity's chat id),
and the global limit every process sending as the bot shares.

The Discord bot registers a `DiscordSender` on its own gateway client; processes without the bot
(web backend, worker) open one on a REST-only discord.py client with `open_discord_sender`.

Discord's global limit is 50 requests a second per bot token, whatever process sends them. The
worker's, the backend's and the bot process's clients (in `contestsync run`, the bot's client the
worker sends through) hold every REST request to a place in one `SharedSendWindow` for the token
in Valkey (the bot process's own requests first, as replies),
through an aiohttp trace on the client's session (`build_window_trace`): posts, edits, DM channel
lookups, scheduled events, log-ins and discord.py's own retries alike, each counted as it goes
out. discord.py waits out Discord's 429s (`retry_after`) itself and never raises them to us; the
trace sees a global one on its way and holds every process's requests for it (`pause`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager, AsyncExitStack
from types import SimpleNamespace

import aiohttp
import discord
from redis.asyncio import Redis

from shared.config import Settings
from shared.messaging import NoticeButtons
from shared.messaging.window import SendWindow, SharedSendWindow
from shared.models import ChatPlatform

log = logging.getLogger(__name__)

CHAT_PLATFORM = ChatPlatform.DISCORD
# Discord's global limit is 50 requests a second per bot token, across all our processes, and
# all of them take places in one window of 48: the worker's fan-outs and scheduled events and
# the backend's notices as bulk sends, the Discord bot process's own few REST calls (log-in,
# command sync, /setup's roles and test message, the role picker, its notices) as replies,
# which go first. The 2 left are a margin for a process that falls back to its own window for a
# moment (a Valkey call that timed out) while the others still use the shared one.
# Interaction responses and follow-ups are not counted by Discord, nor by us.
REQUESTS_PER_SECOND = 48
# While Valkey cannot be reached each process falls back to a window of its own of a third of
# the 48. It cannot know how many others are sending; but arq takes no new jobs without Valkey,
# so the senders left are the runs already under way (one delivery run at a time, as a cron
# job), the backend's notices and the bot process: the three together still keep within 48.
# (Telegram's sending processes fall back to the whole bulk share, 29 of 30; a Discord bot that
# collects 10,000 refusals in 10 minutes is banned for an hour, so a slower fan-out during an
# outage is the better risk.)
FALLBACK_PER_SECOND = 16
RETRY_AFTER_DEFAULT = 1.0  # seconds, for a global 429 without a readable Retry-After
_UNCOUNTED = ("/interactions/", "/webhooks/")  # paths under the API that Discord does not count

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


def build_send_window(
    valkey: Redis | None, *, reply: bool = False
) -> SendWindow | SharedSendWindow:
    """The window a process's Discord requests take places in: the bot token's, shared through
    `valkey` (FALLBACK_PER_SECOND of this process's own while Valkey is unreachable), where the
    bot process's requests (`reply`) go before bulk sends; without `valkey` (tests, one-off
    tools) one of this process's own of REQUESTS_PER_SECOND."""
    if valkey is None:
        return SendWindow(REQUESTS_PER_SECOND, 1.0)
    return SharedSendWindow(
        valkey,
        CHAT_PLATFORM,
        REQUESTS_PER_SECOND,
        reply=reply,
        fallback_limit=FALLBACK_PER_SECOND,
    )


def build_window_trace(window: SendWindow | SharedSendWindow) -> aiohttp.TraceConfig:
    """An aiohttp trace (discord.py's `http_trace`) under which every request of the client to
    the Discord API holds a place in `window` from before it is sent until its answer's headers
    arrive, so Discord sees at most the window's limit in any second. Interaction callbacks and
    webhooks (not counted by Discord) and the gateway pass freely. A global 429 (which discord.py
    waits out and retries itself) pauses the shared window for its Retry-After, so every
    process waits with this one instead of meeting 429s of its own."""

    async def take(
        session: aiohttp.ClientSession,
        ctx: SimpleNamespace,
        params: aiohttp.TraceRequestStartParams,
    ) -> None:
        ctx.place = None
        if not _counted(str(params.url)):
            return
        place = window.slot()
        await place.__aenter__()
        ctx.place = place

    async def answered(
        session: aiohttp.ClientSession, ctx: SimpleNamespace, params: aiohttp.TraceRequestEndParams
    ) -> None:
        try:
            headers = params.response.headers
            if (
                params.response.status == 429
                and _is_global(headers)
                and isinstance(window, SharedSendWindow)
            ):
                seconds = _retry_after(headers)
                log.info("Discord global rate limit: every process pauses %.1f s", seconds)
                await window.pause(seconds)
        finally:
            await give_back(ctx)

    async def failed(
        session: aiohttp.ClientSession,
        ctx: SimpleNamespace,
        params: aiohttp.TraceRequestExceptionParams,
    ) -> None:
        await give_back(ctx)

    async def give_back(ctx: SimpleNamespace) -> None:
        # Once only: a request that failed after its answer arrived sees both ends.
        place: AbstractAsyncContextManager[None] | None = getattr(ctx, "place", None)
        ctx.place = None
        if place is not None:
            await place.__aexit__(None, None, None)

    trace = aiohttp.TraceConfig()
    trace.on_request_start.append(take)
    trace.on_request_end.append(answered)
    trace.on_request_exception.append(failed)
    return trace


def _counted(url: str) -> bool:
    """A request Discord counts against the global limit: under the REST API, not an
    interaction callback or webhook."""
    base = discord.http.Route.BASE
    return url.startswith(base) and not url[len(base) :].startswith(_UNCOUNTED)


def _is_global(headers: Mapping[str, str]) -> bool:
    return (
        headers.get("X-RateLimit-Global", "").lower() == "true"
        or headers.get("X-RateLimit-Scope", "").lower() == "global"
    )


def _retry_after(headers: Mapping[str, str]) -> float:
    try:
        return max(float(headers.get("Retry-After", "")), 0.0) or RETRY_AFTER_DEFAULT
    except ValueError:
        return RETRY_AFTER_DEFAULT


async def open_discord_sender(
    settings: Settings, stack: AsyncExitStack, valkey: Redis | None = None
) -> DiscordSender | None:
    """A REST-only sender for a process without the Discord bot; None without a token. Its
    requests take places in the bot token's window shared through `valkey`
    (`build_send_window`).

    A Discord outage at start-up is logged, not fatal: undelivered notices stay in the outbox.
    """
    if settings.DISCORD_BOT_TOKEN is None:
        return None
    point_at_api(settings)
    # REST only (no gateway connection); the guilds flag just keeps discord.py from warning.
    client = discord.Client(
        intents=discord.Intents(guilds=True),
        http_trace=build_window_trace(build_send_window(valkey)),
    )
    stack.push_async_callback(client.close)
    sender = LazyDiscordSender(client, settings.DISCORD_BOT_TOKEN.get_secret_value())
    try:
        await sender.ready()
    except discord.LoginFailure:
        log.error("Discord notices: DISCORD_BOT_TOKEN was refused")
    except (discord.HTTPException, OSError) as exc:
        log.warning("Discord notices: %s; will retry on first send", exc.__class__.__name__)
    return sender
