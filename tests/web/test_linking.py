"""Consented linking and no dangling grants, over real HTTP against the fake Google.

The attack this guards against: a person forwards their own /connect link to someone else, who
opens it and consents with a Google account that is already connected; before, the forwarder's
chat silently joined that account (and could read its email and delete its calendar).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backend.worker.settings import build_worker
from bot.core.commands import build_registry
from bot.core.dispatch import dispatch
from bot.core.types import ChatPlatform, Context, Invocation, Reply
from shared.db import users as uq
from shared.resources import Resources
from shared.services.connect import create_connect_link
from shared.services.linking import LinkDecision, decide_link
from tests.fakes.google import FakeGoogle
from tests.web.test_oauth import Browser, browser, google_state, server, user_of

__all__ = ["browser", "server"]  # fixtures used here

VICTIM, ATTACKER = "111", "666"
USERNAMES = {VICTIM: "victim", ATTACKER: "mallory"}


async def bot(res: Resources, user: str, text: str = "", *, callback: str | None = None) -> Reply:
    """A command or a button press in a user's private Telegram chat."""
    name, *args = text.removeprefix("/").split() if text else ("",)
    inv = Invocation(
        ChatPlatform.TELEGRAM,
        user,
        user,
        name,
        tuple(args),
        callback=callback,
        username=USERNAMES[user],
    )
    return await dispatch(Context(res), build_registry(), inv)


async def run_jobs(res: Resources) -> None:
    worker = build_worker(res, burst=True, handle_signals=False)
    worker.cron_jobs = []
    await worker.main()
    await worker.close()


def revoked_tokens(fake: FakeGoogle) -> list[str]:
    return [
        str((c.body or {}).get("token"))
        for c in fake.calls
        if c.path == "/revoke" and c.status == 200
    ]


async def connected_victim(res: Resources, browser: Browser) -> int:
    link = await create_connect_link(res.db, res.settings, "telegram", VICTIM, VICTIM, "victim")
    _, page = await browser.walk(link.url)
    assert page.status == 200, page.text
    return await user_of(res, "telegram", VICTIM)


async def test_a_forwarded_connect_link_hands_no_account_over(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    victim = await connected_victim(res, browser)
    calendar = (await uq.get_user(res.db.write, victim)).calendar_id  # type: ignore[union-attr]
    forwarded = await create_connect_link(
        res.db, res.settings, "telegram", ATTACKER, ATTACKER, "mallory"
    )
    before = await google_state(res)

    # The victim opens the forwarded link: the page names the attacker's chat...
    shown = await browser.view_link(forwarded.url)
    assert "Connect Google Calendar to Telegram user @mallory?" in shown.text
    # ...and if they go on and consent with their (already connected) Google account:
    _, page = await browser.walk(forwarded.url)

    assert page.status == 200 and "Waiting for approval" in page.text
    assert await google_state(res) == before  # nothing linked
    status = await bot(res, ATTACKER, "/status")
    assert "alice@example.com" not in status.text and "not connected" in status.text
    # The victim is asked in their own chat; a forged press from the attacker is refused.
    request_id = await res.db.write.fetchval("SELECT id FROM link_approvals")
    forged = await bot(res, ATTACKER, callback=f"la:y:{request_id}")
    assert "Only a chat of the account" in forged.text
    assert await user_of(res, "telegram", ATTACKER) != victim
    # The attacker's /deleteme deletes only the attacker.
    await bot(res, ATTACKER, callback="del:yes")
    await run_jobs(res)
    user = await uq.get_user(res.db.write, victim)
    assert user is not None and user.connected and user.google_email == "alice@example.com"
    assert calendar in fake_google.calendars
    assert await uq.get_identity(res.db.write, "telegram", VICTIM) is not None


async def test_the_owner_denies_and_nothing_is_linked(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    victim = await connected_victim(res, browser)
    link = await create_connect_link(
        res.db, res.settings, "telegram", ATTACKER, ATTACKER, "mallory"
    )
    await browser.walk(link.url)
    request_id = await res.db.write.fetchval("SELECT id FROM link_approvals")

    reply = await bot(res, VICTIM, callback=f"la:n:{request_id}")

    assert reply.edit and "Declined" in reply.text
    assert await user_of(res, "telegram", ATTACKER) != victim
    told = await res.db.write.fetchval(
        "SELECT body FROM notices WHERE kind = 'link_denied' AND chat_id = $1", ATTACKER
    )
    assert told is not None and "declined" in told
    again = await bot(res, VICTIM, callback=f"la:y:{request_id}")
    assert "already denied" in again.text
    assert await user_of(res, "telegram", ATTACKER) != victim


async def test_an_expired_request_cannot_be_approved(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    victim = await connected_victim(res, browser)
    link = await create_connect_link(res.db, res.settings, "discord", "999", "dm-999", "ada")
    await browser.walk(link.url)
    request_id = await res.db.write.fetchval("SELECT id FROM link_approvals")
    later = datetime.now(UTC) + timedelta(minutes=11)

    result = await decide_link(
        res.db, res.arq, res.messenger, request_id, "telegram", VICTIM, approve=True, now=later
    )

    assert result.decision is LinkDecision.EXPIRED
    assert await user_of(res, "discord", "999") != victim


async def test_approved_chat_is_listed_by_status_and_can_be_removed(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    victim = await connected_victim(res, browser)
    link = await create_connect_link(res.db, res.settings, "discord", "999", "dm-999", "ada")
    await browser.walk(link.url)
    request_id = await res.db.write.fetchval("SELECT id FROM link_approvals")
    approved = await bot(res, VICTIM, callback=f"la:y:{request_id}")
    assert "Approved: Discord user @ada is now linked" in approved.text

    status = await bot(res, VICTIM, "/status")

    assert "Linked chats: Discord user @ada; Telegram user @victim (this chat)" in status.text
    [[removal]] = status.buttons
    assert removal.data == "ul:discord:999"
    removed = await bot(res, VICTIM, callback="ul:discord:999")
    assert "no longer linked" in removed.text
    assert await user_of(res, "discord", "999") != victim
    user = await uq.get_user(res.db.write, victim)
    assert user is not None and user.connected  # the remaining chat keeps everything


async def test_grants_given_up_on_a_refused_scope_or_unverified_email_are_revoked(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    link = await create_connect_link(res.db, res.settings, "telegram", VICTIM, VICTIM)
    start = await browser.open_link(link.url)
    fake_google.next_consent = ("alice-sub", "approve_without_calendar")
    callback = await browser.consent(start.headers["Location"])
    page = await browser.get(callback)
    assert page.status == 400
    fake_google.add_account("bob-sub", "bob@example.com", email_verified=False)
    fake_google.next_consent = ("bob-sub", "approve")
    link = await create_connect_link(res.db, res.settings, "telegram", VICTIM, VICTIM)
    _, page = await browser.walk(link.url)
    assert page.status == 400

    await run_jobs(res)

    reasons = await res.db.write.fetch("SELECT reason, outcome FROM google_cleanups ORDER BY id")
    assert [(r["reason"], r["outcome"]) for r in reasons] == [
        ("refused", "done"),
        ("refused", "done"),
    ]
    assert len(revoked_tokens(fake_google)) == 2
    assert set(revoked_tokens(fake_google)) <= set(fake_google.issued_refresh_tokens())


async def test_reconnecting_with_another_account_revokes_the_old_and_deletes_its_calendar(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    user_id = await connected_victim(res, browser)
    old = await uq.get_user(res.db.write, user_id)
    assert old is not None and old.calendar_id in fake_google.calendars
    fake_google.add_account("bob-sub", "bob@example.com")
    fake_google.next_consent = ("bob-sub", "approve")
    link = await create_connect_link(res.db, res.settings, "telegram", VICTIM, VICTIM)

    _, page = await browser.walk(link.url)
    await run_jobs(res)

    assert page.status == 200, page.text
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None and user.google_email == "bob@example.com"
    assert old.calendar_id not in fake_google.calendars
    assert res.cipher.decrypt(old.refresh_token_enc or "", user_id) in revoked_tokens(fake_google)


async def test_a_user_replaced_when_its_chat_joins_another_has_its_grant_revoked(
    res: Resources, browser: Browser, fake_google: FakeGoogle
) -> None:
    owner = await connected_victim(res, browser)
    # The Discord chat first connected its own Google account (bob)...
    fake_google.add_account("bob-sub", "bob@example.com")
    fake_google.next_consent = ("bob-sub", "approve")
    link = await create_connect_link(res.db, res.settings, "discord", "999", "dm-999", "ada")
    await browser.walk(link.url)
    replaced = await uq.get_user(res.db.write, await user_of(res, "discord", "999"))
    assert replaced is not None and replaced.connected
    # ...then signs in with alice's account, and alice approves it.
    link = await create_connect_link(res.db, res.settings, "discord", "999", "dm-999", "ada")
    await browser.walk(link.url)
    request_id = await res.db.write.fetchval("SELECT id FROM link_approvals")
    await bot(res, VICTIM, callback=f"la:y:{request_id}")
    await run_jobs(res)

    assert await user_of(res, "discord", "999") == owner
    assert await uq.get_user(res.db.write, replaced.id) is None
    bob_token = res.cipher.decrypt(replaced.refresh_token_enc or "", replaced.id)
    assert bob_token in revoked_tokens(fake_google)
    assert replaced.calendar_id not in fake_google.calendars
