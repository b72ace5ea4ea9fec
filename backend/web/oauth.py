"""The Google connect routes: `/connect/{token}` → Google's consent, and the OAuth callback.

Every answer is a small HTML page (or a redirect) that is never cached and sends no referrer, so
the one-time token in the URL does not leak. Query values are bounded before they reach a query.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from html import escape
from urllib.parse import urlsplit

from aiohttp import web

from backend.web.keys import RES
from backend.web.middleware import CSP
from backend.web.pages import FAVICON_LINKS, STYLE, render_footer
from shared.errors import UserError
from shared.services.connect import (
    MAX_CODE_LENGTH,
    MAX_ERROR_LENGTH,
    MAX_STATE_LENGTH,
    MAX_TOKEN_LENGTH,
    ConnectOutcome,
    LinkExpiredError,
    OutcomeKind,
    begin_oauth,
    complete_oauth,
    describe_link,
)
from shared.services.linking import chat_label

log = logging.getLogger(__name__)

_NO_STORE = {
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}


def render_message_page(title: str, message: str, *, ok: bool, detail: str | None = None) -> str:
    """A small page in the site's style: a heading, a message and an optional detail line."""
    mark = "ok" if ok else "bad"
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        "<meta name='referrer' content='no-referrer'>",
        f"<title>{escape(title)} — ContestSync</title>{FAVICON_LINKS}",
        f"<style>{STYLE}</style></head><body><main>",
        f"<h1 class='{mark}'>{escape(title)}</h1>",
        f"<div class='card'><p>{escape(message)}</p>",
    ]
    if detail:
        parts.append(f"<p class='none'>{escape(detail)}</p>")
    parts.append(f"</div>{render_footer()}</main></body></html>")
    return "".join(parts)


def _page(
    status: int, title: str, message: str, *, ok: bool, detail: str | None = None
) -> web.Response:
    return web.Response(
        status=status,
        text=render_message_page(title, message, ok=ok, detail=detail),
        content_type="text/html",
        charset="utf-8",
        headers=_NO_STORE,
    )


def _too_long(token: str) -> web.Response | None:
    if len(token) <= MAX_TOKEN_LENGTH:
        return None
    return _page(
        400,
        "Link not valid",
        "This connect link is not valid. Send /connect in the chat to get a new one.",
        ok=False,
    )


async def connect_page(request: web.Request) -> web.Response:
    """GET /connect/{token}: name the chat account that asked, and continue only on a POST.

    Opening the link uses nothing up, so link previews and scanners cannot spend it, and the
    person sees whose chat the Google account would be linked to before going on.
    """
    token = request.match_info["token"]
    if (refused := _too_long(token)) is not None:
        return refused
    res = request.app[RES]
    try:
        owner = await describe_link(res.db, token, datetime.now(UTC))
    except LinkExpiredError as exc:
        return _page(410, "Link expired or already used", str(exc), ok=False)
    label = chat_label(owner)
    body = "".join(
        [
            "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
            "<meta name='viewport' content='width=device-width,initial-scale=1'>",
            "<meta name='referrer' content='no-referrer'>",
            f"<title>Connect Google Calendar — ContestSync</title>{FAVICON_LINKS}",
            f"<style>{STYLE}</style></head><body><main>",
            f"<h1>Connect Google Calendar to {escape(label)}?</h1>",
            "<div class='card'><p>Continuing lets you choose a Google account; ContestSync then "
            f"keeps a “Contests” calendar in it up to date for the chat of {escape(label)}.</p>",
            "<p><strong>If you did not send /connect in that chat yourself, close this "
            "page.</strong> Someone may have forwarded their link to get access to your "
            "calendar.</p>",
            "<form method='post'><button type='submit'>Continue to Google</button></form>",
            f"</div>{render_footer()}</main></body></html>",
        ]
    )
    google = urlsplit(res.settings.GOOGLE_AUTH_URL)
    csp = CSP.replace("form-action 'self'", f"form-action 'self' {google.scheme}://{google.netloc}")
    return web.Response(
        text=body,
        content_type="text/html",
        charset="utf-8",
        headers={**_NO_STORE, "Content-Security-Policy": csp},
    )


async def connect_link(request: web.Request) -> web.Response:
    """POST /connect/{token}: use the one-time link and send the browser to Google's consent."""
    token = request.match_info["token"]
    if (refused := _too_long(token)) is not None:
        return refused
    res = request.app[RES]
    try:
        url = await begin_oauth(res.db, res.settings, token, datetime.now(UTC))
    except LinkExpiredError as exc:
        return _page(410, "Link expired or already used", str(exc), ok=False)
    except UserError as exc:
        return _page(503, "Cannot connect right now", str(exc), ok=False)
    return web.Response(status=303, headers={"Location": url, **_NO_STORE})


_TITLES = {
    OutcomeKind.CONNECTED: "Connected — you can close this tab",
    OutcomeKind.CANCELLED: "You cancelled",
    OutcomeKind.INVALID_STATE: "Sign-in expired or already used",
    OutcomeKind.GOOGLE_ERROR: "Google could not sign you in",
    OutcomeKind.EXCHANGE_FAILED: "Sign-in not confirmed",
    OutcomeKind.MISSING_SCOPE: "Calendar access not allowed",
    OutcomeKind.UNVERIFIED_EMAIL: "Email address not verified",
    OutcomeKind.NEEDS_APPROVAL: "Waiting for approval in your other chat",
}


def _outcome_page(outcome: ConnectOutcome) -> web.Response:
    status = 400
    if outcome.kind in (OutcomeKind.CONNECTED, OutcomeKind.CANCELLED, OutcomeKind.NEEDS_APPROVAL):
        status = 200
    return _page(status, _TITLES[outcome.kind], outcome.message, ok=outcome.ok)


async def google_callback(request: web.Request) -> web.Response:
    """GET /auth/google/callback?state&code|error: finish connecting and say how it went."""
    query = request.query
    state, code, error = query.get("state"), query.get("code"), query.get("error")
    if (
        (state is not None and len(state) > MAX_STATE_LENGTH)
        or (code is not None and len(code) > MAX_CODE_LENGTH)
        or (error is not None and len(error) > MAX_ERROR_LENGTH)
    ):
        log.warning("OAuth callback with oversized parameters refused")
        return _page(
            400,
            "Sign-in answer not valid",
            "This sign-in answer is not valid, so nothing was changed. "
            "Send /connect in the chat to try again.",
            ok=False,
        )
    outcome = await complete_oauth(request.app[RES], state, code, error, datetime.now(UTC))
    return _outcome_page(outcome)
