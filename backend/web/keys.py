"""Typed keys for what the application and requests carry."""

from __future__ import annotations

from aiohttp import web

from shared.resources import Resources

RES = web.AppKey("resources", Resources)
