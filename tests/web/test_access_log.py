"""The access log under the process's own logging set-up: a line per request written straight to
the log writer, reading exactly as a logged record would, and records as usual wherever someone
else handles them (captured in tests, filtered)."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Callable, Iterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from backend.web.access import ACCESS_LOGGER, LINE, AccessLogger
from shared.logs import QUIET_LOGGERS, line_writer, setup_logging

STAMP = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}"
Setup = Callable[[bool], tuple[io.StringIO, Callable[[], None]]]


@pytest.fixture
def own_logging() -> Iterator[Setup]:
    """setup_logging as a process runs it, writing to a buffer; logging as it was afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    quiet = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
    stops: list[Callable[[], None]] = []

    def setup(json_lines: bool) -> tuple[io.StringIO, Callable[[], None]]:
        stream = io.StringIO()
        stops.append(setup_logging("INFO", json_lines=json_lines, stream=stream))
        return stream, stops[-1]

    yield setup
    for stop in stops:
        stop()
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, was in quiet.items():
        logging.getLogger(name).setLevel(was)


async def requests_logged(paths: list[str]) -> None:
    """A server with the access log answering `paths` (200 for /ok, 404 otherwise)."""

    async def ok(request: web.Request) -> web.Response:
        logging.getLogger("contestsync.test").info("handling %s", request.path)
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_get("/ok", ok)
    server = TestServer(app)
    await server.start_server(
        access_log_class=AccessLogger, access_log=logging.getLogger(ACCESS_LOGGER)
    )
    try:
        async with TestClient(server) as client:
            for path in paths:
                async with client.get(path) as resp:
                    await resp.read()
    finally:
        await server.close()


async def test_access_lines_read_as_logged_records_do_in_order(own_logging: Setup) -> None:
    stream, stop = own_logging(False)
    await requests_logged(["/ok", "/missing?code=s3cret"])
    # The same line through a record, as any other logger's lines are written.
    logging.getLogger(ACCESS_LOGGER).info(LINE, "GET", "/ok", 200, 0.001, "127.0.0.1", "-")
    stop()
    lines = stream.getvalue().splitlines()
    access = rf"{STAMP} INFO    {ACCESS_LOGGER}: "
    assert re.fullmatch(rf"{STAMP} INFO    contestsync.test: handling /ok", lines[0])
    assert re.fullmatch(access + r"GET /ok 200 0\.\d{3}s 127\.0\.0\.1 rid=-", lines[1])
    assert re.fullmatch(access + r"GET /missing 404 0\.\d{3}s 127\.0\.0\.1 rid=-", lines[2])
    assert re.fullmatch(access + r"GET /ok 200 0\.001s 127\.0\.0\.1 rid=-", lines[3])
    assert len(lines) == 4
    assert "s3cret" not in stream.getvalue()


async def test_access_lines_are_json_objects_in_production(own_logging: Setup) -> None:
    stream, stop = own_logging(True)
    await requests_logged(["/ok"])
    logging.getLogger(ACCESS_LOGGER).info(LINE, "GET", "/ok", 200, 0.001, "127.0.0.1", "-")
    stop()
    written, by_record = (json.loads(line) for line in stream.getvalue().splitlines()[1:])
    assert written.keys() == by_record.keys() == {"time", "level", "logger", "message"}
    assert (written["level"], written["logger"]) == ("INFO", ACCESS_LOGGER)
    assert re.fullmatch(r"GET /ok 200 0\.\d{3}s 127\.0\.0\.1 rid=-", written["message"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", written["time"])


async def test_a_filter_on_the_access_log_still_applies(own_logging: Setup) -> None:
    stream, stop = own_logging(False)
    access = logging.getLogger(ACCESS_LOGGER)
    quiet = logging.Filter("nothing-here")  # passes no record of the access logger
    access.addFilter(quiet)
    try:
        assert line_writer(access) is None
        await requests_logged(["/ok"])
    finally:
        access.removeFilter(quiet)
    stop()
    assert ACCESS_LOGGER not in stream.getvalue()
    assert "handling /ok" in stream.getvalue()


async def test_records_reach_a_capturing_handler(
    own_logging: Setup, caplog: pytest.LogCaptureFixture
) -> None:
    own_logging(False)
    logging.getLogger().addHandler(caplog.handler)  # as pytest's capture sits beside ours
    assert line_writer(logging.getLogger(ACCESS_LOGGER)) is None
    await requests_logged(["/ok"])
    access = [r.getMessage() for r in caplog.records if r.name == ACCESS_LOGGER]
    assert len(access) == 1
    assert access[0].startswith("GET /ok 200 ")
