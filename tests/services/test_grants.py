"""Secrets fail safe and deletion always completes: Google cleanups, the key check, key rotation,
notice retention, links that are only http(s), and admin rights."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from telegram import User

from backend.worker.jobs import prune_expired
from backend.worker.settings import build_worker
from bot.telegram.translate import is_admin
from shared.calendar.plan import build_event
from shared.config import Settings
from shared.crypto import TokenCipher
from shared.db import notices as nq
from shared.db import users as uq
from shared.errors import StartupError
from shared.models import StoredContest, safe_link
from shared.resources import Resources
from shared.services.grants import (
    CleanupOutcome,
    carry_out_cleanup,
    check_encryption_key,
    rotate_keys,
)
from shared.services.sync import delete_user_data
from tests.factories import connect_user, process_env
from tests.fakes.google import FakeGoogle
from tests.process import contestsync

KEY_A = "22" * 32  # the test settings' ENCRYPTION_KEY
KEY_B = "ab" * 32


async def run_jobs(res: Resources) -> None:
    worker = build_worker(res, burst=True, handle_signals=False)
    worker.cron_jobs = []
    await worker.main()
    await worker.close()


def revokes(fake: FakeGoogle) -> list[int | None]:
    return [c.status for c in fake.calls if c.path == "/revoke"]


# --- deletion while Google is down ----------------------------------------------------------------


async def test_deleteme_with_google_down_removes_the_data_at_once_and_revokes_later_once(
    res: Resources, fake_google: FakeGoogle
) -> None:
    user_id = await connect_user(res, fake_google)
    calendar = fake_google.add_calendar("alice-sub")
    await uq.update_calendar_id(res.db.write, user_id, calendar.id)
    fake_google.fail_next("/revoke", 503, times=3)

    released = await delete_user_data(res.db, res.valkey, res.arq, user_id)

    assert released.done and released.google_pending
    for table in ("users", "identities", "calendar_events"):
        assert await res.db.write.fetchval(f"SELECT count(*) FROM {table}") == 0, table
    [cleanup_id] = [r["id"] for r in await res.db.write.fetch("SELECT id FROM google_cleanups")]
    await run_jobs(res)  # the first attempt: Google answers 503
    assert revokes(fake_google) == [503]
    row = await res.db.write.fetchrow(
        "SELECT attempts, next_attempt_at, done_at, last_error FROM google_cleanups"
    )
    assert row is not None and row["done_at"] is None and row["attempts"] == 1
    assert "Google unavailable" in row["last_error"]
    assert row["next_attempt_at"] > datetime.now(UTC)  # backs off

    now = datetime.now(UTC)
    for minutes in (1, 3):  # Google still down, then back
        later = now + timedelta(minutes=minutes)
        await carry_out_cleanup(res, cleanup_id, now=later)
    final = await carry_out_cleanup(res, cleanup_id, now=now + timedelta(minutes=30))

    assert final.outcome is CleanupOutcome.DONE and final.calendar_deleted
    assert revokes(fake_google) == [503, 503, 503, 200]
    assert calendar.id not in fake_google.calendars
    done = await res.db.write.fetchrow("SELECT refresh_token_enc, notify FROM google_cleanups")
    assert done is not None and done["refresh_token_enc"] is None and done["notify"] == "[]"
    told = await res.db.write.fetch("SELECT chat_id, body FROM notices WHERE user_id IS NULL")
    assert [(t["chat_id"], t["body"]) for t in told] == [
        (
            "1001",
            "Done: ContestSync's access to your Google account is revoked, and the "
            '"Contests" calendar is deleted.',
        )
    ]
    again = await carry_out_cleanup(res, cleanup_id, now=now + timedelta(hours=2))
    assert again.outcome is CleanupOutcome.NOT_DUE
    assert revokes(fake_google) == [503, 503, 503, 200]  # exactly one successful revocation


async def test_the_sweeper_carries_out_a_cleanup_whose_enqueue_was_lost(
    res: Resources, fake_google: FakeGoogle
) -> None:
    user_id = await connect_user(res, fake_google)
    await delete_user_data(res.db, res.valkey, res.arq, user_id)
    await res.arq.flushdb()  # the fast-path job is lost (as if Valkey had dropped it)

    worker = build_worker(res, burst=True, handle_signals=False)
    worker.cron_jobs = [c for c in worker.cron_jobs if c.name == "cron:sweep_cleanups"]
    await worker.main()
    await worker.close()

    assert revokes(fake_google) == [200]


async def test_a_cleanup_gives_up_after_a_week_and_says_how_to_revoke_by_hand(
    res: Resources, fake_google: FakeGoogle
) -> None:
    user_id = await connect_user(res, fake_google)
    await delete_user_data(res.db, res.valkey, res.arq, user_id)
    cleanup_id = await res.db.write.fetchval("SELECT id FROM google_cleanups")
    fake_google.fail_next("/revoke", 503, times=1)

    attempt = await carry_out_cleanup(res, cleanup_id, now=datetime.now(UTC) + timedelta(days=8))

    assert attempt.outcome is CleanupOutcome.GAVE_UP
    body = await res.db.write.fetchval("SELECT body FROM notices WHERE user_id IS NULL")
    assert "myaccount.google.com/permissions" in body


# --- a wrong ENCRYPTION_KEY -----------------------------------------------------------------------


async def test_start_up_refuses_a_key_that_opens_no_stored_grant(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await connect_user(res, fake_google)
    await check_encryption_key(res.db, res.cipher)  # the right key passes
    res.cipher = TokenCipher.from_hex(KEY_B)
    with pytest.raises(StartupError, match="cannot decrypt any of 1 stored Google grants"):
        await check_encryption_key(res.db, res.cipher)
    res.cipher = TokenCipher.from_hex(KEY_B, [KEY_A])  # the old key listed: fine
    await check_encryption_key(res.db, res.cipher)


async def test_a_process_started_with_a_wrong_key_exits_in_one_line_and_changes_nothing(
    res: Resources, settings: Settings, fake_google: FakeGoogle, tmp_path: Path
) -> None:
    user_id = await connect_user(res, fake_google)
    before = await res.db.write.fetchval(
        "SELECT refresh_token_enc FROM users WHERE id = $1", user_id
    )
    env = process_env(settings, tmp_path, ENCRYPTION_KEY=KEY_B)
    async with contestsync(env, "worker", log=tmp_path / "worker.log") as proc:
        code = await proc.wait(60)
    lines = [line for line in proc.output().splitlines() if line.startswith("contestsync")]
    assert code == 1
    assert len(lines) == 1 and "ENCRYPTION_KEY cannot decrypt" in lines[0]
    after = await res.db.write.fetchrow(
        "SELECT refresh_token_enc, google_status FROM users WHERE id = $1", user_id
    )
    assert after is not None and (after["refresh_token_enc"], after["google_status"]) == (
        before,
        "active",
    )


async def test_rotate_keys_reseals_every_grant_under_the_current_key(
    res: Resources, fake_google: FakeGoogle
) -> None:
    ids = [
        await connect_user(res, fake_google, sub="alice-sub", chat_user="1001"),
    ]
    fake_google.add_account("bob-sub", "bob@example.com")
    ids.append(await connect_user(res, fake_google, sub="bob-sub", chat_user="2002"))
    plain = {
        r["id"]: res.cipher.decrypt(r["refresh_token_enc"], r["id"])
        for r in await res.db.write.fetch("SELECT id, refresh_token_enc FROM users")
    }
    res.cipher = TokenCipher.from_hex(KEY_B, [KEY_A])

    done = await rotate_keys(res.db, res.cipher)

    assert (done.rotated, done.current, done.unreadable) == (2, 0, 0)
    only_new = TokenCipher.from_hex(KEY_B)
    for row in await res.db.write.fetch("SELECT id, refresh_token_enc FROM users"):
        assert not only_new.needs_rotation(row["refresh_token_enc"])
        assert only_new.decrypt(row["refresh_token_enc"], row["id"]) == plain[row["id"]]
    assert (await rotate_keys(res.db, res.cipher)).current == 2  # a second run has nothing to do


# --- smaller findings -----------------------------------------------------------------------------


async def test_notices_are_kept_only_for_a_while(res: Resources, fake_google: FakeGoogle) -> None:
    user_id = await connect_user(res, fake_google)
    old, fresh = datetime.now(UTC) - timedelta(days=20), datetime.now(UTC)
    sent = await nq.insert_notice(
        res.db.write, user_id, "telegram", "1001", "x", "Connected as a@b"
    )
    unsent = await nq.insert_notice(res.db.write, user_id, "telegram", "1001", "x", "old, unsent")
    kept = await nq.insert_notice(res.db.write, user_id, "telegram", "1001", "x", "fresh")
    await nq.mark_notice_sent(res.db.write, sent, old)
    await res.db.write.execute("UPDATE notices SET created_at = $2 WHERE id = $1", unsent, old)
    await nq.mark_notice_sent(res.db.write, kept, fresh)

    await prune_expired({"res": res})

    left = [r["id"] for r in await res.db.write.fetch("SELECT id FROM notices")]
    assert left == [kept]


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://codeforces.com/contest/1", "https://codeforces.com/contest/1"),
        ("http://example.org/x", "http://example.org/x"),
        ("javascript:alert(1)", None),
        ("data:text/html,hi", None),
        ("https:///nohost", None),
        ("https://a.b/x y", None),
        ("", None),
    ],
)
def test_only_http_links_become_links(url: str, link: str | None) -> None:
    assert safe_link(url) == link
    contest = StoredContest(
        id=1,
        platform="codeforces",
        external_id="1",
        title="Round",
        url=url,
        starts_at=datetime(2030, 1, 1, tzinfo=UTC),
        ends_at=datetime(2030, 1, 1, 2, tzinfo=UTC),
        cancelled_at=None,
    )
    body = build_event(contest, "Codeforces", (10,)).body
    assert body["location"] == (link or "")
    assert ("source" in body) == (link is not None)
    assert "javascript:" not in body["description"]


def test_admin_rights_come_only_from_admin_telegram_ids() -> None:
    # Before, anyone speaking in the maintainers' group (TELEGRAM_GROUP_ID) counted as an admin.
    member = User(42, "Member", is_bot=False)
    admin = User(7, "Admin", is_bot=False)
    assert not is_admin(member, [7])
    assert is_admin(admin, [7])


async def test_the_rotate_keys_command_reseals_and_the_old_key_can_go(
    res: Resources, settings: Settings, fake_google: FakeGoogle, tmp_path: Path
) -> None:
    user_id = await connect_user(res, fake_google)
    env = process_env(settings, tmp_path, ENCRYPTION_KEY=KEY_B, ENCRYPTION_OLD_KEYS=KEY_A)
    async with contestsync(env, "rotate-keys", log=tmp_path / "rotate.log") as proc:
        code = await proc.wait(60)
    assert code == 0, proc.output()
    assert "re-encrypted 1 grant(s) under the current key" in proc.output()
    sealed = await res.db.write.fetchval(
        "SELECT refresh_token_enc FROM users WHERE id = $1", user_id
    )
    assert TokenCipher.from_hex(KEY_B).decrypt(sealed, user_id)
