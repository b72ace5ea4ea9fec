"""Outbound chat messages to users: recorded in the notices outbox, delivered by chat senders.

Workers and the backend call `Messenger.notify_user`; the Telegram and Discord front ends register
a `ChatSender` for their chat platform. With no sender for a chat platform, the notice stays in
the outbox until one is running.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Protocol

from shared.db import notices as nq
from shared.db import users as uq
from shared.db.pools import Database
from shared.metrics import Metrics

log = logging.getLogger(__name__)


# Rows of (label, callback data) buttons under a notice, e.g. approve / deny a link request.
NoticeButtons = tuple[tuple[tuple[str, str], ...], ...]


# A notice is sent right after it is recorded; only older unsent ones are sent again.
REDELIVER_GRACE = timedelta(minutes=1)


class ChatSender(Protocol):
    """Delivers a plain-text message (with optional buttons) to one chat of one chat platform."""

    async def send_text(self, chat_id: str, text: str, buttons: NoticeButtons = ()) -> None:
        """Send or raise; the caller records the outcome."""
        ...


class Messenger:
    """Notifies every reachable chat of a user."""

    def __init__(
        self,
        db: Database,
        senders: Mapping[str, ChatSender] | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        self._db = db
        self.senders: dict[str, ChatSender] = dict(senders or {})
        self.metrics = metrics  # deliveries by chat platform and outcome, when set

    def register(self, chat_platform: str, sender: ChatSender) -> None:
        """Deliver this chat platform's messages through `sender` from now on (the only way a
        sender is set: a bot process registers its own, a web or worker process one of its
        own when the platform's token is set)."""
        self.senders[chat_platform] = sender

    def unregister(self, chat_platform: str, sender: ChatSender) -> None:
        """Stop using `sender` (a stopping bot); a sender registered since is left in place."""
        if self.senders.get(chat_platform) is sender:
            del self.senders[chat_platform]

    async def notify_user(
        self, user_id: int, kind: str, text: str, buttons: NoticeButtons = ()
    ) -> list[int]:
        """Record a notice for each of the user's chats and deliver it where a sender runs."""
        identities = [
            i for i in await uq.list_identities(self._db.write, user_id) if i.blocked_at is None
        ]
        ids = [
            await self._record_and_send(user_id, i.chat_platform, i.chat_id, kind, text, buttons)
            for i in identities
        ]
        if not identities:
            log.info("user %d has no reachable chat for a %s notice", user_id, kind)
        return ids

    async def notify_chat(
        self, chat_platform: str, chat_id: str, kind: str, text: str, buttons: NoticeButtons = ()
    ) -> int:
        """Record and deliver a notice to one chat (e.g. of a person whose data is deleted)."""
        return await self._record_and_send(None, chat_platform, chat_id, kind, text, buttons)

    async def _record_and_send(
        self,
        user_id: int | None,
        chat_platform: str,
        chat_id: str,
        kind: str,
        text: str,
        buttons: NoticeButtons,
    ) -> int:
        notice_id = await nq.insert_notice(
            self._db.write, user_id, chat_platform, chat_id, kind, text, buttons
        )
        sender = self.senders.get(chat_platform)
        if sender is None:
            return notice_id
        try:
            await sender.send_text(chat_id, text, buttons)
        except Exception as exc:  # boundary: a chat outage must not fail the caller
            log.warning(
                "notice %d to %s not delivered: %s",
                notice_id,
                chat_platform,
                exc.__class__.__name__,
            )
            await nq.mark_notice_failed(self._db.write, notice_id, exc.__class__.__name__)
            self._count(chat_platform, "failed")
        else:
            await nq.mark_notice_sent(self._db.write, notice_id, datetime.now(UTC))
            self._count(chat_platform, "sent")
        return notice_id

    async def redeliver(
        self,
        since: datetime,
        grace: timedelta = REDELIVER_GRACE,
        max_attempts: int = 10,
        limit: int = 200,
    ) -> int:
        """Send notices recorded while no sender ran (or that failed), for the chat platforms
        whose sender runs here; returns how many were delivered now. Notices younger than
        `grace` are left to the sender that recorded them (it may be sending them right now)."""
        if not self.senders:
            return 0
        before = datetime.now(UTC) - grace
        pending = await nq.list_unsent_notices(
            self._db.write, list(self.senders), since, before, max_attempts, limit
        )
        delivered = 0
        for notice in pending:
            sender = self.senders[notice.chat_platform]
            try:
                await sender.send_text(notice.chat_id, notice.body, notice.buttons)
            except Exception as exc:  # boundary: try again on the next round
                await nq.mark_notice_failed(self._db.write, notice.id, exc.__class__.__name__)
                self._count(notice.chat_platform, "failed")
            else:
                await nq.mark_notice_sent(self._db.write, notice.id, datetime.now(UTC))
                self._count(notice.chat_platform, "sent")
                delivered += 1
        if delivered:
            log.info("delivered %d notices kept in the outbox", delivered)
        return delivered

    def _count(self, channel: str, outcome: str) -> None:
        if self.metrics is not None:
            self.metrics.deliveries.labels(channel, outcome).inc()
