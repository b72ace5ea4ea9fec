"""What every request gets (request ids, metrics, security headers, errors) and the per-IP
rate limit, as wrappers put around each route's handler at start-up."""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import itertools
import logging
import re
import secrets
import time
from collections.abc import Awaitable, Callable, Iterable
from html import escape
from typing import Any

from aiohttp import hdrs, web
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


def matched_resource(request: web.BaseRequest) -> web.AbstractResource | None:
    """The resource of the route that matched `request`; None when none did (404, 405, or a
    request the parser refused, which was never routed)."""
    # `type() is` first: isinstance on aiohttp's requests (abstract base classes) costs a
    # Python call.
    if type(request) is not web.Request and not isinstance(request, web.Request):
        return None
    try:
        resource = request.match_info.route.resource
    except AssertionError:  # a request the parser refused was never routed
        return None
    return None if type(resource) is _Unmatched else resource


def route_name(request: web.Request) -> str:
    """The matched route's pattern (`/connect/{token}`), never the path: paths carry tokens."""
    resource = request.match_info.route.resource
    if resource is None or type(resource) is _Unmatched:
        return "<unmatched>"
    return resource.canonical


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": CSP,
    "Cross-Origin-Opener-Policy": "same-origin",
}
HSTS = "max-age=31536000; includeSubDomains"
# Health probes and metrics are never rate limited: monitors poll them from one address.
NOT_RATE_LIMITED = frozenset({"/healthz", "/readyz", "/metrics"})

Wrapper = Callable[[Handler], Handler]


def build_serve(
    settings: Settings, metrics: Metrics, *, timeout: float = HANDLER_TIMEOUT
) -> Wrapper:
    """What every request needs, as a wrapper put around each route's handler once, at start-up.

    Outermost first: the request gets an id (echoed from X-Request-ID when it is a plain
    token), is counted in the metrics by route pattern and status, gets the security headers
    (a handler's own values win), is size-checked (413), then runs under the error policy:
    past `timeout` seconds 504, 503 on a database outage, 500 on a bug.

    A wrapper per route rather than an aiohttp middleware: with any middleware aiohttp looks
    the chain up and runs two more coroutines (its own current-app fix-up and ours) on every
    request. `serve_routes` wraps the routes and `add_unmatched` gives requests no route
    matches (404, 405) the same treatment.
    """
    security = dict(SECURITY_HEADERS)
    if settings.is_production:
        security["Strict-Transport-Security"] = HSTS
    security_headers = tuple(security.items())
    deadlines = _Deadlines(every=min(DEADLINE_SWEEP, timeout))

    def serve(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def served(request: web.Request) -> web.StreamResponse:
            rid = request.headers.get("X-Request-ID")
            # Echoed into pages and logs: only a plain token is taken over, anything else
            # replaced.
            if rid is None or not _REQUEST_ID.fullmatch(rid):
                rid = _new_request_id()
            request[REQUEST_ID] = rid
            started = time.perf_counter()
            response: web.StreamResponse
            refusal: web.HTTPException | None = None  # raised again once headers are set
            try:
                size = request.content_length
                if size is not None and size > MAX_BODY:
                    raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=size)
                try:
                    response = await deadlines.run(handler, request, started + timeout)
                except web.HTTPException:
                    raise
                except Exception as exc:  # boundary: the error policy (TimeoutError included)
                    response = _failed(request, exc)
            except web.HTTPException as exc:
                response = refusal = exc
            except BaseException:  # cancelled (the client went away): counted, and passed on
                _count(metrics, request, 500, time.perf_counter() - started)
                raise
            headers = response.headers
            for name, value in security_headers:
                headers.setdefault(name, value)
            headers["X-Request-ID"] = rid
            _count(metrics, request, response.status, time.perf_counter() - started)
            if refusal is not None:
                raise refusal
            return response

        return served

    return serve


def serve_routes(
    routes: Iterable[web.RouteDef], serve: Wrapper, rate_limit: Wrapper | None = None
) -> list[web.RouteDef]:
    """`routes` with each handler wrapped once: in `serve`, and inside it in `rate_limit` (when
    given) unless the route is a health probe or the metrics."""
    served = []
    for route in routes:
        handler = route.handler
        if rate_limit is not None and route.path not in NOT_RATE_LIMITED:
            handler = rate_limit(handler)
        served.append(web.RouteDef(route.method, route.path, serve(handler), route.kwargs))
    return served


class _Unmatched(web.PlainResource):
    """The last resource, matching every request target (`*` of `OPTIONS *` too): what no other
    route matched. Indexed under `/`, the last place aiohttp's router looks."""

    def __init__(self) -> None:
        super().__init__("")

    def _match(self, path: str) -> dict[str, str]:
        return {}


def add_unmatched(app: web.Application, serve: Wrapper, rate_limit: Wrapper | None = None) -> None:
    """Answer requests that no route matches 404, or 405 naming the allowed methods, as aiohttp
    does, but through `serve` (and `rate_limit`): request id, headers, metrics, 413 alike.
    Added after every other route; metrics and the access log name these `<unmatched>`."""
    resource = _Unmatched()

    async def unmatched(request: web.Request) -> web.StreamResponse:
        allowed: set[str] = set()
        for other in request.app.router.resources():
            if other is not resource:
                allowed |= (await other.resolve(request))[1]
        if allowed:
            raise web.HTTPMethodNotAllowed(request.method, allowed)
        raise web.HTTPNotFound()

    app.router.register_resource(resource)
    resource.add_route(hdrs.METH_ANY, serve(rate_limit(unmatched) if rate_limit else unmatched))


class _Deadlines:
    """Handler time limits, enforced by one timer for every request in flight.

    A timer per request (`asyncio.timeout(30)`: a libuv timer started and stopped, and the
    current task looked up by the running loop, a getpid() system call) cost more than the
    rest of the wrapper together; here a request is a dict entry (its task and deadline), and a
    sweep every `every` seconds cancels the handlers past theirs, which then raise TimeoutError
    as under `asyncio.timeout`. A request runs at most `every` seconds past its limit.
    """

    def __init__(self, every: float) -> None:
        self._every = every
        self._running: dict[asyncio.Task[Any], float] = {}  # task -> deadline (perf_counter)
        self._expired: set[asyncio.Task[Any]] = set()
        self._timer: asyncio.TimerHandle | None = None

    async def run(
        self, handler: Handler, request: web.Request, deadline: float
    ) -> web.StreamResponse:
        """`handler(request)`, cancelled past `deadline` (on `time.perf_counter`'s clock) and
        then raising TimeoutError."""
        loop = request.task.get_loop()
        task = asyncio.current_task(loop)
        if task is None:  # not in a task: nothing to cancel
            return await handler(request)
        cancelling = task.cancelling()
        self._running[task] = deadline
        if self._timer is None:
            self._timer = loop.call_later(self._every, self._sweep, loop)
        try:
            response = await handler(request)
        except BaseException as exc:  # HTTPException (404, redirects) included: forgotten too
            expired = self._end(task)
            if (
                expired
                and task.uncancel() <= cancelling
                and isinstance(exc, asyncio.CancelledError)
            ):
                raise TimeoutError from exc  # our cancellation, not the caller's
            raise
        if self._end(task):  # expired, but the handler finished all the same
            task.uncancel()
        return response

    def __len__(self) -> int:
        """Requests watched: running, or cancelled and not yet ended."""
        return len(self._running) + len(self._expired)

    def _end(self, task: asyncio.Task[Any]) -> bool:
        """Forget `task`; whether its deadline had passed (and it was cancelled)."""
        if self._running.pop(task, None) is not None:
            return False
        if task in self._expired:
            self._expired.remove(task)
            return True
        return False

    def _sweep(self, loop: asyncio.AbstractEventLoop) -> None:
        now = time.perf_counter()
        for task in [task for task, deadline in self._running.items() if deadline <= now]:
            del self._running[task]
            self._expired.add(task)
            task.cancel()
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
    metrics.http.observe(route_name(request), status, seconds)


def build_rate_limit(settings: Settings, limit: int = 120, window: int = 60) -> Wrapper:
    """Per-IP fixed-window limit, a wrapper put around a route's handler (`serve_routes` leaves
    health probes out); fails open if Valkey is down."""

    def rate_limited(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def limited(request: web.Request) -> web.StreamResponse:
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

        return limited

    return rate_limited


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
