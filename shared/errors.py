"""The one error tree of ContestSync.

User errors carry a message that is safe to show in a chat or a page; external-service errors
are retryable; configuration errors stop start-up with one readable line.
"""

from __future__ import annotations


class ContestSyncError(Exception):
    """Base of every error raised on purpose by ContestSync."""


class ConfigError(ContestSyncError):
    """A setting is missing or invalid; start-up stops with this message."""


class StartupError(ContestSyncError):
    """The process cannot start (a port taken, a service unreachable); one line, exit 1."""


class UserError(ContestSyncError):
    """Something the person asking can fix; the message is safe to show them."""


class InvalidArgumentError(UserError):
    """A command argument or query parameter is malformed."""


class NotConnectedError(UserError):
    """The user has not connected a Google Calendar yet."""


class RateLimitedError(UserError):
    """The user asked too often; the message says when to try again."""


class ExternalServiceError(ContestSyncError):
    """An outside service failed; the operation may be retried later."""


class GoogleUnavailableError(ExternalServiceError):
    """Google could not be reached, or said "later" (429, 5xx): worth another try soon."""


class PlatformError(ExternalServiceError):
    """A contest platform could not be read: fetch, API-level failure or unreadable payload."""

    def __init__(self, platform: str, cause: str) -> None:
        super().__init__(f"{platform}: {cause}")
        self.platform = platform
        self.cause = cause


class FetchError(PlatformError):
    """The HTTP exchange with a platform failed (network, status, size, content type)."""


class ParseError(PlatformError):
    """The payload is not what the platform normally sends, or it reports an API failure."""
