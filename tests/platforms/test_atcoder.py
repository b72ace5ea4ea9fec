"""AtCoder parser: hand-written edge cases and property tests on real-shaped pages.

The recorded page against expected.json and the bytes/text/prefix fuzz of every parser are in
test_parsers.py; the recorded request is checked against the fake server in test_http.py.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.errors import ParseError
from shared.platforms.atcoder import NAME, parse_atcoder
from tests.platforms.helpers import FUZZ, NOW, assert_parser_is_total, fixture_bytes, ids, mostly

FIXTURE_FILE = "atcoder/contests.html"


def _row(
    slug: str = "abc500",
    title: str = "AtCoder Beginner Contest 500",
    start: str = "2026-12-05 21:00:00+0900",
    duration: str = "01:40",
    iso: str = "20261205T2100",
) -> str:
    timeanddate = f"http://www.timeanddate.com/worldclock/fixedtime.html?iso={iso}&p1=248"
    return f"""
    <tr>
      <td class="text-center"><a href='{timeanddate}' target='blank'>
        <time class='fixtime fixtime-full'>{start}</time></a></td>
      <td >
        <span aria-hidden='true' data-toggle='tooltip' title="Algorithm">Ⓐ</span>
        <span class="user-blue">◉</span>
        <a href="/contests/{slug}">{title}</a>
      </td>
      <td class="text-center">{duration}</td>
      <td class="text-center"> - 1999</td>
    </tr>"""


def _permanent_row(slug: str = "practice", title: str = "practice contest") -> str:
    return f"""
    <tr>
      <td ><span title="Algorithm">Ⓐ</span><span class="">◉</span>
        <a href="/contests/{slug}">{title}</a></td>
      <td class="text-center">-</td>
    </tr>"""


def _page(**sections: str) -> str:
    """A contests page with one `div#contest-table-{key}` per keyword, holding the given rows."""
    body = "".join(
        f"""
        <div id="contest-table-{key}">
          <h3>{key.title()} Contests</h3>
          <div class="panel panel-default"><div class="table-responsive">
            <table class="table"><thead><tr><th>Start Time</th><th>Contest Name</th>
              <th>Duration</th><th>Rated Range</th></tr></thead>
              <tbody>{rows}</tbody></table></div></div>
        </div><hr>"""
        for key, rows in sections.items()
    )
    head = "<!DOCTYPE html><html><head><title>Contest - AtCoder</title></head>"
    return f"{head}<body>{body}</body></html>"


# Edge cases


def test_japanese_page_with_same_div_ids_parses_the_same() -> None:
    english = fixture_bytes(FIXTURE_FILE).decode()
    japanese = english
    for en, ja in [
        ('var LANG = "en"', 'var LANG = "ja"'),
        ('content="en"', 'content="ja"'),
        ("?lang=en", "?lang=ja"),
        ("<h2>Contest</h2>", "<h2>コンテスト</h2>"),
        ("Active Contests", "開催中のコンテスト"),
        ("Permanent Contests", "常設中のコンテスト"),
        ("Upcoming Contests", "予定されたコンテスト"),
        ("Daily Contests", "デイリーコンテスト"),
        ("Recent Contests", "終了後のコンテスト"),
        ("Start Time (local time)", "開始時刻(ローカル時間)"),
        ("Contest Name", "コンテスト名"),
        (">Duration<", ">時間<"),
        ("Rated Range", "Rated対象"),
    ]:
        assert en in japanese, en
        japanese = japanese.replace(en, ja)

    assert parse_atcoder(japanese, NOW) == parse_atcoder(english, NOW)
    assert len(parse_atcoder(japanese, NOW)) == 11


def test_jst_start_converts_to_utc_across_midnight() -> None:
    page = _page(upcoming=_row(start="2026-12-05 08:30:00+0900", duration="01:40"))

    [contest] = parse_atcoder(page, NOW)

    assert contest.starts_at == datetime(2026, 12, 4, 23, 30, tzinfo=UTC)
    assert contest.ends_at == datetime(2026, 12, 5, 1, 10, tzinfo=UTC)


def test_start_comes_from_time_text_not_timeanddate_iso() -> None:
    page = _page(upcoming=_row(start="2026-12-05 21:00:00+0900", iso="20261205T2100"))

    [contest] = parse_atcoder(page, NOW)

    # Reading iso= as UTC would give 21:00Z, nine hours late.
    assert contest.starts_at == datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


def test_240_hour_duration_spans_ten_days() -> None:
    page = _page(action=_row(slug="ahc077", start="2026-11-21 19:00:00+0900", duration="240:00"))

    [contest] = parse_atcoder(page, NOW)

    assert contest.duration == 240 * 3600
    assert contest.ends_at == datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def test_active_table_rows_are_read_when_present() -> None:
    page = _page(
        action=_row(slug="ahc077", start="2026-11-28 19:00:00+0900", duration="48:00"),
        upcoming=_row(slug="abc500"),
    )

    assert ids(parse_atcoder(page, NOW)) == ["ahc077", "abc500"]


def test_permanent_daily_and_recent_tables_are_ignored() -> None:
    page = _page(
        permanent=_permanent_row(),
        upcoming=_row(slug="abc500"),
        daily=_row(slug="adt_easy_20261130_1", start="2026-11-30 18:00:00+0900"),
        recent=_row(slug="abc499", start="2026-11-29 20:00:00+0900", duration="100:00"),
    )

    assert ids(parse_atcoder(page, NOW)) == ["abc500"]


def test_page_with_only_permanent_and_recent_tables_has_no_contests() -> None:
    page = _page(permanent=_permanent_row(), recent=_row(slug="abc499"))

    assert parse_atcoder(page, NOW) == []


def test_empty_upcoming_table_has_no_contests() -> None:
    assert parse_atcoder(_page(upcoming=""), NOW) == []


@pytest.mark.parametrize(
    "payload",
    [
        "",
        "not html at all",
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
        (
            "<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
            "<body><div id='challenge-stage'></div></body></html>"
        ),
        "<html><body><table><tbody>" + _row() + "</tbody></table></body></html>",
        b"\x00\xff\xfe garbage",
    ],
    ids=["empty", "text", "error-page", "challenge-page", "table-without-section", "bytes"],
)
def test_page_without_contest_tables_raises_parse_error(payload: str | bytes) -> None:
    with pytest.raises(ParseError) as info:
        parse_atcoder(payload, NOW)

    assert info.value.platform == NAME


def test_amp_entity_in_title_is_decoded() -> None:
    page = _page(upcoming=_row(title="Tokio Marine &amp; Nichido Fire &quot;2026&quot;"))

    [contest] = parse_atcoder(page, NOW)

    assert contest.title == 'Tokio Marine & Nichido Fire "2026"'


def test_escaped_entity_text_in_title_is_decoded_only_once() -> None:
    page = _page(upcoming=_row(title="Fish &amp;amp; Chips"))

    [contest] = parse_atcoder(page, NOW)

    assert contest.title == "Fish &amp; Chips"


def test_title_has_no_rating_glyphs_and_collapsed_whitespace() -> None:
    page = _page(upcoming=_row(title="\n  AtCoder   Beginner\tContest 500  \n"))

    [contest] = parse_atcoder(page, NOW)

    assert contest.title == "AtCoder Beginner Contest 500"
    assert not {"Ⓐ", "Ⓗ", "◉"} & set(contest.title)


def test_japanese_and_full_width_title_is_kept_verbatim() -> None:
    title = "キーエンス プログラミング コンテスト 2026 冬（AtCoder Beginner Contest 490）"
    page = _page(upcoming=_row(slug="abc490", title=title))

    [contest] = parse_atcoder(page, NOW)

    assert contest.title == title


def test_id_and_url_come_from_contest_link_slug() -> None:
    page = _page(upcoming=_row(slug="abc500"))

    [contest] = parse_atcoder(page, NOW)

    assert contest.external_id == "abc500"
    assert contest.url == "https://atcoder.jp/contests/abc500"


def test_slug_ignores_subpath_and_query_of_contest_link() -> None:
    page = _page(upcoming=_row(slug="abc500/tasks?lang=en"))

    [contest] = parse_atcoder(page, NOW)

    assert contest.external_id == "abc500"


def test_row_without_time_is_skipped_and_others_kept() -> None:
    no_time = _row(slug="abc500").replace("<time class='fixtime fixtime-full'>", "<span>")
    no_time = no_time.replace("</time>", "</span>")
    page = _page(upcoming=no_time + _row(slug="abc501"))

    assert ids(parse_atcoder(page, NOW)) == ["abc501"]


@pytest.mark.parametrize("duration", ["", "abc", "1:60", "01:4", "01:40:00", "-01:00", "１:40"])
def test_row_with_bad_duration_is_skipped(duration: str) -> None:
    page = _page(upcoming=_row(slug="abc500", duration=duration) + _row(slug="abc501"))

    assert ids(parse_atcoder(page, NOW)) == ["abc501"]


@pytest.mark.parametrize(
    "start", ["2026-12-05 21:00:00", "2026/12/05 21:00:00+0900", "soon", "2026-13-05 21:00:00+0900"]
)
def test_row_with_bad_start_is_skipped(start: str) -> None:
    page = _page(upcoming=_row(slug="abc500", start=start) + _row(slug="abc501"))

    assert ids(parse_atcoder(page, NOW)) == ["abc501"]


def test_row_without_contest_link_is_skipped() -> None:
    no_link = _row(slug="abc500").replace('href="/contests/', 'href="/users/')
    page = _page(upcoming=no_link + _row(slug="abc501"))

    assert ids(parse_atcoder(page, NOW)) == ["abc501"]


def test_row_with_empty_title_is_skipped() -> None:
    page = _page(upcoming=_row(slug="abc500", title="  ") + _row(slug="abc501"))

    assert ids(parse_atcoder(page, NOW)) == ["abc501"]


def test_contest_ending_exactly_now_is_dropped() -> None:
    # 19:20 JST + 1:40 = 21:00 JST = 12:00Z = NOW
    page = _page(action=_row(slug="abc499", start="2026-11-29 19:20:00+0900", duration="01:40"))

    assert parse_atcoder(page, NOW) == []


def test_running_contest_ending_after_now_is_kept() -> None:
    page = _page(action=_row(slug="abc499", start="2026-11-29 19:21:00+0900", duration="01:40"))

    assert ids(parse_atcoder(page, NOW)) == ["abc499"]


def test_contest_listed_twice_keeps_first_occurrence() -> None:
    page = _page(
        action=_row(slug="abc500", title="First", start="2026-11-29 20:00:00+0900"),
        upcoming=_row(slug="abc500", title="Second"),
    )

    [contest] = parse_atcoder(page, NOW)

    assert contest.title == "First"


def test_str_and_bytes_payloads_parse_the_same() -> None:
    page = fixture_bytes(FIXTURE_FILE)

    assert parse_atcoder(page, NOW) == parse_atcoder(page.decode(), NOW)


# Property tests (bytes, text and truncated pages: test_parsers.py)

_CELL_TEXT = st.text(max_size=12) | st.sampled_from(
    [
        "99999999999999999999:00",
        "0:00",
        "9999-12-31 23:59:59-2359",
        "0001-01-01 00:00:00+2359",
        "&amp;",
        "<b>x</b>",
        "</td></tr><tr><td>",
    ]
)


def _mostly(*valid: str) -> st.SearchStrategy[str]:
    return mostly(st.sampled_from(valid), _CELL_TEXT)


_ROW = st.tuples(
    _mostly("abc500", "ahc077", "abc500/tasks"),
    _mostly("AtCoder &amp; Co", "  Spaced   Title "),
    _mostly("2026-12-05 21:00:00+0900", "2026-11-29 20:00:00+0900"),
    _mostly("01:40", "240:00"),
)
_SECTION = st.sampled_from(["action", "upcoming", "permanent", "daily", "recent", "other"])


@FUZZ
@given(
    st.lists(
        st.tuples(
            _SECTION,
            st.lists(_ROW, max_size=4),
        ),
        max_size=4,
    )
)
def test_random_rows_in_real_sections_never_raise_other_than_parse_error(
    sections: list[tuple[str, list[tuple[str, str, str, str]]]],
) -> None:
    body = "".join(
        f'<div id="contest-table-{key}"><table><tbody>'
        + "".join(
            _row(slug=slug, title=title, start=start, duration=duration)
            for slug, title, start, duration in rows
        )
        + "</tbody></table></div>"
        for key, rows in sections
    )

    page = f"<html><body>{body}</body></html>"
    assert_parser_is_total(parse_atcoder, NAME, page, NOW)
