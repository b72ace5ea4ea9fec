"""The one error policy of every chat front end: one apology, one error id, one log line.

A failure on our side is logged with its traceback under a short random id, and the person sees
the apology with that id, so a report can be matched to the log. The dispatcher uses it for
commands; the Telegram and Discord adapters use it for whatever fails around dispatch.
"""

from __future__ import annotations

import logging
import secrets

from bot.core.types import Invocation

log = logging.getLogger(__name__)


def new_error_id() -> str:
    """A short id that ties an apology to its log line."""
    return secrets.token_hex(4)


def render_apology(error_id: str) -> str:
    """What a person sees when answering failed on our side."""
    return f"Sorry, something went wrong on our side (error {error_id}). Please try again."


def describe(inv: Invocation) -> str:
    """What was asked, safe to log: the command or the button's prefix, never arguments."""
    if inv.callback is not None:
        return f"button {inv.callback.split(':', 1)[0][:24]!r}"
    return f"/{inv.command[:32]}"


def log_failure(inv: Invocation, stage: str = "answering", logger: logging.Logger = log) -> str:
    """Log the exception being handled with a new error id; returns the id."""
    error_id = new_error_id()
    logger.exception(
        "%s: %s %s in a %s chat failed (error %s)",
        inv.chat_platform.value,
        stage,
        describe(inv),
        "private" if inv.is_private else "shared",
        error_id,
    )
    return error_id
