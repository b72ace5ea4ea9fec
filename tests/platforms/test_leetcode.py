"""LeetCode parser: edge cases and GraphQL-envelope fuzzing.

Recorded fixtures and the bytes/text/prefix fuzz of every parser are in test_parsers.py.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.leetcode import NAME, parse_leetcode
from tests.platforms.helpers import (
    ENVELOPES,
    FUZZ,
    NEAR_NOW,
    NOW,
    NOW_TS,
    assert_parser_is_total,
)


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


# --- edge cases ---------------------------------------------------------------------------------


def test_leetcode_all_contests_shape() -> None:
    assert [c.external_id for c in _parse(_node(), key="allContests")] == ["weekly-contest-531"]


def test_leetcode_upcoming_contests_shape() -> None:
    [contest] = _parse(_node(), key="upcomingContests")
    assert (contest.external_id, contest.title) == ("weekly-contest-531", "Weekly Contest 531")
    assert contest.url == "https://leetcode.com/contest/weekly-contest-531"


def test_leetcode_top_two_contests_shape() -> None:
    weekly = _node(startTime=1796524200)
    biweekly = _node(
        title="Biweekly Contest 197", titleSlug="biweekly-contest-197", startTime=1796481000
    )
    contests = _parse(weekly, biweekly, key="topTwoContests")
    assert [c.external_id for c in contests] == ["biweekly-contest-197", "weekly-contest-531"]


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
    assert contest.starts_at == datetime.fromtimestamp(NOW_TS + 86400, UTC)


@pytest.mark.parametrize(
    ("payload", "match"),
    [
        pytest.param(
            '{"errors": [{"message": "Cannot query field \\"allContest\\""}], "data": null}',
            "Cannot query field",
            id="graphql_errors",
        ),
        pytest.param(
            '{"errors": [{"message": "Internal error"}], "data": {"allContests": null}}',
            "Internal error",
            id="graphql_errors_with_a_null_list",
        ),
        pytest.param("{}", None, id="missing_data"),
        pytest.param(
            '{"data": {"userStatus": {}}}', "allContests", id="data_without_a_contest_list"
        ),
        pytest.param(
            '{"data": {"allContests": {"title": "x"}}}',
            "not a list",
            id="contest_list_that_is_not_a_list",
        ),
        pytest.param('"allContests"', "not a JSON object", id="payload_that_is_not_an_object"),
        pytest.param(b'{"data": {"allContests": [', "not valid JSON", id="invalid_json"),
    ],
)
def test_leetcode_payload_level_failure_is_an_error(
    payload: str | bytes, match: str | None
) -> None:
    with pytest.raises(ParseError, match=match) as info:
        parse_leetcode(payload, NOW)
    assert info.value.platform == NAME


def test_leetcode_empty_list_is_an_empty_list() -> None:
    assert _parse() == []


def test_leetcode_times_are_start_plus_duration_in_utc() -> None:
    [contest] = _parse(_node(startTime=1796524200, duration=5400))
    assert contest.starts_at == datetime(2026, 12, 6, 2, 30, tzinfo=UTC)
    assert contest.ends_at == datetime(2026, 12, 6, 4, 0, tzinfo=UTC)


def test_leetcode_contest_that_ended_this_morning_is_dropped() -> None:
    assert _parse(_node(startTime=1795919400, duration=5400)) == []


def test_leetcode_contest_ending_exactly_now_is_dropped() -> None:
    assert _parse(_node(startTime=NOW_TS - 5400, duration=5400)) == []


def test_leetcode_running_contest_is_kept() -> None:
    [contest] = _parse(_node(startTime=NOW_TS - 600, duration=5400))
    assert contest.starts_at < NOW < contest.ends_at


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
    assert [c.external_id for c in contests] == ["weekly-contest-531"]


def test_leetcode_title_entities_and_double_spaces_are_cleaned() -> None:
    [contest] = _parse(_node(title=" Weekly  Contest 531 &amp; Friends&#39; &quot;Cup&quot;\n"))
    assert contest.title == 'Weekly Contest 531 & Friends\' "Cup"'


def test_leetcode_first_occurrence_of_a_duplicate_wins() -> None:
    contests = _parse(_node(title="First"), _node(title="Second"))
    assert [c.title for c in contests] == ["First"]


def test_leetcode_slug_is_percent_encoded_in_the_url() -> None:
    [contest] = _parse(_node(titleSlug="weekly contest/531?x=1"))
    assert contest.external_id == "weekly contest/531?x=1"
    assert contest.url == "https://leetcode.com/contest/weekly%20contest%2F531%3Fx%3D1"


# --- hypothesis: nothing but ParseError, ever ---------------------------------------------------

_KEYS = ENVELOPES[NAME].keys
_SCALARS = ENVELOPES[NAME].scalars
_JSON = ENVELOPES[NAME].json
_NODE = st.fixed_dictionaries(
    {},
    optional={
        "title": st.text(max_size=30) | _SCALARS,
        "titleSlug": st.text(max_size=20) | _SCALARS,
        "startTime": NEAR_NOW | _SCALARS,
        "duration": st.integers(min_value=0, max_value=10**5) | _SCALARS,
    },
)


@FUZZ
@given(
    st.sampled_from(["allContests", "upcomingContests", "topTwoContests"]),
    st.lists(_NODE | _JSON, max_size=8) | _SCALARS,
    st.none() | _JSON,
)
def test_leetcode_random_nodes_only_raise_parse_error(key: str, nodes: Any, errors: Any) -> None:
    assert_parser_is_total(
        parse_leetcode, NAME, json.dumps({"data": {key: nodes}, "errors": errors}), NOW
    )
