"""Bad settings give one clear sentence naming the setting and the fix, never a traceback.

Against a real PostgreSQL (the test cluster, over TCP with SCRAM passwords) and a real S3
endpoint over HTTP (moto's server).
"""

from __future__ import annotations

import os
import subprocess
import sys

import psycopg
import pytest
from psycopg import sql

from cncworkbench.config import SecretStore, database_secret_name, load_settings
from cncworkbench.db.cluster import free_port
from cncworkbench.errors import ConfigurationError
from cncworkbench.services.context import AppContext
from cncworkbench.storage.s3 import S3Store


@pytest.fixture
def password_role(pg_cluster, db):
    """A login role with a password, reachable over TCP on 127.0.0.1."""
    name = f"pw_{os.getpid()}"
    database = db.engine.url.database
    with pg_cluster.admin() as conn:
        conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD 'Tezgah-2026'").format(sql.Identifier(name))
        )
    url = f"postgresql://{name}@127.0.0.1:{pg_cluster.live.port}/{database}"
    yield url
    db.dispose()
    with pg_cluster.admin() as conn:
        conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))


def connect(url: str, monkeypatch) -> str:
    monkeypatch.setenv("CNC_DATABASE_URL", url)
    context = AppContext(progress=lambda *_: None)
    try:
        return context.db.check()
    finally:
        context.close()


def test_the_password_in_the_keyring_is_used(password_role, monkeypatch, pg_cluster):
    SecretStore().set(database_secret_name(password_role), "Tezgah-2026")
    assert connect(password_role, monkeypatch).startswith(f"{pg_cluster.major_version}.")


def test_wrong_password(password_role, monkeypatch):
    SecretStore().set(database_secret_name(password_role), "wrong")
    with pytest.raises(ConfigurationError) as error:
        connect(password_role, monkeypatch)
    assert "rejected the password" in str(error.value)
    assert "CNC_DATABASE_URL" in str(error.value) and "set-db-password" in str(error.value)
    assert error.value.setting == "CNC_DATABASE_URL"


def test_no_password_stored(password_role, monkeypatch):
    with pytest.raises(ConfigurationError, match=r"wants a password.*set-db-password"):
        connect(password_role, monkeypatch)


def test_nothing_answers(monkeypatch):
    url = f"postgresql://cnc@127.0.0.1:{free_port()}/cnc"
    with pytest.raises(ConfigurationError, match=r"Nothing answers at .*CNC_DATABASE_URL"):
        connect(url, monkeypatch)


def test_unknown_host(monkeypatch):
    with pytest.raises(
        ConfigurationError, match=r"host 'db.invalid' in CNC_DATABASE_URL is unknown"
    ):
        connect("postgresql://cnc@db.invalid:5432/cnc", monkeypatch)


def test_missing_database(pg_cluster, monkeypatch):
    url = pg_cluster.url("no_such_database")
    with pytest.raises(ConfigurationError, match=r"'no_such_database' does not exist.*createdb"):
        connect(url, monkeypatch)


def test_the_cli_says_it_in_one_line(monkeypatch):
    url = f"postgresql://cnc@127.0.0.1:{free_port()}/cnc"
    result = subprocess.run(
        [sys.executable, "-m", "cncworkbench.cli", "db", "current"],
        env={**os.environ, "CNC_DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: Nothing answers at")


def test_config_check_reports_database_and_store(pg_cluster, db, s3_env, monkeypatch):
    monkeypatch.setenv("CNC_DATABASE_URL", db.url)
    monkeypatch.setenv("CNC_S3_BUCKET", "no-such-bucket")
    result = subprocess.run(
        [sys.executable, "-m", "cncworkbench.cli", "config", "check"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=dict(os.environ),
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "ok database" in result.stdout
    assert "The S3 bucket 'no-such-bucket' (CNC_S3_BUCKET) does not exist" in result.stdout


def test_s3_bucket_that_exists_passes_the_check(s3_env):
    bucket = s3_env.new_bucket()
    S3Store(bucket, s3_env.endpoint_url).check()
    assert bucket in S3Store(bucket, s3_env.endpoint_url).describe()


def test_s3_endpoint_that_does_not_answer(s3_env):
    endpoint = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(ConfigurationError, match=r"Nothing answers at the S3 endpoint") as error:
        S3Store("parts", endpoint).check()
    assert error.value.setting == "CNC_S3_ENDPOINT_URL"


def test_s3_without_credentials(s3_server, monkeypatch, tmp_path):
    for variable in (
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_PROFILE",
    ):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    with pytest.raises(ConfigurationError, match=r"No S3 credentials"):
        S3Store("parts", s3_server.endpoint_url, "eu-central-1").check()


def test_a_shared_database_behind_the_code_is_not_migrated_by_a_client(pg_cluster, monkeypatch):
    name = pg_cluster.create_database()
    try:
        monkeypatch.setenv("CNC_DATABASE_URL", pg_cluster.url(name))
        context = AppContext(progress=lambda *_: None)
        with pytest.raises(ConfigurationError, match=r"Ask the administrator to run"):
            context.ensure_schema()
        context.close()
        with psycopg.connect(pg_cluster.live.conninfo(database=name)) as conn:
            tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname='public'")
            assert tables.fetchone()[0] == 0  # nothing was created behind the admin's back
    finally:
        pg_cluster.drop_database(name)


def test_settings_reach_the_store(s3_env, monkeypatch):
    bucket = s3_env.new_bucket()
    monkeypatch.setenv("CNC_S3_BUCKET", bucket)
    context = AppContext(load_settings(), progress=lambda *_: None)
    context.store.check()
    assert f"S3 bucket '{bucket}'" in context.store.describe()
