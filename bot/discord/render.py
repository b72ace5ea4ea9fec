"""The registry and chat-neutral replies as Discord sees them (pure: no I/O).

- Slash commands: one JSON definition per command the registry offers on Discord, with typed
  options built from each command's `Arg`s (choices, bounds, autocomplete, channel and role
  pickers, subcommands), compared with what Discord holds to register only on change.
- Replies: the text as an embed, buttons and selects as components whose custom ids carry the
  person they were made for (`<user id>|<button data>`, `*` for anyone), link buttons as links.
- The invite URL with the scopes and the exact permission integer the bot needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import discord

from bot.core.registry import Arg, ArgKind, Command, Registry
from bot.core.types import Button, Capabilities, ChatPlatform, Reply
from shared.messaging.discord import build_custom_id

Json = dict[str, Any]

MESSAGE_LIMIT = 2000
EMBED_COLOR = 0x5865F2
BUTTON_LABEL_LIMIT = 80
ROWS_LIMIT = 5
ROW_LIMIT = 5
ANYONE = "*"
CUSTOM_ID_LIMIT = 100
CHOICES_LIMIT = 25

# What the bot needs in a server: see channels, post (with embeds) and mention roles,
# manage the platform roles it hands out and the scheduled events of announcements.
PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    embed_links=True,
    read_message_history=True,
    mention_everyone=True,
    manage_roles=True,
    manage_events=True,
)
SCOPES = ("bot", "applications.commands")

_OPTION_TYPES = {
    ArgKind.TEXT: 3,
    ArgKind.INTEGER: 4,
    ArgKind.CHOICE: 3,
    ArgKind.TIMEZONE: 3,
    ArgKind.CHANNEL: 7,
    ArgKind.ROLE: 8,
}
_GUILD_TEXT = 0
_CONTEXT_GUILD, _CONTEXT_BOT_DM = 0, 1


def build_capabilities() -> Capabilities:
    """Discord's: 2,000 characters, ephemeral replies in servers, `<t:…>` timestamps."""
    return Capabilities(message_limit=MESSAGE_LIMIT, private_replies=True, timestamps=True)


def build_invite_url(application_id: int | str) -> str:
    """The URL that adds the bot to a server with the scopes and permissions it needs."""
    return (
        f"https://discord.com/oauth2/authorize?client_id={application_id}"
        f"&scope={'%20'.join(SCOPES)}&permissions={PERMISSIONS.value}"
    )


# ---------------------------------------------------------------- slash commands


def option_names(arg: Arg) -> list[str]:
    """The option names of an argument: `platform`, `platform2`, … for a repeated one."""
    return [arg.name if i == 0 else f"{arg.name}{i + 1}" for i in range(arg.repeat)]


def build_options(args: Sequence[Arg]) -> list[Json]:
    """Slash-command options from typed arguments (required ones first, as Discord wants)."""
    options: list[Json] = []
    for arg in args:
        for i, name in enumerate(option_names(arg)):
            option: Json = {
                "type": _OPTION_TYPES[arg.kind],
                "name": name,
                "description": arg.description,
                "required": arg.required and i == 0,
            }
            if arg.kind is ArgKind.CHOICE:
                option["choices"] = [
                    {"name": label[:100], "value": value}
                    for value, label in arg.choices[:CHOICES_LIMIT]
                ]
            if arg.kind is ArgKind.INTEGER:
                if arg.min_value is not None:
                    option["min_value"] = arg.min_value
                if arg.max_value is not None:
                    option["max_value"] = arg.max_value
            if arg.suggest is not None and arg.kind is not ArgKind.CHOICE:
                option["autocomplete"] = True
            if arg.kind is ArgKind.CHANNEL:
                option["channel_types"] = [_GUILD_TEXT]
            options.append(option)
    return sorted(options, key=lambda o: not o["required"])


def build_command(command: Command) -> Json:
    """One slash command's definition."""
    payload: Json = {
        "type": 1,
        "name": command.name,
        "description": command.description,
        "contexts": [_CONTEXT_GUILD] if command.server_admin else [_CONTEXT_GUILD, _CONTEXT_BOT_DM],
        "integration_types": [0],
        "nsfw": False,
    }
    if command.subcommands:
        payload["options"] = [
            {
                "type": 1,
                "name": sub.name,
                "description": sub.description,
                "options": build_options(sub.args),
            }
            for sub in command.subcommands
        ]
    else:
        payload["options"] = build_options(command.args)
    # Shown only to members who may manage the server; checked again at run time.
    payload["default_member_permissions"] = (
        str(discord.Permissions(manage_guild=True).value) if command.server_admin else None
    )
    return payload


def build_commands(registry: Registry) -> list[Json]:
    """Every command the registry offers on Discord (admin-only and hidden ones stay out)."""
    return [
        build_command(c)
        for c in registry.offered(ChatPlatform.DISCORD)
        if not c.hidden and not c.admin_only
    ]


_COMPARED = ("name", "description", "options", "default_member_permissions", "contexts", "type")


def _normalized(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: _normalized(v)
            for k, v in sorted(value.items())
            if v not in (None, False, []) and k not in ("id", "version", "application_id")
        }
    if isinstance(value, list):
        return [_normalized(v) for v in value]
    return value


def commands_changed(wanted: Iterable[Json], registered: Iterable[Json]) -> bool:
    """Whether Discord's registered commands differ from the wanted ones (so a sync is due)."""

    def key(commands: Iterable[Json]) -> list[Any]:
        return sorted(
            (_normalized({k: c.get(k) for k in _COMPARED}) for c in commands),
            key=lambda c: c["name"],
        )

    return key(wanted) != key(registered)


# ---------------------------------------------------------------- replies


def parse_custom_id(custom_id: str) -> tuple[str, str] | None:
    """(owner, data) of a custom id made by build_custom_id; None for anything else."""
    owner, sep, data = custom_id.partition("|")
    if not sep or not data or not (owner == ANYONE or owner.isdigit()):
        return None
    return owner, data


def render_embed(text: str) -> discord.Embed:
    """The reply's text as an embed (its first line as the title when it is short)."""
    head, _, rest = text.partition("\n")
    if rest.strip() and len(head) <= 120:
        return discord.Embed(title=head, description=rest.strip(), color=EMBED_COLOR)
    return discord.Embed(description=text, color=EMBED_COLOR)


def _button(button: Button, owner: str) -> discord.ui.Button[discord.ui.View]:
    label = " ".join(button.text.split())[:BUTTON_LABEL_LIMIT] or "•"
    if button.url is not None:
        return discord.ui.Button(label=label, url=button.url, style=discord.ButtonStyle.link)
    assert button.data is not None
    style = discord.ButtonStyle.secondary
    if label.startswith("✅"):
        style = discord.ButtonStyle.success
    return discord.ui.Button(
        label=label, custom_id=build_custom_id(owner, button.data), style=style
    )


def render_view(reply: Reply, owner: str) -> discord.ui.View | None:
    """The components of a reply, addressed to `owner` (a user id, or ANYONE); None if none.

    The view is stopped at once: presses reach the bot as interactions routed by custom id, not
    through discord.py's in-memory view store, so they keep working after a restart.
    """
    view = discord.ui.View(timeout=None)
    rows = 0
    select = reply.select
    if select is not None:
        menu: discord.ui.Select[discord.ui.View] = discord.ui.Select(
            custom_id=build_custom_id(owner, select.submit),
            placeholder=select.placeholder[:150],
            min_values=0,
            max_values=len(select.options),
            options=[
                discord.SelectOption(label=o.label[:100], value=o.value, default=o.selected)
                for o in select.options
            ],
            row=0,
        )
        view.add_item(menu)
        rows = 1
    toggles = {f"{select.toggles}{o.value}" for o in select.options} if select else set()
    for row in reply.buttons:
        kept = [b for b in row if b.data is None or b.data not in toggles]
        if not kept or rows >= ROWS_LIMIT:
            continue
        for button in kept[:ROW_LIMIT]:
            item = _button(button, owner)
            item.row = rows
            view.add_item(item)
        rows += 1
    if not view.children:
        return None
    view.stop()
    return view
