"""Connecting to the database: the shared server or the embedded cluster.

Connection failures become one sentence that names the setting and the fix
(:func:`explain_connection_error`); callers never show a driver traceback.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from cncworkbench.config import SecretStore, Settings
from cncworkbench.db.urls import (  # noqa: F401 (the engine's API, kept for its callers)
    CONNECT_TIMEOUT_S,
    EMBEDDED_SETTING,
    describe_target,
    explain_connection_error,
    sqlalchemy_url,
    with_keyring_password,
)


def resolve_database_url(
    settings: Settings, secrets: SecretStore | None = None, progress: Callable = print
) -> str:
    """The URL to connect to; starts the embedded cluster when no server is configured."""
    if settings.database_url:
        return sqlalchemy_url(
            with_keyring_password(settings.database_url, secrets or SecretStore())
        )
    from cncworkbench.db.cluster import EmbeddedCluster

    cluster = EmbeddedCluster.for_data_dir(settings.data_dir)
    return cluster.ensure_running(progress=progress).url()


def make_engine(url: str, **kwargs) -> Engine:
    return sa.create_engine(
        sqlalchemy_url(url),
        pool_pre_ping=True,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            # TIMESTAMP columns hold UTC: every session works in UTC whatever the server's
            # or the client machine's zone.
            "options": "-c timezone=UTC",
            "application_name": "cncworkbench",
        },
        **kwargs,
    )


def check_connection(engine: Engine, setting: str = "CNC_DATABASE_URL") -> str:
    """Connect once; returns the server version or raises a clear ConfigurationError."""
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SHOW server_version")).scalar_one()
    except sa.exc.OperationalError as exc:
        raise explain_connection_error(exc, engine.url.render_as_string(False), setting) from None


class Database:
    """The engine and session factory of one database, built once per process."""

    def __init__(self, url: str, setting: str = "CNC_DATABASE_URL", **engine_kwargs):
        self.url = sqlalchemy_url(url)
        self.setting = setting
        self.engine = make_engine(self.url, **engine_kwargs)
        self.sessionmaker = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        secrets: SecretStore | None = None,
        progress: Callable = print,
    ) -> Database:
        setting = "CNC_DATABASE_URL" if settings.database_url else EMBEDDED_SETTING
        return cls(resolve_database_url(settings, secrets, progress), setting=setting)

    def check(self) -> str:
        return check_connection(self.engine, self.setting)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        try:
            with self.sessionmaker.begin() as session:
                yield session
        except sa.exc.OperationalError as exc:
            if exc.connection_invalidated or "connection" in str(exc.orig).lower():
                raise explain_connection_error(exc, self.url, self.setting) from None
            raise

    def dispose(self) -> None:
        self.engine.dispose()
