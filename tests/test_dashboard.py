"""The Grafana dashboard and Prometheus config refer only to metrics and labels that exist."""

from __future__ import annotations

import json
import re
from pathlib import Path

from prometheus_client.metrics import MetricWrapperBase

from shared.metrics import Metrics, RequestTally, metric_names

ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = ROOT / "observability" / "grafana" / "dashboards" / "contestsync.json"
SUFFIXES = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count"), "gauge": ("",)}
_SERIES = re.compile(r"\b(contestsync_[a-z_]+)")
_BY = re.compile(r"\bby \(([^)]*)\)")


def defined() -> dict[str, tuple[str, frozenset[str]]]:
    """Series name → (family, label names) for every series our metrics expose."""
    series: dict[str, tuple[str, frozenset[str]]] = {}
    for metric in vars(Metrics()).values():
        if isinstance(metric, MetricWrapperBase):
            families = [(metric._name, str(metric._type), frozenset(metric._labelnames))]
        elif isinstance(metric, RequestTally):  # a collector of its own: its families say
            families = [(f.name, f.type, frozenset(f._labelnames)) for f in metric.describe()]
        else:
            continue
        for name, kind, labels in families:
            for suffix in SUFFIXES[kind]:
                series[name + suffix] = (name, labels | {"le"} if suffix == "_bucket" else labels)
    return series


def expressions() -> list[str]:
    dashboard = json.loads(DASHBOARD.read_text())
    return [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]]


def test_every_series_in_the_dashboard_is_one_we_expose() -> None:
    series = defined()
    used = {name for expr in expressions() for name in _SERIES.findall(expr)}
    assert used, "the dashboard has no ContestSync panel"
    assert used <= set(series), f"unknown series: {sorted(used - set(series))}"


def test_every_grouping_label_exists_on_the_series_it_groups() -> None:
    series = defined()
    for expr in expressions():
        labels = frozenset().union(*(series[n][1] for n in _SERIES.findall(expr)))
        for group in _BY.findall(expr):
            wanted = {label.strip() for label in group.split(",") if label.strip()}
            assert wanted <= labels, f"{expr}: no label(s) {sorted(wanted - labels)}"


def test_the_dashboard_shows_every_metric_family() -> None:
    series = defined()
    families = {series[n][0] for expr in expressions() for n in _SERIES.findall(expr)}
    assert families == metric_names()


def test_prometheus_scrapes_web_workers_and_the_bot() -> None:
    config = (ROOT / "observability" / "prometheus.yml").read_text()
    for target in ('"web:8080"', '"worker"', "port: 8081", '"telegram:8080"'):
        assert target in config
    compose = (ROOT / "docker-compose.yml").read_text()
    assert "profiles: [observability]" in compose
    assert "./observability/grafana/dashboards:/var/lib/grafana/dashboards" in compose
