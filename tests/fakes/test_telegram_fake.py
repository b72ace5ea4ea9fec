"""The Telegram fake against the real client: python-telegram-bot's Bot and Application."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.error import BadRequest, ChatMigrated, Conflict, Forbidden, InvalidToken, RetryAfter
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)

from tests.fakes.telegram import SECRET_HEADER, FakeTelegram

USER = 1001
GROUP = -4001


@pytest_asyncio.fixture
async def fake(fake_telegram: FakeTelegram) -> FakeTelegram:
    return fake_telegram


@pytest_asyncio.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    bot = Bot(
        fake.token, base_url=f"{fake.base_url}/bot", base_file_url=f"{fake.base_url}/file/bot"
    )
    async with bot:
        yield bot


def keyboard(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(text, callback_data=data)] for text, data in pairs]
    )


def build_app(fake: FakeTelegram) -> Application[Any, Any, Any, Any, Any, Any]:
    return (
        ApplicationBuilder()
        .token(fake.token)
        .base_url(f"{fake.base_url}/bot")
        .base_file_url(f"{fake.base_url}/file/bot")
        .build()
    )


async def raw_call(fake: FakeTelegram, method: str, **kwargs: Any) -> tuple[int, dict[str, Any]]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{fake.base_url}/bot{fake.token}/{method}", **kwargs) as reply,
    ):
        assert reply.headers["Content-Type"] == "application/json"
        return reply.status, await reply.json()


# ------------------------------------------------------------------ the plain Bot


async def test_get_me_returns_the_bot_identity(fake: FakeTelegram, bot: Bot) -> None:
    me = await bot.get_me()

    assert (me.id, me.username, me.is_bot) == (fake.bot_id, fake.bot_username, True)
    assert me.can_join_groups is True
    assert fake.calls_to("getMe")[0].status == 200


async def test_send_message_records_decoded_keyboard_and_returns_a_message(
    fake: FakeTelegram, bot: Bot
) -> None:
    sent = await bot.send_message(USER, "Pick one", reply_markup=keyboard(("Yes", "y:1")))

    call = fake.calls_to("sendMessage")[-1]
    assert call.params["chat_id"] == USER
    assert call.params["reply_markup"] == {
        "inline_keyboard": [[{"text": "Yes", "callback_data": "y:1"}]]
    }
    assert sent.from_user is not None and sent.from_user.id == fake.bot_id
    assert sent.message_id == 1 and sent.chat.id == USER
    assert sent.reply_markup == keyboard(("Yes", "y:1"))
    assert fake.last_sent(USER)["text"] == "Pick one"
    second = await bot.send_message(USER, "again")
    assert second.message_id == 2


async def test_html_text_is_stored_without_tags_and_with_entities(
    fake: FakeTelegram, bot: Bot
) -> None:
    sent = await bot.send_message(
        USER,
        "  <b>Round &lt;1&gt;</b> at <a href='https://cf.example/1'>CF</a>\n",
        parse_mode="HTML",
    )

    assert sent.text == "Round <1> at CF"
    stored = fake.last_sent(USER)
    assert stored["entities"] == [
        {"type": "bold", "offset": 0, "length": 9},
        {"type": "text_link", "offset": 13, "length": 2, "url": "https://cf.example/1"},
    ]


async def test_html_with_bad_tags_is_rejected(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r'(?i)can\'t find end tag corresponding to start tag "b"'):
        await bot.send_message(USER, "<b>open", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r'(?i)unsupported start tag "" at byte offset 2'):
        await bot.send_message(USER, "a < b", parse_mode="HTML")


async def test_markdown_v2_demands_escaped_reserved_characters(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)character '\.' is reserved"):
        await bot.send_message(USER, "*Round 1* ends.", parse_mode="MarkdownV2")

    ok = await bot.send_message(USER, "*Round 1* ends\\.", parse_mode="MarkdownV2")
    assert ok.text == "Round 1 ends."


async def test_too_long_text_is_rejected_after_entity_parsing(fake: FakeTelegram, bot: Bot) -> None:
    fits = "<b>" + "x" * 4096 + "</b>"
    await bot.send_message(USER, fits, parse_mode="HTML")

    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(USER, "x" * 4097)
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(USER, "   ")
    assert [call.status for call in fake.calls_to("sendMessage")] == [200, 400, 400]


async def test_edit_message_text_changes_the_message_and_refuses_no_change(
    fake: FakeTelegram, bot: Bot
) -> None:
    sent = await bot.send_message(USER, "v1", reply_markup=keyboard(("Go", "go")))

    edited = await bot.edit_message_text(
        "v2", USER, sent.message_id, reply_markup=keyboard(("Go", "go"))
    )
    assert isinstance(edited, Message)
    assert edited.text == "v2" and edited.edit_date is not None
    assert fake.message(USER, sent.message_id)["text"] == "v2"

    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text(
            "v2", USER, sent.message_id, reply_markup=keyboard(("Go", "go"))
        )

    # Like Telegram, an edit without reply_markup drops the keyboard -- so it is a change.
    await bot.edit_message_text("v2", USER, sent.message_id)
    assert "reply_markup" not in fake.message(USER, sent.message_id)

    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("v3", USER, 999)


async def test_answer_callback_query_accepts_an_issued_id_once(
    fake: FakeTelegram, bot: Bot
) -> None:
    sent = await bot.send_message(USER, "Pick", reply_markup=keyboard(("A", "a")))
    update = fake.press_button(USER, sent.message_id, "a")
    query_id = update["callback_query"]["id"]
    assert update["callback_query"]["message"]["text"] == "Pick"

    assert await bot.answer_callback_query(query_id, text="done") is True
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query(query_id)
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query("12345")


async def test_set_my_commands_is_recorded_and_validated(fake: FakeTelegram, bot: Bot) -> None:
    await bot.set_my_commands([BotCommand("start", "Start"), BotCommand("next", "Next contests")])

    assert fake.commands == [
        {"command": "start", "description": "Start"},
        {"command": "next", "description": "Next contests"},
    ]
    assert [c.command for c in await bot.get_my_commands()] == ["start", "next"]
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Start", "Capitalised")])


@pytest.mark.filterwarnings("ignore:.*retry_after.*")  # PTB 22.2+ deprecates the int form
async def test_fail_next_429_surfaces_as_retry_after(fake: FakeTelegram, bot: Bot) -> None:
    fake.fail_next("sendMessage", retry_after=7)

    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(USER, "hi")
    assert caught.value.retry_after == 7
    assert fake.calls_to("sendMessage")[-1].status == 429
    await bot.send_message(USER, "hi")  # only the next call failed


async def test_blocked_user_answers_forbidden(fake: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(USER, "hello")
    fake.block(USER)

    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(USER, "hello")
    with pytest.raises(Forbidden):
        await bot.edit_message_text("bye", USER, sent.message_id)


async def test_migrated_group_raises_chat_migrated(fake: FakeTelegram, bot: Bot) -> None:
    fake.migrate(GROUP, -1001234567890)

    with pytest.raises(ChatMigrated) as caught:
        await bot.send_message(GROUP, "hi")
    assert caught.value.new_chat_id == -1001234567890
    sent = await bot.send_message(-1001234567890, "hi")
    assert sent.chat.type == "supergroup"


async def test_wrong_token_and_unknown_method(fake: FakeTelegram) -> None:
    wrong = Bot("999:nope", base_url=f"{fake.base_url}/bot")
    with pytest.raises(InvalidToken):
        await wrong.get_me()

    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{fake.base_url}/bot{fake.token}/getme") as reply,
    ):
        assert (await reply.json())["result"]["username"] == fake.bot_username
    assert fake.calls[-1].method == "getMe"  # method names are case-insensitive

    status, body = await raw_call(fake, "noSuchMethod")
    assert (status, body) == (404, {"ok": False, "error_code": 404, "description": "Not Found"})


async def test_json_form_and_multipart_bodies_decode_alike(fake: FakeTelegram) -> None:
    markup = {"inline_keyboard": [[{"text": "Open", "url": "https://example.com"}]]}
    await raw_call(fake, "sendMessage", json={"chat_id": USER, "text": "a", "reply_markup": markup})
    await raw_call(
        fake,
        "sendMessage",
        data={"chat_id": str(USER), "text": "b", "reply_markup": json.dumps(markup)},
    )
    form = aiohttp.FormData()
    form.add_field("chat_id", str(USER))
    form.add_field("text", "c")
    form.add_field("reply_markup", json.dumps(markup))
    form.add_field("document", b"data", filename="x.txt")  # forces multipart
    await raw_call(fake, "sendMessage", data=form)

    params = [call.params for call in fake.calls_to("sendMessage")]
    assert [p["chat_id"] for p in params] == [USER, USER, USER]
    assert all(p["reply_markup"] == markup for p in params)
    assert [m["text"] for m in fake.sent(USER)] == ["a", "b", "c"]


async def test_invalid_keyboard_button_is_rejected(fake: FakeTelegram) -> None:
    too_long = {"inline_keyboard": [[{"text": "X", "callback_data": "d" * 65}]]}
    status, body = await raw_call(
        fake, "sendMessage", json={"chat_id": USER, "text": "x", "reply_markup": too_long}
    )
    assert (status, body["description"]) == (400, "Bad Request: BUTTON_DATA_INVALID")

    both = {"inline_keyboard": [[{"text": "X", "callback_data": "d", "url": "https://a.b"}]]}
    status, _ = await raw_call(
        fake, "sendMessage", json={"chat_id": USER, "text": "x", "reply_markup": both}
    )
    assert status == 400


# ------------------------------------------------------------------ getUpdates


async def test_get_updates_long_poll_returns_a_queued_command(fake: FakeTelegram, bot: Bot) -> None:
    async def later() -> None:
        await asyncio.sleep(0.2)
        fake.user_message(USER, "/start@contestsync_test_bot hello", username="ada")

    task = asyncio.create_task(later())
    started = time.monotonic()
    updates = await bot.get_updates(timeout=5)
    await task

    assert 0.15 < time.monotonic() - started < 2
    [update] = updates
    message = update.message
    assert message is not None and message.from_user is not None
    assert message.text == "/start@contestsync_test_bot hello"
    assert message.entities[0].type == "bot_command"
    assert message.entities[0].length == len("/start@contestsync_test_bot")
    assert message.from_user.username == "ada"
    assert message.chat.type == "private"


async def test_get_updates_offset_drops_confirmed_updates(fake: FakeTelegram, bot: Bot) -> None:
    first = fake.user_message(USER, "one")
    second = fake.user_message(USER, "two")

    assert [u.update_id for u in await bot.get_updates()] == [
        first["update_id"],
        second["update_id"],
    ]
    remaining = await bot.get_updates(offset=second["update_id"])
    assert [u.message.text for u in remaining if u.message] == ["two"]
    assert await bot.get_updates(offset=second["update_id"] + 1) == ()
    assert first["message"]["message_id"] + 1 == second["message"]["message_id"]


async def test_get_updates_times_out_empty(bot: Bot) -> None:
    started = time.monotonic()
    updates = await bot.get_updates(timeout=1)

    assert updates == ()
    assert 0.9 < time.monotonic() - started < 2


async def test_group_command_carries_the_group_chat(fake: FakeTelegram, bot: Bot) -> None:
    fake.user_message(USER, "/next@contestsync_test_bot", chat_id=GROUP, chat_title="Club")

    [update] = await bot.get_updates()
    assert update.effective_chat is not None
    assert (update.effective_chat.id, update.effective_chat.type) == (GROUP, "group")
    assert update.effective_chat.title == "Club"
    await bot.send_message(GROUP, "ok")
    assert fake.last_sent(GROUP)["chat"]["title"] == "Club"


async def test_allowed_updates_filter_what_is_queued(fake: FakeTelegram, bot: Bot) -> None:
    await bot.get_updates(allowed_updates=["callback_query"])
    fake.user_message(USER, "ignored")

    assert await bot.get_updates() == ()


# ------------------------------------------------------------------ Application end to end


async def test_application_polling_replies_to_start(fake: FakeTelegram) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(
            "Welcome", reply_markup=keyboard(("Next", "next"))
        )

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer()
        await query.edit_message_text(f"You pressed {query.data}")

    app = build_app(fake)
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(pressed))
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)
    try:
        fake.user_message(USER, "/start")
        await fake.wait_for(lambda: len(fake.sent(USER)) == 1)
        welcome = fake.last_sent(USER)
        assert welcome["text"] == "Welcome"

        fake.press_button(USER, welcome, "next")
        await fake.wait_for(lambda: fake.message(USER, welcome["message_id"])["text"] != "Welcome")
        assert fake.message(USER, welcome["message_id"])["text"] == "You pressed next"
        assert [c.status for c in fake.calls_to("answerCallbackQuery")] == [200]
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
    assert fake.calls_to("deleteWebhook"), "start_polling clears any webhook first"


async def test_wait_for_times_out_with_a_summary(fake: FakeTelegram, bot: Bot) -> None:
    await bot.send_message(USER, "something")
    with pytest.raises(AssertionError, match="sendMessage -> 200"):
        await fake.wait_for(lambda: False, timeout=0.05)


# ------------------------------------------------------------------ webhooks


async def test_webhook_delivery_carries_the_secret(fake: FakeTelegram, bot: Bot) -> None:
    received: list[tuple[str | None, dict[str, Any]]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append((request.headers.get(SECRET_HEADER), await request.json()))
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/tg/webhook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    await web.SockSite(runner, sock).start()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/tg/webhook"
    try:
        assert await bot.set_webhook(url, secret_token="s3cr3t-_X", allowed_updates=["message"])
        assert fake.webhook is not None and fake.webhook["allowed_updates"] == ["message"]
        assert (await bot.get_webhook_info()).url == url
        with pytest.raises(Conflict):
            await bot.get_updates()

        update = fake.user_message(USER, "/start")
        assert await fake.deliver_webhook(update) == 200
        assert await fake.deliver_webhook(update, secret=None) == 200
        assert received[0] == ("s3cr3t-_X", update)
        assert received[1][0] is None

        with pytest.raises(BadRequest):
            await bot.set_webhook("https://example.com/hook", secret_token="bad secret!")
        with pytest.raises(BadRequest, match=r"(?i)https url must be provided"):
            await bot.set_webhook("http://example.com/hook")

        assert await bot.delete_webhook()
        assert fake.webhook is None
    finally:
        await runner.cleanup()
