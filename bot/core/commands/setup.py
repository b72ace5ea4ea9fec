"""/setup: a Discord server's contest announcements, for its admins (Manage Server).

`/setup channel <#channel>`, `/setup platforms` (a select), `/setup roles [platform] [role]`
(one role per chosen platform, created or mapped, and a role-picker message in the channel),
`/setup reminders <minutes…>`, `/setup show`, `/setup off`. Stored per server in `guilds`; the
announcements themselves read it. The role picker's buttons (data "gr:<platform>") are for every
member: they belong to the hidden `rolepicker` command, not to /setup.
"""

from __future__ import annotations

import logging

from bot.core.commands.common import button_expired, labels, ordered
from bot.core.commands.reminders import parse_reminders
from bot.core.registry import Arg, ArgKind, Registry, Subcommand
from bot.core.render import render_list
from bot.core.types import (
    Button,
    ChatPlatform,
    Context,
    Invocation,
    Option,
    Reply,
    Select,
    ServerApi,
)
from shared.db import guilds as gq
from shared.delivery.render import render_minutes
from shared.errors import InvalidArgumentError
from shared.models import GuildSetup
from shared.platforms.registry import PLATFORMS

log = logging.getLogger(__name__)

DEFAULT_LEADS = (1440, 60)
PICKER_TEXT = (
    "Contest announcements\n"
    "Press a platform to get (or stop getting) a ping when its contests are announced here."
)
GRANT_HINT = (
    "Grant them in Server Settings → Roles → ContestSync (or in the channel's settings → "
    "Permissions), then run /setup channel again."
)


def _server(ctx: Context, inv: Invocation) -> tuple[str, ServerApi]:
    if inv.server_id is None or ctx.server is None:
        raise InvalidArgumentError("/setup works in a server, not in a direct message.")
    return inv.server_id, ctx.server


def _missing_text(missing: list[str], channel: str) -> str:
    if not missing:
        return f"I have every permission I need in #{channel}."
    return f"I am missing these permissions in #{channel}: {', '.join(missing)}. {GRANT_HINT}"


def render_setup(setup: GuildSetup | None, channel: str | None) -> str:
    """What /setup show says."""
    if setup is None:
        return "Not set up yet. Start with /setup channel <#channel>."
    state = (
        "on"
        if setup.active
        else "off (/setup channel to switch it on)"
        if not setup.enabled
        else "waiting for a channel"
        if setup.channel_id is None
        else "paused (the bot is not in this server)"
    )
    chosen = ordered(setup.platforms)
    roles = (
        ", ".join(
            f"{PLATFORMS[p].label} → <@&{r}>" for p, r in setup.roles.items() if p in PLATFORMS
        )
        or "none (/setup roles)"
    )
    leads = render_list([render_minutes(m) for m in setup.reminder_minutes])
    return "\n".join(
        [
            "Contest announcements in this server",
            f"Status: {state}",
            f"Channel: {f'<#{setup.channel_id}>' if setup.channel_id else 'none'}"
            + (f" (#{channel})" if channel else ""),
            f"Platforms: {render_list(labels(chosen)) if chosen else 'all'}",
            f"Roles: {roles}",
            f"Announced: {leads} before each contest",
        ]
    )


def _platforms_select(chosen: list[str]) -> Select:
    return Select(
        submit="gs:pf",
        toggles="gs:pf:",
        options=tuple(Option(n, p.label, n in chosen) for n, p in PLATFORMS.items()),
        placeholder="Platforms to announce (none = all)",
    )


async def cmd_setup(ctx: Context, inv: Invocation) -> Reply:
    """Set up contest announcements in this server (admins only)."""
    server_id, server = _server(ctx, inv)
    db = ctx.res.db.write
    if inv.callback is not None:
        if inv.callback != "gs:pf" or not set(inv.args) <= set(PLATFORMS):
            raise button_expired("setup platforms")
        chosen = ordered(inv.args)
        await gq.upsert_guild(db, server_id, configured_by=inv.user_id, platforms=chosen)
        log.info("server setup: %d platforms chosen", len(chosen))
        shown = render_list(labels(chosen)) if chosen else "every platform"
        return Reply(
            f"Saved: announcements for {shown}. Next: /setup roles gives each platform a role "
            "members can pick.",
            edit=True,
            select=_platforms_select(chosen),
        )
    sub, *rest = inv.args or ("show",)
    setup = await gq.get_guild(db, server_id)
    if sub == "channel":
        channel_id = rest[0] if rest else ""
        name = await server.text_channel(channel_id) if channel_id.isdigit() else None
        if name is None:
            raise InvalidArgumentError("Choose a text channel of this server: /setup channel #name")
        setup = await gq.upsert_guild(
            db, server_id, configured_by=inv.user_id, channel_id=channel_id, enabled=True
        )
        missing = await server.missing_permissions(channel_id, list(setup.roles.values()))
        log.info("server setup: channel chosen (%d permissions missing)", len(missing))
        return Reply(
            f"Contest announcements will go to #{name}. {_missing_text(missing, name)}\n\n"
            "Next: /setup platforms, then /setup roles."
        )
    if sub == "platforms":
        chosen = ordered(setup.platforms) if setup else []
        return Reply(
            "Choose the platforms whose contests this server announces.",
            select=_platforms_select(chosen),
        )
    if sub == "roles":
        return await _roles(ctx, inv, server_id, setup, rest)
    if sub == "reminders":
        minutes = parse_reminders(rest) if rest else list(DEFAULT_LEADS)
        if not minutes:
            raise InvalidArgumentError(
                "Announcements need at least one lead time, e.g. /setup reminders 1440 60."
            )
        await gq.upsert_guild(db, server_id, configured_by=inv.user_id, reminder_minutes=minutes)
        leads = render_list([render_minutes(m) for m in minutes])
        return Reply(f"Contests will be announced {leads} before they start.")
    if sub == "off":
        if setup is None or not setup.enabled:
            return Reply("Announcements are already off in this server.")
        await gq.upsert_guild(db, server_id, configured_by=inv.user_id, enabled=False)
        log.info("server setup: switched off")
        return Reply(
            "Announcements are off. Your choices are kept; /setup channel switches them on again."
        )
    if sub == "show":
        channel = (
            await server.text_channel(setup.channel_id) if setup and setup.channel_id else None
        )
        return Reply(render_setup(setup, channel))
    raise InvalidArgumentError("Use /setup channel, platforms, roles, reminders, show or off.")


async def _roles(
    ctx: Context, inv: Invocation, server_id: str, setup: GuildSetup | None, rest: list[str]
) -> Reply:
    server = ctx.server
    assert server is not None
    if setup is None or setup.channel_id is None:
        raise InvalidArgumentError("First choose the channel: /setup channel #name")
    chosen = ordered(setup.platforms) or list(PLATFORMS)
    roles = dict(setup.roles)
    existing = await server.list_roles()
    report: list[str] = []
    if rest:
        platform, role_id = [*rest, ""][:2]
        if platform not in PLATFORMS or role_id not in existing:
            raise InvalidArgumentError(
                "Give a platform and one of this server's roles below mine: "
                "/setup roles platform:<platform> role:<@role>"
            )
        roles[platform] = role_id
        report.append(f"{PLATFORMS[platform].label} → <@&{role_id}>")
    else:
        by_name = {name.lower(): rid for rid, name in existing.items()}
        for platform in chosen:
            if roles.get(platform) in existing:
                continue
            label = PLATFORMS[platform].label
            found = by_name.get(label.lower())
            if found is not None:
                roles[platform] = found
                report.append(f"{label} → <@&{found}> (existing)")
            else:
                roles[platform] = await server.create_role(label)
                report.append(f"{label} → <@&{roles[platform]}> (created)")
    setup = await gq.upsert_guild(
        ctx.res.db.write, server_id, configured_by=inv.user_id, roles=roles
    )
    picker = Reply(
        PICKER_TEXT,
        buttons=_picker_rows([p for p in chosen if p in roles]),
    )
    assert setup.channel_id is not None
    message_id = await server.post(setup.channel_id, picker)
    await gq.update_guild_picker(ctx.res.db.write, server_id, setup.channel_id, message_id)
    missing = await server.missing_permissions(setup.channel_id, list(roles.values()))
    log.info("server setup: %d platform roles, picker posted", len(roles))
    done = "; ".join(report) if report else "every platform already has its role"
    note = "" if not missing else " " + _missing_text(missing, "the announcement channel")
    return Reply(f"Roles: {done}. The role picker is posted in <#{setup.channel_id}>.{note}")


def _picker_rows(platforms: list[str]) -> tuple[tuple[Button, ...], ...]:
    buttons = [Button(PLATFORMS[p].label, data=f"gr:{p}") for p in platforms]
    return tuple(tuple(buttons[i : i + 4]) for i in range(0, len(buttons), 4))


async def cmd_rolepicker(ctx: Context, inv: Invocation) -> Reply:
    """A member pressed a platform on the role picker: add or remove that platform's role."""
    server_id, server = _server(ctx, inv)
    platform = (inv.callback or "").removeprefix("gr:")
    setup = await gq.get_guild(ctx.res.db.write, server_id)
    role_id = setup.roles.get(platform) if setup is not None else None
    if platform not in PLATFORMS or role_id is None:
        return Reply("This role picker is out of date — ask an admin to run /setup roles again.")
    label = PLATFORMS[platform].label
    if await server.toggle_role(role_id):
        return Reply(f"You now get a ping for {label} contests (<@&{role_id}>).", toast="Added")
    return Reply(f"You no longer get pings for {label} contests.", toast="Removed")


def register(registry: Registry) -> None:
    """/setup (Discord, Manage Server) and the role picker's buttons."""
    platform_choices = tuple((n, p.label) for n, p in PLATFORMS.items())
    registry.command(
        "setup",
        "Contest announcements in this server (admins)",
        subcommands=(
            Subcommand(
                "channel",
                "Where contests are announced",
                (Arg("channel", ArgKind.CHANNEL, "A text channel", required=True),),
            ),
            Subcommand("platforms", "Which platforms are announced"),
            Subcommand(
                "roles",
                "A role per platform that members can pick (created, or map one)",
                (
                    Arg(
                        "platform",
                        ArgKind.CHOICE,
                        "Map a role to this platform",
                        choices=platform_choices,
                    ),
                    Arg("role", ArgKind.ROLE, "The existing role to map"),
                ),
            ),
            Subcommand(
                "reminders",
                "How long before a contest it is announced (default 1440 60)",
                (Arg("minutes", ArgKind.TEXT, "Minutes before the start, e.g. 1440 60"),),
            ),
            Subcommand("show", "The current setup"),
            Subcommand("off", "Stop announcing contests here"),
        ),
        only_on=ChatPlatform.DISCORD,
        server_admin=True,
        button_prefixes=("gs",),
    )(cmd_setup)
    registry.command(
        "rolepicker",
        "The role picker's buttons",
        only_on=ChatPlatform.DISCORD,
        hidden=True,
        read_only=True,
        button_prefixes=("gr",),
    )(cmd_rolepicker)
