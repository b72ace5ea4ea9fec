"""Discord interactions in, chat-neutral invocations out (pure: no I/O)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import discord

from bot.core.registry import Arg, Command, Registry
from bot.core.types import ChatPlatform, Invocation
from bot.discord.render import ANYONE, option_names, parse_custom_id

Json = Mapping[str, Any]


def read_args(args: Sequence[Arg], options: Sequence[Json]) -> tuple[str, ...]:
    """Option values as words, in the order the command declares its arguments."""
    given = {str(o.get("name")): o.get("value") for o in options}
    words: list[str] = []
    for arg in args:
        for name in option_names(arg):
            value = given.get(name)
            if value is not None and str(value).strip():
                words.append(str(value).strip())
    return tuple(words)


def command_args(command: Command, options: Sequence[Json]) -> tuple[str, ...]:
    """The arguments of a slash command; for a group, the subcommand's name comes first."""
    if not command.subcommands:
        return read_args(command.args, options)
    for option in options:
        sub = next((s for s in command.subcommands if s.name == option.get("name")), None)
        if sub is not None:
            return (sub.name, *read_args(sub.args, option.get("options") or []))
    return ()


def focused_option(options: Sequence[Json]) -> Json | None:
    """The option a person is typing in (an autocomplete request), looking into subcommands."""
    for option in options:
        if option.get("focused"):
            return option
        nested = focused_option(option.get("options") or [])
        if nested is not None:
            return nested
    return None


def _base(interaction: discord.Interaction, command: str) -> Invocation:
    user = interaction.user
    in_guild = interaction.guild_id is not None
    perms = interaction.permissions
    return Invocation(
        chat_platform=ChatPlatform.DISCORD,
        user_id=str(user.id),
        # A person is reached privately by a DM, which the sender opens from the user id.
        chat_id=str(user.id),
        command=command,
        is_private=not in_guild,
        username=user.name,
        private_reply=in_guild,
        server_id=str(interaction.guild_id) if in_guild else None,
        server_admin=in_guild and (perms.manage_guild or perms.administrator),
    )


def build_command_invocation(
    interaction: discord.Interaction, registry: Registry
) -> Invocation | None:
    """The Invocation of a slash command; None for a command the registry does not know."""
    data: Json = interaction.data or {}
    command = registry.get(str(data.get("name", "")))
    if command is None:
        return None
    inv = _base(interaction, command.name)
    args = command_args(command, data.get("options") or [])
    return replace(inv, args=args)


def build_component_invocation(
    interaction: discord.Interaction,
) -> tuple[Invocation, str] | None:
    """(Invocation, owner) of a button press or select; None for a custom id not ours."""
    data: Json = interaction.data or {}
    parsed = parse_custom_id(str(data.get("custom_id", "")))
    if parsed is None:
        return None
    owner, callback = parsed
    values = tuple(str(v) for v in data.get("values") or ())
    inv = _base(interaction, "")
    message = interaction.message
    message_id = str(message.id) if message is not None else None
    return replace(inv, callback=callback, args=values, message_id=message_id), owner


def may_press(owner: str, user_id: int) -> bool:
    """Whether a person may use a component made for `owner`."""
    return owner == ANYONE or owner == str(user_id)
