"""Shared fixtures: real PostgreSQL, a real S3 endpoint over HTTP, Qt offscreen, a pinned
keyring backend and an isolated config/data folder for every test."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Before Qt or keyring are imported anywhere.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("CNC_LOCALE", "en")
for _variable in ("CNC_DATABASE_URL", "CNC_S3_BUCKET", "CNC_S3_ENDPOINT_URL", "CNC_DATA_DIR"):
    os.environ.pop(_variable, None)
os.environ["CNC_CONFIG_FILE"] = str(Path(tempfile.mkdtemp(prefix="cnc-config-")) / "config.toml")

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyrings.alt.file import PlaintextKeyring  # noqa: E402

from tests.support.pg import TestCluster  # noqa: E402
from tests.support.s3 import MotoS3Server  # noqa: E402

# Shared fixtures kept beside their helpers (settings_as: the settings dialog as a user).
pytest_plugins = ["tests.support.settings_ui"]


class PinnedKeyring(PlaintextKeyring):
    """A real file-backed keyring in a temporary folder: deterministic in every test run."""

    priority = 1

    def __init__(self, folder: Path):
        super().__init__()
        self._folder = folder

    @property
    def file_path(self):
        return str(self._folder / "keyring_pass.cfg")


@pytest.fixture(autouse=True)
def pinned_keyring(tmp_path):
    backend = PinnedKeyring(tmp_path)
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def isolated_config(tmp_path, monkeypatch):
    """Every test has its own config file and data folder; nothing leaks between tests."""
    monkeypatch.setenv("CNC_CONFIG_FILE", str(tmp_path / "config" / "config.toml"))
    monkeypatch.setenv("CNC_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture(scope="session")
def pg_cluster():
    cluster = TestCluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def db(pg_cluster):
    """A freshly migrated database of our schema, dropped after the test."""
    database = pg_cluster.migrated_database()
    yield database
    database.dispose()
    pg_cluster.drop_database(database.engine.url.database)


@pytest.fixture
def empty_db_url(pg_cluster):
    """URL of an empty database (no tables), for migration tests."""
    name = pg_cluster.create_database()
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture(scope="session")
def s3_server():
    server = MotoS3Server()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def s3_env(s3_server, monkeypatch):
    """Credentials and endpoint of the local S3 server in the environment."""
    for key, value in s3_server.environment().items():
        monkeypatch.setenv(key, value)
    return s3_server


@pytest.fixture
def owner_context(db, monkeypatch):
    """The platform opened with the database owner's credentials (CLI administration)."""
    from cncworkbench.services.context import AppContext

    monkeypatch.setenv("CNC_DATABASE_URL", db.url)
    context = AppContext(progress=lambda *_: None)
    yield context
    context.close()


@pytest.fixture
def app_context(db, monkeypatch):
    """The platform as a desktop client on a shared database sees it: connected as
    cnc_app, the role whose credentials the app holds."""
    from cncworkbench.services.context import AppContext
    from tests.support.people import app_url

    monkeypatch.setenv("CNC_DATABASE_URL", app_url(db))
    context = AppContext(progress=lambda *_: None)
    yield context
    context.close()


@pytest.fixture(params=["local", "s3"])
def store(request, tmp_path):
    """Each object-store implementation, against the same expectations: a local folder,
    and a real S3 endpoint over HTTP."""
    if request.param == "local":
        from cncworkbench.storage.local import LocalStore

        return LocalStore(tmp_path / "objects")
    from cncworkbench.storage.s3 import S3Store

    server = request.getfixturevalue("s3_env")
    return S3Store(server.new_bucket(), server.endpoint_url, "eu-central-1")


@pytest.fixture
def shop_license(db):
    """The shop's license in force: Enterprise, 100 seats, a year; held by an admin
    (lisans@atolye.example). Tests of gated features (CAM, simulation) take it; tests of
    licensing itself make their own."""
    from cncworkbench.services.access import licenses
    from cncworkbench.services.access.audit import Actor
    from tests.support.people import make_user

    holder = make_user(db, "lisans@atolye.example", "admin")
    with db.session() as session:
        return licenses.add_license(session, Actor.system(), holder, "enterprise", seats=100).id
