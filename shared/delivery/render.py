"""Pure rendering of contest reminders and announcements for Telegram (HTML) and Discord."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from shared.platforms.registry import PLATFORMS

SCHEDULED = "scheduled"
MOVED = "moved"
CANCELLED = "cancelled"

DISCORD_EMBED_COLOR = 0x5865F2
_TITLE_LIMIT = 200


@dataclass(frozen=True, slots=True)
class ContestView:
    """What a message says about a contest."""

    platform: str
    title: str
    url: str
    starts_at: datetime
    ends_at: datetime
    status: str = SCHEDULED  # scheduled | moved | cancelled
    was_starts_at: datetime | None = None  # the start it showed before it moved


@dataclass(frozen=True, slots=True)
class DiscordPost:
    """A Discord message: content (the role mention, if any), one embed, the role it pings."""

    content: str
    title: str
    url: str
    description: str
    role_id: str | None


def platform_label(platform: str) -> str:
    """A platform's display name."""
    known = PLATFORMS.get(platform)
    return known.label if known is not None else platform


def render_length(starts_at: datetime, ends_at: datetime) -> str:
    """A contest's duration: `45 min`, `2 h`, `2 h 30 min`, `3 days 4 h`."""
    return render_minutes(max(0, int((ends_at - starts_at).total_seconds())) // 60)


def render_minutes(minutes: int) -> str:
    """A span of minutes in words: `10 min`, `1 h`, `1 h 30 min`, `1 day`, `2 days 3 h` (also
    the chats' lead times)."""
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} day" if days == 1 else f"{days} days")
    if hours:
        parts.append(f"{hours} h")
    if mins or not parts:
        parts.append(f"{mins} min")
    return " ".join(parts)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def render_local(at: datetime, zone_name: str) -> str:
    """`Sun 29 Nov 2026, 14:35 UTC` in the reader's zone."""
    local = at.astimezone(_zone(zone_name))
    return f"{local:%a %d %b %Y, %H:%M} {local.tzname() or zone_name}"


def _title(view: ContestView) -> str:
    title = " ".join(view.title.split())
    return title if len(title) <= _TITLE_LIMIT else title[: _TITLE_LIMIT - 1] + "…"


def render_telegram(view: ContestView, zone_name: str) -> str:
    """The message as Telegram HTML: platform, the title as a link, start in the reader's time
    zone, duration; a moved contest says so (with the old start), a cancelled one too."""
    label = html.escape(platform_label(view.platform))
    link = f'<a href="{html.escape(view.url, quote=True)}">{html.escape(_title(view))}</a>'
    if view.status == CANCELLED:
        return f"❌ <b>{label}</b> · cancelled\n<s>{link}</s>\nThis contest was cancelled."
    start = html.escape(render_local(view.starts_at, zone_name))
    lines = [
        f"⏰ <b>{label}</b>" if view.status == SCHEDULED else f"🔁 <b>{label}</b> · moved",
        link,
        f"Starts: {start}",
        f"Duration: {render_length(view.starts_at, view.ends_at)}",
    ]
    if view.status == MOVED and view.was_starts_at is not None:
        lines.append(f"(was {html.escape(render_local(view.was_starts_at, zone_name))})")
    return "\n".join(lines)


def render_discord(view: ContestView, role_id: str | None) -> DiscordPost:
    """The message for Discord: the role mention in the content, an embed whose title links to
    the contest, the start as `<t:unix:F>` and `<t:unix:R>` (shown in each reader's zone)."""
    unix = int(view.starts_at.timestamp())
    label = platform_label(view.platform)
    if view.status == CANCELLED:
        description = f"**{label}** · ❌ this contest was cancelled."
    else:
        description = (
            f"**{label}** · starts <t:{unix}:F> (<t:{unix}:R>)\n"
            f"Duration: {render_length(view.starts_at, view.ends_at)}"
        )
        if view.status == MOVED:
            description = "🔁 Moved. " + description
            if view.was_starts_at is not None:
                description += f"\n(was <t:{int(view.was_starts_at.timestamp())}:F>)"
    content = f"<@&{role_id}>" if role_id else ""
    return DiscordPost(content, _title(view), view.url, description, role_id)


# ---- the daily digest

DIGEST_TITLE = "Contests in the next 24 hours"
DIGEST_MAX = 20  # contests listed at most; the rest are counted ("and 3 more: /upcoming")
_DIGEST_BUDGET = 3600  # characters of entries (Telegram's limit is 4,096, Discord's embed 4,096)


def _more(shown: int, total: int) -> str:
    return f"… and {total - shown} more: /upcoming" if total > shown else ""


def _fit(entries: Iterable[str]) -> list[str]:
    """The entries, in order, for as long as they fit the digest's budget (blank lines between)."""
    kept: list[str] = []
    used = 0
    for entry in entries:
        if used + len(entry) > _DIGEST_BUDGET:
            break
        kept.append(entry)
        used += len(entry) + 2
    return kept


def _telegram_entry(view: ContestView, zone_name: str) -> str:
    link = f'<a href="{html.escape(view.url, quote=True)}">{html.escape(_title(view))}</a>'
    return (
        f"<b>{html.escape(platform_label(view.platform))}</b> · {link}\n"
        f"Starts: {html.escape(render_local(view.starts_at, zone_name))} · "
        f"Duration: {render_length(view.starts_at, view.ends_at)}"
    )


def _discord_entry(view: ContestView) -> str:
    unix = int(view.starts_at.timestamp())
    title = _title(view).replace("[", "(").replace("]", ")")
    url = view.url.replace("(", "%28").replace(")", "%29")
    return (
        f"**{platform_label(view.platform)}** · [{title}]({url})\n"
        f"<t:{unix}:F> (<t:{unix}:R>) · {render_length(view.starts_at, view.ends_at)}"
    )


def render_telegram_digest(views: list[ContestView], zone_name: str, total: int) -> str:
    """The digest as Telegram HTML: per contest the platform, the title as a link, the start in
    the reader's zone and the duration (as reminders say them); `total` is how many there are
    (more than listed when cut to fit one message)."""
    entries = _fit(_telegram_entry(view, zone_name) for view in views)
    more = _more(len(entries), total)
    return "\n\n".join([f"📅 <b>{DIGEST_TITLE}</b>", *entries, *([more] if more else [])])


def render_discord_digest(views: list[ContestView], total: int) -> tuple[str, str]:
    """The digest for Discord: (embed title, description), each contest as the platform, the
    title as a link, `<t:unix:F>` and `<t:unix:R>`, and the duration."""
    entries = _fit(_discord_entry(view) for view in views)
    more = _more(len(entries), total)
    return DIGEST_TITLE, "\n\n".join([*entries, *([more] if more else [])])
