"""Google Calendar v3: event writes and calendar reads over aiohttp, the rest through
google-api-python-client kept off the event loop.

One `CalendarApi` per process holds an aiohttp session for Google, the library's built service
with a thread pool for its calls, and the endpoints; one `CalendarClient` per user sync holds that
user's credentials (google-auth's Credentials, read by the library's threads too).

The access token is refreshed over aiohttp (`_token`: the refresh-token grant google-auth makes,
with its retries of "later" answers) when it has expired or Google answered 401, once for all
the calls in flight; only a 401 inside a library call is refreshed by google-auth in its thread.

The two calls every sync makes, reading the calendar and writing events in batches
(`shared/calendar/batch.py`; a sync that writes reads the calendar inside its first batch,
`execute_batch_reading`), go over aiohttp with the access token: through the library they
cost 0.43 ms and 2.3 ms of CPU (a 40-event batch) on the 2-core dev machine, over aiohttp 0.17 ms
and 0.5 ms, most of a sync's Google cost. The library's own `execute` did three things these
calls now do themselves: a 401 refreshes the token and tries once more (for a batch: the parts
answered 401), errors become `CalendarApiError`s with Google's reason and Retry-After, and a
network failure becomes `GoogleUnavailableError`. Creating, finding, patching and deleting
calendars (once per connect, time-zone change or deletion) stay on the library, where httplib2
is not thread-safe, so every thread gets its own `httplib2.Http` wrapped in an `AuthorizedHttp`
for the user; `NoDelayHttp` sets TCP_NODELAY on it (without it a request whose body is written
apart from its headers waits ~40 ms on Nagle's algorithm and the server's delayed ACK).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import threading
import urllib.parse
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any, TypeVar

import aiohttp
import google_auth_httplib2
import httplib2
from authlib.oauth2.rfc6749.parameters import prepare_token_request
from google.auth.exceptions import RefreshError, TransportError
from google.oauth2.credentials import Credentials
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

from shared.calendar import batch
from shared.calendar.plan import OpKind
from shared.calendar.tokens import AccessToken, naive_utcnow
from shared.config import Settings
from shared.errors import ContestSyncError, ExternalServiceError, GoogleUnavailableError
from shared.metrics import Metrics
from shared.retry import Backoff, is_retryable_status, parse_retry_after, retrying

log = logging.getLogger(__name__)

BATCH_LIMIT = 50
HTTP_TIMEOUT = 30
# A token refresh answered "later" is tried this many times in all, as google-auth does.
REFRESH_ATTEMPTS = 3
# Besides the statuses every retry here honours (429, 5xx), the token endpoint's OAuth error
# codes that google-auth retries.
_RETRY_ERRORS = frozenset({"internal_failure", "server_error", "temporarily_unavailable"})

T = TypeVar("T")


class GrantRevokedError(ContestSyncError):
    """Google refused the refresh token (invalid_grant): the user must connect again."""


class _RefreshLater(Exception):
    """The token endpoint answered "later" (5xx, 429, temporarily_unavailable)."""


def _expiry(lifetime: object) -> datetime | None:
    """When a token that lives `lifetime` seconds (the answer's expires_in) expires."""
    try:
        seconds = int(lifetime)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None  # no expiry given: google-auth then treats the token as never expiring
    return naive_utcnow() + timedelta(seconds=seconds)


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
    """Process-wide: an aiohttp session for Google, the built Calendar service (with threads for
    its blocking calls) and the endpoints."""

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
        self.calendars_uri = f"{base}/calendar/v3/calendars"
        parts = urllib.parse.urlsplit(self.calendars_uri)
        self.host, self.calendars_path = parts.netloc, parts.path
        self.user_agent = "contestsync (gzip)"
        self.calendars = self.service.calendars()
        self.calendar_list = self.service.calendarList()
        self.executor = ThreadPoolExecutor(max_workers=max_threads, thread_name_prefix="gcal")
        self._threads = threading.local()
        # As many connections to Google as threads: a process never had more calls in flight.
        self.max_connections = max_threads
        self._session: aiohttp.ClientSession | None = None
        self.attempts = attempts
        self.backoff = Backoff(backoff_base, backoff_max)
        # Set by the composition root: Google calls and token refreshes are counted there.
        self.metrics: Metrics | None = None

    def session(self) -> aiohttp.ClientSession:
        """The aiohttp session for Google, opened on first use (it needs the running loop)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self.max_connections),
                timeout=aiohttp.ClientTimeout(total=HTTP_TIMEOUT),
                headers={"user-agent": self.user_agent},
                raise_for_status=False,
            )
        return self._session

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

    async def aclose(self) -> None:
        """Close the session and stop the worker threads."""
        if self._session is not None:
            await self._session.close()
        self.executor.shutdown(wait=False, cancel_futures=True)

    def client(self, refresh_token: str, access: AccessToken | None = None) -> CalendarClient:
        """A client acting for one user, starting from a still valid access token if given."""
        return CalendarClient(self, refresh_token, access)


class CalendarClient:
    """Calendar calls for one user: over aiohttp, or the library's in the API's threads."""

    def __init__(
        self, api: CalendarApi, refresh_token: str, access: AccessToken | None = None
    ) -> None:
        settings = api.settings
        self._api = api
        self._lock = threading.Lock()
        self._refreshing = asyncio.Lock()
        self._local = threading.local()
        # A given access token is used until Google answers 401 (_send, or the library's
        # AuthorizedHttp, then refreshes and tries once more) or it is about to expire (then
        # _token refreshes it first).
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
        """Run a library call in the API's threads, counted under its method's name."""
        loop = asyncio.get_running_loop()
        # The calling method's name ("find_calendar") labels the metric.
        method = fn.__qualname__.split(".<locals>")[0].rsplit(".", 1)[-1].strip("_")
        method = method.removesuffix("_once")

        async def call() -> T:
            await self._token()  # a token expired is refreshed here, not in the thread
            return await loop.run_in_executor(self._api.executor, partial(self._guarded, fn))

        return await self._counted(method, call())

    async def _counted(self, method: str, call: Awaitable[T]) -> T:
        """Await `call`, counting it in the Google call metrics by how it ended."""
        metrics = self._api.metrics
        if metrics is None:
            return await call
        status = "200"
        try:
            return await call
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
            metrics.google_calls.labels(method, status).inc()

    async def _retrying(self, call: Callable[[], Awaitable[T]]) -> T:
        """Make a single (non-batch) call, retrying "later" answers with backoff and Retry-After."""
        api = self._api
        attempts = retrying(
            attempts=api.attempts,
            backoff=api.backoff,
            retry_on=_worth_retrying,
            retry_after_of=lambda e: getattr(e, "retry_after", None),
        )
        async for attempt in attempts:
            with attempt:
                return await call()
        raise AssertionError("unreachable")  # pragma: no cover

    def _guarded(self, fn: Callable[[], T]) -> T:
        """Run a library call in this thread, its failures as our errors (the AuthorizedHttp
        refreshes the token itself when Google answers 401)."""
        with _google_errors():
            return fn()

    def _current(self, stale: str | None) -> str | None:
        """The access token held now if it is valid and not `stale`."""
        creds = self.credentials
        if creds.valid and creds.token is not None and (stale is None or creds.token != stale):
            return str(creds.token)
        return None

    async def _token(self, stale: str | None = None) -> str:
        """A valid access token: the one held, or a new one from Google's token endpoint when it
        has expired or is still `stale` (the token Google just answered 401 to).

        Calls in flight together refresh once: the others wait and take the new token.
        """
        token = self._current(stale)
        if token is not None:
            return token
        async with self._refreshing:
            token = self._current(stale)
            if token is not None:  # refreshed while this call waited
                return token
            try:
                fresh, expiry = await self._refreshed()
            except BaseException:
                self._count_refresh("failed")
                raise
            with self._lock:  # the library's threads read the credentials too
                self.credentials.token = fresh
                self.credentials.expiry = expiry
            self._count_refresh("ok")
            return fresh

    async def _refreshed(self) -> tuple[str, datetime | None]:
        """A new access token, its refresh tried again when Google answers "later"."""
        attempts = retrying(
            attempts=REFRESH_ATTEMPTS,
            backoff=self._api.backoff,
            retry_on=lambda exc: isinstance(exc, _RefreshLater),
        )
        try:
            async for attempt in attempts:
                with attempt:
                    return await self._refresh_once()
        except _RefreshLater:
            raise GoogleUnavailableError("Google token refresh failed for now") from None
        raise AssertionError("unreachable")  # pragma: no cover

    async def _refresh_once(self) -> tuple[str, datetime | None]:
        """One refresh-token grant at Google's token endpoint (RFC 6749 §6), as google-auth
        makes it: the new access token and its expiry (naive UTC, as google-auth keeps it)."""
        creds = self.credentials
        form = prepare_token_request(
            "refresh_token",
            refresh_token=creds.refresh_token,
            client_id=creds.client_id,
            client_secret=creds.client_secret,
        )
        try:
            async with self._api.session().post(
                self._api.settings.GOOGLE_TOKEN_URL,
                data=form,
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            ) as resp:
                content = await resp.read()
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise GoogleUnavailableError(f"cannot reach Google: {exc.__class__.__name__}") from None
        try:
            data = json.loads(content)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            data = {}
        token = data.get("access_token")
        if resp.status == 200 and isinstance(token, str) and token:
            return token, _expiry(data.get("expires_in"))
        error = str(data.get("error") or "")
        if error == "invalid_grant":
            raise GrantRevokedError("Google no longer accepts this grant")
        description = str(data.get("error_description") or "")
        if is_retryable_status(resp.status) or _RETRY_ERRORS & {error, description}:
            raise _RefreshLater
        raise ExternalServiceError("Google token refresh failed")

    async def _send(
        self, method: str, url: str, body: bytes | None = None, content_type: str | None = None
    ) -> tuple[int, Mapping[str, str], bytes]:
        """One authorised request over aiohttp; a 401 refreshes the token and tries once more.

        Returns status, headers and body; a network failure raises GoogleUnavailableError.
        """
        token = await self._token()
        for attempt in (1, 2):
            headers = {"Authorization": f"Bearer {token}"}
            if content_type is not None:
                headers["Content-Type"] = content_type
            try:
                async with self._api.session().request(
                    method, url, data=body, headers=headers
                ) as resp:
                    content = await resp.read()
            except (aiohttp.ClientError, TimeoutError, OSError) as exc:
                raise GoogleUnavailableError(
                    f"cannot reach Google: {exc.__class__.__name__}"
                ) from None
            if resp.status != 401 or attempt == 2:
                break
            token = await self._token(stale=token)
        return resp.status, resp.headers, content

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
        url = f"{self._api.calendars_uri}/{urllib.parse.quote(calendar_id, safe='')}?alt=json"

        async def call() -> dict[str, Any] | None:
            status, headers, content = await self._send("GET", url)
            if status in (404, 410):
                return None
            if status >= 300:
                reason, message = _reason(content)
                retry_after = parse_retry_after(headers.get("Retry-After"))
                raise CalendarApiError(status, reason, message[:200], retry_after)
            try:
                found = json.loads(content)
            except ValueError:  # a proxy's page in place of Google's answer: "later"
                raise CalendarApiError(502, "badResponse", "unreadable answer") from None
            if not isinstance(found, dict):
                raise CalendarApiError(502, "badResponse", "unexpected answer")
            return found

        return await self._retrying(lambda: self._counted("get_calendar", call()))

    async def set_calendar_time_zone(self, calendar_id: str, time_zone: str) -> None:
        """Change a calendar's time zone (a patch: nothing else of it changes)."""

        def call() -> None:
            try:
                self._api.calendars.patch(
                    calendarId=calendar_id, body={"timeZone": time_zone}, fields="id"
                ).execute(http=self._http())
            except HttpError as exc:
                raise api_error(exc) from None

        await self._retrying(partial(self._run, call))

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

        return await self._retrying(partial(self._run, call))

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

        return await self._retrying(partial(self._run, call))

    async def execute_batch(self, calendar_id: str, calls: Sequence[EventCall]) -> list[CallResult]:
        """Run up to BATCH_LIMIT event writes in one HTTP batch; one result per call, in order.

        Parts answered 401 go once more after a token refresh, as the library's batches do. A
        batch refused as a whole gives every call its answer; an answer that cannot be read
        gives every call a 502 (worth trying again).
        """
        _, results = await self._event_batch(calendar_id, calls, read_calendar=False)
        return results

    async def execute_batch_reading(
        self, calendar_id: str, calls: Sequence[EventCall]
    ) -> tuple[CallResult, list[CallResult]]:
        """`execute_batch` of up to BATCH_LIMIT - 1 writes with the calendar itself read in the
        same batch, as its first part: what `get_calendar` tells a sync (the calendar still
        exists, its time zone) at no request of its own. The read's result (its body holds id
        and timeZone; 404 or 410 when the calendar is gone), and one result per call."""
        read, results = await self._event_batch(calendar_id, calls, read_calendar=True)
        assert read is not None
        return read, results

    async def _event_batch(
        self, calendar_id: str, calls: Sequence[EventCall], *, read_calendar: bool
    ) -> tuple[CallResult | None, list[CallResult]]:
        limit = BATCH_LIMIT - 1 if read_calendar else BATCH_LIMIT
        if len(calls) > limit:
            raise ValueError(f"a batch holds at most {limit} calls")
        calendar_path = f"{self._api.calendars_path}/{urllib.parse.quote(calendar_id, safe='')}"
        requests = [_inner_request(f"{calendar_path}/events", item) for item in calls]
        if read_calendar:
            target = f"{calendar_path}?alt=json&fields=id%2CtimeZone"
            requests.insert(0, batch.InnerRequest("GET", target))
        results, answered = await self._batch(requests)
        stale = [i for i, result in enumerate(results) if result.status == 401]
        if stale and answered:  # a 401 to the whole batch was tried again by _send
            await self._token(stale=self.credentials.token)
            again, _ = await self._batch([requests[i] for i in stale])
            for index, result in zip(stale, again, strict=True):
                results[index] = result
        read = results.pop(0) if read_calendar else None
        self._count_calls(calls, results)
        metrics = self._api.metrics
        if read is not None and metrics is not None:
            metrics.google_calls.labels("get_calendar", str(read.status)).inc()
        return read, results

    async def _batch(self, requests: Sequence[batch.InnerRequest]) -> tuple[list[CallResult], bool]:
        """The result of each request, and whether they are Google's answers to each (False
        when the batch was refused or unreadable as a whole)."""
        api = self._api
        encoded = batch.encode(requests, api.host, api.user_agent)
        status, headers, content = await self._send(
            "POST", api.batch_uri, encoded.body, encoded.content_type
        )
        if status >= 300:
            reason, _ = _reason(content)
            failed = CallResult(status, None, reason, parse_retry_after(headers.get("Retry-After")))
            return [failed] * len(requests), False
        try:
            answers = batch.decode(headers.get("Content-Type", ""), content, encoded.batch_id)
        except batch.BatchFormatError as exc:
            log.warning("Google's answer to a batch was unreadable: %s", exc)
            return [CallResult(502, None, "badBatchResponse")] * len(requests), False
        return [_call_result(answers.get(i)) for i in range(len(requests))], True


def _inner_request(path: str, item: EventCall) -> batch.InnerRequest:
    """The batch part of one event write; answers are trimmed to what the sync reads (`fields`).

    Event ids are ours (`shared/calendar/plan.py`): base32hex, nothing to quote.
    """
    if item.kind is OpKind.INSERT:
        method, target = "POST", path
    elif item.kind in (OpKind.UPDATE, OpKind.DELETE):
        method = "PUT" if item.kind is OpKind.UPDATE else "DELETE"
        target = f"{path}/{urllib.parse.quote(item.event_id, safe='')}"
    else:
        raise ValueError(f"unknown event call {item.kind!r}")
    if method == "DELETE":
        return batch.InnerRequest(method, target)  # no answer body, no `alt`
    body = item.body
    if body is not None and not isinstance(body, str):
        body = json.dumps(body, separators=(",", ":"))
    return batch.InnerRequest(method, f"{target}?alt=json&fields=id%2Cstatus", body)


def _call_result(answer: batch.InnerResponse | None) -> CallResult:
    if answer is None:
        return CallResult(599, None, "missing")
    if 200 <= answer.status < 300:
        return CallResult(answer.status, answer.json())
    reason, _ = _reason(answer.body)
    return CallResult(
        answer.status, None, reason, parse_retry_after(answer.headers.get("retry-after"))
    )


@contextlib.contextmanager
def _google_errors() -> Iterator[None]:
    """Google-auth and httplib2 failures as our errors (no URLs or tokens in their text)."""
    try:
        yield
    except RefreshError as exc:
        if "invalid_grant" in str(exc):
            raise GrantRevokedError("Google no longer accepts this grant") from None
        if exc.retryable:  # 5xx, temporarily_unavailable… after google-auth's own retries
            raise GoogleUnavailableError("Google token refresh failed for now") from None
        raise ExternalServiceError("Google token refresh failed") from None
    except (TransportError, OSError, httplib2.HttpLib2Error) as exc:
        raise GoogleUnavailableError(f"cannot reach Google: {exc.__class__.__name__}") from None


async def revoke_token(http: Any, revoke_url: str, token: str) -> bool:
    """Revoke a grant at Google's revoke endpoint; False when Google says it was already invalid."""
    async with http.post(revoke_url, data={"token": token}, timeout=15) as resp:
        if resp.status == 200:
            return True
        if resp.status == 400:
            return False
        raise ExternalServiceError(f"Google revoke answered {resp.status}")
