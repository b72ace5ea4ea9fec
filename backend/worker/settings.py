"""The arq worker: functions, cron schedule, health server and graceful shutdown."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
import time
from collections.abc import Callable
from typing import Any, cast

from aiohttp import web
from arq import cron
from arq.constants import in_progress_key_prefix
from arq.cron import CronJob
from arq.utils import timestamp_ms
from arq.worker import Function, Retry, func
from arq.worker import Worker as ArqWorker
from redis.commands.core import AsyncScript
from redis.exceptions import RedisError

from backend.worker import jobs
from backend.worker.jobs import Ctx, context
from shared.jobs import (
    CLEAN_UP_GOOGLE,
    DELIVER_CONTEST_MESSAGES,
    DELIVER_NOTICES,
    HEARTBEAT,
    PRUNE_EXPIRED,
    PRUNE_RUNS,
    SCHEDULE_SCRAPES,
    SCHEDULE_SYNCS,
    SCRAPE_PLATFORM,
    SEND_DAILY_REPORT,
    SWEEP_CLEANUPS,
    SWEEP_SYNC_MARKS,
    SYNC_USER_CALENDAR,
    cron_name,
)
from shared.metrics import CONTENT_TYPE
from shared.resources import Resources, redis_settings
from shared.services.maintainers import refresh_gauges

log = logging.getLogger(__name__)

# arq marks a job it runs "in progress" for the longest job timeout of the worker (plus 10 s),
# and no worker takes the job again until that mark lapses: a worker killed mid-job would hold
# its jobs for minutes. Here the mark lives IN_PROGRESS_TTL seconds and the running worker
# renews the marks of its jobs every third of that, so a killed worker's jobs run again within
# seconds while a long healthy job keeps its mark.
IN_PROGRESS_TTL = 15.0


# Claims a job for this worker, as arq's start_jobs does in an optimistic transaction: KEYS are
# the job's in-progress mark and the queue; ARGV the job id, now (ms) and the mark's TTL (ms).
# Answers the job's score when claimed, nil when another worker runs it, it has ended (no
# longer queued) or it is not due yet (queued again with a delay).
_CLAIM = """
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not score or tonumber(score) > tonumber(ARGV[2]) then return false end
redis.call('PSETEX', KEYS[1], ARGV[3], '1')
return score
"""


class Worker(ArqWorker):
    """arq's Worker whose jobs' in-progress marks are short-lived and renewed while they run."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.in_progress_timeout_s = IN_PROGRESS_TTL
        self._claim_script: AsyncScript | None = None

    async def main(self) -> None:
        """arq's poll loop, with the in-progress marks of running jobs kept alive beside it."""
        keeper = asyncio.create_task(self._keep_in_progress())
        try:
            await super().main()
        finally:
            keeper.cancel()

    async def start_jobs(self, job_ids: list[bytes]) -> None:
        """arq's start_jobs, each job claimed in one Valkey round trip, less the jobs this
        worker is running now.

        arq claims a job with WATCH, EXISTS, ZSCORE and a MULTI/PSETEX/EXEC (four round trips
        and an optimistic transaction); `_CLAIM` does the same checks and the same write in one
        script, which Valkey runs atomically: the job is taken only when nobody holds its
        in-progress mark and it is due. A job stays in the queue until it ends, and every poll
        reads up to `queue_read_limit` ids from its head: the jobs whose tasks run here are
        left out without asking Valkey (this worker holds their marks). A job whose task has
        ended is checked as usual (a retry queues it again).
        """
        tasks = self.tasks
        ttl_ms = str(int(self.in_progress_timeout_s * 1000))
        for job_id_b in job_ids:
            job_id = job_id_b.decode()
            running = tasks.get(job_id)
            if running is not None and not running.done():
                continue
            await self.sem.acquire()
            if self.job_counter >= self.max_jobs:
                self.sem.release()
                return
            self.job_counter += 1
            try:
                score = await self._claim(job_id, ttl_ms)
            except BaseException:
                self._release_sem_dec_counter_on_complete()
                raise
            if score is None:  # running elsewhere, finished, or not due yet
                self._release_sem_dec_counter_on_complete()
                continue
            task = self.loop.create_task(self.run_job(job_id, int(float(score))))
            task.add_done_callback(lambda _: self._release_sem_dec_counter_on_complete())
            tasks[job_id] = task

    async def _claim(self, job_id: str, ttl_ms: str) -> bytes | None:
        """Run `_CLAIM` for one job: the job's score when this worker now holds it."""
        if self._claim_script is None:
            self._claim_script = self.pool.register_script(_CLAIM)
        keys = (in_progress_key_prefix + job_id, self.queue_name)
        score = await self._claim_script(keys, (job_id, timestamp_ms(), ttl_ms))
        return cast(bytes | None, score)

    async def _keep_in_progress(self) -> None:
        ttl_ms = int(IN_PROGRESS_TTL * 1000)
        while True:
            await asyncio.sleep(IN_PROGRESS_TTL / 3)
            running = [job_id for job_id, task in self.tasks.items() if not task.done()]
            if not running or self._pool is None:
                continue
            try:
                async with self.pool.pipeline(transaction=False) as pipe:
                    for job_id in running:
                        # PEXPIRE of a mark already removed (the job just ended) does nothing.
                        pipe.pexpire(in_progress_key_prefix + job_id, ttl_ms)
                    await pipe.execute()
            except (RedisError, OSError) as exc:  # the poll loop meets the same outage
                log.debug("in-progress marks not renewed: %s", type(exc).__name__)


def scrape_cron(interval_minutes: int) -> CronJob:
    """The scrape fan-out every `interval_minutes`, and once when the worker starts."""
    if interval_minutes < 60:
        schedule: dict[str, Any] = {"minute": set(range(0, 60, interval_minutes))}
    else:
        schedule = {"hour": set(range(0, 24, max(1, interval_minutes // 60))), "minute": {0}}
    return cron(
        jobs.schedule_scrapes,
        name=cron_name(SCHEDULE_SCRAPES),
        run_at_startup=True,
        unique=True,
        **schedule,
    )


def build_worker_settings(res: Resources) -> dict[str, Any]:
    """Keyword arguments for arq's Worker (what a WorkerSettings class would hold)."""

    async def on_startup(ctx: Ctx) -> None:
        context(ctx)["res"] = res

    return {
        "functions": [
            # keep_result=0: a kept result would hold the per-platform job id and refuse the
            # next scrape for as long (outcomes are in platform_health anyway).
            func(
                jobs.scrape_platform,
                name=SCRAPE_PLATFORM,
                keep_result=0,
                timeout=300,
                max_tries=jobs.SCRAPE_MAX_TRIES,
            ),
            func(jobs.schedule_scrapes, name=SCHEDULE_SCRAPES, keep_result=0),
            # keep_result=0 frees the per-user job id as soon as a sync ends. Its tries are
            # spent only waiting for a busy user's lock (a failed sync queues a new job), or
            # when a worker died while running it.
            func(
                jobs.sync_user_calendar,
                name=SYNC_USER_CALENDAR,
                keep_result=0,
                timeout=jobs.SYNC_JOB_TIMEOUT,
                max_tries=jobs.SYNC_MAX_TRIES,
            ),
            func(jobs.schedule_syncs, name=SCHEDULE_SYNCS, keep_result=0),
            # One attempt per job: a failed attempt is rescheduled in PostgreSQL with backoff,
            # and the sweeper queues it again (under a new id) when it is due.
            func(jobs.clean_up_google, name=CLEAN_UP_GOOGLE, keep_result=0, timeout=120),
            func(jobs.sweep_cleanups, name=SWEEP_CLEANUPS, keep_result=0),
            func(jobs.sweep_sync_marks, name=SWEEP_SYNC_MARKS, keep_result=0),
            func(jobs.deliver_notices, name=DELIVER_NOTICES, keep_result=0, max_tries=1),
            func(
                jobs.deliver_contest_messages,
                name=DELIVER_CONTEST_MESSAGES,
                keep_result=0,
                max_tries=1,
                timeout=120,
            ),
            *maintainer_functions(),
        ],
        "cron_jobs": [
            scrape_cron(res.settings.SCRAPE_INTERVAL_MINUTES),
            cron(
                jobs.schedule_syncs,
                name=cron_name(SCHEDULE_SYNCS),
                hour={3},
                minute={17},
                unique=True,
            ),
            cron(jobs.prune_expired, name=cron_name(PRUNE_EXPIRED), minute={41}, unique=True),
            cron(jobs.deliver_notices, name=cron_name(DELIVER_NOTICES), second={31}, unique=True),
            # Contest messages (shared/delivery): exactly once, even if two workers run this.
            cron(
                jobs.deliver_contest_messages,
                name=cron_name(DELIVER_CONTEST_MESSAGES),
                second={3},
                run_at_startup=True,
                unique=True,
                timeout=120,
            ),
            cron(
                jobs.sweep_sync_marks,
                name=cron_name(SWEEP_SYNC_MARKS),
                second=set(range(0, 60, 10)),
                run_at_startup=True,
                unique=True,
            ),
            cron(
                jobs.sweep_cleanups,
                name=cron_name(SWEEP_CLEANUPS),
                second={7},
                run_at_startup=True,
                unique=True,
            ),
            *maintainer_crons(res.settings.DAILY_REPORT_HOUR),
        ],
        "on_startup": on_startup,
        # No connection retries inside arq: a worker that cannot connect ends, and its
        # supervisor (backend/worker/supervise.py) tries again with backoff, quietly.
        "redis_settings": dataclasses.replace(redis_settings(res.settings), conn_retries=0),
        # Jobs wait on HTTP, not CPU: many run at once, and a freed slot is refilled quickly.
        "max_jobs": 50,
        "poll_delay": 0.05,
        "job_timeout": 300,
        # No kept results (nothing reads them): a job that ran out of tries would otherwise
        # keep its id, and so refuse the next scrape or sync of the same id, for as long.
        "keep_result": 0,
        "health_check_interval": 60,
    }


def build_worker(res: Resources, *, burst: bool = False, handle_signals: bool = True) -> Worker:
    """An arq Worker on the process's resources."""
    settings = build_worker_settings(res)
    settings["functions"] = [timed(f, res) for f in settings["functions"]]
    settings["cron_jobs"] = [timed_cron(c, res) for c in settings["cron_jobs"]]
    return Worker(**settings, burst=burst, handle_signals=handle_signals)


# ---- maintainers: alert jobs, job durations and /metrics


def maintainer_functions() -> list[Function]:
    """The jobs of shared/alerts: heartbeat (also delivers kept alerts) and the daily report."""
    return [
        func(jobs.heartbeat, name=HEARTBEAT, keep_result=0, max_tries=1),
        func(jobs.send_daily_report, name=SEND_DAILY_REPORT, keep_result=0, max_tries=2),
        func(jobs.prune_runs, name=PRUNE_RUNS, keep_result=0),
    ]


def maintainer_crons(report_hour: int) -> list[CronJob]:
    """Heartbeat every minute, runs pruned daily, the report at `report_hour` UTC (-1: none)."""
    crons = [
        cron(jobs.heartbeat, name=cron_name(HEARTBEAT), run_at_startup=True, unique=True),
        cron(jobs.prune_runs, name=cron_name(PRUNE_RUNS), hour={4}, minute={23}, unique=True),
    ]
    if report_hour >= 0:
        crons.append(
            cron(
                jobs.send_daily_report,
                name=cron_name(SEND_DAILY_REPORT),
                hour={report_hour},
                minute={0},
                unique=True,
            )
        )
    return crons


def _timed_coroutine(name: str, coroutine: Any, res: Resources) -> Any:
    @functools.wraps(coroutine)
    async def run(ctx: Ctx, *args: Any, **kwargs: Any) -> Any:
        started = time.monotonic()
        outcome = "failed"
        try:
            result = await coroutine(ctx, *args, **kwargs)
            outcome = "ok"
            return result
        except Retry:
            outcome = "retry"
            raise
        except RedisError as exc:
            # Valkey went away under the job: one line, no traceback. Nothing is lost: what
            # the job was doing is recorded in PostgreSQL (marks, cleanups) or runs on the
            # next cron round.
            outcome = "valkey_unavailable"
            log.warning("%s stopped: Valkey unavailable (%s)", name, type(exc).__name__)
            return None
        finally:
            res.metrics.job_duration.labels(name, outcome).observe(time.monotonic() - started)

    return run


def timed(function: Function, res: Resources) -> Function:
    """The same job, its duration observed by outcome (contestsync_job_duration_seconds)."""
    return dataclasses.replace(
        function, coroutine=_timed_coroutine(function.name, function.coroutine, res)
    )


def timed_cron(job: CronJob, res: Resources) -> CronJob:
    """The same cron job, timed like `timed`."""
    return dataclasses.replace(job, coroutine=_timed_coroutine(job.name, job.coroutine, res))


def build_health_app(current: Callable[[], Worker], res: Resources) -> web.Application:
    """The worker's health server: /healthz with job counters, /metrics (this process's).

    `current` gives the running Worker (a supervised worker is replaced when it restarts).
    """

    async def healthz(request: web.Request) -> web.Response:
        worker = current()
        # A failed scrape ends its job normally, so arq does not count it; we do.
        stats = jobs.job_stats(worker.ctx)
        failing = sorted(stats.failing_platforms)
        return web.json_response(
            {
                "status": "degraded" if failing else "ok",
                "jobs_complete": worker.jobs_complete,
                "jobs_failed": worker.jobs_failed + stats.scrapes_failed,
                "jobs_retried": worker.jobs_retried,
                "jobs_ongoing": len(worker.tasks),
                "scrapes": {"ok": stats.scrapes_ok, "failed": stats.scrapes_failed},
                "failing_platforms": failing,
            }
        )

    async def metrics(request: web.Request) -> web.Response:
        await refresh_gauges(res.db, res.arq, res.metrics)
        return web.Response(body=res.metrics.render(), headers={"Content-Type": CONTENT_TYPE})

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    return app
