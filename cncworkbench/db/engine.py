"""Connecting to the database: the shared server or the embedded cluster.

Connection failures become one sentence that names the setting and the fix
(:func:`explain_connection_error`); callers never show a driver traceback.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from urllib.parse import quote, urlsplit, urlunsplit

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from cncworkbench.config import SecretStore, Settings, database_secret_name
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import ConfigurationError, DatabaseUnavailable

CONNECT_TIMEOUT_S = 5
# The setting named in the messages about the embedded database.
EMBEDDED_SETTING = QT_TRANSLATE_NOOP("Config", "CNC_DATA_DIR (embedded database)")


def sqlalchemy_url(url: str) -> str:
    """``postgres://`` and ``postgresql://`` URLs as SQLAlchemy's psycopg 3 URL."""
    parts = urlsplit(url)
    if parts.scheme in ("postgresql", "postgres"):
        parts = parts._replace(scheme="postgresql+psycopg")
    return urlunsplit(parts)


def with_keyring_password(url: str, secrets: SecretStore) -> str:
    """Insert the password kept in the keyring when the URL carries none."""
    parts = urlsplit(url)
    if parts.password is not None or not parts.username:
        return url
    secret = secrets.get(database_secret_name(url))
    if not secret:
        return url
    host = parts.netloc.rsplit("@", 1)[-1]
    netloc = f"{quote(parts.username, safe='')}:{quote(secret, safe='')}@{host}"
    return urlunsplit(parts._replace(netloc=netloc))


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


def describe_target(url: str) -> str:
    parts = sa.engine.make_url(url)
    host = parts.host or parts.query.get("host") or "localhost"
    port = parts.port or parts.query.get("port") or 5432
    user = parts.username or translate("Config", "(default user)")
    return f"{user}@{host}:{port}/{parts.database}"


def explain_connection_error(exc: BaseException, url: str, setting: str) -> ConfigurationError:
    """Turn a driver error into one clear sentence naming ``setting`` and the fix."""
    parts = sa.engine.make_url(url)
    raw = str(getattr(exc, "orig", None) or exc)
    text = raw.lower()
    target = describe_target(url)
    host = parts.host or parts.query.get("host") or "localhost"
    values = {
        "target": target,
        "user": parts.username,
        "host": host,
        "database": parts.database,
        "setting": translate("Config", setting),  # the embedded one has words in it
        "seconds": CONNECT_TIMEOUT_S,
    }
    if "password authentication failed" in text:
        message = translate(
            "Config",
            "The database at {target} rejected the password for user '{user}' "
            "({setting}). Store the right one with `cncworkbench config set-db-password`.",
        )
    elif "no password supplied" in text or "password is required" in text:
        message = translate(
            "Config",
            "The database at {target} wants a password for user '{user}' and none "
            "is stored. Run `cncworkbench config set-db-password` ({setting}).",
        )
    elif "could not translate host name" in text or "name or service not known" in text:
        message = translate(
            "Config",
            "The database host '{host}' in {setting} is unknown. Correct the host name in "
            "{setting}, or unset it to use the embedded database.",
        )
    elif "connection refused" in text or "no such file or directory" in text:
        message = translate(
            "Config",
            "Nothing answers at {target} ({setting}): connection refused. Start PostgreSQL "
            "there or correct the host and port in {setting}.",
        )
    elif "timeout" in text or "timed out" in text:
        message = translate(
            "Config",
            "The database at {target} did not answer within {seconds} s ({setting}). "
            "Check the host, port and any firewall between here and the server.",
        )
    elif "database" in text and "does not exist" in text:
        message = translate(
            "Config",
            "The database '{database}' does not exist on {host} ({setting}). Create it "
            "(`createdb {database}`) or correct the database name in {setting}.",
        )
    elif "role" in text and "does not exist" in text:
        message = translate(
            "Config",
            "The user '{user}' does not exist on the database server {host} "
            "({setting}). Correct the user name in {setting} or ask the database admin.",
        )
    else:
        values["error"] = raw.strip().splitlines()[0] if raw.strip() else type(exc).__name__
        message = translate(
            "Config", "Cannot connect to the database at {target} ({setting}): {error}"
        )
    return DatabaseUnavailable(message.format(**values), setting=setting)


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
