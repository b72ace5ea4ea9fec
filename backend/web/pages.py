"""Server-rendered HTML pages (escaped by hand; small enough not to need a template engine)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from html import escape
from itertools import groupby

from shared.models import PlatformHealth, StoredContest, format_utc, safe_link
from shared.platforms.registry import PLATFORMS

STYLE = """
:root{--bg:#f7f7fb;--fg:#1d1d27;--muted:#6b6b7b;--card:#fff;--ok:#1f8f4e;--bad:#c0392b;--line:#e4e4ee}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;
background:var(--bg);color:var(--fg)}main{max-width:880px;margin:0 auto;padding:24px 16px}
h1{margin:0 0 4px;font-size:26px}h2{font-size:17px;margin:28px 0 8px;color:var(--muted)}
.lead{color:var(--muted);margin:0 0 16px}.card{background:var(--card);border:1px solid var(--line);
border-radius:10px;padding:4px 14px}ul{list-style:none;margin:0;padding:0}
li{display:flex;gap:12px;padding:9px 0;border-bottom:1px solid var(--line)}li:last-child{border:0}
.time{min-width:120px;font-variant-numeric:tabular-nums;color:var(--muted)}.plat{min-width:110px;font-weight:600}
a{color:#3b5bdb;text-decoration:none}a:hover{text-decoration:underline}
.health{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:8px}
.h{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 10px}
.ok{color:var(--ok)}.bad{color:var(--bad)}.none{color:var(--muted)}
code{font-size:13px;background:#eef;padding:1px 4px;border-radius:4px}.steps li{display:list-item;margin-left:18px;list-style:disc}
button{font:inherit;padding:4px 10px;border-radius:6px;border:1px solid var(--line);background:var(--card);cursor:pointer}
li a,code{overflow-wrap:anywhere}.feeds{display:flex;flex-wrap:wrap;gap:6px 14px;padding:10px 14px}footer{margin:32px 0 8px;color:var(--muted);font-size:13px}
.prose p,.prose li{max-width:70ch}.prose ul{list-style:disc;padding-left:22px}.prose li{display:list-item;border:0;padding:3px 0}
@media (max-width:600px){li{flex-wrap:wrap;gap:2px 10px}.time,.plat{min-width:0}li a{flex-basis:100%}h1{font-size:22px}main{padding:16px 12px}}
"""

FAVICON_LINKS = "<link rel='icon' href='/favicon.svg' type='image/svg+xml'><link rel='alternate icon' href='/favicon.ico'>"

SCRIPT = """
(function(){var local=false,b=document.getElementById('tz');function fmt(e){var d=new Date(e.dataset.utc);
e.textContent=local?d.toLocaleString([], {weekday:'short',hour:'2-digit',minute:'2-digit'}):e.dataset.label;}
var z=document.getElementById('zone');
b.addEventListener('click',function(){local=!local;b.textContent=local?'Show UTC':'Show my local time';
z.textContent=local?'your time zone ('+Intl.DateTimeFormat().resolvedOptions().timeZone+')':'UTC';
document.querySelectorAll('time[data-utc]').forEach(fmt);});})();
"""


def _sha256_source(block: str) -> str:
    """A CSP source that allows exactly this inline block (its text's SHA-256)."""
    digest = base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


STYLE_SOURCE = _sha256_source(STYLE)
SCRIPT_SOURCE = _sha256_source(SCRIPT)


def build_csp(*, script: bool) -> str:
    """The Content-Security-Policy of a page whose only inline style (and, with `script`, only
    inline script) is the site's own: each allowed by its hash, nothing else inline.

    Hashes instead of a per-request nonce: the policy and the page are the same bytes for every
    visitor, so a page is rendered once and served as kept (backend/web/rendered.py).
    """
    scripts = SCRIPT_SOURCE if script else "'none'"
    return (
        f"default-src 'none'; style-src {STYLE_SOURCE}; script-src {scripts}; "
        "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    )


INDEX_CSP = build_csp(script=True)
PAGE_CSP = build_csp(script=False)


def render_head(title: str) -> str:
    """Everything up to <main>: viewport, title, icons and the stylesheet (allowed by its hash)."""
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{escape(title)}</title>{FAVICON_LINKS}"
        f"<style>{STYLE}</style></head><body><main>"
    )


def render_footer() -> str:
    """Links every page ends with."""
    return (
        "<footer><a href='/'>ContestSync</a> · <a href='/privacy'>Privacy</a> · "
        "<a href='/terms'>Terms</a> · <a href='/feeds/all.ics'>Calendar feed</a></footer>"
    )


def render_feed_links() -> str:
    """Public calendar feeds: every platform, then one per platform."""
    links = ["<a href='/feeds/all.ics'>All platforms</a>"]
    links += [f"<a href='/feeds/{name}.ics'>{escape(p.label)}</a>" for name, p in PLATFORMS.items()]
    return (
        "<h2>Calendar feeds</h2><div class='card feeds'>"
        + "".join(links)
        + "</div><p class='lead'>Subscribe in Apple Calendar, Google Calendar (“From URL”), "
        "Outlook or Thunderbird with one of these addresses; combine platforms with "
        "<code>/feeds/all.ics?platforms=codeforces,atcoder</code>. For your own platforms and "
        "reminders, send /feed to the bot.</p>"
    )


@dataclass(frozen=True)
class Setup:
    """What the landing page says about how this deployment runs and what is left to set up."""

    scrape_interval_minutes: int
    telegram_ready: bool
    google_ready: bool


def render_index(
    contests: Sequence[StoredContest],
    health: Sequence[PlatformHealth],
    now: datetime,
    setup: Setup,
) -> str:
    """The landing page: contests of the next 14 days grouped by UTC day, then platform health."""
    parts = [
        render_head("ContestSync — upcoming programming contests"),
        "<h1>ContestSync</h1>",
        "<p class='lead'>Upcoming programming contests for the next 14 days. Times are in <span id='zone'>UTC</span>. ",
        "<button id='tz' type='button'>Show my local time</button></p>",
    ]
    every = _every(setup.scrape_interval_minutes)
    if not contests:
        reason = (
            "No platform could be scraped yet (see below why)."
            if any(h.last_attempt_at for h in health) and not any(h.last_success_at for h in health)
            else "No upcoming contests are known yet."
        )
        parts.append(
            f"<div class='card'><p>{reason} Platforms are scraped {every}; "
            "this page shows what they list.</p></div>"
        )
    for day, items in groupby(contests, key=lambda c: c.starts_at.date()):
        parts.append(f"<h2>{escape(day.strftime('%A, %d %B %Y'))}</h2><div class='card'><ul>")
        for c in items:
            label = PLATFORMS[c.platform].label if c.platform in PLATFORMS else c.platform
            running = " (running)" if c.starts_at <= now else ""
            parts.append(
                "<li>"
                f"<time class='time' datetime='{format_utc(c.starts_at)}' data-utc='{format_utc(c.starts_at)}' "
                f"data-label='{c.starts_at.strftime('%H:%M')} UTC'>{c.starts_at.strftime('%H:%M')} UTC</time>"
                f"<span class='plat'>{escape(label)}</span>"
                f"{_title_link(c)}"
                f"<span class='none'>{escape(_duration(c))}{running}</span>"
                "</li>"
            )
        parts.append("</ul></div>")
    parts.append(f"<h2>Platforms</h2><p class='lead'>Each platform is scraped {every}.</p>")
    parts.append("<div class='health'>")
    for h in health:
        parts.append(_health_card(h, now))
    parts.append("</div>")
    parts.append(_next_steps(setup))
    parts.append(render_feed_links())
    parts.append(render_footer())
    parts.append(f"<script>{SCRIPT}</script></main></body></html>")
    return "".join(parts)


def _title_link(contest: StoredContest) -> str:
    url = safe_link(contest.url)
    if url is None:
        return f"<span>{escape(contest.title)}</span>"
    return (
        f"<a href='{escape(url, quote=True)}' rel='noopener noreferrer'>{escape(contest.title)}</a>"
    )


def _health_card(h: PlatformHealth, now: datetime) -> str:
    label = PLATFORMS[h.platform].label if h.platform in PLATFORMS else h.platform
    last_ok = (
        f"last success {_ago(now, h.last_success_at)}"
        if h.last_success_at is not None
        else "never succeeded yet"
    )
    if h.last_attempt_at is None:
        state = "<span class='none'>not scraped yet</span>"
    elif h.ok:
        state = f"<span class='ok'>ok</span> · {h.contests_seen} listed · {last_ok}"
    else:
        tries = "1 try" if h.consecutive_failures == 1 else f"{h.consecutive_failures} tries"
        state = (
            f"<span class='bad'>failing</span> ({tries}): {escape(h.last_error or 'unknown')}"
            f"<br><span class='none'>{last_ok}</span>"
        )
    return f"<div class='h'><strong>{escape(label)}</strong><br>{state}{_skips(h)}</div>"


def _next_steps(setup: Setup) -> str:
    steps: list[str] = []
    if not setup.telegram_ready:
        steps.append(
            "Set <code>TELEGRAM_BOT_TOKEN</code> (from @BotFather) and restart, so people can "
            "talk to the bot."
        )
    if not setup.google_ready:
        steps.append(
            "Set <code>GOOGLE_CLIENT_ID</code> and <code>GOOGLE_CLIENT_SECRET</code> (a Google "
            "OAuth client) and restart, so people can connect Google Calendar."
        )
    if not steps:
        steps.append(
            "Open the bot in Telegram and send <code>/connect</code> to link Google Calendar, "
            "then <code>/platforms</code> to choose what to follow."
        )
    items = "".join(f"<li>{s}</li>" for s in steps)
    return f"<h2>Next steps</h2><div class='card'><ul class='steps'>{items}</ul></div>"


def _every(minutes: int) -> str:
    if minutes % 60 == 0:
        hours = minutes // 60
        return "every hour" if hours == 1 else f"every {hours} hours"
    return f"every {minutes} minutes"


def _ago(now: datetime, then: datetime) -> str:
    seconds = max(0, int((now - then).total_seconds()))
    if seconds < 90:
        return "just now"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} min ago"
    if seconds < 36 * 3600:
        return f"{round(seconds / 3600)} h ago"
    return f"{then:%Y-%m-%d %H:%M} UTC ({(now - then) // timedelta(days=1)} days ago)"


def _skips(health: PlatformHealth) -> str:
    """Entries the last scrape skipped and the commonest reason: a changed format shows here."""
    if not health.entries_skipped:
        return ""
    text = f"{health.entries_skipped} of {health.entries_seen} entries skipped"
    if health.skip_reasons:
        reason, count = health.skip_reasons[0]
        text += f" ({count} {reason})"
    return f"<br><span class='bad skips'>{escape(text)}</span>"


def _duration(contest: StoredContest) -> str:
    minutes = int((contest.ends_at - contest.starts_at).total_seconds()) // 60
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h"
    return f"{hours}h {mins:02d}m" if hours else f"{mins}m"
