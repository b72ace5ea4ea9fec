"""One person, many chats, with the owner's consent: approving a chat that asks to join an
account, and removing a linked chat.

A chat identity that signs in with a Google account already held by another user never joins it
by itself: `request_approval` asks that user's chats (buttons valid `APPROVAL_TTL`), and only
`decide_link` by one of them moves the identity over. Any chat of a user can see the others
(/status) and remove them (`remove_identity`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

import asyncpg
from arq.connections import ArqRedis

from shared.db import approvals as aq
from shared.db import users as uq
from shared.db.approvals import LinkApproval
from shared.db.pools import Database
from shared.messaging import Messenger
from shared.models import Identity
from shared.services.grants import CleanupReason, record_cleanup, start_cleanups

log = logging.getLogger(__name__)

APPROVAL_TTL = timedelta(minutes=10)
APPROVE_PREFIX = "la"
UNLINK_PREFIX = "ul"
_CHAT_NAMES = {"telegram": "Telegram", "discord": "Discord"}


class LinkDecision(StrEnum):
    """How a press of Approve / Deny ended."""

    APPROVED = "approved"
    DENIED = "denied"
    EXPIRED = "expired"
    ALREADY_DECIDED = "already_decided"
    NOT_YOURS = "not_yours"
    GONE = "gone"


@dataclass(frozen=True, slots=True)
class DecisionResult:
    """The decision and a message for the person who pressed."""

    decision: LinkDecision
    message: str


def chat_label(identity: Identity) -> str:
    """'Telegram user @ada' (or the numeric id when there is no username)."""
    chat = _CHAT_NAMES.get(identity.chat_platform, identity.chat_platform)
    who = f"@{identity.username}" if identity.username else identity.external_user_id
    return f"{chat} user {who}"


def approval_buttons(approval_id: int) -> tuple[tuple[tuple[str, str], ...], ...]:
    """Approve / Deny buttons of a request (callback data stays far below 64 bytes)."""
    return (
        (
            ("Approve", f"{APPROVE_PREFIX}:y:{approval_id}"),
            ("Deny", f"{APPROVE_PREFIX}:n:{approval_id}"),
        ),
    )


async def request_approval(
    conn: asyncpg.Connection, requester: Identity, owner_id: int, now: datetime
) -> LinkApproval:
    """Open a request for `requester` to join user `owner_id` (in the caller's transaction)."""
    return await aq.insert_approval(
        conn,
        owner_id,
        requester.chat_platform,
        requester.external_user_id,
        now,
        now + APPROVAL_TTL,
    )


async def announce_approval(
    messenger: Messenger, approval: LinkApproval, requester: Identity, email: str
) -> None:
    """Ask the owner's chats to approve, and tell the requesting chat it is waiting."""
    label = chat_label(requester)
    await messenger.notify_user(
        approval.target_user_id,
        "link_request",
        f"{label} signed in with your Google account ({email}) and asks to join your "
        "ContestSync account. Approve only if that is you: that chat would see and change your "
        "settings and your calendar. This request expires in 10 minutes.",
        approval_buttons(approval.id),
    )
    await messenger.notify_chat(
        requester.chat_platform,
        requester.chat_id,
        "link_waiting",
        "That Google account is already connected to ContestSync from another chat. We asked "
        "there to approve this chat; nothing is linked until someone does (within 10 minutes).",
    )
    log.info("link request %d opened for user %d", approval.id, approval.target_user_id)


async def decide_link(
    db: Database,
    arq: ArqRedis,
    messenger: Messenger,
    approval_id: int,
    presser_platform: str,
    presser_user: str,
    approve: bool,
    now: datetime | None = None,
) -> DecisionResult:
    """Approve or deny a request, pressed by a chat of the account it asks to join."""
    now = now or datetime.now(UTC)
    cleanup: int | None = None
    async with db.write.acquire() as conn, conn.transaction():
        approval = await aq.get_approval_for_update(conn, approval_id)
        if approval is None:
            return DecisionResult(LinkDecision.GONE, "This request no longer exists.")
        presser = await uq.get_identity(conn, presser_platform, presser_user)
        if presser is None or presser.user_id != approval.target_user_id:
            return DecisionResult(
                LinkDecision.NOT_YOURS, "Only a chat of the account being joined can decide."
            )
        if approval.decided_at is not None:
            return DecisionResult(
                LinkDecision.ALREADY_DECIDED, f"This request was already {approval.decision}."
            )
        if approval.expires_at <= now:
            await aq.update_decision(conn, approval.id, "denied", now)
            return DecisionResult(
                LinkDecision.EXPIRED,
                "This request expired, so nothing was linked. The other chat can use /connect "
                "again.",
            )
        requester = await uq.get_identity(conn, approval.chat_platform, approval.external_user_id)
        if requester is None:
            return DecisionResult(LinkDecision.GONE, "That chat no longer uses ContestSync.")
        if not approve:
            await aq.update_decision(conn, approval.id, "denied", now)
        else:
            await aq.update_decision(conn, approval.id, "approved", now)
            old_user = requester.user_id
            if old_user != approval.target_user_id:
                await uq.move_identity(conn, requester, approval.target_user_id)
                orphan = await uq.delete_orphan_user(conn, old_user)
                if orphan is not None:
                    cleanup = await record_cleanup(
                        conn, orphan, CleanupReason.REPLACED_USER, delete_calendar=True, now=now
                    )
    label = chat_label(requester)
    if not approve:
        await messenger.notify_chat(
            requester.chat_platform,
            requester.chat_id,
            "link_denied",
            "Your request to join the ContestSync account of that Google account was declined.",
        )
        log.info("link request %d denied", approval.id)
        return DecisionResult(LinkDecision.DENIED, f"Declined: {label} was not linked.")
    await start_cleanups(arq, [cleanup])
    await messenger.notify_user(
        approval.target_user_id,
        "link_joined",
        f"{label} is now linked to this ContestSync account. /status lists every linked chat; "
        "remove one there.",
    )
    log.info("link request %d approved", approval.id)
    return DecisionResult(LinkDecision.APPROVED, f"Approved: {label} is now linked.")


async def remove_identity(
    db: Database,
    messenger: Messenger,
    presser_platform: str,
    presser_user: str,
    target_platform: str,
    target_user: str,
) -> str:
    """Unlink another chat of the presser's account (it gets an account of its own, empty)."""
    async with db.write.acquire() as conn, conn.transaction():
        presser = await uq.get_identity(conn, presser_platform, presser_user)
        target = await uq.get_identity(conn, target_platform, target_user)
        if presser is None or target is None or target.user_id != presser.user_id:
            return "That chat is not linked to your account (any more)."
        if (target.chat_platform, target.external_user_id) == (
            presser.chat_platform,
            presser.external_user_id,
        ):
            return "You cannot remove the chat you are using; use /deleteme to remove everything."
        await uq.detach_identity(conn, target)
    await messenger.notify_chat(
        target.chat_platform,
        target.chat_id,
        "link_removed",
        "This chat was unlinked from its ContestSync account by another chat of that account. "
        "It now starts fresh: use /connect to link a Google Calendar.",
    )
    log.info("a %s identity was unlinked by another chat of its user", target.chat_platform)
    return f"Removed: {chat_label(target)} is no longer linked to your account."
