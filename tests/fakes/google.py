"""A fake of Google OAuth 2.0 and Calendar v3 that speaks the real wire formats.

One aiohttp app serves the consent page, the token, revoke and userinfo endpoints, the Calendar v3
REST API and its multipart batch endpoint, so the real google-api-python-client, google-auth and
authlib can talk to it. Every request is recorded in ``FakeGoogle.calls``; batch parts are recorded
one by one with ``batch=True``.

Deliberate choices where Google is vague or where the fake is stricter than Google:

- ``/o/oauth2/v2/auth`` demands ``state`` and PKCE with ``S256``; which account consents is set by
  the test through ``next_consent`` (one-shot), otherwise the first account approves.
- A refresh token is issued only with ``access_type=offline``, and for an account that already
  consented only again with ``prompt=consent`` -- as Google does.
- Granted scopes are normalised like Google's (``email`` -> ``.../auth/userinfo.email``).
- Updating a deleted event with ``status: confirmed`` restores it (as Google does); otherwise
  reading, updating or deleting a deleted event answers 410 ``deleted``; an id that never existed
  answers 404 ``notFound``. Deleted event ids stay reserved (insert again -> 409 ``duplicate``).
- Page tokens are offsets: pages shift if events are deleted between two page requests.
- ``fields`` selects top-level keys of a JSON answer; ``syncToken``, ``q`` and ``updatedMin``
  are ignored.
- Revoking a grant (``/revoke`` or ``revoke_all``) also kills its access tokens at once.
- Each ``set_faults`` call replaces the previous settings; ``set_faults()`` turns everything off.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import html
import json
import random
import re
import secrets
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.message import Message
from http import HTTPStatus
from typing import Any, Literal
from urllib.parse import parse_qsl, unquote, unquote_plus, urlencode, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from aiohttp import web
from aiohttp.typedefs import Handler
from multidict import CIMultiDict, MultiDict, MultiMapping

from tests.fakes.server import LocalServer

Json = dict[str, Any]

OPENID_SCOPE = "openid"
EMAIL_SCOPE = "https://www.googleapis.com/auth/userinfo.email"
PROFILE_SCOPE = "https://www.googleapis.com/auth/userinfo.profile"
CALENDAR_SCOPE = "https://www.googleapis.com/auth/calendar"
CALENDAR_APP_CREATED_SCOPE = "https://www.googleapis.com/auth/calendar.app.created"
DEFAULT_SCOPES = (OPENID_SCOPE, EMAIL_SCOPE, CALENDAR_APP_CREATED_SCOPE)

ACCESS_TOKEN_TTL = 3599
AUTH_CODE_TTL = 600
MAX_BATCH_PARTS = 1000
JSON_CONTENT_TYPE = "application/json; charset=UTF-8"
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

_SCOPE_ALIASES = {"email": EMAIL_SCOPE, "profile": PROFILE_SCOPE}
_CALENDAR_WRITE_SCOPES = frozenset(
    {CALENDAR_SCOPE, CALENDAR_APP_CREATED_SCOPE, f"{CALENDAR_SCOPE}.events"}
)
_CALENDAR_READ_SCOPES = _CALENDAR_WRITE_SCOPES | {
    f"{CALENDAR_SCOPE}.readonly",
    f"{CALENDAR_SCOPE}.events.readonly",
}
_EVENT_ID_RE = re.compile(r"[a-v0-9]{5,1024}")
_PKCE_VERIFIER_RE = re.compile(r"[A-Za-z0-9\-._~]{43,128}")
_BASE32HEX = "0123456789abcdefghijklmnopqrstuv"
_SERVER_EVENT_FIELDS = frozenset(
    {"kind", "etag", "htmlLink", "created", "updated", "creator", "organizer", "iCalUID"}
)
_STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ALREADY_EXISTS",
    410: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}
_OAUTH_API_PATHS = frozenset({"/token", "/revoke", "/v1/userinfo"})

# "approve_without_calendar": Google's granular consent, the calendar box left unticked.
Decision = Literal["approve", "deny", "approve_without_calendar"]


@dataclass
class RecordedCall:
    """One request the fake received (a batch part is recorded as its own call)."""

    method: str
    path: str
    query: MultiDict[str]
    body: Json | None
    headers: CIMultiDict[str]
    batch: bool = False
    batch_no: int | None = None
    status: int | None = None


_CALL_KEY = web.RequestKey("fake_google.call", RecordedCall)


@dataclass
class Account:
    """A Google account that can consent."""

    sub: str
    email: str
    # A string ("true"/"false") plays the userinfo answers that send the claim as text.
    email_verified: bool | str = True


@dataclass
class Calendar:
    """A secondary calendar; ``events`` holds live events, deleted ids stay reserved."""

    id: str
    summary: str
    time_zone: str
    owner_sub: str
    events: dict[str, Json] = field(default_factory=dict)
    deleted_ids: set[str] = field(default_factory=set)
    tombstones: dict[str, Json] = field(default_factory=dict)
    description: str | None = None
    etag: str = ""


@dataclass(frozen=True)
class AuthRequest:
    """One visit of the consent page, as the client asked for it."""

    query: dict[str, str]
    scopes: tuple[str, ...]


@dataclass
class _Grant:
    sub: str
    client_id: str
    scopes: tuple[str, ...]
    refresh_token: str | None
    revoked: bool = False


@dataclass
class _AccessToken:
    grant: _Grant
    scopes: tuple[str, ...]
    expires_at: float
    expired: bool = False

    def is_valid(self) -> bool:
        return not (self.expired or self.grant.revoked or time.time() >= self.expires_at)


@dataclass
class _AuthCode:
    client_id: str
    redirect_uri: str
    sub: str
    scopes: tuple[str, ...]
    code_challenge: str
    issue_refresh_token: bool
    expires_at: float
    used: bool = False


@dataclass
class _Reply:
    status: int
    body: Json | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Faults:
    rate: float = 0.0
    statuses: tuple[int, ...] = (429, 500, 503)
    retry_after: int = 1
    latency: float = 0.0
    include_oauth: bool = False
    commit_then_fail: float = 0.0


class FakeGoogle(LocalServer):
    """Google OAuth + Calendar v3 on 127.0.0.1, with state and helpers for tests."""

    def __init__(
        self,
        client_id: str = "test-client",
        client_secret: str = "test-secret",
        *,
        redirect_uris: Iterable[str] | None = None,
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_uris = None if redirect_uris is None else set(redirect_uris)
        self.calls: list[RecordedCall] = []
        self.auth_requests: list[AuthRequest] = []
        self.accounts: dict[str, Account] = {}
        self.calendars: dict[str, Calendar] = {}
        self.next_consent: tuple[str, Decision] | None = None
        self._codes: dict[str, _AuthCode] = {}
        self._grants: list[_Grant] = []
        self._refresh_tokens: dict[str, _Grant] = {}
        self._access_tokens: dict[str, _AccessToken] = {}
        self._consented: set[tuple[str, str]] = set()
        self._faults = _Faults()
        self._scripted: dict[str, list[int]] = {}
        self._rng = random.Random()
        self._etag_counter = int(time.time() * 1000) * 1000
        self._batch_count = 0
        self.app = self._build_app()

    # ---------------------------------------------------------------- helpers for tests

    def add_account(self, sub: str, email: str, *, email_verified: bool | str = True) -> Account:
        account = Account(sub, email, email_verified)
        self.accounts[sub] = account
        return account

    def add_calendar(
        self,
        sub: str,
        summary: str = "Contests",
        *,
        time_zone: str = "UTC",
        calendar_id: str | None = None,
    ) -> Calendar:
        """Create a calendar owned by ``sub`` directly, without an API call."""
        cal = Calendar(
            id=calendar_id or _new_calendar_id(),
            summary=summary,
            time_zone=time_zone,
            owner_sub=sub,
            etag=self._new_etag(),
        )
        self.calendars[cal.id] = cal
        return cal

    def issue_refresh_token(
        self, sub: str, scopes: Sequence[str] = DEFAULT_SCOPES, *, client_id: str | None = None
    ) -> str:
        """Mint a refresh token as if ``sub`` had consented, skipping the browser dance."""
        if sub not in self.accounts:
            raise KeyError(f"unknown account {sub!r}")
        refresh_token = _new_refresh_token()
        grant = _Grant(sub, client_id or self.client_id, _normalise_scopes(scopes), refresh_token)
        self._grants.append(grant)
        self._refresh_tokens[refresh_token] = grant
        self._consented.add((sub, grant.client_id))
        return refresh_token

    def issued_secrets(self) -> list[str]:
        """Every secret the fake handed out: authorization codes, access and refresh tokens."""
        return [*self._codes, *self._access_tokens, *self.issued_refresh_tokens()]

    def issued_refresh_tokens(self) -> list[str]:
        """Every refresh token handed out so far, revoked or not (for leak checks)."""
        return [g.refresh_token for g in self._grants if g.refresh_token]

    def revoke_all(self, sub: str) -> None:
        """Revoke every grant of ``sub``: refresh tokens give invalid_grant, access tokens 401."""
        for grant in self._grants:
            if grant.sub == sub:
                grant.revoked = True

    def expire_access_tokens(self) -> None:
        """Make every access token issued so far answer 401 on its next use."""
        for token in self._access_tokens.values():
            token.expired = True

    def set_faults(
        self,
        rate: float = 0.0,
        statuses: Sequence[int] = (429, 500, 503),
        retry_after: int = 1,
        latency: float = 0.0,
        seed: int | None = None,
        *,
        include_oauth: bool = False,
        commit_then_fail: float = 0.0,
    ) -> None:
        """Inject random faults into Calendar calls (each batch part on its own) and latency.

        ``commit_then_fail`` is the chance that an injected 5xx on a write strikes after the
        write was stored, as Google's backend errors sometimes do (a retried insert then gets 409).
        ``include_oauth`` extends the faults to the token, revoke and userinfo endpoints.
        """
        if not statuses:
            raise ValueError("statuses must not be empty")
        self._faults = _Faults(
            rate, tuple(statuses), retry_after, latency, include_oauth, commit_then_fail
        )
        self._rng = random.Random(seed)

    def fail_next(self, path: str, status: int = 503, times: int = 1) -> None:
        """The next `times` requests to `path` (e.g. "/token") answer `status`, like an outage;
        a batch part counts as a request to its own path."""
        self._scripted.setdefault(path, []).extend([status] * times)

    def write_calls(self) -> list[RecordedCall]:
        """Calendar calls that try to change something (whatever their status), batch parts too."""
        return [
            call
            for call in self.calls
            if call.method in WRITE_METHODS and call.path.startswith("/calendar/v3/")
        ]

    def events_of(self, calendar_id: str) -> dict[str, Json]:
        """Live events of a calendar by id (KeyError for an unknown or deleted calendar)."""
        return dict(self.calendars[calendar_id].events)

    # ---------------------------------------------------------------- app

    def _build_app(self) -> web.Application:
        @web.middleware
        async def record(request: web.Request, handler: Handler) -> web.StreamResponse:
            return await self._around(request, handler)

        app = web.Application(middlewares=[record], client_max_size=32 * 1024 * 1024)
        app.router.add_get("/o/oauth2/v2/auth", self._authorize)
        app.router.add_post("/token", self._token)
        app.router.add_post("/revoke", self._revoke)
        app.router.add_get("/v1/userinfo", self._userinfo)
        app.router.add_post("/batch/calendar/v3", self._batch)
        app.router.add_route("*", "/calendar/v3/{tail:.*}", self._calendar_api)
        return app

    async def _around(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if self._faults.latency:
            await asyncio.sleep(self._faults.latency)
        raw = await request.read()
        call = RecordedCall(
            method=request.method,
            path=request.path,
            query=MultiDict(request.query),
            body=_decode_body(raw, request.content_type),
            headers=CIMultiDict(request.headers),
        )
        self.calls.append(call)
        request[_CALL_KEY] = call
        response: web.StreamResponse
        scripted = self._scripted.get(request.path)
        if scripted:
            response = _to_response(
                self._fault_reply(scripted.pop(0), oauth=request.path in _OAUTH_API_PATHS)
            )
            call.status = response.status
            return response
        if self._faults.include_oauth and request.path in _OAUTH_API_PATHS:
            fault = self._draw_fault(oauth=True)
            if fault is not None:
                response = _to_response(fault)
                call.status = response.status
                return response
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            call.status = exc.status
            raise
        call.status = response.status
        return response

    # ---------------------------------------------------------------- OAuth

    async def _authorize(self, request: web.Request) -> web.Response:
        query = dict(request.query)
        scopes = tuple(query.get("scope", "").split())
        self.auth_requests.append(AuthRequest(query, scopes))
        if query.get("client_id") != self.client_id:
            return _error_page("invalid_client", "The OAuth client was not found.")
        redirect_uri = query.get("redirect_uri", "")
        if not _redirect_allowed(redirect_uri, self.redirect_uris):
            return _error_page("redirect_uri_mismatch", f"redirect_uri={redirect_uri!r}")
        problem = _authorize_problem(query, scopes)
        if problem:
            return _error_page("invalid_request", problem)
        state = query["state"]
        if self.next_consent is not None:
            sub, decision = self.next_consent
            self.next_consent = None
        elif self.accounts:
            sub, decision = next(iter(self.accounts)), "approve"
        else:
            return _error_page("invalid_request", "No account to sign in with.")
        if sub not in self.accounts:
            return _error_page("invalid_request", f"Unknown account {sub!r}.")
        if decision == "deny":
            return _redirect(redirect_uri, {"error": "access_denied", "state": state})
        granted = _normalise_scopes(scopes)
        if decision == "approve_without_calendar":
            granted = tuple(s for s in granted if "/auth/calendar" not in s)
        first_consent = (sub, self.client_id) not in self._consented
        offline = query.get("access_type") == "offline"
        reconsent = "consent" in query.get("prompt", "").split()
        self._consented.add((sub, self.client_id))
        code = "4/0" + secrets.token_urlsafe(32)
        self._codes[code] = _AuthCode(
            client_id=self.client_id,
            redirect_uri=redirect_uri,
            sub=sub,
            scopes=granted,
            code_challenge=query["code_challenge"],
            issue_refresh_token=offline and (first_consent or reconsent),
            expires_at=time.time() + AUTH_CODE_TTL,
        )
        params = {"state": state, "code": code, "scope": " ".join(granted), "authuser": "0"}
        if reconsent:
            params["prompt"] = "consent"
        return _redirect(redirect_uri, params)

    async def _token(self, request: web.Request) -> web.Response:
        form = _decode_form(await request.read())
        client_id, client_secret = _client_credentials(request.headers, form)
        if not client_id:
            return _oauth_error(
                400, "invalid_request", "Could not determine client ID from request."
            )
        if client_id != self.client_id:
            return _oauth_error(401, "invalid_client", "The OAuth client was not found.")
        if client_secret != self.client_secret:
            return _oauth_error(401, "invalid_client", "Unauthorized")
        grant_type = form.get("grant_type", "")
        if grant_type == "authorization_code":
            return self._exchange_code(form)
        if grant_type == "refresh_token":
            return self._refresh(form)
        return _oauth_error(400, "unsupported_grant_type", f"Invalid grant_type: {grant_type}")

    def _exchange_code(self, form: dict[str, str]) -> web.Response:
        code = self._codes.get(form.get("code", ""))
        if code is None or code.used or time.time() >= code.expires_at:
            return _oauth_error(400, "invalid_grant", "Malformed auth code.")
        if code.client_id != self.client_id:
            return _oauth_error(400, "invalid_grant", "Bad Request")
        if form.get("redirect_uri") != code.redirect_uri:
            return _oauth_error(400, "redirect_uri_mismatch", "Bad Request")
        verifier = form.get("code_verifier", "")
        if not verifier:
            return _oauth_error(400, "invalid_grant", "Missing code verifier.")
        if not _PKCE_VERIFIER_RE.fullmatch(verifier) or _s256(verifier) != code.code_challenge:
            return _oauth_error(400, "invalid_grant", "Invalid code verifier.")
        code.used = True
        refresh_token = _new_refresh_token() if code.issue_refresh_token else None
        grant = _Grant(code.sub, code.client_id, code.scopes, refresh_token)
        self._grants.append(grant)
        if refresh_token:
            self._refresh_tokens[refresh_token] = grant
        return _json_response(200, self._token_body(grant, grant.scopes))

    def _refresh(self, form: dict[str, str]) -> web.Response:
        grant = self._refresh_tokens.get(form.get("refresh_token", ""))
        if grant is None or grant.revoked:
            return _oauth_error(400, "invalid_grant", "Token has been expired or revoked.")
        if grant.client_id != self.client_id:
            return _oauth_error(401, "unauthorized_client", "Unauthorized")
        scopes = grant.scopes
        if form.get("scope"):
            scopes = _normalise_scopes(form["scope"].split())
            if not set(scopes) <= set(grant.scopes):
                return _oauth_error(400, "invalid_scope", "Bad Request")
        body = self._token_body(grant, scopes)
        body.pop("refresh_token", None)
        return _json_response(200, body)

    def _token_body(self, grant: _Grant, scopes: tuple[str, ...]) -> Json:
        access_token = "ya29." + secrets.token_urlsafe(48)
        self._access_tokens[access_token] = _AccessToken(
            grant, scopes, time.time() + ACCESS_TOKEN_TTL
        )
        body: Json = {
            "access_token": access_token,
            "expires_in": ACCESS_TOKEN_TTL,
            "scope": " ".join(scopes),
            "token_type": "Bearer",
        }
        if grant.refresh_token:
            body["refresh_token"] = grant.refresh_token
        if OPENID_SCOPE in scopes:
            body["id_token"] = self._id_token(grant.sub, scopes)
        return body

    def _id_token(self, sub: str, scopes: tuple[str, ...]) -> str:
        """An unsigned JWT (alg none): enough to read claims, never meant to be verified."""
        now = int(time.time())
        claims: Json = {
            "iss": "https://accounts.google.com",
            "azp": self.client_id,
            "aud": self.client_id,
            "sub": sub,
            "iat": now,
            "exp": now + ACCESS_TOKEN_TTL,
        }
        account = self.accounts.get(sub)
        if account is not None and EMAIL_SCOPE in scopes:
            claims["email"] = account.email
            claims["email_verified"] = account.email_verified
        header = {"alg": "none", "typ": "JWT"}
        return f"{_b64url_json(header)}.{_b64url_json(claims)}."

    async def _revoke(self, request: web.Request) -> web.Response:
        form = _decode_form(await request.read())
        token = form.get("token") or request.query.get("token", "")
        grant = self._refresh_tokens.get(token)
        access = self._access_tokens.get(token)
        if grant is None and access is not None and access.is_valid():
            grant = access.grant
        if grant is None or grant.revoked:
            return _oauth_error(400, "invalid_token", "Token expired or revoked")
        grant.revoked = True
        return _json_response(200, {})

    async def _userinfo(self, request: web.Request) -> web.Response:
        token = self._bearer(request.headers)
        if token is None:
            response = _oauth_error(401, "invalid_request", "Invalid Credentials")
            response.headers["WWW-Authenticate"] = 'Bearer realm="https://accounts.google.com/"'
            return response
        body: Json = {"sub": token.grant.sub}
        account = self.accounts.get(token.grant.sub)
        if account is not None and EMAIL_SCOPE in token.scopes:
            body["email"] = account.email
            body["email_verified"] = account.email_verified
        return _json_response(200, body)

    def _bearer(self, headers: Mapping[str, str]) -> _AccessToken | None:
        scheme, _, value = headers.get("Authorization", "").partition(" ")
        token = self._access_tokens.get(value.strip()) if scheme.lower() == "bearer" else None
        return token if token is not None and token.is_valid() else None

    # ---------------------------------------------------------------- Calendar API

    async def _calendar_api(self, request: web.Request) -> web.Response:
        reply = self._dispatch(
            request.method,
            request.raw_path.split("?", 1)[0],
            request.query,
            await request.read(),
            request.headers,
        )
        return _to_response(reply)

    def _dispatch(
        self,
        method: str,
        raw_path: str,
        query: MultiMapping[str],
        raw_body: bytes,
        headers: Mapping[str, str],
        parsed: Json | None = None,
    ) -> _Reply:
        """Handle one Calendar call, from a plain request or a batch part.

        `parsed` is the body already decoded (batch parts are decoded once, for the record).
        """
        reply = self._dispatch_call(method, raw_path, query, raw_body, headers, parsed)
        fields = query.get("fields")
        if fields and reply.status < 300 and isinstance(reply.body, dict):
            # Partial response, top-level selectors only ("id,etag,items(id)" keeps id, etag,
            # items).
            keep = {f.split("(", 1)[0].split("/", 1)[0].strip() for f in _split_fields(fields)}
            reply = _Reply(
                reply.status, {k: v for k, v in reply.body.items() if k in keep}, reply.headers
            )
        return reply

    def _dispatch_call(
        self,
        method: str,
        raw_path: str,
        query: MultiMapping[str],
        raw_body: bytes,
        headers: Mapping[str, str],
        parsed_body: Json | None = None,
    ) -> _Reply:
        if not headers.get("Authorization"):
            return _google_error(
                401,
                "required",
                "Login Required.",
                location="Authorization",
                locationType="header",
            )
        token = self._bearer(headers)
        if token is None:
            reply = _google_error(
                401,
                "authError",
                "Invalid Credentials",
                location="Authorization",
                locationType="header",
            )
            reply.headers["WWW-Authenticate"] = 'Bearer realm="https://accounts.google.com/"'
            return reply
        allowed = _CALENDAR_WRITE_SCOPES if method in WRITE_METHODS else _CALENDAR_READ_SCOPES
        if not allowed & set(token.scopes):
            return _google_error(
                403, "insufficientPermissions", "Request had insufficient authentication scopes."
            )
        fault = self._draw_fault(oauth=False)
        if fault is not None:
            commit = (
                method in WRITE_METHODS
                and fault.status >= 500
                and self._rng.random() < self._faults.commit_then_fail
            )
            if not commit:
                return fault
        body: Json = {}
        if (
            method in ("POST", "PUT", "PATCH")
            and parsed_body is not None
            and "_raw" not in parsed_body
        ):
            body = parsed_body
        elif method in ("POST", "PUT", "PATCH") and raw_body.strip():
            try:
                parsed = json.loads(raw_body)
            except ValueError:
                return _google_error(400, "parseError", "Parse Error")
            if not isinstance(parsed, dict):
                return _google_error(400, "parseError", "Parse Error")
            body = parsed
        segments = [unquote(s) for s in raw_path.split("/")[3:]]
        reply = self._route(method, segments, query, body, token.grant.sub)
        return fault if fault is not None else reply

    def _route(
        self, method: str, segments: list[str], query: MultiMapping[str], body: Json, sub: str
    ) -> _Reply:
        match method, segments:
            case "POST", ["calendars"]:
                return self._insert_calendar(sub, body)
            case "GET", ["users", "me", "calendarList"]:
                return self._list_calendar_list(sub, query)
            case "GET", ["users", "me", "calendarList", calendar_id]:
                found = self._own_calendar(sub, calendar_id)
                return found if isinstance(found, _Reply) else _Reply(200, _list_entry(found))
            case _, ["calendars", calendar_id, *rest]:
                found = self._own_calendar(sub, calendar_id)
                if isinstance(found, _Reply):
                    return found
                return self._route_calendar(method, found, rest, query, body)
        return _google_error(404, "notFound", "Not Found")

    def _route_calendar(
        self, method: str, cal: Calendar, rest: list[str], query: MultiMapping[str], body: Json
    ) -> _Reply:
        match method, rest:
            case "GET", []:
                return _Reply(200, _calendar_resource(cal))
            case "PATCH" | "PUT", []:
                return self._update_calendar(cal, body, replace=method == "PUT")
            case "DELETE", []:
                del self.calendars[cal.id]
                return _Reply(204)
            case "GET", ["events"]:
                return self._list_events(cal, query)
            case "POST", ["events"]:
                return self._insert_event(cal, body)
            case "GET", ["events", event_id]:
                found = _live_event(cal, event_id)
                return found if isinstance(found, _Reply) else _Reply(200, found)
            case "PATCH" | "PUT", ["events", event_id]:
                return self._update_event(cal, event_id, body, replace=method == "PUT")
            case "DELETE", ["events", event_id]:
                return self._delete_event(cal, event_id)
        return _google_error(404, "notFound", "Not Found")

    def _own_calendar(self, sub: str, calendar_id: str) -> Calendar | _Reply:
        if calendar_id == "primary" and sub in self.accounts:
            calendar_id = self.accounts[sub].email
        cal = self.calendars.get(calendar_id)
        if cal is None or cal.owner_sub != sub:
            return _google_error(404, "notFound", "Not Found")
        return cal

    def _insert_calendar(self, sub: str, body: Json) -> _Reply:
        summary = body.get("summary")
        if not isinstance(summary, str) or not summary:
            return _google_error(400, "required", "Missing title.")
        time_zone = body.get("timeZone", "UTC")
        if not _valid_zone(time_zone):
            return _google_error(400, "invalid", "Invalid time zone definition.")
        cal = self.add_calendar(sub, summary, time_zone=time_zone)
        cal.description = body.get("description")
        return _Reply(200, _calendar_resource(cal))

    def _update_calendar(self, cal: Calendar, body: Json, *, replace: bool) -> _Reply:
        summary = body.get("summary", None if replace else cal.summary)
        if not isinstance(summary, str) or not summary:
            return _google_error(400, "required", "Missing title.")
        time_zone = body.get("timeZone", "UTC" if replace else cal.time_zone)
        if not _valid_zone(time_zone):
            return _google_error(400, "invalid", "Invalid time zone definition.")
        cal.summary, cal.time_zone = summary, time_zone
        cal.description = body.get("description", None if replace else cal.description)
        cal.etag = self._new_etag()
        return _Reply(200, _calendar_resource(cal))

    def _list_calendar_list(self, sub: str, query: MultiMapping[str]) -> _Reply:
        owned = [_list_entry(cal) for cal in self.calendars.values() if cal.owner_sub == sub]
        page = _paginate(owned, query, default_size=100, max_size=250)
        if isinstance(page, _Reply):
            return page
        items, next_token = page
        body: Json = {"kind": "calendar#calendarList", "etag": self._new_etag(), "items": items}
        if next_token:
            body["nextPageToken"] = next_token
        return _Reply(200, body)

    def _insert_event(self, cal: Calendar, body: Json) -> _Reply:
        event_id = body.get("id")
        if event_id is None:
            event_id = "".join(secrets.choice(_BASE32HEX) for _ in range(26))
        elif not isinstance(event_id, str) or not _EVENT_ID_RE.fullmatch(event_id):
            return _google_error(400, "invalid", "Invalid resource id value.")
        if event_id in cal.events or event_id in cal.deleted_ids:
            return _google_error(409, "duplicate", "The requested identifier already exists.")
        problem = _validate_event(body)
        if problem is not None:
            return problem
        now = _rfc3339_now()
        owner = self.accounts.get(cal.owner_sub)
        event: Json = {
            "kind": "calendar#event",
            "etag": self._new_etag(),
            "id": event_id,
            "status": "confirmed",
            "htmlLink": _html_link(event_id, cal.id),
            "created": now,
            "updated": now,
            **{k: v for k, v in body.items() if k not in _SERVER_EVENT_FIELDS | {"id"}},
            "creator": {"email": owner.email if owner else cal.owner_sub},
            "organizer": {"email": cal.id, "displayName": cal.summary, "self": True},
            "iCalUID": f"{event_id}@google.com",
            "sequence": body.get("sequence", 0),
            "reminders": body.get("reminders", {"useDefault": True}),
            "eventType": body.get("eventType", "default"),
        }
        if event["status"] not in ("confirmed", "tentative"):
            event["status"] = "confirmed"
        cal.events[event_id] = event
        return _Reply(200, event)

    def _update_event(self, cal: Calendar, event_id: str, body: Json, *, replace: bool) -> _Reply:
        if event_id in cal.deleted_ids and body.get("status") == "confirmed":
            # As at Google: writing status "confirmed" over a cancelled event restores it.
            tombstone = cal.tombstones.pop(event_id, {"kind": "calendar#event", "id": event_id})
            cal.deleted_ids.discard(event_id)
            cal.events[event_id] = {**tombstone, "status": "confirmed"}
        found = _live_event(cal, event_id)
        if isinstance(found, _Reply):
            return found
        client_fields = {k: v for k, v in body.items() if k not in _SERVER_EVENT_FIELDS | {"id"}}
        if replace:
            kept = {k: v for k, v in found.items() if k in _SERVER_EVENT_FIELDS | {"id"}}
            updated = {**kept, "status": "confirmed", **client_fields}
            updated.setdefault("reminders", {"useDefault": True})
        else:
            updated = _merge_patch(found, client_fields)
        problem = _validate_event(updated)
        if problem is not None:
            return problem
        if updated.get("start") != found.get("start") or updated.get("end") != found.get("end"):
            updated["sequence"] = int(found.get("sequence", 0)) + 1
        else:
            updated.setdefault("sequence", found.get("sequence", 0))
        updated["etag"] = self._new_etag()
        updated["updated"] = _rfc3339_now()
        cal.events[event_id] = updated
        return _Reply(200, updated)

    def _delete_event(self, cal: Calendar, event_id: str) -> _Reply:
        found = _live_event(cal, event_id)
        if isinstance(found, _Reply):
            return found
        del cal.events[event_id]
        cal.deleted_ids.add(event_id)
        cal.tombstones[event_id] = {
            **found,
            "status": "cancelled",
            "etag": self._new_etag(),
            "updated": _rfc3339_now(),
        }
        return _Reply(204)

    def _list_events(self, cal: Calendar, query: MultiMapping[str]) -> _Reply:
        events = list(cal.events.values())
        if query.get("showDeleted") == "true":
            events += [
                cal.tombstones.get(
                    eid, {"kind": "calendar#event", "id": eid, "status": "cancelled"}
                )
                for eid in cal.deleted_ids
            ]
        for param, scope in (
            ("privateExtendedProperty", "private"),
            ("sharedExtendedProperty", "shared"),
        ):
            for condition in query.getall(param, []):
                key, sep, value = condition.partition("=")
                if not sep:
                    return _google_error(400, "invalid", f"Invalid {param} value.")
                events = [e for e in events if _extended(e, scope).get(key) == value]
        if "iCalUID" in query:
            events = [e for e in events if e.get("iCalUID") == query["iCalUID"]]
        for param in ("timeMin", "timeMax"):
            if param not in query:
                continue
            bound = _parse_instant(query[param])
            if bound is None:
                return _google_error(400, "badRequest", f"Bad Request: {param} is not RFC3339.")
            if param == "timeMin":
                events = [e for e in events if _event_bound(e, "end") > bound]
            else:
                events = [e for e in events if _event_bound(e, "start") < bound]
        order_by = query.get("orderBy")
        if order_by == "startTime":
            if query.get("singleEvents") != "true":
                return _google_error(400, "invalid", "The requested ordering is not available.")
            events.sort(key=lambda e: _event_bound(e, "start"))
        elif order_by == "updated":
            events.sort(key=lambda e: str(e.get("updated", "")))
        elif order_by is not None:
            return _google_error(400, "invalid", "Invalid Value")
        page = _paginate(events, query, default_size=250, max_size=2500)
        if isinstance(page, _Reply):
            return page
        items, next_token = page
        body: Json = {
            "kind": "calendar#events",
            "etag": self._new_etag(),
            "summary": cal.summary,
            "updated": _rfc3339_now(),
            "timeZone": cal.time_zone,
            "accessRole": "owner",
            "defaultReminders": [],
            "items": items,
        }
        if next_token:
            body["nextPageToken"] = next_token
        return _Reply(200, body)

    # ---------------------------------------------------------------- batch

    async def _batch(self, request: web.Request) -> web.Response:
        self._batch_count += 1
        batch_no = self._batch_count
        request[_CALL_KEY].batch_no = batch_no
        boundary = _boundary(request.headers.get("Content-Type", ""))
        parts = _split_multipart(await request.read(), boundary) if boundary else []
        if not parts:
            return _to_response(
                _google_error(400, "badRequest", "Invalid multipart request with 0 mime parts.")
            )
        if len(parts) > MAX_BATCH_PARTS:
            return _to_response(
                _google_error(
                    400,
                    "badRequest",
                    f"Cannot have more than {MAX_BATCH_PARTS} parts in a batch request.",
                )
            )
        out_boundary = "batch_" + secrets.token_hex(12)
        chunks: list[str] = []
        for part in parts:
            part_headers, http_request = _split_head(part)
            reply = self._batch_part(http_request, request.headers, batch_no)
            chunks.append(_render_part(out_boundary, part_headers.get("Content-ID"), reply))
        chunks.append(f"--{out_boundary}--\r\n")
        return web.Response(
            body="".join(chunks).encode(),
            headers={"Content-Type": f"multipart/mixed; boundary={out_boundary}"},
        )

    def _batch_part(
        self, http_request: bytes, outer_headers: Mapping[str, str], batch_no: int
    ) -> _Reply:
        request_line, _, rest = http_request.partition(b"\n")
        try:
            method, target, _version = request_line.decode().strip().split(" ", 2)
        except ValueError:
            return _google_error(400, "badRequest", "Invalid request line in batch part.")
        headers, body = _split_head(rest) if rest.strip() else (CIMultiDict[str](), b"")
        if headers.get("Content-Length", "").isdigit():
            body = body[: int(headers["Content-Length"])]
        if "Authorization" not in headers and "Authorization" in outer_headers:
            headers["Authorization"] = outer_headers["Authorization"]
        url = urlsplit(target)
        call = RecordedCall(
            method=method,
            path=unquote(url.path),
            query=MultiDict(parse_qsl(url.query, keep_blank_values=True)),
            body=_decode_body(body, headers.get("Content-Type", "application/json")),
            headers=headers,
            batch=True,
            batch_no=batch_no,
        )
        self.calls.append(call)
        scripted = self._scripted.get(call.path)
        if scripted:
            reply = self._fault_reply(scripted.pop(0), oauth=False)
        elif url.path.startswith("/calendar/v3/"):
            reply = self._dispatch(method, url.path, call.query, body, headers, call.body)
        else:
            reply = _google_error(404, "notFound", "Not Found")
        call.status = reply.status
        return reply

    # ---------------------------------------------------------------- faults and misc

    def _draw_fault(self, *, oauth: bool) -> _Reply | None:
        faults = self._faults
        if faults.rate <= 0 or self._rng.random() >= faults.rate:
            return None
        return self._fault_reply(self._rng.choice(faults.statuses), oauth=oauth)

    def _fault_reply(self, status: int, *, oauth: bool) -> _Reply:
        """Google's answer for an injected `status`: OAuth-style or Calendar-style error body."""
        headers: dict[str, str] = {}
        if status == 429:
            headers["Retry-After"] = str(self._faults.retry_after)
        if oauth:
            error = "temporarily_unavailable" if status in (429, 503) else "internal_failure"
            return _Reply(status, {"error": error, "error_description": "Injected fault"}, headers)
        if status in (403, 429):
            reason = self._rng.choice(("rateLimitExceeded", "userRateLimitExceeded"))
            message = (
                "Rate Limit Exceeded"
                if reason == "rateLimitExceeded"
                else ("User Rate Limit Exceeded")
            )
            reply = _google_error(status, reason, message, domain="usageLimits")
        elif status >= 500:
            reply = _google_error(status, "backendError", "Backend Error")
        else:
            reply = _google_error(status, "invalid", HTTPStatus(status).phrase)
        reply.headers.update(headers)
        return reply

    def _new_etag(self) -> str:
        self._etag_counter += 1
        return f'"{self._etag_counter}"'


# -------------------------------------------------------------------- pure helpers


def _split_fields(fields: str) -> list[str]:
    """Split a `fields` selector on the commas that are not inside parentheses."""
    out, depth, current = [], 0, ""
    for char in fields:
        if char == "," and depth == 0:
            out.append(current)
            current = ""
            continue
        depth += (char == "(") - (char == ")")
        current += char
    return [*out, current]


def _google_error(
    status: int, reason: str, message: str, *, domain: str = "global", **extra: str
) -> _Reply:
    """A Google API error body: {"error": {"code", "message", "errors": [...], "status"}}."""
    detail = {"message": message, "domain": domain, "reason": reason, **extra}
    body = {
        "error": {
            "code": status,
            "message": message,
            "errors": [detail],
            "status": _STATUS_NAMES.get(status, "UNKNOWN"),
        }
    }
    return _Reply(status, body)


def _to_response(reply: _Reply) -> web.Response:
    if reply.body is None:
        return web.Response(status=reply.status, headers=reply.headers)
    return web.Response(
        status=reply.status,
        text=json.dumps(reply.body, ensure_ascii=False),
        headers={"Content-Type": JSON_CONTENT_TYPE, **reply.headers},
    )


def _json_response(status: int, body: Json) -> web.Response:
    return web.Response(
        status=status,
        text=json.dumps(body),
        headers={"Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"},
    )


def _oauth_error(status: int, error: str, description: str) -> web.Response:
    return _json_response(status, {"error": error, "error_description": description})


def _error_page(error: str, description: str) -> web.Response:
    text = (
        f"<!doctype html><title>Error 400 ({html.escape(error)})</title>"
        f"<h1>Access blocked: Error 400: {html.escape(error)}</h1>"
        f"<p>{html.escape(description)}</p>"
    )
    return web.Response(status=400, text=text, content_type="text/html")


def _redirect(redirect_uri: str, params: dict[str, str]) -> web.Response:
    separator = "&" if "?" in redirect_uri else "?"
    return web.Response(
        status=302, headers={"Location": redirect_uri + separator + urlencode(params)}
    )


def _redirect_allowed(redirect_uri: str, registered: set[str] | None) -> bool:
    if registered is not None:
        return redirect_uri in registered
    url = urlsplit(redirect_uri)
    return url.scheme in ("http", "https") and bool(url.netloc) and not url.fragment


def _authorize_problem(query: dict[str, str], scopes: tuple[str, ...]) -> str | None:
    if query.get("response_type") != "code":
        return "Only response_type=code is supported."
    if not scopes:
        return "Missing required parameter: scope"
    if not query.get("state"):
        return "Missing required parameter: state (the fake insists on it)"
    if not query.get("code_challenge"):
        return "Missing required parameter: code_challenge (PKCE is required)"
    if query.get("code_challenge_method") != "S256":
        return "code_challenge_method must be S256"
    return None


def _client_credentials(headers: Mapping[str, str], form: dict[str, str]) -> tuple[str, str]:
    scheme, _, value = headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip()).decode()
        except ValueError:
            return "", ""
        client_id, _, secret = decoded.partition(":")
        return unquote_plus(client_id), unquote_plus(secret)
    return form.get("client_id", ""), form.get("client_secret", "")


def _normalise_scopes(scopes: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for scope in scopes:
        seen[_SCOPE_ALIASES.get(scope, scope)] = None
    return tuple(seen)


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _b64url_json(value: Json) -> str:
    raw = json.dumps(value, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _new_refresh_token() -> str:
    return "1//0" + secrets.token_urlsafe(48)


def _new_calendar_id() -> str:
    return f"c_{secrets.token_hex(32)}@group.calendar.google.com"


def _rfc3339_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _html_link(event_id: str, calendar_id: str) -> str:
    eid = base64.urlsafe_b64encode(f"{event_id} {calendar_id}".encode()).rstrip(b"=").decode()
    return f"https://www.google.com/calendar/event?eid={eid}"


def _valid_zone(name: object) -> bool:
    if not isinstance(name, str) or not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _decode_body(raw: bytes, content_type: str) -> Json | None:
    if not raw:
        return None
    text = raw.decode("utf-8", errors="replace")
    if content_type.startswith("application/x-www-form-urlencoded"):
        return dict(parse_qsl(text, keep_blank_values=True))
    if content_type.startswith("multipart/"):
        return None
    try:
        parsed = json.loads(text)
    except ValueError:
        return {"_raw": text}
    return parsed if isinstance(parsed, dict) else {"_raw": parsed}


def _decode_form(raw: bytes) -> dict[str, str]:
    return dict(parse_qsl(raw.decode("utf-8", errors="replace"), keep_blank_values=True))


def _calendar_resource(cal: Calendar) -> Json:
    body: Json = {
        "kind": "calendar#calendar",
        "etag": cal.etag,
        "id": cal.id,
        "summary": cal.summary,
        "timeZone": cal.time_zone,
        "conferenceProperties": {"allowedConferenceSolutionTypes": ["hangoutsMeet"]},
    }
    if cal.description is not None:
        body["description"] = cal.description
    return body


def _list_entry(cal: Calendar) -> Json:
    return {
        **_calendar_resource(cal),
        "kind": "calendar#calendarListEntry",
        "colorId": "14",
        "backgroundColor": "#9fe1e7",
        "foregroundColor": "#000000",
        "selected": True,
        "accessRole": "owner",
        "defaultReminders": [],
    }


def _live_event(cal: Calendar, event_id: str) -> Json | _Reply:
    if event_id in cal.deleted_ids:
        return _google_error(410, "deleted", "Resource has been deleted")
    event = cal.events.get(event_id)
    if event is None:
        return _google_error(404, "notFound", "Not Found")
    return event


def _merge_patch(target: Json, patch: Json) -> Json:
    """Google patch semantics: objects merge, arrays and scalars replace, null clears."""
    merged = dict(target)
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge_patch(merged[key], value)
        else:
            merged[key] = value
    return merged


def _validate_event(event: Json) -> _Reply | None:
    times: dict[str, datetime] = {}
    for which in ("start", "end"):
        value = event.get(which)
        if not isinstance(value, dict) or not (value.get("dateTime") or value.get("date")):
            return _google_error(400, "required", f"Missing {which} time.")
        parsed = _parse_event_time(value, which)
        if isinstance(parsed, _Reply):
            return parsed
        times[which] = parsed
    if times["end"] < times["start"]:
        return _google_error(400, "timeRangeEmpty", "The specified time range is empty.")
    return _validate_event_extras(event)


def _parse_event_time(value: dict[str, Any], which: str) -> datetime | _Reply:
    zone_name = value.get("timeZone")
    if zone_name is not None and not _valid_zone(zone_name):
        return _google_error(400, "invalid", f"Invalid time zone definition for {which} time.")
    if value.get("dateTime") and value.get("date"):
        return _google_error(400, "invalid", f"Invalid {which} time.")
    try:
        if value.get("date"):
            day = date.fromisoformat(str(value["date"]))
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
        instant = datetime.fromisoformat(str(value["dateTime"]))
    except ValueError:
        return _google_error(400, "invalid", f"Invalid {which} time.")
    if instant.tzinfo is None:
        if zone_name is None:
            return _google_error(400, "required", f"Missing time zone definition for {which} time.")
        instant = instant.replace(tzinfo=ZoneInfo(zone_name))
    return instant


def _validate_event_extras(event: Json) -> _Reply | None:
    reminders = event.get("reminders")
    if isinstance(reminders, dict):
        overrides = reminders.get("overrides") or []
        if reminders.get("useDefault") and overrides:
            return _google_error(
                400,
                "cannotUseDefaultRemindersAndSpecifyOverride",
                "Cannot specify both default reminders and overrides at the same time.",
            )
        if len(overrides) > 5:
            return _google_error(400, "invalid", "Too many reminders.")
        for override in overrides:
            minutes = override.get("minutes") if isinstance(override, dict) else None
            if not isinstance(minutes, int) or not 0 <= minutes <= 40320:
                return _google_error(400, "invalid", "Invalid reminder minutes.")
            if override.get("method") not in ("popup", "email"):
                return _google_error(400, "invalid", "Invalid reminder method.")
    color = event.get("colorId")
    if color is not None and color not in {str(n) for n in range(1, 12)}:
        return _google_error(400, "invalid", "Invalid Value")
    extended = event.get("extendedProperties")
    if extended is not None:
        if not isinstance(extended, dict):
            return _google_error(400, "invalid", "Invalid Value")
        for scope in ("private", "shared"):
            props = extended.get(scope) or {}
            if not isinstance(props, dict) or not all(
                isinstance(k, str) and isinstance(v, str) and len(k) <= 44 and len(v) <= 1024
                for k, v in props.items()
            ):
                return _google_error(400, "invalid", "Invalid extended property value.")
    return None


def _extended(event: Json, scope: str) -> dict[str, Any]:
    props = (event.get("extendedProperties") or {}).get(scope) or {}
    return props if isinstance(props, dict) else {}


def _parse_instant(value: str) -> datetime | None:
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:
        return None
    return instant if instant.tzinfo is not None else None


def _event_bound(event: Json, which: str) -> datetime:
    value = event.get(which)
    if isinstance(value, dict):
        parsed = _parse_event_time(value, which)
        if isinstance(parsed, datetime):
            return parsed
    return datetime.min.replace(tzinfo=UTC)


def _paginate(
    items: list[Json], query: MultiMapping[str], *, default_size: int, max_size: int
) -> tuple[list[Json], str | None] | _Reply:
    try:
        size = int(query.get("maxResults", default_size))
        token = query.get("pageToken")
        offset = int(base64.urlsafe_b64decode(token).decode().removeprefix("o:")) if token else 0
    except ValueError:
        return _google_error(400, "invalid", "Invalid Value")
    if size < 1 or offset < 0:
        return _google_error(400, "invalid", "Invalid Value")
    size = min(size, max_size)
    page = items[offset : offset + size]
    if offset + size >= len(items):
        return page, None
    return page, base64.urlsafe_b64encode(f"o:{offset + size}".encode()).decode()


def _boundary(content_type: str) -> str | None:
    message = Message()
    message["Content-Type"] = content_type
    if message.get_content_type() != "multipart/mixed":
        return None
    return message.get_boundary()


def _split_multipart(body: bytes, boundary: str) -> list[bytes]:
    """Split a multipart body into its parts, accepting CRLF or bare LF line breaks."""
    parts = []
    for chunk in body.split(b"--" + boundary.encode())[1:]:
        if chunk.startswith(b"--"):
            break
        part = chunk.lstrip(b" \t")
        part = part[2:] if part.startswith(b"\r\n") else part.removeprefix(b"\n")
        part = part[:-2] if part.endswith(b"\r\n") else part.removesuffix(b"\n")
        parts.append(part)
    return parts


def _split_head(data: bytes) -> tuple[CIMultiDict[str], bytes]:
    """Split MIME/HTTP headers from the body; folded header lines are unfolded."""
    if data.startswith((b"\r\n", b"\n")):
        return CIMultiDict(), data.split(b"\n", 1)[1]
    blank = re.search(rb"\r?\n\r?\n", data)
    head, rest = (data, b"") if blank is None else (data[: blank.start()], data[blank.end() :])
    headers: CIMultiDict[str] = CIMultiDict()
    text = re.sub(r"\r?\n(?=[ \t])", "", head.decode("latin-1"))
    for line in text.splitlines():
        name, sep, value = line.partition(":")
        if sep:
            headers.add(name.strip(), value.strip())
    return headers, rest


def _render_part(boundary: str, content_id: str | None, reply: _Reply) -> str:
    """One application/http response part, CRLF throughout as googleapiclient expects."""
    lines = [f"--{boundary}", "Content-Type: application/http"]
    if content_id:
        inner = content_id[1:-1] if content_id.startswith("<") else content_id
        lines.append(f"Content-ID: <response-{inner}>")
    body = "" if reply.body is None else json.dumps(reply.body, ensure_ascii=False)
    lines += ["", f"HTTP/1.1 {reply.status} {HTTPStatus(reply.status).phrase}"]
    if reply.body is not None:
        lines.append(f"Content-Type: {JSON_CONTENT_TYPE}")
    lines += [f"{name}: {value}" for name, value in reply.headers.items()]
    lines += [f"Content-Length: {len(body.encode())}", "", body]
    return "\r\n".join(lines) + "\r\n"
