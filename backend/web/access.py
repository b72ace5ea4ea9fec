"""An access log that never writes a secret: paths carry feed tokens and one-time links.

Each line names the matched route's pattern (`/feed/{token}.ics`, `/connect/{token}`) instead of
the requested path, and never the query string (the OAuth callback's carries codes and states).
"""

from __future__ import annotations

import logging

from aiohttp.abc import AbstractAccessLogger
from aiohttp.web_request import BaseRequest
from aiohttp.web_response import StreamResponse

from backend.web.middleware import REQUEST_ID

ACCESS_LOGGER = "backend.web.access"


def redacted_path(request: BaseRequest) -> str:
    """The route pattern for a matched request; `<unmatched>` for anything else."""
    match_info = getattr(request, "match_info", None)
    route = getattr(match_info, "route", None)
    resource = getattr(route, "resource", None)
    return resource.canonical if resource is not None else "<unmatched>"


class RedactingAccessLogger(AbstractAccessLogger):
    """`METHOD /route/{pattern} STATUS BYTES SECONDS request-id`, one INFO line per request."""

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        """Write one access line."""
        self.logger.info(
            "%s %s %d %d %.3fs %s",
            request.method,
            redacted_path(request),
            response.status,
            response.body_length,
            time,
            request.get(REQUEST_ID, "-"),
        )

    @property
    def enabled(self) -> bool:
        """Only format lines someone will read."""
        return self.logger.isEnabledFor(logging.INFO)
