"""Chat-neutral replies out as Telegram message parts (pure: no I/O)."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.types import Button, Capabilities

TOAST_LIMIT = 200  # answerCallbackQuery text
BUTTON_TEXT_LIMIT = 64
MESSAGE_LIMIT = 4096


def build_capabilities(bot_username: str | None) -> Capabilities:
    """Telegram's: 4,096 characters, the `t.me/<bot>?start=<command>` deep link, no ephemeral."""
    link = f"https://t.me/{bot_username}?start={{command}}" if bot_username else None
    return Capabilities(message_limit=MESSAGE_LIMIT, private_link=link)


def render_button(button: Button) -> InlineKeyboardButton:
    """A callback or link button."""
    text = " ".join(button.text.split())[:BUTTON_TEXT_LIMIT] or "•"
    if button.url is not None:
        return InlineKeyboardButton(text, url=button.url)
    return InlineKeyboardButton(text, callback_data=button.data)


def render_markup(rows: Sequence[Sequence[Button]]) -> InlineKeyboardMarkup | None:
    """The inline keyboard of a reply; None when it has no buttons."""
    keyboard = [[render_button(b) for b in row] for row in rows if row]
    return InlineKeyboardMarkup(keyboard) if keyboard else None


def render_toast(toast: str | None) -> str | None:
    """The toast shown for a button press, within Telegram's limit."""
    if not toast:
        return None
    flat = " ".join(toast.split())
    return flat if len(flat) <= TOAST_LIMIT else flat[: TOAST_LIMIT - 1] + "…"
