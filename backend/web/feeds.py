"""Calendar feed routes: each user's secret feed and the public feeds, with conditional GETs.

`/feed/{token}.ics` answers an unknown, malformed or revoked token with the same 404 as any
unknown path, so nobody learns whether a token ever existed. Nothing here logs a token; the
access log shows the route pattern instead of the path (backend/web/access.py).
"""

from __future__ import annotations

from datetime import UTC, datetime

from aiohttp import web

from backend.web.keys import RES
from shared.errors import InvalidArgumentError
from shared.feeds import CONTENT_TYPE, FeedDocument
from shared.platforms.registry import PLATFORMS, parse_platform_list
from shared.services.feeds import (
    find_feed_owner,
    load_feed,
    personal_spec,
    public_host,
    public_spec,
)

MAX_QUERY_LENGTH = 200


FEED_RENDERS = web.AppKey("feed_renders", dict)


async def personal_feed(request: web.Request) -> web.StreamResponse:
    """GET /feed/<token>.ics: the owner's platforms, window and reminders."""
    res = request.app[RES]
    owner = await find_feed_owner(res.db, request.match_info["token"])
    if owner is None:
        raise web.HTTPNotFound()
    doc = await load_feed(
        res.db,
        res.valkey,
        public_host(res.settings),
        personal_spec(owner),
        datetime.now(UTC),
        request.app[FEED_RENDERS],
    )
    # A change of platforms or reminders is a change of this address's content.
    modified = max(doc.last_modified, owner.updated_at.astimezone(UTC).replace(microsecond=0))
    return _feed_response(request, doc, modified, "private, max-age=300")


async def public_feed(request: web.Request) -> web.StreamResponse:
    """GET /feeds/all.ics or /feeds/<platform>.ics, optionally `?platforms=a,b`."""
    name = request.match_info["name"]
    if name != "all" and name not in PLATFORMS:
        raise web.HTTPNotFound()
    try:
        extra = _platforms_param(request)
    except InvalidArgumentError as exc:
        return web.Response(status=400, text=f"{exc}\n", content_type="text/plain")
    if name == "all":
        chosen = extra
    else:
        chosen = [name, *(extra or [])]
    res = request.app[RES]
    doc = await load_feed(
        res.db,
        res.valkey,
        public_host(res.settings),
        public_spec(chosen),
        datetime.now(UTC),
        request.app[FEED_RENDERS],
    )
    return _feed_response(request, doc, doc.last_modified, "public, max-age=300")


def _platforms_param(request: web.Request) -> list[str] | None:
    raw = ",".join(request.query.getall("platforms", []))
    if not raw:
        return None
    if len(raw) > MAX_QUERY_LENGTH:
        raise InvalidArgumentError("the platforms parameter is too long")
    return parse_platform_list(raw) or None


def _feed_response(
    request: web.Request, doc: FeedDocument, modified: datetime, cache_control: str
) -> web.Response:
    headers = {
        "ETag": doc.etag,
        "Last-Modified": _http_date(modified),
        "Cache-Control": cache_control,
        "X-Robots-Tag": "noindex, nofollow",
    }
    if _not_modified(request, doc.etag, modified):
        return web.Response(status=304, headers=headers)
    headers["Content-Disposition"] = 'inline; filename="contests.ics"'
    return web.Response(body=doc.body, content_type=CONTENT_TYPE, charset="utf-8", headers=headers)


def _not_modified(request: web.Request, etag: str, modified: datetime) -> bool:
    """RFC 9110 §13.2.2: If-None-Match decides when present, else If-Modified-Since."""
    wanted = request.if_none_match
    if wanted is not None:
        value = etag.strip('"')
        return any(tag.value in ("*", value) for tag in wanted)
    since = request.if_modified_since
    return since is not None and modified <= since


def _http_date(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
