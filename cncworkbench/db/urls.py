"""Database URLs and what a failed connection means, without SQLAlchemy.

The engine (:mod:`.engine`) and the direct connections of :mod:`.direct` both use these;
importing SQLAlchemy costs a command ~0.2 s it need not pay to read a URL.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import parse_qsl, quote, unquote, urlsplit, urlunsplit

from cncworkbench.config import SecretStore, database_secret_name
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import ConfigurationError, DatabaseUnavailable

CONNECT_TIMEOUT_S = 5
# The setting named in the messages about the embedded database.
EMBEDDED_SETTING = QT_TRANSLATE_NOOP("Config", "CNC_DATA_DIR (embedded database)")


class UrlParts(NamedTuple):
    username: str | None
    host: str  # a host name, an address or a socket folder (``?host=``)
    port: int | str
    database: str | None


def url_parts(url: str) -> UrlParts:
    """User, host, port and database of a PostgreSQL URL as people read them (libpq's
    ``?host=`` and ``?port=`` count when the URL's own are empty)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    userinfo, _, hostport = parts.netloc.rpartition("@")
    username = unquote(userinfo.partition(":")[0]) or None
    if hostport.startswith("["):  # [IPv6]:port
        host, _, rest = hostport[1:].partition("]")
        port = rest[1:]
    else:
        host, _, port = hostport.partition(":")
    return UrlParts(
        username,
        unquote(host) or query.get("host") or "localhost",
        int(port) if port.isdigit() else (query.get("port") or 5432),
        unquote(parts.path.lstrip("/")) or None,
    )


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


def describe_target(url: str) -> str:
    parts = url_parts(url)
    user = parts.username or translate("Config", "(default user)")
    return f"{user}@{parts.host}:{parts.port}/{parts.database}"


def explain_connection_error(exc: BaseException, url: str, setting: str) -> ConfigurationError:
    """Turn a driver error into one clear sentence naming ``setting`` and the fix."""
    parts = url_parts(url)
    raw = str(getattr(exc, "orig", None) or exc)
    text = raw.lower()
    target = describe_target(url)
    host = parts.host
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
