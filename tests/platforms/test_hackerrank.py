"""HackerRank parser: both recorded shapes, hand-written edge cases and property tests.

The recorded files against expected.json and the bytes/text/prefix fuzz of every parser are in
test_parsers.py; the recorded request is checked against the fake server in test_http.py.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.hackerrank import NAME, parse_hackerrank
from tests.platforms.helpers import (
    ENVELOPES,
    FUZZ,
    NOW,
    assert_parser_is_total,
    files_of,
    fixture_bytes,
    ids,
    json_keys,
    mostly,
)


def _model(slug: object = "winter-codesprint-2026", **fields: object) -> dict[str, object]:
    model: dict[str, object] = {
        "id": 61288,
        "name": "Winter CodeSprint 2026",
        "slug": slug,
        "started": False,
        "ended": False,
        "epoch_starttime": 1797091200,
        "epoch_endtime": 1797264000,
        "get_starttimeiso": "2026-12-12T16:00:00Z",
        "get_endtimeiso": "2026-12-14T16:00:00Z",
    }
    model.update(fields)
    return model


def _rest(*models: object) -> str:
    return json.dumps({"models": list(models), "total": len(models)})


def _event(
    id: str = "2451",
    url: object = "https://www.hackerrank.com/event/ai-agents-hackathon-2026",
    **attributes: object,
) -> dict[str, object]:
    attrs: dict[str, object] = {
        "name": "HackerRank AI Hackathon: Build with Agents",
        "status": "published",
        "microsite_url": url,
        "start_time": "2026-12-07T16:00:00Z",
        "end_time": "2026-12-21T16:00:00Z",
    }
    attrs.update(attributes)
    return {"id": id, "type": "event", "attributes": attrs}


def _engage(*ongoing: object, past: list[object] | None = None) -> str:
    events = {"ongoing_events": list(ongoing), "past_events": past or []}
    return json.dumps({"data": {"events": events}})


# REST list


def test_rest_model_maps_slug_name_and_contest_url() -> None:
    [contest] = parse_hackerrank(_rest(_model()), NOW)

    assert contest == Contest(
        platform="hackerrank",
        external_id="winter-codesprint-2026",
        title="Winter CodeSprint 2026",
        url="https://www.hackerrank.com/contests/winter-codesprint-2026",
        starts_at=datetime(2026, 12, 12, 16, 0, tzinfo=UTC),
        ends_at=datetime(2026, 12, 14, 16, 0, tzinfo=UTC),
    )


def test_rest_model_with_null_end_is_skipped() -> None:
    permanent = _model(slug="projecteuler", get_endtimeiso=None, epoch_endtime=None)

    assert ids(parse_hackerrank(_rest(permanent, _model()), NOW)) == ["winter-codesprint-2026"]


def test_rest_model_with_null_start_is_skipped() -> None:
    unscheduled = _model(slug="tbd", get_starttimeiso=None, epoch_starttime=None)

    assert ids(parse_hackerrank(_rest(unscheduled, _model()), NOW)) == ["winter-codesprint-2026"]


def test_rest_model_without_iso_times_falls_back_to_epoch() -> None:
    model = _model()
    del model["get_starttimeiso"]
    model["get_endtimeiso"] = None

    [contest] = parse_hackerrank(_rest(model), NOW)

    assert contest.starts_at == datetime.fromtimestamp(1797091200, UTC)
    assert contest.ends_at == datetime.fromtimestamp(1797264000, UTC)


def test_rest_model_with_unreadable_iso_falls_back_to_epoch() -> None:
    model = _model(get_starttimeiso="", get_endtimeiso="next week")

    [contest] = parse_hackerrank(_rest(model), NOW)

    assert contest.starts_at == datetime(2026, 12, 12, 16, 0, tzinfo=UTC)
    assert contest.ends_at == datetime(2026, 12, 14, 16, 0, tzinfo=UTC)


def test_rest_model_prefers_iso_over_epoch() -> None:
    model = _model(epoch_starttime=0, epoch_endtime=1)

    [contest] = parse_hackerrank(_rest(model), NOW)

    assert contest.starts_at == datetime(2026, 12, 12, 16, 0, tzinfo=UTC)


def test_rest_started_and_ended_flags_are_ignored() -> None:
    flagged_ended = _model(slug="still-running", started=True, ended=True)
    flagged_upcoming = _model(
        slug="already-over",
        started=False,
        ended=False,
        get_starttimeiso="2026-11-08T12:30:00Z",
        get_endtimeiso="2026-11-08T15:30:00Z",
    )

    assert ids(parse_hackerrank(_rest(flagged_ended, flagged_upcoming), NOW)) == ["still-running"]


def test_rest_model_ending_exactly_now_is_dropped() -> None:
    model = _model(get_starttimeiso="2026-11-29T10:00:00Z", get_endtimeiso="2026-11-29T12:00:00Z")

    assert parse_hackerrank(_rest(model), NOW) == []


def _without(entry: dict[str, object], key: str) -> dict[str, object]:
    return {k: v for k, v in entry.items() if k != key}


@pytest.mark.parametrize(
    "broken",
    [
        "not a model",
        [],
        None,
        _without(_model(slug="bad"), "slug"),
        _model(slug=None),
        _model(slug=""),
        _model(slug="../../evil"),
        _model(slug="has space"),
        _without(_model(slug="bad"), "name"),
        _model(slug="bad", name=None),
        _model(slug="bad", name="   "),
        _model(slug="bad", name=["list"]),
        _model(slug="bad", get_starttimeiso="2026-12-15T00:00:00Z"),
        _model(slug="bad", get_endtimeiso=None, epoch_endtime="soon"),
        _model(slug="bad", get_endtimeiso=None, epoch_endtime=True),
    ],
    ids=str,
)
def test_rest_malformed_model_is_skipped_and_rest_kept(broken: object) -> None:
    assert ids(parse_hackerrank(_rest(broken, _model()), NOW)) == ["winter-codesprint-2026"]


def test_rest_nan_infinite_and_out_of_range_epochs_are_skipped() -> None:
    models = [
        _model(slug=f"m{i}", get_starttimeiso=None, epoch_starttime=value)
        for i, value in enumerate([math.nan, math.inf, -math.inf, 1e300, 10**30, -(10**30), 1.5])
    ]

    assert ids(parse_hackerrank(_rest(*models, _model()), NOW)) == ["winter-codesprint-2026"]


def test_rest_title_entities_decoded_and_whitespace_collapsed() -> None:
    model = _model(name="  Hack &amp; Learn   2026 &#39;Winter&#39; ")

    [contest] = parse_hackerrank(_rest(model), NOW)

    assert contest.title == "Hack & Learn 2026 'Winter'"


def test_rest_duplicate_slug_keeps_first() -> None:
    first = _model(name="First")
    second = _model(name="Second")

    [contest] = parse_hackerrank(_rest(first, second), NOW)

    assert contest.title == "First"


def test_rest_empty_models_is_an_empty_result() -> None:
    assert parse_hackerrank('{"models": [], "total": 0}', NOW) == []


# Engage events


def test_engage_event_maps_id_name_and_microsite_url() -> None:
    [contest] = parse_hackerrank(_engage(_event()), NOW)

    assert contest == Contest(
        platform="hackerrank",
        external_id="2451",
        title="HackerRank AI Hackathon: Build with Agents",
        url="https://www.hackerrank.com/event/ai-agents-hackathon-2026",
        starts_at=datetime(2026, 12, 7, 16, 0, tzinfo=UTC),
        ends_at=datetime(2026, 12, 21, 16, 0, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://hackerrank.com/event/x",
        "https://www.hackerrank.com/event/x",
        "https://events.jobs.hackerrank.com/x",
        "https://WWW.HackerRank.COM/event/x",
        "https://www.hackerrank.com:443/event/x",
        "https://www.hackerrank.com",
    ],
)
def test_engage_event_on_hackerrank_https_is_kept(url: str) -> None:
    [contest] = parse_hackerrank(_engage(_event(url=url)), NOW)

    assert contest.url == url


@pytest.mark.parametrize(
    "url",
    [
        "http://www.hackerrank.com/event/x",
        "ftp://www.hackerrank.com/event/x",
        "javascript:alert(1)//hackerrank.com",
        "//www.hackerrank.com/event/x",
        "/event/x",
        "https://unstop.com/hackathons/code-for-good-2026",
        "https://evilhackerrank.com/event/x",
        "https://hackerrank.com.evil.io/event/x",
        "https://www.hackerrank.com.evil.io/event/x",
        "https://www.hackerrank.com@evil.io/event/x",
        "https://user:pass@www.hackerrank.com/event/x",
        "https://evil.io@www.hackerrank.com/event/x",
        "https://evil.io\\@www.hackerrank.com/event/x",
        "https://evil.io%2F@www.hackerrank.com/event/x",
        "https://evil.io#@www.hackerrank.com/event/x",
        "https://evil.io?@www.hackerrank.com/event/x",
        "https://www.hackerrank.com\t.evil.io/event/x",
        "https://www.hackerrank.com .evil.io/",
        "https://www.hаckerrank.com/event/x",  # Cyrillic "а"
        "https://www.hackerrank.com./event/x",
        "https://[::1]/hackerrank.com",
        "https://www.hackerrank.com:notaport/event/x",
        "https:www.hackerrank.com/event/x",
        "https:///www.hackerrank.com/event/x",
        "",
        None,
        42,
        ["https://www.hackerrank.com/event/x"],
    ],
)
def test_engage_event_not_on_hackerrank_https_is_dropped(url: object) -> None:
    payload = _engage(_event(id="bad", url=url), _event(id="good"))

    assert ids(parse_hackerrank(payload, NOW)) == ["good"]


def test_engage_event_without_microsite_url_is_dropped() -> None:
    event = _event(id="bad")
    del cast(dict[str, Any], event["attributes"])["microsite_url"]

    assert ids(parse_hackerrank(_engage(event, _event(id="good")), NOW)) == ["good"]


def test_engage_past_events_are_ignored() -> None:
    past = _event(id="2999")

    assert parse_hackerrank(_engage(past=[past]), NOW) == []


def test_engage_status_is_ignored_and_times_decide() -> None:
    running = _event(
        id="2440",
        status="draft",
        start_time="2026-11-28T12:00:00Z",
        end_time="2026-11-29T12:00:01Z",
    )
    over = _event(id="2441", start_time="2026-11-28T12:00:00Z", end_time="2026-11-29T12:00:00Z")

    assert ids(parse_hackerrank(_engage(running, over), NOW)) == ["2440"]


@pytest.mark.parametrize(
    "broken",
    [
        "not an event",
        {"id": "x"},
        {"id": "x", "attributes": None},
        {"id": "x", "attributes": []},
        {"attributes": _event()["attributes"]},
        {"id": "", "attributes": _event()["attributes"]},
        _event(id="x", start_time=None),
        _event(id="x", end_time=1797264000),
        _event(id="x", end_time="2026-12-05"),
        _event(id="x", start_time="2026-12-21T16:00:01Z"),
        _event(id="x", name=None),
    ],
    ids=str,
)
def test_engage_malformed_event_is_skipped_and_rest_kept(broken: object) -> None:
    assert ids(parse_hackerrank(_engage(broken, _event(id="good")), NOW)) == ["good"]


def test_engage_empty_ongoing_events_is_an_empty_result() -> None:
    assert parse_hackerrank(_engage(), NOW) == []


# Payload-level errors


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        b"<!DOCTYPE html><html><body>Just a moment...</body></html>",
        b'{"models": [',
        b"[]",
        b"null",
        b'"models"',
        b"{}",
        b'{"status": false, "errors": ["Rate limited"]}',
        b'{"models": null}',
        b'{"models": {"slug": "x"}}',
        b'{"data": null}',
        b'{"data": {"events": null}}',
        b'{"data": {"events": {"past_events": []}}}',
        b'{"data": {"events": {"ongoing_events": {}}}}',
        b"\xff\xfe\x00",
    ],
)
def test_wrong_top_level_structure_raises_parse_error(payload: bytes) -> None:
    with pytest.raises(ParseError) as info:
        parse_hackerrank(payload, NOW)

    assert info.value.platform == NAME


def test_str_and_bytes_payloads_parse_the_same() -> None:
    for path in files_of(NAME):
        payload = fixture_bytes(path)
        assert parse_hackerrank(payload, NOW) == parse_hackerrank(payload.decode(), NOW)


def test_minified_payload_parses_like_pretty_printed() -> None:
    for path in files_of(NAME):
        pretty = fixture_bytes(path)
        minified = json.dumps(json.loads(pretty), separators=(",", ":"))
        assert parse_hackerrank(minified, NOW) == parse_hackerrank(pretty, NOW)


# Property tests (bytes, text and truncated files: test_parsers.py)

_KEYS = ENVELOPES[NAME].keys
_SCALARS = ENVELOPES[NAME].scalars
_JSON = ENVELOPES[NAME].json
_ISO = st.sampled_from(["2026-11-29T12:00:00Z", "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z"])
_EPOCH = st.sampled_from([1796040000, 1796126400, 1796212800])


def _mostly(valid: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return mostly(valid, _SCALARS)


_MODEL = st.fixed_dictionaries(
    {
        "slug": _mostly(st.sampled_from(["a", "b", "c-1"])),
        "name": _mostly(st.sampled_from(["Contest &amp; A", "  B  "])),
        "get_starttimeiso": _mostly(_ISO),
        "get_endtimeiso": _mostly(_ISO),
        "epoch_starttime": _mostly(_EPOCH),
        "epoch_endtime": _mostly(_EPOCH),
    }
)
_EVENT = st.fixed_dictionaries(
    {
        "id": _mostly(st.sampled_from(["1", "2", 3])),
        "attributes": st.fixed_dictionaries(
            {
                "name": _mostly(st.sampled_from(["Event", "Event &quot;2&quot;"])),
                "microsite_url": _mostly(
                    st.sampled_from(
                        ["https://www.hackerrank.com/e", "https://evilhackerrank.com/e"]
                    )
                ),
                "start_time": _mostly(_ISO),
                "end_time": _mostly(_ISO),
            }
        )
        | _JSON,
    }
)
_ENTRY = _MODEL | _EVENT | st.dictionaries(json_keys(_KEYS), _JSON, max_size=8) | _JSON


@FUZZ
@given(st.lists(_ENTRY, max_size=5), st.booleans())
def test_random_entries_in_both_shapes_never_raise_other_than_parse_error(
    entries: list[object], engage: bool
) -> None:
    payload: dict[str, object]
    if engage:
        payload = {"data": {"events": {"ongoing_events": entries}}}
    else:
        payload = {"models": entries, "total": len(entries)}

    assert_parser_is_total(parse_hackerrank, NAME, json.dumps(payload), NOW)
