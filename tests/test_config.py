"""Settings as an operator meets them: §7 defaults, env parsing, readable errors, dev keys."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest

from shared.config import DEV_KEYS_FILE, Env, Settings, load_settings, with_dev_keys
from shared.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
CONFIG_DOC = ROOT / "docs" / "configuration.md"
FIXTURES_README = ROOT / "tests" / "data" / "platforms" / "README.md"

KEY_A = "ab" * 32
KEY_B = "cd" * 32


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No variable of ours in the environment and no .env in the working directory."""
    for name in Settings.model_fields:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def documented_variables() -> list[str]:
    """The first backticked UPPER_CASE name of each row of docs/configuration.md's table."""
    names: list[str] = []
    for line in CONFIG_DOC.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\| `([A-Z][A-Z0-9_]*)` \|", line)
        if match:
            names.append(match.group(1))
    return names


# --- defaults ------------------------------------------------------------------------


def test_scrape_interval_defaults_to_30_minutes() -> None:
    assert load_settings().SCRAPE_INTERVAL_MINUTES == 30


def test_prune_after_misses_defaults_to_3() -> None:
    assert load_settings().PRUNE_AFTER_MISSES == 3


def test_web_and_worker_ports_default_to_8080_and_8081() -> None:
    settings = load_settings()
    assert (settings.PORT, settings.WORKER_PORT) == (8080, 8081)


def test_connection_limits_default_to_20() -> None:
    settings = load_settings()
    assert (settings.CONNECTION_LIMIT, settings.CONNECTION_POOL_LIMIT) == (20, 20)


def test_google_endpoints_default_to_the_real_google_urls() -> None:
    settings = load_settings()
    assert settings.GOOGLE_AUTH_URL == "https://accounts.google.com/o/oauth2/v2/auth"
    assert settings.GOOGLE_TOKEN_URL == "https://oauth2.googleapis.com/token"
    assert settings.GOOGLE_REVOKE_URL == "https://oauth2.googleapis.com/revoke"
    assert settings.GOOGLE_USERINFO_URL == "https://openidconnect.googleapis.com/v1/userinfo"
    assert settings.GOOGLE_API_URL == "https://www.googleapis.com"


def test_chat_api_urls_default_to_telegram_and_discord() -> None:
    settings = load_settings()
    assert settings.TELEGRAM_API_URL == "https://api.telegram.org"
    assert settings.DISCORD_API_URL == "https://discord.com/api/v10"


def test_process_defaults_are_development_info_and_dot_data() -> None:
    settings = load_settings()
    assert settings.ENV == Env.DEVELOPMENT
    assert settings.LOG_LEVEL == "INFO"
    assert settings.DATA_DIR == Path("./.data")
    assert settings.PUBLIC_BASE_URL == "http://localhost:8080"


def test_pgbouncer_and_trust_proxy_are_off_by_default() -> None:
    settings = load_settings()
    assert settings.POSTGRES_PGBOUNCER is False
    assert settings.TRUST_PROXY is False


def test_databases_and_secrets_are_unset_by_default() -> None:
    settings = load_settings()
    assert settings.POSTGRES_DB is None and settings.VALKEY_URI is None
    assert settings.POSTGRES_READ_DB == []
    assert settings.SESSION_SECRET is None and settings.ENCRYPTION_KEY is None
    assert settings.ADMIN_TELEGRAM_IDS == []


def test_platform_urls_default_to_the_real_endpoints_of_the_fixtures_readme() -> None:
    table = FIXTURES_README.read_text(encoding="utf-8")
    settings = load_settings()
    for name in (
        "leetcode",
        "codeforces",
        "codechef",
        "atcoder",
        "hackerrank",
        "geeksforgeeks",
        "code360",
    ):
        url = settings.platform_url(name)
        assert f"| `{name}` | `{url}`" in table, name


def test_oauth_callback_defaults_to_the_public_base_url() -> None:
    settings = load_settings(PUBLIC_BASE_URL="https://cs.example.org/")
    assert settings.google_redirect_url == "https://cs.example.org/auth/google/callback"


# --- parsing from the environment -----------------------------------------------------------------


def test_read_replicas_are_a_comma_list_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(
        "POSTGRES_READ_DB", "postgresql://r1.example/db, postgresql://r2.example/db ,"
    )
    replicas = load_settings().POSTGRES_READ_DB
    assert [r.get_secret_value() for r in replicas] == [
        "postgresql://r1.example/db",
        "postgresql://r2.example/db",
    ]


def test_admin_telegram_ids_are_a_comma_list_of_integers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_TELEGRAM_IDS", "123, 456,789")
    assert load_settings().ADMIN_TELEGRAM_IDS == [123, 456, 789]


def test_a_single_admin_id_is_a_list_of_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_TELEGRAM_IDS", "42")
    assert load_settings().ADMIN_TELEGRAM_IDS == [42]


def test_empty_variables_count_as_not_set(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("POSTGRES_DB", "VALKEY_URI", "TELEGRAM_GROUP_ID", "SESSION_SECRET"):
        monkeypatch.setenv(name, "")
    settings = load_settings()
    assert settings.POSTGRES_DB is None and settings.VALKEY_URI is None
    assert settings.TELEGRAM_GROUP_ID is None and settings.SESSION_SECRET is None


def test_numbers_and_booleans_are_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SCRAPE_INTERVAL_MINUTES", "15")
    monkeypatch.setenv("POSTGRES_PGBOUNCER", "true")
    settings = load_settings()
    assert settings.SCRAPE_INTERVAL_MINUTES == 15
    assert settings.POSTGRES_PGBOUNCER is True


def test_a_dot_env_file_in_the_working_directory_is_read(isolated_env: Path) -> None:
    (isolated_env / ".env").write_text("PORT=9090\nFROM_ENV=node-7\n", encoding="utf-8")
    settings = load_settings()
    assert (settings.PORT, settings.FROM_ENV) == (9090, "node-7")


def test_the_environment_wins_over_the_dot_env_file(
    isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (isolated_env / ".env").write_text("PORT=9090\n", encoding="utf-8")
    monkeypatch.setenv("PORT", "9191")
    assert load_settings().PORT == 9191


# --- readable errors ------------------------------------------------------------------------------


def test_bad_encryption_key_gives_exactly_one_readable_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ENCRYPTION_KEY", "not-a-key-SEKRIT")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert str(caught.value) == "ENCRYPTION_KEY must be 64 hex characters"


def test_bad_encryption_key_message_does_not_echo_the_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = "f" * 63 + "X"
    monkeypatch.setenv("ENCRYPTION_KEY", bad)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert bad not in str(caught.value)
    assert "ffff" not in str(caught.value)


def test_bad_session_secret_names_session_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SESSION_SECRET", "abc")
    with pytest.raises(ConfigError, match=r"^SESSION_SECRET must be 64 hex characters$"):
        load_settings()


def test_non_integer_port_gives_one_line_naming_port(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORT", "eighty")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert "PORT" in message
    assert "\n" not in message
    assert "WORKER_PORT" not in message


def test_valkey_uri_with_another_scheme_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VALKEY_URI", "http://user:pw-SEKRIT@cache.example:6379/0")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert "VALKEY_URI" in str(caught.value)
    assert "SEKRIT" not in str(caught.value)


def test_non_numeric_admin_id_is_refused_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ADMIN_TELEGRAM_IDS", "123,bob")
    with pytest.raises(ConfigError, match="ADMIN_TELEGRAM_IDS"):
        load_settings()


def test_unknown_log_level_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "LOUD")
    with pytest.raises(ConfigError, match="LOG_LEVEL"):
        load_settings()


def test_log_level_is_case_insensitive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "debug")
    assert load_settings().LOG_LEVEL == "DEBUG"


# --- secrets --------------------------------------------------------------------------------------


def test_secrets_do_not_appear_in_repr_or_str() -> None:
    secrets_by_name = {
        "POSTGRES_DB": "postgresql://app:pg-SEKRIT-1@db.example/app",
        "POSTGRES_READ_DB": "postgresql://app:pg-SEKRIT-2@replica.example/app",
        "VALKEY_URI": "redis://:vk-SEKRIT-3@cache.example:6379/0",
        "GOOGLE_CLIENT_SECRET": "g-SEKRIT-4",
        "SESSION_SECRET": KEY_A,
        "ENCRYPTION_KEY": KEY_B,
        "TELEGRAM_BOT_TOKEN": "123:tg-SEKRIT-5",
        "TELEGRAM_WEBHOOK_SECRET": "wh-SEKRIT-6",
        "PROXY_SECRET_KEY": "px-SEKRIT-7",
        "ADMIN_PASSWORD": "adm-SEKRIT-8",
        "DISCORD_BOT_TOKEN": "dc-SEKRIT-9",
    }
    settings = load_settings(**secrets_by_name)
    shown = repr(settings) + str(settings)
    for name, value in secrets_by_name.items():
        assert value not in shown, name
    assert "SEKRIT" not in shown


def test_secret_values_are_still_readable_by_the_code() -> None:
    settings = load_settings(ENCRYPTION_KEY=KEY_B.upper())
    assert settings.ENCRYPTION_KEY is not None
    assert settings.ENCRYPTION_KEY.get_secret_value() == KEY_B


# --- production ---------------------------------------------------------------------------------


def test_production_without_keys_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENV", "production")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert "SESSION_SECRET" in str(caught.value)
    assert "ENCRYPTION_KEY" in str(caught.value)


def test_production_without_encryption_key_is_refused_naming_only_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ENV", "production")
    monkeypatch.setenv("SESSION_SECRET", KEY_A)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert "ENCRYPTION_KEY" in str(caught.value)
    assert "SESSION_SECRET" not in str(caught.value)


def test_production_with_both_keys_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENV", "production")
    monkeypatch.setenv("SESSION_SECRET", KEY_A)
    monkeypatch.setenv("ENCRYPTION_KEY", KEY_B)
    assert load_settings().is_production


def test_unknown_env_mode_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENV", "prod")
    with pytest.raises(ConfigError, match="ENV"):
        load_settings()


# --- development keys -----------------------------------------------------------------------------


def test_dev_keys_are_generated_under_data_dir_readable_only_by_the_owner(tmp_path: Path) -> None:
    settings = with_dev_keys(load_settings(DATA_DIR=tmp_path / "data"))
    path = tmp_path / "data" / DEV_KEYS_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = json.loads(path.read_text())
    assert settings.SESSION_SECRET is not None and settings.ENCRYPTION_KEY is not None
    assert stored["SESSION_SECRET"] == settings.SESSION_SECRET.get_secret_value()
    assert stored["ENCRYPTION_KEY"] == settings.ENCRYPTION_KEY.get_secret_value()
    assert re.fullmatch(r"[0-9a-f]{64}", stored["ENCRYPTION_KEY"])
    assert stored["SESSION_SECRET"] != stored["ENCRYPTION_KEY"]


def test_dev_keys_are_the_same_on_the_second_start(tmp_path: Path) -> None:
    first = with_dev_keys(load_settings(DATA_DIR=tmp_path / "data"))
    second = with_dev_keys(load_settings(DATA_DIR=tmp_path / "data"))
    assert first.SESSION_SECRET == second.SESSION_SECRET
    assert first.ENCRYPTION_KEY == second.ENCRYPTION_KEY


def test_configured_keys_win_over_generated_ones(tmp_path: Path) -> None:
    settings = with_dev_keys(
        load_settings(DATA_DIR=tmp_path / "data", SESSION_SECRET=KEY_A, ENCRYPTION_KEY=KEY_B)
    )
    assert settings.SESSION_SECRET is not None and settings.ENCRYPTION_KEY is not None
    assert settings.SESSION_SECRET.get_secret_value() == KEY_A
    assert settings.ENCRYPTION_KEY.get_secret_value() == KEY_B
    assert not (tmp_path / "data" / DEV_KEYS_FILE).exists()


def test_dev_keys_file_that_is_not_json_gives_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / DEV_KEYS_FILE).write_text("{not json")
    with pytest.raises(ConfigError, match=DEV_KEYS_FILE):
        with_dev_keys(load_settings(DATA_DIR=tmp_path / "data"))


# --- .env.example ---------------------------------------------------------------------------------


def test_the_configuration_doc_explains_every_setting_once() -> None:
    names = documented_variables()
    assert len(names) == len(set(names))
    assert sorted(names) == sorted(Settings.model_fields)


def test_env_example_names_every_setting() -> None:
    example = ROOT / ".env.example"
    assert example.exists(), ".env.example is missing at the project root"
    text = example.read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if not re.search(rf"^{name}=", text, re.M)]
    assert missing == []


def test_env_example_holds_only_settings_and_the_compose_password() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    names = set(re.findall(r"^([A-Z][A-Z0-9_]*)=", text, flags=re.M))
    assert names - set(Settings.model_fields) == {"POSTGRES_PASSWORD"}


def test_env_example_loads_as_a_valid_configuration(isolated_env: Path) -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    (isolated_env / ".env").write_text(text, encoding="utf-8")
    settings = load_settings()
    assert settings.PORT == 8080
    assert settings.POSTGRES_DB is None


def test_public_base_url_follows_port_when_unset() -> None:
    assert load_settings(PORT=18080).PUBLIC_BASE_URL == "http://localhost:18080"
    given = load_settings(PORT=18080, PUBLIC_BASE_URL="https://cs.example.org")
    assert given.PUBLIC_BASE_URL == "https://cs.example.org"
