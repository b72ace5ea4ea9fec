"""Code360 parser: edge cases and API-envelope fuzzing.

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
from shared.platforms.code360 import NAME, parse_code360
from tests.platforms.helpers import (
    ENVELOPES,
    FUZZ,
    NEAR_NOW,
    NOW,
    NOW_TS,
    assert_parser_is_total,
)

DAY = 86400


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


# --- edge cases ---------------------------------------------------------------------------------


def test_code360_times_come_from_the_event_window() -> None:
    [contest] = _parse(_event(event_start_time=1796308200, event_end_time=1796313600))
    assert contest.starts_at == datetime(2026, 12, 3, 14, 30, tzinfo=UTC)
    assert contest.ends_at == datetime(2026, 12, 3, 16, 0, tzinfo=UTC)
    assert contest.url == "https://www.naukri.com/code360/contests/weekly-contest-259"


def test_code360_end_before_start_uses_start() -> None:
    start = NOW_TS + DAY
    [contest] = _parse(_event(event_start_time=start, event_end_time=start - 3600))
    assert contest.starts_at == contest.ends_at == datetime.fromtimestamp(start, UTC)
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
    assert contest.starts_at == datetime.fromtimestamp(start, UTC)
    assert contest.ends_at == datetime.fromtimestamp(start + 7 * DAY, UTC)


def test_code360_closed_registration_does_not_drop_an_upcoming_contest() -> None:
    event = _event(registration_status="REGISTRATIONS_CLOSED", registration_end_time=NOW_TS - 60)
    assert [c.external_id for c in _parse(event)] == ["weekly-contest-259"]


def test_code360_missing_registration_fields_do_not_matter() -> None:
    event = _event()
    for key in ("registration_start_time", "registration_end_time", "registration_status"):
        del event[key]
    assert [c.external_id for c in _parse(event)] == ["weekly-contest-259"]


def test_code360_running_contest_is_kept() -> None:
    [contest] = _parse(_event(event_start_time=NOW_TS - 3600, event_end_time=NOW_TS + 3600))
    assert contest.starts_at < NOW < contest.ends_at


def test_code360_contest_ending_exactly_now_is_dropped() -> None:
    assert _parse(_event(event_start_time=NOW_TS - 5400, event_end_time=NOW_TS)) == []


def test_code360_contest_ending_one_second_after_now_is_kept() -> None:
    contests = _parse(_event(event_start_time=NOW_TS - 5400, event_end_time=NOW_TS + 1))
    assert [c.ends_at for c in contests] == [NOW + timedelta(seconds=1)]


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
    assert [c.external_id for c in contests] == ["weekly-contest-259"]


def test_code360_title_entities_and_double_spaces_are_cleaned() -> None:
    [contest] = _parse(_event(name="  Weekly  Contest 259 &amp; Friends&#39; &quot;Cup&quot; "))
    assert contest.title == 'Weekly Contest 259 & Friends\' "Cup"'


def test_code360_first_occurrence_of_a_duplicate_wins() -> None:
    contests = _parse(_event(name="First"), _event(name="Second"))
    assert [c.title for c in contests] == ["First"]


def test_code360_slug_is_percent_encoded_in_the_url() -> None:
    [contest] = _parse(_event(slug="weekly contest/259"))
    assert contest.url == "https://www.naukri.com/code360/contests/weekly%20contest%2F259"


@pytest.mark.parametrize(
    ("payload", "match"),
    [
        pytest.param('{"error": "Unauthorized"}', r"data\.events", id="missing_data"),
        pytest.param('{"data": {"total_pages": 0}}', r"data\.events", id="missing_events"),
        pytest.param(
            '{"data": {"events": {"1": {}}}}', r"data\.events", id="events_that_are_not_a_list"
        ),
        pytest.param("null", "not a JSON object", id="payload_that_is_not_an_object"),
        pytest.param(b"\xff\xfe garbage", "not valid JSON", id="invalid_json"),
    ],
)
def test_code360_payload_level_failure_is_an_error(payload: str | bytes, match: str | None) -> None:
    with pytest.raises(ParseError, match=match) as info:
        parse_code360(payload, NOW)
    assert info.value.platform == NAME


def test_code360_empty_events_is_an_empty_list() -> None:
    assert _parse() == []


# --- hypothesis: nothing but ParseError, ever ---------------------------------------------------

_KEYS = ENVELOPES[NAME].keys
_SCALARS = ENVELOPES[NAME].scalars
_JSON = ENVELOPES[NAME].json
_EVENT = st.fixed_dictionaries(
    {},
    optional={
        "slug": st.text(max_size=20) | _SCALARS,
        "name": st.text(max_size=30) | _SCALARS,
        "event_start_time": NEAR_NOW | _SCALARS,
        "event_end_time": NEAR_NOW | _SCALARS,
        "registration_start_time": _SCALARS,
        "registration_status": _SCALARS,
    },
)


@FUZZ
@given(st.lists(_EVENT | _JSON, max_size=8) | _SCALARS)
def test_code360_random_events_only_raise_parse_error(events: Any) -> None:
    payload = json.dumps({"data": {"events": events, "total_pages": 1}})
    assert_parser_is_total(parse_code360, NAME, payload, NOW)
