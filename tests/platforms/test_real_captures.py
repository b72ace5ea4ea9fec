"""The parsers on responses other people captured from the real platforms (tests/data/real).

Every file is kept byte for byte as its source repository holds it; tests/data/real/SOURCES.md
says where each comes from and how its capture time is known. Each test runs the parser at that
capture time and compares with expectations written by hand from the payload, or computed by
the small readers below, which share no code with shared/platforms.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from backend.cli import main
from shared.errors import ParseError
from shared.models import Contest
from shared.platforms.codeforces import read_codeforces
from shared.platforms.leetcode import parse_leetcode, read_leetcode

REAL = Path(__file__).resolve().parents[1] / "data" / "real"

CF_LIST = "codeforces/contest_list_2024-02-17.json"
CF_GYM = "codeforces/contest_list_gym_2024-02-17.json"
LC_TOP_TWO = "leetcode/top_two_contests_2022-08-26.json"
LC_ALL = "leetcode/all_contests_2018-07.js"

# Capture times (SOURCES.md): Codeforces from the answers' own relativeTimeSeconds (checked by
# test_codeforces_capture_times_follow_from_relative_time); LeetCode from the commit that
# first holds the capture (an upper bound; the contest lists show it is close).
CAPTURED = {
    CF_LIST: datetime(2024, 2, 17, 13, 34, 14, tzinfo=UTC),
    CF_GYM: datetime(2024, 2, 17, 13, 34, 23, tzinfo=UTC),
    LC_TOP_TWO: datetime(2022, 8, 26, 16, 19, 47, tzinfo=UTC),
    LC_ALL: datetime(2018, 7, 7, 1, 9, 9, tzinfo=UTC),
}


def real_bytes(name: str) -> bytes:
    """One capture, byte for byte; a missing file fails the test."""
    path = REAL / name
    if not path.is_file():
        pytest.fail(f"real capture is missing: {path}")
    return path.read_bytes()


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def as_rows(contests: list[Contest]) -> list[tuple[str, str, str, datetime, datetime]]:
    return [(c.external_id, c.title, c.url, c.starts_at, c.ends_at) for c in contests]


def leetcode_module_body(raw: bytes) -> str:
    """The JSON object a `module.exports = {...};` file holds (the GraphQL answer it saved)."""
    text = raw.decode("utf-8")
    prefix = "module.exports = "
    assert text.startswith(prefix) and text.rstrip().endswith("};")
    return text[len(prefix) : text.rstrip().rindex(";")]


# --- Codeforces ---------------------------------------------------------------------------------


def test_codeforces_capture_times_follow_from_relative_time() -> None:
    # relativeTimeSeconds = capture time - startTimeSeconds, computed by Codeforces per answer.
    for name in (CF_LIST, CF_GYM):
        result = json.loads(real_bytes(name))["result"]
        stamps = Counter(
            e["startTimeSeconds"] + e["relativeTimeSeconds"]
            for e in result
            if "startTimeSeconds" in e and "relativeTimeSeconds" in e
        )
        [(stamp, _)] = stamps.most_common(1)
        assert datetime.fromtimestamp(stamp, UTC) == CAPTURED[name]


def test_codeforces_2024_contest_list_gives_exactly_the_five_rounds_not_yet_over() -> None:
    parsed = read_codeforces(real_bytes(CF_LIST), CAPTURED[CF_LIST])

    # Written by hand from the payload: the five entries whose start + duration is after the
    # capture (the two "VK Cup 2019-2020" entries still say phase BEFORE but ended in 2020).
    assert as_rows(parsed.contests) == [
        (
            "1930",
            "think-cell Round 1",
            "https://codeforces.com/contest/1930",
            utc("2024-02-17T14:35:00Z"),
            utc("2024-02-17T17:35:00Z"),
        ),
        (
            "1932",
            "Codeforces Round 927 (Div. 3)",
            "https://codeforces.com/contest/1932",
            utc("2024-02-18T12:05:00Z"),
            utc("2024-02-18T14:20:00Z"),
        ),
        (
            "1926",
            "Codeforces Round (Div. 4)",
            "https://codeforces.com/contest/1926",
            utc("2024-02-19T14:35:00Z"),
            utc("2024-02-19T16:50:00Z"),
        ),
        (
            "1923",
            "Educational Codeforces Round 162 (Rated for Div. 2)",
            "https://codeforces.com/contest/1923",
            utc("2024-02-23T14:35:00Z"),
            utc("2024-02-23T16:35:00Z"),
        ),
        (
            "1933",
            "Codeforces Round (Div. 3)",
            "https://codeforces.com/contest/1933",
            utc("2024-02-29T14:35:00Z"),
            utc("2024-02-29T16:50:00Z"),
        ),
    ]
    assert parsed.entries == 1835 and parsed.skipped == {}


def _codeforces_reader(entry: dict[str, Any]) -> tuple[str, str, str, datetime, datetime]:
    """A separate reading of one contest.list entry, for the all-entries comparison."""
    start = datetime.fromtimestamp(entry["startTimeSeconds"], UTC)
    section = "gym" if entry["id"] >= 100000 else "contest"
    return (
        str(entry["id"]),
        " ".join(html.unescape(entry["name"]).split()),
        f"https://codeforces.com/{section}/{entry['id']}",
        start,
        start + timedelta(seconds=entry["durationSeconds"]),
    )


def test_codeforces_every_entry_of_the_2024_list_is_read_exactly() -> None:
    result = json.loads(real_bytes(CF_LIST))["result"]
    want = sorted((_codeforces_reader(e) for e in result), key=lambda r: (r[3], r[0]))

    # A clock before the first contest keeps every entry, so all 1835 are compared.
    parsed = read_codeforces(real_bytes(CF_LIST), datetime(2000, 1, 1, tzinfo=UTC))

    assert as_rows(parsed.contests) == want
    assert len(want) == 1835


def test_codeforces_2024_gym_list_has_nothing_upcoming_and_counts_gyms_without_start() -> None:
    result = json.loads(real_bytes(CF_GYM))["result"]
    without_start = sum(1 for e in result if "startTimeSeconds" not in e)

    parsed = read_codeforces(real_bytes(CF_GYM), CAPTURED[CF_GYM])

    # Every gym with a start had ended; gyms with no start at all are counted as skipped.
    assert parsed.contests == []
    assert parsed.entries == len(result) == 1857
    assert (
        parsed.skipped
        == {"lack startTimeSeconds": without_start}
        == {"lack startTimeSeconds": 1108}
    )


def test_codeforces_gym_entries_with_a_start_are_read_exactly() -> None:
    result = json.loads(real_bytes(CF_GYM))["result"]
    want = sorted(
        (_codeforces_reader(e) for e in result if "startTimeSeconds" in e),
        key=lambda r: (r[3], r[0]),
    )

    parsed = read_codeforces(real_bytes(CF_GYM), datetime(2000, 1, 1, tzinfo=UTC))

    assert as_rows(parsed.contests) == want
    assert all(url.startswith("https://codeforces.com/gym/") for _, _, url, _, _ in want)


# --- LeetCode -----------------------------------------------------------------------------------


def test_leetcode_top_two_without_title_slug_gives_both_contests_with_formed_ids() -> None:
    # The 2022 answer to a topTwoContests query that did not ask for titleSlug.
    assert b"titleSlug" not in real_bytes(LC_TOP_TWO)

    parsed = read_leetcode(real_bytes(LC_TOP_TWO), CAPTURED[LC_TOP_TWO])

    assert as_rows(parsed.contests) == [
        (
            "weekly-contest-308",
            "Weekly Contest 308",
            "https://leetcode.com/contest/weekly-contest-308",
            utc("2022-08-28T02:30:00Z"),
            utc("2022-08-28T04:00:00Z"),
        ),
        (
            "biweekly-contest-86",
            "Biweekly Contest 86",
            "https://leetcode.com/contest/biweekly-contest-86",
            utc("2022-09-03T14:30:00Z"),
            utc("2022-09-03T16:00:00Z"),
        ),
    ]
    assert parsed.skipped == {}


def test_leetcode_top_two_without_title_slug_through_contestsync_parse(
    capsys: pytest.CaptureFixture[str],
) -> None:
    now = CAPTURED[LC_TOP_TWO].isoformat()
    code = main(["parse", "leetcode", str(REAL / LC_TOP_TWO), "--now", now])
    out, err = capsys.readouterr()

    assert code == 0 and err == ""
    assert [json.loads(line)["id"] for line in out.splitlines()] == [
        "weekly-contest-308",
        "biweekly-contest-86",
    ]


def test_leetcode_2018_all_contests_had_all_ended_at_capture_and_none_was_skipped() -> None:
    body = leetcode_module_body(real_bytes(LC_ALL))

    parsed = read_leetcode(body, CAPTURED[LC_ALL])

    # Weekly Contest 91, the newest entry, ended 2018-07-01T03:00Z, before the capture.
    assert parsed.contests == []
    assert parsed.entries == 97 and parsed.skipped == {}


def test_leetcode_every_entry_of_the_2018_list_is_read_exactly() -> None:
    body = leetcode_module_body(real_bytes(LC_ALL))
    nodes = json.loads(body)["data"]["allContests"]
    want = sorted(
        (
            (
                n["titleSlug"],
                n["title"],
                f"https://leetcode.com/contest/{n['titleSlug']}",
                datetime.fromtimestamp(n["startTime"], UTC),
                datetime.fromtimestamp(n["startTime"] + n["duration"], UTC),
            )
            for n in nodes
        ),
        key=lambda r: (r[3], r[0]),
    )

    contests = parse_leetcode(body, datetime(2016, 1, 1, tzinfo=UTC))

    assert as_rows(contests) == want
    # Hand-checked rows: the newest, and an early one whose slug is not formed from its title.
    assert (
        "weekly-contest-91",
        "Weekly Contest 91",
        "https://leetcode.com/contest/weekly-contest-91",
        utc("2018-07-01T01:30:00Z"),
        utc("2018-07-01T03:00:00Z"),
    ) in as_rows(contests)
    assert "leetcode-weekly-contest-2" in {c.external_id for c in contests}


def test_leetcode_without_title_slug_keeps_the_same_ids_for_current_style_titles() -> None:
    # Drop titleSlug from every node of the real 2018 list: each contest since Weekly Contest 63
    # gets the id LeetCode gave it, so a list from topTwoContests without
    # the field names the same contests as allContests. Older slugs such as
    # "leetcode-weekly-contest-2" were hand-picked by LeetCode and cannot be formed.
    data = json.loads(leetcode_module_body(real_bytes(LC_ALL)))
    given = {n["title"]: n["titleSlug"] for n in data["data"]["allContests"]}
    for node in data["data"]["allContests"]:
        del node["titleSlug"]

    formed = {
        c.title: c.external_id
        for c in parse_leetcode(json.dumps(data), datetime(2016, 1, 1, tzinfo=UTC))
    }

    numbered = {t: re.fullmatch(r"(Biweekly|Weekly) Contest ([0-9]+)", t) for t in given}
    current = [t for t, m in numbered.items() if m and (m[1] == "Biweekly" or int(m[2]) >= 63)]
    assert len(current) == 29  # Weekly Contest 63 to 91; Biweekly contests began in 2019
    assert {t: formed[t] for t in current} == {t: given[t] for t in current}


def test_leetcode_list_whose_every_node_lost_its_start_is_an_error() -> None:
    data = json.loads(leetcode_module_body(real_bytes(LC_ALL)))
    for node in data["data"]["allContests"]:
        node["begins"] = node.pop("startTime")

    with pytest.raises(ParseError, match=r"^leetcode: 97 of 97 entries lack startTime$"):
        read_leetcode(json.dumps(data), CAPTURED[LC_ALL])
