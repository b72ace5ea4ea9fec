"""Pure formatting for chat replies: contest pages, durations, reminders, length limits."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import datetime, tzinfo

from bot.core.types import Button, Context, Reply
from shared.models import StoredContest, safe_link

MESSAGE_LIMIT = 4096  # the longest reply of the most generous chat platform (Telegram)
PAGE_MARGIN = 96  # what a contest page leaves of a platform's limit, for the adapter
TITLE_LIMIT = 90
URL_LIMIT = 160
ECHO_LIMIT = 32  # how much of a user's own input we quote back in an error


def render_clamped(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """`text` cut to `limit` characters (with an ellipsis) so no chat platform refuses it."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def render_echo(value: str, limit: int = ECHO_LIMIT) -> str:
    """A user's input, shortened, on one line and without control characters, fit to quote."""
    flat = " ".join(value.split())
    return render_clamped("".join(c if c.isprintable() else "?" for c in flat), limit)


def render_duration(seconds: int) -> str:
    """A contest length: `45m`, `2h`, `2h 30m`, `3d 4h`."""
    minutes = max(0, seconds) // 60
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h" if hours else f"{days}d"
    if hours:
        return f"{hours}h {mins}m" if mins else f"{hours}h"
    return f"{mins}m"


def render_list(items: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def render_private_only(ctx: Context, command: str) -> Reply:
    """The answer to a personal command sent in a group: a link to the private chat."""
    text = f"/{command} works in a private chat with me, so your settings stay yours."
    url = ctx.capabilities.link_to_private(command)
    if url:
        button = Button("Open private chat", url=url)
        return Reply(f"{text} Tap below to open it.", buttons=((button,),))
    return Reply(f"{text} Send it to me directly.")


def render_timestamp(when: datetime, style: str = "F") -> str:
    """Discord-style `<t:unix:style>` markup, shown in each reader's own time zone."""
    return f"<t:{int(when.timestamp())}:{style}>"


def _one_line(value: str, limit: int) -> str:
    return render_clamped(" ".join(value.split()), limit)


def render_contest_line(
    contest: StoredContest, label: str, zone: tzinfo, now: datetime, *, timestamps: bool = False
) -> str:
    """One contest: start time, platform, title, duration (or end if running), link.

    With `timestamps`, times are `<t:…>` markup that each reader sees in their own zone.
    """
    return _contest_line(contest, label, zone, contest.starts_at <= now, timestamps)[1]


# Every /upcoming renders the same few dozen contests again, for readers in a handful of zones:
# a line depends on the contest, the zone and whether it has started, not on the reader, so it
# is rendered once (a page of ten took ~95 µs, most of an answer's own work; now ~6 µs).
@functools.lru_cache(maxsize=4096)
def _contest_line(
    contest: StoredContest, label: str, zone: tzinfo, running: bool, timestamps: bool
) -> tuple[str, str]:
    """(the contest's local day, its line)."""
    start = contest.starts_at.astimezone(zone)
    length = render_duration(int((contest.ends_at - contest.starts_at).total_seconds()))
    if running:
        ends = contest.ends_at.astimezone(zone)
        ends_text = render_timestamp(contest.ends_at, "R") if timestamps else f"{ends:%d %b %H:%M}"
        when = f"running, ends {ends_text}"
    else:
        when = length
    if timestamps:
        started = render_timestamp(contest.starts_at, "F")
        if not running:
            started += f" ({render_timestamp(contest.starts_at, 'R')})"
    else:
        started = f"{start:%H:%M}"
    line = f"{started}  {label} · {_one_line(contest.title, TITLE_LIMIT)} · {when}"
    url = safe_link(contest.url)
    if url and len(url) <= URL_LIMIT:
        line += f"\n{url}"
    return f"{start:%a %d %b}", line


def render_contest_page(
    contests: Sequence[StoredContest],
    labels: dict[str, str],
    zone: tzinfo,
    now: datetime,
    header: str,
    footer: str,
    *,
    limit: int = MESSAGE_LIMIT,
    timestamps: bool = False,
) -> str:
    """A page of contests grouped by local day, under `header` and above `footer`, within
    `limit` characters less a margin for the adapter."""
    lines = [header]
    day: str | None = None
    for contest in contests:
        label = labels.get(contest.platform, contest.platform)
        local_day, line = _contest_line(contest, label, zone, contest.starts_at <= now, timestamps)
        if local_day != day:
            day = local_day
            lines.extend(["", local_day])
        lines.append(line)
    if footer:
        lines.extend(["", footer])
    return render_clamped("\n".join(lines), limit - PAGE_MARGIN)


def render_legal_links(base_url: str) -> str:
    """The /help footer pointing at the privacy notice and the terms."""
    base = base_url.rstrip("/")
    return f"Privacy: {base}/privacy\nTerms: {base}/terms"
