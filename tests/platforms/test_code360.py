"""Code360 parser: saved fixtures, edge cases, and junk that may only ever raise ParseError."""

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
from shared.platforms.code360 import DEFAULT_URL, NAME, fetch_code360, parse_code360
from shared.platforms.http import BROWSER_HEADERS, HTML_ACCEPT, JSON_ACCEPT, PlatformClient

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "platforms"
FIXTURE_FILES = ["code360/contest_list.json"]
NOW = datetime(2026, 11, 29, 12, 0, 0, tzinfo=UTC)
NOW_TS = int(NOW.timestamp())
DAY = 86400
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


def _event(**fields: Any) -> dict[str, Any]:
    start = NOW_TS + 4 * DAY
    event: dict[str, Any] = {
        "id": 20874,
        "name": "Weekly Contest 259",
        "slug": "weekly-contest-259",
        "event_start_time": start,
        "event_end_time": start + 5400,
        "registration_start_time": start - 7 * DAY,
        "registration_end_time": start + 5400,
        "registration_status": "REGISTRATIONS_OPEN",
        "contest_type": "Code 360",
    }
    event.update(fields)
    return event


def _parse(*events: Any) -> list[Contest]:
    return parse_code360(json.dumps({"data": {"events": list(events), "total_pages": 1}}), NOW)


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
        contests = parse_code360(payload, NOW)
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


def test_code360_fixture_list_matches_expected_json() -> None:
    listed = sorted(name for name, spec in _expected()["files"].items() if spec["platform"] == NAME)
    on_disk = sorted(f"code360/{path.name}" for path in (FIXTURES / "code360").iterdir())
    assert listed == sorted(FIXTURE_FILES)
    assert on_disk == sorted(FIXTURE_FILES)


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_code360_fixture_parses_to_expected_contests(name: str) -> None:
    spec = _expected()["files"][name]
    now = datetime.fromisoformat(_expected()["now"])
    if spec["expect"] == "error":
        with pytest.raises(ParseError):
            parse_code360(_fixture(name), now)
        return
    contests = parse_code360(_fixture(name), now)
    assert [_summary(contest) for contest in contests] == spec["contests"]


def test_fetch_code360_sends_the_recorded_request() -> None:
    request = _expected()["files"]["code360/contest_list.json"]["request"]
    client = _RecordingClient(b"{}")
    body = asyncio.run(fetch_code360(cast(PlatformClient, client), DEFAULT_URL))
    assert body == b"{}"
    [call] = client.calls
    assert (call["platform"], call["method"], call["url"]) == (NAME, request["method"], DEFAULT_URL)
    assert DEFAULT_URL == request["url"]
    assert call["body"] == (request["body"].encode() if "body" in request else None)
    accept = JSON_ACCEPT if call["expect"] == "json" else HTML_ACCEPT
    sent = {**BROWSER_HEADERS, "Accept": accept, **call["headers"]}
    assert {key: sent.get(key) for key in request["headers"]} == request["headers"]


# --- edge cases ---------------------------------------------------------------------------------


def test_code360_times_come_from_the_event_window() -> None:
    [contest] = _parse(_event(event_start_time=1796308200, event_end_time=1796313600))
    assert contest.start == datetime(2026, 12, 3, 14, 30, tzinfo=UTC)
    assert contest.end == datetime(2026, 12, 3, 16, 0, tzinfo=UTC)
    assert contest.url == "https://www.naukri.com/code360/contests/weekly-contest-259"


def test_code360_end_before_start_uses_start() -> None:
    start = NOW_TS + DAY
    [contest] = _parse(_event(event_start_time=start, event_end_time=start - 3600))
    assert contest.start == contest.end == datetime.fromtimestamp(start, UTC)
    assert contest.duration == 0


def test_code360_inverted_window_in_the_past_is_dropped() -> None:
    assert _parse(_event(event_start_time=NOW_TS - 60, event_end_time=NOW_TS - 3600)) == []


def test_code360_registration_times_are_not_the_contest_window() -> None:
    start = NOW_TS + 15 * DAY
    event = _event(
        event_start_time=start,
        event_end_time=start + 7 * DAY,
        registration_start_time=start - 28 * DAY,
        registration_end_time=start - DAY,
    )
    [contest] = _parse(event)
    assert contest.start == datetime.fromtimestamp(start, UTC)
    assert contest.end == datetime.fromtimestamp(start + 7 * DAY, UTC)


def test_code360_closed_registration_does_not_drop_an_upcoming_contest() -> None:
    event = _event(registration_status="REGISTRATIONS_CLOSED", registration_end_time=NOW_TS - 60)
    assert [c.id for c in _parse(event)] == ["weekly-contest-259"]


def test_code360_missing_registration_fields_do_not_matter() -> None:
    event = _event()
    for key in ("registration_start_time", "registration_end_time", "registration_status"):
        del event[key]
    assert [c.id for c in _parse(event)] == ["weekly-contest-259"]


def test_code360_running_contest_is_kept() -> None:
    [contest] = _parse(_event(event_start_time=NOW_TS - 3600, event_end_time=NOW_TS + 3600))
    assert contest.start < NOW < contest.end


def test_code360_contest_ending_exactly_now_is_dropped() -> None:
    assert _parse(_event(event_start_time=NOW_TS - 5400, event_end_time=NOW_TS)) == []


def test_code360_contest_ending_one_second_after_now_is_kept() -> None:
    contests = _parse(_event(event_start_time=NOW_TS - 5400, event_end_time=NOW_TS + 1))
    assert [c.end for c in contests] == [NOW + timedelta(seconds=1)]


def test_code360_malformed_events_are_skipped_and_the_rest_kept() -> None:
    contests = _parse(
        _event(slug=None),
        _event(slug="  "),
        _event(slug="no-name", name=None),
        _event(slug="empty-name", name=""),
        _event(slug="no-start", event_start_time=None),
        _event(slug="text-end", event_end_time="tomorrow"),
        _event(slug="fractional-start", event_start_time=1796308200.5),
        _event(slug="huge-start", event_start_time=10**17),
        _event(slug="huge-end", event_end_time=2**63),
        _event(slug="\ud800"),
        {"slug": "only-a-slug"},
        "weekly-contest-258",
        None,
        _event(),
    )
    assert [c.id for c in contests] == ["weekly-contest-259"]


def test_code360_title_entities_and_double_spaces_are_cleaned() -> None:
    [contest] = _parse(_event(name="  Weekly  Contest 259 &amp; Friends&#39; &quot;Cup&quot; "))
    assert contest.title == 'Weekly Contest 259 & Friends\' "Cup"'


def test_code360_first_occurrence_of_a_duplicate_wins() -> None:
    contests = _parse(_event(name="First"), _event(name="Second"))
    assert [c.title for c in contests] == ["First"]


def test_code360_slug_is_percent_encoded_in_the_url() -> None:
    [contest] = _parse(_event(slug="weekly contest/259"))
    assert contest.url == "https://www.naukri.com/code360/contests/weekly%20contest%2F259"


def test_code360_missing_data_is_an_error() -> None:
    with pytest.raises(ParseError, match=r"data\.events"):
        parse_code360('{"error": "Unauthorized"}', NOW)


def test_code360_missing_events_is_an_error() -> None:
    with pytest.raises(ParseError, match=r"data\.events"):
        parse_code360('{"data": {"total_pages": 0}}', NOW)


def test_code360_events_that_are_not_a_list_is_an_error() -> None:
    with pytest.raises(ParseError, match=r"data\.events"):
        parse_code360('{"data": {"events": {"1": {}}}}', NOW)


def test_code360_payload_that_is_not_an_object_is_an_error() -> None:
    with pytest.raises(ParseError, match="not a JSON object"):
        parse_code360("null", NOW)


def test_code360_invalid_json_is_an_error() -> None:
    with pytest.raises(ParseError, match="not valid JSON"):
        parse_code360(b"\xff\xfe garbage", NOW)


def test_code360_empty_events_is_an_empty_list() -> None:
    assert _parse() == []


# --- hypothesis: nothing but ParseError, ever ---------------------------------------------------

_KEYS = st.sampled_from(
    ["data", "events", "total_pages", "slug", "name", "event_start_time", "event_end_time"]
) | st.text(max_size=8)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.sampled_from([0, -1, 10**12, 10**17, 2**63, 10**400, NOW_TS])
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["", "   ", "\ud800", "&amp;", "&#99999999;", "a/b?c#d"])
)
_JSON = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=5),
    max_leaves=25,
)
_NEAR_NOW = st.integers(min_value=NOW_TS - 10**6, max_value=NOW_TS + 10**6)
_EVENT = st.fixed_dictionaries(
    {},
    optional={
        "slug": st.text(max_size=20) | _SCALARS,
        "name": st.text(max_size=30) | _SCALARS,
        "event_start_time": _NEAR_NOW | _SCALARS,
        "event_end_time": _NEAR_NOW | _SCALARS,
        "registration_start_time": _SCALARS,
        "registration_status": _SCALARS,
    },
)


@FUZZ
@given(st.binary(max_size=2000))
def test_code360_random_bytes_only_raise_parse_error(payload: bytes) -> None:
    _check_never_crashes(payload)


@FUZZ
@given(st.text(max_size=2000))
def test_code360_random_text_only_raises_parse_error(payload: str) -> None:
    _check_never_crashes(payload)


@pytest.mark.parametrize("name", FIXTURE_FILES)
@FUZZ
@given(data=st.data())
def test_code360_truncated_fixture_only_raises_parse_error(name: str, data: st.DataObject) -> None:
    raw = _fixture(name)
    cut = data.draw(st.integers(min_value=0, max_value=len(raw)), label="cut")
    _check_never_crashes(raw[:cut])


@FUZZ
@given(_JSON)
def test_code360_random_json_only_raises_parse_error(value: Any) -> None:
    _check_never_crashes(json.dumps(value))


@FUZZ
@given(st.lists(_EVENT | _JSON, max_size=8) | _SCALARS)
def test_code360_random_events_only_raise_parse_error(events: Any) -> None:
    _check_never_crashes(json.dumps({"data": {"events": events, "total_pages": 1}}))
