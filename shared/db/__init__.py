"""PostgreSQL: pools (`pools`), migrations (`migrate`) and one module of queries per table family.

Every query function takes a `Conn` — a pool for a single statement, or a connection when the
caller groups statements in a transaction — so the caller decides where a transaction begins.
"""

from __future__ import annotations

from typing import TypeAlias

import asyncpg

Conn: TypeAlias = asyncpg.Connection | asyncpg.Pool
