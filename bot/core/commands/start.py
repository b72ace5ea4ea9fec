"""/start (the welcome, and deep links that run a command) and /help."""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.core.commands.common import (
    asker,
    labels,
)
from bot.core.dispatch import run_command
from bot.core.registry import Registry
from bot.core.render import (
    render_legal_links,
    render_list,
)
from bot.core.types import Button, Context, Invocation, Reply
from shared.models import User
from shared.platforms.registry import PLATFORMS

log = logging.getLogger(__name__)


def _welcome(ctx: Context, inv: Invocation, user: User | None) -> Reply:
    sites = render_list(labels(list(PLATFORMS)))
    intro = (
        f"ContestSync puts programming contests from {sites} into your Google Calendar "
        "and keeps them right when contests move or are cancelled."
    )
    if not inv.personal:
        text = (
            f"{intro}\n\nIn this group, /upcoming shows what is coming. To sync your own "
            "calendar, message me privately."
        )
        rows: list[tuple[Button, ...]] = [(Button("Upcoming contests", data="upcoming"),)]
        url = ctx.capabilities.link_to_private("start")
        if url:
            rows.append((Button("Open private chat", url=url),))
        return Reply(text, buttons=tuple(rows))
    if user is not None and user.connected:
        step = (
            f"You are connected as {user.google_email or 'your Google account'}. "
            "Choose the platforms you follow, or see what is coming up."
        )
    else:
        step = (
            "Next step: connect your Google Calendar, then choose the platforms you follow. "
            "/help lists every command."
        )
    return Reply(
        f"{intro}\n\n{step}",
        buttons=(
            (Button("Connect Google Calendar", data="connect"),),
            (Button("Choose platforms", data="platforms"),),
            (Button("Upcoming contests", data="upcoming"),),
        ),
    )


def register_start(registry: Registry) -> None:
    """/start, which sees the registry it belongs to (a deep link may run any command)."""

    # Telegram's deep link `/start <command>` runs that command; no other platform needs it.
    @registry.command("start", "What ContestSync does and how to begin")
    async def cmd_start(ctx: Context, inv: Invocation) -> Reply:
        """Welcome and next step; a deep-link payload naming a command runs that command."""
        payload = inv.args[0].lower() if inv.args and inv.callback is None else ""
        target = registry.get(payload) if payload and payload != "start" else None
        if (
            target is not None
            and target.offered_on(inv.chat_platform)
            and not (target.hidden or target.admin_only or target.server_admin)
        ):
            return await run_command(ctx, target, replace(inv, args=()))
        user = await asker(ctx, inv) if inv.personal else None
        return _welcome(ctx, inv, user)


def register_help(registry: Registry) -> None:
    """/help, generated from the registry it belongs to."""

    @registry.command("help", "List the commands", read_only=True)
    async def cmd_help(ctx: Context, inv: Invocation) -> Reply:
        """The command list, generated from the registry."""
        text = registry.render_help(private=inv.personal, chat_platform=inv.chat_platform)
        links = render_legal_links(ctx.res.settings.PUBLIC_BASE_URL)
        return Reply(f"{text}\n\n{links}")
