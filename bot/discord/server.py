"""The server a Discord interaction came from, as the core's ServerApi: channels, the bot's
permissions, roles, posting the role picker, and the asker's roles."""

from __future__ import annotations

import logging

import discord

from bot.core.types import Reply
from bot.discord.render import ANYONE, render_embed, render_view
from shared.errors import InvalidArgumentError

log = logging.getLogger(__name__)

# What announcing needs in the channel, by the names the server settings show.
CHANNEL_PERMISSIONS = (
    ("view_channel", "View Channel"),
    ("send_messages", "Send Messages"),
    ("embed_links", "Embed Links"),
)
MENTION = ("mention_everyone", "Mention @everyone, @here and All Roles")
SERVER_PERMISSIONS = (
    ("manage_roles", "Manage Roles"),
    ("manage_events", "Manage Events"),
)
CANNOT_MANAGE = (
    "I cannot hand out that role: give me Manage Roles and drag my role (ContestSync) above it "
    "in Server Settings → Roles."
)


class DiscordServer:
    """One server and the member who asked, seen through the running client."""

    def __init__(self, guild: discord.Guild, member: discord.Member | discord.User) -> None:
        self.guild = guild
        self.member = member

    async def text_channel(self, channel_id: str) -> str | None:
        """The name of a text channel of this server; None if it is not one."""
        channel = self.guild.get_channel(int(channel_id)) if channel_id.isdigit() else None
        return channel.name if isinstance(channel, discord.TextChannel) else None

    async def missing_permissions(self, channel_id: str, role_ids: list[str]) -> list[str]:
        """The permissions announcing needs and the bot lacks (channel ones, then server ones)."""
        me = self.guild.me
        channel = self.guild.get_channel(int(channel_id))
        if me is None or not isinstance(channel, discord.TextChannel):
            return [name for _, name in CHANNEL_PERMISSIONS]
        here = channel.permissions_for(me)
        missing = [name for attr, name in CHANNEL_PERMISSIONS if not getattr(here, attr)]
        roles = [self.guild.get_role(int(r)) for r in role_ids if r.isdigit()]
        if any(r is not None and not r.mentionable for r in roles) and not here.mention_everyone:
            missing.append(MENTION[1])
        server = me.guild_permissions
        missing += [name for attr, name in SERVER_PERMISSIONS if not getattr(server, attr)]
        return missing

    async def list_roles(self) -> dict[str, str]:
        """Roles the bot may hand out: below its own top role, not managed, not @everyone."""
        me = self.guild.me
        top = me.top_role if me is not None else None
        return {
            str(r.id): r.name
            for r in self.guild.roles
            if not r.is_default() and not r.managed and (top is None or r < top)
        }

    async def create_role(self, name: str) -> str:
        """A new mentionable role."""
        try:
            role = await self.guild.create_role(
                name=name, mentionable=True, reason="ContestSync: /setup roles"
            )
        except discord.Forbidden:
            raise InvalidArgumentError(
                "I cannot create roles: give me the Manage Roles permission in Server Settings → "
                "Roles → ContestSync, then run /setup roles again."
            ) from None
        return str(role.id)

    async def post(self, channel_id: str, reply: Reply) -> str:
        """Post a message whose buttons anyone may press."""
        channel = self.guild.get_channel(int(channel_id))
        if not isinstance(channel, discord.TextChannel):
            raise InvalidArgumentError("The announcement channel is gone: /setup channel #name")
        kwargs: dict[str, object] = {"embed": render_embed(reply.text)}
        view = render_view(reply, ANYONE)
        if view is not None:
            kwargs["view"] = view
        try:
            message = await channel.send(**kwargs)  # type: ignore[call-overload]
        except discord.Forbidden:
            raise InvalidArgumentError(
                f"I cannot post in #{channel.name}: give me View Channel, Send Messages and Embed "
                "Links there (channel settings → Permissions), then run /setup roles again."
            ) from None
        return str(message.id)

    async def toggle_role(self, role_id: str) -> bool:
        """Give the asker the role, or take it away."""
        member = self.member
        if not isinstance(member, discord.Member):
            raise InvalidArgumentError("Roles exist only in a server.")
        role = discord.Object(int(role_id))
        has = any(r.id == role.id for r in member.roles)
        try:
            if has:
                await member.remove_roles(role, reason="ContestSync role picker")
            else:
                await member.add_roles(role, reason="ContestSync role picker")
        except discord.Forbidden:
            raise InvalidArgumentError(CANNOT_MANAGE) from None
        except discord.NotFound:
            raise InvalidArgumentError(
                "That role no longer exists — ask an admin to run /setup roles again."
            ) from None
        return not has
