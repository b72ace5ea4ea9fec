"""GeeksforGeeks parser: hand-written edge cases and property tests.

The recorded payload against expected.json and the bytes/text/prefix fuzz of every parser are in
test_parsers.py; the recorded request is checked against the fake server in test_http.py.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.geeksforgeeks import NAME, parse_geeksforgeeks
from tests.platforms.helpers import (
    ENVELOPES,
    FUZZ,
    NOW,
    assert_parser_is_total,
    fixture_bytes,
    ids,
    json_keys,
    mostly,
)

FIXTURE_FILE = "geeksforgeeks/events_contest.json"


def _event(slug: object = "gfg-weekly-288-rated-contest", **fields: object) -> dict[str, object]:
    event: dict[str, object] = {
        "slug": slug,
        "start_time": "2026-12-06T19:00:00",
        "end_time": "2026-12-06T20:30:00",
        "name": "GfG Weekly - 288 [Rated Contest]",
        "status": "upcoming",
    }
    event.update(fields)
    return event


def _without(entry: dict[str, object], key: str) -> dict[str, object]:
    return {k: v for k, v in entry.items() if k != key}


def _payload(*upcoming: object, past: list[object] | None = None) -> str:
    return json.dumps(
        {"results": {"upcoming": list(upcoming), "past": past or []}, "next_upcoming": False}
    )


# Edge cases


def test_event_maps_slug_name_and_practice_url() -> None:
    [contest] = parse_geeksforgeeks(_payload(_event()), NOW)

    assert contest == Contest(
        platform="geeksforgeeks",
        external_id="gfg-weekly-288-rated-contest",
        title="GfG Weekly - 288 [Rated Contest]",
        url="https://practice.geeksforgeeks.org/contest/gfg-weekly-288-rated-contest",
        starts_at=datetime(2026, 12, 6, 13, 30, tzinfo=UTC),
        ends_at=datetime(2026, 12, 6, 15, 0, tzinfo=UTC),
    )


def test_naive_times_are_read_as_ist() -> None:
    event = _event(start_time="2026-12-01T05:00:00", end_time="2026-12-01T05:29:59")

    [contest] = parse_geeksforgeeks(_payload(event), NOW)

    # 05:00 IST is 23:30 UTC the previous day; reading it as UTC would be 5 h 30 min late.
    assert contest.starts_at == datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    assert contest.ends_at == datetime(2026, 11, 30, 23, 59, 59, tzinfo=UTC)


def test_explicit_offset_in_time_is_honoured() -> None:
    event = _event(start_time="2026-12-01T05:00:00Z", end_time="2026-12-01T18:00:00+09:00")

    [contest] = parse_geeksforgeeks(_payload(event), NOW)

    assert contest.starts_at == datetime(2026, 12, 1, 5, 0, tzinfo=UTC)
    assert contest.ends_at == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_title_used_when_name_absent() -> None:
    event = _without(_event(title="GfG Weekly - 288 (title field)"), "name")

    [contest] = parse_geeksforgeeks(_payload(event), NOW)

    assert contest.title == "GfG Weekly - 288 (title field)"


def test_title_used_when_name_null() -> None:
    event = _event(name=None, title="Job-A-Thon 59")

    [contest] = parse_geeksforgeeks(_payload(event), NOW)

    assert contest.title == "Job-A-Thon 59"


def test_name_preferred_over_title() -> None:
    event = _event(name="From name", title="From title")

    [contest] = parse_geeksforgeeks(_payload(event), NOW)

    assert contest.title == "From name"


def test_title_entities_decoded_and_whitespace_collapsed() -> None:
    event = _event(name="  GfG &amp; Friends\n\tWeekly &#39;288&#39;  ")

    [contest] = parse_geeksforgeeks(_payload(event), NOW)

    assert contest.title == "GfG & Friends Weekly '288'"


def test_duplicate_slug_keeps_first_occurrence() -> None:
    first = _event(name="First copy")
    second = _event(name="Second copy", start_time="2026-12-06T18:00:00")

    [contest] = parse_geeksforgeeks(_payload(first, second), NOW)

    assert contest.title == "First copy"
    assert contest.starts_at == datetime(2026, 12, 6, 13, 30, tzinfo=UTC)


def test_contest_ending_exactly_now_is_dropped() -> None:
    # 17:30 IST is 12:00 UTC, which is NOW.
    ended = _event(slug="ended", start_time="2026-11-29T16:00:00", end_time="2026-11-29T17:30:00")
    running = _event(
        slug="running", start_time="2026-11-29T16:00:00", end_time="2026-11-29T17:30:01"
    )

    assert ids(parse_geeksforgeeks(_payload(ended, running), NOW)) == ["running"]


def test_far_future_sentinel_end_is_kept() -> None:
    event = _event(start_time="2026-11-01T00:00:00", end_time="2099-12-31T23:59:59")

    assert ids(parse_geeksforgeeks(_payload(event), NOW)) == ["gfg-weekly-288-rated-contest"]


@pytest.mark.parametrize(
    "broken",
    [
        "not an event",
        None,
        ["gfg-weekly-1"],
        _without(_event(slug="bad"), "slug"),
        _event(slug=None),
        _event(slug=""),
        _event(slug="../admin"),
        _event(slug="has space"),
        _event(slug="bad", name=None),
        _without(_event(slug="bad"), "name"),
        _event(slug="bad", name="   "),
        _event(slug="bad", name=42),
        _without(_event(slug="bad"), "start_time"),
        _event(slug="bad", start_time=None),
        _event(slug="bad", start_time=1796304600),
        _event(slug="bad", start_time="tomorrow"),
        _event(slug="bad", end_time="2026-12-06T25:00:00"),
        _event(slug="bad", end_time=""),
        _event(slug="bad", end_time="2026-12-06T18:00:00"),
        _event(slug="bad", end_time="0001-01-01T00:00:00"),
    ],
    ids=str,
)
def test_malformed_event_is_skipped_and_rest_kept(broken: object) -> None:
    payload = _payload(broken, _event())

    assert ids(parse_geeksforgeeks(payload, NOW)) == ["gfg-weekly-288-rated-contest"]


def test_past_events_are_ignored() -> None:
    future_but_past_list = _event(slug="in-past-list")

    assert parse_geeksforgeeks(_payload(past=[future_but_past_list]), NOW) == []


def test_empty_upcoming_list_is_an_empty_result() -> None:
    assert parse_geeksforgeeks(_payload(), NOW) == []


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        b"<!DOCTYPE html><html><body>Access denied</body></html>",
        b'{"results": {"upcoming": [',
        b"[]",
        b"null",
        b"{}",
        b'{"detail": "Not found."}',
        b'{"results": null}',
        b'{"results": []}',
        b'{"results": {"past": []}}',
        b'{"results": {"upcoming": null}}',
        b'{"results": {"upcoming": {"slug": "x"}}}',
        b"\xff\xfe\x00",
    ],
)
def test_wrong_top_level_structure_raises_parse_error(payload: bytes) -> None:
    with pytest.raises(ParseError) as info:
        parse_geeksforgeeks(payload, NOW)

    assert info.value.platform == NAME


def test_str_and_bytes_payloads_parse_the_same() -> None:
    payload = fixture_bytes(FIXTURE_FILE)

    assert parse_geeksforgeeks(payload, NOW) == parse_geeksforgeeks(payload.decode(), NOW)


def test_minified_payload_parses_like_pretty_printed() -> None:
    pretty = fixture_bytes(FIXTURE_FILE)
    minified = json.dumps(json.loads(pretty), separators=(",", ":"))

    assert parse_geeksforgeeks(minified, NOW) == parse_geeksforgeeks(pretty, NOW)


# Property tests (bytes, text and truncated payloads: test_parsers.py)

_KEYS = ENVELOPES[NAME].keys
_SCALARS = ENVELOPES[NAME].scalars
_JSON = ENVELOPES[NAME].json
_TIME = st.sampled_from(["2026-11-29T17:30:00", "2026-12-01T00:00:00", "2026-12-02T00:00:00Z"])


def _mostly(valid: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return mostly(valid, _SCALARS)


_EVENT = st.fixed_dictionaries(
    {
        "slug": _mostly(st.sampled_from(["a", "b", "gfg-1"])),
        "start_time": _mostly(_TIME),
        "end_time": _mostly(_TIME),
    },
    optional={
        "name": _mostly(st.sampled_from(["GfG &amp; Weekly", "  X  "])),
        "title": _mostly(st.sampled_from(["Title"])),
    },
)
_ENTRY = _EVENT | st.dictionaries(json_keys(_KEYS), _JSON, max_size=8) | _JSON


@FUZZ
@given(st.lists(_ENTRY, max_size=5))
def test_random_entries_never_raise_other_than_parse_error(entries: list[object]) -> None:
    payload = json.dumps({"results": {"upcoming": entries}})
    assert_parser_is_total(parse_geeksforgeeks, NAME, payload, NOW)
