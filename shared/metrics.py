"""Prometheus metrics: every name in one place, one registry per process (no global registry).

Each process (web, worker, bot, or all of them in `contestsync run`) builds one `Metrics` in its
composition root and serves it on its own port (`/metrics` on PORT and on WORKER_PORT). Several
worker processes therefore expose several endpoints, one per process, which Prometheus scrapes
and sums; no multiprocess mode is needed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import accumulate

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector
from prometheus_client.utils import INF, floatToGoString

CONTENT_TYPE = CONTENT_TYPE_LATEST

DURATION_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)

# Names, so tests and the Grafana dashboard can be checked against them.
SCRAPES = "contestsync_scrapes"
SCRAPE_DURATION = "contestsync_scrape_duration_seconds"
CONTESTS = "contestsync_contests"
SYNCS = "contestsync_syncs"
SYNC_DURATION = "contestsync_sync_duration_seconds"
GOOGLE_CALLS = "contestsync_google_calls"
TOKEN_REFRESHES = "contestsync_google_token_refreshes"  # noqa: S105 - a metric name
BOT_UPDATES = "contestsync_bot_updates"
BOT_REPLY_SECONDS = "contestsync_bot_reply_seconds"
DELIVERIES = "contestsync_deliveries"
QUEUE_DEPTH = "contestsync_queue_depth"
JOB_DURATION = "contestsync_job_duration_seconds"
HTTP_REQUESTS = "contestsync_http_requests"
HTTP_DURATION = "contestsync_http_request_duration_seconds"
ALERTS = "contestsync_alerts"


class Metrics:
    """The process's registry and its metrics."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.scrapes = Counter(
            SCRAPES,
            "Platform scrapes by outcome (ok, failed, guard)",
            ["platform", "outcome"],
            registry=r,
        )
        self.scrape_duration = Histogram(
            SCRAPE_DURATION,
            "Time a scrape took",
            ["platform"],
            buckets=DURATION_BUCKETS,
            registry=r,
        )
        self.contests = Gauge(
            CONTESTS, "Contests stored, by platform and state", ["platform", "state"], registry=r
        )
        self.syncs = Counter(SYNCS, "Calendar syncs by outcome", ["outcome"], registry=r)
        self.sync_duration = Histogram(
            SYNC_DURATION, "Time a calendar sync took", buckets=DURATION_BUCKETS, registry=r
        )
        self.google_calls = Counter(
            GOOGLE_CALLS,
            "Google Calendar calls by method and HTTP status",
            ["method", "status"],
            registry=r,
        )
        self.token_refreshes = Counter(
            TOKEN_REFRESHES, "Google access-token refreshes by outcome", ["outcome"], registry=r
        )
        self.bot_updates = Counter(
            BOT_UPDATES,
            "Chat commands and button presses handled",
            ["chat_platform", "command"],
            registry=r,
        )
        self.bot_reply_seconds = Histogram(
            BOT_REPLY_SECONDS,
            "Time from a command to its reply",
            ["chat_platform", "command"],
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.deliveries = Counter(
            DELIVERIES,
            "Messages delivered by channel and outcome",
            ["channel", "outcome"],
            registry=r,
        )
        self.queue_depth = Gauge(QUEUE_DEPTH, "Jobs waiting in the arq queue", registry=r)
        self.job_duration = Histogram(
            JOB_DURATION,
            "Time a worker job took, by job and outcome",
            ["job", "outcome"],
            buckets=DURATION_BUCKETS,
            registry=r,
        )
        self.http = RequestTally(LATENCY_BUCKETS)
        r.register(self.http)
        self.alerts = Counter(
            ALERTS, "Maintainers' alerts by state (firing, resolved, info)", ["state"], registry=r
        )

    def render(self) -> bytes:
        """The exposition text of every metric."""
        return generate_latest(self.registry)


class RequestTally(Collector):
    """HTTP requests by route and status (`contestsync_http_requests_total`) and the time each
    took by route (`contestsync_http_request_duration_seconds`), the series a Counter and a
    Histogram with those labels would expose, kept in plain dicts and turned into metric
    families only when /metrics is read.

    The web backend counts every request: a labelled Counter's inc() and a Histogram's
    observe() take a lock each and walk the buckets in Python, about 4 µs of the backend's CPU
    per request under load; here it is two dict updates and a bisect. One event loop thread
    counts (a thread counting beside it could lose a count in a race, never corrupt one).
    """

    def __init__(self, buckets: Sequence[float]) -> None:
        self._bounds = (*buckets, INF)
        self._requests: dict[tuple[str, int], int] = {}
        self._buckets: dict[str, list[int]] = {}  # route -> count per bucket, not cumulative
        self._seconds: dict[str, float] = {}  # route -> total seconds

    def observe(self, route: str, status: int, seconds: float) -> None:
        """Count one request of `route` answered `status` after `seconds`."""
        key = (route, status)
        self._requests[key] = self._requests.get(key, 0) + 1
        buckets = self._buckets.get(route)
        if buckets is None:
            buckets = self._buckets[route] = [0] * len(self._bounds)
        buckets[bisect_left(self._bounds, seconds)] += 1  # a bucket counts seconds ≤ its le
        self._seconds[route] = self._seconds.get(route, 0.0) + seconds

    def collect(self) -> Iterator[Metric]:
        """The counter and histogram families, as prometheus_client's own would read."""
        requests, durations = self.describe()
        for (route, status), count in list(self._requests.items()):
            requests.add_metric([route, str(status)], count)
        les = [floatToGoString(bound) for bound in self._bounds]  # type: ignore[no-untyped-call]
        for route, counts in list(self._buckets.items()):
            cumulative = list(zip(les, accumulate(counts), strict=True))
            durations.add_metric([route], cumulative, sum_value=self._seconds[route])
        yield requests
        yield durations

    def describe(self) -> tuple[CounterMetricFamily, HistogramMetricFamily]:
        """The two families, without samples: their names, help and labels."""
        return (
            CounterMetricFamily(
                HTTP_REQUESTS, "HTTP requests by route and status", labels=["route", "status"]
            ),
            HistogramMetricFamily(
                HTTP_DURATION, "Time to answer an HTTP request", labels=["route"]
            ),
        )


def metric_names() -> frozenset[str]:
    """Every series family this module defines (a counter `x` exposes `x_total`)."""
    return frozenset(
        {
            SCRAPES,
            SCRAPE_DURATION,
            CONTESTS,
            SYNCS,
            SYNC_DURATION,
            GOOGLE_CALLS,
            TOKEN_REFRESHES,
            BOT_UPDATES,
            BOT_REPLY_SECONDS,
            DELIVERIES,
            QUEUE_DEPTH,
            JOB_DURATION,
            HTTP_REQUESTS,
            HTTP_DURATION,
            ALERTS,
        }
    )
