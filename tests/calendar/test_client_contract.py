"""The parts of google-api-python-client that shared/calendar/client.py overrides, held to the
library's own behaviour.

`CalendarBatch` replaces `BatchHttpRequest._serialize_request` and `_execute` (and relies on
`_id_to_header`, `_header_to_id` and `_responses`); event writes are built as `HttpRequest`s on
`service._http`. Each test runs the library's own code and ours on the same requests and the
same server answer and compares what goes on the wire and what the callbacks receive, so a
release of the library that changes any of these internals fails here, not in production.
"""

from __future__ import annotations

import email.parser
import email.policy
import inspect
import json
import re
from pathlib import Path
from typing import Any

import httplib2
import pytest
from googleapiclient.errors import HttpError
from googleapiclient.http import BatchHttpRequest, HttpRequest

from shared.calendar.client import CalendarApi, CalendarBatch, CalendarClient, EventCall
from shared.calendar.plan import OpKind
from shared.config import load_settings

CALENDAR = "abc123@group.calendar.google.com"


class BatchServer:
    """An httplib2-shaped transport answering a batch as Google does: one `application/http`
    part per request part, with `Content-ID: response-<its Content-ID>`. What each inner request
    gets depends on its method: POST 200 with the new event, PUT 404, DELETE 204, and the
    request whose event id holds "busy" 429 with Retry-After."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    def request(
        self,
        uri: str,
        method: str = "GET",
        body: str | bytes | None = None,
        headers: dict[str, str] | None = None,
        **_: Any,
    ) -> tuple[httplib2.Response, bytes]:
        raw = body.encode("utf-8") if isinstance(body, str) else (body or b"")
        self.bodies.append(raw)
        content_type = (headers or {})["content-type"]
        answers = []
        for content_id, inner in parse_batch(raw, content_type):
            method_, target = inner["method"], inner["target"]
            if "busy" in target:
                status, extra, payload = "429 Too Many Requests", "Retry-After: 7\r\n", _error(429)
            elif method_ == "POST":
                status, extra, payload = "200 OK", "", '{"id": "new1", "status": "confirmed"}'
            elif method_ == "PUT":
                status, extra, payload = "404 Not Found", "", _error(404)
            else:
                status, extra, payload = "204 No Content", "", ""
            answers.append(
                f"--resp\r\nContent-Type: application/http\r\n"
                f"Content-ID: <response-{content_id}>\r\n\r\n"
                f"HTTP/1.1 {status}\r\nContent-Type: application/json; charset=UTF-8\r\n"
                f"{extra}\r\n{payload}\r\n"
            )
        text = "".join(answers) + "--resp--\r\n"
        response = httplib2.Response(
            {"status": "200", "content-type": "multipart/mixed; boundary=resp"}
        )
        return response, text.encode("utf-8")


def _error(code: int) -> str:
    reason = "rateLimitExceeded" if code == 429 else "notFound"
    return json.dumps({"error": {"code": code, "errors": [{"reason": reason}], "message": "x"}})


def parse_batch(body: bytes, content_type: str) -> list[tuple[str, dict[str, Any]]]:
    """(Content-ID without brackets, inner request) of every part of a multipart batch body."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    parts = []
    for part in message.iter_parts():
        assert part.get_content_type() == "application/http"
        content_id = str(part["Content-ID"]).strip("<>")
        payload = str(part.get_payload(decode=False))
        head, _, inner_body = payload.replace("\r\n", "\n").partition("\n\n")
        request_line, *header_lines = head.split("\n")
        method, target, version = request_line.split(" ")
        inner_headers = {}
        for line in header_lines:
            key, _, value = line.partition(":")
            inner_headers[key.strip().lower()] = value.strip()
        parts.append(
            (
                content_id,
                {
                    "method": method,
                    "target": target,
                    "version": version,
                    "headers": inner_headers,
                    "body": inner_body.rstrip("\n"),
                },
            )
        )
    return parts


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> CalendarApi:
    settings = load_settings(
        ENV="test",
        SESSION_SECRET="11" * 32,
        ENCRYPTION_KEY="22" * 32,
        DATA_DIR=Path(tmp_path_factory.mktemp("contract")),
        GOOGLE_API_URL="http://google.test",
    )
    return CalendarApi(settings, max_threads=1)


CALLS = [
    EventCall(OpKind.INSERT, "ev1", {"summary": "Round 1 — Div. 2", "start": {"dateTime": "x"}}),
    EventCall(OpKind.UPDATE, "ev2", '{"summary":"moved"}'),
    EventCall(OpKind.DELETE, "ev3"),
    EventCall(OpKind.UPDATE, "busy4", {"summary": "später"}),
]


def requests(api: CalendarApi) -> list[HttpRequest]:
    client = CalendarClient(api, "refresh-token")
    base = f"{api.events_uri}/{CALENDAR.replace('@', '%40')}/events"
    return [client._request(base, call) for call in CALLS]


def run(batch_class: type[BatchHttpRequest], api: CalendarApi) -> tuple[BatchServer, list[Any]]:
    server = BatchServer()
    seen: list[Any] = []

    def done(request_id: str, response: Any, exception: Exception | None) -> None:
        if isinstance(exception, HttpError):
            seen.append(
                (request_id, "error", exception.resp.status, exception.resp.get("retry-after"))
            )
        else:
            seen.append((request_id, "ok", response, exception))

    batch = batch_class(callback=done, batch_uri=api.batch_uri)
    for index, request in enumerate(requests(api)):
        batch.add(request, request_id=str(index))
    batch.execute(http=server)
    return server, seen


def test_our_batch_sends_what_the_library_sends(api: CalendarApi) -> None:
    theirs, _ = run(BatchHttpRequest, api)
    ours, _ = run(CalendarBatch, api)
    [their_body], [our_body] = theirs.bodies, ours.bodies
    boundary = re.compile(rb"--(\S+)")
    their_parts = parse_batch(
        their_body, f'multipart/mixed; boundary="{_first(boundary, their_body)}"'
    )
    our_parts = parse_batch(our_body, f'multipart/mixed; boundary="{_first(boundary, our_body)}"')
    assert len(our_parts) == len(their_parts) == len(CALLS)
    for (their_id, their_request), (our_id, our_request) in zip(
        their_parts, our_parts, strict=True
    ):
        # Content-IDs are "<batch id + request id>"; the batch id is random per batch.
        assert their_id.rsplit("+", 1)[1] == our_id.rsplit("+", 1)[1]
        # The library also writes "MIME-Version: 1.0" into each inner request (an artefact of
        # building it as an email message); Google ignores it and we leave it out.
        their_request["headers"].pop("mime-version", None)
        assert our_request == their_request


def _first(pattern: re.Pattern[bytes], body: bytes) -> str:
    match = pattern.search(body)
    assert match is not None
    return match.group(1).decode()


def test_our_batch_hands_the_callbacks_what_the_library_hands_them(api: CalendarApi) -> None:
    _, theirs = run(BatchHttpRequest, api)
    _, ours = run(CalendarBatch, api)
    assert ours == theirs
    assert [entry[1] for entry in ours] == ["ok", "error", "ok", "error"]
    assert ours[0][2] == {"id": "new1", "status": "confirmed"}
    assert ours[3][2:] == (429, "7")  # the part's own headers reach the error (Retry-After)


def test_the_overridden_internals_still_exist_with_the_same_signatures() -> None:
    for name in ("_serialize_request", "_execute"):
        ours = inspect.signature(getattr(CalendarBatch, name))
        theirs = inspect.signature(getattr(BatchHttpRequest, name))
        assert list(ours.parameters) == list(theirs.parameters), name
    for name in ("_id_to_header", "_header_to_id"):
        assert callable(getattr(BatchHttpRequest, name))
    batch = BatchHttpRequest(batch_uri="http://google.test/batch")
    assert batch._responses == {}


def test_event_requests_ride_on_the_service_http(api: CalendarApi) -> None:
    assert isinstance(api.service._http, httplib2.Http)
    built = requests(api)
    assert all(request.http is api.service._http for request in built)
    assert [r.method for r in built] == ["POST", "PUT", "DELETE", "PUT"]
