"""Pages a person can trust: the privacy notice, the terms, and the site's icon.

Each page's CSP allows its one inline stylesheet by hash and nothing else inline (no script); the
middleware adds the other security headers.
"""

from __future__ import annotations

import functools
import struct
import zlib

from aiohttp import web

from backend.web.pages import PAGE_CSP, render_footer, render_head

PAGE_CACHE = "public, max-age=3600"
ICON_CACHE = "public, max-age=86400"

PRIVACY = """
<h1>Privacy</h1>
<p class='lead'>What ContestSync keeps about you, why, for how long, and how to remove it.</p>
<div class='card prose'>
<h2>What is stored</h2>
<ul>
<li><strong>Your chat accounts</strong>: the Telegram or Discord user id, the chat id the bot
answers in, and your user name — to answer you and send you notices.</li>
<li><strong>Your choices</strong>: the contest platforms you follow, your time zone and your
reminder times — to choose and show your contests.</li>
<li><strong>Your Google link</strong>, only if you use /connect: your Google account's email
address (to show you which account is linked), a refresh token encrypted with AES-256-GCM (so the
calendar can be kept up to date without asking you again), and the id of the "Contests" calendar
ContestSync created.</li>
<li><strong>Calendar event ids</strong>: for each contest written to your calendar, the event's id
and a fingerprint of what was written, so a moved or cancelled contest updates the same event
instead of adding another.</li>
<li><strong>Sync state</strong>: when your calendar was last synced and how that went.</li>
<li><strong>Your calendar feed</strong>, only if you use /feed: a random value and a one-way hash
of your feed address. The address itself is never stored.</li>
<li><strong>Pending notices</strong>: messages the bot still has to send you (for example
"connected").</li>
</ul>
<p>ContestSync does not store the text of your messages, does not read your other calendars or
events, and does not sell or share your data. Server logs record which page or command was used
and whether it worked, never tokens, codes, feed addresses or message text.</p>
<h2>For how long</h2>
<ul>
<li>Your chat accounts, choices, sync state and feed: until you send /deleteme.</li>
<li>The Google link (email, encrypted token, calendar id) and event ids: until you send
/disconnect or /deleteme. If you revoke access at Google, the token is deleted the next time the
calendar is synced.</li>
<li>One-time /connect links and sign-in states: valid for 10 minutes and usable once; deleted
within about an hour after they expire.</li>
<li>/feed reset replaces your feed address at once; the old one stops working.</li>
</ul>
<h2>Removing your data</h2>
<ul>
<li><strong>/disconnect</strong> revokes ContestSync's Google access and forgets the Google email,
token, calendar id and event ids. You choose whether the "Contests" calendar is deleted or kept
(then it simply stops being updated). Your choices are kept.</li>
<li><strong>/deleteme</strong> does all of that, deletes the "Contests" calendar, and removes your
chat accounts, choices, feed, sync history and pending notices. It cannot be undone.</li>
</ul>
<h2>Google access</h2>
<p>Besides your email address (<code>openid email</code>), ContestSync asks Google for one
scope: <code>https://www.googleapis.com/auth/calendar.app.created</code>. It lets ContestSync
create its own secondary calendar and manage that calendar and the events in it — nothing else.
ContestSync cannot see, change or delete your other calendars or their events. Data received from Google is used only
to keep that calendar in step with the contests you follow, in line with the Google API Services
User Data Policy, including its Limited Use requirements.</p>
<h2>Contest data</h2>
<p>Contest names, times and links come from the platforms' public pages and are shown to
everyone.</p>
</div>
"""

TERMS = """
<h1>Terms</h1>
<p class='lead'>The rules for using ContestSync.</p>
<div class='card prose'>
<h2>The service</h2>
<p>ContestSync collects programming contests from public platform pages and puts them in your
calendar, in chat and in calendar feeds. It is provided free of charge and as is: contest times
come from the platforms and may be wrong, late or missing, and the service may be interrupted.
Check the platform's own page before a contest that matters to you.</p>
<h2>Your part</h2>
<ul>
<li>Use the bots, the pages and the feeds for your own calendar, at a reasonable rate; automated
load that harms the service may be limited or blocked.</li>
<li>Keep your personal feed address private; send /feed reset if it leaked.</li>
<li>Do not try to reach other people's data or to disrupt the service.</li>
</ul>
<h2>Your data</h2>
<p>The <a href='/privacy'>privacy notice</a> says what is stored and how /disconnect and /deleteme
remove it. You can stop using ContestSync at any time.</p>
<h2>Names</h2>
<p>LeetCode, Codeforces, CodeChef, AtCoder, HackerRank, GeeksforGeeks, Naukri Code360, Google,
Telegram and Discord are trademarks of their owners; ContestSync is not affiliated with them.</p>
<h2>Changes</h2>
<p>These terms may change; the version on this page is the one that applies.</p>
</div>
"""

FAVICON_SVG = (
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'>"
    "<rect x='2' y='4' width='28' height='26' rx='5' fill='#3b5bdb'/>"
    "<rect x='5' y='11' width='22' height='16' rx='2' fill='#fff'/>"
    "<rect x='8' y='1' width='4' height='7' rx='2' fill='#1d1d27'/>"
    "<rect x='20' y='1' width='4' height='7' rx='2' fill='#1d1d27'/>"
    "<path d='M10 19l4 4 8-9' stroke='#1f8f4e' stroke-width='3' fill='none' "
    "stroke-linecap='round' stroke-linejoin='round'/></svg>"
)


def render_page(title: str, body: str) -> str:
    """A static page in the site's frame."""
    return render_head(f"{title} — ContestSync") + body + render_footer() + "</main></body></html>"


def _html(title: str, body: str) -> web.Response:
    return web.Response(
        text=render_page(title, body),
        content_type="text/html",
        charset="utf-8",
        headers={"Cache-Control": PAGE_CACHE, "Content-Security-Policy": PAGE_CSP},
    )


async def privacy(request: web.Request) -> web.Response:
    """GET /privacy."""
    return _html("Privacy", PRIVACY)


async def terms(request: web.Request) -> web.Response:
    """GET /terms."""
    return _html("Terms", TERMS)


async def favicon_svg(request: web.Request) -> web.Response:
    """GET /favicon.svg."""
    return web.Response(
        text=FAVICON_SVG, content_type="image/svg+xml", headers={"Cache-Control": ICON_CACHE}
    )


async def favicon_ico(request: web.Request) -> web.Response:
    """GET /favicon.ico: the same picture as a 32×32 icon for clients that want one."""
    return web.Response(
        body=render_favicon_ico(),
        content_type="image/x-icon",
        headers={"Cache-Control": ICON_CACHE},
    )


@functools.cache
def render_favicon_ico(size: int = 32) -> bytes:
    """An ICO file holding one PNG: a blue calendar with a white page and two rings."""
    rows = []
    for y in range(size):
        row = bytearray([0])  # PNG filter type: none
        for x in range(size):
            row += bytes(_icon_pixel(x * 32 // size, y * 32 // size))
        rows.append(bytes(row))
    png = b"\x89PNG\r\n\x1a\n"
    png += _png_chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    png += _png_chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
    png += _png_chunk(b"IEND", b"")
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def _icon_pixel(x: int, y: int) -> tuple[int, int, int, int]:
    if (8 <= x < 12 or 20 <= x < 24) and 1 <= y < 8:
        return (29, 29, 39, 255)
    if 5 <= x < 27 and 11 <= y < 27:
        return (255, 255, 255, 255)
    if 2 <= x < 30 and 4 <= y < 30:
        return (59, 91, 219, 255)
    return (0, 0, 0, 0)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
