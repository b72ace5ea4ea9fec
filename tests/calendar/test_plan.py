"""The pure sync planner and event content."""

from __future__ import annotations

import json
import re

from shared.calendar.plan import OpKind, build_event, build_event_id, plan_sync
from shared.models import CalendarEventRecord, StoredContest
from tests.factories import NOW, days


def contest(
    cid: int, ext: str = "2300", title: str = "Round A", start_days: float = 2
) -> StoredContest:
    start = NOW + days(start_days)
    return StoredContest(
        cid,
        "codeforces",
        ext,
        title,
        f"https://codeforces.com/contest/{ext}",
        start,
        start + days(1 / 12),
    )


def test_event_id_is_deterministic_base32hex_of_the_contest_key() -> None:
    a = build_event_id("codeforces", "2300")
    assert a == build_event_id("codeforces", "2300")
    assert re.fullmatch(r"[0-9a-v]{26,}", a)
    assert a != build_event_id("codeforces", "2301")
    assert a != build_event_id("atcoder", "2300")


def test_event_content_follows_design() -> None:
    desired = build_event(contest(1), "Codeforces", [30, 10])
    event = desired.body
    assert json.loads(desired.body_json) == event  # what the calendar client sends
    assert event["summary"] == "[Codeforces] Round A"
    assert event["location"] == "https://codeforces.com/contest/2300"
    assert "https://codeforces.com/contest/2300" in event["description"]
    assert event["start"] == {"dateTime": "2026-12-01T12:00:00Z", "timeZone": "UTC"}
    assert event["end"]["dateTime"] == "2026-12-01T14:00:00Z"
    assert event["reminders"] == {
        "useDefault": False,
        "overrides": [{"method": "popup", "minutes": 30}, {"method": "popup", "minutes": 10}],
    }
    assert event["source"]["url"] == "https://codeforces.com/contest/2300"
    assert event["colorId"]
    assert event["extendedProperties"]["private"]["contestsync"] == "codeforces:2300"


def test_content_hash_changes_with_time_title_or_reminders_only() -> None:
    base = build_event(contest(1), "Codeforces", [30, 10]).content_hash
    assert build_event(contest(1), "Codeforces", [30, 10]).content_hash == base
    assert build_event(contest(1, start_days=3), "Codeforces", [30, 10]).content_hash != base
    assert build_event(contest(1, title="Round B"), "Codeforces", [30, 10]).content_hash != base
    assert build_event(contest(1), "Codeforces", [15]).content_hash != base


def record(cid: int, ext: str, content_hash: str, calendar: str = "cal") -> CalendarEventRecord:
    return CalendarEventRecord(7, cid, build_event_id("codeforces", ext), calendar, content_hash)


def test_plan_inserts_new_updates_changed_deletes_gone_and_leaves_the_rest() -> None:
    same = build_event(contest(1, "1"), "Codeforces", [30])
    moved = build_event(contest(2, "2", start_days=5), "Codeforces", [30])
    new = build_event(contest(3, "3"), "Codeforces", [30])
    recorded = [record(1, "1", same.content_hash), record(2, "2", "old"), record(4, "4", "x")]
    ops = plan_sync([same, moved, new], recorded, "cal")
    assert [(o.kind, o.contest_id) for o in ops] == [
        (OpKind.DELETE, 4),
        (OpKind.UPDATE, 2),
        (OpKind.INSERT, 3),
    ]


def test_plan_with_nothing_changed_is_empty() -> None:
    event = build_event(contest(1, "1"), "Codeforces", [30])
    assert plan_sync([event], [record(1, "1", event.content_hash)], "cal") == []


def test_records_of_another_calendar_count_as_absent() -> None:
    event = build_event(contest(1, "1"), "Codeforces", [30])
    ops = plan_sync([event], [record(1, "1", event.content_hash, calendar="old-cal")], "new-cal")
    assert [(o.kind, o.contest_id) for o in ops] == [(OpKind.INSERT, 1)]
