"""CodeChef parser: edge cases and API-envelope fuzzing.

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
from shared.platforms.codechef import NAME, parse_codechef
from tests.platforms.helpers import ENVELOPES, FUZZ, NOW, assert_parser_is_total


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


# --- edge cases ---------------------------------------------------------------------------------


def test_codechef_iso_dates_are_converted_from_ist_to_utc() -> None:
    [contest] = _parse(_entry())
    assert contest.starts_at == datetime(2026, 12, 2, 14, 30, tzinfo=UTC)
    assert contest.ends_at == datetime(2026, 12, 2, 16, 30, tzinfo=UTC)
    assert contest.url == "https://www.codechef.com/START267"


def test_codechef_legacy_ist_dates_when_iso_missing() -> None:
    entry = _entry()
    del entry["contest_start_date_iso"], entry["contest_end_date_iso"]
    [contest] = _parse(entry)
    assert contest.starts_at == datetime(2026, 12, 2, 14, 30, tzinfo=UTC)
    assert contest.ends_at == datetime(2026, 12, 2, 16, 30, tzinfo=UTC)


def test_codechef_legacy_ist_dates_when_iso_empty() -> None:
    [contest] = _parse(_entry(contest_start_date_iso="", contest_end_date_iso=None))
    assert contest.starts_at == datetime(2026, 12, 2, 14, 30, tzinfo=UTC)
    assert contest.ends_at == datetime(2026, 12, 2, 16, 30, tzinfo=UTC)


def test_codechef_legacy_date_with_a_single_space_also_parses() -> None:
    [contest] = _parse(_entry(contest_start_date_iso="", contest_start_date="02 Dec 2026 20:00:00"))
    assert contest.starts_at == datetime(2026, 12, 2, 14, 30, tzinfo=UTC)


def test_codechef_legacy_date_crossing_midnight_in_ist() -> None:
    [contest] = _parse(
        _entry(
            contest_start_date_iso="",
            contest_end_date_iso="",
            contest_start_date="28 Nov 2026  00:00:00",
            contest_end_date="30 Nov 2026  02:59:00",
        )
    )
    assert contest.starts_at == datetime(2026, 11, 27, 18, 30, tzinfo=UTC)
    assert contest.ends_at == datetime(2026, 11, 29, 21, 29, tzinfo=UTC)


def test_codechef_naive_iso_date_is_read_as_ist() -> None:
    [contest] = _parse(_entry(contest_start_date_iso="2026-12-02T20:00:00"))
    assert contest.starts_at == datetime(2026, 12, 2, 14, 30, tzinfo=UTC)


def test_codechef_unparseable_iso_date_skips_the_entry() -> None:
    bad = _entry(contest_code="START268", contest_start_date_iso="next Wednesday")
    assert [c.external_id for c in _parse(bad, _entry())] == ["START267"]


def test_codechef_list_whose_every_date_is_unreadable_is_an_error() -> None:
    with pytest.raises(
        ParseError, match="1 of 1 entries have an unreadable contest_start_date_iso"
    ):
        _parse(_entry(contest_start_date_iso="next Wednesday"))


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
    assert [c.external_id for c in _parse(entry)] == ["START267"]


def test_codechef_running_present_contests_are_kept() -> None:
    running = _entry(
        contest_code="PRACWINT26",
        contest_name="Winter Practice Arena 2026 (Unrated)",
        contest_start_date_iso="2026-11-20T09:00:00+05:30",
        contest_end_date_iso="2026-12-20T23:59:00+05:30",
    )
    contests = parse_codechef(_payload(present=[running], future=[_entry()]), NOW)
    assert [c.external_id for c in contests] == ["PRACWINT26", "START267"]


def test_codechef_past_practice_and_skill_test_lists_are_ignored() -> None:
    upcoming = _entry(contest_code="OTHER1")
    payload = _payload(
        future=[_entry()],
        past_contests=[upcoming],
        practice_contests=[_entry(contest_code="OTHER2")],
        skill_tests=[_entry(contest_code="OTHER3")],
    )
    assert [c.external_id for c in parse_codechef(payload, NOW)] == ["START267"]


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
    assert [c.ends_at for c in _parse(entry)] == [NOW + timedelta(seconds=1)]


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
    assert [c.external_id for c in contests] == ["START267"]


@pytest.mark.parametrize(
    ("payload", "match"),
    [
        pytest.param(
            json.dumps({"status": "error", "message": "Something went wrong"}),
            "Something went wrong",
            id="failed_status",
        ),
        pytest.param(
            '{"present_contests": [], "future_contests": []}', "status", id="missing_status"
        ),
        pytest.param(
            '{"status": "success", "past_contests": []}',
            "present_contests",
            id="missing_both_lists",
        ),
        pytest.param(
            '{"status": "success", "future_contests": {"START267": {}}}',
            "future_contests",
            id="list_that_is_not_a_list",
        ),
        pytest.param("[]", "not a JSON object", id="payload_that_is_not_an_object"),
        pytest.param(
            b"<!DOCTYPE html><title>Just a moment...</title>", "not valid JSON", id="invalid_json"
        ),
    ],
)
def test_codechef_payload_level_failure_is_an_error(
    payload: str | bytes, match: str | None
) -> None:
    with pytest.raises(ParseError, match=match) as info:
        parse_codechef(payload, NOW)
    assert info.value.platform == NAME


def test_codechef_missing_present_list_still_reads_future() -> None:
    payload = json.dumps({"status": "success", "future_contests": [_entry()]})
    assert [c.external_id for c in parse_codechef(payload, NOW)] == ["START267"]


def test_codechef_empty_lists_are_an_empty_result() -> None:
    assert parse_codechef(_payload(), NOW) == []


# --- hypothesis: nothing but ParseError, ever ---------------------------------------------------

_KEYS = ENVELOPES[NAME].keys
_SCALARS = ENVELOPES[NAME].scalars
_JSON = ENVELOPES[NAME].json
# hypothesis takes naive bounds (and adds the zone with `timezones`); the legacy format is naive.
_EARLIEST, _LATEST = datetime(2026, 11, 1), datetime(2027, 1, 1)  # noqa: DTZ001
_ISO = st.datetimes(min_value=_EARLIEST, max_value=_LATEST, timezones=st.just(UTC)).map(
    lambda moment: moment.isoformat()
)
_LEGACY = st.datetimes(min_value=_EARLIEST, max_value=_LATEST).map(
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
@given(
    st.just("success") | _SCALARS,
    st.lists(_ENTRY | _JSON, max_size=6) | _SCALARS,
    st.lists(_ENTRY | _JSON, max_size=6) | _SCALARS,
)
def test_codechef_random_entries_only_raise_parse_error(
    status: Any, present: Any, future: Any
) -> None:
    payload = {"status": status, "present_contests": present, "future_contests": future}
    assert_parser_is_total(parse_codechef, NAME, json.dumps(payload), NOW)
