"""Skipped entries: counted with their reasons, and never an empty success when all are skipped.

A platform that renames one field must fail loudly ("23 of 23 entries lack startTime"), not look
like a week without contests (issue 17).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from shared.errors import ParseError
from shared.platforms.atcoder import read_atcoder
from shared.platforms.base import Parsed
from shared.platforms.hackerrank import read_hackerrank
from shared.platforms.leetcode import read_leetcode
from shared.platforms.registry import get_platform
from tests.platforms.helpers import NOW, fixture_bytes, ids
from tests.platforms.test_atcoder import _page, _row

# (fixture, how to reach the entry lists inside it, a field every entry needs)
Lists = Callable[[Any], list[list[Any]]]
CASES: list[tuple[str, str, Lists, str]] = [
    ("leetcode", "leetcode/all_contests.json", lambda d: [d["data"]["allContests"]], "startTime"),
    ("codeforces", "codeforces/contest_list.json", lambda d: [d["result"]], "startTimeSeconds"),
    (
        "codechef",
        "codechef/contests_all.json",
        lambda d: [d["present_contests"], d["future_contests"]],
        "contest_code",
    ),
    ("hackerrank", "hackerrank/upcoming.json", lambda d: [d["models"]], "slug"),
    (
        "hackerrank",
        "hackerrank/engage_events.json",
        lambda d: [d["data"]["events"]["ongoing_events"]],
        "attributes",
    ),
    (
        "geeksforgeeks",
        "geeksforgeeks/events_contest.json",
        lambda d: [d["results"]["upcoming"]],
        "slug",
    ),
    ("code360", "code360/contest_list.json", lambda d: [d["data"]["events"]], "event_start_time"),
]


@pytest.mark.parametrize(("platform", "fixture", "lists", "key"), CASES)
def test_a_field_gone_from_every_entry_is_an_error_naming_it(
    platform: str, fixture: str, lists: Lists, key: str
) -> None:
    data = json.loads(fixture_bytes(fixture))
    entries = [entry for group in lists(data) for entry in group]
    for entry in entries:
        if isinstance(entry, dict):
            entry.pop(key, None)
    objects = sum(isinstance(entry, dict) for entry in entries)

    with pytest.raises(ParseError) as raised:
        get_platform(platform).read(json.dumps(data), NOW)

    assert str(raised.value) == f"{platform}: {objects} of {len(entries)} entries lack {key}"


@pytest.mark.parametrize(("platform", "fixture", "lists", "key"), CASES)
def test_one_entry_without_the_field_is_skipped_and_counted(
    platform: str, fixture: str, lists: Lists, key: str
) -> None:
    data = json.loads(fixture_bytes(fixture))
    whole = get_platform(platform).read(json.dumps(data), NOW)
    victim = next(entry for group in lists(data) for entry in group if isinstance(entry, dict))
    del victim[key]

    parsed = get_platform(platform).read(json.dumps(data), NOW)

    assert parsed.entries == whole.entries
    assert parsed.skipped[f"lack {key}"] == whole.skipped.get(f"lack {key}", 0) + 1
    assert parsed.skipped_count == whole.skipped_count + 1


def test_an_empty_list_is_still_a_successful_empty_result() -> None:
    parsed = read_leetcode('{"data":{"allContests":[]}}', NOW)
    assert parsed == Parsed([], 0, {})


def test_the_message_names_the_commonest_reason() -> None:
    nodes: list[Any] = [
        {"title": "Weekly Contest 1", "duration": 5400},
        {"title": "Weekly Contest 2", "duration": 5400},
        {"title": "Weekly Contest 3", "startTime": "soon", "duration": 5400},
        7,
    ]
    with pytest.raises(ParseError, match=r"^leetcode: 2 of 4 entries lack startTime$"):
        read_leetcode(json.dumps({"data": {"topTwoContests": nodes}}), NOW)


def test_skip_reasons_are_counted_per_reason() -> None:
    start = int(NOW.timestamp()) + 3600
    nodes: list[Any] = [
        {"title": "Weekly Contest 530", "startTime": start, "duration": 5400},
        {"title": "Weekly Contest 531", "duration": 5400},
        {"title": "Weekly Contest 532", "startTime": "soon", "duration": 5400},
        {"title": "Weekly Contest 533", "startTime": start, "duration": -1},
        "not an object",
    ]

    parsed = read_leetcode(json.dumps({"data": {"allContests": nodes}}), NOW)

    assert ids(parsed.contests) == ["weekly-contest-530"]
    assert parsed.entries == 5
    assert parsed.skipped == {
        "lack startTime": 1,
        "have an unreadable startTime": 1,
        "have an unreadable duration": 1,
        "are not JSON objects": 1,
    }


# --- LeetCode without titleSlug ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Weekly Contest 308", "weekly-contest-308"),
        ("Biweekly Contest 86", "biweekly-contest-86"),
        ("  Weekly   Contest 531 ", "weekly-contest-531"),
        ("Weekly Contest 18B", "weekly-contest-18b"),
    ],
)
def test_leetcode_without_title_slug_forms_it_from_the_title(title: str, slug: str) -> None:
    node = {"title": title, "startTime": int(NOW.timestamp()) + 3600, "duration": 5400}

    [contest] = read_leetcode(json.dumps({"data": {"topTwoContests": [node]}}), NOW).contests

    assert contest.external_id == slug
    assert contest.url == f"https://leetcode.com/contest/{slug}"


def test_leetcode_null_or_blank_title_slug_is_formed_too() -> None:
    start = int(NOW.timestamp()) + 3600
    nodes = [
        {"title": "Weekly Contest 530", "titleSlug": None, "startTime": start, "duration": 5400},
        {"title": "Weekly Contest 531", "titleSlug": " ", "startTime": start, "duration": 5400},
    ]
    parsed = read_leetcode(json.dumps({"data": {"allContests": nodes}}), NOW)
    assert ids(parsed.contests) == ["weekly-contest-530", "weekly-contest-531"]


def test_leetcode_a_given_title_slug_wins_over_the_formed_one() -> None:
    node = {
        "title": "Weekly Contest 2",
        "titleSlug": "leetcode-weekly-contest-2",
        "startTime": int(NOW.timestamp()) + 3600,
        "duration": 5400,
    }
    parsed = read_leetcode(json.dumps({"data": {"allContests": [node]}}), NOW)
    assert ids(parsed.contests) == ["leetcode-weekly-contest-2"]


def test_leetcode_a_title_with_no_letters_or_digits_cannot_form_a_slug() -> None:
    node = {"title": "★ ★", "startTime": int(NOW.timestamp()) + 3600, "duration": 5400}
    with pytest.raises(ParseError, match="lack titleSlug and have no title to form it from"):
        read_leetcode(json.dumps({"data": {"topTwoContests": [node]}}), NOW)


# --- HackerRank permanent contests --------------------------------------------------------------


def _model(slug: str, start: int | None, end: int | None) -> dict[str, Any]:
    return {
        "slug": slug,
        "name": slug.title(),
        "get_starttimeiso": None,
        "get_endtimeiso": None,
        "epoch_starttime": start,
        "epoch_endtime": end,
    }


def test_hackerrank_permanent_contests_are_left_out_not_skipped() -> None:
    start = int(NOW.timestamp()) + 3600
    models = [_model("projecteuler", None, None), _model("codesprint", start, start + 7200)]

    parsed = read_hackerrank(json.dumps({"models": models}), NOW)

    assert ids(parsed.contests) == ["codesprint"]
    assert parsed.entries == 2 and parsed.skipped == {}


def test_hackerrank_a_list_of_only_permanent_contests_is_empty_not_an_error() -> None:
    parsed = read_hackerrank(json.dumps({"models": [_model("projecteuler", None, None)]}), NOW)
    assert parsed.contests == [] and parsed.skipped == {}


def test_hackerrank_time_fields_gone_from_every_model_is_an_error() -> None:
    model = {"slug": "codesprint", "name": "CodeSprint"}
    with pytest.raises(
        ParseError, match=r"^hackerrank: 1 of 1 entries lack get_starttimeiso and epoch_starttime$"
    ):
        read_hackerrank(json.dumps({"models": [model]}), NOW)


# --- AtCoder's daily table ----------------------------------------------------------------------


def test_atcoder_daily_training_and_weekday_contests_stay_out_of_the_list() -> None:
    daily = _row(
        slug="adt_easy_20261130_1",
        title="AtCoder Daily Training EASY 2026/11/30 18:00start",
        start="2026-11-30 18:00:00+0900",
        duration="01:00",
    ) + _row(
        slug="awc0001",
        title="AtCoder Weekday Contest 0001 Beta",
        start="2026-11-30 21:00:00+0900",
        duration="01:40",
    )

    parsed = read_atcoder(_page(upcoming=_row(slug="abc500"), daily=daily), NOW)

    assert ids(parsed.contests) == ["abc500"]
    # Left out where the rule lives (shared/platforms/atcoder.py), never read nor counted.
    assert parsed.entries == 1 and parsed.skipped == {}


def test_atcoder_page_with_only_daily_rounds_is_empty_not_an_error() -> None:
    daily = _row(slug="adt_all_20261130_1", start="2026-11-30 18:00:00+0900")
    parsed = read_atcoder(_page(upcoming="", daily=daily), NOW)
    assert parsed == Parsed([], 0, {})


def test_atcoder_rows_that_lost_their_time_fail_loudly() -> None:
    rows = _row(slug="abc500") + _row(slug="arc300")
    page = _page(upcoming=rows.replace("<time", "<span").replace("</time>", "</span>"))
    with pytest.raises(ParseError, match=r"^atcoder: 2 of 2 entries lack a <time> start$"):
        read_atcoder(page, NOW)
