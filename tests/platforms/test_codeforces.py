"""Codeforces parser: edge cases and API-envelope fuzzing.

Recorded fixtures and the bytes/text/prefix fuzz of every parser are in test_parsers.py.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.codeforces import NAME, parse_codeforces
from tests.platforms.helpers import (
    ENVELOPES,
    FUZZ,
    NEAR_NOW,
    NOW,
    NOW_TS,
    assert_parser_is_total,
)


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


# --- edge cases ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "match"),
    [
        pytest.param(
            '{"status":"FAILED","comment":"Call limit exceeded"}',
            "Call limit exceeded",
            id="failed_status",
        ),
        pytest.param('{"result": []}', None, id="missing_status"),
        pytest.param('{"status": "OK"}', "result", id="missing_result"),
        pytest.param(
            '{"status": "OK", "result": {"id": 1}}', "result", id="result_that_is_not_a_list"
        ),
        pytest.param("[]", "not a JSON object", id="payload_that_is_not_an_object"),
        pytest.param(
            b"<html>Codeforces is temporarily unavailable</html>",
            "not valid JSON",
            id="invalid_json",
        ),
    ],
)
def test_codeforces_payload_level_failure_is_an_error(
    payload: str | bytes, match: str | None
) -> None:
    with pytest.raises(ParseError, match=match) as info:
        parse_codeforces(payload, NOW)
    assert info.value.platform == NAME


def test_codeforces_empty_result_is_an_empty_list() -> None:
    assert _parse() == []


def test_codeforces_accepts_text_and_bytes_payloads() -> None:
    payload = _payload(_entry())
    assert parse_codeforces(payload, NOW) == parse_codeforces(payload.encode(), NOW)


def test_codeforces_div1_and_div2_with_same_start_are_both_kept() -> None:
    div1 = _entry(id=2296, name="Codeforces Round 1133 (Div. 1)")
    div2 = _entry(id=2297, name="Codeforces Round 1133 (Div. 2)")
    contests = _parse(div2, div1)
    assert [(c.external_id, c.title) for c in contests] == [
        ("2296", "Codeforces Round 1133 (Div. 1)"),
        ("2297", "Codeforces Round 1133 (Div. 2)"),
    ]
    assert contests[0].starts_at == contests[1].starts_at


def test_codeforces_running_contest_is_kept() -> None:
    [contest] = _parse(_entry(startTimeSeconds=NOW_TS - 3600, durationSeconds=7200, phase="CODING"))
    assert contest.starts_at < NOW < contest.ends_at


def test_codeforces_phase_finished_does_not_drop_a_contest_that_has_not_ended() -> None:
    assert len(_parse(_entry(phase="FINISHED"))) == 1


def test_codeforces_phase_before_does_not_keep_a_contest_that_has_ended() -> None:
    assert _parse(_entry(phase="BEFORE", startTimeSeconds=NOW_TS - 7201)) == []


def test_codeforces_contest_ending_exactly_now_is_dropped() -> None:
    assert _parse(_entry(startTimeSeconds=NOW_TS - 7200, durationSeconds=7200)) == []


def test_codeforces_contest_ending_one_second_after_now_is_kept() -> None:
    [contest] = _parse(_entry(startTimeSeconds=NOW_TS - 7199, durationSeconds=7200))
    assert contest.ends_at == NOW + timedelta(seconds=1)


def test_codeforces_times_are_start_plus_duration_in_utc() -> None:
    [contest] = _parse(_entry(startTimeSeconds=1796481300, durationSeconds=9000))
    assert contest.starts_at == datetime(2026, 12, 5, 14, 35, tzinfo=UTC)
    assert contest.ends_at == datetime(2026, 12, 5, 17, 5, tzinfo=UTC)
    assert contest.duration == 9000


def test_codeforces_entry_without_start_time_is_skipped() -> None:
    unscheduled = _entry(id=106358)
    del unscheduled["startTimeSeconds"]
    assert [c.external_id for c in _parse(unscheduled, _entry(id=2300))] == ["2300"]


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
    assert [c.external_id for c in contests] == ["2300"]


def test_codeforces_out_of_range_start_time_is_skipped() -> None:
    entries = [_entry(id=2290 + i, startTimeSeconds=ts) for i, ts in enumerate([10**17, 2**63])]
    assert [c.external_id for c in _parse(*entries, _entry(id=2300))] == ["2300"]


def test_codeforces_out_of_range_duration_is_skipped() -> None:
    assert [c.external_id for c in _parse(_entry(id=2299, durationSeconds=10**20), _entry())] == [
        "2300"
    ]


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
    assert [c.external_id for c in contests] == ["2302", "2303", "2301"]


# --- hypothesis: nothing but ParseError, ever ---------------------------------------------------

_KEYS = ENVELOPES[NAME].keys
_SCALARS = ENVELOPES[NAME].scalars
_JSON = ENVELOPES[NAME].json
_ENTRY = st.fixed_dictionaries(
    {},
    optional={
        "id": st.integers(min_value=-5, max_value=200000) | _SCALARS,
        "name": st.text(max_size=30) | _SCALARS,
        "startTimeSeconds": NEAR_NOW | _SCALARS,
        "durationSeconds": st.integers(min_value=0, max_value=10**6) | _SCALARS,
        "phase": _SCALARS,
    },
)


@FUZZ
@given(st.sampled_from(["OK", "FAILED"]) | _SCALARS, st.lists(_ENTRY | _JSON, max_size=8))
def test_codeforces_random_entries_only_raise_parse_error(status: Any, entries: list[Any]) -> None:
    payload = json.dumps({"status": status, "result": entries})
    assert_parser_is_total(parse_codeforces, NAME, payload, NOW)
