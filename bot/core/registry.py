"""The one command registry: handlers, /help and both chat platforms' command menus come from it.

Each command declares what it is (its typed arguments, whether it only reads, which button data
it owns); Telegram reads the arguments as words, Discord builds slash-command options from them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.core.types import ChatPlatform, Handler


class ArgKind(StrEnum):
    """What an argument holds; each chat platform asks for it its own way."""

    TEXT = "text"
    INTEGER = "integer"
    CHOICE = "choice"  # one of `choices`
    TIMEZONE = "timezone"  # an IANA name or a city; Discord suggests names as one types
    CHANNEL = "channel"  # a text channel of the server (Discord)
    ROLE = "role"  # a role of the server (Discord)


@dataclass(frozen=True, slots=True)
class Arg:
    """One typed argument of a command.

    `choices` are (value, label) pairs for CHOICE; `min_value`/`max_value` bound an INTEGER;
    `suggest` offers completions for a partly typed value (Discord's autocomplete);
    `repeat` lets a platform ask for the argument several times (Telegram takes any number of
    words, Discord offers `repeat` optional slots named `name`, `name2`, …). Arguments reach the
    handler as words in declaration order.
    """

    name: str
    kind: ArgKind
    description: str
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    min_value: int | None = None
    max_value: int | None = None
    repeat: int = 1
    usage: str = ""
    suggest: Callable[[str], list[str]] | None = None

    def __post_init__(self) -> None:
        if self.kind is ArgKind.CHOICE and not self.choices:
            raise ValueError(f"argument {self.name}: a choice needs choices")
        if not (1 <= len(self.description) <= 100):
            raise ValueError(f"argument {self.name}: description must be 1-100 characters")
        if self.repeat < 1:
            raise ValueError(f"argument {self.name}: repeat must be at least 1")

    def render_usage(self) -> str:
        """How /help shows it: `<name>` when required, `[name]` otherwise, `…` when repeated."""
        if self.usage:
            return self.usage
        body = f"{self.name}…" if self.repeat > 1 else self.name
        return f"<{body}>" if self.required else f"[{body}]"


@dataclass(frozen=True, slots=True)
class Subcommand:
    """One subcommand of a command group (`/setup channel <#channel>`): it reaches the group's
    handler as the first argument, its own arguments after it."""

    name: str
    description: str
    args: tuple[Arg, ...] = ()


@dataclass(frozen=True, slots=True)
class Command:
    """A command: name, one-line description, typed arguments, where it may run, what it owns.

    - private_only: personal; runs only where the answer reaches the asker alone.
    - admin_only: maintainers only (hidden from others' menus and /help).
    - read_only: never changes the asker's settings (so the bot's short memory stays valid).
    - button_prefixes: the first part of button data ("pf" in "pf:codeforces") this command
      answers besides its own name.
    - subcommands: a command group; the chosen subcommand is the first argument.
    - only_on: the one chat platform that offers the command (None: every one).
    - server_admin: for people who manage the server it runs in (Discord's Manage Server),
      checked at run time too.
    """

    name: str
    description: str
    handler: Handler
    args: tuple[Arg, ...] = ()
    private_only: bool = False
    admin_only: bool = False
    hidden: bool = False
    read_only: bool = False
    button_prefixes: tuple[str, ...] = ()
    usage_text: str = ""
    subcommands: tuple[Subcommand, ...] = ()
    only_on: ChatPlatform | None = None
    server_admin: bool = False

    def offered_on(self, chat_platform: ChatPlatform) -> bool:
        """Whether the command exists on that chat platform."""
        return self.only_on is None or self.only_on == chat_platform

    @property
    def usage(self) -> str:
        """The arguments as /help shows them."""
        if self.usage_text:
            return self.usage_text
        if self.subcommands:
            return "<" + "|".join(s.name for s in self.subcommands) + ">"
        return " ".join(a.render_usage() for a in self.args)


class Registry:
    """Commands by name, in registration order (which is also the menu order)."""

    def __init__(self) -> None:
        self._commands: dict[str, Command] = {}
        self._by_prefix: dict[str, Command] = {}

    def add(self, command: Command) -> Command:
        """Register a command; names and button prefixes must be unique."""
        if command.name in self._commands:
            raise ValueError(f"command /{command.name} registered twice")
        if not (1 <= len(command.description) <= 100):
            raise ValueError(f"/{command.name}: description must be 1-100 characters")
        for prefix in (command.name, *command.button_prefixes):
            owner = self._by_prefix.get(prefix)
            if owner is not None:
                raise ValueError(f"button prefix {prefix!r} of /{command.name} is /{owner.name}'s")
        self._commands[command.name] = command
        for prefix in (command.name, *command.button_prefixes):
            self._by_prefix[prefix] = command
        return command

    def command(  # noqa: PLR0913 - a declaration: each option keyword-only with a default
        self,
        name: str,
        description: str,
        *,
        args: Sequence[Arg] = (),
        usage: str = "",
        private_only: bool = False,
        admin_only: bool = False,
        hidden: bool = False,
        read_only: bool = False,
        button_prefixes: Sequence[str] = (),
        subcommands: Sequence[Subcommand] = (),
        only_on: ChatPlatform | None = None,
        server_admin: bool = False,
    ) -> Callable[[Handler], Handler]:
        """Decorator registering a handler under a command name."""

        def register(handler: Handler) -> Handler:
            self.add(
                Command(
                    name,
                    description,
                    handler,
                    tuple(args),
                    private_only,
                    admin_only,
                    hidden,
                    read_only,
                    tuple(button_prefixes),
                    usage,
                    tuple(subcommands),
                    only_on,
                    server_admin,
                )
            )
            return handler

        return register

    def get(self, name: str) -> Command | None:
        """The command with that name (case-insensitive), if any."""
        return self._commands.get(name.lower())

    def owner_of(self, data: str) -> Command | None:
        """The command that owns button data `<prefix>` or `<prefix>:<details>`."""
        return self._by_prefix.get(data.split(":", 1)[0].strip().lower())

    def __iter__(self) -> Iterator[Command]:
        return iter(self._commands.values())

    def offered(self, chat_platform: ChatPlatform) -> list[Command]:
        """The commands a chat platform offers, in menu order."""
        return [c for c in self if c.offered_on(chat_platform)]

    def menu(
        self,
        *,
        include_admin: bool = False,
        chat_platform: ChatPlatform = ChatPlatform.TELEGRAM,
    ) -> list[tuple[str, str]]:
        """(name, description) pairs for a platform's command menu."""
        return [
            (c.name, c.description)
            for c in self.offered(chat_platform)
            if not c.hidden and (include_admin or not c.admin_only)
        ]

    def render_help(
        self, *, private: bool = True, chat_platform: ChatPlatform = ChatPlatform.TELEGRAM
    ) -> str:
        """The /help text, generated so it cannot drift from the menus."""
        lines = ["Commands:"]
        for c in self.offered(chat_platform):
            if c.hidden or c.admin_only:
                continue
            usage = f" {c.usage}" if c.usage else ""
            where = "" if private or not c.private_only else " (in a private chat)"
            lines.append(f"/{c.name}{usage} — {c.description}{where}")
        return "\n".join(lines)
