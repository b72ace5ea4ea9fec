"""Contest messages in chats: subscribers, what is due, and the exactly-once delivery engine.

`render.py` builds message content (pure), `engine.py` records what is due in PostgreSQL,
claims it, sends it through the chat senders (`shared/messaging/posts.py`) and keeps sent
messages in step when their contest moves or is cancelled.
"""
