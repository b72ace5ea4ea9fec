"""Every parser: its recorded fixtures against expected.json, and junk that only raises ParseError.

Platform-specific edge cases and envelope fuzzing live in `test_<platform>.py`.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.errors import ParseError
from shared.platforms.registry import PLATFORMS, get_platform
from tests.platforms.helpers import (
    ENVELOPES,
    FUZZ,
    NOW,
    assert_parser_is_total,
    expected,
    files_of,
    files_on_disk,
    fixture_bytes,
    prefixes_of,
    random_payloads,
    recorded_now,
    summary,
)

# The recorded files each platform must have: a file vanishing from both expected.json and the
# folder still fails here.
RECORDED_FILES = {
    "atcoder": ["atcoder/contests.html"],
    "code360": ["code360/contest_list.json"],
    "codechef": ["codechef/contests_all.json"],
    "codeforces": ["codeforces/contest_list.json", "codeforces/contest_list_gym.json"],
    "geeksforgeeks": ["geeksforgeeks/events_contest.json"],
    "hackerrank": ["hackerrank/engage_events.json", "hackerrank/upcoming.json"],
    "leetcode": ["leetcode/all_contests.json"],
}
LABELS = {
    "atcoder": "AtCoder",
    "code360": "Code360",
    "codechef": "CodeChef",
    "codeforces": "Codeforces",
    "geeksforgeeks": "GeeksforGeeks",
    "hackerrank": "HackerRank",
    "leetcode": "LeetCode",
}
ALL_FILES = sorted(name for files in RECORDED_FILES.values() for name in files)


def _platform_of(name: str) -> str:
    return str(expected()["files"][name]["platform"])


# --- the saved fixtures -------------------------------------------------------------------------


def test_every_registered_platform_has_recorded_fixtures() -> None:
    assert sorted(RECORDED_FILES) == sorted(PLATFORMS)
    assert sorted(expected()["files"]) == ALL_FILES


def test_platform_names_and_labels() -> None:
    assert {key: (p.name, p.label) for key, p in PLATFORMS.items()} == {
        key: (key, label) for key, label in LABELS.items()
    }


def test_test_clock_is_the_recorded_clock() -> None:
    assert recorded_now() == NOW


@pytest.mark.parametrize("platform", sorted(RECORDED_FILES))
def test_fixture_list_on_disk_matches_expected_json(platform: str) -> None:
    assert files_of(platform) == RECORDED_FILES[platform]
    assert files_on_disk(platform) == RECORDED_FILES[platform]


@pytest.mark.parametrize("name", ALL_FILES)
def test_fixture_parses_to_expected_contests(name: str) -> None:
    spec = expected()["files"][name]
    parse = get_platform(spec["platform"]).parse
    if spec["expect"] == "error":
        with pytest.raises(ParseError):
            parse(fixture_bytes(name), recorded_now())
        return
    contests = parse(fixture_bytes(name), recorded_now())
    assert [summary(contest) for contest in contests] == spec["contests"]


# --- hypothesis: nothing but ParseError, ever ---------------------------------------------------


@pytest.mark.parametrize("platform", sorted(RECORDED_FILES))
@settings(FUZZ, max_examples=2 * FUZZ.max_examples)  # two kinds of input: bytes and text
@given(random_payloads())
def test_random_payload_only_raises_parse_error(platform: str, payload: str | bytes) -> None:
    assert_parser_is_total(get_platform(platform).parse, platform, payload, NOW)


@pytest.mark.parametrize("name", ALL_FILES)
@FUZZ
@given(data=st.data())
def test_truncated_fixture_only_raises_parse_error(name: str, data: st.DataObject) -> None:
    prefix = data.draw(prefixes_of(fixture_bytes(name)), label="prefix")
    platform = _platform_of(name)
    assert_parser_is_total(get_platform(platform).parse, platform, prefix, NOW)


@FUZZ
@pytest.mark.parametrize("platform", sorted(ENVELOPES))
@given(data=st.data())
def test_random_json_shaped_like_the_platform_only_raises_parse_error(
    platform: str, data: st.DataObject
) -> None:
    value = data.draw(ENVELOPES[platform].json)
    assert_parser_is_total(get_platform(platform).parse, platform, json.dumps(value), NOW)
