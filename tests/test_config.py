"""Settings: environment over config file over defaults; secrets masked and kept out of files."""

from __future__ import annotations

import os
import subprocess
import sys

import keyring
import pytest
from keyring.backends import fail

from cncworkbench.config import (
    SecretStore,
    config_file_path,
    load_settings,
    mask_url,
    write_config_value,
)
from cncworkbench.errors import ConfigurationError


def cli(*args, env=None, input=None):
    return subprocess.run(
        [sys.executable, "-m", "cncworkbench.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        input=input,
        timeout=120,
        check=False,
    )


def test_defaults_use_the_embedded_database_and_local_store(monkeypatch, tmp_path):
    settings = load_settings()
    assert settings.uses_embedded_database and not settings.uses_s3
    assert settings.data_dir == (tmp_path / "data").resolve()
    assert settings.sources["data_dir"] == "environment"
    assert settings.sources["database_url"] == "default"


def test_environment_overrides_the_config_file(monkeypatch):
    write_config_value("s3_bucket", "from-file")
    write_config_value("database_url", "postgresql://cnc@db.shop.local/cnc")
    assert load_settings().s3_bucket == "from-file"
    assert load_settings().sources["s3_bucket"] == "config file"
    monkeypatch.setenv("CNC_S3_BUCKET", "from-env")
    settings = load_settings()
    assert settings.s3_bucket == "from-env" and settings.sources["s3_bucket"] == "environment"
    assert settings.database_url == "postgresql://cnc@db.shop.local/cnc"
    monkeypatch.setenv("CNC_S3_BUCKET", "")  # set but empty: the local store
    assert load_settings().s3_bucket is None


def test_passwords_are_masked_everywhere_they_are_shown(monkeypatch):
    assert mask_url("postgresql://cnc:S3cr3t@db:5432/x") == "postgresql://cnc:***@db:5432/x"
    monkeypatch.setenv("CNC_DATABASE_URL", "postgresql://cnc:S3cr3t@db.shop.local/cnc")
    shown = " ".join(value for _, value, _ in load_settings().describe())
    assert "S3cr3t" not in shown and "***" in shown
    result = cli("config", "show")
    assert result.returncode == 0
    assert "S3cr3t" not in result.stdout and "cnc:***@db.shop.local" in result.stdout


def test_a_password_never_goes_into_the_config_file():
    with pytest.raises(ConfigurationError, match=r"set-db-password"):
        write_config_value("database_url", "postgresql://cnc:pw@db/cnc")
    assert not config_file_path().exists()


def test_broken_config_files_get_one_clear_sentence():
    path = config_file_path()
    path.parent.mkdir(parents=True)
    path.write_text('database_url = "postgresql://x@y/z\n')
    with pytest.raises(ConfigurationError, match=r"not valid TOML"):
        load_settings()
    path.write_text('databse_url = "postgresql://x@y/z"\n')
    with pytest.raises(ConfigurationError, match=r"unknown setting.*databse_url"):
        load_settings()
    result = cli("config", "show")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "unknown setting" in result.stderr


def test_a_non_postgresql_url_is_refused(monkeypatch):
    monkeypatch.setenv("CNC_DATABASE_URL", "mysql://x@y/z")
    with pytest.raises(ConfigurationError, match=r"PostgreSQL URL"):
        load_settings()


def test_without_a_keyring_secrets_are_not_kept_and_the_user_is_told():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        secrets = SecretStore()
        assert not secrets.available
        assert "no OS keyring" in secrets.unavailable_reason
        assert secrets.get("anything") is None
        with pytest.raises(ConfigurationError, match=r"Cannot store the secret"):
            secrets.set("database:x", "pw")
    finally:
        keyring.set_keyring(previous)


def test_keyrings_alt_file_backend_is_not_used_by_accident():
    from keyrings.alt.file import PlaintextKeyring

    assert "insecure" in SecretStore(PlaintextKeyring()).unavailable_reason


def test_the_pinned_keyring_keeps_secrets(pinned_keyring):
    secrets = SecretStore()
    assert secrets.available
    secrets.set("database:cnc@db:5432/cnc", "pa55")
    assert SecretStore().get("database:cnc@db:5432/cnc") == "pa55"
