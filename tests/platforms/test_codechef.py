"""CodeChef parser: saved fixtures, edge cases, and junk that may only ever raise ParseError."""

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
from shared.platforms.codechef import DEFAULT_URL, NAME, fetch_codechef, parse_codechef
from shared.platforms.http import BROWSER_HEADERS, HTML_ACCEPT, JSON_ACCEPT, PlatformClient

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "platforms"
FIXTURE_FILES = ["codechef/contests_all.json"]
NOW = datetime(2026, 11, 29, 12, 0, 0, tzinfo=UTC)
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


def _entry(**fields: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "contest_id": "70431",
        "contest_code": "START267",
        "contest_name": "Starters 267",
        "contest_start_date": "02 Dec 2026  20:00:00",
        "contest_end_date": "02 Dec 2026  22:00:00",
        "contest_start_date_iso": "2026-12-02T20:00:00+05:30",
        "contest_end_date_iso": "2026-12-02T22:00:00+05:30",
        "contest_duration": "120",
        "distinct_users": 0,
    }
    entry.update(fields)
    return entry


def _payload(
    present: list[Any] | None = None, future: list[Any] | None = None, **extra: Any
) -> str:
    data: dict[str, Any] = {
        "status": "success",
        "message": "All contests list",
        "present_contests": present or [],
        "future_contests": future or [],
        "practice_contests": [],
        "past_contests": [],
        "skill_tests": [],
    }
    data.update(extra)
    return json.dumps(data)


def _parse(*future: Any) -> list[Contest]:
    return parse_codechef(_payload(future=list(future)), NOW)


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
        contests = parse_codechef(payload, NOW)
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


def test_codechef_fixture_list_matches_expected_json() -> None:
    listed = sorted(name for name, spec in _expected()["files"].items() if spec["platform"] == NAME)
    on_disk = sorted(f"codechef/{path.name}" for path in (FIXTURES / "codechef").iterdir())
    assert listed == sorted(FIXTURE_FILES)
    assert on_disk == sorted(FIXTURE_FILES)


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_codechef_fixture_parses_to_expected_contests(name: str) -> None:
    spec = _expected()["files"][name]
    now = datetime.fromisoformat(_expected()["now"])
    if spec["expect"] == "error":
        with pytest.raises(ParseError):
            parse_codechef(_fixture(name), now)
        return
    contests = parse_codechef(_fixture(name), now)
    assert [_summary(contest) for contest in contests] == spec["contests"]


def test_fetch_codechef_sends_the_recorded_request() -> None:
    request = _expected()["files"]["codechef/contests_all.json"]["request"]
    client = _RecordingClient(b"{}")
    body = asyncio.run(fetch_codechef(cast(PlatformClient, client), DEFAULT_URL))
    assert body == b"{}"
    [call] = client.calls
    assert (call["platform"], call["method"], call["url"]) == (NAME, request["method"], DEFAULT_URL)
    assert DEFAULT_URL == request["url"]
    assert call["body"] == (request["body"].encode() if "body" in request else None)
    accept = JSON_ACCEPT if call["expect"] == "json" else HTML_ACCEPT
    sent = {**BROWSER_HEADERS, "Accept": accept, **call["headers"]}
    assert {key: sent.get(key) for key in request["headers"]} == request["headers"]


# --- edge cases ---------------------------------------------------------------------------------


def test_codechef_iso_dates_are_converted_from_ist_to_utc() -> None:
    [contest] = _parse(_entry())
    assert contest.start == datetime(2026, 12, 2, 14, 30, tzinfo=UTC)
    assert contest.end == datetime(2026, 12, 2, 16, 30, tzinfo=UTC)
    assert contest.url == "https://www.codechef.com/START267"


def test_codechef_legacy_ist_dates_when_iso_missing() -> None:
    entry = _entry()
    del entry["contest_start_date_iso"], entry["contest_end_date_iso"]
    [contest] = _parse(entry)
    assert contest.start == datetime(2026, 12, 2, 14, 30, tzinfo=UTC)
    assert contest.end == datetime(2026, 12, 2, 16, 30, tzinfo=UTC)


def test_codechef_legacy_ist_dates_when_iso_empty() -> None:
    [contest] = _parse(_entry(contest_start_date_iso="", contest_end_date_iso=None))
    assert contest.start == datetime(2026, 12, 2, 14, 30, tzinfo=UTC)
    assert contest.end == datetime(2026, 12, 2, 16, 30, tzinfo=UTC)


def test_codechef_legacy_date_with_a_single_space_also_parses() -> None:
    [contest] = _parse(_entry(contest_start_date_iso="", contest_start_date="02 Dec 2026 20:00:00"))
    assert contest.start == datetime(2026, 12, 2, 14, 30, tzinfo=UTC)


def test_codechef_legacy_date_crossing_midnight_in_ist() -> None:
    [contest] = _parse(
        _entry(
            contest_start_date_iso="",
            contest_end_date_iso="",
            contest_start_date="28 Nov 2026  00:00:00",
            contest_end_date="30 Nov 2026  02:59:00",
        )
    )
    assert contest.start == datetime(2026, 11, 27, 18, 30, tzinfo=UTC)
    assert contest.end == datetime(2026, 11, 29, 21, 29, tzinfo=UTC)


def test_codechef_naive_iso_date_is_read_as_ist() -> None:
    [contest] = _parse(_entry(contest_start_date_iso="2026-12-02T20:00:00"))
    assert contest.start == datetime(2026, 12, 2, 14, 30, tzinfo=UTC)


def test_codechef_unparseable_iso_date_skips_the_entry() -> None:
    assert _parse(_entry(contest_start_date_iso="next Wednesday")) == []


def test_codechef_ignores_contest_duration() -> None:
    [contest] = _parse(
        _entry(
            contest_code="PLACEPREP19",
            contest_start_date_iso="2026-12-05T00:00:00+05:30",
            contest_end_date_iso="2026-12-07T02:59:00+05:30",
            contest_duration="180",
        )
    )
    assert contest.duration == 50 * 3600 + 59 * 60


def test_codechef_missing_contest_duration_does_not_matter() -> None:
    entry = _entry()
    del entry["contest_duration"]
    assert [c.id for c in _parse(entry)] == ["START267"]


def test_codechef_running_present_contests_are_kept() -> None:
    running = _entry(
        contest_code="PRACWINT26",
        contest_name="Winter Practice Arena 2026 (Unrated)",
        contest_start_date_iso="2026-11-20T09:00:00+05:30",
        contest_end_date_iso="2026-12-20T23:59:00+05:30",
    )
    contests = parse_codechef(_payload(present=[running], future=[_entry()]), NOW)
    assert [c.id for c in contests] == ["PRACWINT26", "START267"]


def test_codechef_past_practice_and_skill_test_lists_are_ignored() -> None:
    upcoming = _entry(contest_code="OTHER1")
    payload = _payload(
        future=[_entry()],
        past_contests=[upcoming],
        practice_contests=[_entry(contest_code="OTHER2")],
        skill_tests=[_entry(contest_code="OTHER3")],
    )
    assert [c.id for c in parse_codechef(payload, NOW)] == ["START267"]


def test_codechef_present_wins_over_a_future_duplicate() -> None:
    present = _entry(contest_name="From present")
    future = _entry(contest_name="From future")
    [contest] = parse_codechef(_payload(present=[present], future=[future]), NOW)
    assert contest.title == "From present"


def test_codechef_first_occurrence_of_a_duplicate_wins() -> None:
    contests = _parse(_entry(contest_name="First"), _entry(contest_name="Second"))
    assert [c.title for c in contests] == ["First"]


def test_codechef_contest_ending_exactly_now_is_dropped() -> None:
    entry = _entry(
        contest_start_date_iso="2026-11-29T15:30:00+05:30",
        contest_end_date_iso="2026-11-29T17:30:00+05:30",
    )
    assert _parse(entry) == []


def test_codechef_contest_ending_one_second_after_now_is_kept() -> None:
    entry = _entry(
        contest_start_date_iso="2026-11-29T15:30:00+05:30",
        contest_end_date_iso="2026-11-29T17:30:01+05:30",
    )
    assert [c.end for c in _parse(entry)] == [NOW + timedelta(seconds=1)]


def test_codechef_title_trailing_space_is_trimmed() -> None:
    [contest] = _parse(_entry(contest_name="Starters 268 "))
    assert contest.title == "Starters 268"


def test_codechef_title_entities_and_double_spaces_are_cleaned() -> None:
    [contest] = _parse(_entry(contest_name="Starters  267 &amp; Friends&#39; &quot;Cup&quot;"))
    assert contest.title == 'Starters 267 & Friends\' "Cup"'


def test_codechef_malformed_entries_are_skipped_and_the_rest_kept() -> None:
    contests = _parse(
        _entry(contest_code=None),
        _entry(contest_code=" "),
        _entry(contest_code="NONAME", contest_name=None),
        _entry(contest_code="BACKWARDS", contest_end_date_iso="2026-12-01T20:00:00+05:30"),
        _entry(contest_code="NOEND", contest_end_date_iso="", contest_end_date=None),
        _entry(contest_code="BADLEGACY", contest_start_date_iso="", contest_start_date="soon"),
        _entry(contest_code="NUMISO", contest_start_date_iso=1796481000),
        _entry(contest_code="FARPAST", contest_start_date_iso="0001-01-01T00:00:00+05:30"),
        "START266",
        None,
        [],
        _entry(),
    )
    assert [c.id for c in contests] == ["START267"]


def test_codechef_failed_status_is_an_error() -> None:
    payload = json.dumps({"status": "error", "message": "Something went wrong"})
    with pytest.raises(ParseError, match="Something went wrong"):
        parse_codechef(payload, NOW)


def test_codechef_missing_status_is_an_error() -> None:
    with pytest.raises(ParseError, match="status"):
        parse_codechef('{"present_contests": [], "future_contests": []}', NOW)


def test_codechef_missing_both_lists_is_an_error() -> None:
    with pytest.raises(ParseError, match="present_contests"):
        parse_codechef('{"status": "success", "past_contests": []}', NOW)


def test_codechef_missing_present_list_still_reads_future() -> None:
    payload = json.dumps({"status": "success", "future_contests": [_entry()]})
    assert [c.id for c in parse_codechef(payload, NOW)] == ["START267"]


def test_codechef_list_that_is_not_a_list_is_an_error() -> None:
    with pytest.raises(ParseError, match="future_contests"):
        parse_codechef('{"status": "success", "future_contests": {"START267": {}}}', NOW)


def test_codechef_payload_that_is_not_an_object_is_an_error() -> None:
    with pytest.raises(ParseError, match="not a JSON object"):
        parse_codechef("[]", NOW)


def test_codechef_invalid_json_is_an_error() -> None:
    with pytest.raises(ParseError, match="not valid JSON"):
        parse_codechef(b"<!DOCTYPE html><title>Just a moment...</title>", NOW)


def test_codechef_empty_lists_are_an_empty_result() -> None:
    assert parse_codechef(_payload(), NOW) == []


# --- hypothesis: nothing but ParseError, ever ---------------------------------------------------

_FIELDS = [
    "contest_code",
    "contest_name",
    "contest_start_date",
    "contest_end_date",
    "contest_start_date_iso",
    "contest_end_date_iso",
    "contest_duration",
]
_KEYS = st.sampled_from(
    ["status", "message", "present_contests", "future_contests", "past_contests", *_FIELDS]
) | st.text(max_size=8)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.sampled_from([0, -1, 10**17, 2**63, 10**400])
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(
        [
            "success",
            "",
            "   ",
            "\ud800",
            "&amp;",
            "0001-01-01T00:00:00+05:30",
            "9999-12-31T23:59:59-12:00",
            "29 Feb 2026  20:00:00",
            "31 Dec 9999  23:59:59",
            "01 Jan 0001  00:00:00",
        ]
    )
)
_JSON = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=5),
    max_leaves=25,
)
_ISO = st.datetimes(
    min_value=datetime(2026, 11, 1), max_value=datetime(2027, 1, 1), timezones=st.just(UTC)
).map(lambda moment: moment.isoformat())
_LEGACY = st.datetimes(min_value=datetime(2026, 11, 1), max_value=datetime(2027, 1, 1)).map(
    lambda moment: moment.strftime("%d %b %Y  %H:%M:%S")
)
_ENTRY = st.fixed_dictionaries(
    {},
    optional={
        "contest_code": st.text(max_size=12) | _SCALARS,
        "contest_name": st.text(max_size=30) | _SCALARS,
        "contest_start_date": _LEGACY | _SCALARS,
        "contest_end_date": _LEGACY | _SCALARS,
        "contest_start_date_iso": _ISO | _SCALARS,
        "contest_end_date_iso": _ISO | _SCALARS,
        "contest_duration": _SCALARS,
    },
)


@FUZZ
@given(st.binary(max_size=2000))
def test_codechef_random_bytes_only_raise_parse_error(payload: bytes) -> None:
    _check_never_crashes(payload)


@FUZZ
@given(st.text(max_size=2000))
def test_codechef_random_text_only_raises_parse_error(payload: str) -> None:
    _check_never_crashes(payload)


@pytest.mark.parametrize("name", FIXTURE_FILES)
@FUZZ
@given(data=st.data())
def test_codechef_truncated_fixture_only_raises_parse_error(name: str, data: st.DataObject) -> None:
    raw = _fixture(name)
    cut = data.draw(st.integers(min_value=0, max_value=len(raw)), label="cut")
    _check_never_crashes(raw[:cut])


@FUZZ
@given(_JSON)
def test_codechef_random_json_only_raises_parse_error(value: Any) -> None:
    _check_never_crashes(json.dumps(value))


@FUZZ
@given(
    st.just("success") | _SCALARS,
    st.lists(_ENTRY | _JSON, max_size=6) | _SCALARS,
    st.lists(_ENTRY | _JSON, max_size=6) | _SCALARS,
)
def test_codechef_random_entries_only_raise_parse_error(
    status: Any, present: Any, future: Any
) -> None:
    payload = {"status": status, "present_contests": present, "future_contests": future}
    _check_never_crashes(json.dumps(payload))
