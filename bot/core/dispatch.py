"""The one way into a command: resolve it, route button presses, apply the one error policy."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace

from bot.core.errors import log_failure, render_apology
from bot.core.registry import Command, Registry
from bot.core.render import render_clamped, render_private_only
from bot.core.types import Context, Invocation, Reply
from shared.db import users as uq
from shared.db.pools import is_database_outage
from shared.errors import UserError

log = logging.getLogger(__name__)

UNKNOWN_COMMAND = "Unknown command, see /help."
EXPIRED_BUTTON = "This button is no longer valid, see /help."
DATABASE_OUTAGE = (
    "Sorry, ContestSync's database is unavailable for a moment (a restart, probably). "
    "Please try again in a minute."
)
ADMIN_ONLY = "Sorry, this command is for ContestSync's maintainers only."
SERVER_ADMINS_ONLY = "/{command} is for the server's admins: it needs the Manage Server permission."

Followup = Callable[[], Awaitable[Reply | None]]


def resolve(registry: Registry, inv: Invocation) -> Command | None:
    """The command an invocation asks for: the owner of the button data, else the typed name."""
    if inv.callback is not None:
        return registry.owner_of(inv.callback)
    # Adapters strip these already; tolerate "/help" and Telegram's "help@SomeBot" anyway.
    name = inv.command.strip().lstrip("/").split("@", 1)[0].lower()
    return registry.get(name) if name else None


def _error_reply(inv: Invocation) -> Reply:
    return Reply(text=render_apology(log_failure(inv, "command", log)))


def _checked(reply: Reply, command: str, limit: int) -> Reply:
    """Keep a reply within what the chat platform accepts."""
    if not reply.text.strip():
        log.warning("/%s answered an empty text", command)
        return replace(reply, text="Done.")
    if len(reply.text) > limit:
        log.warning("/%s answered %d characters; cut to the limit", command, len(reply.text))
        return replace(reply, text=render_clamped(reply.text, limit))
    return reply


def _guarded(followup: Followup, command: str, inv: Invocation, limit: int) -> Followup:
    """The same error policy for a reply's follow-up, which runs after dispatch returned."""

    async def run() -> Reply | None:
        try:
            result = await followup()
        except UserError as exc:
            return Reply(text=str(exc), edit=True)
        except Exception:  # boundary: the follow-up is still part of answering the command
            return replace(_error_reply(inv), edit=True)
        return None if result is None else _checked(result, command, limit)

    return run


async def _ensure_identity(ctx: Context, inv: Invocation) -> None:
    key = (inv.chat_platform.value, inv.user_id)
    seen = ctx.memory.identities.get(key)
    if seen is not None and seen[0] == inv.chat_id and inv.username in (None, seen[1]):
        return  # seen just so: nothing to read or write
    known = await uq.get_identity(ctx.res.db.write, *key)
    if (
        known is None
        or known.chat_id != inv.chat_id
        or (inv.username is not None and known.username != inv.username)
    ):
        async with ctx.res.db.write.acquire() as conn, conn.transaction():
            known = await uq.upsert_identity(
                conn, inv.chat_platform.value, inv.user_id, inv.chat_id, inv.username
            )
    ctx.memory.identities[key] = (known.chat_id, known.username)


async def run_command(ctx: Context, command: Command, inv: Invocation) -> Reply:
    """Run one resolved command under the chat rules and the error policy."""
    if command.private_only and not inv.personal:
        return render_private_only(ctx, command.name)
    if command.server_admin and not (inv.server_id and inv.server_admin):
        return Reply(SERVER_ADMINS_ONLY.format(command=command.name), ephemeral=True)
    inv = replace(inv, command=command.name)
    limit = ctx.capabilities.message_limit
    settings_key = (inv.chat_platform.value, inv.user_id)
    try:
        # A private chat, or a personal command answered privately, is the person's own: keep
        # their chat identity current. A server member pressing a shared button is not a user.
        if inv.is_private or (inv.personal and command.private_only):
            await _ensure_identity(ctx, inv)
        if not command.read_only:
            ctx.memory.settings.pop(settings_key, None)
        reply = await command.handler(ctx, inv)
        if not command.read_only:
            ctx.memory.settings.pop(settings_key, None)
    except UserError as exc:
        return _checked(Reply(text=str(exc)), command.name, limit)
    except Exception as exc:  # boundary: no command may leave the chat without an answer
        if is_database_outage(exc):
            log.warning("/%s: PostgreSQL unavailable (%s)", command.name, type(exc).__name__)
            return Reply(text=DATABASE_OUTAGE)
        return _error_reply(inv)
    if reply.followup is not None:
        reply = replace(reply, followup=_guarded(reply.followup, command.name, inv, limit))
    return _checked(reply, command.name, limit)


async def dispatch(ctx: Context, registry: Registry, inv: Invocation) -> Reply:
    """Answer one command or button press; always returns a reply, never raises."""
    command = resolve(registry, inv)
    if command is None or not command.offered_on(inv.chat_platform):
        return Reply(text=EXPIRED_BUTTON if inv.callback is not None else UNKNOWN_COMMAND)
    if command.admin_only and not inv.is_admin:
        log.warning(
            "/%s refused: a %s user who is not an admin", command.name, inv.chat_platform.value
        )
        return Reply(text=ADMIN_ONLY)
    return await run_command(ctx, command, inv)
