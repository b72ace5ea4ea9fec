"""The access log (one line per request, no secrets) and quiet handling of malformed requests."""

from __future__ import annotations

import logging
from time import time as clock

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.http_exceptions import HttpProcessingError

from backend.web.middleware import REQUEST_ID, matched_resource
from shared.logs import line_writer

ACCESS_LOGGER = "contestsync.access"
UNMATCHED_PATH_CHARS = 80
PROBES = frozenset({"/healthz", "/readyz", "/metrics"})
LINE = "%s %s %d %.3fs %s rid=%s"


class AccessLogger(AbstractAccessLogger):
    """`GET /connect/{token} 302 0.004s 1.2.3.4 rid=…`: the route pattern, never the query.

    Paths of matched routes are logged as their pattern because `/connect/<token>` and similar
    carry one-time secrets; query strings (OAuth codes and states) are never logged.
    """

    def __init__(self, logger: logging.Logger, log_format: str) -> None:
        super().__init__(logger, log_format)
        # aiohttp makes one of these per connection. Under setup_logging a line goes straight
        # to the log writer as a tuple (`line_writer`), no record made or passed through the
        # handlers; else (records captured in tests) a record per line.
        self._line = line_writer(logger)
        self._shared: dict[int, logging.LogRecord] = {}
        if self._line is None:
            # What every access record shares, worked out once: `LogRecord.__init__` derives
            # the file name and module from the path on every record.
            self._shared = {
                level: logger.makeRecord(logger.name, level, __file__, 0, LINE, (), None)
                for level in (logging.DEBUG, logging.INFO)
            }

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        """Write one line for a finished request (health probes only at DEBUG)."""
        level = logging.DEBUG if request.path in PROBES else logging.INFO
        logger = self.logger
        if not logger.isEnabledFor(level):
            return
        args = (
            request.method,
            logged_path(request),
            response.status,
            time,
            request.remote or "-",
            request.get(REQUEST_ID, "-"),
        )
        if self._line is not None:
            self._line((clock(), level, logger.name, LINE, args))
            return
        # The record is made here, not by `logger.log`: that walks the stack for the caller's
        # file and line on every request, which an access line never shows.
        logger.handle(_record(self._shared[level], args))

    @property
    def enabled(self) -> bool:
        """Only format lines someone will read."""
        return self.logger.isEnabledFor(logging.INFO)


def _record(shared: logging.LogRecord, args: tuple[object, ...]) -> logging.LogRecord:
    """A copy of `shared` made now, with `args`: the same fields as `LogRecord.__init__` sets."""
    record = object.__new__(type(shared))
    fields = vars(record)
    fields.update(vars(shared))
    created = clock()
    fields["created"] = created
    fields["msecs"] = int((created - int(created)) * 1000) + 0.0
    fields["relativeCreated"] = shared.relativeCreated + (created - shared.created) * 1000
    fields["args"] = args
    return record


def logged_path(request: web.BaseRequest) -> str:
    """The route pattern when a route matched; else the path, shortened and made printable."""
    resource = matched_resource(request)
    if resource is not None:
        return str(resource.canonical)
    path = request.path[:UNMATCHED_PATH_CHARS]
    printable = "".join(ch if ch.isprintable() and ch != " " else "?" for ch in path)
    return printable + ("…" if len(request.path) > UNMATCHED_PATH_CHARS else "")


class MalformedRequestFilter(logging.Filter):
    """Turns aiohttp's traceback for a malformed request (a 20 kB URL, a bad request line) into
    one INFO line: the client was answered 400, and unauthenticated clients must not be able to
    flood the log with tracebacks."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite records that carry an HTTP parsing error; pass everything else unchanged."""
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, HttpProcessingError):
            # Only the text before the first colon: what follows quotes the request's bytes.
            reason = (exc.message or exc.__class__.__name__).split(":")[0].strip()[:80]
            record.msg = "answered 400 to a malformed request: %s"
            record.args = (reason,)
            record.exc_info = None
            record.exc_text = None
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def quiet_malformed_requests() -> None:
    """Install the filter once on aiohttp's server logger."""
    logger = logging.getLogger("aiohttp.server")
    if not any(isinstance(f, MalformedRequestFilter) for f in logger.filters):
        logger.addFilter(MalformedRequestFilter())
