"""Codeforces parser: saved fixtures, edge cases, and junk that may only ever raise ParseError."""

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
from shared.platforms.codeforces import (
    DEFAULT_URL,
    GYM_URL,
    NAME,
    fetch_codeforces,
    parse_codeforces,
)
from shared.platforms.http import BROWSER_HEADERS, HTML_ACCEPT, JSON_ACCEPT, PlatformClient

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "platforms"
FIXTURE_FILES = ["codeforces/contest_list.json", "codeforces/contest_list_gym.json"]
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


def _entry(**fields: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": 2300,
        "name": "Codeforces Round 1134 (Div. 2)",
        "type": "CF",
        "phase": "BEFORE",
        "frozen": False,
        "durationSeconds": 7200,
        "startTimeSeconds": NOW_TS + 86400,
        "relativeTimeSeconds": -86400,
    }
    entry.update(fields)
    return entry


def _payload(*entries: Any) -> str:
    return json.dumps({"status": "OK", "result": list(entries)})


def _parse(*entries: Any) -> list[Contest]:
    return parse_codeforces(_payload(*entries), NOW)


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
        contests = parse_codeforces(payload, NOW)
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


def test_codeforces_fixture_list_matches_expected_json() -> None:
    listed = sorted(name for name, spec in _expected()["files"].items() if spec["platform"] == NAME)
    on_disk = sorted(f"codeforces/{path.name}" for path in (FIXTURES / "codeforces").iterdir())
    assert listed == sorted(FIXTURE_FILES)
    assert on_disk == sorted(FIXTURE_FILES)


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_codeforces_fixture_parses_to_expected_contests(name: str) -> None:
    spec = _expected()["files"][name]
    now = datetime.fromisoformat(_expected()["now"])
    if spec["expect"] == "error":
        with pytest.raises(ParseError):
            parse_codeforces(_fixture(name), now)
        return
    contests = parse_codeforces(_fixture(name), now)
    assert [_summary(contest) for contest in contests] == spec["contests"]


@pytest.mark.parametrize(
    ("name", "url"), [(FIXTURE_FILES[0], DEFAULT_URL), (FIXTURE_FILES[1], GYM_URL)]
)
def test_fetch_codeforces_sends_the_recorded_request(name: str, url: str) -> None:
    request = _expected()["files"][name]["request"]
    client = _RecordingClient(b'{"status":"OK","result":[]}')
    body = asyncio.run(fetch_codeforces(cast(PlatformClient, client), url))
    assert body == b'{"status":"OK","result":[]}'
    [call] = client.calls
    assert (call["platform"], call["method"], call["url"]) == (NAME, request["method"], url)
    assert url == request["url"]
    assert call["body"] == (request["body"].encode() if "body" in request else None)
    accept = JSON_ACCEPT if call["expect"] == "json" else HTML_ACCEPT
    sent = {**BROWSER_HEADERS, "Accept": accept, **call["headers"]}
    assert {key: sent.get(key) for key in request["headers"]} == request["headers"]


# --- edge cases ---------------------------------------------------------------------------------


def test_codeforces_failed_status_is_an_error() -> None:
    payload = '{"status":"FAILED","comment":"Call limit exceeded"}'
    with pytest.raises(ParseError, match="Call limit exceeded"):
        parse_codeforces(payload, NOW)


def test_codeforces_missing_status_is_an_error() -> None:
    with pytest.raises(ParseError):
        parse_codeforces('{"result": []}', NOW)


def test_codeforces_missing_result_is_an_error() -> None:
    with pytest.raises(ParseError, match="result"):
        parse_codeforces('{"status": "OK"}', NOW)


def test_codeforces_result_that_is_not_a_list_is_an_error() -> None:
    with pytest.raises(ParseError, match="result"):
        parse_codeforces('{"status": "OK", "result": {"id": 1}}', NOW)


def test_codeforces_payload_that_is_not_an_object_is_an_error() -> None:
    with pytest.raises(ParseError, match="not a JSON object"):
        parse_codeforces("[]", NOW)


def test_codeforces_invalid_json_is_an_error() -> None:
    with pytest.raises(ParseError, match="not valid JSON"):
        parse_codeforces(b"<html>Codeforces is temporarily unavailable</html>", NOW)


def test_codeforces_empty_result_is_an_empty_list() -> None:
    assert _parse() == []


def test_codeforces_accepts_text_and_bytes_payloads() -> None:
    payload = _payload(_entry())
    assert parse_codeforces(payload, NOW) == parse_codeforces(payload.encode(), NOW)


def test_codeforces_div1_and_div2_with_same_start_are_both_kept() -> None:
    div1 = _entry(id=2296, name="Codeforces Round 1133 (Div. 1)")
    div2 = _entry(id=2297, name="Codeforces Round 1133 (Div. 2)")
    contests = _parse(div2, div1)
    assert [(c.id, c.title) for c in contests] == [
        ("2296", "Codeforces Round 1133 (Div. 1)"),
        ("2297", "Codeforces Round 1133 (Div. 2)"),
    ]
    assert contests[0].start == contests[1].start


def test_codeforces_running_contest_is_kept() -> None:
    [contest] = _parse(_entry(startTimeSeconds=NOW_TS - 3600, durationSeconds=7200, phase="CODING"))
    assert contest.start < NOW < contest.end


def test_codeforces_phase_finished_does_not_drop_a_contest_that_has_not_ended() -> None:
    assert len(_parse(_entry(phase="FINISHED"))) == 1


def test_codeforces_phase_before_does_not_keep_a_contest_that_has_ended() -> None:
    assert _parse(_entry(phase="BEFORE", startTimeSeconds=NOW_TS - 7201)) == []


def test_codeforces_contest_ending_exactly_now_is_dropped() -> None:
    assert _parse(_entry(startTimeSeconds=NOW_TS - 7200, durationSeconds=7200)) == []


def test_codeforces_contest_ending_one_second_after_now_is_kept() -> None:
    [contest] = _parse(_entry(startTimeSeconds=NOW_TS - 7199, durationSeconds=7200))
    assert contest.end == NOW + timedelta(seconds=1)


def test_codeforces_times_are_start_plus_duration_in_utc() -> None:
    [contest] = _parse(_entry(startTimeSeconds=1796481300, durationSeconds=9000))
    assert contest.start == datetime(2026, 12, 5, 14, 35, tzinfo=UTC)
    assert contest.end == datetime(2026, 12, 5, 17, 5, tzinfo=UTC)
    assert contest.duration == 9000


def test_codeforces_entry_without_start_time_is_skipped() -> None:
    unscheduled = _entry(id=106358)
    del unscheduled["startTimeSeconds"]
    assert [c.id for c in _parse(unscheduled, _entry(id=2300))] == ["2300"]


def test_codeforces_malformed_entries_are_skipped_and_the_rest_kept() -> None:
    contests = _parse(
        _entry(id="2290"),
        _entry(id=None),
        _entry(id=True),
        _entry(id=2291, name=None),
        _entry(id=2292, name="   "),
        _entry(id=2293, durationSeconds=-5),
        _entry(id=2294, durationSeconds="two hours"),
        _entry(id=2295, startTimeSeconds="soon"),
        _entry(id=2296, startTimeSeconds=1.5),
        "not an entry",
        None,
        [],
        _entry(id=2300),
    )
    assert [c.id for c in contests] == ["2300"]


def test_codeforces_out_of_range_start_time_is_skipped() -> None:
    entries = [_entry(id=2290 + i, startTimeSeconds=ts) for i, ts in enumerate([10**17, 2**63])]
    assert [c.id for c in _parse(*entries, _entry(id=2300))] == ["2300"]


def test_codeforces_out_of_range_duration_is_skipped() -> None:
    assert [c.id for c in _parse(_entry(id=2299, durationSeconds=10**20), _entry())] == ["2300"]


def test_codeforces_contest_ids_get_contest_urls() -> None:
    [contest] = _parse(_entry(id=99999))
    assert contest.url == "https://codeforces.com/contest/99999"


def test_codeforces_gym_ids_get_gym_urls() -> None:
    [contest] = _parse(_entry(id=100000))
    assert contest.url == "https://codeforces.com/gym/100000"


def test_codeforces_title_entities_and_double_spaces_are_cleaned() -> None:
    [contest] = _parse(
        _entry(name="  Codeforces Round  884 (Div. 1 &amp; Div.&#160;2) &quot;X&#39;s&quot; ")
    )
    assert contest.title == 'Codeforces Round 884 (Div. 1 & Div. 2) "X\'s"'


def test_codeforces_first_occurrence_of_a_duplicate_wins() -> None:
    contests = _parse(_entry(name="First"), _entry(name="Second"))
    assert [c.title for c in contests] == ["First"]


def test_codeforces_contests_are_ordered_by_start_then_id() -> None:
    later = _entry(id=2301, startTimeSeconds=NOW_TS + 2 * 86400)
    contests = _parse(later, _entry(id=2303), _entry(id=2302))
    assert [c.id for c in contests] == ["2302", "2303", "2301"]


# --- hypothesis: nothing but ParseError, ever ---------------------------------------------------

_KEYS = st.sampled_from(
    ["status", "result", "comment", "id", "name", "startTimeSeconds", "durationSeconds", "phase"]
) | st.text(max_size=8)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.sampled_from([0, -1, 99999, 100000, 10**12, 10**17, 2**63, 10**400, NOW_TS])
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["OK", "FAILED", "", "   ", "\ud800", "&amp;", "&#99999999;"])
)
_JSON = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=5),
    max_leaves=25,
)
_NEAR_NOW = st.integers(min_value=NOW_TS - 10**6, max_value=NOW_TS + 10**6)
_ENTRY = st.fixed_dictionaries(
    {},
    optional={
        "id": st.integers(min_value=-5, max_value=200000) | _SCALARS,
        "name": st.text(max_size=30) | _SCALARS,
        "startTimeSeconds": _NEAR_NOW | _SCALARS,
        "durationSeconds": st.integers(min_value=0, max_value=10**6) | _SCALARS,
        "phase": _SCALARS,
    },
)


@FUZZ
@given(st.binary(max_size=2000))
def test_codeforces_random_bytes_only_raise_parse_error(payload: bytes) -> None:
    _check_never_crashes(payload)


@FUZZ
@given(st.text(max_size=2000))
def test_codeforces_random_text_only_raises_parse_error(payload: str) -> None:
    _check_never_crashes(payload)


@pytest.mark.parametrize("name", FIXTURE_FILES)
@FUZZ
@given(data=st.data())
def test_codeforces_truncated_fixture_only_raises_parse_error(
    name: str, data: st.DataObject
) -> None:
    raw = _fixture(name)
    cut = data.draw(st.integers(min_value=0, max_value=len(raw)), label="cut")
    _check_never_crashes(raw[:cut])


@FUZZ
@given(_JSON)
def test_codeforces_random_json_only_raises_parse_error(value: Any) -> None:
    _check_never_crashes(json.dumps(value))


@FUZZ
@given(st.sampled_from(["OK", "FAILED"]) | _SCALARS, st.lists(_ENTRY | _JSON, max_size=8))
def test_codeforces_random_entries_only_raise_parse_error(status: Any, entries: list[Any]) -> None:
    _check_never_crashes(json.dumps({"status": status, "result": entries}))
