"""Chat-neutral shapes: what a command receives and what it answers.

The Telegram and Discord adapters translate their updates into an `Invocation` and render the
returned `Reply`; nothing here knows either SDK.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum

from cachetools import TTLCache

from shared.models import StoredContest
from shared.resources import Resources


class ChatPlatform(StrEnum):
    """The chat front ends."""

    TELEGRAM = "telegram"
    DISCORD = "discord"


@dataclass(frozen=True, slots=True)
class Button:
    """An inline button: either a callback (`data`, ≤ 64 bytes) or a link (`url`)."""

    text: str
    data: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if (self.data is None) == (self.url is None):
            raise ValueError("a button has exactly one of data or url")
        if self.data is not None and len(self.data.encode()) > 64:
            raise ValueError("button data is limited to 64 bytes")


@dataclass(frozen=True, slots=True)
class Reply:
    """What a command answers: plain text (adapters escape it) and rows of buttons.

    `edit` asks to replace the message the pressed button belongs to instead of sending a new
    one; `ephemeral` asks for a reply only the asker sees (Discord); `notice` is a short toast
    for a button press (Telegram answerCallbackQuery). `followup`, when set, is awaited by the
    adapter after sending this reply; what it returns (if anything) replaces the sent message.
    """

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    edit: bool = False
    ephemeral: bool = False
    notice: str | None = None
    disable_preview: bool = True
    followup: Callable[[], Awaitable[Reply | None]] | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Invocation:
    """One command or button press, whoever sent it and wherever.

    `command` is the command name without the slash (for a button press, the command that owns
    the button); `args` are the whitespace-separated arguments; `callback` is the button data of
    a press, None for a typed command.
    """

    chat_platform: ChatPlatform
    user_id: str
    chat_id: str
    command: str
    args: tuple[str, ...] = ()
    is_private: bool = True
    username: str | None = None
    callback: str | None = None
    message_id: str | None = None
    is_admin: bool = False


@dataclass
class Context:
    """What handlers may use: the process's resources and the bot's own username (for links)."""

    res: Resources
    bot_username: str | None = None
    extras: dict[str, object] = field(default_factory=dict)
    memory: Memory = field(default_factory=lambda: Memory())


class Memory:
    """What a bot process remembers for a short while, so busy commands skip round trips.

    - identities: (chat platform, user id) → (chat id, username) as stored; a command from a
      known identity needs no identity write.
    - settings: (chat platform, user id) → (platforms, time zone) for /upcoming; dropped by any
      command that may change them in this process, and stale for at most SETTINGS_TTL seconds
      after a change made by another process.
    - contests: platform → its upcoming contests, for CONTESTS_TTL seconds (they change at
      scrapes, every half hour).
    """

    IDENTITY_TTL = 600.0
    SETTINGS_TTL = 30.0
    CONTESTS_TTL = 5.0

    def __init__(self, size: int = 10_000) -> None:
        self.identities: TTLCache[tuple[str, str], tuple[str, str | None]] = TTLCache(
            size, self.IDENTITY_TTL
        )
        self.settings: TTLCache[tuple[str, str], tuple[tuple[str, ...], str]] = TTLCache(
            size, self.SETTINGS_TTL
        )
        self.contests: TTLCache[str, list[StoredContest]] = TTLCache(64, self.CONTESTS_TTL)


Handler = Callable[[Context, Invocation], Awaitable[Reply]]
