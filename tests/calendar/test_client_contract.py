"""shared/calendar/batch.py and the event writes of shared/calendar/client.py, held to
google-api-python-client's own batches.

The same event writes are built through the library's discovery layer and put in its
`BatchHttpRequest`, and built by us and put in `batch.encode`; both go to the same fake
transport, which answers as Google does. What goes on the wire must be the same request by
request, and the answer must read the same (status, body, Retry-After), so a difference in how
either side writes or reads a batch fails here, not against Google.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import re
import urllib.parse
from pathlib import Path
from typing import Any

import httplib2
import pytest
from googleapiclient.errors import HttpError
from googleapiclient.http import BatchHttpRequest, HttpRequest

from shared.calendar import batch
from shared.calendar.client import CalendarApi, EventCall, _call_result, _inner_request
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


def library_requests(api: CalendarApi) -> list[HttpRequest]:
    """CALLS built the library's way, through its discovery layer."""
    events = api.service.events()
    built = []
    for call in CALLS:
        body = json.loads(call.body) if isinstance(call.body, str) else call.body
        if call.kind is OpKind.INSERT:
            built.append(events.insert(calendarId=CALENDAR, body=body, fields="id,status"))
        elif call.kind is OpKind.UPDATE:
            built.append(
                events.update(
                    calendarId=CALENDAR, eventId=call.event_id, body=body, fields="id,status"
                )
            )
        else:
            built.append(events.delete(calendarId=CALENDAR, eventId=call.event_id))
    return built


def run_library(api: CalendarApi) -> tuple[BatchServer, list[Any]]:
    server = BatchServer()
    seen: list[Any] = []

    def done(request_id: str, response: Any, exception: Exception | None) -> None:
        if isinstance(exception, HttpError):
            seen.append((exception.resp.status, None, exception.resp.get("retry-after")))
        else:
            seen.append((200, response or None, None))

    requests = BatchHttpRequest(callback=done, batch_uri=api.batch_uri)
    for index, request in enumerate(library_requests(api)):
        requests.add(request, request_id=str(index))
    requests.execute(http=server)
    return server, seen


def run_ours(api: CalendarApi) -> tuple[BatchServer, list[Any]]:
    server = BatchServer()
    path = f"{api.calendars_path}/{CALENDAR.replace('@', '%40')}/events"
    encoded = batch.encode([_inner_request(path, c) for c in CALLS], api.host, api.user_agent)
    response, content = server.request(
        api.batch_uri, "POST", encoded.body, {"content-type": encoded.content_type}
    )
    answers = batch.decode(response["content-type"], content, encoded.batch_id)
    results = [_call_result(answers.get(i)) for i in range(len(CALLS))]
    retry_after = [answers[i].headers.get("retry-after") for i in range(len(CALLS))]
    seen = [
        (200 if r.status < 300 else r.status, r.body, after)
        for r, after in zip(results, retry_after, strict=True)
    ]
    return server, seen


WIRE_HEADERS = ("content-type", "host")


def test_our_batch_sends_what_the_library_sends(api: CalendarApi) -> None:
    theirs, _ = run_library(api)
    ours, _ = run_ours(api)
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
        assert _target(our_request["target"]) == _target(their_request["target"])
        assert our_request["method"] == their_request["method"]
        assert our_request["version"] == their_request["version"]
        for name in WIRE_HEADERS:
            assert our_request["headers"].get(name) == their_request["headers"].get(name), name
        assert _json(our_request["body"]) == _json(their_request["body"])
        # Each side's length is its own body's (ours is compact JSON, in UTF-8).
        for request in (our_request, their_request):
            length = request["headers"].get("content-length")
            assert length is None or int(length) == len(request["body"].encode("utf-8"))


def _target(target: str) -> tuple[str, dict[str, list[str]]]:
    """A request target's path and its query as a mapping (the order of fields is free)."""
    parts = urllib.parse.urlsplit(target)
    return parts.path, urllib.parse.parse_qs(parts.query)


def _json(body: str) -> Any:
    return json.loads(body) if body.strip() else None


def _first(pattern: re.Pattern[bytes], body: bytes) -> str:
    match = pattern.search(body)
    assert match is not None
    return match.group(1).decode()


def test_our_batch_reads_the_answer_as_the_library_does(api: CalendarApi) -> None:
    _, theirs = run_library(api)
    _, ours = run_ours(api)
    assert ours == theirs
    assert [entry[0] for entry in ours] == [200, 404, 200, 429]
    assert ours[0][1] == {"id": "new1", "status": "confirmed"}
    assert ours[3][2] == "7"  # the part's own headers are read (Retry-After)


def test_an_answer_that_is_not_multipart_is_refused() -> None:
    with pytest.raises(batch.BatchFormatError):
        batch.decode("application/json", b'{"ok": true}', "id")
    with pytest.raises(batch.BatchFormatError):
        batch.decode("multipart/mixed; boundary=x", b"\xff\xfe", "id")


def test_parts_of_another_batch_or_without_a_number_are_left_out() -> None:
    answer = (
        "--b\r\nContent-Type: application/http\r\nContent-ID: <response-other+0>\r\n\r\n"
        "HTTP/1.1 200 OK\r\n\r\n{}\r\n"
        "--b\r\nContent-Type: application/http\r\nContent-ID: <response-mine+x>\r\n\r\n"
        "HTTP/1.1 200 OK\r\n\r\n{}\r\n"
        "--b\r\nContent-Type: application/http\r\nContent-ID: <response-mine+1>\r\n\r\n"
        "HTTP/1.1 204 No Content\r\n\r\n\r\n--b--\r\n"
    )
    answers = batch.decode("multipart/mixed; boundary=b", answer.encode(), "mine")
    assert list(answers) == [1] and answers[1].status == 204 and answers[1].json() is None
