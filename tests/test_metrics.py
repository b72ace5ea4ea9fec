"""The web backend's request metrics read exactly as prometheus_client's own Counter and Histogram
with the same labels would: what the dashboard and alerts query does not change."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from shared.metrics import HTTP_DURATION, HTTP_REQUESTS, LATENCY_BUCKETS, Metrics

# Durations on bucket bounds (a bucket counts seconds ≤ its le), between them, past the last.
SEEN = [
    ("/api/contests", 200, 0.0),
    ("/api/contests", 200, 0.005),
    ("/api/contests", 200, 0.0051),
    ("/api/contests", 304, 0.01),
    ("/", 200, 0.3),
    ("/", 200, 10.0),
    ("/", 503, 42.0),
    ("<unmatched>", 404, 0.002),
]


def samples(text: bytes) -> set[tuple[str, frozenset[tuple[str, str]], float]]:
    """Every sample but the `_created` stamps (the time a series was made, which differ)."""
    return {
        (s.name, frozenset(s.labels.items()), round(s.value, 9))
        for family in text_string_to_metric_families(text.decode())
        for s in family.samples
        if not s.name.endswith("_created") and s.name.startswith("contestsync_http")
    }


def test_request_metrics_read_as_a_counter_and_a_histogram_would() -> None:
    ours = Metrics()
    reference = CollectorRegistry()
    requests = Counter(HTTP_REQUESTS, "-", ["route", "status"], registry=reference)
    durations = Histogram(
        HTTP_DURATION, "-", ["route"], buckets=LATENCY_BUCKETS, registry=reference
    )
    for route, status, seconds in SEEN:
        ours.http.observe(route, status, seconds)
        requests.labels(route, str(status)).inc()
        durations.labels(route).observe(seconds)
    expected = samples(generate_latest(reference))
    assert samples(ours.render()) == expected
    assert (HTTP_REQUESTS + "_total", frozenset({("route", "/"), ("status", "503")}), 1) in expected
    # five route and status pairs; three routes of buckets (and +Inf), a count and a sum each
    assert len(expected) == 5 + 3 * (len(LATENCY_BUCKETS) + 1 + 2)


def test_a_fresh_process_exposes_no_request_series() -> None:
    assert samples(Metrics().render()) == set()
    assert b"# TYPE contestsync_http_request_duration_seconds histogram" in Metrics().render()
