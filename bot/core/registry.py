"""The one command registry: handlers, /help and both chat platforms' command menus come from it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from bot.core.types import Handler


@dataclass(frozen=True, slots=True)
class Command:
    """A command: its name, a one-line description, usage, and where it may run."""

    name: str
    description: str
    handler: Handler
    usage: str = ""
    private_only: bool = False
    admin_only: bool = False
    hidden: bool = False


class Registry:
    """Commands by name, in registration order (which is also the menu order)."""

    def __init__(self) -> None:
        self._commands: dict[str, Command] = {}

    def command(
        self,
        name: str,
        description: str,
        *,
        usage: str = "",
        private_only: bool = False,
        admin_only: bool = False,
        hidden: bool = False,
    ) -> Callable[[Handler], Handler]:
        """Decorator registering a handler under a command name."""

        def register(handler: Handler) -> Handler:
            if name in self._commands:
                raise ValueError(f"command /{name} registered twice")
            if not (1 <= len(description) <= 100):
                raise ValueError(f"/{name}: description must be 1-100 characters")
            self._commands[name] = Command(
                name, description, handler, usage, private_only, admin_only, hidden
            )
            return handler

        return register

    def get(self, name: str) -> Command | None:
        """The command with that name (case-insensitive), if any."""
        return self._commands.get(name.lower())

    def __iter__(self) -> Iterator[Command]:
        return iter(self._commands.values())

    def menu(self, *, include_admin: bool = False) -> list[tuple[str, str]]:
        """(name, description) pairs for a platform's command menu."""
        return [
            (c.name, c.description)
            for c in self
            if not c.hidden and (include_admin or not c.admin_only)
        ]

    def render_help(self, *, private: bool = True) -> str:
        """The /help text, generated so it cannot drift from the menus."""
        lines = ["Commands:"]
        for c in self:
            if c.hidden or c.admin_only:
                continue
            usage = f" {c.usage}" if c.usage else ""
            where = "" if private or not c.private_only else " (in a private chat)"
            lines.append(f"/{c.name}{usage} — {c.description}{where}")
        return "\n".join(lines)
