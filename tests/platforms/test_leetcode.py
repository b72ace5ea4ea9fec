"""LeetCode parser: saved fixtures, edge cases, and junk that may only ever raise ParseError."""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.http import BROWSER_HEADERS, HTML_ACCEPT, JSON_ACCEPT, PlatformClient
from shared.platforms.leetcode import DEFAULT_URL, NAME, fetch_leetcode, parse_leetcode

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "platforms"
FIXTURE_FILES = ["leetcode/all_contests.json"]
NOW = datetime(2026, 11, 29, 12, 0, 0, tzinfo=UTC)
NOW_TS = int(NOW.timestamp())
FUZZ = settings(max_examples=200, deadline=None, database=None)


@functools.cache
def _expected() -> dict[str, Any]:
    assert FIXTURES.is_dir(), f"platform fixtures folder is missing: {FIXTURES}"
    return cast(dict[str, Any], json.loads((FIXTURES / "expected.json").read_text("utf-8")))


def _fixture(name: str) -> bytes:
    path = FIXTURES / name
    assert path.is_file(), f"fixture is missing: {path}"
    return path.read_bytes()


def _summary(contest: Contest) -> dict[str, Any]:
    assert contest.start.utcoffset() == timedelta(0)
    assert contest.end.utcoffset() == timedelta(0)
    return {
        "platform": contest.platform,
        "id": contest.id,
        "title": contest.title,
        "url": contest.url,
        "start": contest.start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "end": contest.end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "duration": contest.duration,
    }


def _node(**fields: Any) -> dict[str, Any]:
    node: dict[str, Any] = {
        "title": "Weekly Contest 531",
        "titleSlug": "weekly-contest-531",
        "startTime": NOW_TS + 86400,
        "duration": 5400,
    }
    node.update(fields)
    return node


def _parse(*nodes: Any, key: str = "allContests") -> list[Contest]:
    return parse_leetcode(json.dumps({"data": {key: list(nodes)}}), NOW)


class _RecordingClient:
    """Stands in for PlatformClient: records each fetch and answers with a canned body."""

    def __init__(self, reply: bytes) -> None:
        self.reply = reply
        self.calls: list[dict[str, Any]] = []

    async def fetch(
        self,
        platform: str,
        method: str,
        url: str,
        *,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        expect: str = "json",
    ) -> bytes:
        self.calls.append(
            {
                "platform": platform,
                "method": method,
                "url": url,
                "body": body,
                "headers": dict(headers or {}),
                "expect": expect,
            }
        )
        return self.reply


def _check_never_crashes(payload: str | bytes) -> None:
    try:
        contests = parse_leetcode(payload, NOW)
    except ParseError:
        return
    assert isinstance(contests, list)
    for contest in contests:
        assert isinstance(contest, Contest)
        assert contest.platform == NAME
        assert contest.end > NOW
        assert contest.start <= contest.end
    assert len({contest.id for contest in contests}) == len(contests)


# --- the saved fixtures -------------------------------------------------------------------------


def test_leetcode_fixture_list_matches_expected_json() -> None:
    listed = sorted(name for name, spec in _expected()["files"].items() if spec["platform"] == NAME)
    on_disk = sorted(f"leetcode/{path.name}" for path in (FIXTURES / "leetcode").iterdir())
    assert listed == sorted(FIXTURE_FILES)
    assert on_disk == sorted(FIXTURE_FILES)


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_leetcode_fixture_parses_to_expected_contests(name: str) -> None:
    spec = _expected()["files"][name]
    now = datetime.fromisoformat(_expected()["now"])
    if spec["expect"] == "error":
        with pytest.raises(ParseError):
            parse_leetcode(_fixture(name), now)
        return
    contests = parse_leetcode(_fixture(name), now)
    assert [_summary(contest) for contest in contests] == spec["contests"]


def test_fetch_leetcode_posts_the_recorded_request() -> None:
    request = _expected()["files"]["leetcode/all_contests.json"]["request"]
    client = _RecordingClient(b'{"data":{"allContests":[]}}')
    body = asyncio.run(fetch_leetcode(cast(PlatformClient, client), DEFAULT_URL))
    assert body == b'{"data":{"allContests":[]}}'
    [call] = client.calls
    assert (call["platform"], call["method"], call["url"]) == (NAME, "POST", request["url"])
    assert request["method"] == "POST"
    assert call["body"] == request["body"].encode()
    assert call["body"] == b'{"query":"{allContests{title,titleSlug,startTime,duration}}"}'
    accept = JSON_ACCEPT if call["expect"] == "json" else HTML_ACCEPT
    sent = {**BROWSER_HEADERS, "Accept": accept, **call["headers"]}
    assert {key: sent.get(key) for key in request["headers"]} == request["headers"]


# --- edge cases ---------------------------------------------------------------------------------


def test_leetcode_all_contests_shape() -> None:
    assert [c.id for c in _parse(_node(), key="allContests")] == ["weekly-contest-531"]


def test_leetcode_upcoming_contests_shape() -> None:
    [contest] = _parse(_node(), key="upcomingContests")
    assert (contest.id, contest.title) == ("weekly-contest-531", "Weekly Contest 531")
    assert contest.url == "https://leetcode.com/contest/weekly-contest-531"


def test_leetcode_top_two_contests_shape() -> None:
    weekly = _node(startTime=1796524200)
    biweekly = _node(
        title="Biweekly Contest 197", titleSlug="biweekly-contest-197", startTime=1796481000
    )
    contests = _parse(weekly, biweekly, key="topTwoContests")
    assert [c.id for c in contests] == ["biweekly-contest-197", "weekly-contest-531"]


def test_leetcode_several_lists_are_merged_and_the_first_duplicate_wins() -> None:
    biweekly = _node(title="Biweekly Contest 197", titleSlug="biweekly-contest-197")
    payload = json.dumps(
        {
            "data": {
                "upcomingContests": [_node(title="From upcoming")],
                "topTwoContests": [_node(title="From top two"), biweekly],
            }
        }
    )
    contests = parse_leetcode(payload, NOW)
    assert [c.title for c in contests] == ["Biweekly Contest 197", "From upcoming"]


def test_leetcode_extra_node_fields_are_ignored() -> None:
    node = _node(
        containsPremium=False,
        cardImg="https://assets.leetcode.com/contest/weekly-contest-531/card_img.png",
        description="<p>Sponsored by &amp; for you</p>",
        originStartTime=NOW_TS - 10**6,
        isVirtual=False,
        company={"watermark": "", "__typename": "SponsorNode"},
        __typename="ContestNode",
    )
    payload = json.dumps({"data": {"brightTitle": False, "allContests": [node]}})
    [contest] = parse_leetcode(payload, NOW)
    assert contest.start == datetime.fromtimestamp(NOW_TS + 86400, UTC)


def test_leetcode_graphql_errors_is_an_error() -> None:
    payload = '{"errors": [{"message": "Cannot query field \\"allContest\\""}], "data": null}'
    with pytest.raises(ParseError, match="Cannot query field"):
        parse_leetcode(payload, NOW)


def test_leetcode_graphql_errors_with_a_null_list_is_an_error() -> None:
    payload = '{"errors": [{"message": "Internal error"}], "data": {"allContests": null}}'
    with pytest.raises(ParseError, match="Internal error"):
        parse_leetcode(payload, NOW)


def test_leetcode_missing_data_is_an_error() -> None:
    with pytest.raises(ParseError):
        parse_leetcode("{}", NOW)


def test_leetcode_data_without_a_contest_list_is_an_error() -> None:
    with pytest.raises(ParseError, match="allContests"):
        parse_leetcode('{"data": {"userStatus": {}}}', NOW)


def test_leetcode_contest_list_that_is_not_a_list_is_an_error() -> None:
    with pytest.raises(ParseError, match="not a list"):
        parse_leetcode('{"data": {"allContests": {"title": "x"}}}', NOW)


def test_leetcode_payload_that_is_not_an_object_is_an_error() -> None:
    with pytest.raises(ParseError, match="not a JSON object"):
        parse_leetcode('"allContests"', NOW)


def test_leetcode_invalid_json_is_an_error() -> None:
    with pytest.raises(ParseError, match="not valid JSON"):
        parse_leetcode(b'{"data": {"allContests": [', NOW)


def test_leetcode_empty_list_is_an_empty_list() -> None:
    assert _parse() == []


def test_leetcode_times_are_start_plus_duration_in_utc() -> None:
    [contest] = _parse(_node(startTime=1796524200, duration=5400))
    assert contest.start == datetime(2026, 12, 6, 2, 30, tzinfo=UTC)
    assert contest.end == datetime(2026, 12, 6, 4, 0, tzinfo=UTC)


def test_leetcode_contest_that_ended_this_morning_is_dropped() -> None:
    assert _parse(_node(startTime=1795919400, duration=5400)) == []


def test_leetcode_contest_ending_exactly_now_is_dropped() -> None:
    assert _parse(_node(startTime=NOW_TS - 5400, duration=5400)) == []


def test_leetcode_running_contest_is_kept() -> None:
    [contest] = _parse(_node(startTime=NOW_TS - 600, duration=5400))
    assert contest.start < NOW < contest.end


def test_leetcode_malformed_nodes_are_skipped_and_the_rest_kept() -> None:
    contests = _parse(
        _node(titleSlug=None),
        _node(titleSlug=""),
        _node(titleSlug="no-title", title=None),
        _node(titleSlug="blank-title", title=" \t "),
        _node(titleSlug="no-start", startTime=None),
        _node(titleSlug="text-start", startTime="next sunday"),
        _node(titleSlug="negative-duration", duration=-5400),
        _node(titleSlug="huge-start", startTime=10**17),
        _node(titleSlug="huge-duration", duration=10**20),
        _node(titleSlug="\ud800"),
        {"title": "only a title"},
        "weekly-contest-530",
        None,
        _node(),
    )
    assert [c.id for c in contests] == ["weekly-contest-531"]


def test_leetcode_title_entities_and_double_spaces_are_cleaned() -> None:
    [contest] = _parse(_node(title=" Weekly  Contest 531 &amp; Friends&#39; &quot;Cup&quot;\n"))
    assert contest.title == 'Weekly Contest 531 & Friends\' "Cup"'


def test_leetcode_first_occurrence_of_a_duplicate_wins() -> None:
    contests = _parse(_node(title="First"), _node(title="Second"))
    assert [c.title for c in contests] == ["First"]


def test_leetcode_slug_is_percent_encoded_in_the_url() -> None:
    [contest] = _parse(_node(titleSlug="weekly contest/531?x=1"))
    assert contest.id == "weekly contest/531?x=1"
    assert contest.url == "https://leetcode.com/contest/weekly%20contest%2F531%3Fx%3D1"


# --- hypothesis: nothing but ParseError, ever ---------------------------------------------------

_KEYS = st.sampled_from(
    [
        "data",
        "errors",
        "message",
        "allContests",
        "upcomingContests",
        "topTwoContests",
        "title",
        "titleSlug",
        "startTime",
        "duration",
    ]
) | st.text(max_size=8)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.sampled_from([0, -1, 5400, 10**12, 10**17, 2**63, 10**400, NOW_TS])
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["", "   ", "\ud800", "&amp;", "&#99999999;", "a/b?c#d"])
)
_JSON = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=5),
    max_leaves=25,
)
_NODE = st.fixed_dictionaries(
    {},
    optional={
        "title": st.text(max_size=30) | _SCALARS,
        "titleSlug": st.text(max_size=20) | _SCALARS,
        "startTime": st.integers(min_value=NOW_TS - 10**6, max_value=NOW_TS + 10**6) | _SCALARS,
        "duration": st.integers(min_value=0, max_value=10**5) | _SCALARS,
    },
)


@FUZZ
@given(st.binary(max_size=2000))
def test_leetcode_random_bytes_only_raise_parse_error(payload: bytes) -> None:
    _check_never_crashes(payload)


@FUZZ
@given(st.text(max_size=2000))
def test_leetcode_random_text_only_raises_parse_error(payload: str) -> None:
    _check_never_crashes(payload)


@pytest.mark.parametrize("name", FIXTURE_FILES)
@FUZZ
@given(data=st.data())
def test_leetcode_truncated_fixture_only_raises_parse_error(name: str, data: st.DataObject) -> None:
    raw = _fixture(name)
    cut = data.draw(st.integers(min_value=0, max_value=len(raw)), label="cut")
    _check_never_crashes(raw[:cut])


@FUZZ
@given(_JSON)
def test_leetcode_random_json_only_raises_parse_error(value: Any) -> None:
    _check_never_crashes(json.dumps(value))


@FUZZ
@given(
    st.sampled_from(["allContests", "upcomingContests", "topTwoContests"]),
    st.lists(_NODE | _JSON, max_size=8) | _SCALARS,
    st.none() | _JSON,
)
def test_leetcode_random_nodes_only_raise_parse_error(key: str, nodes: Any, errors: Any) -> None:
    _check_never_crashes(json.dumps({"data": {key: nodes}, "errors": errors}))
