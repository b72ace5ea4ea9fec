"""aiohttp middlewares: request ids, one error policy, security headers, per-IP rate limit."""

from __future__ import annotations

import asyncio
import ipaddress
import itertools
import logging
import re
import secrets
from collections.abc import Awaitable, Callable
from html import escape
from typing import NamedTuple

from aiohttp import web
from aiohttp.typedefs import Middleware
from redis.asyncio import Redis

from shared.cache import hit_limit
from shared.cache import keys as cache_keys
from shared.cache.breaker import log_valkey_failure
from shared.config import Settings
from shared.db.pools import is_database_outage

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


class Middlewares(NamedTuple):
    """The backend's own middlewares; `backend/web/app.py` writes their order."""

    request_id: Middleware
    security_headers: Middleware
    body_limit: Middleware
    errors: Middleware


def build_middlewares(settings: Settings) -> Middlewares:
    """The backend's middlewares (their order is written once, in `build_app`)."""

    @web.middleware
    async def request_id(request: web.Request, handler: Handler) -> web.StreamResponse:
        incoming = request.headers.get("X-Request-ID", "")
        # Echoed into pages and logs: only a plain token is taken over, anything else replaced.
        rid = incoming if _REQUEST_ID.fullmatch(incoming) else _new_request_id()
        request[REQUEST_ID] = rid
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            exc.headers["X-Request-ID"] = rid
            raise
        response.headers["X-Request-ID"] = rid
        return response

    @web.middleware
    async def body_limit(request: web.Request, handler: Handler) -> web.StreamResponse:
        size = request.content_length
        if size is not None and size > MAX_BODY:
            raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=size)
        return await handler(request)

    @web.middleware
    async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            response = exc
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if settings.is_production:
            response.headers.setdefault(
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
            )
        if isinstance(response, web.HTTPException):
            raise response
        return response

    @web.middleware
    async def errors(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            async with asyncio.timeout(HANDLER_TIMEOUT):
                return await handler(request)
        except web.HTTPException:
            raise
        except TimeoutError:
            log.warning(
                "request %s timed out: %s %s",
                request.get(REQUEST_ID),
                request.method,
                route_name(request),
            )
            return _error(request, 504, "The server took too long to answer.")
        except Exception as exc:
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
            log.exception(
                "unhandled error in request %s: %s %s",
                request.get(REQUEST_ID),
                request.method,
                route_name(request),
            )
            return _error(request, 500, "Something went wrong on our side.")

    return Middlewares(request_id, security_headers, body_limit, errors)


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
