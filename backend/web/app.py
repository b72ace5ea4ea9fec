"""The backend's aiohttp application: health, landing page and public contest API."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from functools import partial

from aiohttp import web
from redis.exceptions import RedisError

from backend.web import pages
from backend.web.admin import admin_health, admin_scrape, admin_sync, metrics
from backend.web.feeds import FEED_RENDERS, personal_feed, public_feed
from backend.web.keys import RES
from backend.web.legal import favicon_ico, favicon_svg, privacy, terms
from backend.web.middleware import (
    MAX_BODY,
    VALKEY_KEY,
    add_unmatched,
    build_rate_limit,
    build_serve,
    serve_routes,
)
from backend.web.oauth import connect_link, connect_page, google_callback
from backend.web.rendered import RenderCache, Rendered
from shared.cache.breaker import log_valkey_failure
from shared.db.pools import ping
from shared.errors import InvalidArgumentError
from shared.models import parse_utc
from shared.platforms.registry import parse_platform_list
from shared.resources import Resources
from shared.services.contests import list_health, list_upcoming_contests

log = logging.getLogger(__name__)

RENDERS = web.AppKey("renders", RenderCache)

MAX_API_DAYS = 90


def build_app(res: Resources, *, telegram_webhook: web.RouteDef | None = None) -> web.Application:
    """Build the application around already-open resources (the composition root owns them).

    `telegram_webhook` is the Telegram bot's webhook route (webhook mode); it checks its own
    secret and is left out of the per-IP limit, since Telegram delivers every user's updates
    from a few addresses.
    """
    # Every request gets an id, is counted, gets the security headers, is size-checked, then
    # runs under the error policy (timeout, 503 on a database outage, 500), and inside that the
    # per-IP limit: wrappers put around each route's handler once, here (middleware.py).
    serve = build_serve(res.settings, res.metrics)
    rate_limit = None
    if res.settings.WEB_RATE_LIMIT:
        rate_limit = build_rate_limit(res.settings, limit=res.settings.WEB_RATE_LIMIT)
    app = web.Application(client_max_size=MAX_BODY)
    app[RES] = res
    app[VALKEY_KEY] = res.valkey
    app[RENDERS] = RenderCache(res.valkey)  # / and /api/contests (backend/web/rendered.py)
    app[FEED_RENDERS] = {}  # the feeds' kept renderings (backend/web/feeds.py)
    app.router.add_routes(serve_routes(ROUTES, serve, rate_limit))
    if telegram_webhook is not None:
        app.router.add_routes(serve_routes([telegram_webhook], serve))
    add_unmatched(app, serve, rate_limit)  # last: 404 and 405 get the same
    return app


async def healthz(request: web.Request) -> web.Response:
    """Liveness: the process answers."""
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    """Readiness: PostgreSQL and Valkey answer; 503 naming the failing part otherwise."""
    res = request.app[RES]
    failing: list[str] = []
    try:
        await ping(res.db.write)
    except Exception as exc:  # boundary: any failure means not ready
        log.warning("readyz: PostgreSQL check failed: %s", exc.__class__.__name__)
        failing.append("postgres")
    try:
        await res.valkey.ping()
    except (RedisError, OSError) as exc:
        log_valkey_failure(log, exc, "readyz: Valkey check failed")
        failing.append("valkey")
    if failing:
        return web.json_response({"status": "unavailable", "failing": failing}, status=503)
    return web.json_response({"status": "ready"})


async def index(request: web.Request) -> web.Response:
    """The landing page: the next 14 days of contests and each platform's health."""
    res = request.app[RES]
    rendered = await request.app[RENDERS].get("index", partial(_render_index, res))
    return rendered.respond(request)


async def _render_index(res: Resources) -> Rendered:
    now = datetime.now(UTC)
    contests = await list_upcoming_contests(res.db, res.valkey, now, end=now + timedelta(days=14))
    health = await list_health(res.db)
    html = pages.render_index(contests, health, now, _setup(res))
    return Rendered.build(
        html.encode("utf-8"),
        "text/html; charset=utf-8",
        {"Cache-Control": "no-cache", "Content-Security-Policy": pages.INDEX_CSP},
    )


def _setup(res: Resources) -> pages.Setup:
    settings = res.settings
    return pages.Setup(
        scrape_interval_minutes=settings.SCRAPE_INTERVAL_MINUTES,
        telegram_ready=settings.TELEGRAM_BOT_TOKEN is not None,
        google_ready=bool(settings.GOOGLE_CLIENT_ID and settings.GOOGLE_CLIENT_SECRET),
    )


async def api_contests(request: web.Request) -> web.Response:
    """GET /api/contests?platform=a,b&from=ISO&to=ISO — upcoming contests as JSON."""
    if request.query_string:
        try:
            platforms, start, end = _contest_query(request)
        except InvalidArgumentError as exc:
            return web.json_response({"error": str(exc)}, status=400)
    else:  # the common case: every upcoming contest
        platforms, start, end = None, None, None
    res = request.app[RES]
    key = ("api", tuple(platforms) if platforms else None, start, end)
    render = partial(_render_contests, res, platforms, start, end)
    rendered = await request.app[RENDERS].get(key, render)
    return rendered.respond(request)


async def _render_contests(
    res: Resources, platforms: list[str] | None, start: datetime | None, end: datetime | None
) -> Rendered:
    contests = await list_upcoming_contests(
        res.db, res.valkey, datetime.now(UTC), platforms, start, end
    )
    body = json.dumps({"contests": [c.to_json() for c in contests], "count": len(contests)})
    return Rendered.build(
        body.encode("utf-8"),
        "application/json; charset=utf-8",
        {"Cache-Control": "public, max-age=60"},
    )


def _contest_query(
    request: web.Request,
) -> tuple[list[str] | None, datetime | None, datetime | None]:
    platforms: list[str] | None = None
    raw_platforms = request.query.getall("platform", [])
    if raw_platforms:
        # dict.fromkeys: "codeforces,codeforces" asks for it once.
        platforms = list(dict.fromkeys(parse_platform_list(",".join(raw_platforms))))
    start = _time_param(request, "from")
    end = _time_param(request, "to")
    if start and end:
        if end <= start:
            raise InvalidArgumentError("'to' must be after 'from'")
        if end - start > timedelta(days=MAX_API_DAYS):
            raise InvalidArgumentError(f"the window may span at most {MAX_API_DAYS} days")
    return platforms, start, end


def _time_param(request: web.Request, name: str) -> datetime | None:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return None
    try:
        if len(raw) == 10:
            return datetime.fromisoformat(raw).replace(tzinfo=UTC)
        return parse_utc(raw)
    except (ValueError, OverflowError):  # OverflowError: a zoned time past year 1..9999 in UTC
        raise InvalidArgumentError(
            f"'{name}' must be an ISO-8601 date or time with a zone, e.g. 2026-12-01T00:00:00Z"
        ) from None


# Every route of the backend, by name (the Telegram webhook, when the bot runs in this process in
# webhook mode, is added by `build_app`). HEAD is answered wherever GET is, except on the
# one-time connect page and the OAuth callback, which must never be fetched twice.
ROUTES: list[web.RouteDef] = [
    web.get("/healthz", healthz, name="healthz"),
    web.get("/readyz", readyz, name="readyz"),
    web.get("/", index, name="index"),
    web.get("/api/contests", api_contests, name="api_contests"),
    # Connecting Google (backend/web/oauth.py): the link's page, its button, Google's callback.
    web.get("/connect/{token}", connect_page, name="connect_page", allow_head=False),
    web.post("/connect/{token}", connect_link, name="connect_link"),
    web.get("/auth/google/callback", google_callback, name="google_callback", allow_head=False),
    # Calendar feeds (backend/web/feeds.py).
    web.get("/feed/{token}.ics", personal_feed, name="personal_feed"),
    web.get("/feeds/{name}.ics", public_feed, name="public_feed"),
    # Legal pages and icons (backend/web/legal.py).
    web.get("/privacy", privacy, name="privacy"),
    web.get("/terms", terms, name="terms"),
    web.get("/favicon.svg", favicon_svg, name="favicon_svg"),
    web.get("/favicon.ico", favicon_ico, name="favicon_ico"),
    # Maintainers (backend/web/admin.py): metrics, and the admin actions behind ADMIN_PASSWORD.
    web.get("/metrics", metrics, name="metrics"),
    web.post("/admin/scrape", admin_scrape, name="admin_scrape"),
    web.post("/admin/sync", admin_sync, name="admin_sync"),
    web.post("/health", admin_health, name="admin_health"),
]
