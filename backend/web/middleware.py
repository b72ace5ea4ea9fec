"""aiohttp middlewares: request ids, metrics, security headers, errors; per-IP rate limit."""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import itertools
import logging
import re
import secrets
from collections.abc import Awaitable, Callable
from html import escape

from aiohttp import web
from aiohttp.typedefs import Middleware
from prometheus_client import Counter, Histogram
from redis.asyncio import Redis

from shared.cache import hit_limit
from shared.cache import keys as cache_keys
from shared.cache.breaker import log_valkey_failure
from shared.config import Settings
from shared.db.pools import is_database_outage
from shared.metrics import Metrics

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

VALKEY_KEY = web.AppKey("valkey", Redis)
REQUEST_ID = web.RequestKey("request_id", str)
_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")
# A request id names a request in logs and on error pages; it need not be secret, only unique:
# a random per-process prefix and a counter (16 hex digits, as before) cost no system call.
_RID_PREFIX = secrets.token_hex(4)
_rid_counter = itertools.count(1)


def _new_request_id() -> str:
    return f"{_RID_PREFIX}{next(_rid_counter) & 0xFFFFFFFF:08x}"


MAX_BODY = 1024 * 1024
HANDLER_TIMEOUT = 30.0
DEADLINE_SWEEP = 1.0  # how often handler time limits are checked (seconds)
CSP = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)


def client_ip(request: web.Request, settings: Settings) -> str:
    """The caller's address; X-Forwarded-For is honoured only from trusted proxies."""
    peer = request.remote or "unknown"
    if not settings.TRUST_PROXY:
        return peer
    trusted = []
    for item in settings.TRUSTED_PROXIES:
        try:
            trusted.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            continue
    if not _trusted(peer, trusted):  # an unparsable peer is not trusted either
        return peer
    forwarded = request.headers.get("X-Forwarded-For", "")
    hops = [h.strip() for h in forwarded.split(",") if h.strip()]
    for hop in reversed(hops):
        trusted_hop = _trusted(hop, trusted)
        if trusted_hop is None:  # a forged or garbled header: fall back to the proxy
            return peer
        if not trusted_hop:
            return hop
    return hops[0] if hops else peer


def _trusted(
    address: str, trusted: list[ipaddress.IPv4Network | ipaddress.IPv6Network]
) -> bool | None:
    """Whether `address` is in a trusted network; None when it is not an IP address."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    return any(ip in net for net in trusted)


def route_name(request: web.Request) -> str:
    """The matched route's pattern (`/connect/{token}`), never the path: paths carry tokens."""
    resource = request.match_info.route.resource
    return resource.canonical if resource is not None else "<unmatched>"


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": CSP,
    "Cross-Origin-Opener-Policy": "same-origin",
}
HSTS = "max-age=31536000; includeSubDomains"


def build_middleware(
    settings: Settings, metrics: Metrics, *, timeout: float = HANDLER_TIMEOUT
) -> Middleware:
    """The backend's own middleware, one layer doing in order what every request needs.

    Outermost first: the request gets an id (echoed from X-Request-ID when it is a plain
    token), is counted in the metrics by route pattern and status, gets the security headers
    (a handler's own values win), is size-checked (413), then runs under the error policy:
    past `timeout` seconds 504, 503 on a database outage, 500 on a bug. One layer instead of
    five: each layer of aiohttp's chain is a coroutine, a wrapper and a try block paid on every
    request.
    """
    security = dict(SECURITY_HEADERS)
    if settings.is_production:
        security["Strict-Transport-Security"] = HSTS
    security_headers = tuple(security.items())
    deadlines = _Deadlines(every=min(DEADLINE_SWEEP, timeout))

    @web.middleware
    async def serve(request: web.Request, handler: Handler) -> web.StreamResponse:
        rid = request.headers.get("X-Request-ID")
        # Echoed into pages and logs: only a plain token is taken over, anything else replaced.
        if rid is None or not _REQUEST_ID.fullmatch(rid):
            rid = _new_request_id()
        request[REQUEST_ID] = rid
        loop = asyncio.get_running_loop()
        started = loop.time()
        response: web.StreamResponse
        try:
            size = request.content_length
            if size is not None and size > MAX_BODY:
                raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=size)
            try:
                async with asyncio.timeout(None) as limit:
                    deadlines.watch(limit, started + timeout, loop)
                    try:
                        response = await handler(request)
                    finally:
                        deadlines.forget(limit)
            except web.HTTPException:
                raise
            except Exception as exc:  # boundary: the error policy (TimeoutError included)
                response = _failed(request, exc)
        except web.HTTPException as exc:
            response = exc
        except BaseException:  # cancelled (the client went away): counted, and passed on
            _count(metrics, request, 500, loop.time() - started)
            raise
        headers = response.headers
        for name, value in security_headers:
            headers.setdefault(name, value)
        headers["X-Request-ID"] = rid
        _count(metrics, request, response.status, loop.time() - started)
        if isinstance(response, web.HTTPException):
            raise response
        return response

    return serve


class _Deadlines:
    """Handler time limits, enforced by one timer for every request in flight.

    A timer per request (`asyncio.timeout(30)`: a libuv timer started and stopped) cost more
    than the rest of the middleware together; here a request is a dict entry under a limit
    without a deadline, and a sweep every `every` seconds expires the ones past theirs (their
    handler is cancelled and `asyncio.timeout` turns that into TimeoutError), so a request
    runs at most `every` seconds past its limit.
    """

    def __init__(self, every: float) -> None:
        self._every = every
        self._running: dict[asyncio.Timeout, float] = {}
        self._timer: asyncio.TimerHandle | None = None

    def watch(
        self, limit: asyncio.Timeout, deadline: float, loop: asyncio.AbstractEventLoop
    ) -> None:
        """Expire `limit` once `deadline` (on the loop's clock) has passed."""
        self._running[limit] = deadline
        if self._timer is None:
            self._timer = loop.call_later(self._every, self._sweep, loop)

    def forget(self, limit: asyncio.Timeout) -> None:
        """The request under `limit` has ended."""
        self._running.pop(limit, None)

    def _sweep(self, loop: asyncio.AbstractEventLoop) -> None:
        now = loop.time()
        for limit in [limit for limit, deadline in self._running.items() if deadline <= now]:
            del self._running[limit]
            limit.reschedule(now)
        self._timer = loop.call_later(self._every, self._sweep, loop) if self._running else None


def _failed(request: web.Request, exc: Exception) -> web.Response:
    """The error policy: a timeout, a database outage and a bug each get a short error page."""
    if isinstance(exc, TimeoutError):
        log.warning(
            "request %s timed out: %s %s",
            request.get(REQUEST_ID),
            request.method,
            route_name(request),
        )
        return _error(request, 504, "The server took too long to answer.")
    if is_database_outage(exc):
        log.warning(
            "request %s: PostgreSQL unavailable (%s)",
            request.get(REQUEST_ID),
            exc.__class__.__name__,
        )
        response = _error(
            request,
            503,
            "ContestSync's database is unavailable for a moment. Please try again shortly.",
        )
        response.headers["Retry-After"] = "5"
        return response
    log.error(
        "unhandled error in request %s: %s %s",
        request.get(REQUEST_ID),
        request.method,
        route_name(request),
        exc_info=exc,
    )
    return _error(request, 500, "Something went wrong on our side.")


def _count(metrics: Metrics, request: web.Request, status: int, seconds: float) -> None:
    """HTTP requests by route pattern (never the path: paths carry tokens) and status."""
    requests, duration = _series(metrics, route_name(request), status)
    requests.inc()
    duration.observe(seconds)


@functools.lru_cache(maxsize=1024)
def _series(metrics: Metrics, route: str, status: int) -> tuple[Counter, Histogram]:
    """The request counter and duration histogram of one route and status, looked up once:
    `labels()` takes a lock and builds its key on every call, a cost paid per request."""
    return (
        metrics.http_requests.labels(route, str(status)),
        metrics.http_duration.labels(route),
    )


def build_rate_limit(
    settings: Settings, limit: int = 120, window: int = 60
) -> Callable[..., Awaitable[web.StreamResponse]]:
    """Per-IP fixed-window limit on everything but health probes; fails open if Valkey is down."""

    @web.middleware
    async def rate_limit(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path in ("/healthz", "/readyz", "/metrics"):
            return await handler(request)
        valkey = request.app.get(VALKEY_KEY)
        if valkey is not None:
            ip = client_ip(request, settings)
            try:
                wait = await hit_limit(
                    valkey, lambda start: cache_keys.limit("ip", ip, start), limit, window
                )
            except Exception as exc:  # boundary: a cache outage must not take the site down
                log_valkey_failure(log, exc, "rate limiter unavailable")
                wait = 0
            if wait:
                response = _error(request, 429, "Too many requests; slow down a little.")
                response.headers["Retry-After"] = str(wait)
                return response
        return await handler(request)

    return rate_limit


def _error(request: web.Request, status: int, message: str) -> web.Response:
    rid = request.get(REQUEST_ID, "-")
    if request.path.startswith("/api/") or "application/json" in request.headers.get("Accept", ""):
        return web.json_response({"error": message, "request_id": rid}, status=status)
    return web.Response(
        status=status,
        content_type="text/html",
        text=(
            f"<!doctype html><title>Error</title><p>{escape(message)}</p>"
            f"<p><small>Error id {escape(rid)}</small></p>"
        ),
    )
