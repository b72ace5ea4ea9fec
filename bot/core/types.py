"""Chat-neutral shapes: what a command receives and what it answers.

The Telegram and Discord adapters translate their updates into an `Invocation` and render the
returned `Reply`; nothing here knows either SDK.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

from cachetools import TTLCache

from shared.models import ChatPlatform, StoredContest
from shared.resources import Resources

__all__ = [
    "Button",
    "Capabilities",
    "ChatAdmins",
    "ChatPlatform",
    "Context",
    "Handler",
    "Invocation",
    "Memory",
    "Option",
    "Reply",
    "Select",
    "ServerApi",
]

SYNC_WAIT = 120.0  # seconds a /sync answer waits for the worker before saying "still working"


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What one chat platform can show; the core shapes its replies to it.

    - message_limit: the most characters one reply may hold (Telegram 4,096; Discord 2,000).
    - private_link: a URL opening a private chat with the bot that runs a command there, with
      `{command}` standing for the command's name (Telegram's `?start=` deep link); None when
      the platform has none or needs none.
    - private_replies: a reply in a shared chat can be shown to the asker alone (Discord's
      ephemeral replies), so personal commands run there too.
    - timestamps: the platform renders `<t:unix:F>` markup in each reader's own time zone.
    """

    message_limit: int = 4096
    private_link: str | None = None
    private_replies: bool = False
    timestamps: bool = False

    def link_to_private(self, command: str) -> str | None:
        """The private-chat link that runs `command`, when the platform has one."""
        return self.private_link.replace("{command}", command) if self.private_link else None


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
class Option:
    """One option of a Select."""

    value: str
    label: str
    selected: bool = False


@dataclass(frozen=True, slots=True)
class Select:
    """A multiple choice. Platforms with select menus show one whose submission arrives as button
    data `submit` with the chosen values as `args`; the reply's buttons with data `toggles` +
    an option's value (the same choice as one button per option) are then left out."""

    submit: str
    toggles: str
    options: tuple[Option, ...]
    placeholder: str

    def __post_init__(self) -> None:
        if not 1 <= len(self.options) <= 25:
            raise ValueError("a select offers 1-25 options")


@dataclass(frozen=True, slots=True)
class Reply:
    """What a command answers: plain text (adapters escape it) and rows of buttons.

    `edit` asks to replace the message the pressed button belongs to instead of sending a new
    one; `ephemeral` asks for a reply only the asker sees; `toast` is a short, passing
    confirmation of a button press (where the platform has one). `followup`, when set, is
    awaited by the adapter after sending this reply; what it returns (if anything) replaces the
    sent message.
    """

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    edit: bool = False
    ephemeral: bool = False
    toast: str | None = None
    select: Select | None = None
    disable_preview: bool = True
    followup: Callable[[], Awaitable[Reply | None]] | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Invocation:
    """One command or button press, whoever sent it and wherever.

    `command` is the command name without the slash (for a button press, the command that owns
    the button); `args` are the whitespace-separated arguments (typed options arrive in the
    order their command declares them); `callback` is the button data of a press, None for a
    typed command. `chat_id` is the chat that reaches the person privately when `is_private` or
    `private_reply`; `private_reply` says the answer is shown to the asker alone although the
    chat is shared (a Discord slash command in a guild). `server_id` is the server (Discord
    guild) it came from; `server_admin` says the person may manage that server.
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
    private_reply: bool = False
    server_id: str | None = None
    server_admin: bool = False
    thread_id: int | None = None  # the forum topic (Telegram supergroup) it was sent in

    @property
    def personal(self) -> bool:
        """Only the asker sees the answer: a private chat, or a private reply in a shared one."""
        return self.is_private or self.private_reply


class ServerApi(Protocol):
    """What server-setup commands may ask of the chat platform, for the server they run in and
    the person who asked. Refusals by the platform are raised as UserErrors that say how to fix
    them."""

    async def text_channel(self, channel_id: str) -> str | None:
        """The name of a text channel of this server; None if it is not one."""
        ...

    async def missing_permissions(self, channel_id: str, role_ids: list[str]) -> list[str]:
        """The bot's permissions that announcing in the channel (pinging `role_ids`, creating
        scheduled events, handing out roles) needs and lacks, by their names in the server."""
        ...

    async def list_roles(self) -> dict[str, str]:
        """The server's roles that the bot may hand out: id → name."""
        ...

    async def create_role(self, name: str) -> str:
        """A new mentionable role; its id."""
        ...

    async def post(self, channel_id: str, reply: Reply) -> str:
        """Post a message whose buttons anyone in the server may press; its id."""
        ...

    async def toggle_role(self, role_id: str) -> bool:
        """Give the asker the role, or take it away; True when they have it now."""
        ...


class ChatAdmins(Protocol):
    """Who administers the shared chat (a Telegram group) a command came from, as the chat
    platform reports it; adapters provide it for group commands."""

    async def is_admin(self, user_id: str) -> bool:
        """Whether that user is one of the chat's administrators (or its creator)."""
        ...


@dataclass
class Context:
    """What handlers may use: the process's resources, the chat platform's capabilities, the
    bot's short memory, how long /sync waits for its result, and (in a server) the server."""

    res: Resources
    capabilities: Capabilities = field(default_factory=Capabilities)
    memory: Memory = field(default_factory=lambda: Memory())  # noqa: PLW0108 - defined below
    sync_wait: float = SYNC_WAIT
    server: ServerApi | None = None
    chat_admins: ChatAdmins | None = None


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
