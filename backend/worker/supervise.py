"""The arq worker inside a long-running process: stopped in the right order, restarted with
backoff when it ends by itself (a lost Valkey ends arq's poll loop) instead of taking the
process — and the web backend beside it — down."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from contextlib import suppress

from redis.exceptions import RedisError

from backend.worker.jobs import Ctx
from backend.worker.settings import IN_PROGRESS_TTL, Worker, build_worker
from shared.aio import cancel_and_wait
from shared.cache import OwnedLock
from shared.cache import keys as cache_keys
from shared.cache.breaker import log_valkey_failure
from shared.resources import Resources

log = logging.getLogger(__name__)

SHUTDOWN_GRACE = 8.0
RESTART_FIRST = 1.0
RESTART_MAX = 30.0
# A worker that ran this long before it ended starts the backoff afresh.
HEALTHY_RUN = 60.0


class WorkerSupervisor:
    """Owns the current arq Worker of a process (`worker`) and its poll-loop task."""

    def __init__(self, res: Resources) -> None:
        self.res = res
        self.restarts = 0
        self.failing = False  # ended by itself and not running again yet
        self.ever_started = False
        self.worker: Worker = self._build()
        where = f"{socket.gethostname()}:{res.settings.WORKER_PORT}"
        self.mark = OwnedLock(
            res.valkey, cache_keys.worker_running(where), cache_keys.WORKER_MARK_TTL
        )
        self.mark.token = f"{os.getpid()}:{self.mark.token}"
        self.marked = False

    async def mark_running(self) -> None:
        """Record in Valkey that this process runs the worker here, and say so when the one that
        ran here before was killed (it left its mark behind). Tried at every (re)start until
        Valkey answers."""
        if self.marked:
            return
        try:
            before = await self.res.valkey.set(
                self.mark.key, self.mark.token, ex=cache_keys.WORKER_MARK_TTL, get=True
            )
        except (RedisError, OSError):
            return
        self.marked = True
        if before is not None and before.decode(errors="replace") != self.mark.token:
            log.warning(
                "the worker that ran here before (pid %s) stopped without shutting down; "
                "the jobs it was running run again within %.0f s",
                before.decode(errors="replace").split(":", 1)[0],
                IN_PROGRESS_TTL,
            )

    async def unmark(self) -> None:
        """A clean stop: take our mark away (only ours)."""
        with suppress(RedisError, OSError):
            await self.mark.release()

    async def run(self, stop: asyncio.Event) -> None:
        """Run the worker until `stop` is set, restarting it whenever it ends on its own."""
        try:
            await self._run(stop)
        finally:
            await self.unmark()

    def _build(self) -> Worker:
        """A new arq Worker that tells us once it has connected and started."""
        worker = build_worker(self.res, handle_signals=False)
        on_startup = worker.on_startup

        async def started(ctx: Ctx) -> None:
            if on_startup is not None:
                await on_startup(ctx)
            if self.failing:
                log.info("worker running after %d restart(s); cron resumes", self.restarts)
                self.failing = False
            self.ever_started = True

        worker.on_startup = started
        return worker

    async def _run(self, stop: asyncio.Event) -> None:
        delay = RESTART_FIRST
        while True:
            await self.mark_running()
            started = time.monotonic()
            task = asyncio.create_task(self.worker.main())
            stopper = asyncio.create_task(stop.wait())
            await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
            stopper.cancel()
            if stop.is_set():
                await stop_worker(self.worker, task)
                return
            error = task.exception() if not task.cancelled() else None
            await stop_worker(self.worker, task)
            if time.monotonic() - started >= HEALTHY_RUN:
                delay = RESTART_FIRST
            reason = type(error).__name__ if error else "its loop ended"
            if not self.failing:  # one line per outage; the retries are quiet
                breaker = getattr(self.res.valkey, "breaker", None)
                said = breaker is not None and breaker.failures > 0  # it warned already
                log.log(
                    logging.INFO if said else logging.WARNING,
                    "%s (%s); restarting it in %.0f s, then with backoff up to every %.0f s "
                    "until it runs",
                    "worker stopped by itself"
                    if self.ever_started
                    else "worker cannot start yet: Valkey does not answer",
                    reason,
                    delay,
                    RESTART_MAX,
                )
                self.failing = True
            else:
                log.debug("worker did not start (%s); next try in %.0f s", reason, delay)
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
                return  # asked to stop while waiting
            delay = min(delay * 2, RESTART_MAX)
            self.restarts += 1
            self.worker = self._build()


class _QuietArqShutdown(logging.Filter):
    """arq's close() logs "shutdown on SIGUSR1" whatever stopped us; we log the real reason."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("shutdown on ")


async def stop_worker(worker: Worker, worker_task: asyncio.Task[None]) -> None:
    """Stop taking jobs, end the poll loop, let running jobs finish (bounded), then close.

    The order matters: arq's close() drops its Valkey pool while a still-running poll loop
    would go on picking jobs with it.
    """
    worker.allow_pick_jobs = False
    ended = worker_task.done()  # by itself: the supervisor reports why
    await cancel_and_wait(worker_task)
    if not ended and not worker_task.cancelled():
        error = worker_task.exception()
        if isinstance(error, Exception):  # shutting down regardless
            log.warning("worker ended with %s", error.__class__.__name__)
    running = [t for t in worker.tasks.values() if not t.done()]
    if running:
        log.info("waiting up to %.0f s for %d running job(s)", SHUTDOWN_GRACE, len(running))
        _, pending = await asyncio.wait(running, timeout=SHUTDOWN_GRACE)
        if pending:
            log.warning("%d job(s) did not finish in time; they run again later", len(pending))
    quiet = _QuietArqShutdown()
    arq_log = logging.getLogger("arq.worker")
    arq_log.addFilter(quiet)
    try:
        await asyncio.wait_for(worker.close(), timeout=SHUTDOWN_GRACE)
    except (TimeoutError, asyncio.CancelledError):
        log.warning("worker did not close within %.0f s", SHUTDOWN_GRACE)
    except Exception as exc:  # boundary: shutting down regardless (Valkey may be gone)
        log_valkey_failure(log, exc, "worker close failed")
    finally:
        arq_log.removeFilter(quiet)
