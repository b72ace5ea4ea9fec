"""Shared machinery for the platform parser tests: recorded fixtures, the never-crash check and
the hypothesis strategies every parser is fuzzed with."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import settings
from hypothesis import strategies as st

from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.registry import Parse

# The saved platform payloads (the same folder tests/conftest.py serves to the fake platforms).
FIXTURES = Path(__file__).resolve().parents[1] / "data" / "platforms"
# The fixed test clock the fixtures are dated around (expected.json "now").
NOW = datetime(2026, 11, 29, 12, 0, 0, tzinfo=UTC)
NOW_TS = int(NOW.timestamp())
ZULU = "%Y-%m-%dT%H:%M:%SZ"
FUZZ = settings(max_examples=200, deadline=None, database=None)


# --- recorded fixtures --------------------------------------------------------------------------


def fixtures_dir() -> Path:
    """The fixtures folder; its absence is a failure, never a skip."""
    if not (FIXTURES / "expected.json").is_file():
        pytest.fail(f"platform fixtures not found at {FIXTURES}")
    return FIXTURES


@functools.cache
def expected() -> dict[str, Any]:
    """The parsed expected.json (read once)."""
    return cast(dict[str, Any], json.loads((fixtures_dir() / "expected.json").read_text("utf-8")))


def recorded_now() -> datetime:
    """The clock expected.json was computed for."""
    return datetime.fromisoformat(expected()["now"])


def fixture_bytes(name: str) -> bytes:
    """The raw bytes of one fixture, `name` relative to the fixtures folder."""
    path = fixtures_dir() / name
    if not path.is_file():
        pytest.fail(f"fixture is missing: {path}")
    return path.read_bytes()


def files_of(platform: str) -> list[str]:
    """The fixture names expected.json lists for a platform, sorted."""
    return sorted(
        name for name, spec in expected()["files"].items() if spec["platform"] == platform
    )


def files_on_disk(platform: str) -> list[str]:
    """Every entry in the platform's fixture folder, as a name relative to the fixtures folder."""
    return sorted(f"{platform}/{path.name}" for path in (fixtures_dir() / platform).iterdir())


def summary(contest: Contest) -> dict[str, Any]:
    """A contest in the exact shape of an expected.json "contests" entry (times must be UTC)."""
    assert contest.starts_at.utcoffset() == timedelta(0)
    assert contest.ends_at.utcoffset() == timedelta(0)
    return {
        "platform": contest.platform,
        "id": contest.external_id,
        "title": contest.title,
        "url": contest.url,
        "start": contest.starts_at.strftime(ZULU),
        "end": contest.ends_at.strftime(ZULU),
        "duration": contest.duration,
    }


def ids(contests: list[Contest]) -> list[str]:
    """The ids of parsed contests, in order."""
    return [contest.external_id for contest in contests]


# --- the never-crash check ----------------------------------------------------------------------


def assert_parser_is_total(
    parse: Parse, platform: str, payload: str | bytes, now: datetime
) -> None:
    """Only ParseError may escape; anything else returned is a clean list of live contests."""
    try:
        contests = parse(payload, now)
    except ParseError:
        return
    assert isinstance(contests, list)
    for contest in contests:
        assert isinstance(contest, Contest)
        assert contest.platform == platform
        assert contest.ends_at > now
        assert contest.starts_at <= contest.ends_at
        assert contest.starts_at.utcoffset() == timedelta(0)
        assert contest.ends_at.utcoffset() == timedelta(0)
    assert len({contest.external_id for contest in contests}) == len(contests)


# --- hypothesis strategies ----------------------------------------------------------------------

# Values that have broken parsers before: out-of-range epochs, blanks, lone surrogates, entities.
_TRICKY = [
    0,
    -1,
    10**12,
    10**17,
    2**63,
    10**400,
    NOW_TS,
    "",
    "   ",
    "\ud800",
    "&amp;",
    "&#99999999;",
    "a/b?c#d",
]
NEAR_NOW = st.integers(min_value=NOW_TS - 10**6, max_value=NOW_TS + 10**6)


def scalars(*samples: Any) -> st.SearchStrategy[Any]:
    """Any JSON scalar, with the usual tricky values and these platform-specific `samples`."""
    return (
        st.none()
        | st.booleans()
        | st.integers()
        | st.integers(min_value=-(2**70), max_value=2**70)
        | st.integers(min_value=1_790_000_000, max_value=1_800_000_000)  # epochs around NOW
        | st.floats()
        | st.text(max_size=20)
        | st.sampled_from([*_TRICKY, *samples])
    )


def json_keys(names: Sequence[str] = ()) -> st.SearchStrategy[str]:
    """Object keys: often one of `names` (a platform's field names), else short random text."""
    text = st.text(max_size=8)
    if not names:
        return text
    return st.sampled_from(list(names)) | text


def json_values(
    keys: Sequence[str] = (), leaves: st.SearchStrategy[Any] | None = None
) -> st.SearchStrategy[Any]:
    """Random nested JSON whose object keys are often one of `keys` (a platform's field names)."""
    return st.recursive(
        leaves if leaves is not None else scalars(),
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(json_keys(keys), children, max_size=6)
        ),
        max_leaves=25,
    )


def random_payloads() -> st.SearchStrategy[str | bytes]:
    """Arbitrary bytes or text, up to 2000 long."""
    return st.binary(max_size=2000) | st.text(max_size=2000)


def prefixes_of(data: bytes) -> st.SearchStrategy[bytes]:
    """Every prefix of `data`, from empty to whole: a response cut off mid-transfer."""
    return st.integers(min_value=0, max_value=len(data)).map(lambda length: data[:length])


def mostly(valid: st.SearchStrategy[Any], junk: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Three times in four a plausible value, else junk: whole entries then often survive, so the
    keep path is exercised too, not only the skip path."""
    return st.integers(min_value=0, max_value=3).flatmap(lambda n: valid if n else junk)


# --- random JSON shaped like each platform's payloads ---------------------------------------------


@dataclass(frozen=True)
class Envelope:
    """A JSON platform's field names and tricky values: random JSON whose keys are often the
    platform's own (`json`), and the scalars it is built from (`scalars`)."""

    keys: Sequence[str]
    samples: tuple[Any, ...] = ()

    @cached_property
    def scalars(self) -> st.SearchStrategy[Any]:
        return scalars(*self.samples)

    @cached_property
    def json(self) -> st.SearchStrategy[Any]:
        return json_values(self.keys, self.scalars)


_CODECHEF_FIELDS = [
    "contest_code",
    "contest_name",
    "contest_start_date",
    "contest_end_date",
    "contest_start_date_iso",
    "contest_end_date_iso",
    "contest_duration",
]
ENVELOPES: dict[str, Envelope] = {
    "code360": Envelope(
        ["data", "events", "total_pages", "slug", "name", "event_start_time", "event_end_time"]
    ),
    "codechef": Envelope(
        [
            "status",
            "message",
            "present_contests",
            "future_contests",
            "past_contests",
            *_CODECHEF_FIELDS,
        ],
        (
            "success",
            "0001-01-01T00:00:00+05:30",
            "9999-12-31T23:59:59-12:00",
            "29 Feb 2026  20:00:00",
            "31 Dec 9999  23:59:59",
            "01 Jan 0001  00:00:00",
        ),
    ),
    "codeforces": Envelope(
        [
            "status",
            "result",
            "comment",
            "id",
            "name",
            "startTimeSeconds",
            "durationSeconds",
            "phase",
        ],
        (
            99999,
            100000,
            "OK",
            "FAILED",
        ),
    ),
    "geeksforgeeks": Envelope(
        "results upcoming past next_upcoming slug name title start_time end_time banner".split(),
        (
            "2026-12-06T19:00:00",
            "2026-12-06T19:00:00+05:30",
            "2026-12-06",
            "9999-12-31T23:59:59",
            "0001-01-01T00:00:00",
            "9999-12-31T23:59:59-23:59",
            "gfg-weekly-288-rated-contest",
        ),
    ),
    "hackerrank": Envelope(
        (
            "models total slug name get_starttimeiso get_endtimeiso epoch_starttime epoch_endtime "
            "started ended data events ongoing_events past_events id attributes microsite_url "
            "start_time end_time"
        ).split(),
        (
            "2026-12-12T16:00:00Z",
            "2026-12-14T16:00:00.000Z",
            "2026-12-14T16:00:00+05:30",
            "9999-12-31T23:59:59-23:59",
            "0001-01-01T00:00:00+23:59",
            "https://www.hackerrank.com/event/x",
            "https://evil.io@www.hackerrank.com/",
            "winter-codesprint-2026",
        ),
    ),
    "leetcode": Envelope(
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
        ],
        (5400,),
    ),
}
