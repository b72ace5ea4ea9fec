"""AtCoder: scrape the active and upcoming tables of the contests page (fixtures README §3.4)."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta

from selectolax.lexbor import LexborHTMLParser, LexborNode

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.base import EntryError, Parsed, as_text, make_contest, read_entries
from shared.platforms.http import PlatformClient

NAME = "atcoder"
LABEL = "AtCoder"

# Only these two sections hold contests that are running or still to come. Left out:
# - "permanent": practice sets with no end, nothing to put in a calendar;
# - "recent": already ended;
# - "daily" (AtCoder Daily Training EASY/MEDIUM/HARD/ALL, the Weekday Contest beta series):
#   several rounds a day, every day, which would flood every subscriber's calendar. It can
#   also repeat a row of the action table. It stays out until contest filters exist; then it
#   becomes a kind people opt in to.
_SECTIONS = ("contest-table-action", "contest-table-upcoming")
_DURATION = re.compile(r"([0-9]+):([0-5][0-9])")
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_CONTEST_HREF = "/contests/"


async def fetch_atcoder(client: PlatformClient, url: str) -> bytes:
    """Fetch the AtCoder contests page (HTML)."""
    return await client.fetch(NAME, "GET", url, expect="html")


def parse_atcoder(payload: str | bytes, now: datetime) -> list[Contest]:
    """Contests from AtCoder's active and upcoming tables that have not ended at `now`."""
    return read_atcoder(payload, now).contests


def read_atcoder(payload: str | bytes, now: datetime) -> Parsed:
    """Like parse_atcoder, with the count of rows and the reasons any were skipped."""
    tree = LexborHTMLParser(as_text(payload))
    # Every real contests page, in any language, carries at least one contest-table-* section;
    # without one this is an error or challenge page, not "no contests".
    if tree.css_first('div[id^="contest-table-"]') is None:
        raise ParseError(NAME, "no contest-table section found: not an AtCoder contests page")
    rows = [row for section in _SECTIONS for row in tree.css(f"div#{section} tbody > tr")]
    return read_entries(NAME, rows, _parse_row, now)


def _parse_row(row: LexborNode) -> Contest:
    time_node = row.css_first("time")
    if time_node is None:
        raise EntryError("lack a <time> start")
    try:
        start = datetime.strptime(time_node.text(strip=True), "%Y-%m-%d %H:%M:%S%z")
    except ValueError:
        raise EntryError("have an unreadable <time> start") from None
    cells = [child for child in row.iter() if child.tag == "td"]
    index, anchor = _name_cell(cells)
    slug = _slug(anchor.attributes.get("href") or "")
    # The duration sits in the cell right after the contest name.
    if index + 1 >= len(cells):
        raise EntryError("lack a duration cell")
    end = start + _duration(cells[index + 1].text(strip=True))
    # The parser already decoded entities; re-escape so make_contest's decoding is a no-op and a
    # literal "&amp;" in a name is not decoded twice.
    title = html.escape(anchor.text(), quote=False)
    return make_contest(NAME, slug, title, f"https://atcoder.jp/contests/{slug}", start, end)


def _name_cell(cells: list[LexborNode]) -> tuple[int, LexborNode]:
    for index, cell in enumerate(cells):
        # Match on the href so the timeanddate link in the time cell is never taken.
        anchor = cell.css_first(f'a[href^="{_CONTEST_HREF}"]')
        if anchor is not None:
            return index, anchor
    raise EntryError("lack a /contests/ link")


def _slug(href: str) -> str:
    path = href[len(_CONTEST_HREF) :].split("?", 1)[0].split("#", 1)[0]
    slug = path.split("/", 1)[0]
    if not _SLUG.fullmatch(slug):
        raise EntryError("have a contest link with no usable slug")
    return slug


def _duration(text: str) -> timedelta:
    match = _DURATION.fullmatch(text)
    if match is None:
        raise EntryError("have a duration that is not H:MM")
    return timedelta(hours=int(match[1]), minutes=int(match[2]))
