"""The daily report: the last day in figures and a chart of the last 7 days (PNG, matplotlib)."""

from __future__ import annotations

import io
import logging
from datetime import UTC, datetime, timedelta

import matplotlib

matplotlib.use("Agg")  # no display: draw into memory

from matplotlib.figure import Figure

from shared.alerts.render import escape
from shared.db.alerts import DayHistory, Figures
from shared.models import PlatformHealth
from shared.platforms.registry import PLATFORMS

log = logging.getLogger(__name__)

DAYS = 7
OUTCOME_COLOURS = {"ok": "#2e7d32", "failed": "#c62828", "guard": "#ef6c00"}


def render_figures(
    figures: Figures, health: list[PlatformHealth], node: str, now: datetime, *, title: str
) -> str:
    """The report's text (HTML): contests, platform health, users, syncs, deliveries, slowest."""
    lines = [f"📊 <b>{escape(title)}</b> — {now:%Y-%m-%d %H:%M} UTC"]
    lines.append("")
    lines.append("<b>Platforms</b> (upcoming contests · scrapes ok/failed in 24 h · last error)")
    by_name = {h.platform: h for h in health}
    for name, platform in PLATFORMS.items():
        runs = figures.scrapes.get(name, {})
        ok, failed = runs.get("ok", 0), runs.get("failed", 0) + runs.get("guard", 0)
        h = by_name.get(name)
        state = "—" if h is None else ("ok" if h.ok else f"failing ×{h.consecutive_failures}")
        error = f" · {escape(h.last_error[:80])}" if h is not None and h.last_error else ""
        lines.append(
            f"{escape(platform.label)}: {figures.upcoming_by_platform.get(name, 0)} · "
            f"{ok}/{failed} · {state}{error}"
        )
    lines.append("")
    lines.append(
        f"<b>Users</b>: {figures.users} · calendars connected: {figures.connected} · "
        f"revoked: {figures.revoked}"
    )
    total = sum(figures.syncs.values())
    failed_syncs = sum(n for outcome, n in figures.syncs.items() if outcome != "ok")
    lines.append(f"<b>Syncs</b> (24 h): {total} · failed or partial: {failed_syncs}")
    lines.append(
        f"<b>Deliveries</b> (24 h): {figures.notices_sent} chat notices sent, "
        f"{figures.notices_pending} waiting · {figures.alerts_sent} alerts sent, "
        f"{figures.alerts_pending} waiting"
    )
    if figures.slowest:
        lines.append(
            "<b>Slowest jobs</b>: "
            + ", ".join(f"{escape(what)} {ms / 1000:.1f} s" for what, ms in figures.slowest)
        )
    lines.append(f"node: <code>{escape(node)}</code>")
    return "\n".join(lines)


def render_chart(history: DayHistory) -> bytes:
    """A PNG: scrapes by outcome per platform (stacked by day) and syncs vs failures per day."""
    fig = Figure(figsize=(10, 7), dpi=100)
    top, bottom = fig.subplots(2, 1)
    labels = [d.strftime("%a %d") for d in history.days]
    positions = list(range(len(history.days)))
    names = list(PLATFORMS)
    width = 0.8 / max(1, len(names))
    for index, name in enumerate(names):
        base = [0] * len(positions)
        for outcome in ("ok", "guard", "failed"):
            values = [history.scrapes.get((d, name, outcome), 0) for d in history.days]
            xs = [p - 0.4 + width * (index + 0.5) for p in positions]
            top.bar(
                xs,
                values,
                width,
                bottom=base,
                color=OUTCOME_COLOURS[outcome],
                edgecolor="white",
                linewidth=0.3,
                label=outcome if index == 0 else None,
            )
            base = [b + v for b, v in zip(base, values, strict=True)]
    top.set_title(f"Scrapes per platform and day ({', '.join(PLATFORMS)})", fontsize=9)
    top.set_xticks(positions, labels)
    top.legend(loc="upper left", fontsize=8)
    ok = [history.syncs.get((d, "ok"), 0) for d in history.days]
    failed = [history.syncs.get((d, "failed"), 0) for d in history.days]
    bottom.plot(positions, ok, marker="o", color=OUTCOME_COLOURS["ok"], label="syncs ok")
    bottom.plot(positions, failed, marker="o", color=OUTCOME_COLOURS["failed"], label="failed")
    bottom.set_title("Calendar syncs per day", fontsize=9)
    bottom.set_xticks(positions, labels)
    bottom.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


def report_window(now: datetime) -> tuple[datetime, datetime]:
    """(since for the figures, first day of the chart): the last 24 h and the last 7 UTC days."""
    first_day = (now.astimezone(UTC) - timedelta(days=DAYS - 1)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    return now - timedelta(hours=24), first_day
