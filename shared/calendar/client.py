"""Google Calendar v3 through google-api-python-client, kept off the event loop.

One `CalendarApi` per process holds the parsed API description, a thread pool and the endpoints;
one `CalendarClient` per user sync holds that user's credentials. httplib2 is not thread-safe,
so every thread gets its own `httplib2.Http` wrapped in an `AuthorizedHttp` for the user.

Where this module reaches into the library, and why (measured on the 2-core dev machine, a
50-event batch; tests/calendar/test_client_contract.py runs the library's own code next to ours
on the same requests and answers, so a release that changes these internals fails CI; the
dependency is bounded to the major version tested, in pyproject.toml):

- `CalendarBatch._serialize_request` and `._execute` (overriding `BatchHttpRequest`'s): the
  library builds and parses every part through the `email` package. Writing and reading the
  same multipart wire format as plain strings saves about 8.5 ms of CPU per 50-event batch
  (27 → 18 ms including the answer's parsing), about a third of a sync round's CPU. They keep
  using the library's `_id_to_header`, `_header_to_id` and `_responses`, so the library's own
  `execute` (401 refresh, callbacks, `HttpError`s) runs unchanged.
- `CalendarClient._request` builds each event write as an `HttpRequest` on `service._http`
  instead of through `service.events().insert(...)`: the discovery layer's URI templating costs
  about 2 ms per request (98 ms per 50), formatting the fixed URI about 0.02 ms.
- `NoDelayHttp` sets TCP_NODELAY: without it every batch POST waits ~40 ms on Nagle's algorithm
  and the server's delayed ACK.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import socket
import threading
import urllib.parse
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

import google_auth_httplib2
import httplib2
from google.auth.exceptions import RefreshError, TransportError
from google.oauth2.credentials import Credentials
from googleapiclient.discovery import build
from googleapiclient.errors import BatchError, HttpError
from googleapiclient.http import BatchHttpRequest, HttpRequest
from googleapiclient.model import JsonModel

from shared.calendar.plan import OpKind
from shared.calendar.tokens import AccessToken
from shared.config import Settings
from shared.errors import ContestSyncError, ExternalServiceError, GoogleUnavailableError
from shared.metrics import Metrics
from shared.retry import Backoff, is_retryable_status, parse_retry_after, retrying

log = logging.getLogger(__name__)

BATCH_LIMIT = 50
HTTP_TIMEOUT = 30

T = TypeVar("T")


class GrantRevokedError(ContestSyncError):
    """Google refused the refresh token (invalid_grant): the user must connect again."""


class CalendarApiError(ExternalServiceError):
    """A Calendar call failed; `status` and `reason` say how, `retry_after` when to try again."""

    def __init__(
        self, status: int, reason: str | None, message: str, retry_after: float | None = None
    ) -> None:
        super().__init__(f"Google Calendar answered {status} {reason or ''}: {message}".strip())
        self.status = status
        self.reason = reason
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        """429, 5xx and Google's rate-limit 403s are worth another try."""
        return is_retryable(self.status, self.reason)


RATE_LIMIT_REASONS = frozenset({"rateLimitExceeded", "userRateLimitExceeded"})


def _worth_retrying(exc: BaseException) -> bool:
    if isinstance(exc, CalendarApiError):
        return exc.retryable
    return isinstance(exc, GoogleUnavailableError)


def is_retryable(status: int, reason: str | None) -> bool:
    """True for answers that mean "later", not "never"."""
    if is_retryable_status(status):
        return True
    return status == 403 and reason in RATE_LIMIT_REASONS


@dataclass(frozen=True, slots=True)
class CallResult:
    """The outcome of one call inside a batch."""

    status: int
    body: dict[str, Any] | None = None
    reason: str | None = None
    retry_after: float | None = None


@dataclass(frozen=True, slots=True)
class EventCall:
    """One event write: insert, update (full replace) or delete; `body` as a dict or as JSON."""

    kind: OpKind
    event_id: str
    body: dict[str, Any] | str | None = None


class _NoDelayHTTPConnection(httplib2.HTTPConnectionWithTimeout):
    def connect(self) -> None:
        super().connect()
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _NoDelayHTTPSConnection(httplib2.HTTPSConnectionWithTimeout):
    def connect(self) -> None:
        super().connect()
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class NoDelayHttp(httplib2.Http):
    """httplib2.Http with TCP_NODELAY: http.client writes a str body apart from its headers,
    and Nagle plus the server's delayed ACK would then stall every such request by ~40 ms."""

    def request(
        self,
        uri: str,
        method: str = "GET",
        body: Any = None,
        headers: Any = None,
        redirections: int = httplib2.DEFAULT_MAX_REDIRECTS,
        connection_type: Any = None,
    ) -> Any:
        if connection_type is None:
            secure = uri.startswith("https:")
            connection_type = _NoDelayHTTPSConnection if secure else _NoDelayHTTPConnection
        return super().request(uri, method, body, headers, redirections, connection_type)


def new_http() -> httplib2.Http:
    """A fresh HTTP connection object for one thread."""
    return NoDelayHttp(timeout=HTTP_TIMEOUT)


class CalendarBatch(BatchHttpRequest):
    """BatchHttpRequest with plain-string MIME handling.

    The library builds and parses every part through the `email` package, which costs about
    1.5 ms of CPU per call and caps one process near 600 events/s. The wire format is the same:
    `application/http` parts with `Content-ID`s, answered by `response-<Content-ID>` parts.
    """

    def _serialize_request(self, request: Any) -> str:
        parsed = urllib.parse.urlsplit(request.uri)
        target = parsed.path + (f"?{parsed.query}" if parsed.query else "")
        headers = dict(request.headers)
        lines = [
            f"{request.method} {target} HTTP/1.1",
            f"Content-Type: {headers.pop('content-type', 'application/json')}",
        ]
        lines += [f"{key}: {value}" for key, value in headers.items()]
        lines.append(f"Host: {parsed.netloc}")
        body = request.body
        if body is not None:
            body = body.decode("utf-8") if isinstance(body, bytes) else body
            lines.append(f"content-length: {len(body.encode('utf-8'))}")
        return "\r\n".join(lines) + "\r\n\r\n" + (body or "")

    def _execute(self, http: Any, order: list[str], requests: dict[str, Any]) -> None:
        boundary = f"batch_{uuid.uuid4().hex}"
        parts = [
            f"--{boundary}\r\nContent-Type: application/http\r\n"
            f"Content-Transfer-Encoding: binary\r\nContent-ID: {self._id_to_header(rid)}"
            f"\r\n\r\n{self._serialize_request(requests[rid])}\r\n"
            for rid in order
        ]
        # Bytes, not str: http.client then sends headers and body in one write, which avoids a
        # Nagle/delayed-ACK stall of ~40 ms per batch.
        body = ("".join(parts) + f"--{boundary}--\r\n").encode("utf-8")
        headers = {"content-type": f'multipart/mixed; boundary="{boundary}"'}
        resp, content = http.request(self._batch_uri, method="POST", body=body, headers=headers)
        if resp.status >= 300:
            raise HttpError(resp, content, uri=self._batch_uri)
        match = re.search(r'boundary="?([^";]+)"?', resp.get("content-type", ""))
        if match is None:
            raise BatchError("Response not in multipart/mixed format.", resp=resp, content=content)
        text = content.decode("utf-8") if isinstance(content, bytes) else content
        for chunk in text.split(f"--{match.group(1)}")[1:]:
            if chunk.startswith("--"):
                break
            head, _, payload = _split_blank_line(chunk.lstrip("\r\n"))
            part_headers = _header_map(head)
            request_id = self._header_to_id(part_headers.get("content-id", ""))
            self._responses[request_id] = _inner_response(payload)


def _split_blank_line(text: str) -> tuple[str, str, str]:
    crlf, lf = text.find("\r\n\r\n"), text.find("\n\n")
    if crlf != -1 and (lf == -1 or crlf <= lf):
        return text[:crlf], "\r\n\r\n", text[crlf + 4 :]
    if lf != -1:
        return text[:lf], "\n\n", text[lf + 2 :]
    return text, "", ""


def _header_map(head: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in head.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            out[key.strip().lower()] = value.strip()
    return out


def _inner_response(payload: str) -> tuple[httplib2.Response, bytes]:
    status_line, _, rest = payload.partition("\n")
    _, status, reason = [*status_line.strip().split(" ", 2), "", ""][:3]
    head, _, body = _split_blank_line(rest)
    info = _header_map(head)
    info["status"] = status
    response = httplib2.Response(info)
    response.reason = reason
    return response, body.rstrip("\r\n").encode("utf-8")


def _retry_after(resp: Any) -> float | None:
    return parse_retry_after(resp.get("retry-after")) if resp is not None else None


def _reason(content: bytes | str | None) -> tuple[str | None, str]:
    try:
        data = json.loads(content or b"{}")
        error = data.get("error", {})
        if isinstance(error, str):  # OAuth-style error body
            return error, str(data.get("error_description", error))
        errors = error.get("errors") or [{}]
        return errors[0].get("reason"), str(error.get("message", ""))
    except (ValueError, AttributeError, TypeError):
        return None, ""


def result_from_error(exc: HttpError) -> CallResult:
    """A CallResult from a google-api-python-client HttpError."""
    reason, _ = _reason(exc.content)
    return CallResult(int(exc.resp.status), None, reason, _retry_after(exc.resp))


def api_error(exc: HttpError) -> CalendarApiError:
    """A typed error from an HttpError, without echoing request URLs (they carry ids)."""
    reason, message = _reason(exc.content)
    return CalendarApiError(int(exc.resp.status), reason, message[:200], _retry_after(exc.resp))


class CalendarApi:
    """Process-wide: the built Calendar service, its endpoints and a pool of worker threads."""

    def __init__(
        self,
        settings: Settings,
        max_threads: int = 32,
        attempts: int = 5,
        backoff_base: float = 0.5,
        backoff_max: float = 16.0,
    ) -> None:
        base = settings.GOOGLE_API_URL.rstrip("/")
        self.settings = settings
        self.batch_uri = f"{base}/batch/calendar/v3"
        # The library's default batch URI ignores api_endpoint and would reach Google itself.
        self.service = build(
            "calendar",
            "v3",
            http=httplib2.Http(timeout=HTTP_TIMEOUT),
            static_discovery=True,
            cache_discovery=False,
            client_options={"api_endpoint": f"{base}/calendar/v3/"},
        )
        self.events_uri = f"{base}/calendar/v3/calendars"
        self.model = JsonModel(data_wrapper=False)
        self.user_agent = "contestsync (gzip)"
        self.calendars = self.service.calendars()
        self.calendar_list = self.service.calendarList()
        self.executor = ThreadPoolExecutor(max_workers=max_threads, thread_name_prefix="gcal")
        self._threads = threading.local()
        self.attempts = attempts
        self.backoff = Backoff(backoff_base, backoff_max)
        # Set by the composition root: Google calls and token refreshes are counted there.
        self.metrics: Metrics | None = None

    def thread_http(self) -> httplib2.Http:
        """This thread's connection object, kept across users so connections are reused.

        httplib2 is not thread-safe, so each pool thread has its own; the per-user
        credentials wrap it in an AuthorizedHttp.
        """
        http = getattr(self._threads, "http", None)
        if http is None:
            http = new_http()
            self._threads.http = http
        return http

    def close(self) -> None:
        """Stop the worker threads."""
        self.executor.shutdown(wait=False, cancel_futures=True)

    def client(self, refresh_token: str, access: AccessToken | None = None) -> CalendarClient:
        """A client acting for one user, starting from a still valid access token if given."""
        return CalendarClient(self, refresh_token, access)


class CalendarClient:
    """Calendar calls for one user; every method runs its blocking work in the API's threads."""

    def __init__(
        self, api: CalendarApi, refresh_token: str, access: AccessToken | None = None
    ) -> None:
        settings = api.settings
        self._api = api
        self._lock = threading.Lock()
        self._local = threading.local()
        # A given access token is used until Google answers 401 (AuthorizedHttp then refreshes
        # and retries once) or it is about to expire (then _guarded refreshes first).
        # google-auth's Credentials and refresh are not annotated.
        self.credentials = Credentials(  # type: ignore[no-untyped-call]
            token=access.token if access else None,
            expiry=access.expiry if access else None,
            refresh_token=refresh_token,
            token_uri=settings.GOOGLE_TOKEN_URL,
            client_id=settings.GOOGLE_CLIENT_ID,
            client_secret=(
                settings.GOOGLE_CLIENT_SECRET.get_secret_value()
                if settings.GOOGLE_CLIENT_SECRET
                else None
            ),
        )

    def __repr__(self) -> str:
        return "CalendarClient(<credentials hidden>)"

    def access_token(self) -> AccessToken | None:
        """The access token this client holds now, while google-auth still considers it valid."""
        with self._lock:
            creds = self.credentials
            if not creds.valid or creds.token is None or creds.expiry is None:
                return None
            return AccessToken(creds.token, creds.expiry)

    def _http(self) -> google_auth_httplib2.AuthorizedHttp:
        http = getattr(self._local, "http", None)
        if http is None:
            http = google_auth_httplib2.AuthorizedHttp(
                self.credentials, http=self._api.thread_http()
            )
            self._local.http = http
        return http

    async def _run(self, fn: Callable[[], T]) -> T:
        loop = asyncio.get_running_loop()
        # The calling method's name ("get_calendar") labels the metric; a batch counts its calls.
        method = fn.__qualname__.split(".<locals>")[0].rsplit(".", 1)[-1].strip("_")
        method = method.removesuffix("_once")
        if method == "execute_batch" or self._api.metrics is None:
            return await loop.run_in_executor(self._api.executor, partial(self._guarded, fn))
        status = "200"
        try:
            return await loop.run_in_executor(self._api.executor, partial(self._guarded, fn))
        except CalendarApiError as exc:
            status = str(exc.status)
            raise
        except GrantRevokedError:
            status = "invalid_grant"
            raise
        except ExternalServiceError:
            status = "unreachable"
            raise
        finally:
            self._api.metrics.google_calls.labels(method, status).inc()

    async def _retrying(self, fn: Callable[[], T]) -> T:
        """Run a single (non-batch) call, retrying "later" answers with backoff and Retry-After."""
        api = self._api
        attempts = retrying(
            attempts=api.attempts,
            backoff=api.backoff,
            retry_on=_worth_retrying,
            retry_after_of=lambda e: getattr(e, "retry_after", None),
        )
        async for attempt in attempts:
            with attempt:
                return await self._run(fn)
        raise AssertionError("unreachable")  # pragma: no cover

    def _guarded(self, fn: Callable[[], T]) -> T:
        try:
            with self._lock:
                if not self.credentials.valid:
                    try:
                        self.credentials.refresh(  # type: ignore[no-untyped-call]
                            google_auth_httplib2.Request(self._api.thread_http())
                        )
                    except Exception:
                        self._count_refresh("failed")
                        raise
                    self._count_refresh("ok")
            return fn()
        except RefreshError as exc:
            if "invalid_grant" in str(exc):
                raise GrantRevokedError("Google no longer accepts this grant") from None
            if exc.retryable:  # 5xx, temporarily_unavailable… after google-auth's own retries
                raise GoogleUnavailableError("Google token refresh failed for now") from None
            raise ExternalServiceError("Google token refresh failed") from None
        except (TransportError, OSError, httplib2.HttpLib2Error) as exc:
            raise GoogleUnavailableError(f"cannot reach Google: {exc.__class__.__name__}") from None

    def _count_refresh(self, outcome: str) -> None:
        if self._api.metrics is not None:
            self._api.metrics.token_refreshes.labels(outcome).inc()

    def _count_calls(self, calls: Sequence[EventCall], results: list[CallResult]) -> None:
        metrics = self._api.metrics
        if metrics is not None:
            # One labelled increment per kind and status, not per call: `labels` is the costly
            # part, and a batch's calls mostly share both.
            tally = Counter(
                (item.kind, result.status) for item, result in zip(calls, results, strict=True)
            )
            for (kind, status), n in tally.items():
                metrics.google_calls.labels(f"events.{kind}", str(status)).inc(n)

    async def get_calendar(self, calendar_id: str) -> dict[str, Any] | None:
        """The calendar resource, or None when it no longer exists."""

        def call() -> dict[str, Any] | None:
            try:
                result: dict[str, Any] = self._api.calendars.get(calendarId=calendar_id).execute(
                    http=self._http()
                )
                return result
            except HttpError as exc:
                if exc.resp.status in (404, 410):
                    return None
                raise api_error(exc) from None

        return await self._retrying(call)

    async def set_calendar_time_zone(self, calendar_id: str, time_zone: str) -> None:
        """Change a calendar's time zone (a patch: nothing else of it changes)."""

        def call() -> None:
            try:
                self._api.calendars.patch(
                    calendarId=calendar_id, body={"timeZone": time_zone}, fields="id"
                ).execute(http=self._http())
            except HttpError as exc:
                raise api_error(exc) from None

        await self._retrying(call)

    async def find_calendar(self, summary: str) -> str | None:
        """The id of a calendar of this account with that summary, if any."""

        def call() -> str | None:
            page_token = None
            while True:
                try:
                    page = self._api.calendar_list.list(pageToken=page_token).execute(
                        http=self._http()
                    )
                except HttpError as exc:
                    raise api_error(exc) from None
                for item in page.get("items", []):
                    if item.get("summary") == summary and item.get("accessRole") == "owner":
                        return str(item["id"])
                page_token = page.get("nextPageToken")
                if not page_token:
                    return None

        return await self._retrying(call)

    async def insert_calendar(self, summary: str, time_zone: str, description: str) -> str:
        """Create a secondary calendar; returns its id.

        An insert is not idempotent: after a failed attempt (which Google may have carried out),
        look for the calendar before trying again, so a retry never makes a second one.
        """
        for attempt in range(1, self._api.attempts + 1):
            try:
                return await self._insert_calendar_once(summary, time_zone, description)
            except CalendarApiError as exc:
                if not exc.retryable or attempt == self._api.attempts:
                    raise
                await asyncio.sleep(self._api.backoff.delay(attempt, exc.retry_after))
            found = await self.find_calendar(summary)
            if found is not None:
                return found
        raise AssertionError("unreachable")  # pragma: no cover

    async def _insert_calendar_once(self, summary: str, time_zone: str, description: str) -> str:

        def call() -> str:
            body = {"summary": summary, "timeZone": time_zone, "description": description}
            try:
                created = self._api.calendars.insert(body=body).execute(http=self._http())
            except HttpError as exc:
                raise api_error(exc) from None
            return str(created["id"])

        return await self._run(call)

    async def delete_calendar(self, calendar_id: str) -> bool:
        """Delete a calendar with all its events in one call; False when it was already gone."""

        def call() -> bool:
            try:
                self._api.calendars.delete(calendarId=calendar_id).execute(http=self._http())
            except HttpError as exc:
                if exc.resp.status in (404, 410):
                    return False
                raise api_error(exc) from None
            return True

        return await self._retrying(call)

    async def execute_batch(self, calendar_id: str, calls: Sequence[EventCall]) -> list[CallResult]:
        """Run up to BATCH_LIMIT event writes in one HTTP batch; one result per call, in order."""
        if len(calls) > BATCH_LIMIT:
            raise ValueError(f"a batch holds at most {BATCH_LIMIT} calls")

        def call() -> list[CallResult]:
            results: dict[str, CallResult] = {}

            def done(request_id: str, response: Any, exception: Exception | None) -> None:
                if exception is None:
                    results[request_id] = CallResult(
                        200, response if isinstance(response, dict) else None
                    )
                elif isinstance(exception, HttpError):
                    results[request_id] = result_from_error(exception)
                else:
                    results[request_id] = CallResult(599, None, exception.__class__.__name__)

            batch = CalendarBatch(callback=done, batch_uri=self._api.batch_uri)
            base = f"{self._api.events_uri}/{urllib.parse.quote(calendar_id, safe='')}/events"
            for index, item in enumerate(calls):
                batch.add(self._request(base, item), request_id=str(index))
            try:
                batch.execute(http=self._http())
            except HttpError as exc:
                failed = result_from_error(exc)
                answers = [failed for _ in calls]
            else:
                answers = [
                    results.get(str(i), CallResult(599, None, "missing")) for i in range(len(calls))
                ]
            self._count_calls(calls, answers)
            return answers

        return await self._run(call)

    def _request(self, base: str, item: EventCall) -> HttpRequest:
        """The library's HttpRequest for one event write, built without the discovery layer.

        Building each call through `service.events().insert(...)` costs ~0.1 ms of URI-template
        work per event; the URI is fixed, so it is formatted directly from `base`, the calendar's
        events collection (quoting a calendar id, which holds an `@`, is itself slow enough to be
        done once per batch). Answers are trimmed to what the sync reads (`fields`).
        """
        api = self._api
        if item.kind is OpKind.INSERT:
            method, uri = "POST", base
        elif item.kind in (OpKind.UPDATE, OpKind.DELETE):
            method = "PUT" if item.kind is OpKind.UPDATE else "DELETE"
            uri = f"{base}/{urllib.parse.quote(item.event_id, safe='')}"
        else:
            raise ValueError(f"unknown event call {item.kind!r}")
        headers = {"accept": "application/json", "user-agent": api.user_agent}
        body = None
        if item.body is not None and method != "DELETE":
            body = (
                item.body
                if isinstance(item.body, str)
                else json.dumps(item.body, separators=(",", ":"))
            )
            headers["content-type"] = "application/json"
        query = "?alt=json&fields=id%2Cstatus" if method != "DELETE" else "?alt=json"
        return HttpRequest(
            api.service._http,
            api.model.response,
            uri + query,
            method=method,
            body=body,
            headers=headers,
            methodId=f"calendar.events.{item.kind}",
        )


async def revoke_token(http: Any, revoke_url: str, token: str) -> bool:
    """Revoke a grant at Google's revoke endpoint; False when Google says it was already invalid."""
    async with http.post(revoke_url, data={"token": token}, timeout=15) as resp:
        if resp.status == 200:
            return True
        if resp.status == 400:
            return False
        raise ExternalServiceError(f"Google revoke answered {resp.status}")
