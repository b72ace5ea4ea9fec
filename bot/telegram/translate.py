"""Telegram updates in, chat-neutral invocations out (pure: no I/O)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from telegram import CallbackQuery, Chat, Message, User

from bot.core.types import Invocation
from shared.models import ChatPlatform

MAX_ARGS = 32  # more words than any command takes; the rest is ignored


@dataclass(frozen=True, slots=True)
class ParsedCommand:
    """A typed command: its name (lower case), arguments, and whether it named this bot."""

    name: str
    args: tuple[str, ...]
    addressed: bool


def parse_command(text: str, bot_username: str | None) -> ParsedCommand | None:
    """`/cmd@bot a b` → ("cmd", ("a", "b"), addressed=True); None when not a command for us.

    A command naming another bot (`/cmd@OtherBot`) is not ours.
    """
    # Telegram ends the command at the first whitespace of any kind (a newline too).
    words = text.split()
    if not words or not words[0].startswith("/"):
        return None
    name, _, mention = words[0][1:].partition("@")
    if not name:
        return None
    addressed = False
    if mention:
        if bot_username is None or mention.lower() != bot_username.lower():
            return None
        addressed = True
    return ParsedCommand(name.lower(), tuple(words[1 : MAX_ARGS + 1]), addressed)


def is_private(chat: Chat | None) -> bool:
    """A one-to-one chat with the bot."""
    return chat is not None and chat.type == Chat.PRIVATE


def is_admin(user: User, admin_ids: Collection[int]) -> bool:
    """A maintainer: listed in ADMIN_TELEGRAM_IDS. Membership of the maintainers' group alone
    gives no rights (anyone an admin adds to it would otherwise get them)."""
    return user.id in admin_ids


def build_command_invocation(
    message: Message,
    command: ParsedCommand,
    *,
    admin_ids: Collection[int],
) -> Invocation | None:
    """The Invocation of a command message; None when it has no sender (channel posts)."""
    user = message.from_user
    if user is None or user.is_bot:
        return None
    chat = message.chat
    return Invocation(
        chat_platform=ChatPlatform.TELEGRAM,
        user_id=str(user.id),
        chat_id=str(chat.id),
        command=command.name,
        args=command.args,
        is_private=is_private(chat),
        username=user.username,
        callback=None,
        message_id=str(message.message_id),
        is_admin=is_admin(user, admin_ids),
        thread_id=message.message_thread_id if message.is_topic_message else None,
    )


def build_button_invocation(
    query: CallbackQuery, *, admin_ids: Collection[int]
) -> Invocation | None:
    """The Invocation of a button press; None when the press carries no data."""
    if not query.data:
        return None
    user = query.from_user
    message = query.message
    chat = message.chat if message is not None else None
    return Invocation(
        chat_platform=ChatPlatform.TELEGRAM,
        user_id=str(user.id),
        chat_id=str(chat.id if chat is not None else user.id),
        command="",
        args=(),
        is_private=is_private(chat) if chat is not None else True,
        username=user.username,
        callback=query.data,
        message_id=str(message.message_id) if message is not None else None,
        is_admin=is_admin(user, admin_ids),
    )
