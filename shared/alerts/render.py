"""Pure rendering of alert messages: HTML-escaped, split at Telegram's limit on line boundaries."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime, timedelta

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
SUMMARY_LINES = 30

FIRING = "firing"
RESOLVED = "resolved"
INFO = "info"

_MARKS = {FIRING: "🔴", RESOLVED: "🟢", INFO: "ℹ️"}


def escape(text: object) -> str:
    """Text made safe for Telegram's HTML parse mode."""
    return html.escape(str(text), quote=False)


def render_duration(delta: timedelta) -> str:
    """A short human duration: '45 s', '12 min', '3 h 5 min', '2 d 4 h'."""
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 60:
        return f"{seconds} s"
    minutes, _ = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def render_alert(
    state: str,
    title: str,
    detail: str,
    node: str,
    *,
    since: datetime | None = None,
    now: datetime | None = None,
    count: int | None = None,
    count_noun: str | None = None,
) -> str:
    """One alert: mark and bold title, detail lines, how long a resolved state lasted, the node."""
    lines = [f"{_MARKS.get(state, '')} <b>{escape(title)}</b>".strip()]
    if detail:
        lines.extend(escape(line) for line in detail.splitlines())
    if state == RESOLVED and since is not None and now is not None:
        lasted = f"lasted {render_duration(now - since)} (since {since:%Y-%m-%d %H:%M} UTC)"
        if count and count_noun:
            lasted += f"; {count} {escape(count_noun)} meanwhile"
        lines.append(lasted)
    lines.append(f"node: <code>{escape(node)}</code>")
    return "\n".join(lines)


def render_summary(bodies: Sequence[str], node: str) -> str:
    """One message for alerts over the per-minute limit: the first line of each."""
    lines = [f"⚠️ <b>{len(bodies)} more alert(s) in the last minute</b> (over the rate limit)"]
    for body in bodies[:SUMMARY_LINES]:
        lines.append("• " + body.splitlines()[0] if body else "•")
    if len(bodies) > SUMMARY_LINES:
        lines.append(f"… and {len(bodies) - SUMMARY_LINES} more")
    lines.append(f"node: <code>{escape(node)}</code>")
    return "\n".join(lines)


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Parts of at most `limit` characters, cut between lines; a longer line is cut inside.

    Every part is balanced HTML as long as tags never span lines (ours never do).
    """
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        rest = line
        while len(rest) > limit:
            if current:
                parts.append(current)
                current = ""
            cut = _safe_cut(rest, limit)
            parts.append(rest[:cut])
            rest = rest[cut:]
        candidate = f"{current}\n{rest}" if current else rest
        if len(candidate) > limit:
            parts.append(current)
            current = rest
        else:
            current = candidate
    if current.strip():
        parts.append(current)
    return [p for p in parts if p.strip()]


def _safe_cut(line: str, limit: int) -> int:
    """Where to cut a long line: at `limit`, or before an HTML entity or tag it would split."""
    head = line[:limit]
    for opener, closer in (("&", ";"), ("<", ">")):
        at = head.rfind(opener)
        if at > 0 and closer not in head[at:]:
            return at
    return limit
