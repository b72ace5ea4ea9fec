"""The one way into a command: resolve it, route button presses, apply the one error policy."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import replace

from bot.core.registry import Command, Registry
from bot.core.render import MESSAGE_LIMIT, render_clamped, render_private_only
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

# Button data is "<prefix>" or "<prefix>:<details>"; short prefixes keep it under 64 bytes.
# A prefix not listed here is taken as the owning command's own name ("connect", "upcoming", …).
CALLBACK_OWNERS = {
    "pf": "platforms",
    "up": "upcoming",
    "dc": "disconnect",
    "del": "deleteme",
    "la": "link",
    "ul": "unlink",
}

Followup = Callable[[], Awaitable[Reply | None]]


def callback_owner(data: str) -> str:
    """The name of the command a button's data belongs to."""
    prefix = data.split(":", 1)[0].strip().lower()
    return CALLBACK_OWNERS.get(prefix, prefix)


def command_name(inv: Invocation) -> str:
    """The command an invocation asks for: from the button data, else the typed name."""
    if inv.callback is not None:
        return callback_owner(inv.callback)
    # Adapters strip these already; tolerate "/help" and Telegram's "help@SomeBot" anyway.
    return inv.command.strip().lstrip("/").split("@", 1)[0].lower()


def _error_reply(command: str, inv: Invocation) -> Reply:
    error_id = secrets.token_hex(4)
    log.exception(
        "/%s failed for a %s %s chat (error %s)",
        command,
        inv.chat_platform.value,
        "private" if inv.is_private else "group",
        error_id,
    )
    return Reply(
        text=f"Sorry, something went wrong on our side (error {error_id}). Please try again."
    )


def _checked(reply: Reply, command: str) -> Reply:
    """Keep a reply within what every chat platform accepts."""
    if not reply.text.strip():
        log.warning("/%s answered an empty text", command)
        return replace(reply, text="Done.")
    if len(reply.text) > MESSAGE_LIMIT:
        log.warning("/%s answered %d characters; cut to the limit", command, len(reply.text))
        return replace(reply, text=render_clamped(reply.text))
    return reply


def _guarded(followup: Followup, command: str, inv: Invocation) -> Followup:
    """The same error policy for a reply's follow-up, which runs after dispatch returned."""

    async def run() -> Reply | None:
        try:
            result = await followup()
        except UserError as exc:
            return Reply(text=str(exc), edit=True)
        except Exception:  # boundary: the follow-up is still part of answering the command
            return replace(_error_reply(command, inv), edit=True)
        return None if result is None else _checked(result, command)

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


# Commands that only read the asker's settings; any other may change them.
READ_ONLY_COMMANDS = frozenset({"upcoming", "help", "status"})


async def run_command(ctx: Context, command: Command, inv: Invocation) -> Reply:
    """Run one resolved command under the chat rules and the error policy."""
    if command.private_only and not inv.is_private:
        return render_private_only(ctx, command.name)
    inv = replace(inv, command=command.name)
    writes = command.name not in READ_ONLY_COMMANDS
    settings_key = (inv.chat_platform.value, inv.user_id)
    try:
        if inv.is_private:
            await _ensure_identity(ctx, inv)
        if writes:
            ctx.memory.settings.pop(settings_key, None)
        reply = await command.handler(ctx, inv)
        if writes:
            ctx.memory.settings.pop(settings_key, None)
    except UserError as exc:
        return _checked(Reply(text=str(exc)), command.name)
    except Exception as exc:  # boundary: no command may leave the chat without an answer
        if is_database_outage(exc):
            log.warning("/%s: PostgreSQL unavailable (%s)", command.name, type(exc).__name__)
            return Reply(text=DATABASE_OUTAGE)
        return _error_reply(command.name, inv)
    if reply.followup is not None:
        reply = replace(reply, followup=_guarded(reply.followup, command.name, inv))
    return _checked(reply, command.name)


async def dispatch(ctx: Context, registry: Registry, inv: Invocation) -> Reply:
    """Answer one command or button press; always returns a reply, never raises."""
    name = command_name(inv)
    command = registry.get(name) if name else None
    if command is None:
        return Reply(text=EXPIRED_BUTTON if inv.callback is not None else UNKNOWN_COMMAND)
    if command.admin_only and not inv.is_admin:
        log.warning(
            "/%s refused: a %s user who is not an admin", command.name, inv.chat_platform.value
        )
        return Reply(text=ADMIN_ONLY)
    return await run_command(ctx, command, inv)
