"""The Telegram front end: updates in as Invocations, dispatch, Replies out as messages.

This is the chat boundary: dispatch applies the one error policy to commands; everything around
it here (translating, rendering, sending) is caught too, logged with an error id and answered, so
no update leaves the bot stuck. Every command gets one message back and every button press is
answered (answerCallbackQuery), even on errors.
"""

from __future__ import annotations

import asyncio
import logging
import time

from telegram import CallbackQuery, Chat, ChatMember, Message, Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ContextTypes

from bot.core.dispatch import dispatch, resolve
from bot.core.errors import log_failure, new_error_id, render_apology
from bot.core.registry import Registry
from bot.core.types import SYNC_WAIT, Context, Invocation, Memory, Reply
from bot.telegram.admins import TelegramChatAdmins
from bot.telegram.render import build_capabilities, render_markup, render_toast
from bot.telegram.translate import (
    build_button_invocation,
    build_command_invocation,
    is_private,
    parse_command,
)
from shared.messaging.telegram import TelegramSender
from shared.resources import Resources

log = logging.getLogger(__name__)

TEXT_HINT = "I answer commands — send /help to see them."


class TelegramHandlers:
    """The update callbacks of the Application, around one registry and one sender."""

    def __init__(
        self,
        res: Resources,
        registry: Registry,
        sender: TelegramSender,
        *,
        sync_wait: float = SYNC_WAIT,
    ) -> None:
        self.res = res
        self.registry = registry
        self.sender = sender
        self.bot_username: str | None = None
        self.sync_wait = sync_wait
        self._memory = Memory()  # shared by every handler context (see bot.core.types.Memory)
        self._admins = frozenset(res.settings.ADMIN_TELEGRAM_IDS)
        self._background: set[asyncio.Task[None]] = set()

    def note_reachable(self, user_id: int | str) -> None:
        """The user wrote to us in private: clear a "blocked" mark, off the reply's path."""
        task = asyncio.create_task(self.sender.record_reachable(user_id))
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def drain(self, grace: float) -> None:
        """Wait (up to `grace` s) for background bookkeeping before shutting down."""
        if self._background:
            await asyncio.wait(set(self._background), timeout=grace)

    def context(self) -> Context:
        """A handler context: Telegram's capabilities and the bot's shared memory."""
        return Context(
            self.res, build_capabilities(self.bot_username), self._memory, self.sync_wait
        )

    # ------------------------------------------------------------ updates

    async def on_command(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        """A message starting with /command."""
        message = update.message
        if message is None or not message.text:
            return
        parsed = parse_command(message.text, self.bot_username)
        if parsed is None:
            return  # addressed to another bot
        inv = build_command_invocation(message, parsed, admin_ids=self._admins)
        if inv is None:
            return
        if not inv.is_private and not parsed.addressed and self.registry.get(parsed.name) is None:
            return  # in a shared group, an unknown bare /command is probably another bot's
        if inv.is_private:
            self.note_reachable(inv.user_id)
        thread = message.message_thread_id if message.is_topic_message else None
        await self.answer_command(message.chat.id, inv, thread)

    async def on_button(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        """A press on one of our inline buttons."""
        query = update.callback_query
        if query is None:
            return
        inv = build_button_invocation(query, admin_ids=self._admins)
        if inv is None:
            await self._answer_query(query, None)
            return
        if inv.is_private:
            self.note_reachable(inv.user_id)
        await self.answer_press(query, inv)

    async def on_text(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        """Plain text in a private chat: point at /help."""
        message = update.message
        if message is None or not is_private(message.chat):
            return
        self.note_reachable(message.chat.id)  # a private chat's id is its user's id
        try:
            await self.sender.send_message(message.chat.id, TEXT_HINT)
        except TelegramError as exc:
            log.warning("telegram: text hint not sent: %s", exc.__class__.__name__)

    async def on_membership(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        """The user blocked (or unblocked) the bot in their private chat."""
        change = update.my_chat_member
        if change is None or change.chat.type != Chat.PRIVATE:
            return
        status = change.new_chat_member.status
        if status in (ChatMember.BANNED, ChatMember.LEFT):
            await self.sender.record_blocked(change.chat.id)
        elif status == ChatMember.MEMBER:
            await self.sender.record_reachable(change.chat.id, recheck=True)

    async def on_migration(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        """A group became a supergroup: follow it to its new id."""
        message = update.message
        if message is not None and message.migrate_to_chat_id:
            await self.sender.record_migration(message.chat.id, message.migrate_to_chat_id)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Errors that escaped a callback (should not happen: each one catches its own)."""
        error_id = new_error_id()
        log.error(
            "telegram: unhandled %s (error %s)",
            context.error.__class__.__name__,
            error_id,
            exc_info=context.error,
        )

    # ------------------------------------------------------------ answering

    async def answer_command(
        self, chat_id: int, inv: Invocation, thread_id: int | None = None
    ) -> None:
        """Dispatch a command and send its reply (then its follow-up, as an edit); in a forum
        group the reply stays in the command's topic."""
        started = time.monotonic()
        ctx = self.context()
        if not inv.is_private:  # group commands may ask who administers the group
            ctx.chat_admins = TelegramChatAdmins(self.sender.bot, chat_id)
        try:
            reply = await dispatch(ctx, self.registry, inv)
            sent = await self._send(chat_id, reply, thread_id)
            self._count(inv, started)  # metrics
        except Forbidden:
            return  # the sender marked the chat blocked; nobody to answer
        except Exception:  # boundary: the user gets an answer whatever failed
            await self._answer_error(chat_id, inv)
            return
        await self._follow_up(inv, reply, chat_id, sent.message_id)

    async def answer_press(self, query: CallbackQuery, inv: Invocation) -> None:
        """Dispatch a press, answer the query (with the reply's notice), then render the reply."""
        message = query.message
        chat_id = message.chat.id if message is not None else query.from_user.id
        started = time.monotonic()
        try:
            reply = await dispatch(self.context(), self.registry, inv)
        except Exception:  # boundary: dispatch should not raise, but the press is answered anyway
            await self._answer_query(query, None)
            await self._answer_error(chat_id, inv)
            return
        await self._answer_query(query, reply.toast)
        try:
            message_id = await self._render_press(query, chat_id, reply)
            self._count(inv, started)  # metrics
        except Forbidden:
            return
        except Exception:  # boundary: the user is told, whatever failed
            await self._answer_error(chat_id, inv)
            return
        await self._follow_up(inv, reply, chat_id, message_id)

    async def _render_press(self, query: CallbackQuery, chat_id: int, reply: Reply) -> int:
        """Edit the pressed message in place when asked (and possible), else send a new one."""
        message = query.message
        if reply.edit and message is not None and message.is_accessible:
            try:
                await self.sender.edit_message(
                    message.chat.id,
                    message.message_id,
                    reply.text,
                    reply_markup=render_markup(reply.buttons),
                    disable_preview=reply.disable_preview,
                )
                return message.message_id
            except BadRequest as exc:
                # Too old to edit, or deleted meanwhile: answer with a new message instead.
                log.info("telegram: edit refused (%s); sending anew", exc.__class__.__name__)
        return (await self._send(chat_id, reply)).message_id

    async def _follow_up(
        self, inv: Invocation, reply: Reply, chat_id: int, message_id: int
    ) -> None:
        """Await a reply's follow-up and put its result in place of the message just sent."""
        if reply.followup is None:
            return
        try:
            result = await reply.followup()
            if result is None:
                return
            try:
                await self.sender.edit_message(
                    chat_id,
                    message_id,
                    result.text,
                    reply_markup=render_markup(result.buttons),
                    disable_preview=result.disable_preview,
                )
            except BadRequest:
                await self._send(chat_id, result)
        except Forbidden:
            return
        except Exception:  # boundary: a failed follow-up must not take the bot down
            await self._answer_error(chat_id, inv)

    # ------------------------------------------------------------ sending

    async def _send(self, chat_id: int, reply: Reply, thread_id: int | None = None) -> Message:
        return await self.sender.send_message(
            chat_id,
            reply.text,
            reply_markup=render_markup(reply.buttons),
            disable_preview=reply.disable_preview,
            thread_id=thread_id,
        )

    async def _send_plain(self, chat_id: int, text: str) -> None:
        try:
            await self.sender.send_message(chat_id, text)
        except TelegramError as exc:
            log.warning("telegram: error message not sent either: %s", exc.__class__.__name__)

    async def _answer_error(self, chat_id: int, inv: Invocation) -> None:
        await self._send_plain(chat_id, render_apology(log_failure(inv, "answering", log)))

    async def _answer_query(self, query: CallbackQuery, toast: str | None) -> None:
        try:
            await self.sender.bot.answer_callback_query(query.id, text=render_toast(toast))
        except TelegramError as exc:
            # Usually a press older than Telegram's answer window; nothing left to do.
            log.info("telegram: button press not answered: %s", exc.__class__.__name__)

    def _count(self, inv: Invocation, started: float) -> None:
        """Updates and reply latency by command (unknown names share one label)."""
        command = resolve(self.registry, inv)
        label = command.name if command is not None else "other"
        metrics = self.res.metrics
        metrics.bot_updates.labels("telegram", label).inc()
        metrics.bot_reply_seconds.labels("telegram", label).observe(time.monotonic() - started)
