"""A fake of the Telegram Bot API that speaks the real wire format.

One aiohttp app answers ``/bot{token}/{method}`` (GET or POST; JSON, form-urlencoded or multipart
bodies, query-string parameters too) so the real python-telegram-bot can talk to it. Tests drive the
bot like users do (``user_message``, ``press_button``, ``deliver_webhook``) and read what it did
(``sent``, ``message``, ``calls``). Every call is recorded in ``FakeTelegram.calls``, failed
ones too.

Behaviour copied from Telegram (and easy to get wrong against a looser fake):

- Errors are ``{"ok": false, "error_code", "description"[, "parameters"]}`` with that HTTP status;
  descriptions are Telegram's (``Bad Request: message is not modified: ...``).
- Message text is measured after entity parsing (HTML tags removed, ``&lt;`` decoded) and after
  trimming surrounding whitespace, as Telegram does; the stored/returned ``text`` is that plain text
  and ``entities`` carry the formatting (offsets in UTF-16 code units).
- HTML, MarkdownV2 and legacy Markdown are parsed with tdlib's rules and error messages: an
  unescaped ``<`` or an unknown tag in HTML, an unescaped ``.``/``-``/``!`` … in MarkdownV2 fail.
- ``editMessageText`` without ``reply_markup`` removes the inline keyboard (Telegram does);
  identical text, entities and keyboard answer 400 ``message is not modified``.
- Method names are case-insensitive. ``getUpdates`` answers 409 while a webhook is set, and an
  older long poll still waiting is ended with 409 ``terminated by other getUpdates request``.
- ``allowed_updates`` (from ``getUpdates`` or ``setWebhook``) is a bot-wide setting that decides
  which updates are queued at all; by default ``chat_member``, ``message_reaction`` and
  ``message_reaction_count`` updates are not delivered.

Deliberate simplifications:

- Any chat id is accepted: a chat the fake has not seen in ``user_message`` is made up (positive
  ids are private chats, ``-100…`` supergroups, other negative ids groups). Telegram would answer
  ``chat not found`` / ``bot can't initiate conversation``.
- No flood limits unless injected with ``fail_next``; plain URLs and mentions in text are not
  turned into entities; ``setWebhook`` accepts plain ``http`` URLs on loopback hosts (Telegram
  wants HTTPS on ports 80, 88, 443 or 8443, which is enforced for other hosts).
- ``press_button`` only presses a button that exists on the message's current keyboard.
"""

from __future__ import annotations

import asyncio
import copy
import html
import itertools
import json
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from ipaddress import ip_address
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

from tests.fakes.server import LocalServer

Json = dict[str, Any]

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_CALLBACK_ANSWER_LENGTH = 200
MAX_COMMANDS = 100
WEBHOOK_PORTS = frozenset({80, 88, 443, 8443})
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
BLOCKED = "Forbidden: bot was blocked by the user"
MIGRATED = "Bad Request: group chat was upgraded to a supergroup chat"
QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
    "the webhook first"
)
POLL_CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is "
    "running"
)

UPDATE_TYPES = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "business_connection",
    "business_message",
    "edited_business_message",
    "deleted_business_messages",
    "message_reaction",
    "message_reaction_count",
    "inline_query",
    "chosen_inline_result",
    "callback_query",
    "shipping_query",
    "pre_checkout_query",
    "purchased_paid_media",
    "poll",
    "poll_answer",
    "my_chat_member",
    "chat_member",
    "chat_join_request",
    "chat_boost",
    "removed_chat_boost",
)
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
DEFAULT_ALLOWED_UPDATES = frozenset(UPDATE_TYPES) - _OPT_IN_UPDATES

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)

# Parameters python-telegram-bot (and any form-encoding client) sends as strings.
_JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "allowed_updates",
        "commands",
        "scope",
        "link_preview_options",
        "reply_parameters",
        "menu_button",
        "results",
        "media",
        "permissions",
        "rights",
    }
)
_INT_FIELDS = frozenset(
    {
        "chat_id",
        "from_chat_id",
        "user_id",
        "message_id",
        "message_thread_id",
        "reply_to_message_id",
        "offset",
        "limit",
        "cache_time",
        "max_connections",
        "until_date",
    }
)
_FLOAT_FIELDS = frozenset({"timeout"})
_BOOL_FIELDS = frozenset(
    {
        "show_alert",
        "disable_notification",
        "protect_content",
        "allow_paid_broadcast",
        "allow_sending_without_reply",
        "disable_web_page_preview",
        "drop_pending_updates",
    }
)
_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")
_LEADING_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{1,64})?")
_INT_RE = re.compile(r"-?[0-9]+")


@dataclass
class TgCall:
    """One Bot API call the bot made, with its parameters decoded."""

    method: str
    params: dict[str, Any]
    at: float
    status: int = 0


class _ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: Json | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


def _bad_request(description: str) -> _ApiError:
    return _ApiError(400, f"Bad Request: {description}")


@dataclass
class _Failure:
    error_code: int
    description: str
    parameters: Json | None
    remaining: int


@dataclass
class _Poll:
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    superseded: bool = False


_Handler = Callable[[Json], Awaitable[Any]]
_KEEP_SECRET = "use-registered"


class FakeTelegram(LocalServer):
    """The Telegram Bot API on 127.0.0.1, with users to drive the bot and fault injection."""

    def __init__(
        self,
        token: str = "123456:TEST-token",
        bot_username: str = "contestsync_test_bot",
        bot_id: int = 123456,
    ) -> None:
        self.token = token
        self.bot_username = bot_username
        self.bot_id = bot_id
        self.bot_first_name = "ContestSync"
        self.calls: list[TgCall] = []
        self.latency = 0.0
        self.commands: list[dict[str, str]] = []
        self.photos: dict[tuple[int, int], bytes] = {}  # (chat, message id) → uploaded bytes
        self.webhook: Json | None = None
        # Telegram rejects URL buttons pointing at localhost; off by default so local tests can
        # follow the links they get.
        self.reject_loopback_urls = False
        self._commands_by_scope: dict[tuple[str, str], list[dict[str, str]]] = {}
        self._queue: list[Json] = []
        self._allowed_updates: frozenset[str] = DEFAULT_ALLOWED_UPDATES
        self._update_ids = itertools.count(700_000_001)
        self._query_ids = itertools.count(4_200_000_000_000_000_001)
        self._open_queries: dict[str, tuple[int, int]] = {}
        self._messages: dict[tuple[int, int], Json] = {}
        self._bot_sent: list[tuple[int, int]] = []
        self._next_message_id: dict[int, int] = {}
        self._chats: dict[int, Json] = {}
        self._users: dict[int, Json] = {}
        self._blocked: set[int] = set()
        self._migrated: dict[int, int] = {}
        self._admins: dict[int, tuple[int, set[int]]] = {}  # chat → (creator, administrators)
        self._failures: dict[str, _Failure] = {}
        self._polls: list[_Poll] = []
        self._closing = False
        self._methods: dict[str, _Handler] = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "sendMessage": self._send_message,
            "sendPhoto": self._send_photo,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "sendChatAction": self._send_chat_action,
            "getChatMember": self._get_chat_member,
        }
        self._method_names = {name.lower(): name for name in self._methods}
        self.app = self._build_app()

    # ---------------------------------------------------------------- lifecycle

    async def start(self) -> str:
        """Serve on a free port of 127.0.0.1 and return the base URL (without ``/bot``)."""
        self._closing = False
        return await super().start()

    async def close(self) -> None:
        self._closing = True
        for poll in self._polls:
            poll.wake.set()
        await super().close()

    # ---------------------------------------------------------------- driving the bot

    def user_message(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        username: str | None = None,
        first_name: str = "Test",
        chat_title: str | None = None,
        thread_id: int | None = None,
    ) -> Json:
        """Queue a Message update from a user, with a ``bot_command`` entity for ``/commands``.

        A negative ``chat_id`` with the default ``chat_type`` means a group (``-100…``: a
        supergroup); a group without ``chat_id`` gets ``-user_id`` (supergroup: ``-10**12 - id``).
        ``thread_id`` posts it in that forum topic of a supergroup.
        """
        if not text:
            raise ValueError("Telegram users cannot send an empty text message")
        user: Json = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username is not None:
            user["username"] = username
        user["language_code"] = "en"
        self._users[user_id] = user
        if chat_type == "private" and chat_id is not None and chat_id < 0:
            chat_type = "supergroup" if str(chat_id).startswith("-100") else "group"
        if chat_type == "private":
            if chat_id is not None and chat_id != user_id:
                raise ValueError("a private chat's id is the user's id")
            chat_id = user_id
            chat: Json = {"id": user_id, "type": "private", "first_name": first_name}
            if username is not None:
                chat["username"] = username
            # Writing to the bot again is how a user unblocks it.
            self._blocked.discard(user_id)
        else:
            if chat_id is None:
                chat_id = -(10**12 + user_id) if chat_type == "supergroup" else -user_id
            title = chat_title or self._chats.get(chat_id, {}).get("title") or "Test group"
            chat = {"id": chat_id, "title": title, "type": chat_type}
        self._chats[chat_id] = chat
        message: Json = {
            "message_id": self._new_message_id(chat_id),
            "from": dict(user),
            "chat": dict(chat),
            "date": int(time.time()),
            "text": text,
        }
        if thread_id is not None:  # a message in a forum topic of a supergroup
            if chat.get("type") != "supergroup":
                raise ValueError("forum topics exist in supergroups only")
            self._chats[chat_id]["is_forum"] = True
            message["chat"]["is_forum"] = True
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        command = _LEADING_COMMAND_RE.match(text)
        if command:
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": _utf16_len(command.group())}
            ]
        self._messages[(chat_id, message["message_id"])] = message
        return self.push_update({"message": copy.deepcopy(message)})

    def press_button(
        self, user_id: int, message: Json | int, data: str, *, chat_id: int | None = None
    ) -> Json:
        """Queue a callback_query update as if ``user_id`` pressed the button carrying ``data``."""
        if isinstance(message, dict):
            chat_id = message["chat"]["id"] if chat_id is None else chat_id
            message_id = int(message["message_id"])
        else:
            chat_id = user_id if chat_id is None else chat_id
            message_id = message
        stored = self._messages.get((chat_id, message_id))
        if stored is None:
            raise AssertionError(f"no message {message_id} in chat {chat_id} to press a button on")
        buttons = [
            button.get("callback_data")
            for row in (stored.get("reply_markup") or {}).get("inline_keyboard", [])
            for button in row
        ]
        if data not in buttons:
            raise AssertionError(
                f"message {message_id} in chat {chat_id} has no button with callback_data "
                f"{data!r}; its buttons carry {[b for b in buttons if b is not None]!r}"
            )
        query_id = str(next(self._query_ids))
        self._open_queries[query_id] = (chat_id, message_id)
        user = self._users.get(user_id) or {
            "id": user_id,
            "is_bot": False,
            "first_name": "Test",
            "language_code": "en",
        }
        return self.push_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": dict(user),
                    "message": copy.deepcopy(stored),
                    "chat_instance": str(-((abs(chat_id) * 2654435761) % 10**18) - 1),
                    "data": data,
                }
            }
        )

    def push_update(self, update: Json) -> Json:
        """Queue a raw update for getUpdates (update_id assigned if missing) and return it."""
        if "update_id" not in update:
            update["update_id"] = next(self._update_ids)
        if _update_type(update) in self._allowed_updates:
            self._queue.append(update)
            for poll in self._polls:
                poll.wake.set()
        return update

    async def deliver_webhook(self, update: Json, *, secret: str | None = _KEEP_SECRET) -> int:
        """POST ``update`` to the registered webhook as Telegram does; return the HTTP status."""
        if self.webhook is None:
            raise AssertionError("no webhook is registered (the bot never called setWebhook)")
        if "update_id" not in update:
            update["update_id"] = next(self._update_ids)
        token = self.webhook.get("secret_token") if secret == _KEEP_SECRET else secret
        headers = {"Content-Type": "application/json"}
        if token:
            headers[SECRET_HEADER] = token
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.webhook["url"], data=json.dumps(update), headers=headers) as reply,
        ):
            await reply.read()
            if 200 <= reply.status < 300:
                self._queue = [u for u in self._queue if u["update_id"] != update["update_id"]]
            return reply.status

    # ---------------------------------------------------------------- what the bot did

    def sent(self, chat_id: int | None = None) -> list[Json]:
        """Messages the bot sent with sendMessage and has not deleted, as they are now."""
        return [
            copy.deepcopy(self._messages[key])
            for key in self._bot_sent
            if key in self._messages and (chat_id is None or key[0] == chat_id)
        ]

    def last_sent(self, chat_id: int) -> Json:
        messages = self.sent(chat_id)
        if not messages:
            raise AssertionError(f"the bot sent nothing to chat {chat_id}; {self._summary()}")
        return messages[-1]

    def calls_to(self, method: str) -> list[TgCall]:
        name = self._method_names.get(method.lower(), method)
        return [call for call in self.calls if call.method == name]

    def message(self, chat_id: int, message_id: int) -> Json:
        """The current state of a stored message (text, reply_markup, edit_date...)."""
        stored = self._messages.get((chat_id, message_id))
        if stored is None:
            raise AssertionError(f"no message {message_id} in chat {chat_id}")
        return copy.deepcopy(stored)

    async def wait_for(
        self,
        predicate: Callable[[], bool],
        timeout: float = 5.0,  # noqa: ASYNC109 (the signature the bot tests are written against)
    ) -> None:
        """Poll ``predicate`` every 10 ms until it holds; AssertionError after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() >= deadline:
                name = getattr(predicate, "__qualname__", repr(predicate))
                code = getattr(predicate, "__code__", None)
                where = f" ({code.co_filename}:{code.co_firstlineno})" if code else ""
                raise AssertionError(
                    f"condition {name}{where} still false after {timeout} s; {self._summary()}"
                )
            await asyncio.sleep(0.01)

    # ---------------------------------------------------------------- fault injection

    def fail_next(
        self,
        method: str,
        *,
        error_code: int = 429,
        description: str | None = None,
        retry_after: int | None = None,
        count: int = 1,
    ) -> None:
        """Make the next ``count`` calls of ``method`` fail with ``error_code``."""
        if error_code == 429 and retry_after is None:
            retry_after = 1
        if description is None:
            if error_code == 429:
                description = f"Too Many Requests: retry after {retry_after}"
            else:
                try:
                    description = HTTPStatus(error_code).phrase
                except ValueError:
                    description = "Error"
        parameters = {"retry_after": retry_after} if retry_after is not None else None
        name = self._method_names.get(method.lower(), method)
        self._failures[name] = _Failure(error_code, description, parameters, count)

    def block(self, user_id: int) -> None:
        """The user blocks the bot: anything sent to their private chat answers 403."""
        self._blocked.add(user_id)

    def unblock(self, user_id: int) -> None:
        self._blocked.discard(user_id)

    def set_admins(self, chat_id: int, creator: int, *admins: int) -> None:
        """Who administers a group: getChatMember answers "creator" / "administrator" for them
        and "member" for anyone else."""
        self._admins[chat_id] = (creator, set(admins))

    def migrate(self, old_chat_id: int, new_chat_id: int) -> None:
        """The group becomes a supergroup: calls for the old id answer 400 with the new id."""
        self._migrated[old_chat_id] = new_chat_id
        old = self._chats.get(old_chat_id, {})
        self._chats[new_chat_id] = {
            "id": new_chat_id,
            "title": old.get("title", "Test group"),
            "type": "supergroup",
        }

    # ---------------------------------------------------------------- app

    def _build_app(self) -> web.Application:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._dispatch)
        return app

    async def _dispatch(self, request: web.Request) -> web.Response:
        at = time.monotonic()
        params = await _read_params(request)
        name = request.match_info["method"]
        method = self._method_names.get(name.lower(), name)
        call = TgCall(method, params, at)
        self.calls.append(call)
        if self.latency:
            await asyncio.sleep(self.latency)
        status, body = await self._answer(request.match_info["token"], method, params)
        call.status = status
        return web.Response(
            status=status,
            body=json.dumps(body, ensure_ascii=False).encode(),
            headers={"Content-Type": "application/json"},
        )

    async def _answer(self, token: str, method: str, params: Json) -> tuple[int, Json]:
        try:
            if token != self.token:
                raise _ApiError(401, "Unauthorized")
            handler = self._methods.get(method)
            if handler is None:
                raise _ApiError(404, "Not Found")
            failure = self._failures.get(method)
            if failure is not None:
                failure.remaining -= 1
                if failure.remaining <= 0:
                    del self._failures[method]
                raise _ApiError(failure.error_code, failure.description, failure.parameters)
            result = await handler(params)
        except _ApiError as exc:
            body: Json = {"ok": False, "error_code": exc.code, "description": exc.description}
            if exc.parameters:
                body["parameters"] = exc.parameters
            return exc.code, body
        if isinstance(result, _WithDescription):
            return 200, {"ok": True, "result": result.result, "description": result.description}
        return 200, {"ok": True, "result": result}

    # ---------------------------------------------------------------- methods

    async def _get_me(self, params: Json) -> Json:
        return {**self._bot_user(), **_BOT_CAPABILITIES}

    async def _get_updates(self, params: Json) -> list[Json]:
        if self.webhook is not None:
            raise _ApiError(409, WEBHOOK_CONFLICT)
        offset = _int_param(params, "offset", 0)
        limit = min(max(_int_param(params, "limit", 100), 1), 100)
        timeout = params.get("timeout", 0)
        if not isinstance(timeout, int | float) or isinstance(timeout, bool):
            raise _bad_request("wrong parameter timeout")
        self._set_allowed_updates(params.get("allowed_updates"))
        if offset > 0:
            self._queue = [u for u in self._queue if u["update_id"] >= offset]
        elif offset < 0:
            self._queue = self._queue[offset:]
        for older in self._polls:
            older.superseded = True
            older.wake.set()
        poll = _Poll()
        self._polls.append(poll)
        deadline = time.monotonic() + max(float(timeout), 0.0)
        try:
            while True:
                if poll.superseded:
                    raise _ApiError(409, POLL_CONFLICT)
                if self._queue or self._closing:
                    return copy.deepcopy(self._queue[:limit])
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return []
                poll.wake.clear()
                try:
                    await asyncio.wait_for(poll.wake.wait(), remaining)
                except TimeoutError:
                    pass
        finally:
            self._polls.remove(poll)

    async def _set_webhook(self, params: Json) -> _WithDescription:
        url = params.get("url") or ""
        if not isinstance(url, str):
            raise _bad_request("bad webhook: Wrong HTTP URL")
        if not url:
            return await self._delete_webhook(params)
        _check_webhook_url(url)
        secret = params.get("secret_token")
        if secret is not None and not (isinstance(secret, str) and _SECRET_RE.fullmatch(secret)):
            raise _bad_request("secret token contains unallowed characters")
        max_connections = params.get("max_connections", 40)
        if not isinstance(max_connections, int) or not 1 <= max_connections <= 100:
            raise _bad_request("bad webhook: max_connections must be between 1 and 100")
        self._set_allowed_updates(params.get("allowed_updates"))
        if params.get("drop_pending_updates") is True:
            self._queue.clear()
        self.webhook = dict(params)
        return _WithDescription(True, "Webhook was set")

    async def _delete_webhook(self, params: Json) -> _WithDescription:
        if params.get("drop_pending_updates") is True:
            self._queue.clear()
        was_set = self.webhook is not None
        self.webhook = None
        return _WithDescription(
            True, "Webhook was deleted" if was_set else "Webhook is already deleted"
        )

    async def _get_webhook_info(self, params: Json) -> Json:
        info: Json = {
            "url": "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._queue),
        }
        if self.webhook is not None:
            info["url"] = self.webhook["url"]
            info["max_connections"] = self.webhook.get("max_connections", 40)
            info["ip_address"] = "127.0.0.1"
            if self.webhook.get("allowed_updates"):
                info["allowed_updates"] = self.webhook["allowed_updates"]
        return info

    async def _send_message(self, params: Json) -> Json:
        chat_id = self._target_chat(params)
        text, entities = _formatted_text(params)
        markup = _check_markup(params.get("reply_markup"), self.reject_loopback_urls)
        message: Json = {
            "message_id": self._new_message_id(chat_id),
            "from": self._bot_user(),
            "chat": self._chat(chat_id),
            "date": int(time.time()),
        }
        thread_id = params.get("message_thread_id")
        if isinstance(thread_id, int):
            message["message_thread_id"] = thread_id
        reply_to = _reply_to_id(params)
        if reply_to is not None and (chat_id, reply_to) in self._messages:
            message["reply_to_message"] = copy.deepcopy(self._messages[(chat_id, reply_to)])
            message["reply_to_message"].pop("reply_to_message", None)
        message["text"] = text
        if entities:
            message["entities"] = entities
        if markup is not None and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        key = (chat_id, message["message_id"])
        self._messages[key] = message
        self._bot_sent.append(key)
        return copy.deepcopy(message)

    async def _send_photo(self, params: Json) -> Json:
        """sendPhoto with an uploaded file (multipart) or a file id/URL; caption ≤ 1024."""
        chat_id = self._target_chat(params)
        photo = params.get("photo")
        if isinstance(photo, str) and photo.startswith("attach://"):
            photo = params.get(photo.removeprefix("attach://"))
        if isinstance(photo, dict):
            data = photo.get("data", b"")
            if not data:
                raise _bad_request("file must be non-empty")
            if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
                raise _bad_request("IMAGE_PROCESS_FAILED")
            size = len(data)
        elif isinstance(photo, str) and photo:
            data, size = b"", 0
        else:
            raise _bad_request("there is no photo in the request")
        message: Json = {
            "message_id": self._new_message_id(chat_id),
            "from": self._bot_user(),
            "chat": self._chat(chat_id),
            "date": int(time.time()),
            "photo": [
                {
                    "file_id": f"photo-{len(self._bot_sent) + 1}",
                    "file_unique_id": f"u{len(self._bot_sent) + 1}",
                    "width": 1000,
                    "height": 700,
                    "file_size": size,
                }
            ],
        }
        thread_id = params.get("message_thread_id")
        if isinstance(thread_id, int):
            message["message_thread_id"] = thread_id
        if params.get("caption"):
            caption, entities = _formatted_text({**params, "text": params["caption"]})
            if len(caption) > MAX_CAPTION_LENGTH:
                raise _bad_request("message caption is too long")
            message["caption"] = caption
            if entities:
                message["caption_entities"] = entities
        key = (chat_id, message["message_id"])
        self._messages[key] = message
        self._bot_sent.append(key)
        self.photos[key] = data
        return copy.deepcopy(message)

    async def _edit_message_text(self, params: Json) -> Json:
        stored = self._editable(params)
        text, entities = _formatted_text(params)
        markup = _inline_markup(params.get("reply_markup"), self.reject_loopback_urls)
        if (
            stored.get("text") == text
            and stored.get("entities", []) == entities
            and stored.get("reply_markup") == markup
        ):
            raise _ApiError(400, NOT_MODIFIED)
        stored["text"] = text
        _set_optional(stored, "entities", entities or None)
        _set_optional(stored, "reply_markup", markup)
        stored["edit_date"] = int(time.time())
        return copy.deepcopy(stored)

    async def _edit_message_reply_markup(self, params: Json) -> Json:
        stored = self._editable(params)
        markup = _inline_markup(params.get("reply_markup"), self.reject_loopback_urls)
        if stored.get("reply_markup") == markup:
            raise _ApiError(400, NOT_MODIFIED)
        _set_optional(stored, "reply_markup", markup)
        stored["edit_date"] = int(time.time())
        return copy.deepcopy(stored)

    async def _delete_message(self, params: Json) -> bool:
        chat_id = self._target_chat(params)
        message_id = params.get("message_id")
        if not isinstance(message_id, int) or (chat_id, message_id) not in self._messages:
            raise _bad_request("message to delete not found")
        del self._messages[(chat_id, message_id)]
        return True

    async def _answer_callback_query(self, params: Json) -> bool:
        query_id = params.get("callback_query_id")
        if not isinstance(query_id, str | int) or str(query_id) not in self._open_queries:
            raise _ApiError(400, QUERY_INVALID)
        text = params.get("text")
        if text is not None and len(str(text)) > MAX_CALLBACK_ANSWER_LENGTH:
            raise _bad_request("MESSAGE_TOO_LONG")
        del self._open_queries[str(query_id)]
        return True

    async def _set_my_commands(self, params: Json) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad_request("can't parse commands JSON object")
        if len(commands) > MAX_COMMANDS:
            raise _bad_request("too many commands")
        clean: list[dict[str, str]] = []
        for command in commands:
            if not isinstance(command, dict):
                raise _bad_request("can't parse BotCommand JSON object")
            name, description = command.get("command"), command.get("description")
            if not isinstance(name, str) or not _COMMAND_RE.fullmatch(name):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise _bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
            clean.append({"command": name, "description": description})
        self._commands_by_scope[self._scope_key(params)] = clean
        self.commands = clean
        return True

    async def _get_my_commands(self, params: Json) -> list[dict[str, str]]:
        return copy.deepcopy(self._commands_by_scope.get(self._scope_key(params), []))

    async def _delete_my_commands(self, params: Json) -> bool:
        removed = self._commands_by_scope.pop(self._scope_key(params), None)
        if removed is not None and removed is self.commands:
            self.commands = []
        return True

    async def _send_chat_action(self, params: Json) -> bool:
        self._target_chat(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise _bad_request("wrong parameter action in request")
        return True

    # ---------------------------------------------------------------- internals

    async def _get_chat_member(self, params: Json) -> Json:
        chat_id = self._target_chat(params)
        user_id = params.get("user_id")
        if not isinstance(user_id, int):
            raise _bad_request("user_id is empty")
        if chat_id > 0 and chat_id != user_id:
            raise _bad_request("member not found")
        user = self._users.get(user_id, {"id": user_id, "is_bot": False, "first_name": "Test"})
        creator, admins = self._admins.get(chat_id, (0, set()))
        if user_id == creator:
            return {"status": "creator", "user": user, "is_anonymous": False}
        if user_id in admins:
            rights = (
                "can_be_edited can_manage_chat can_delete_messages can_manage_video_chats "
                "can_restrict_members can_promote_members can_change_info can_invite_users "
                "can_post_stories can_edit_stories can_delete_stories"
            ).split()
            return {
                "status": "administrator",
                "user": user,
                "is_anonymous": False,
                **{right: right != "can_be_edited" for right in rights},
            }
        return {"status": "member", "user": user}

    def _bot_user(self) -> Json:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def _chat(self, chat_id: int) -> Json:
        chat = self._chats.get(chat_id)
        if chat is not None:
            return dict(chat)
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": "Test"}
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        return {"id": chat_id, "title": "Test group", "type": kind}

    def _new_message_id(self, chat_id: int) -> int:
        next_id = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = next_id + 1
        return next_id

    def _target_chat(self, params: Json) -> int:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise _bad_request("chat_id is empty")
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            for known in self._chats.values():
                if known.get("username") == chat_id[1:] and known["type"] != "private":
                    chat_id = known["id"]
                    break
        if not isinstance(chat_id, int) or isinstance(chat_id, bool):
            raise _bad_request("chat not found")
        if chat_id in self._migrated:
            raise _ApiError(400, MIGRATED, {"migrate_to_chat_id": self._migrated[chat_id]})
        if chat_id in self._blocked:
            raise _ApiError(403, BLOCKED)
        return chat_id

    def _editable(self, params: Json) -> Json:
        if params.get("inline_message_id") is not None:
            raise _bad_request("MESSAGE_ID_INVALID")
        chat_id = self._target_chat(params)
        message_id = params.get("message_id")
        if not isinstance(message_id, int):
            raise _bad_request("message identifier is not specified")
        stored = self._messages.get((chat_id, message_id))
        if stored is None:
            raise _bad_request("message to edit not found")
        if stored["from"]["id"] != self.bot_id:
            raise _bad_request("message can't be edited")
        return stored

    def _set_allowed_updates(self, allowed: object) -> None:
        if allowed is None:
            return
        if not isinstance(allowed, list):
            raise _bad_request("can't parse allowed updates JSON object")
        self._allowed_updates = frozenset(allowed) if allowed else DEFAULT_ALLOWED_UPDATES

    def _scope_key(self, params: Json) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        language = params.get("language_code") or ""
        if not isinstance(language, str) or (language and not re.fullmatch(r"[a-z]{2}", language)):
            raise _bad_request("invalid language code specified")
        return json.dumps(scope, sort_keys=True), language

    def _summary(self) -> str:
        if not self.calls:
            return "the bot made no Bot API calls"
        lines = []
        for call in self.calls[-8:]:
            detail = {k: call.params[k] for k in ("chat_id", "text") if k in call.params}
            if isinstance(detail.get("text"), str) and len(detail["text"]) > 60:
                detail["text"] = detail["text"][:57] + "..."
            lines.append(f"  {call.method} -> {call.status} {detail}")
        return "last Bot API calls:\n" + "\n".join(lines)


@dataclass
class _WithDescription:
    result: Any
    description: str


_BOT_CAPABILITIES: Json = {
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
    "can_connect_to_business": False,
    "has_main_web_app": False,
}


# -------------------------------------------------------------------- request decoding


async def _read_params(request: web.Request) -> Json:
    """Query string plus body (JSON, form-urlencoded or multipart), with typed values."""
    params: Json = dict(request.query)
    if request.body_exists:
        content_type = request.content_type
        if content_type == "application/json":
            try:
                body = json.loads(await request.read() or b"{}")
            except ValueError:
                body = {}
            if isinstance(body, dict):
                params.update(body)
        elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    data = value.file.read()
                    params[key] = {
                        "filename": value.filename,
                        "content_type": value.content_type,
                        "size": len(data),
                        "data": data,
                    }
                elif isinstance(value, bytes):
                    params[key] = value.decode("utf-8", errors="replace")
                else:
                    params[key] = value
        else:
            await request.read()
    return {key: _typed(key, value) for key, value in params.items()}


def _typed(key: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if key in _JSON_FIELDS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    if key in _INT_FIELDS and _INT_RE.fullmatch(value.strip()):
        return int(value)
    if key in _FLOAT_FIELDS:
        try:
            number = float(value)
        except ValueError:
            return value
        return int(number) if number.is_integer() else number
    if key in _BOOL_FIELDS and value.lower() in ("true", "false", "1", "0"):
        return value.lower() in ("true", "1")
    return value


def _int_param(params: Json, key: str, default: int) -> int:
    value = params.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _bad_request(f"wrong parameter {key} in request")
    return value


def _reply_to_id(params: Json) -> int | None:
    reply = params.get("reply_parameters")
    if isinstance(reply, dict) and isinstance(reply.get("message_id"), int):
        return int(reply["message_id"])
    value = params.get("reply_to_message_id")
    return value if isinstance(value, int) else None


def _update_type(update: Json) -> str:
    return next((key for key in update if key != "update_id"), "")


def _set_optional(target: Json, key: str, value: Any) -> None:
    if value is None:
        target.pop(key, None)
    else:
        target[key] = value


def _check_webhook_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _bad_request("bad webhook: Wrong HTTP URL")
    if _is_loopback(parts.hostname):
        return
    if parts.scheme != "https":
        raise _bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    if (parts.port or 443) not in WEBHOOK_PORTS:
        raise _bad_request("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


# -------------------------------------------------------------------- reply markup


def _inline_markup(markup: object, reject_loopback: bool) -> Json | None:
    """The inline keyboard of an edit; anything else than an inline keyboard is refused."""
    checked = _check_markup(markup, reject_loopback)
    if checked is not None and "inline_keyboard" not in checked:
        raise _bad_request("inline keyboard expected")
    return checked


def _check_markup(markup: object, reject_loopback: bool) -> Json | None:
    """Validate reply_markup like Telegram; an empty inline keyboard means no keyboard."""
    if markup is None or markup == "":
        return None
    if not isinstance(markup, dict):
        raise _bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        if any(key in markup for key in ("keyboard", "remove_keyboard", "force_reply")):
            return markup
        raise _bad_request("can't parse reply keyboard markup JSON object")
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise _bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array')
    for row in rows:
        for button in row:
            _check_button(button, reject_loopback)
    if not any(rows):
        return None
    return {"inline_keyboard": [row for row in rows if row]}


def _check_button(button: object, reject_loopback: bool) -> None:
    prefix = "can't parse inline keyboard button: "
    if not isinstance(button, dict):
        raise _bad_request(prefix + "InlineKeyboardButton must be an Object")
    if not isinstance(button.get("text"), str):
        raise _bad_request(prefix + 'Field "text" must be of type String')
    if not button["text"].strip():
        raise _bad_request("BUTTON_TEXT_INVALID")
    actions = [key for key in _BUTTON_ACTIONS if key in button]
    if not actions:
        raise _bad_request(prefix + "Text buttons are unallowed in the inline keyboard")
    if len(actions) > 1:
        raise _bad_request(prefix + "only one of the optional fields can be specified")
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA_BYTES:
            raise _bad_request("BUTTON_DATA_INVALID")
    if "url" in button:
        url = button["url"]
        parts = urlsplit(url) if isinstance(url, str) else None
        valid = parts is not None and (
            (parts.scheme in ("http", "https") and bool(parts.hostname)) or parts.scheme == "tg"
        )
        if valid and reject_loopback and parts is not None and parts.hostname:
            valid = not _is_loopback(parts.hostname)
        if not valid:
            raise _bad_request(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")


# -------------------------------------------------------------------- text and entities


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode())


def _formatted_text(params: Json) -> tuple[str, list[Json]]:
    """Parse text + parse_mode/entities into Telegram's plain text and entities, checked."""
    raw = params.get("text")
    if raw is None or raw == "":
        raise _bad_request("message text is empty")
    text = raw if isinstance(raw, str) else json.dumps(raw)
    given = params.get("entities")
    parse_mode = params.get("parse_mode") or ""
    if given is not None:
        entities = _check_entities(given)
        plain = text
    elif not parse_mode:
        plain, entities = text, []
    else:
        parser = _PARSERS.get(str(parse_mode).lower())
        if parser is None:
            raise _bad_request("unsupported parse_mode")
        try:
            plain, entities = parser(text)
        except _ParseError as exc:
            raise _bad_request(f"can't parse entities: {exc}") from None
    plain, entities = _trim(plain, entities)
    if not plain:
        raise _bad_request("message text is empty")
    if len(plain) > MAX_TEXT_LENGTH:
        raise _bad_request("message is too long")
    return plain, entities


def _check_entities(given: object) -> list[Json]:
    if not isinstance(given, list):
        raise _bad_request("can't parse entities JSON object")
    for entity in given:
        if (
            not isinstance(entity, dict)
            or not isinstance(entity.get("type"), str)
            or not isinstance(entity.get("offset"), int)
            or not isinstance(entity.get("length"), int)
            or entity["offset"] < 0
        ):
            raise _bad_request("can't parse MessageEntity JSON object")
    return [dict(entity) for entity in given if entity["length"] > 0]


def _trim(text: str, entities: list[Json]) -> tuple[str, list[Json]]:
    """Strip surrounding whitespace as Telegram does, moving and clipping the entities."""
    stripped = text.strip()
    if stripped == text:
        return text, _sorted(entities)
    shift = _utf16_len(text[: len(text) - len(text.lstrip())])
    size = _utf16_len(stripped)
    moved = []
    for entity in entities:
        start = max(entity["offset"] - shift, 0)
        end = min(entity["offset"] + entity["length"] - shift, size)
        if end > start:
            moved.append({**entity, "offset": start, "length": end - start})
    return stripped, _sorted(moved)


def _sorted(entities: list[Json]) -> list[Json]:
    return sorted(entities, key=lambda e: (e["offset"], -e["length"]))


class _ParseError(Exception):
    pass


class _Builder:
    """Plain text under construction, with positions in UTF-16 code units."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.entities: list[Json] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += _utf16_len(text)

    def entity(self, kind: str, start: int, **extra: Any) -> None:
        if self.pos > start:
            self.entities.append(
                {"type": kind, "offset": start, "length": self.pos - start, **extra}
            )

    def result(self) -> tuple[str, list[Json]]:
        return "".join(self.parts), self.entities


_HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_HTML_ENTITY_RE = re.compile(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


def _html_entity(text: str, index: int) -> tuple[str, int] | None:
    match = _HTML_ENTITY_RE.match(text, index)
    if match is None:
        return None
    name = match.group(1)
    if name in _NAMED_ENTITIES:
        return _NAMED_ENTITIES[name], match.end()
    code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code), match.end()


def _parse_html(text: str) -> tuple[str, list[Json]]:
    """tdlib's HTML rules: supported tags only, balanced, four named entities plus numeric."""
    out = _Builder()
    stack: list[tuple[str, int, dict[str, str]]] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "&":
            decoded = _html_entity(text, i)
            if decoded is not None:
                out.add(decoded[0])
                i = decoded[1]
                continue
        if char != "<":
            out.add(char)
            i += 1
            continue
        offset = _byte_offset(text, i)
        if text.startswith("</", i):
            end = text.find(">", i)
            if end == -1:
                raise _ParseError(f"Unclosed end tag at byte offset {offset}")
            name = text[i + 2 : end].strip().lower()
            if not stack:
                raise _ParseError(f"Unexpected end tag at byte offset {offset}")
            if name != stack[-1][0]:
                raise _ParseError(
                    f'Unmatched end tag at byte offset {offset}, expected "</{stack[-1][0]}>", '
                    f'found "</{name}>"'
                )
            _close_html_tag(out, stack)
            i = end + 1
            continue
        j = i + 1
        while j < n and not text[j].isspace() and text[j] not in "/>":
            j += 1
        if j >= n:
            raise _ParseError(f"Unclosed start tag at byte offset {offset}")
        name = text[i + 1 : j].lower()
        if name not in _HTML_TAGS:
            raise _ParseError(f'Unsupported start tag "{name}" at byte offset {offset}')
        attrs, i = _html_attributes(text, j, name, offset)
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise _ParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
        stack.append((name, out.pos, attrs))
    if stack:
        raise _ParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return out.result()


def _html_attributes(text: str, i: int, tag: str, offset: int) -> tuple[dict[str, str], int]:
    """Parse attributes up to and including '>'; returns them and the index after '>'."""
    attrs: dict[str, str] = {}
    n = len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            raise _ParseError(f"Unclosed start tag at byte offset {offset}")
        if text[i] == ">":
            return attrs, i + 1
        start = i
        while i < n and not text[i].isspace() and text[i] not in "=>":
            i += 1
        name = text[start:i].lower()
        if not name or name == "/":
            raise _ParseError(f'Empty attribute name in the tag "{tag}" at byte offset {offset}')
        while i < n and text[i].isspace():
            i += 1
        if i < n and text[i] != "=":
            attrs[name] = ""
            continue
        i += 1
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            raise _ParseError(f"Unclosed start tag at byte offset {offset}")
        if text[i] in "\"'":
            end = text.find(text[i], i + 1)
            if end == -1:
                raise _ParseError(
                    f'Unclosed end of attribute value in the tag "{tag}" at byte offset {offset}'
                )
            attrs[name] = html.unescape(text[i + 1 : end])
            i = end + 1
        else:
            start = i
            while i < n and (text[i].isalnum() or text[i] in ".-_"):
                i += 1
            attrs[name] = text[start:i]


def _close_html_tag(out: _Builder, stack: list[tuple[str, int, dict[str, str]]]) -> None:
    name, start, attrs = stack.pop()
    kind = _HTML_TAGS[name]
    if kind == "code" and stack and stack[-1][0] == "pre":
        language = attrs.get("class", "")
        if language.startswith("language-"):
            stack[-1][2]["language"] = language.removeprefix("language-")
            return
    if kind == "text_link":
        url = attrs.get("href", "")
        user = re.fullmatch(r"tg://user\?id=([0-9]+)", url)
        if user:
            out.entity(
                "text_mention",
                start,
                user={"id": int(user.group(1)), "is_bot": False, "first_name": ""},
            )
        elif url:
            out.entity("text_link", start, url=url)
    elif kind == "pre":
        extra = {"language": attrs["language"]} if attrs.get("language") else {}
        out.entity("pre", start, **extra)
    elif kind == "blockquote":
        out.entity("expandable_blockquote" if "expandable" in attrs else "blockquote", start)
    elif kind == "custom_emoji":
        out.entity("custom_emoji", start, custom_emoji_id=attrs.get("emoji-id", ""))
    else:
        out.entity(kind, start)


_MDV2_RESERVED = "_*[]()~`>#+-=|{}.!"
_MDV2_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
}


def _parse_markdown_v2(text: str) -> tuple[str, list[Json]]:
    """tdlib's MarkdownV2: reserved characters must be escaped outside entities."""
    out = _Builder()
    stack: list[tuple[str, int, int]] = []
    quote_start: int | None = None
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        at_line_start = i == 0 or text[i - 1] == "\n"
        if char == "\\" and i + 1 < n and 0 < ord(text[i + 1]) <= 126:
            out.add(text[i + 1])
            i += 2
            continue
        if char == "\n" and quote_start is not None and not text.startswith(">", i + 1):
            out.entity("blockquote", quote_start)
            quote_start = None
        if char not in _MDV2_RESERVED:
            out.add(char)
            i += 1
            continue
        offset = _byte_offset(text, i)
        if char == ">" and at_line_start:
            if quote_start is None:
                quote_start = out.pos
            i += 1
        elif char == "`":
            i = _markdown_v2_code(text, i, out)
        elif char == "[" or (char == "!" and text.startswith("![", i)):
            kind = "custom_emoji" if char == "!" else "text_link"
            stack.append((kind, out.pos, offset))
            i += 2 if char == "!" else 1
        elif char == "]" and stack and stack[-1][0] in ("text_link", "custom_emoji"):
            kind, start, _ = stack.pop()
            url, i = _markdown_v2_url(text, i + 1)
            if kind == "custom_emoji":
                emoji_id = url.removeprefix("tg://emoji?id=")
                out.entity("custom_emoji", start, custom_emoji_id=emoji_id)
            elif url:
                out.entity("text_link", start, url=url)
        elif char in "*~_" or text.startswith("||", i):
            if text.startswith("||", i):
                kind, width = "spoiler", 2
            elif text.startswith("__", i) and not (stack and stack[-1][0] == "italic"):
                kind, width = "underline", 2
            else:
                kind = {"*": "bold", "~": "strikethrough", "_": "italic"}[char]
                width = 1
            if stack and stack[-1][0] == kind:
                out.entity(kind, stack.pop()[1])
            else:
                stack.append((kind, out.pos, offset))
            i += width
        else:
            raise _ParseError(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
    if stack:
        kind, _, offset = stack[-1]
        raise _ParseError(f"Can't find end of {_MDV2_NAMES[kind]} entity at byte offset {offset}")
    if quote_start is not None:
        out.entity("blockquote", quote_start)
    return out.result()


def _markdown_v2_code(text: str, i: int, out: _Builder) -> int:
    """Consume `code` or ```pre``` starting at i; only ` and \\ are escaped inside."""
    offset = _byte_offset(text, i)
    fence = "```" if text.startswith("```", i) else "`"
    j = i + len(fence)
    content: list[str] = []
    n = len(text)
    while j < n and not text.startswith(fence, j):
        if text[j] == "\\" and j + 1 < n and 0 < ord(text[j + 1]) <= 126:
            content.append(text[j + 1])
            j += 2
        else:
            content.append(text[j])
            j += 1
    if j >= n:
        name = "Pre" if fence == "```" else "Code"
        raise _ParseError(f"Can't find end of {name} entity at byte offset {offset}")
    body = "".join(content)
    language = ""
    if fence == "```" and "\n" in body:
        first, rest = body.split("\n", 1)
        if first and not first[0].isspace():
            language, body = first.strip(), rest
    start = out.pos
    out.add(body)
    if fence == "```":
        out.entity("pre", start, **({"language": language} if language else {}))
    else:
        out.entity("code", start)
    return j + len(fence)


def _markdown_v2_url(text: str, i: int) -> tuple[str, int]:
    """Read an optional ``(url)`` after ``]``; ')' and '\\' are escaped inside."""
    if not text.startswith("(", i):
        return "", i
    url: list[str] = []
    j = i + 1
    while j < len(text) and text[j] != ")":
        if text[j] == "\\" and j + 1 < len(text):
            j += 1
        url.append(text[j])
        j += 1
    if j >= len(text):
        raise _ParseError(f"Can't find end of a URL at byte offset {_byte_offset(text, i)}")
    return "".join(url), j + 1


def _parse_markdown(text: str) -> tuple[str, list[Json]]:
    """Legacy Markdown: *bold*, _italic_, `code`, ```pre```, [text](url); no nesting."""
    out = _Builder()
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "\\" and i + 1 < n and text[i + 1] in "_*`[":
            out.add(text[i + 1])
            i += 2
            continue
        if char not in "_*`[":
            out.add(char)
            i += 1
            continue
        offset = _byte_offset(text, i)
        missing = _ParseError(f"Can't find end of the entity starting at byte offset {offset}")
        start = out.pos
        if char == "[":
            close = text.find("]", i + 1)
            if close == -1:
                raise missing
            label = text[i + 1 : close]
            if text.startswith("(", close + 1):
                end = text.find(")", close + 2)
                if end == -1:
                    raise missing
                out.add(label)
                out.entity("text_link", start, url=text[close + 2 : end])
                i = end + 1
            else:
                out.add(label)
                i = close + 1
            continue
        fence = "```" if text.startswith("```", i) else char
        end = text.find(fence, i + len(fence))
        if end == -1:
            raise missing
        body = text[i + len(fence) : end]
        language = ""
        if fence == "```" and "\n" in body:
            first, rest = body.split("\n", 1)
            if first and not first[0].isspace():
                language, body = first.strip(), rest
        out.add(body)
        kind = {"```": "pre", "`": "code", "*": "bold", "_": "italic"}[fence]
        out.entity(kind, start, **({"language": language} if language else {}))
        i = end + len(fence)
    return out.result()


_PARSERS: dict[str, Callable[[str], tuple[str, list[Json]]]] = {
    "html": _parse_html,
    "markdownv2": _parse_markdown_v2,
    "markdown": _parse_markdown,
}


class FloodLimitedTelegram(FakeTelegram):
    """The fake Bot API refusing more than `limit` sendMessage calls in any one second with 429
    and `retry_after` 1, as Telegram's overall limit for a bot (counted at arrival here)."""

    def __init__(self, limit: int = 30) -> None:
        super().__init__()
        self.limit = limit
        self.window: deque[float] = deque()
        self.refused = 0
        self._methods["sendMessage"] = self._limited_send

    async def _limited_send(self, params: Json) -> Json:
        now = time.monotonic()
        while self.window and now - self.window[0] >= 1.0:
            self.window.popleft()
        if len(self.window) >= self.limit:
            self.refused += 1
            raise _ApiError(429, "Too Many Requests: retry after 1", {"retry_after": 1})
        self.window.append(now)
        return await self._send_message(params)
