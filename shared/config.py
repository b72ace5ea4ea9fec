"""Settings: every variable of DESIGN §7 under its exact name, read once per process."""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from shared.errors import ConfigError

log = logging.getLogger(__name__)

_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")
DEV_KEYS_FILE = "dev-keys.json"


class Env(StrEnum):
    """Deployment mode."""

    DEVELOPMENT = "development"
    PRODUCTION = "production"
    TEST = "test"


def _split_csv(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    """All configuration; secrets are SecretStr and never printed."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
        case_sensitive=True,
    )

    # PostgreSQL
    POSTGRES_DB: SecretStr | None = None
    POSTGRES_READ_DB: Annotated[list[SecretStr], NoDecode] = Field(default_factory=list)
    CONNECTION_LIMIT: int = Field(20, ge=1, le=1000)
    CONNECTION_POOL_LIMIT: int = Field(20, ge=1, le=1000)
    POSTGRES_CA_CERT: str | None = None
    POSTGRES_PGBOUNCER: bool = False

    # Valkey
    VALKEY_URI: SecretStr | None = None

    # Web
    PUBLIC_BASE_URL: str = "http://localhost:8080"
    # Requests per minute per client IP; 0 turns the limit off (bench/api.py, or a proxy limits).
    WEB_RATE_LIMIT: int = Field(120, ge=0, le=1_000_000)

    # Google
    GOOGLE_CLIENT_ID: str | None = None
    GOOGLE_CLIENT_SECRET: SecretStr | None = None
    GOOGLE_REDIRECT_URL: str | None = None
    GOOGLE_AUTH_URL: str = "https://accounts.google.com/o/oauth2/v2/auth"
    GOOGLE_TOKEN_URL: str = "https://oauth2.googleapis.com/token"  # noqa: S105 - a URL
    GOOGLE_REVOKE_URL: str = "https://oauth2.googleapis.com/revoke"
    GOOGLE_USERINFO_URL: str = "https://openidconnect.googleapis.com/v1/userinfo"
    GOOGLE_API_URL: str = "https://www.googleapis.com"

    # Keys
    SESSION_SECRET: SecretStr | None = None
    ENCRYPTION_KEY: SecretStr | None = None
    # Earlier ENCRYPTION_KEYs, comma-separated: tokens they sealed still decrypt (key rotation).
    ENCRYPTION_OLD_KEYS: Annotated[list[SecretStr], NoDecode] = Field(default_factory=list)

    # Telegram
    TELEGRAM_BOT_TOKEN: SecretStr | None = None
    TELEGRAM_API_URL: str = "https://api.telegram.org"
    TELEGRAM_WEBHOOK_URL: str | None = None
    TELEGRAM_WEBHOOK_SECRET: SecretStr | None = None
    TELEGRAM_GROUP_ID: int | None = None
    TELEGRAM_GROUP_TOPIC_ID: int | None = None
    TELEGRAM_PROXY_URL: str | None = None
    PROXY_SECRET_KEY: SecretStr | None = None
    ADMIN_TELEGRAM_IDS: Annotated[list[int], NoDecode] = Field(default_factory=list)
    ADMIN_PASSWORD: SecretStr | None = None

    # Discord
    DISCORD_BOT_TOKEN: SecretStr | None = None
    DISCORD_API_URL: str = "https://discord.com/api/v10"
    DISCORD_DEV_GUILD_ID: int | None = None
    DISCORD_SHARD_COUNT: int | None = Field(None, ge=1, le=10000)

    # Platforms: the full endpoint URL, fetched as given
    LEETCODE_URL: str = "https://leetcode.com/graphql"
    CODEFORCES_URL: str = "https://codeforces.com/api/contest.list?gym=false"
    CODECHEF_URL: str = (
        "https://www.codechef.com/api/list/contests/all"
        "?sort_by=START&sorting_order=asc&offset=0&mode=all"
    )
    ATCODER_URL: str = "https://atcoder.jp/contests/?lang=en"
    HACKERRANK_URL: str = (
        "https://www.hackerrank.com/rest/contests/upcoming?offset=0&limit=10&contest_slug=active"
    )
    GEEKSFORGEEKS_URL: str = (
        "https://practiceapi.geeksforgeeks.org/api/vr/events/"
        "?page_number=1&sub_type=all&type=contest"
    )
    CODE360_URL: str = "https://www.naukri.com/code360/api/v4/public_section/contest_list"

    # Scrape
    SCRAPE_INTERVAL_MINUTES: int = Field(30, ge=1, le=1440)
    PRUNE_AFTER_MISSES: int = Field(3, ge=1, le=100)

    # Maintainers' alerts (shared/alerts) and daily report
    ALERTS_PER_MINUTE: int = Field(10, ge=1, le=100)
    ALERT_CHECK_SECONDS: float = Field(60, gt=0, le=3600)
    SYNC_ALERT_WINDOW_MINUTES: int = Field(30, ge=1, le=1440)
    SYNC_ALERT_MIN_SYNCS: int = Field(5, ge=1, le=100000)
    SYNC_ALERT_SHARE: float = Field(0.5, gt=0, le=1)
    WORKER_HEARTBEAT_MAX_SECONDS: int = Field(300, ge=30, le=86400)
    DAILY_REPORT_HOUR: int = Field(8, ge=-1, le=23)  # UTC hour; -1 turns the report off

    # Proxies
    TRUST_PROXY: bool = False
    TRUSTED_PROXIES: Annotated[list[str], NoDecode] = Field(default_factory=list)

    # Process
    FROM_ENV: str | None = None
    ENV: Env = Env.DEVELOPMENT
    LOG_LEVEL: str = "INFO"
    HOST: str = "127.0.0.1"
    PORT: int = Field(8080, ge=0, le=65535)
    WORKER_PORT: int = Field(8081, ge=0, le=65535)
    DATA_DIR: Path = Path("./.data")

    @field_validator(
        "POSTGRES_READ_DB",
        "ENCRYPTION_OLD_KEYS",
        "ADMIN_TELEGRAM_IDS",
        "TRUSTED_PROXIES",
        mode="before",
    )
    @classmethod
    def _csv(cls, value: Any) -> Any:
        return _split_csv(value)

    @field_validator("SESSION_SECRET", "ENCRYPTION_KEY", mode="before")
    @classmethod
    def _hex_key(cls, value: Any, info: Any) -> Any:
        if value is None or value == "":
            return None
        raw = value.get_secret_value() if isinstance(value, SecretStr) else str(value)
        if not _HEX64.match(raw.strip()):
            raise ValueError(f"{info.field_name} must be 64 hex characters")
        return raw.strip().lower()

    @field_validator("LOG_LEVEL")
    @classmethod
    def _log_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @field_validator("VALKEY_URI")
    @classmethod
    def _valkey_scheme(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith(
            ("redis://", "rediss://", "unix://")
        ):
            raise ValueError("VALKEY_URI must start with redis://, rediss:// or unix://")
        return value

    @model_validator(mode="after")
    def _public_url_follows_port(self) -> Settings:
        # Unset, the public address is this machine's own port (PORT=18080 → localhost:18080).
        if "PUBLIC_BASE_URL" not in self.model_fields_set:
            self.PUBLIC_BASE_URL = f"http://localhost:{self.PORT}"
        return self

    @model_validator(mode="after")
    def _production_rules(self) -> Settings:
        if self.ENV == Env.PRODUCTION:
            missing = [n for n in ("SESSION_SECRET", "ENCRYPTION_KEY") if getattr(self, n) is None]
            if missing:
                raise ValueError(
                    f"{' and '.join(missing)} must be set in production "
                    "(generated keys are refused)"
                )
        return self

    @property
    def is_production(self) -> bool:
        """True in production mode (JSON logs, HSTS, no generated keys)."""
        return self.ENV == Env.PRODUCTION

    @property
    def google_redirect_url(self) -> str:
        """The OAuth callback URL: GOOGLE_REDIRECT_URL or the backend's own callback route."""
        return (
            self.GOOGLE_REDIRECT_URL or f"{self.PUBLIC_BASE_URL.rstrip('/')}/auth/google/callback"
        )

    def platform_url(self, platform: str) -> str:
        """The endpoint configured for a platform key (e.g. 'leetcode' → LEETCODE_URL)."""
        value = getattr(self, f"{platform.upper()}_URL", None)
        if not isinstance(value, str):
            raise KeyError(platform)
        return value


def load_settings(**overrides: Any) -> Settings:
    """Build Settings from the environment and .env; a bad value is one readable ConfigError."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from None


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        name = ".".join(str(p) for p in err.get("loc", ())) or "settings"
        message = str(err.get("msg", "invalid value"))
        message = message.removeprefix("Value error, ")
        parts.append(message if message.startswith(name.split(".")[0]) else f"{name}: {message}")
    return "; ".join(parts)


def with_dev_keys(settings: Settings) -> Settings:
    """Outside production, fill a missing SESSION_SECRET/ENCRYPTION_KEY from keys under DATA_DIR."""
    if settings.SESSION_SECRET is not None and settings.ENCRYPTION_KEY is not None:
        return settings
    if settings.is_production:
        raise ConfigError("SESSION_SECRET and ENCRYPTION_KEY must be set in production")
    path = settings.DATA_DIR / DEV_KEYS_FILE
    keys: dict[str, str] = {}
    if path.exists():
        try:
            keys = json.loads(path.read_text())
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot read {path}: {exc.__class__.__name__}") from None
    changed = False
    for name in ("SESSION_SECRET", "ENCRYPTION_KEY"):
        if not _HEX64.match(str(keys.get(name, ""))):
            keys[name] = secrets.token_hex(32)
            changed = True
    if changed:
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(keys, fh)
        os.chmod(path, 0o600)
        log.info("generated development keys in %s", path)
    update: dict[str, Any] = {}
    if settings.SESSION_SECRET is None:
        update["SESSION_SECRET"] = SecretStr(keys["SESSION_SECRET"])
    if settings.ENCRYPTION_KEY is None:
        update["ENCRYPTION_KEY"] = SecretStr(keys["ENCRYPTION_KEY"])
    return settings.model_copy(update=update)
