"""The feed renderer (pure): what `icalendar` and an independent parser, vobject, read back."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import vobject
from icalendar import Calendar

from shared.calendar.plan import build_event_id
from shared.feeds import (
    FEED_AHEAD,
    FeedDocument,
    FeedSpec,
    build_uid,
    render_feed,
)
from shared.models import FeedContest

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
HOST = "contests.example.org"
LABELS = {"codeforces": "Codeforces", "atcoder": "AtCoder"}
SPEC = FeedSpec(name="Contests (ContestSync)", platforms=None, reminders=(60, 10), personal=True)


def contest(
    external_id: str = "2301",
    title: str = "Codeforces Round 1001 (Div. 2)",
    *,
    platform: str = "codeforces",
    start: datetime = NOW + timedelta(days=2, minutes=35),
    minutes: int = 135,
    sequence: int = 0,
    cancelled: bool = False,
) -> FeedContest:
    return FeedContest(
        platform=platform,
        external_id=external_id,
        title=title,
        url=f"https://codeforces.com/contest/{external_id}",
        starts_at=start,
        ends_at=start + timedelta(minutes=minutes),
        updated_at=NOW - timedelta(hours=3),
        sequence=sequence,
        cancelled_at=NOW - timedelta(hours=1) if cancelled else None,
    )


def by_uid_icalendar(doc: FeedDocument) -> dict[str, object]:
    cal = Calendar.from_ical(doc.body)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def by_uid_vobject(doc: FeedDocument) -> dict[str, object]:
    cal = vobject.readOne(doc.body.decode("utf-8"))
    return {e.uid.value: e for e in cal.vevent_list}


def test_every_contest_is_one_event_as_both_parsers_read_it() -> None:
    contests = [
        contest("2301"),
        contest("2302", "Educational Round", start=NOW + timedelta(days=5)),
        contest("abc400", "AtCoder Beginner Contest 400", platform="atcoder", minutes=100),
    ]
    doc = render_feed(SPEC, contests, HOST, LABELS, NOW)
    ours = by_uid_icalendar(doc)
    theirs = by_uid_vobject(doc)
    expected = {f"{build_event_id(c.platform, c.external_id)}@{HOST}": c for c in contests}
    assert set(ours) == set(theirs) == set(expected)
    for uid, c in expected.items():
        label = LABELS[c.platform]
        event = ours[uid]
        assert event["SUMMARY"] == f"[{label}] {c.title}"  # type: ignore[index]
        assert event.decoded("DTSTART") == c.starts_at  # type: ignore[attr-defined]
        assert event.decoded("DTEND") == c.ends_at  # type: ignore[attr-defined]
        assert str(event["URL"]) == c.url  # type: ignore[index]
        assert c.url in str(event["DESCRIPTION"])  # type: ignore[index]
        assert event["STATUS"] == "CONFIRMED"  # type: ignore[index]
        other = theirs[uid]
        assert other.summary.value == f"[{label}] {c.title}"  # type: ignore[attr-defined]
        assert other.dtstart.value == c.starts_at  # type: ignore[attr-defined]
        assert other.dtend.value == c.ends_at  # type: ignore[attr-defined]
        assert other.dtstamp.value == c.updated_at  # type: ignore[attr-defined]
        assert other.contents["last-modified"][0].value == c.updated_at  # type: ignore[attr-defined]
        assert int(other.sequence.value) == c.sequence  # type: ignore[attr-defined]


def test_times_are_written_in_utc() -> None:
    doc = render_feed(SPEC, [contest()], HOST, LABELS, NOW)
    assert b"DTSTART:20261201T123500Z" in doc.body
    assert b"DTEND:20261201T145000Z" in doc.body


def test_uid_is_the_calendar_sync_event_id_at_the_public_host() -> None:
    assert build_uid("codeforces", "2301", HOST) == f"{build_event_id('codeforces', '2301')}@{HOST}"


def test_calendar_names_itself_and_asks_for_a_30_minute_refresh() -> None:
    doc = render_feed(SPEC, [contest()], HOST, LABELS, NOW)
    cal = Calendar.from_ical(doc.body)
    assert cal["X-WR-CALNAME"] == "Contests (ContestSync)"
    assert cal.decoded("REFRESH-INTERVAL") == timedelta(minutes=30)
    assert cal["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert b"X-PUBLISHED-TTL:PT30M" in doc.body
    assert cal["VERSION"] == "2.0"
    parsed = vobject.readOne(doc.body.decode())
    assert parsed.contents["x-wr-calname"][0].value == "Contests (ContestSync)"


def test_reminders_become_display_alarms_before_the_start() -> None:
    doc = render_feed(SPEC, [contest()], HOST, LABELS, NOW)
    (event,) = Calendar.from_ical(doc.body).walk("VEVENT")
    triggers = sorted(a.decoded("TRIGGER") for a in event.walk("VALARM"))
    assert triggers == [timedelta(minutes=-60), timedelta(minutes=-10)]
    assert {str(a["ACTION"]) for a in event.walk("VALARM")} == {"DISPLAY"}
    (other,) = vobject.readOne(doc.body.decode()).vevent_list
    assert sorted(a.trigger.value for a in other.valarm_list) == triggers


def test_a_feed_without_reminders_has_no_alarms() -> None:
    doc = render_feed(replace(SPEC, reminders=()), [contest()], HOST, LABELS, NOW)
    assert b"BEGIN:VALARM" not in doc.body


def test_a_cancelled_contest_is_marked_cancelled_without_alarms() -> None:
    doc = render_feed(SPEC, [contest(cancelled=True, sequence=3)], HOST, LABELS, NOW)
    (event,) = Calendar.from_ical(doc.body).walk("VEVENT")
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 3
    assert not event.walk("VALARM")
    (other,) = vobject.readOne(doc.body.decode()).vevent_list
    assert other.status.value == "CANCELLED"


def test_a_moved_contest_keeps_its_uid_with_the_new_time_and_sequence() -> None:
    before = render_feed(SPEC, [contest(sequence=0)], HOST, LABELS, NOW)
    moved = contest(start=NOW + timedelta(days=3), sequence=1)
    after = render_feed(SPEC, [moved], HOST, LABELS, NOW)
    (old,) = by_uid_icalendar(before).items()
    (new,) = by_uid_icalendar(after).items()
    assert old[0] == new[0]
    assert new[1].decoded("DTSTART") == NOW + timedelta(days=3)  # type: ignore[attr-defined]
    assert new[1]["SEQUENCE"] > old[1]["SEQUENCE"]  # type: ignore[index]
    assert before.etag != after.etag


def test_same_contests_give_the_same_bytes_and_etag() -> None:
    first = render_feed(SPEC, [contest()], HOST, LABELS, NOW)
    later = render_feed(SPEC, [contest()], HOST, LABELS, NOW + timedelta(minutes=20))
    assert first.body == later.body
    assert first.etag == later.etag
    assert first.etag.startswith('"') and first.etag.endswith('"')


def test_awkward_titles_survive_escaping_and_line_folding() -> None:
    title = "Round; with, commas \\ backslash — and a very long name " + "x" * 120
    doc = render_feed(SPEC, [contest(title=title)], HOST, LABELS, NOW)
    assert all(len(line) <= 75 for line in doc.body.split(b"\r\n"))
    (event,) = Calendar.from_ical(doc.body).walk("VEVENT")
    assert event["SUMMARY"] == f"[Codeforces] {title}"
    (other,) = vobject.readOne(doc.body.decode()).vevent_list
    assert other.summary.value == f"[Codeforces] {title}"


def test_a_contest_without_length_has_no_dtend() -> None:
    doc = render_feed(SPEC, [contest(minutes=0)], HOST, LABELS, NOW)
    (event,) = Calendar.from_ical(doc.body).walk("VEVENT")
    assert "DTEND" not in event
    assert event.decoded("DTSTART") == contest().starts_at


def test_an_empty_feed_is_a_valid_calendar() -> None:
    doc = render_feed(SPEC, [], HOST, LABELS, NOW)
    assert Calendar.from_ical(doc.body).walk("VEVENT") == []
    assert vobject.readOne(doc.body.decode()).contents.get("vevent") is None


def test_last_modified_is_the_latest_change_or_window_entry() -> None:
    changed = contest()
    assert render_feed(SPEC, [changed], HOST, LABELS, NOW).last_modified == changed.updated_at
    far = contest(start=NOW + FEED_AHEAD - timedelta(hours=1))
    entered = far.starts_at - FEED_AHEAD
    assert render_feed(SPEC, [changed, far], HOST, LABELS, NOW).last_modified == entered


def test_cached_document_reads_back_unchanged() -> None:
    doc = render_feed(SPEC, [contest()], HOST, LABELS, NOW)
    assert FeedDocument.decode(doc.encode()) == doc


def test_variant_differs_by_platforms_and_reminders() -> None:
    variants = {
        SPEC.variant,
        replace(SPEC, reminders=(10,)).variant,
        replace(SPEC, platforms=("codeforces",)).variant,
        FeedSpec(name="All contests (ContestSync)", platforms=None).variant,
    }
    assert len(variants) == 4
