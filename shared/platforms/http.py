"""HTTP for contest platforms: one shared session, retries with backoff, per-platform rate limits.

Every failure surfaces as one `FetchError` naming the platform and the cause.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import aiohttp
from aiolimiter import AsyncLimiter
from tenacity import RetryCallState

from shared.errors import FetchError
from shared.retry import Backoff, is_retryable_status, parse_retry_after, retrying

log = logging.getLogger(__name__)

BROWSER_HEADERS: Mapping[str, str] = {
    "User-Agent": (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
    ),
    "Accept-Language": "en-US,en;q=0.9",
}
JSON_ACCEPT = "application/json, text/plain, */*"
HTML_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How hard to try: timeout, body cap, attempts, backoff, the longest Retry-After honoured."""

    timeout: float = 20.0
    max_bytes: int = 16 * 1024 * 1024
    attempts: int = 4
    backoff_initial: float = 1.0
    backoff_max: float = 30.0
    retry_after_max: float = 60.0

    @property
    def backoff(self) -> Backoff:
        return Backoff(self.backoff_initial, self.backoff_max, self.retry_after_max)


class RetryableFetchError(FetchError):
    """A failure worth another attempt: network error, timeout, 429 or 5xx."""

    def __init__(self, platform: str, cause: str, retry_after: float | None = None) -> None:
        super().__init__(platform, cause)
        self.retry_after = retry_after


class PlatformClient:
    """Fetches platform endpoints over one shared aiohttp session, politely and with retries."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        policy: FetchPolicy | None = None,
        rate_limits: Mapping[str, tuple[float, float]] | None = None,
    ) -> None:
        self._session = session
        self.policy = policy or FetchPolicy()
        self._rate_limits = dict(rate_limits or {})
        self._limiters: dict[str, AsyncLimiter] = {}

    def _limiter(self, platform: str) -> AsyncLimiter:
        limiter = self._limiters.get(platform)
        if limiter is None:
            max_rate, period = self._rate_limits.get(platform, (1.0, 1.0))
            limiter = AsyncLimiter(max_rate, period)
            self._limiters[platform] = limiter
        return limiter

    async def fetch(
        self,
        platform: str,
        method: str,
        url: str,
        *,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        expect: str = "json",
    ) -> bytes:
        """Return the body of a successful response; retry transient failures; else FetchError."""
        policy = self.policy

        def log_retry(state: RetryCallState) -> None:
            exc = state.outcome.exception() if state.outcome else None
            log.warning(
                "fetch %s failed (attempt %d/%d): %s",
                platform,
                state.attempt_number,
                policy.attempts,
                getattr(exc, "cause", exc),
            )

        attempts = retrying(
            attempts=policy.attempts,
            backoff=policy.backoff,
            retry_on=lambda e: isinstance(e, RetryableFetchError),
            retry_after_of=lambda e: getattr(e, "retry_after", None),
            before_sleep=log_retry,
        )
        try:
            async for attempt in attempts:
                with attempt:
                    return await self._fetch_once(platform, method, url, body, headers, expect)
        except RetryableFetchError as exc:
            raise FetchError(platform, f"{exc.cause} (after {policy.attempts} attempts)") from None
        raise FetchError(
            platform, "no attempt was made"
        )  # pragma: no cover - tenacity always tries

    async def _fetch_once(
        self,
        platform: str,
        method: str,
        url: str,
        body: bytes | None,
        headers: Mapping[str, str] | None,
        expect: str,
    ) -> bytes:
        all_headers = dict(BROWSER_HEADERS)
        all_headers["Accept"] = JSON_ACCEPT if expect == "json" else HTML_ACCEPT
        all_headers.update(headers or {})
        timeout = aiohttp.ClientTimeout(total=self.policy.timeout)
        async with self._limiter(platform):
            try:
                async with self._session.request(
                    method,
                    url,
                    data=body,
                    headers=all_headers,
                    timeout=timeout,
                    allow_redirects=True,
                    max_redirects=5,
                ) as resp:
                    if is_retryable_status(resp.status):
                        raise RetryableFetchError(
                            platform,
                            f"{host_of(url)} answered HTTP {resp.status}",
                            parse_retry_after(resp.headers.get("Retry-After")),
                        )
                    if resp.status >= 400:
                        raise FetchError(platform, f"{host_of(url)} answered HTTP {resp.status}")
                    data = await self._read_capped(platform, resp)
                    content_type = resp.headers.get("Content-Type", "")
            except (aiohttp.ClientError, TimeoutError) as exc:
                raise RetryableFetchError(
                    platform, describe_network_error(exc, url, self.policy.timeout)
                ) from None
        if expect == "json" and _looks_like_html(data, content_type):
            raise FetchError(
                platform, "expected JSON but got an HTML page (challenge or error page?)"
            )
        return data

    async def _read_capped(self, platform: str, resp: aiohttp.ClientResponse) -> bytes:
        limit = self.policy.max_bytes
        if resp.content_length is not None and resp.content_length > limit:
            raise FetchError(platform, f"response larger than {limit} bytes")
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.content.iter_chunked(65536):
            size += len(chunk)
            if size > limit:
                raise FetchError(platform, f"response larger than {limit} bytes")
            chunks.append(chunk)
        return b"".join(chunks)


def host_of(url: str) -> str:
    """The host part of a URL, for messages a person reads."""
    return urlsplit(url).hostname or url[:60]


def describe_network_error(exc: BaseException, url: str, timeout: float) -> str:
    """A cause a person understands: "cannot reach leetcode.com (name not resolved)"."""
    host = host_of(url)
    if isinstance(exc, TimeoutError):
        return f"{host} timed out (no answer within {timeout:g} s)"
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return f"cannot reach {host} (its name does not resolve: offline?)"
    if isinstance(exc, aiohttp.ClientSSLError):
        return f"cannot reach {host} (TLS handshake failed)"
    if isinstance(exc, aiohttp.ClientConnectorError):
        os_error = exc.os_error
        if isinstance(os_error, ConnectionRefusedError):
            reason = "connection refused"
        elif isinstance(os_error, TimeoutError):
            reason = "connection timed out"
        elif os_error.errno in errno.errorcode and os_error.errno is not None:
            reason = os.strerror(os_error.errno).lower()
        else:
            reason = os_error.__class__.__name__
        return f"cannot reach {host} ({reason})"
    return f"lost the connection to {host} ({exc.__class__.__name__})"


def _looks_like_html(data: bytes, content_type: str) -> bool:
    head = data.lstrip()[:64].lower()
    if head.startswith((b"{", b"[")):
        return False
    return "html" in content_type.lower() or head.startswith((b"<!doctype", b"<html", b"<"))
