"""Maintainers' HTTP routes: /metrics, and the Go service's admin routes kept for automation.

`POST /admin/scrape` (optional `?platform=` or JSON `{"platform": …}`), `POST /admin/sync` and
`POST /health` (deep check) require `X-Admin-Password` equal to ADMIN_PASSWORD (compared in
constant time); without ADMIN_PASSWORD they answer 404. Each is limited per client address and
logged (never the password).
"""

from __future__ import annotations

import hmac
import logging

from aiohttp import web

from backend.web.keys import RES
from backend.web.middleware import client_ip
from shared.cache import hit_limit
from shared.cache import keys as cache_keys
from shared.metrics import CONTENT_TYPE
from shared.platforms.registry import PLATFORMS
from shared.resources import Resources
from shared.services import maintainers

log = logging.getLogger(__name__)

ADMIN_LIMIT = 10  # requests per window and address, good password or not
ADMIN_WINDOW = 60
PASSWORD_HEADER = "X-Admin-Password"  # noqa: S105 - a header name


def build_metrics_app(res: Resources) -> web.Application:
    """/metrics alone, for a process that serves nothing else (the bot while long polling)."""
    app = web.Application()
    app[RES] = res
    app.router.add_get("/metrics", metrics, name="metrics")
    return app


async def metrics(request: web.Request) -> web.Response:
    """This process's metrics in Prometheus' text format."""
    res = request.app[RES]
    await maintainers.refresh_gauges(res.db, res.arq, res.metrics)
    return web.Response(body=res.metrics.render(), headers={"Content-Type": CONTENT_TYPE})


async def _authorised(request: web.Request) -> None:
    res = request.app[RES]
    expected = res.settings.ADMIN_PASSWORD
    if expected is None:
        raise web.HTTPNotFound()
    ip = client_ip(request, res.settings)
    wait = await hit_limit(
        res.valkey, lambda start: cache_keys.limit("admin", ip, start), ADMIN_LIMIT, ADMIN_WINDOW
    )
    if wait:
        log.warning("admin %s from %s refused: rate limited", request.path, ip)
        raise web.HTTPTooManyRequests(
            headers={"Retry-After": str(wait)},
            text='{"error": "too many admin requests"}',
            content_type="application/json",
        )
    given = request.headers.get(PASSWORD_HEADER, "")
    if not hmac.compare_digest(given.encode(), expected.get_secret_value().encode()):
        log.warning("admin %s from %s refused: wrong or missing password", request.path, ip)
        raise web.HTTPUnauthorized(
            text='{"error": "X-Admin-Password is wrong or missing"}',
            content_type="application/json",
        )
    log.info("admin %s from %s", request.path, ip)


async def _platforms(request: web.Request) -> list[str]:
    name = request.query.get("platform")
    if name is None and request.can_read_body and request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            body = None
        if isinstance(body, dict) and isinstance(body.get("platform"), str):
            name = body["platform"]
    if not name:
        return list(PLATFORMS)
    name = name.strip().lower()
    if name not in PLATFORMS:
        raise web.HTTPBadRequest(
            text=f'{{"error": "unknown platform; one of: {", ".join(PLATFORMS)}"}}',
            content_type="application/json",
        )
    return [name]


async def admin_scrape(request: web.Request) -> web.Response:
    """Queue scrapes (all platforms, or one) through the worker."""
    await _authorised(request)
    names = await _platforms(request)
    queued = await maintainers.scrape_now(request.app[RES].arq, names)
    return web.json_response({"platforms": names, "queued": queued}, status=202)


async def admin_sync(request: web.Request) -> web.Response:
    """Queue a calendar sync of every connected user."""
    await _authorised(request)
    queued = await maintainers.sync_everyone(request.app[RES].arq)
    return web.json_response({"queued": queued}, status=202)


async def admin_health(request: web.Request) -> web.Response:
    """The deep check: 200 when every part is fine, 503 naming what is not."""
    await _authorised(request)
    report = await maintainers.deep_health(request.app[RES])
    return web.json_response(report.to_json(), status=200 if report.ok else 503)
