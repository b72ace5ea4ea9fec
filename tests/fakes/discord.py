"""A fake of Discord — REST API and gateway WebSocket — that the real discord.py client talks to.

One aiohttp app serves the REST API under ``/api/v10`` and the gateway at ``/gateway``; point a
bot at it with ``DISCORD_API_URL = fake.api_url``; ``GET /gateway/bot`` names the WebSocket URL.
Tests play people and server admins (``slash``, ``press``, ``select``, ``autocomplete``,
``add_guild``, ``remove_guild``, ``drop_gateway``) and read what the bot did (``calls``,
``Interaction.responses``, ``channel_messages``, ``member_roles``). Every REST call is recorded,
failed ones too.

Behaviour copied from Discord (and easy to get wrong against a looser fake):

- Bodies are JSON (or multipart with ``payload_json``); answers are ``Content-Type:
  application/json`` exactly; errors are ``{"message", "code"[, "errors"]}`` with Discord's codes
  (10062 Unknown interaction, 40060 already acknowledged, 50013 Missing Permissions, 50035
  Invalid Form Body, 10003 Unknown Channel, 10011 Unknown Role, 10008 Unknown Message).
- Bot routes need ``Authorization: Bot <token>`` (401 otherwise); interaction callbacks and
  webhooks are authorised by the interaction token in the URL instead.
- An interaction accepts one initial response, within 3 seconds of its creation (later: 404
  Unknown interaction); follow-ups and edits of ``@original`` work for 15 minutes.
- Content ≤ 2,000 characters, ≤ 10 embeds (description ≤ 4,096), ≤ 5 action rows of ≤ 5
  buttons, custom ids ≤ 100 characters, select menus with 1–25 options; a component response
  (types 6/7) only to a component, choices (type 8, ≤ 25) only to an autocomplete.
- Permissions are computed as Discord does (@everyone, roles, administrator, channel
  overwrites for @everyone, roles and the member): sending needs View Channel + Send Messages,
  embeds need Embed Links; roles are managed only below the bot's highest role with Manage Roles.
- ``rate_limit(route, retry_after)`` answers the next call of a route with 429, ``retry_after``,
  ``X-RateLimit-*`` headers and ``Via`` (discord.py treats a 429 without ``Via`` as a Cloudflare
  ban); ``fail_next(route, status, code, message)`` injects 403/404/5xx.
- The gateway sends HELLO, answers IDENTIFY with READY (``resume_gateway_url``) then one
  GUILD_CREATE per guild, ACKs heartbeats, and after a dropped connection accepts RESUME,
  replaying the events the client missed, then RESUMED.

Deliberate simplifications: one shard; no zlib compression (discord.py accepts text frames); no
presence, typing or message-content events (the bot asks for the guilds intent only); channel
and guild objects carry the fields discord.py reads, not every field Discord sends.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes.server import LocalServer

Json = dict[str, Any]

API_PREFIX = "/api/v10"
DISCORD_EPOCH_MS = 1420070400000
INTERACTION_DEADLINE = 3.0
TOKEN_LIFETIME = 15 * 60.0
HEARTBEAT_INTERVAL_MS = 41250
CONTENT_LIMIT = 2000
EMBED_DESCRIPTION_LIMIT = 4096
EPHEMERAL = 1 << 6

# Permission bits (https://discord.com/developers/docs/topics/permissions)
CREATE_INSTANT_INVITE = 1 << 0
ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
MANAGE_ROLES = 1 << 28
MANAGE_EVENTS = 1 << 33
USE_APPLICATION_COMMANDS = 1 << 31
ALL_PERMISSIONS = (1 << 51) - 1
DEFAULT_EVERYONE = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY

COMMAND_OPTION_TYPES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}


class DiscordError(Exception):
    """An error answer: HTTP status, Discord's JSON error code and message."""

    def __init__(self, status: int, code: int, message: str, errors: Json | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors


def _invalid(path: str, message: str) -> DiscordError:
    errors: Json = {}
    node = errors
    parts = path.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = {"_errors": [{"code": "BASE_TYPE_INVALID", "message": message}]}
    return DiscordError(400, 50035, "Invalid Form Body", errors)


def iso(ts: float | None = None) -> str:
    """Discord's ISO-8601 timestamps."""
    return datetime.fromtimestamp(ts if ts is not None else time.time(), UTC).isoformat()


@dataclass
class Call:
    """One REST request as the fake saw it."""

    method: str
    path: str  # without the /api/v10 prefix, ids included
    route: str  # the route template, e.g. "POST /channels/{channel_id}/messages"
    body: Any
    query: dict[str, str]
    status: int = 0


@dataclass
class Interaction:
    """One interaction the fake created, and everything the bot answered to it."""

    id: str
    token: str
    payload: Json
    created: float
    responses: list[Json] = field(default_factory=list)  # callback bodies, in order
    followups: list[Json] = field(default_factory=list)
    original: Json | None = None  # the message of the response, as it stands
    answered: asyncio.Event = field(default_factory=asyncio.Event)
    edited: asyncio.Event = field(default_factory=asyncio.Event)
    edits: int = 0  # PATCHes of @original
    sent_at: float | None = None  # time.perf_counter() when INTERACTION_CREATE went out
    answered_at: float | None = None  # time.perf_counter() when the initial response came

    @property
    def response_type(self) -> int | None:
        """The type of the initial response, if any."""
        return self.responses[0]["type"] if self.responses else None

    @property
    def ephemeral(self) -> bool:
        """The response (or the deferral) is shown to the asker only."""
        if not self.responses:
            return False
        data = self.responses[0].get("data") or {}
        return bool(int(data.get("flags", 0)) & EPHEMERAL)

    async def wait_answered(self, within: float = 5.0) -> Json:
        """The initial response, waiting for it."""
        await asyncio.wait_for(self.answered.wait(), within)
        return self.responses[0]

    async def wait_message(self, within: float = 10.0) -> Json:
        """The response's message once it holds content (after a defer: once edited)."""
        async with asyncio.timeout(within):
            await self.answered.wait()
            while self.original is None or self.original.get("_loading"):
                self.edited.clear()
                await self.edited.wait()
        return self.original

    async def wait_edits(self, count: int, within: float = 10.0) -> Json:
        """The response's message after at least `count` edits of it (a /sync result)."""
        async with asyncio.timeout(within):
            while self.edits < count:
                self.edited.clear()
                await self.edited.wait()
        assert self.original is not None
        return self.original


def text_of(message: Json) -> str:
    """A message's content and its embeds' titles and descriptions, as a reader sees them."""
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts.extend([embed.get("title") or "", embed.get("description") or ""])
        for f in embed.get("fields") or []:
            parts.extend([f.get("name", ""), f.get("value", "")])
    return "\n".join(p for p in parts if p)


def components_of(message: Json) -> list[Json]:
    """Every button and select of a message, row after row."""
    return [c for row in message.get("components") or [] for c in row.get("components", [])]


class FakeDiscord(LocalServer):
    """Discord's REST API and gateway for one bot application."""

    def __init__(
        self,
        token: str = "fake-discord-token",
        *,
        application_id: str = "900000000000000001",
        bot_name: str = "ContestSync",
        deadline: float = INTERACTION_DEADLINE,
    ) -> None:
        self.token = token
        self.application_id = application_id
        self.bot_user: Json = {
            "id": application_id,
            "username": bot_name,
            "discriminator": "0",
            "global_name": None,
            "avatar": None,
            "bot": True,
            "flags": 0,
            "public_flags": 0,
        }
        self.deadline = deadline
        self._ids = itertools.count(1)
        self.calls: list[Call] = []
        self.guilds: dict[str, Json] = {}
        self.guild_members: dict[str, dict[str, Json]] = {}  # guild → user → member
        self.users: dict[str, Json] = {}
        self.dm_channels: dict[str, str] = {}  # user id → DM channel id
        self.channel_messages: dict[str, list[Json]] = {}
        self.messages: dict[str, Json] = {}
        self.global_commands: list[Json] = []
        self.guild_commands: dict[str, list[Json]] = {}
        self.scheduled_events: dict[str, list[Json]] = {}
        self.interactions: dict[str, Interaction] = {}
        self._by_token: dict[str, Interaction] = {}
        self._rate_limits: dict[str, list[float]] = {}
        self._failures: dict[str, list[tuple[int, int, str]]] = {}
        # gateway
        self.sessions: dict[str, list[Json]] = {}  # session id → dispatched events
        self._ws: web.WebSocketResponse | None = None
        self._session_id: str | None = None
        self._seq = 0
        self.identifies = 0
        self.resumes = 0
        self.heartbeats = 0
        self._background: set[asyncio.Task[None]] = set()
        self.intents = 0
        self.connected = asyncio.Event()
        self.ready = asyncio.Event()
        self.app = web.Application(middlewares=[self._errors])
        self.app.router.add_get("/gateway", self._gateway)
        self.app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._api)

    # ------------------------------------------------------------------ addresses

    @property
    def api_url(self) -> str:
        """DISCORD_API_URL for a bot under test."""
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        """The WebSocket URL that GET /gateway/bot hands out."""
        return "ws" + self.base_url.removeprefix("http") + "/gateway"

    def snowflake(self) -> str:
        """A fresh id, ordered in time like Discord's."""
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return str((ms << 22) | (next(self._ids) & 0x3FFFFF))

    # ------------------------------------------------------------------ people and servers

    def user(self, user_id: str, name: str | None = None) -> Json:
        """A Discord user (made up on first use)."""
        if user_id not in self.users:
            self.users[user_id] = {
                "id": user_id,
                "username": name or f"user{user_id[-4:]}",
                "discriminator": "0",
                "global_name": name,
                "avatar": None,
                "bot": False,
                "flags": 0,
                "public_flags": 0,
            }
        return self.users[user_id]

    def add_guild(
        self,
        guild_id: str,
        *,
        name: str = "Test Server",
        owner_id: str = "100",
        channels: Iterable[str] = ("contests",),
        bot_permissions: int = DEFAULT_EVERYONE | MANAGE_ROLES | MANAGE_EVENTS,
        everyone_permissions: int = DEFAULT_EVERYONE,
        send: bool = True,
    ) -> Json:
        """A server with the bot in it (its own managed role carries `bot_permissions`);
        sends GUILD_CREATE when the gateway is connected and `send`."""
        if guild_id in self.guilds:
            guild = self.guilds[guild_id]
            guild["unavailable"] = False
        else:
            bot_role = {
                **self._role("ContestSync", bot_permissions, position=5),
                "managed": True,
                "tags": {"bot_id": self.application_id},
            }
            guild = {
                "id": guild_id,
                "name": name,
                "owner_id": owner_id,
                "roles": [
                    self._role("@everyone", everyone_permissions, role_id=guild_id),
                    bot_role,
                ],
                "channels": [],
                "unavailable": False,
            }
            self.guilds[guild_id] = guild
            self.guild_members[guild_id] = {}
            for channel_name in channels:
                self.add_channel(guild_id, channel_name)
            self.add_member(guild_id, self.application_id, roles=[bot_role["id"]])
            self.add_member(guild_id, owner_id)
        if send and self._ws is not None:
            self._schedule_dispatch("GUILD_CREATE", self._guild_payload(guild_id))
        return guild

    def remove_guild(self, guild_id: str) -> None:
        """The bot was kicked from (or left) a server: GUILD_DELETE without `unavailable`."""
        self.guilds.pop(guild_id, None)
        self.guild_members.pop(guild_id, None)
        self._schedule_dispatch("GUILD_DELETE", {"id": guild_id})

    def _role(
        self, name: str, permissions: int, *, position: int = 1, role_id: str | None = None
    ) -> Json:
        return {
            "id": role_id or self.snowflake(),
            "name": name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": 0 if role_id is not None else position,
            "permissions": str(permissions),
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }

    def add_role(
        self, guild_id: str, name: str, *, permissions: int = 0, position: int = 1
    ) -> Json:
        """A role of a server (below the bot's own role unless `position` says otherwise)."""
        role = self._role(name, permissions, position=position)
        self.guilds[guild_id]["roles"].append(role)
        self._schedule_dispatch("GUILD_ROLE_CREATE", {"guild_id": guild_id, "role": role})
        return role

    def add_channel(
        self, guild_id: str, name: str, *, overwrites: list[Json] | None = None
    ) -> Json:
        """A text channel of a server."""
        guild = self.guilds[guild_id]
        channel: Json = {
            "id": self.snowflake(),
            "type": 0,
            "guild_id": guild_id,
            "name": name,
            "position": len(guild["channels"]),
            "permission_overwrites": overwrites or [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }
        guild["channels"].append(channel)
        self.channel_messages[channel["id"]] = []
        self._schedule_dispatch("CHANNEL_CREATE", channel)
        return channel

    def channel(self, guild_id: str, name: str) -> Json:
        """A server's channel by name."""
        return next(c for c in self.guilds[guild_id]["channels"] if c["name"] == name)

    def deny_in_channel(self, channel_id: str, target_id: str, deny: int, kind: int = 0) -> None:
        """A channel overwrite denying `deny` to a role (kind 0) or a member (kind 1)."""
        channel = self._channel(channel_id)
        channel["permission_overwrites"].append(
            {"id": target_id, "type": kind, "allow": "0", "deny": str(deny)}
        )
        self._schedule_dispatch("CHANNEL_UPDATE", channel)

    def add_member(
        self,
        guild_id: str,
        user_id: str,
        *,
        name: str | None = None,
        roles: list[str] | None = None,
    ) -> Json:
        """A member of a server."""
        member = {
            "user": self.user(user_id, name),
            "roles": list(roles or []),
            "joined_at": iso(),
            "deaf": False,
            "mute": False,
            "flags": 0,
            "nick": None,
            "avatar": None,
            "pending": False,
        }
        self.guild_members[guild_id][user_id] = member
        return member

    def role_named(self, guild_id: str, name: str) -> Json | None:
        """A server's role by name."""
        return next((r for r in self.guilds[guild_id]["roles"] if r["name"] == name), None)

    def member_roles(self, guild_id: str, user_id: str) -> list[str]:
        """The role ids a member has now."""
        return list(self.guild_members[guild_id][user_id]["roles"])

    def permissions(self, guild_id: str, user_id: str, channel_id: str | None = None) -> int:
        """A member's permissions in the server (or a channel of it), as Discord computes them."""
        guild = self.guilds[guild_id]
        if guild["owner_id"] == user_id:
            return ALL_PERMISSIONS
        member = self.guild_members[guild_id].get(user_id)
        member_roles = set(member["roles"]) if member else set()
        roles = {r["id"]: r for r in guild["roles"]}
        perms = int(roles[guild_id]["permissions"])
        for role_id in member_roles:
            if role_id in roles:
                perms |= int(roles[role_id]["permissions"])
        if perms & ADMINISTRATOR:
            return ALL_PERMISSIONS
        if channel_id is None:
            return perms
        overwrites = {o["id"]: o for o in self._channel(channel_id)["permission_overwrites"]}
        if guild_id in overwrites:
            perms &= ~int(overwrites[guild_id]["deny"])
            perms |= int(overwrites[guild_id]["allow"])
        allow = deny = 0
        for role_id in member_roles:
            if role_id in overwrites:
                allow |= int(overwrites[role_id]["allow"])
                deny |= int(overwrites[role_id]["deny"])
        perms = (perms & ~deny) | allow
        if user_id in overwrites:
            perms &= ~int(overwrites[user_id]["deny"])
            perms |= int(overwrites[user_id]["allow"])
        return perms

    def _top_position(self, guild_id: str, user_id: str) -> int:
        roles = {r["id"]: r for r in self.guilds[guild_id]["roles"]}
        member = self.guild_members[guild_id][user_id]
        return max((roles[r]["position"] for r in member["roles"] if r in roles), default=0)

    def _channel(self, channel_id: str) -> Json:
        for guild in self.guilds.values():
            for channel in guild["channels"]:
                if channel["id"] == channel_id:
                    return channel
        if channel_id in self.dm_channels.values():
            return {"id": channel_id, "type": 1}
        raise DiscordError(404, 10003, "Unknown Channel")

    def _guild_payload(self, guild_id: str) -> Json:
        guild = self.guilds[guild_id]
        members = self.guild_members[guild_id]
        return {
            **guild,
            "channels": [
                {k: v for k, v in c.items() if k != "guild_id"} for c in guild["channels"]
            ],
            # Without the privileged members intent Discord sends the bot's own member only.
            "members": [members[self.application_id]],
            "member_count": len(members),
            "large": False,
            "joined_at": iso(),
            "features": [],
            "emojis": [],
            "stickers": [],
            "threads": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "voice_states": [],
            "presences": [],
            "icon": None,
            "splash": None,
            "banner": None,
            "description": None,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "system_channel_flags": 0,
            "afk_timeout": 300,
        }

    # ------------------------------------------------------------------ interactions

    def _interaction(
        self,
        kind: int,
        data: Json,
        *,
        user_id: str,
        guild_id: str | None,
        channel_id: str | None,
        message: Json | None = None,
    ) -> Interaction:
        interaction_id = self.snowflake()
        token = f"itok-{interaction_id}"
        user = self.user(user_id)
        payload: Json = {
            "id": interaction_id,
            "application_id": self.application_id,
            "type": kind,
            "data": data,
            "token": token,
            "version": 1,
            "locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": guild_id} if guild_id else {"1": user_id},
            "attachment_size_limit": 10485760,
        }
        if guild_id is not None:
            channel_id = channel_id or self.guilds[guild_id]["channels"][0]["id"]
            member = self.guild_members[guild_id].get(user_id) or self.add_member(guild_id, user_id)
            payload.update(
                guild_id=guild_id,
                guild_locale="en-US",
                channel_id=channel_id,
                channel={"id": channel_id, "type": 0, "guild_id": guild_id, "name": "x"},
                member={
                    **member,
                    "permissions": str(self.permissions(guild_id, user_id, channel_id)),
                },
                app_permissions=str(self.permissions(guild_id, self.application_id, channel_id)),
                context=0,
            )
        else:
            channel_id = channel_id or self._dm_channel(user_id)
            payload.update(
                channel_id=channel_id,
                channel={"id": channel_id, "type": 1, "recipients": [user]},
                user=user,
                app_permissions=str(ALL_PERMISSIONS & ~ADMINISTRATOR),
                context=1,
            )
        if message is not None:
            payload["message"] = message
        created = Interaction(interaction_id, token, payload, asyncio.get_running_loop().time())
        self.interactions[interaction_id] = created
        self._by_token[token] = created
        return created

    def _command(self, name: str, guild_id: str | None) -> Json:
        registered = self.guild_commands.get(guild_id or "", []) + self.global_commands
        for command in registered:
            if command["name"] == name:
                return command
        raise AssertionError(f"/{name} is not registered with the fake Discord")

    async def slash(
        self,
        name: str,
        options: list[Json] | None = None,
        *,
        user_id: str,
        guild_id: str | None = None,
        channel_id: str | None = None,
        resolved: Json | None = None,
    ) -> Interaction:
        """A person runs a registered slash command (in a DM unless `guild_id`)."""
        command = self._command(name, guild_id)
        data: Json = {
            "id": command["id"],
            "name": name,
            "type": 1,
            "options": options or [],
        }
        if guild_id is not None:
            data["guild_id"] = guild_id
        if resolved is not None:
            data["resolved"] = resolved
        interaction = self._interaction(
            2, data, user_id=user_id, guild_id=guild_id, channel_id=channel_id
        )
        interaction.sent_at = time.perf_counter()
        await self._dispatch("INTERACTION_CREATE", interaction.payload)
        return interaction

    async def autocomplete(
        self,
        name: str,
        options: list[Json],
        *,
        user_id: str,
        guild_id: str | None = None,
    ) -> Interaction:
        """Discord asks for suggestions while a person types an option (one marked `focused`)."""
        command = self._command(name, guild_id)
        data = {"id": command["id"], "name": name, "type": 1, "options": options}
        interaction = self._interaction(
            4, data, user_id=user_id, guild_id=guild_id, channel_id=None
        )
        await self._dispatch("INTERACTION_CREATE", interaction.payload)
        return interaction

    async def press(
        self,
        message: Json,
        custom_id: str,
        *,
        user_id: str,
        guild_id: str | None = None,
        values: list[str] | None = None,
    ) -> Interaction:
        """A person presses a button (or submits a select with `values`) on a message."""
        component = next(
            (c for c in components_of(message) if c.get("custom_id") == custom_id), None
        )
        if component is None:
            raise AssertionError(f"no component {custom_id!r} on that message")
        if component.get("disabled"):
            raise AssertionError(f"component {custom_id!r} is disabled")
        data: Json = {"custom_id": custom_id, "component_type": component["type"]}
        if values is not None:
            if component["type"] != 3:
                raise AssertionError("values only for a select menu")
            allowed = {o["value"] for o in component["options"]}
            assert set(values) <= allowed, "a select only offers its own options"
            data["values"] = values
        interaction = self._interaction(
            3,
            data,
            user_id=user_id,
            guild_id=guild_id,
            channel_id=message["channel_id"],
            message=message,
        )
        await self._dispatch("INTERACTION_CREATE", interaction.payload)
        return interaction

    def _dm_channel(self, user_id: str) -> str:
        if user_id not in self.dm_channels:
            channel_id = self.snowflake()
            self.dm_channels[user_id] = channel_id
            self.channel_messages[channel_id] = []
        return self.dm_channels[user_id]

    # ------------------------------------------------------------------ faults on demand

    def rate_limit(self, route: str, retry_after: float = 0.2, times: int = 1) -> None:
        """The next `times` calls of `route` ("POST /channels/{channel_id}/messages") get 429."""
        self._rate_limits.setdefault(route, []).extend([retry_after] * times)

    def fail_next(self, route: str, status: int, code: int = 0, message: str = "") -> None:
        """The next call of `route` fails with `status` and Discord's JSON error."""
        text = message or {403: "Missing Permissions", 404: "Unknown Message"}.get(status, "Error")
        self._failures.setdefault(route, []).append((status, code or status * 100 + 13, text))

    # ------------------------------------------------------------------ what happened

    def calls_to(self, route: str) -> list[Call]:
        """Recorded calls of one route template."""
        return [c for c in self.calls if c.route == route]

    def dm_messages(self, user_id: str) -> list[Json]:
        """Messages the bot posted to a person's DM channel (not answers to interactions)."""
        channel = self.channel_messages.get(self.dm_channels.get(user_id, ""), [])
        return [m for m in channel if m["type"] == 0]

    # ------------------------------------------------------------------ HTTP plumbing

    @web.middleware
    async def _errors(self, request: web.Request, handler: Any) -> web.StreamResponse:
        try:
            return await handler(request)
        except DiscordError as exc:
            body: Json = {"message": exc.message, "code": exc.code}
            if exc.errors:
                body["errors"] = exc.errors
            return _json(body, exc.status)

    async def _read(self, request: web.Request) -> Any:
        if request.method in ("GET", "DELETE") or not request.can_read_body:
            return None
        ctype = request.content_type
        if ctype == "multipart/form-data":
            form = await request.post()
            raw = form.get("payload_json")
            return json.loads(str(raw)) if raw is not None else {}
        if ctype != "application/json":
            raise DiscordError(400, 50109, "The request body contains invalid JSON.")
        try:
            return await request.json()
        except ValueError:
            raise DiscordError(400, 50109, "The request body contains invalid JSON.") from None

    async def _api(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        route, params = _route(request.method, path)
        call = Call(request.method, path, route, None, dict(request.query))
        self.calls.append(call)
        try:
            call.body = await self._read(request)
            limited = self._rate_limits.get(route)
            if limited:
                retry_after = limited.pop(0)
                call.status = 429
                return _rate_limited(retry_after, route)
            failures = self._failures.get(route)
            if failures:
                status, code, message = failures.pop(0)
                raise DiscordError(status, code, message)
            by_token = route.split(" ", 1)[1].startswith(("/interactions/", "/webhooks/"))
            if not by_token and request.headers.get("Authorization") != f"Bot {self.token}":
                raise DiscordError(401, 0, "401: Unauthorized")
            handler = getattr(self, "_h_" + _handler_name(route), None)
            if handler is None:
                raise DiscordError(404, 0, "404: Not Found")
            result = await handler(params, call.body, request)
        except DiscordError as exc:
            call.status = exc.status
            raise
        if result is None:
            call.status = 204
            return web.Response(status=204)
        call.status = 200
        return _json(result)

    # ------------------------------------------------------------------ REST: bot and app

    async def _h_get_users_me(self, p: Json, body: Any, r: web.Request) -> Json:
        return self.bot_user

    async def _h_get_users(self, p: Json, body: Any, r: web.Request) -> Json:
        # Every well-formed id is somebody on Discord; the fake makes them up on first use.
        if not p["user_id"].isdigit():
            raise DiscordError(404, 10013, "Unknown User")
        return self.user(p["user_id"])

    async def _h_get_oauth2_applications_me(self, p: Json, body: Any, r: web.Request) -> Json:
        return {
            "id": self.application_id,
            "name": self.bot_user["username"],
            "icon": None,
            "description": "",
            "rpc_origins": [],
            "bot_public": True,
            "bot_require_code_grant": False,
            "bot": self.bot_user,
            "owner": self.user("100", "owner"),
            "summary": "",
            "verify_key": "0" * 64,
            "team": None,
            "flags": 0,
            "tags": [],
        }

    async def _h_get_gateway_bot(self, p: Json, body: Any, r: web.Request) -> Json:
        return {
            "url": self.gateway_url,
            "shards": 1,
            "session_start_limit": {
                "total": 1000,
                "remaining": 999,
                "reset_after": 14400000,
                "max_concurrency": 1,
            },
        }

    # ------------------------------------------------------------------ REST: commands

    def _check_commands(self, body: Any) -> list[Json]:
        if not isinstance(body, list):
            raise _invalid("_root", "Must be an array.")
        if len(body) > 100:
            raise _invalid("_root", "Must be 100 or fewer in length.")
        names = set()
        stored: list[Json] = []
        for i, command in enumerate(body):
            name = command.get("name", "")
            if not re.fullmatch(r"[-_\w]{1,32}", name) or name != name.lower():
                raise _invalid(f"{i}.name", "Command name is invalid")
            if name in names:
                raise _invalid(f"{i}.name", "Application command names must be unique")
            names.add(name)
            if not 1 <= len(command.get("description", "")) <= 100:
                raise _invalid(f"{i}.description", "Must be between 1 and 100 in length.")
            self._check_options(command.get("options") or [], f"{i}.options")
            stored.append(
                {
                    "id": self.snowflake(),
                    "application_id": self.application_id,
                    "version": self.snowflake(),
                    "type": command.get("type", 1),
                    "default_member_permissions": command.get("default_member_permissions"),
                    "dm_permission": command.get("dm_permission", True),
                    "contexts": command.get("contexts"),
                    "integration_types": command.get("integration_types", [0]),
                    "nsfw": command.get("nsfw", False),
                    **command,
                }
            )
        return stored

    def _check_options(self, options: list[Json], where: str) -> None:
        if len(options) > 25:
            raise _invalid(where, "Must be 25 or fewer in length.")
        seen_optional = False
        for j, option in enumerate(options):
            at = f"{where}.{j}"
            if option.get("type") not in COMMAND_OPTION_TYPES:
                raise _invalid(f"{at}.type", "Value is not a valid enum value.")
            if not re.fullmatch(r"[-_\w]{1,32}", option.get("name", "")):
                raise _invalid(f"{at}.name", "Command name is invalid")
            if not 1 <= len(option.get("description", "")) <= 100:
                raise _invalid(f"{at}.description", "Must be between 1 and 100 in length.")
            if option["type"] in (1, 2):
                self._check_options(option.get("options") or [], f"{at}.options")
                continue
            if option.get("required"):
                if seen_optional:
                    raise _invalid(
                        f"{at}.required",
                        "Required options must be placed before non-required options",
                    )
            else:
                seen_optional = True
            choices = option.get("choices") or []
            if len(choices) > 25:
                raise _invalid(f"{at}.choices", "Must be 25 or fewer in length.")
            if choices and option.get("autocomplete"):
                raise _invalid(f"{at}.autocomplete", "Autocomplete cannot be set with choices")

    async def _h_get_applications_commands(self, p: Json, body: Any, r: web.Request) -> list[Json]:
        return self.global_commands

    async def _h_put_applications_commands(self, p: Json, body: Any, r: web.Request) -> list[Json]:
        self.global_commands = self._check_commands(body)
        return self.global_commands

    async def _h_get_applications_guilds_commands(
        self, p: Json, body: Any, r: web.Request
    ) -> list[Json]:
        return self.guild_commands.get(p["guild_id"], [])

    async def _h_put_applications_guilds_commands(
        self, p: Json, body: Any, r: web.Request
    ) -> list[Json]:
        if p["guild_id"] not in self.guilds:
            raise DiscordError(403, 50001, "Missing Access")
        self.guild_commands[p["guild_id"]] = self._check_commands(body)
        return self.guild_commands[p["guild_id"]]

    # ------------------------------------------------------------------ REST: interactions

    def _check_message(self, data: Json, *, where: str = "data") -> None:
        content = data.get("content")
        if content is not None and len(content) > CONTENT_LIMIT:
            raise _invalid(f"{where}.content", "Must be 2000 or fewer in length.")
        embeds = data.get("embeds") or []
        if len(embeds) > 10:
            raise _invalid(f"{where}.embeds", "Must be 10 or fewer in length.")
        for k, embed in enumerate(embeds):
            if len(embed.get("description") or "") > EMBED_DESCRIPTION_LIMIT:
                raise _invalid(
                    f"{where}.embeds.{k}.description", "Must be 4096 or fewer in length."
                )
            if len(embed.get("title") or "") > 256:
                raise _invalid(f"{where}.embeds.{k}.title", "Must be 256 or fewer in length.")
        rows = data.get("components") or []
        if len(rows) > 5:
            raise _invalid(f"{where}.components", "Must be 5 or fewer in length.")
        ids: set[str] = set()
        for k, row in enumerate(rows):
            if row.get("type") != 1:
                raise _invalid(f"{where}.components.{k}.type", "Value is not a valid enum value.")
            items = row.get("components") or []
            if not 1 <= len(items) <= 5:
                raise _invalid(
                    f"{where}.components.{k}.components", "Must be between 1 and 5 in length."
                )
            if any(c.get("type") == 3 for c in items) and len(items) != 1:
                raise _invalid(f"{where}.components.{k}.components", "A select menu fills its row")
            for m, item in enumerate(items):
                at = f"{where}.components.{k}.components.{m}"
                if item.get("type") == 2:
                    if len(item.get("label") or "") > 80:
                        raise _invalid(f"{at}.label", "Must be 80 or fewer in length.")
                    if item.get("style") == 5:
                        if not item.get("url") or item.get("custom_id"):
                            raise _invalid(f"{at}.url", "A link button has a url and no custom_id")
                        continue
                elif item.get("type") == 3:
                    options = item.get("options") or []
                    if not 1 <= len(options) <= 25:
                        raise _invalid(f"{at}.options", "Must be between 1 and 25 in length.")
                    if int(item.get("max_values", 1)) > len(options):
                        raise _invalid(f"{at}.max_values", "Must be less than or equal to options")
                else:
                    raise _invalid(f"{at}.type", "Value is not a valid enum value.")
                custom_id = item.get("custom_id") or ""
                if not 1 <= len(custom_id) <= 100:
                    raise _invalid(f"{at}.custom_id", "Must be between 1 and 100 in length.")
                if custom_id in ids:
                    raise _invalid(f"{at}.custom_id", "Component custom id cannot be duplicated")
                ids.add(custom_id)

    def _message(
        self, channel_id: str, data: Json, *, interaction: Interaction | None = None
    ) -> Json:
        message: Json = {
            "id": self.snowflake(),
            "channel_id": channel_id,
            "type": 0 if interaction is None else 20,
            "content": data.get("content") or "",
            "embeds": data.get("embeds") or [],
            "components": data.get("components") or [],
            "flags": int(data.get("flags") or 0),
            "author": self.bot_user,
            "attachments": [],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": iso(),
            "edited_timestamp": None,
            "application_id": self.application_id,
            "allowed_mentions": data.get("allowed_mentions"),
        }
        if interaction is not None:
            message["webhook_id"] = self.application_id
            guild_id = interaction.payload.get("guild_id")
            if guild_id:
                message["guild_id"] = guild_id
        self.messages[message["id"]] = message
        return message

    def _update(self, message: Json, data: Json) -> None:
        for key in ("content", "embeds", "components", "allowed_mentions"):
            if key in data:
                message[key] = (
                    data[key] if data[key] is not None else ([] if key != "content" else "")
                )
        if "flags" in data and data["flags"] is not None:
            message["flags"] = int(data["flags"])
        message["edited_timestamp"] = iso()
        message.pop("_loading", None)

    async def _h_post_interactions_callback(
        self, p: Json, body: Any, r: web.Request
    ) -> Json | None:
        interaction = self.interactions.get(p["interaction_id"])
        if interaction is None or interaction.token != p["interaction_token"]:
            raise DiscordError(404, 10062, "Unknown interaction")
        if interaction.responses:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        if asyncio.get_running_loop().time() - interaction.created > self.deadline:
            raise DiscordError(404, 10062, "Unknown interaction")
        if not isinstance(body, dict) or body.get("type") not in (1, 4, 5, 6, 7, 8, 9):
            raise _invalid("type", "Value is not a valid enum value.")
        kind = body["type"]
        itype = interaction.payload["type"]
        data = body.get("data") or {}
        if kind in (6, 7) and itype != 3:
            raise DiscordError(400, 40004, "Interaction response type is not valid here")
        if kind == 8:
            if itype != 4:
                raise DiscordError(400, 40004, "Interaction response type is not valid here")
            if len(data.get("choices") or []) > 25:
                raise _invalid("data.choices", "Must be 25 or fewer in length.")
        elif itype == 4:
            raise DiscordError(400, 40004, "Interaction response type is not valid here")
        if kind in (4, 7):
            self._check_message(data)
        interaction.responses.append(body)
        interaction.answered_at = time.perf_counter()
        channel_id = interaction.payload["channel_id"]
        if kind == 4:
            interaction.original = self._message(channel_id, data, interaction=interaction)
            self._store_in_channel(interaction, interaction.original)
        elif kind == 5:
            interaction.original = self._message(
                channel_id, {"flags": data.get("flags", 0)}, interaction=interaction
            )
            interaction.original["_loading"] = True
            self._store_in_channel(interaction, interaction.original)
        elif kind == 7:
            target = self.messages.get(interaction.payload["message"]["id"])
            if target is None:
                raise DiscordError(404, 10008, "Unknown Message")
            self._update(target, data)
            interaction.original = target
        elif kind == 6:
            interaction.original = self.messages.get(interaction.payload["message"]["id"])
        interaction.answered.set()
        if kind in (4, 7):
            interaction.edited.set()
        if r.query.get("with_response") in ("1", "true", "True"):
            resource: Json = {"type": kind}
            if interaction.original is not None and kind in (4, 5, 7):
                resource["message"] = _public(interaction.original)
            return {
                "interaction": {
                    "id": interaction.id,
                    "type": interaction.payload["type"],
                    "response_message_id": (interaction.original or {}).get("id"),
                    "response_message_loading": kind == 5,
                    "response_message_ephemeral": bool(int(data.get("flags") or 0) & EPHEMERAL),
                },
                "resource": resource,
            }
        return None

    def _store_in_channel(self, interaction: Interaction, message: Json) -> None:
        self.channel_messages.setdefault(interaction.payload["channel_id"], []).append(message)

    def _by_webhook(self, p: Json) -> Interaction:
        if p["application_id"] != self.application_id:
            raise DiscordError(404, 10015, "Unknown Webhook")
        interaction = self._by_token.get(p["interaction_token"])
        if interaction is None:
            raise DiscordError(404, 10015, "Unknown Webhook")
        if asyncio.get_running_loop().time() - interaction.created > TOKEN_LIFETIME:
            raise DiscordError(401, 50027, "Invalid Webhook Token")
        if not interaction.responses:
            raise DiscordError(404, 10015, "Unknown Webhook")
        return interaction

    async def _h_get_webhooks_original(self, p: Json, body: Any, r: web.Request) -> Json:
        interaction = self._by_webhook(p)
        if interaction.original is None:
            raise DiscordError(404, 10008, "Unknown Message")
        return _public(interaction.original)

    async def _h_patch_webhooks_original(self, p: Json, body: Any, r: web.Request) -> Json:
        interaction = self._by_webhook(p)
        if interaction.original is None:
            raise DiscordError(404, 10008, "Unknown Message")
        self._check_message(body or {}, where="_root")
        self._update(interaction.original, body or {})
        interaction.edits += 1
        interaction.edited.set()
        return _public(interaction.original)

    async def _h_delete_webhooks_original(self, p: Json, body: Any, r: web.Request) -> None:
        interaction = self._by_webhook(p)
        if interaction.original is None:
            raise DiscordError(404, 10008, "Unknown Message")
        self.messages.pop(interaction.original["id"], None)
        interaction.original = None

    async def _h_post_webhooks(self, p: Json, body: Any, r: web.Request) -> Json:
        interaction = self._by_webhook(p)
        self._check_message(body or {}, where="_root")
        message = self._message(
            interaction.payload["channel_id"], body or {}, interaction=interaction
        )
        interaction.followups.append(message)
        self._store_in_channel(interaction, message)
        return _public(message)

    async def _h_patch_webhooks_message(self, p: Json, body: Any, r: web.Request) -> Json:
        self._by_webhook(p)
        message = self.messages.get(p["message_id"])
        if message is None:
            raise DiscordError(404, 10008, "Unknown Message")
        self._check_message(body or {}, where="_root")
        self._update(message, body or {})
        return _public(message)

    # ------------------------------------------------------------------ REST: channels, DMs

    async def _h_post_users_me_channels(self, p: Json, body: Any, r: web.Request) -> Json:
        recipient = str((body or {}).get("recipient_id", ""))
        if not recipient.isdigit():
            raise _invalid("recipient_id", "Value is not snowflake.")
        channel_id = self._dm_channel(recipient)
        return {
            "id": channel_id,
            "type": 1,
            "last_message_id": None,
            "recipients": [self.user(recipient)],
            "flags": 0,
        }

    async def _h_get_channels(self, p: Json, body: Any, r: web.Request) -> Json:
        return self._channel(p["channel_id"])

    def _guild_of(self, channel_id: str) -> str | None:
        return self._channel(channel_id).get("guild_id")

    def _require(self, channel_id: str, needed: int) -> None:
        guild_id = self._guild_of(channel_id)
        if guild_id is None:
            return
        have = self.permissions(guild_id, self.application_id, channel_id)
        if have & VIEW_CHANNEL == 0:
            raise DiscordError(403, 50001, "Missing Access")
        if have & needed != needed:
            raise DiscordError(403, 50013, "Missing Permissions")

    async def _h_post_channels_messages(self, p: Json, body: Any, r: web.Request) -> Json:
        channel_id = p["channel_id"]
        self._channel(channel_id)
        data = body or {}
        needed = SEND_MESSAGES | (EMBED_LINKS if data.get("embeds") else 0)
        self._require(channel_id, needed)
        if not (data.get("content") or data.get("embeds") or data.get("components")):
            raise DiscordError(400, 50006, "Cannot send an empty message")
        self._check_message(data, where="_root")
        message = self._message(channel_id, data)
        guild_id = self._guild_of(channel_id)
        if guild_id:
            message["guild_id"] = guild_id
        self.channel_messages.setdefault(channel_id, []).append(message)
        return _public(message)

    async def _h_patch_channels_messages(self, p: Json, body: Any, r: web.Request) -> Json:
        message = self.messages.get(p["message_id"])
        if message is None or message["channel_id"] != p["channel_id"]:
            raise DiscordError(404, 10008, "Unknown Message")
        self._check_message(body or {}, where="_root")
        self._update(message, body or {})
        return _public(message)

    async def _h_put_channels_permissions(self, p: Json, body: Any, r: web.Request) -> None:
        channel = self._channel(p["channel_id"])
        guild_id = channel.get("guild_id")
        if guild_id is None or not self.permissions(guild_id, self.application_id) & MANAGE_ROLES:
            raise DiscordError(403, 50013, "Missing Permissions")
        data = body or {}
        channel["permission_overwrites"] = [
            o for o in channel["permission_overwrites"] if o["id"] != p["overwrite_id"]
        ] + [
            {
                "id": p["overwrite_id"],
                "type": int(data.get("type", 0)),
                "allow": str(data.get("allow", "0")),
                "deny": str(data.get("deny", "0")),
            }
        ]

    # ------------------------------------------------------------------ REST: roles

    def _guild(self, guild_id: str) -> Json:
        guild = self.guilds.get(guild_id)
        if guild is None:
            raise DiscordError(404, 10004, "Unknown Guild")
        return guild

    async def _h_get_guilds_roles(self, p: Json, body: Any, r: web.Request) -> list[Json]:
        return self._guild(p["guild_id"])["roles"]

    async def _h_post_guilds_roles(self, p: Json, body: Any, r: web.Request) -> Json:
        guild_id = p["guild_id"]
        guild = self._guild(guild_id)
        if not self.permissions(guild_id, self.application_id) & MANAGE_ROLES:
            raise DiscordError(403, 50013, "Missing Permissions")
        data = body or {}
        name = str(data.get("name") or "new role")
        if len(name) > 100:
            raise _invalid("name", "Must be 100 or fewer in length.")
        role = self._role(name, int(data.get("permissions") or 0), position=1)
        role["mentionable"] = bool(data.get("mentionable", False))
        guild["roles"].append(role)
        self._schedule_dispatch("GUILD_ROLE_CREATE", {"guild_id": guild_id, "role": role})
        return role

    def _manageable(self, guild_id: str, role_id: str) -> Json:
        roles = {r["id"]: r for r in self._guild(guild_id)["roles"]}
        role = roles.get(role_id)
        if role is None:
            raise DiscordError(404, 10011, "Unknown Role")
        if not self.permissions(guild_id, self.application_id) & MANAGE_ROLES:
            raise DiscordError(403, 50013, "Missing Permissions")
        if role["position"] >= self._top_position(guild_id, self.application_id) or role["managed"]:
            raise DiscordError(403, 50013, "Missing Permissions")
        return role

    async def _h_put_guilds_members_roles(self, p: Json, body: Any, r: web.Request) -> None:
        self._manageable(p["guild_id"], p["role_id"])
        member = self.guild_members[p["guild_id"]].get(p["user_id"])
        if member is None:
            raise DiscordError(404, 10007, "Unknown Member")
        if p["role_id"] not in member["roles"]:
            member["roles"].append(p["role_id"])

    async def _h_delete_guilds_members_roles(self, p: Json, body: Any, r: web.Request) -> None:
        self._manageable(p["guild_id"], p["role_id"])
        member = self.guild_members[p["guild_id"]].get(p["user_id"])
        if member is None:
            raise DiscordError(404, 10007, "Unknown Member")
        if p["role_id"] in member["roles"]:
            member["roles"].remove(p["role_id"])

    # ------------------------------------------------------------------ REST: scheduled events

    async def _h_get_guilds_scheduled_events(
        self, p: Json, body: Any, r: web.Request
    ) -> list[Json]:
        self._guild(p["guild_id"])
        return self.scheduled_events.get(p["guild_id"], [])

    async def _h_post_guilds_scheduled_events(self, p: Json, body: Any, r: web.Request) -> Json:
        guild_id = p["guild_id"]
        self._guild(guild_id)
        if not self.permissions(guild_id, self.application_id) & MANAGE_EVENTS:
            raise DiscordError(403, 50013, "Missing Permissions")
        data = body or {}
        if data.get("entity_type") != 3:
            raise _invalid("entity_type", "Only external events are supported by this fake")
        if not (data.get("entity_metadata") or {}).get("location"):
            raise _invalid("entity_metadata.location", "This field is required")
        if not data.get("scheduled_end_time"):
            raise _invalid("scheduled_end_time", "This field is required")
        if not 1 <= len(data.get("name") or "") <= 100:
            raise _invalid("name", "Must be between 1 and 100 in length.")
        event = {
            "id": self.snowflake(),
            "guild_id": guild_id,
            "creator_id": self.application_id,
            "status": 1,
            "privacy_level": data.get("privacy_level", 2),
            "user_count": 0,
            **data,
        }
        self.scheduled_events.setdefault(guild_id, []).append(event)
        return event

    async def _h_patch_guilds_scheduled_events_event(
        self, p: Json, body: Any, r: web.Request
    ) -> Json:
        for event in self.scheduled_events.get(p["guild_id"], []):
            if event["id"] == p["event_id"]:
                event.update(body or {})
                return event
        raise DiscordError(404, 10070, "Unknown Guild Scheduled Event")

    async def _h_delete_guilds_scheduled_events_event(
        self, p: Json, body: Any, r: web.Request
    ) -> None:
        events = self.scheduled_events.get(p["guild_id"], [])
        for event in events:
            if event["id"] == p["event_id"]:
                events.remove(event)
                return None
        raise DiscordError(404, 10070, "Unknown Guild Scheduled Event")

    # ------------------------------------------------------------------ gateway

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        previous, self._ws = self._ws, ws
        if previous is not None and not previous.closed:
            await previous.close(code=4000)
        self.connected.set()
        await ws.send_str(
            json.dumps(
                {"op": 10, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}, "s": None, "t": None}
            )
        )
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            payload = json.loads(msg.data)
            op = payload.get("op")
            if op == 1:
                self.heartbeats += 1
                await ws.send_str(json.dumps({"op": 11, "d": None, "s": None, "t": None}))
            elif op == 2:
                await self._identify(ws, payload["d"])
            elif op == 6:
                await self._resume(ws, payload["d"])
        if self._ws is ws:
            self._ws = None
            self.connected.clear()
        return ws

    async def _identify(self, ws: web.WebSocketResponse, data: Json) -> None:
        if data.get("token") != self.token and data.get("token") != f"Bot {self.token}":
            await ws.close(code=4004, message=b"Authentication failed.")
            return
        intents = int(data.get("intents", 0))
        privileged = (1 << 1) | (1 << 8) | (1 << 15)
        if intents & privileged:
            await ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        self.identifies += 1
        self.intents = intents
        self._session_id = f"session-{self.snowflake()}"
        self.sessions[self._session_id] = []
        self._seq = 0
        await self._send_event(
            ws,
            "READY",
            {
                "v": 10,
                "user": self.bot_user,
                "guilds": [{"id": g, "unavailable": True} for g in self.guilds],
                "session_id": self._session_id,
                "resume_gateway_url": self.gateway_url,
                "shard": [0, 1],
                "application": {"id": self.application_id, "flags": 0},
                "private_channels": [],
                "relationships": [],
                "user_settings": {},
                "presences": [],
                "guild_join_requests": [],
                "geo_ordered_rtc_regions": [],
            },
        )
        for guild_id in list(self.guilds):
            await self._send_event(ws, "GUILD_CREATE", self._guild_payload(guild_id))
        self.ready.set()

    async def _resume(self, ws: web.WebSocketResponse, data: Json) -> None:
        session = data.get("session_id")
        if session != self._session_id or session not in self.sessions:
            await ws.send_str(json.dumps({"op": 9, "d": False, "s": None, "t": None}))
            return
        self.resumes += 1
        seen = int(data.get("seq") or 0)
        for event in self.sessions[session]:
            if event["s"] > seen:
                await ws.send_str(json.dumps(event))
        await self._send_event(ws, "RESUMED", {})
        self.ready.set()

    async def _send_event(self, ws: web.WebSocketResponse | None, name: str, data: Json) -> None:
        self._seq += 1
        event = {"op": 0, "t": name, "s": self._seq, "d": data}
        if self._session_id is not None:
            self.sessions[self._session_id].append(event)
        if ws is not None and not ws.closed:
            await ws.send_str(json.dumps(event))

    async def _dispatch(self, name: str, data: Json) -> None:
        """Send an event to the connected bot (recorded for a RESUME when it is not connected)."""
        if self._session_id is None:
            raise AssertionError("no bot has identified with the fake gateway yet")
        await self._send_event(self._ws, name, data)

    def _schedule_dispatch(self, name: str, data: Json) -> None:
        if self._session_id is None:
            return
        task = asyncio.get_running_loop().create_task(self._dispatch(name, data))
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def settle(self) -> None:
        """Wait until the events queued by the set-up helpers have been sent."""
        while self._background:
            await asyncio.gather(*self._background)

    async def drop_gateway(self, code: int = 4000) -> None:
        """Close the bot's WebSocket as a Discord restart would; the client should RESUME."""
        ws = self._ws
        self.ready.clear()
        if ws is not None:
            self._ws = None
            self.connected.clear()
            await ws.close(code=code, message=b"Unknown error")

    async def close(self) -> None:
        """Close the gateway connection, then stop serving."""
        ws = self._ws
        self._ws = None
        if ws is not None and not ws.closed:
            await ws.close(code=1001)
        await super().close()


_ROUTES: list[tuple[str, re.Pattern[str]]] = []
for _template in (
    "/users/@me",
    "/users/@me/channels",
    "/users/{user_id}",
    "/oauth2/applications/@me",
    "/gateway/bot",
    "/applications/{application_id}/commands",
    "/applications/{application_id}/guilds/{guild_id}/commands",
    "/interactions/{interaction_id}/{interaction_token}/callback",
    "/webhooks/{application_id}/{interaction_token}",
    "/webhooks/{application_id}/{interaction_token}/messages/@original",
    "/webhooks/{application_id}/{interaction_token}/messages/{message_id}",
    "/channels/{channel_id}",
    "/channels/{channel_id}/messages",
    "/channels/{channel_id}/messages/{message_id}",
    "/channels/{channel_id}/permissions/{overwrite_id}",
    "/guilds/{guild_id}/roles",
    "/guilds/{guild_id}/members/{user_id}/roles/{role_id}",
    "/guilds/{guild_id}/scheduled-events",
    "/guilds/{guild_id}/scheduled-events/{event_id}",
):
    _ROUTES.append(
        (
            _template,
            re.compile(
                "^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(_template)) + "$"
            ),
        )
    )


def _route(method: str, path: str) -> tuple[str, Json]:
    for template, pattern in _ROUTES:
        match = pattern.match(path)
        if match and not (template.endswith("{message_id}") and path.endswith("@original")):
            return f"{method} {template}", match.groupdict()
    return f"{method} {path}", {}


_NAMES = {
    "/users/@me": "users_me",
    "/users/@me/channels": "users_me_channels",
    "/users/{user_id}": "users",
    "/oauth2/applications/@me": "oauth2_applications_me",
    "/gateway/bot": "gateway_bot",
    "/applications/{application_id}/commands": "applications_commands",
    "/applications/{application_id}/guilds/{guild_id}/commands": "applications_guilds_commands",
    "/interactions/{interaction_id}/{interaction_token}/callback": "interactions_callback",
    "/webhooks/{application_id}/{interaction_token}": "webhooks",
    "/webhooks/{application_id}/{interaction_token}/messages/@original": "webhooks_original",
    "/webhooks/{application_id}/{interaction_token}/messages/{message_id}": "webhooks_message",
    "/channels/{channel_id}": "channels",
    "/channels/{channel_id}/messages": "channels_messages",
    "/channels/{channel_id}/messages/{message_id}": "channels_messages",
    "/channels/{channel_id}/permissions/{overwrite_id}": "channels_permissions",
    "/guilds/{guild_id}/roles": "guilds_roles",
    "/guilds/{guild_id}/members/{user_id}/roles/{role_id}": "guilds_members_roles",
    "/guilds/{guild_id}/scheduled-events": "guilds_scheduled_events",
    "/guilds/{guild_id}/scheduled-events/{event_id}": "guilds_scheduled_events_event",
}


def _handler_name(route: str) -> str:
    method, _, template = route.partition(" ")
    return f"{method.lower()}_{_NAMES.get(template, 'unknown')}"


def _public(message: Json) -> Json:
    return {k: v for k, v in message.items() if not k.startswith("_")}


def _json(body: Any, status: int = 200) -> web.Response:
    # Exactly application/json: with "; charset=utf-8" discord.py reads the body as text.
    response = web.Response(status=status, body=json.dumps(body).encode())
    response.headers["Content-Type"] = "application/json"
    return response


def _rate_limited(retry_after: float, bucket: str) -> web.Response:
    response = _json(
        {"message": "You are being rate limited.", "retry_after": retry_after, "global": False},
        429,
    )
    now = time.time()
    response.headers.update(
        {
            "Retry-After": str(max(1, int(retry_after + 0.999))),
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": f"{now + retry_after:.3f}",
            "X-RateLimit-Reset-After": f"{retry_after:.3f}",
            "X-RateLimit-Bucket": f"fake-{abs(hash(bucket)) % 10**8:08d}",
            "X-RateLimit-Scope": "user",
            "Via": "1.1 google",
        }
    )
    return response


MESSAGES_ROUTE = "POST /channels/{channel_id}/messages"


class FloodLimitedDiscord(FakeDiscord):
    """The fake Discord with its rate limits: the global limit (`per_second` requests of the bot
    in any second, whatever the route — interaction callbacks and webhooks are not counted, as
    on Discord — 429 with `global: true` beyond it) and each channel's bucket for posting
    messages (5 per 5 s), announced on every answer with ``X-RateLimit-*`` headers as discord.py
    reads them. `counted` holds when each request the global limit let through arrived."""

    CHANNEL_LIMIT, CHANNEL_PERIOD = 5, 5.0

    def __init__(self, per_second: int = 50) -> None:
        super().__init__()
        self.per_second = per_second
        self.window: deque[float] = deque()
        self.counted: list[float] = []
        self.buckets: dict[str, deque[float]] = {}
        self.refused_global = 0
        self.refused_bucket = 0

    def busiest_second(self) -> int:
        """The most requests the global limit counted within any one second."""
        most, first = 0, 0
        for last, arrived in enumerate(self.counted):
            while arrived - self.counted[first] >= 1.0:
                first += 1
            most = max(most, last - first + 1)
        return most

    async def _api(self, request: web.Request) -> web.StreamResponse:
        route, params = _route(request.method, "/" + request.match_info["tail"])
        if route.split(" ", 1)[1].startswith(("/interactions/", "/webhooks/")):
            return await super()._api(request)
        now = time.monotonic()
        while self.window and now - self.window[0] >= 1.0:
            self.window.popleft()
        if len(self.window) >= self.per_second:
            self.refused_global += 1
            return _globally_limited(self.window[0] + 1.0 - now)
        self.window.append(now)
        self.counted.append(now)
        if route != MESSAGES_ROUTE:
            return await super()._api(request)
        bucket = self.buckets.setdefault(params["channel_id"], deque())
        while bucket and now - bucket[0] >= self.CHANNEL_PERIOD:
            bucket.popleft()
        if len(bucket) >= self.CHANNEL_LIMIT:
            self.refused_bucket += 1
            return _rate_limited(bucket[0] + self.CHANNEL_PERIOD - now, route)
        bucket.append(now)
        response = await super()._api(request)
        reset_after = bucket[0] + self.CHANNEL_PERIOD - now
        response.headers.update(
            {
                "X-RateLimit-Limit": str(self.CHANNEL_LIMIT),
                "X-RateLimit-Remaining": str(self.CHANNEL_LIMIT - len(bucket)),
                "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
                "X-RateLimit-Reset-After": f"{reset_after:.3f}",
                "X-RateLimit-Bucket": "fake-channel-messages",
            }
        )
        return response


def _globally_limited(retry_after: float) -> web.Response:
    response = _json(
        {"message": "You are being rate limited.", "retry_after": retry_after, "global": True},
        429,
    )
    response.headers.update(
        {
            "Retry-After": str(max(1, int(retry_after + 0.999))),
            "X-RateLimit-Global": "true",
            "X-RateLimit-Scope": "global",
            "Via": "1.1 google",
        }
    )
    return response
