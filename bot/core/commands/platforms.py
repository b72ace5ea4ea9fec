"""/platforms: toggle buttons that choose the platforms a person follows."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot.core.commands.common import (
    asker,
    button_expired,
    labels,
    ordered,
    queue_resync,
)
from bot.core.registry import Registry
from bot.core.render import (
    render_list,
)
from bot.core.types import Button, Context, Invocation, Option, Reply, Select
from shared.db import users as uq
from shared.platforms.registry import PLATFORMS

log = logging.getLogger(__name__)


def _platforms_reply(platforms: Sequence[str], *, edit: bool, toast: str | None) -> Reply:
    chosen = set(platforms)
    if chosen:
        now = f"Selected: {render_list(labels(ordered(chosen)))}."
    else:
        now = "None selected, so you get contests from every platform."
    toggles = [
        Button(f"✅ {p.label}" if name in chosen else p.label, data=f"pf:{name}")
        for name, p in PLATFORMS.items()
    ]
    rows = [tuple(toggles[i : i + 2]) for i in range(0, len(toggles), 2)]
    rows.append((Button("Done", data="pf:done"),))
    select = Select(
        submit="pf:set",
        toggles="pf:",
        options=tuple(Option(name, p.label, name in chosen) for name, p in PLATFORMS.items()),
        placeholder="Platforms you follow (none = all)",
    )
    return Reply(
        "Choose the platforms whose contests go into your calendar and /upcoming. "
        f"Tap one to switch it on or off; changes are saved at once.\n\n{now}",
        buttons=tuple(rows),
        edit=edit,
        toast=toast,
        select=select,
    )


async def cmd_platforms(ctx: Context, inv: Invocation) -> Reply:
    """Choose platforms with toggle buttons; each tap is saved at once."""
    res = ctx.res
    data = inv.callback
    if data is None or data == "platforms":
        user = await asker(ctx, inv)
        return _platforms_reply(user.platforms, edit=False, toast=None)
    action = data.removeprefix("pf:")
    if data == "pf:done":
        user = await asker(ctx, inv)
        chosen = ordered(user.platforms)
        summary = render_list(labels(chosen)) if chosen else "every platform (none selected)"
        return Reply(
            f"Saved. You follow {summary}. Change it any time with /platforms.",
            edit=True,
            toast="Saved",
        )
    if data == "pf:set":
        if not set(inv.args) <= set(PLATFORMS):
            raise button_expired("platforms")
        user = await asker(ctx, inv)
        saved = ordered(inv.args)
        async with res.db.write.acquire() as conn, conn.transaction():
            await uq.update_preferences(conn, user.id, platforms=saved)
        log.info("user %d now follows %d platforms", user.id, len(saved))
        await queue_resync(res, user)
        return _platforms_reply(saved, edit=True, toast="Saved")
    if not data.startswith("pf:") or action not in PLATFORMS:
        raise button_expired("platforms")
    user = await asker(ctx, inv)
    async with res.db.write.acquire() as conn, conn.transaction():
        locked = await uq.get_user_for_update(conn, user.id)
        assert locked is not None
        selected = set(locked.platforms)
        turned_on = action not in selected
        saved = ordered(selected | {action} if turned_on else selected - {action})
        await uq.update_preferences(conn, user.id, platforms=saved)
    log.info("user %d now follows %d platforms", user.id, len(saved))
    await queue_resync(res, locked)
    label = PLATFORMS[action].label
    return _platforms_reply(saved, edit=True, toast=f"{label} {'on' if turned_on else 'off'}")


def register(registry: Registry) -> None:
    """/platforms (button data "platforms", "pf:<platform>", "pf:done", "pf:set")."""
    registry.command(
        "platforms",
        "Choose the contest platforms you follow",
        private_only=True,
        button_prefixes=("pf",),
    )(cmd_platforms)
