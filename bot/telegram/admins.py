"""The core's `ChatAdmins` for a Telegram group: getChatMember, as Telegram reports it."""

from __future__ import annotations

from telegram import Bot, ChatMember


class TelegramChatAdmins:
    """Answers "is this user an administrator of the group?" for one group chat."""

    def __init__(self, bot: Bot, chat_id: int) -> None:
        self._bot = bot
        self._chat_id = chat_id

    async def is_admin(self, user_id: str) -> bool:
        """getChatMember: the group's creator or an administrator."""
        member = await self._bot.get_chat_member(self._chat_id, int(user_id))
        return member.status in (ChatMember.OWNER, ChatMember.ADMINISTRATOR)
